"""The roster as the console handles it: a file in, a file out, and who is on it.

:func:`import_file` and :func:`export_file` take and give bytes (an upload, a download) around
:mod:`bot.federation.roster`, which the command line uses with paths. :func:`member_lines` and
:func:`company_lines` list the roster, limited to some groups for a group's admin, with each
member's consent and linked chat accounts.
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot import texts
from bot.federation import audit, members, roster
from bot.federation.errors import FederationError
from bot.storage.federation_models import Company, Group, GroupCompany, Member, Membership
from bot.storage.identity_models import ChatIdentity, InviteCode
from bot.storage.network_models import NetworkProfile

SUFFIXES = (".csv", ".xlsx")
SCOPE_CHOICES = tuple(roster.SCOPE_WORDS)
"""The networking consent a company can give, as the roster and the 회원 page word it."""


@dataclass(frozen=True)
class RowProblem:
    """A row the import refused: its line in the file and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class RosterImport:
    """What an import did: the refused rows and, when it wrote, how much it saved."""

    problems: tuple[RowProblem, ...]
    written: bool
    members: int
    companies: int
    groups: int


@dataclass(frozen=True)
class MemberLine:
    """One member as the roster page lists them."""

    id: int
    name: str
    title: str
    company: str
    groups: tuple[str, ...]
    """Each group with the role in it: ``새벽교류회(회장)``."""
    phone: str
    consent_at: datetime | None
    consent_scope: str
    consent_withdrawn_at: datetime | None
    """When the member withdrew their consent (``None``: not withdrawn)."""
    accounts: int
    """Chat accounts linked to the member."""
    invite_expires_at: datetime | None
    """When the member's newest unused invite code expires (``None``: none outstanding)."""


@dataclass(frozen=True)
class CompanyLine:
    """One company as the roster page lists it."""

    id: int
    name: str
    industry: str
    region: str
    groups: tuple[str, ...]
    members: int
    scope: str
    """Its networking consent: 비공개, 교류회 or 연합회."""


def import_file(
    session: Session,
    *,
    name: str,
    data: bytes,
    actor: str,
    skip_invalid: bool = True,
    create_groups: bool = False,
) -> RosterImport:
    """Import an uploaded roster (.csv or .xlsx), the good rows saved unless told otherwise.

    A bad row is reported with its line and reason; with ``skip_invalid`` the good rows are
    saved all the same, without it nothing is saved when any row is bad. A file that is not a
    readable spreadsheet is refused with a Korean :class:`FederationError`.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise FederationError(texts.ROSTER_BAD_SUFFIX)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"roster{suffix}"
        path.write_bytes(data)
        try:
            report = roster.import_roster(
                session, path, actor=actor, skip_invalid=skip_invalid, create_groups=create_groups
            )
        except UnicodeDecodeError as error:
            raise FederationError(texts.ROSTER_BAD_ENCODING) from error
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise FederationError(texts.ROSTER_BAD_SPREADSHEET) from error
    return RosterImport(
        problems=tuple(RowProblem(e.line, e.reason) for e in report.errors),
        written=report.written,
        members=len(report.members),
        companies=len(report.companies),
        groups=len(report.groups),
    )


def export_file(session: Session, *, suffix: str) -> tuple[bytes, int]:
    """The whole roster as a ``.csv`` or ``.xlsx`` file in the import's shape, and its rows."""
    if suffix not in SUFFIXES:
        raise FederationError(texts.ROSTER_BAD_SUFFIX)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"roster{suffix}"
        count = roster.export_roster(session, path)
        return path.read_bytes(), count


def member_lines(
    session: Session, *, scope: frozenset[int] | None, now: datetime
) -> list[MemberLine]:
    """Every member (only those of the ``scope`` groups when given), by name."""
    query = (
        select(Member)
        .options(selectinload(Member.memberships).selectinload(Membership.group))
        .order_by(Member.name, Member.id)
    )
    if scope is not None:
        query = query.where(
            Member.id.in_(select(Membership.member_id).where(Membership.group_id.in_(scope)))
        )
    found = list(session.scalars(query))
    ids = [m.id for m in found]
    accounts = dict(
        session.execute(
            select(ChatIdentity.member_id, func.count())
            .where(ChatIdentity.member_id.in_(ids), ChatIdentity.status == "verified")
            .group_by(ChatIdentity.member_id)
        ).all()
    )
    invites = dict(
        session.execute(
            select(InviteCode.member_id, func.max(InviteCode.expires_at))
            .where(
                InviteCode.member_id.in_(ids),
                InviteCode.used_at.is_(None),
                InviteCode.expires_at > now,
            )
            .group_by(InviteCode.member_id)
        ).all()
    )
    return [
        MemberLine(
            id=m.id,
            name=m.name,
            title=m.title or "",
            company=m.company.name if m.company else "",
            groups=tuple(
                f"{s.group.name}({members.GROUP_ROLES[s.role]})"
                for s in sorted(m.memberships, key=lambda s: s.group.name)
            ),
            phone=m.phone or "",
            consent_at=m.consent_at,
            consent_scope=m.consent_scope or "",
            consent_withdrawn_at=m.consent_withdrawn_at,
            accounts=int(accounts.get(m.id, 0)),
            invite_expires_at=invites.get(m.id),
        )
        for m in found
    ]


def company_lines(session: Session, *, scope: frozenset[int] | None) -> list[CompanyLine]:
    """Every company (only those seated in the ``scope`` groups when given), by name."""
    query = select(Company).order_by(Company.name, Company.id)
    if scope is not None:
        query = query.where(
            Company.id.in_(select(GroupCompany.company_id).where(GroupCompany.group_id.in_(scope)))
        )
    found = list(session.scalars(query))
    ids = [c.id for c in found]
    seats: dict[int, list[str]] = {}
    for company_id, group_name in session.execute(
        select(GroupCompany.company_id, Group.name)
        .join(Group, Group.id == GroupCompany.group_id)
        .where(GroupCompany.company_id.in_(ids))
    ).all():
        seats.setdefault(company_id, []).append(group_name)
    people = dict(
        session.execute(
            select(Member.company_id, func.count())
            .where(Member.company_id.in_(ids))
            .group_by(Member.company_id)
        ).all()
    )
    scopes = dict(
        session.execute(
            select(NetworkProfile.company_id, NetworkProfile.scope).where(
                NetworkProfile.company_id.in_(ids)
            )
        ).all()
    )
    return [
        CompanyLine(
            id=c.id,
            name=c.name,
            industry=c.ksic_name or "",
            region=c.region or "",
            groups=tuple(sorted(seats.get(c.id, []))),
            members=int(people.get(c.id, 0)),
            scope=roster.SCOPE_NAMES.get(scopes.get(c.id, "private"), ""),
        )
        for c in found
    ]


def in_scope(session: Session, *, member_id: int, scope: frozenset[int] | None) -> bool:
    """Whether the member exists and belongs to one of the ``scope`` groups (any, when none)."""
    if session.get(Member, member_id) is None:
        return False
    if scope is None:
        return True
    return (
        session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(Membership.member_id == member_id, Membership.group_id.in_(scope))
        )
        or 0
    ) > 0


def member_data(session: Session, *, member_id: int, actor: str) -> tuple[str, dict[str, Any]]:
    """Everything stored about one member (열람권) and their name; the access is audited."""
    member = members.find_member(session, str(member_id))
    data = members.data_of(session, member)
    audit.record(session, actor=actor, action="data_export", entity="member", entity_id=member_id)
    return member.name, data
