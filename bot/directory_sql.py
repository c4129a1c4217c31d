"""The federation database as the core's :class:`~bot.directory.Directory`.

Identity, invite codes, room settings (room → group → federation) and audiences come from the
federation services in ``bot.federation``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utcnow
from bot.directory import Caller, LinkRefusedError
from bot.federation import linking, room_audience, rooms
from bot.federation.errors import FederationError
from bot.messages import Address


class SqlDirectory:
    """Reads members and rooms from the federation tables."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def identify(self, address: Address) -> Caller:
        """The linked member (or a guest) and, in a group room, that room's rules and audience.

        In a group room the writer is remembered as seen there, and the audience is capped by
        everyone seen (:mod:`bot.federation.room_audience`).
        """
        with self._sessions.begin() as session:
            member = linking.resolve_identity(
                session, platform=address.platform, platform_user_id=address.user
            )
            member_id, name = (member.id, member.name) if member else (None, None)
            chat_id = address.conversation or address.user
            settings = rooms.effective_settings(session, platform=address.platform, chat_id=chat_id)
            if not address.is_group:
                audience = rooms.audience_of_member(session, member)
                return Caller(member_id, name, audience, answer_mode="all", tone=settings.tone)
            audience = room_audience.audience_seen(
                session, platform=address.platform, chat_id=chat_id, user=address.user, now=utcnow()
            )
            return Caller(member_id, name, audience, settings.answer_mode, settings.tone)

    def link(self, address: Address, code: str, *, display_name: str | None, now: datetime) -> str:
        """Redeem an invite code for this chat account; the member's name."""
        with self._sessions.begin() as session:
            try:
                member = linking.redeem_invite(
                    session,
                    platform=address.platform,
                    platform_user_id=address.user,
                    code=code,
                    now=now,
                    display_name=display_name,
                )
            except FederationError as refused:
                raise LinkRefusedError(str(refused)) from None
            return member.name
