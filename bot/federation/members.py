"""Members (people), their group roles, and their PIPA rights to see and erase their data."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from bot.storage.federation_models import Advisor, Federation, Group, Member, Membership

GROUP_ROLES = {"member": "회원", "leader": "회장", "secretary": "간사"}
LEADER_ROLES = frozenset({"leader", "secretary"})
"""The roles that lead a group (회장 and 간사): they get the digest, the RSVP list and /참석현황."""
ROLE_NAMES = {"회원": "member", "회장": "leader", "간사": "secretary", "사무총장": "secretary"}
MEMBER_FIELDS = ("name", "title", "phone", "email")


def add_member(
    session: Session,
    *,
    federation: Federation,
    name: str,
    actor: str,
    title: str | None = None,
    company_id: int | None = None,
    phone: str | None = None,
    email: str | None = None,
    is_admin: bool = False,
) -> Member:
    """Create a member of the federation."""
    if not name.strip():
        raise FederationError(texts.FED_MEMBER_NAME_MISSING)
    member = Member(
        federation_id=federation.id,
        name=name.strip(),
        title=title,
        company_id=company_id,
        phone=phone,
        email=email,
        is_admin=is_admin,
    )
    session.add(member)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="member", entity_id=member.id)
    return member


def edit_member(session: Session, member: Member, *, actor: str, **changes: Any) -> None:
    """Change some fields; a concurrent edit of the same member raises ``StaleDataError``."""
    for field, value in changes.items():
        setattr(member, field, value)
    audit.record(
        session,
        actor=actor,
        action="edit",
        entity="member",
        entity_id=member.id,
        fields=sorted(changes),
    )


def join_group(
    session: Session,
    *,
    member: Member,
    group: Group,
    actor: str,
    role: str = "member",
    joined_on: date | None = None,
) -> Membership:
    """Put a member in a group with a role (``member``, ``leader``, ``secretary``)."""
    if role not in GROUP_ROLES:
        raise FederationError(texts.fed_bad_role(role))
    membership = session.scalars(
        select(Membership).where(Membership.member_id == member.id, Membership.group_id == group.id)
    ).first()
    if membership is None:
        membership = Membership(member=member, group=group)
        session.add(membership)
    membership.role = role
    membership.joined_on = joined_on or membership.joined_on
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="join",
        entity="member",
        entity_id=member.id,
        group_id=group.id,
        role=role,
    )
    return membership


def record_consent(
    session: Session, member: Member, *, when: datetime, scope: str, actor: str | None = None
) -> None:
    """Record that the member agreed to how their data is used (``actor``: who recorded it,
    the member themself unless the secretariat recorded a signed form)."""
    member.consent_at = when
    member.consent_scope = scope
    member.consent_withdrawn_at = None
    audit.record(
        session,
        actor=actor or f"member:{member.id}",
        action="consent",
        entity="member",
        entity_id=member.id,
        scope=scope,
    )


def withdraw_consent(
    session: Session, member: Member, *, when: datetime, actor: str | None = None
) -> None:
    """Record that the member withdrew their consent (PIPA 동의 철회) at ``when``.

    What they had agreed to is cleared, so nothing reads the member as consenting any more;
    the audit log keeps when consent was given and withdrawn, and by whom it was recorded.
    """
    member.consent_at = None
    member.consent_scope = None
    member.consent_withdrawn_at = when
    audit.record(
        session,
        actor=actor or f"member:{member.id}",
        action="consent_withdrawn",
        entity="member",
        entity_id=member.id,
    )


def withdrew_consent(member: Member) -> bool:
    """Whether the member withdrew their personal-data consent and has not given it again.

    Features that use a member's data beyond keeping the roster (networking: introductions,
    pairing, being told of other companies) leave such a member out.
    """
    return member.consent_withdrawn_at is not None


def roles_of(session: Session, member: Member) -> set[str]:
    """The member's roles: ``member``, ``leader``, ``secretary``, ``admin``, ``advisor``."""
    roles = {m.role for m in member.memberships}
    if member.is_admin:
        roles.add("admin")
    if session.scalars(select(Advisor.id).where(Advisor.member_id == member.id)).first():
        roles.add("advisor")
    return roles


def find_member(session: Session, name_or_id: str) -> Member:
    """A member by id or exact name (an ambiguous name is refused)."""
    if name_or_id.isdigit():
        member = session.get(Member, int(name_or_id))
        if member is None:
            raise NotFoundError(texts.fed_not_found(texts.FED_KIND_MEMBER, name_or_id))
        return member
    matches = list(session.scalars(select(Member).where(Member.name == name_or_id)))
    if not matches:
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_MEMBER, name_or_id))
    if len(matches) > 1:
        raise FederationError(texts.fed_ambiguous(name_or_id, [m.id for m in matches]))
    return matches[0]


def list_members(session: Session, *, group: Group | None = None) -> list[Member]:
    """Every member, or those of one group, by name."""
    query = select(Member).order_by(Member.name, Member.id)
    if group is not None:
        query = query.join(Membership).where(Membership.group_id == group.id)
    return list(session.scalars(query))


def data_of(session: Session, member: Member) -> dict[str, Any]:
    """Everything stored about one member, for their right of access (열람권).

    Every table is covered through :data:`bot.personal_data.HOLDINGS`.
    """
    from bot import personal_data

    return personal_data.export(session, member)


def erase_member(session: Session, member: Member, *, actor: str) -> None:
    """Delete a member's personal data everywhere (PIPA), keeping anonymous counts.

    RSVPs and answers stay without who gave them, so attendance and answer figures hold.
    """
    from bot import personal_data

    personal_data.erase(session, member, actor=actor)
