"""A group room's audience: its setting, capped by the least entitled person seen there.

The room's setting (:func:`bot.federation.rooms.audience_of_room`) says the most a room may see.
Who actually writes there can lower it: every chat account that writes in a configured room is
remembered (:class:`~bot.storage.room_models.RoomSighting`), and answers draw only on what all of
them may see. Members of the room's group (and federation admins) keep group-level access; a
member of another group lowers the room to members-only; a guest (an unlinked account) to public.
Linking later lifts the cap, since each person's standing is read afresh.

When someone lowers a room, the secretariat is told once: an audit entry on the room and a
warning in the server log, naming the room and the new level (never the person).
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.federation import audit, rooms
from bot.storage.federation_models import Member, Membership
from bot.storage.identity_models import ChatIdentity
from bot.storage.room_models import ChatRoom, RoomSighting

log = logging.getLogger(__name__)

PUBLIC, MEMBERS, GROUP = 0, 1, 2
LEVEL_NAMES = ("public", "members", "group")


def audience_seen(
    session: Session, *, platform: str, chat_id: str, user: str, now: datetime
) -> frozenset[str]:
    """The labels an answer in the room may draw on, counting ``user`` as seen there.

    Records ``user`` the first time they write in a configured room (the caller commits).
    """
    room = session.scalars(
        select(ChatRoom).where(ChatRoom.platform == platform, ChatRoom.chat_id == chat_id)
    ).first()
    allowed = rooms.audience_of_room(session, platform=platform, chat_id=chat_id)
    if room is None:
        return allowed  # an unknown room is public already
    levels = _levels(session, room)
    if user not in levels:
        levels_before = min(levels.values(), default=GROUP)
        _remember(session, room, user, now)
        levels = _levels(session, room)
        level = min(levels.values(), default=GROUP)
        if level < min(levels_before, _level_of(allowed)):
            _tell_secretariat(session, room, level)
    return _capped(allowed, min(levels.values(), default=GROUP))


def _levels(session: Session, room: ChatRoom) -> dict[str, int]:
    """Each account seen in ``room`` with its standing there (guest, other member, group)."""
    rows = session.execute(
        select(RoomSighting.user_id, Member.id, Member.is_admin)
        .outerjoin(
            ChatIdentity,
            and_(
                ChatIdentity.platform == RoomSighting.platform,
                ChatIdentity.platform_user_id == RoomSighting.user_id,
                ChatIdentity.status == "verified",
            ),
        )
        .outerjoin(Member, Member.id == ChatIdentity.member_id)
        .where(RoomSighting.platform == room.platform, RoomSighting.chat_id == room.chat_id)
    ).all()
    member_ids = [member_id for _, member_id, _ in rows if member_id is not None]
    in_group: set[int] = set()
    if room.group_id is not None and member_ids:
        in_group = set(
            session.scalars(
                select(Membership.member_id).where(
                    Membership.group_id == room.group_id, Membership.member_id.in_(member_ids)
                )
            )
        )
    levels: dict[str, int] = {}
    for user, member_id, is_admin in rows:
        if member_id is None:
            levels[user] = PUBLIC
        elif is_admin or member_id in in_group:
            levels[user] = GROUP
        else:
            levels[user] = MEMBERS
    return levels


def _remember(session: Session, room: ChatRoom, user: str, now: datetime) -> None:
    """Insert the sighting; a concurrent message of the same person may have done it first."""
    try:
        with session.begin_nested():
            session.add(
                RoomSighting(
                    platform=room.platform, chat_id=room.chat_id, user_id=user, first_seen_at=now
                )
            )
    except IntegrityError:
        pass


def _level_of(allowed: frozenset[str]) -> int:
    if any(label.startswith("group:") for label in allowed):
        return GROUP
    return MEMBERS if "members" in allowed else PUBLIC


def _capped(allowed: frozenset[str], level: int) -> frozenset[str]:
    if level >= GROUP:
        return allowed
    if level == MEMBERS:
        return frozenset(label for label in allowed if label in {"public", "members"})
    return frozenset({"public"})


def _tell_secretariat(session: Session, room: ChatRoom, level: int) -> None:
    name = LEVEL_NAMES[level]
    audit.record(
        session,
        actor="system",
        action="room_audience_lowered",
        entity="chat_room",
        entity_id=room.id,
        group_id=room.group_id,
        level=name,
    )
    log.warning(
        "room %s (%s) now answers from %s documents only: someone who may see less wrote there",
        room.id,
        room.platform,
        name,
    )
