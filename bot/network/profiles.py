"""A company's networking profile and consent: who may find it, and what it offers and seeks.

Consent is per company and defaults to 비공개: a company without a profile row, or with scope
``private``, never appears to anyone. ``group`` shows it to the members of its own groups,
``federation`` to every member. Each change is recorded with its date and who made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit, roster
from bot.federation.errors import FederationError
from bot.storage.federation_models import Company, Group, GroupCompany, Member
from bot.storage.network_models import SCOPES, NetworkProfile

SEEKING_TAGS = ("공동R&D", "외주가공", "시제품", "공동구매", "판로", "수출 파트너", "인력")
"""The kinds of partner a company can say it is looking for."""

TEXT_FIELDS = ("products", "processes", "certifications", "patents", "looking_for")
"""Free-text profile fields a member can edit (patents live on the profile, the rest on Company)."""


class ProfileDoc(NamedTuple):
    """What search knows about one company: its facts, consent and groups (never contacts).

    A named tuple, not a dataclass: search builds thousands per query and tuples are cheap.
    """

    company_id: int
    name: str
    industry: str
    region: str
    products: str
    processes: str
    certifications: str
    patents: str
    looking_for: str
    scope: str
    groups: tuple[tuple[int, str], ...]

    @property
    def group_ids(self) -> frozenset[int]:
        """The ids of the groups the company sits in."""
        return frozenset(group_id for group_id, _ in self.groups)


def scope_of_word(word: str) -> str:
    """The scope a Korean word names (비공개 / 교류회 / 연합회); refuses anything else."""
    scope = roster.scope_of(word)
    if scope is None:
        raise FederationError(texts.net_bad_scope(word))
    return scope


def profile_of(session: Session, company_id: int) -> NetworkProfile | None:
    """The company's profile row, if it has one (none means 비공개)."""
    return session.get(NetworkProfile, company_id)


def ensure_profile(session: Session, company_id: int, now: datetime) -> NetworkProfile:
    """The company's profile row, created (비공개) if it has none yet."""
    profile = session.get(NetworkProfile, company_id)
    if profile is None:
        profile = NetworkProfile(company_id=company_id, scope="private", seeking=[], updated_at=now)
        session.add(profile)
        session.flush()
    return profile


def set_scope(
    session: Session,
    company: Company,
    scope: str,
    *,
    now: datetime,
    actor: str,
    by: Member | None = None,
) -> NetworkProfile:
    """Record the company's consent (``private``, ``group``, ``federation``), dated and signed."""
    if scope not in SCOPES:
        raise FederationError(texts.net_bad_scope(scope))
    profile = ensure_profile(session, company.id, now)
    opened = profile.scope == "private" and scope != "private"
    if profile.scope != scope or profile.scope_at is None:
        profile.scope, profile.scope_at = scope, now
        profile.scope_by = by.id if by is not None else None
        profile.updated_at = now
        audit.record(
            session,
            actor=actor,
            action="network_scope",
            entity="company",
            entity_id=company.id,
            scope=scope,
        )
    if opened:
        from bot.network import suggest  # suggestions search the profiles this module defines

        session.flush()
        suggest.company_opened(session, company.id, now)
    return profile


def update_field(
    session: Session, company: Company, field: str, value: str | None, *, now: datetime, actor: str
) -> None:
    """Change one free-text profile field of the company (empty clears it)."""
    if field not in TEXT_FIELDS:
        raise FederationError(texts.net_bad_field(field))
    cleaned = (value or "").strip() or None
    profile = ensure_profile(session, company.id, now)
    if field == "patents":
        profile.patents = cleaned
    else:
        setattr(company, field, cleaned)
    profile.updated_at = now
    audit.record(
        session, actor=actor, action="network_profile", entity="company", entity_id=company.id
    )


def set_seeking(
    session: Session, company: Company, tags: list[str], *, now: datetime, actor: str
) -> None:
    """Replace the kinds of partner the company looks for (unknown tags are refused)."""
    unknown = [tag for tag in tags if tag not in SEEKING_TAGS]
    if unknown:
        raise FederationError(texts.net_bad_tags(unknown))
    profile = ensure_profile(session, company.id, now)
    profile.seeking = [tag for tag in SEEKING_TAGS if tag in tags]
    profile.updated_at = now
    audit.record(
        session, actor=actor, action="network_profile", entity="company", entity_id=company.id
    )


def confirm(session: Session, company: Company, *, now: datetime) -> None:
    """The member looked at the profile and it is still right (asked once a year)."""
    profile = ensure_profile(session, company.id, now)
    profile.confirmed_at = now


def load_docs(session: Session, *, visible_only: bool = True) -> list[ProfileDoc]:
    """Every company's profile as search sees it; with ``visible_only`` only consenting ones.

    Read as plain columns (no ORM objects): search reads them on every query, so that a
    withdrawn consent counts at once.
    """
    seats: dict[int, list[tuple[int, str]]] = {}
    query = (
        select(GroupCompany.company_id, Group.id, Group.name)
        .join(Group, Group.id == GroupCompany.group_id)
        .order_by(Group.name)
    )
    for company_id, group_id, group_name in session.connection().execute(query):
        seats.setdefault(company_id, []).append((group_id, group_name))
    rows = (
        select(
            Company.id,
            Company.name,
            Company.ksic_name,
            Company.region,
            Company.products,
            Company.processes,
            Company.certifications,
            Company.looking_for,
            NetworkProfile.patents,
            NetworkProfile.scope,
        )
        .outerjoin(NetworkProfile, NetworkProfile.company_id == Company.id)
        .order_by(Company.id)
    )
    if visible_only:
        rows = rows.where(NetworkProfile.scope.in_(("group", "federation")))
    return [
        ProfileDoc(
            company_id=row.id,
            name=row.name,
            industry=row.ksic_name or "",
            region=row.region or "",
            products=row.products or "",
            processes=row.processes or "",
            certifications=row.certifications or "",
            patents=row.patents or "",
            looking_for=row.looking_for or "",
            scope=row.scope or "private",
            groups=tuple(seats.get(row.id, ())),
        )
        for row in session.connection().execute(rows)
    ]


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is looking: their company (never shown to themselves) and their groups."""

    member_id: int
    company_id: int | None
    group_ids: frozenset[int]

    @classmethod
    def of(cls, member: Member) -> Viewer:
        """The viewer a member is."""
        groups = frozenset(m.group_id for m in member.memberships)
        return cls(member.id, member.company_id, groups)

    def may_see(self, doc: ProfileDoc) -> bool:
        """Consent decides: 연합회 to every member, 교류회 only within its groups, 비공개 never."""
        if doc.company_id == self.company_id:
            return False
        if doc.scope == "federation":
            return True
        return doc.scope == "group" and bool(doc.group_ids & self.group_ids)

    def shares_group(self, doc: ProfileDoc) -> bool:
        """Whether the company sits in one of the viewer's groups."""
        return bool(doc.group_ids & self.group_ids)
