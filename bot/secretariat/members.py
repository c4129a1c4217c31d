"""Members as the secretariat keeps them: add, import a roster, edit, erase, invite, link
accounts, advisors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from bot import texts
from bot.clock import format_kst_stamp, utcnow
from bot.federation import advisors, companies, groups, linking, members, roster
from bot.federation.errors import FederationError, NotFoundError
from bot.network import chores, suggest
from bot.storage.federation_models import Advisor

CONSENT_SCOPE_MAX = 200
"""The longest consent wording kept (the column's width)."""


@dataclass(frozen=True)
class MemberRef:
    """A member's number and name, for the confirmation line."""

    id: int
    name: str


@dataclass(frozen=True)
class Invite:
    """A one-time invite code (shown once) and when it expires."""

    member: str
    code: str
    expires_at: datetime


@dataclass(frozen=True)
class Linked:
    """A chat account now linked to a member."""

    member: str
    platform: str


def add_member(
    session: Session,
    *,
    name: str,
    actor: str,
    company: str | None = None,
    title: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    group: str | None = None,
    role: str = members.GROUP_ROLES["member"],
    admin: bool = False,
) -> MemberRef:
    """Add a member (of ``company``, name or number) and seat them in ``group`` with ``role``.

    ``role`` is Korean (회원, 회장, 간사, 사무총장); an unknown one is refused before anything
    is written.
    """
    if role not in members.ROLE_NAMES:
        raise FederationError(texts.fed_bad_role(role))
    federation = groups.the_federation(session)
    company_id = companies.find_company(session, company).id if company else None
    added = members.add_member(
        session,
        federation=federation,
        name=name,
        title=title,
        company_id=company_id,
        phone=phone,
        email=email,
        is_admin=admin,
        actor=actor,
    )
    if group:
        members.join_group(
            session,
            member=added,
            group=groups.find_group(session, group),
            role=members.ROLE_NAMES[role],
            actor=actor,
        )
    # A roster change: the newcomer is asked once to fill in their company's profile.
    chores.roster_joined(session, [added.id], utcnow())
    return MemberRef(added.id, added.name)


def import_roster(
    session: Session,
    path: Path,
    *,
    actor: str,
    skip_invalid: bool = False,
    create_groups: bool = False,
    federation_name: str | None = None,
    now: datetime | None = None,
) -> roster.ImportReport:
    """Import a roster file (see :func:`bot.federation.roster.import_roster`).

    A roster change for networking: each member it creates is asked once to fill in their
    company's profile, and each company it creates that may be found (its 공개 범위 on the
    roster) is suggested to the few members whose 찾는 것 it answers, as a company that opens
    its profile is.
    """
    report = roster.import_roster(
        session,
        path,
        actor=actor,
        skip_invalid=skip_invalid,
        create_groups=create_groups,
        federation_name=federation_name,
    )
    if report.written:
        moment = now or utcnow()
        chores.roster_joined(session, sorted(report.added), moment)
        for company_id in sorted(report.new_companies):
            suggest.company_opened(session, company_id, moment)
    return report


def edit_member(
    session: Session,
    *,
    member: str,
    actor: str,
    name: str | None = None,
    title: str | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> MemberRef:
    """Change the fields given (empty = keep) of a member found by number or name."""
    found = members.find_member(session, member)
    given = {"name": name, "title": title, "phone": phone, "email": email}
    members.edit_member(session, found, actor=actor, **{k: v for k, v in given.items() if v})
    return MemberRef(found.id, found.name)


def erase_member(session: Session, *, member: str, actor: str) -> MemberRef:
    """Delete a member's personal data everywhere (PIPA); anonymous counts stay."""
    found = members.find_member(session, member)
    erased = MemberRef(found.id, found.name)
    members.erase_member(session, found, actor=actor)
    return erased


def record_privacy_consent(
    session: Session, *, member: str, scope: str, now: datetime, actor: str
) -> MemberRef:
    """Record the member's consent to the use of their personal data (PIPA), e.g. from a signed
    form: what they agreed to (``scope``), dated ``now`` and audited with who recorded it."""
    found = members.find_member(session, member)
    scope = " ".join(scope.split())
    if not scope:
        raise FederationError(texts.ROSTER_CONSENT_NO_SCOPE)
    if len(scope) > CONSENT_SCOPE_MAX:
        raise FederationError(texts.roster_consent_too_long(CONSENT_SCOPE_MAX))
    members.record_consent(session, found, when=now, scope=scope, actor=actor)
    return MemberRef(found.id, found.name)


def record_consent_withdrawal(
    session: Session, *, member: str, now: datetime, actor: str
) -> MemberRef:
    """Record that the member withdrew their personal-data consent (PIPA 동의 철회), dated
    ``now`` and audited with who recorded it; recording consent again later restores it.

    A withdrawal is recorded even when no consent was on record (a paper form may never have
    been entered); one already recorded is refused, naming its date.
    """
    found = members.find_member(session, member)
    if found.consent_withdrawn_at is not None:
        raise FederationError(
            texts.roster_consent_already_withdrawn(
                found.name, format_kst_stamp(found.consent_withdrawn_at)
            )
        )
    members.withdraw_consent(session, found, when=now, actor=actor)
    return MemberRef(found.id, found.name)


def issue_invite(
    session: Session, *, member: str, actor: str, now: datetime, days: int = 7
) -> Invite:
    """A one-time code the member types in a chat to link their account, valid ``days``."""
    found = members.find_member(session, member)
    code, expires = linking.issue_invite(
        session, member=found, actor=actor, now=now, lifetime=timedelta(days=days)
    )
    return Invite(found.name, code, expires)


def approve_link(
    session: Session, *, request_id: int, member: str, actor: str, now: datetime
) -> Linked:
    """Link the chat account of a pending request to a member."""
    found = members.find_member(session, member)
    identity = linking.approve_request(
        session, request_id=request_id, member=found, actor=actor, now=now
    )
    return Linked(found.name, identity.platform)


def add_advisor(
    session: Session,
    *,
    name: str,
    fields: list[str],
    actor: str,
    title: str | None = None,
    affiliation: str | None = None,
    phone: str | None = None,
    availability: str | None = None,
    groups_served: list[str] | None = None,
) -> MemberRef:
    """Add an advisor serving the groups named (none: the whole federation); the advisor's id."""
    added = advisors.add_advisor(
        session,
        federation=groups.the_federation(session),
        name=name,
        fields=fields,
        title=title,
        affiliation=affiliation,
        phone=phone,
        availability=availability,
        serves=[groups.find_group(session, g) for g in groups_served or []],
        actor=actor,
    )
    return MemberRef(added.id, name)


def remove_advisor(session: Session, *, advisor_id: int, actor: str) -> MemberRef:
    """Remove an advisor by number, erasing their personal data."""
    found = session.get(Advisor, advisor_id)
    if found is None:
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_ADVISOR, str(advisor_id)))
    removed = MemberRef(advisor_id, found.member.name)
    members.erase_member(session, found.member, actor=actor)
    return removed
