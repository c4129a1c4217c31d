"""The roster (회원명부): one row per member with company and group columns beside it.

Import validates every row first and writes nothing if any is bad, unless asked to skip the bad
rows; export writes the same shape back. A group the federation does not have is a bad row naming
the group probably meant ("새벽 교류회" for 새벽교류회), unless new groups are asked for: a typo
must not quietly start a group of its own, where the one-company-per-industry rule would not see
the companies already seated in the real one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import clock, texts
from bot.federation import audit, business_number, companies, groups, members
from bot.federation.errors import FederationError
from bot.federation.tables import Cell, read_rows, write_rows
from bot.storage.federation_models import (
    Company,
    Federation,
    Group,
    GroupCompany,
    Member,
    Membership,
)
from bot.storage.network_models import NetworkProfile

# Canonical column → headers federations actually use (compared without spaces).
COLUMNS: dict[str, tuple[str, ...]] = {
    "group": ("소속 교류회", "교류회", "소속", "교류회명"),
    "role": ("교류회 역할", "역할", "교류회 직책"),
    "subgroup": ("분과", "소모임"),
    "company": ("회사명", "업체명", "상호", "기업명"),
    "business_number": ("사업자등록번호", "사업자번호"),
    "ksic_code": ("업종코드", "KSIC", "산업분류코드"),
    "ksic_name": ("업종", "업종명"),
    "region": ("지역", "소재지"),
    "products": ("주요제품", "생산품"),
    "processes": ("공정/설비", "보유설비", "설비"),
    "certifications": ("인증", "보유인증"),
    "looking_for": ("관심분야", "협력희망", "찾는 것"),
    "patents": ("특허", "보유특허"),
    "scope": ("공개 범위", "공개범위", "프로필 공개"),
    "name": ("성명", "대표자", "대표자명", "이름", "회원명"),
    "title": ("직위", "직책"),
    "phone": ("연락처", "휴대폰", "휴대전화", "전화번호"),
    "email": ("이메일", "전자우편", "email"),
    "joined_on": ("가입일", "입회일"),
    "override_reason": ("업종중복사유", "예외사유"),
}
REQUIRED = ("group", "company", "name")
COMPANY_COLUMNS = (
    "ksic_code",
    "ksic_name",
    "region",
    "products",
    "processes",
    "certifications",
    "looking_for",
)
SCOPE_WORDS = {"비공개": "private", "교류회": "group", "연합회": "federation"}
"""The roster's 공개 범위 (networking consent): who may find the company in partner search."""
_PHONE = re.compile(r"0\d{1,2}-?\d{3,4}-?\d{4}")
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one row was refused."""

    line: int
    reason: str


@dataclass
class ImportReport:
    """What an import found and wrote."""

    errors: list[RowError] = field(default_factory=list)
    written: bool = False
    companies: set[int] = field(default_factory=set)
    members: set[int] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)
    added: set[int] = field(default_factory=set)
    """The members the import created (not those it only updated)."""
    new_companies: set[int] = field(default_factory=set)
    """The companies the import created."""


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    values: dict[str, str]
    joined_on: date | None


def import_roster(
    session: Session,
    path: Path,
    *,
    actor: str,
    skip_invalid: bool = False,
    create_groups: bool = False,
    federation_name: str | None = None,
) -> ImportReport:
    """Create or update companies and members (and, if asked, groups) from a roster file."""
    name = federation_name or texts.FED_DEFAULT_FEDERATION
    federation = groups.the_federation(session, create_as=name)
    rows, errors = _validate(session, federation, path, create_groups=create_groups)
    report = ImportReport(errors=errors)
    if errors and not skip_invalid:
        return report
    for row in rows:
        _write(session, federation, row, actor, report)
    report.written = True
    return report


def _validate(
    session: Session, federation: Federation, path: Path, *, create_groups: bool
) -> tuple[list[_Row], list[RowError]]:
    lines = read_rows(path)
    columns = _find_header(lines)
    good: list[_Row] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    seats = _Seats(session, federation)
    names = _GroupNames(session, federation, create_groups=create_groups)
    for line, cells in lines:
        if all(_clean(c) == "" for c in cells):
            continue
        raw = {name: cells[i] if i < len(cells) else None for name, i in columns.items()}
        values = {name: _clean(cell) for name, cell in raw.items()}
        values["phone"] = _phone(values.get("phone", ""))
        problems, joined_on = _check_row(values, raw.get("joined_on"))
        key = (values["company"], values["name"])
        if key in seen:
            problems.append(texts.fed_duplicate_row(seen[key]))
        if values.get("group"):
            problems += names.check(values["group"])
        if not problems:
            problems += seats.claim(values)
        if problems:
            errors.append(RowError(line, " ".join(problems)))
            continue
        seen[key] = line
        good.append(_Row(line, values, joined_on))
    return good, errors


def _find_header(lines: Iterator[tuple[int, list[Cell]]]) -> dict[str, int]:
    """Find the header among the first rows (rosters often start with a title row)."""
    for _, cells in islice(lines, 10):
        columns = _map_columns(cells)
        if all(name in columns for name in REQUIRED):
            return columns
    missing = [COLUMNS[name][0] for name in REQUIRED]
    raise FederationError(texts.fed_missing_headers(missing))


def _phone(text: str) -> str:
    """Give back the leading zero Excel strips from a mobile number stored as a number."""
    return f"0{text}" if text.isdigit() and len(text) == 10 and text.startswith("1") else text


def _map_columns(cells: list[Cell]) -> dict[str, int]:
    aliases = {_squash(alias): name for name, names in COLUMNS.items() for alias in names}
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = aliases.get(_squash(_clean(cell)))
        if name is not None and name not in found:
            found[name] = index
    return found


def _check_row(values: dict[str, str], joined: Cell) -> tuple[list[str], date | None]:
    problems: list[str] = []
    if not values.get("group"):
        problems.append(texts.FED_GROUP_MISSING)
    if not values.get("name"):
        problems.append(texts.FED_MEMBER_NAME_MISSING)
    problems += companies.validate_company_fields(
        values.get("company", ""), values.get("business_number"), values.get("ksic_code")
    )
    phone = values.get("phone", "")
    if phone and not _PHONE.fullmatch(phone):
        problems.append(texts.fed_bad_phone(phone))
    scope = values.get("scope", "")
    if scope and scope_of(scope) is None:
        problems.append(texts.net_roster_scope(scope))
    role = values.get("role", "")
    if role and role not in members.ROLE_NAMES:
        problems.append(texts.fed_bad_role(role))
    try:
        joined_on = _to_date(joined)
    except ValueError:
        problems.append(texts.fed_bad_date(_clean(joined)))
        joined_on = None
    return problems, joined_on


class _GroupNames:
    """Which group names a roster may use: the federation's, and new ones only when asked."""

    def __init__(self, session: Session, federation: Federation, *, create_groups: bool) -> None:
        query = select(Group.name).where(Group.federation_id == federation.id)
        self.known = set(session.scalars(query))
        self.create = create_groups

    def check(self, name: str) -> list[str]:
        if name in self.known:
            return []
        closest = groups.closest_name(name, self.known)
        if not self.create:
            return [texts.fed_unknown_roster_group(name, closest)]
        if closest is not None and groups.squash(closest) == groups.squash(name):
            return [texts.fed_group_spelled_twice(name, closest)]
        self.known.add(name)  # later rows may use the new group too
        return []


