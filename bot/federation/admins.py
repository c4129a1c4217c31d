"""Who may open the secretariat's web console, and how they log in without a password.

A console admin is a member, federation-wide or for one group (that group's 회장 or 간사). They
log in through a one-time link (:func:`issue_link`, 15 minutes, used once) that opens a
server-side session (:func:`redeem_link`); only hashes of the link's and the session's secrets
are stored. Every function is a use-case: a session, keyword arguments, audit in the same
transaction; the caller commits.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError
from bot.federation.groups import find_group
from bot.federation.members import LEADER_ROLES, find_member
from bot.storage.admin_models import ConsoleAdmin, ConsoleLoginLink, ConsoleSession
from bot.storage.federation_models import Group, Member, Membership

LINK_LIFETIME = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=8)


class LinkRefusedError(FederationError):
    """A log-in link that opens nothing; ``status`` is the HTTP status a page should carry."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class ConsoleUser:
    """The person behind a console session and what they may see.

    ``groups`` is ``None`` for a federation admin (everything), else the ids of their groups.
    """

    member_id: int
    name: str
    groups: frozenset[int] | None
    csrf_token: str

    @property
    def actor(self) -> str:
        """How the audit log names them (the same form chat changes use)."""
        return f"member:{self.member_id}"

    def may_see(self, group_id: int | None) -> bool:
        """Whether a record of ``group_id`` (``None``: federation-wide) is theirs to see."""
        return self.groups is None or (group_id is not None and group_id in self.groups)


def add_admin(
    session: Session, *, name: str, group: str | None = None, actor: str, now: datetime
) -> ConsoleAdmin:
    """Make a member a console admin, for the federation or (a 회장/간사) for one group."""
    member = find_member(session, name)
    target: Group | None = find_group(session, group) if group is not None else None
    scope = target.name if target is not None else texts.ADM_SCOPE_FEDERATION
    if target is not None:
        role = session.scalars(
            select(Membership.role).where(
                Membership.member_id == member.id, Membership.group_id == target.id
            )
        ).first()
        if role not in LEADER_ROLES:
            raise FederationError(texts.ADM_NOT_GROUP_LEADER.format(name=member.name, group=scope))
    existing = session.scalars(
        select(ConsoleAdmin).where(
            ConsoleAdmin.member_id == member.id,
            ConsoleAdmin.group_id.is_(None)
            if target is None
            else ConsoleAdmin.group_id == target.id,
        )
    ).first()
    if existing is not None:
        raise FederationError(texts.ADM_ALREADY.format(name=member.name, scope=scope))
    admin = ConsoleAdmin(
        member_id=member.id,
        group_id=target.id if target is not None else None,
        created_by=actor,
        created_at=now,
    )
    session.add(admin)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="console_admin_add",
        entity="member",
        entity_id=member.id,
        group_id=admin.group_id,
    )
    return admin


def scope_name(session: Session, admin: ConsoleAdmin) -> str:
    """ "연합회 전체" or the group's name, for messages."""
    return admin.group.name if admin.group is not None else texts.ADM_SCOPE_FEDERATION


def issue_link(session: Session, *, name: str, actor: str, now: datetime) -> tuple[str, datetime]:
    """A one-time log-in token for the admin called ``name`` and its expiry (hash stored)."""
    member = find_member(session, name)
    return issue_link_for(session, member_id=member.id, actor=actor, now=now)


def issue_link_for(
    session: Session, *, member_id: int, actor: str, now: datetime
) -> tuple[str, datetime]:
    """A one-time log-in token for the member ``member_id``, who must be a console admin."""
    admin = _widest_admin(session, member_id)
    if admin is None:
        member = session.get(Member, member_id)
        raise FederationError(texts.ADM_NOT_ADMIN.format(name=member.name if member else member_id))
    token = secrets.token_urlsafe(32)
    expires_at = now + LINK_LIFETIME
    session.add(
        ConsoleLoginLink(
            token_hash=_hash(token),
            admin_id=admin.id,
            issued_by=actor,
            issued_at=now,
            expires_at=expires_at,
        )
    )
    audit.record(session, actor=actor, action="console_link", entity="member", entity_id=member_id)
    return token, expires_at


def is_admin(session: Session, *, member_id: int) -> bool:
    """Whether the member may open the console at all."""
    return _widest_admin(session, member_id) is not None


def check_link(session: Session, *, token: str, now: datetime) -> ConsoleLoginLink:
    """The link ``token`` names, still usable; refused (with its status) otherwise."""
    link = session.scalars(
        select(ConsoleLoginLink).where(ConsoleLoginLink.token_hash == _hash(token))
    ).first()
    if link is None:
        raise LinkRefusedError(texts.ADM_LINK_UNKNOWN, 404)
    if link.used_at is not None:
        raise LinkRefusedError(texts.ADM_LINK_USED, 410)
    if now >= link.expires_at:
        raise LinkRefusedError(texts.ADM_LINK_EXPIRED, 410)
    return link


def redeem_link(session: Session, *, token: str, now: datetime) -> tuple[str, ConsoleUser]:
    """Use the link once and open a session: the session's cookie value and who it is."""
    link = check_link(session, token=token, now=now)
    link.used_at = now
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    row = ConsoleSession(
        token_hash=_hash(cookie),
        admin_id=link.admin_id,
        csrf_token=csrf,
        created_at=now,
        expires_at=now + SESSION_LIFETIME,
    )
    session.add(row)
    session.flush()
    user = _user(session, row)
    audit.record(
        session, actor=user.actor, action="console_login", entity="member", entity_id=user.member_id
    )
    return cookie, user


def user_of(session: Session, *, cookie: str, now: datetime) -> ConsoleUser | None:
    """Who the session cookie belongs to, or ``None`` when it is unknown, ended or expired."""
    row = _live_session(session, cookie, now)
    return _user(session, row) if row is not None else None


def end_session(session: Session, *, cookie: str, now: datetime) -> None:
    """Log out: the session opens nothing any more."""
    row = _live_session(session, cookie, now)
    if row is not None:
        row.ended_at = now


def _live_session(session: Session, cookie: str, now: datetime) -> ConsoleSession | None:
    row = session.scalars(
        select(ConsoleSession).where(ConsoleSession.token_hash == _hash(cookie))
    ).first()
    if row is None or row.ended_at is not None or now >= row.expires_at:
        return None
    return row


def _user(session: Session, row: ConsoleSession) -> ConsoleUser:
    admin = session.get(ConsoleAdmin, row.admin_id)
    assert admin is not None  # the session is deleted with its admin
    scopes = list(
        session.scalars(
            select(ConsoleAdmin.group_id).where(ConsoleAdmin.member_id == admin.member_id)
        )
    )
    groups = None if None in scopes else frozenset(g for g in scopes if g is not None)
    return ConsoleUser(admin.member_id, admin.member.name, groups, row.csrf_token)


def _widest_admin(session: Session, member_id: int) -> ConsoleAdmin | None:
    rows = list(session.scalars(select(ConsoleAdmin).where(ConsoleAdmin.member_id == member_id)))
    rows.sort(key=lambda a: (a.group_id is not None, a.id))  # federation-wide first
    return rows[0] if rows else None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
