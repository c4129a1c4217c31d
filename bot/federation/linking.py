"""Who is talking: chat identities, one-time invite codes and admin-approved link requests.

An unknown chat user is a guest (``resolve_identity`` returns ``None``) until linked, either by
redeeming an invite code an admin issued or by an admin approving their pending request.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from bot.storage.federation_models import Member
from bot.storage.identity_models import ChatIdentity, InviteCode

INVITE_LIFETIME = timedelta(days=7)
# No 0/O, 1/I/L: codes are read aloud and typed on phones.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def resolve_identity(session: Session, *, platform: str, platform_user_id: str) -> Member | None:
    """The member behind a verified chat account, or ``None`` for a guest."""
    query = (
        select(Member)
        .join(ChatIdentity, ChatIdentity.member_id == Member.id)
        .where(
            ChatIdentity.platform == platform,
            ChatIdentity.platform_user_id == platform_user_id,
            ChatIdentity.status == "verified",
        )
    )
    return session.scalars(query).first()


def issue_invite(
    session: Session,
    *,
    member: Member,
    actor: str,
    now: datetime,
    lifetime: timedelta = INVITE_LIFETIME,
) -> tuple[str, datetime]:
    """A new one-time code for ``member`` and its expiry; only its hash is stored."""
    code = "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(2))
    expires_at = now + lifetime
    session.add(
        InviteCode(
            code_hash=_hash(code),
            member_id=member.id,
            issued_by=actor,
            issued_at=now,
            expires_at=expires_at,
        )
    )
    audit.record(session, actor=actor, action="invite", entity="member", entity_id=member.id)
    return code, expires_at


def redeem_invite(
    session: Session,
    *,
    platform: str,
    platform_user_id: str,
    code: str,
    now: datetime,
    display_name: str | None = None,
) -> Member:
    """Link a chat account with an invite code; each code works once and before it expires."""
    invite = session.scalars(
        select(InviteCode).where(InviteCode.code_hash == _hash(_clean(code)))
    ).first()
    if invite is None:
        raise FederationError(texts.FED_INVITE_UNKNOWN)
    if invite.used_at is not None:
        raise FederationError(texts.FED_INVITE_USED)
    if invite.expires_at <= now:
        raise FederationError(texts.FED_INVITE_EXPIRED)
    # A conditional update so two simultaneous redemptions cannot both succeed.
    claimed = session.execute(
        update(InviteCode)
        .where(InviteCode.id == invite.id, InviteCode.used_at.is_(None))
        .values(used_at=now)
    )
    if getattr(claimed, "rowcount", 0) != 1:
        raise FederationError(texts.FED_INVITE_USED)
    member = session.get_one(Member, invite.member_id)
    _link(session, platform, platform_user_id, member, now, display_name)
    audit.record(
        session,
        actor=f"member:{member.id}",
        action="link",
        entity="member",
        entity_id=member.id,
        platform=platform,
        via="invite",
    )
    return member


def link_by_secretariat(
    session: Session,
    *,
    platform: str,
    platform_user_id: str,
    member: Member,
    actor: str,
    now: datetime,
) -> None:
    """Link an account to ``member`` without a code: the secretariat vouches for who types.

    For the secretariat's own console (``gyoryu chat --as``), where the person at the keyboard
    is already trusted with the database.
    """
    _link(session, platform, platform_user_id, member, now, None)
    audit.record(
        session,
        actor=actor,
        action="link",
        entity="member",
        entity_id=member.id,
        platform=platform,
        via="secretariat",
    )


def request_link(
    session: Session,
    *,
    platform: str,
    platform_user_id: str,
    now: datetime,
    display_name: str | None = None,
    note: str | None = None,
) -> ChatIdentity:
    """Record a guest's wish to be linked, for an admin to approve (idempotent)."""
    identity = _identity(session, platform, platform_user_id)
    if identity is not None and identity.status == "verified":
        raise FederationError(texts.FED_ALREADY_LINKED)
    if identity is None:
        identity = ChatIdentity(
            platform=platform, platform_user_id=platform_user_id, status="pending", created_at=now
        )
        session.add(identity)
    identity.display_name = display_name
    identity.note = note
    session.flush()
    return identity


def pending_requests(session: Session) -> list[ChatIdentity]:
    """Link requests waiting for an admin, oldest first."""
    query = select(ChatIdentity).where(ChatIdentity.status == "pending")
    return list(session.scalars(query.order_by(ChatIdentity.created_at, ChatIdentity.id)))


def approve_request(
    session: Session, *, request_id: int, member: Member, actor: str, now: datetime
) -> ChatIdentity:
    """Link a pending request to ``member``."""
    identity = session.get(ChatIdentity, request_id)
    if identity is None or identity.status != "pending":
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_LINK_REQUEST, str(request_id)))
    identity.member_id = member.id
    identity.status = "verified"
    identity.verified_at = now
    audit.record(
        session,
        actor=actor,
        action="link",
        entity="member",
        entity_id=member.id,
        platform=identity.platform,
        via="approval",
    )
    return identity


def reject_request(session: Session, *, request_id: int, actor: str) -> None:
    """Drop a pending request; the chat user stays a guest."""
    identity = session.get(ChatIdentity, request_id)
    if identity is None or identity.status != "pending":
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_LINK_REQUEST, str(request_id)))
    session.delete(identity)
    audit.record(
        session, actor=actor, action="reject_link", entity="chat_identity", entity_id=request_id
    )


def _link(
    session: Session,
    platform: str,
    platform_user_id: str,
    member: Member,
    now: datetime,
    display_name: str | None,
) -> None:
    identity = _identity(session, platform, platform_user_id)
    if identity is None:
        identity = ChatIdentity(platform=platform, platform_user_id=platform_user_id)
        session.add(identity)
    elif identity.status == "verified" and identity.member_id != member.id:
        raise FederationError(texts.FED_ALREADY_LINKED)
    identity.member_id = member.id
    identity.status = "verified"
    identity.verified_at = now
    identity.display_name = display_name or identity.display_name
    session.flush()


def _identity(session: Session, platform: str, platform_user_id: str) -> ChatIdentity | None:
    return session.scalars(
        select(ChatIdentity).where(
            ChatIdentity.platform == platform, ChatIdentity.platform_user_id == platform_user_id
        )
    ).first()


def _clean(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{compact[:4]}-{compact[4:]}"


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()