class _Seats:
    """Tracks who sits in which group, from the database and from earlier rows of the file."""

    def __init__(self, session: Session, federation: Federation) -> None:
        self.digits = federation.industry_digits
        self.taken: dict[tuple[str, str], str] = {}
        query = (
            select(Group.name, Company.name, Company.ksic_code)
            .join(GroupCompany, GroupCompany.group_id == Group.id)
            .join(Company, Company.id == GroupCompany.company_id)
            .where(Group.federation_id == federation.id, GroupCompany.override_reason.is_(None))
        )
        for group_name, company_name, code in session.execute(query):
            key = companies.industry_key(code, self.digits)
            if key:
                self.taken[(group_name, key)] = company_name

    def claim(self, values: dict[str, str]) -> list[str]:
        key = companies.industry_key(values.get("ksic_code"), self.digits)
        if not key or values.get("override_reason"):
            return []
        holder = self.taken.setdefault((values["group"], key), values["company"])
        if holder != values["company"]:
            return [texts.fed_industry_conflict(values["group"], holder, key)]
        return []


def _write(
    session: Session, federation: Federation, row: _Row, actor: str, report: ImportReport
) -> None:
    values = row.values
    group = _group(session, federation, values["group"], actor)
    company, created = _company(session, values, actor)
    if created:
        report.new_companies.add(company.id)
    companies.seat_company(
        session,
        group=group,
        company=company,
        actor=actor,
        override_reason=values.get("override_reason") or None,
    )
    member = session.scalars(
        select(Member).where(Member.company_id == company.id, Member.name == values["name"])
    ).first()
    if member is None:
        member = members.add_member(
            session,
            federation=federation,
            name=values["name"],
            company_id=company.id,
            actor=actor,
        )
        report.added.add(member.id)
    for column in ("title", "phone", "email"):
        if values.get(column):
            setattr(member, column, values[column])
    role = members.ROLE_NAMES.get(values.get("role", ""), "member")
    members.join_group(
        session, member=member, group=group, role=role, joined_on=row.joined_on, actor=actor
    )
    if values.get("scope") or values.get("patents"):
        _profile(session, company, values, actor)
    report.groups.add(group.id)
    report.companies.add(company.id)
    report.members.add(member.id)


def _group(session: Session, federation: Federation, name: str, actor: str) -> Group:
    group = session.scalars(
        select(Group).where(Group.federation_id == federation.id, Group.name == name)
    ).first()
    return group or groups.add_group(session, federation=federation, name=name, actor=actor)


def _company(session: Session, values: dict[str, str], actor: str) -> tuple[Company, bool]:
    """The row's company, found by business number or name, else created (and whether it was)."""
    number = business_number.normalize(values.get("business_number", "")) or None
    company = companies.find_by_number(session, number) if number else None
    if company is None:
        company = session.scalars(select(Company).where(Company.name == values["company"])).first()
    if company is None:
        created = companies.add_company(
            session,
            actor=actor,
            name=values["company"],
            business_number=number,
            **{c: values.get(c) or None for c in COMPANY_COLUMNS},
        )
        return created, True
    company.business_number = company.business_number or number
    for column in COMPANY_COLUMNS:
        if values.get(column):
            setattr(company, column, values[column])
    return company, False


def scope_of(word: str) -> str | None:
    """The scope a 공개 범위 word names (비공개 / 교류회·우리 교류회 / 연합회·연합회 전체)."""
    return SCOPE_WORDS.get(_squash(word).removeprefix("우리").removesuffix("전체"))


def _profile(session: Session, company: Company, values: dict[str, str], actor: str) -> None:
    """The company's networking consent and patents from the roster (recorded with the date)."""
    now = clock.utcnow()
    profile = session.get(NetworkProfile, company.id)
    if profile is None:
        profile = NetworkProfile(company_id=company.id, scope="private", seeking=[], updated_at=now)
        session.add(profile)
    if values.get("patents"):
        profile.patents = values["patents"]
    scope = scope_of(values.get("scope", ""))
    if scope is not None and (scope != profile.scope or profile.scope_at is None):
        profile.scope, profile.scope_at, profile.scope_by = scope, now, None
        audit.record(
            session,
            actor=actor,
            action="network_scope",
            entity="company",
            entity_id=company.id,
            scope=scope,
        )
    profile.updated_at = now
    session.flush()


EXPORT_HEADER = (
    "소속 교류회",
    "교류회 역할",
    "회사명",
    "사업자등록번호",
    "업종코드",
    "업종",
    "지역",
    "주요제품",
    "공정/설비",
    "인증",
    "관심분야",
    "성명",
    "직위",
    "연락처",
    "이메일",
    "가입일",
    "특허",
    "공개 범위",
)
SCOPE_NAMES = {scope: word for word, scope in SCOPE_WORDS.items()}


def export_roster(session: Session, path: Path) -> int:
    """Write every group membership as one roster row; returns the number of rows."""
    query = (
        select(Membership)
        .join(Group, Group.id == Membership.group_id)
        .join(Member, Member.id == Membership.member_id)
        .order_by(Group.name, Membership.role != "leader", Member.name)
    )
    rows: list[list[Cell]] = []
    for membership in session.scalars(query):
        member, company = membership.member, membership.member.company
        number = company.business_number if company else None
        rows.append(
            [
                membership.group.name,
                members.GROUP_ROLES[membership.role],
                company.name if company else None,
                business_number.formatted(number) if number else None,
                *(getattr(company, c) if company else None for c in COMPANY_COLUMNS),
                member.name,
                member.title,
                member.phone,
                member.email,
                membership.joined_on,
                *_profile_cells(session, company),
            ]
        )
    write_rows(path, EXPORT_HEADER, rows)
    return len(rows)


def _profile_cells(session: Session, company: Company | None) -> tuple[Cell, Cell]:
    profile = session.get(NetworkProfile, company.id) if company else None
    if company is None:
        return None, None
    return (profile.patents if profile else None), SCOPE_NAMES[
        profile.scope if profile else "private"
    ]


def _to_date(cell: Cell) -> date | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float):
        # An Excel serial day number that reached us without a date format.
        return _EXCEL_EPOCH + timedelta(days=int(cell))
    parts = re.split(r"[-./년월일\s]+", cell.strip())
    numbers = [int(p) for p in parts if p.isdigit()]
    if len(numbers) != 3:
        raise ValueError(cell)
    return date(*numbers)


def _clean(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime | date):
        return cell.isoformat()[:10]
    return str(cell).strip()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()
