"""Chat rooms: which group a room belongs to, its settings and what its audience may see.

Settings fall back room → group → federation → :data:`DEFAULTS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError
from bot.storage.federation_models import Federation, Group, Member
from bot.storage.room_models import ChatRoom

# answer_mode: "mention" (only when addressed), "quiet" (commands only) or "all";
# visibility: the most a room may see, "public", "members" or "group".
DEFAULTS: dict[str, str] = {"answer_mode": "mention", "tone": "polite", "visibility": "group"}
ALLOWED: dict[str, set[str]] = {
    "answer_mode": {"mention", "quiet", "all"},
    "tone": {"polite", "friendly", "brief"},
    "visibility": {"public", "members", "group"},
}


@dataclass(frozen=True, slots=True)
class RoomSettings:
    """The settings that apply in one room after fallback."""

    answer_mode: str
    tone: str
    visibility: str


def attach_room(
    session: Session,
    *,
    platform: str,
    chat_id: str,
    group: Group | None,
    actor: str,
    title: str | None = None,
) -> ChatRoom:
    """Map a chat room to a group (or to none: a federation-wide room)."""
    room = _room(session, platform, chat_id)
    if room is None:
        room = ChatRoom(platform=platform, chat_id=chat_id, settings={})
        session.add(room)
    room.group_id = group.id if group else None
    room.title = title or room.title
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="attach_room",
        entity="chat_room",
        entity_id=room.id,
        group_id=room.group_id,
    )
    return room


def group_of_room(session: Session, *, platform: str, chat_id: str) -> Group | None:
    """The group a room belongs to, or ``None`` for an unknown or federation-wide room."""
    room = _room(session, platform, chat_id)
    return room.group if room else None


def validate_setting(key: str, value: str) -> None:
    """Refuse an unknown key or value."""
    if key not in ALLOWED or value not in ALLOWED[key]:
        raise FederationError(texts.fed_bad_setting(key, value, sorted(ALLOWED.get(key, ()))))


def set_room_setting(
    session: Session, *, platform: str, chat_id: str, key: str, value: str, actor: str
) -> None:
    """Override one setting for a room (creating the room record if needed)."""
    validate_setting(key, value)
    room = _room(session, platform, chat_id) or attach_room(
        session, platform=platform, chat_id=chat_id, group=None, actor=actor
    )
    room.settings = {**room.settings, key: value}
    audit.record(
        session,
        actor=actor,
        action="room_setting",
        entity="chat_room",
        entity_id=room.id,
        key=key,
        value=value,
    )


def effective_settings(session: Session, *, platform: str, chat_id: str) -> RoomSettings:
    """The room's settings after falling back to its group, then the federation."""
    room = _room(session, platform, chat_id)
    layers: list[dict[str, Any]] = []
    if room is not None:
        layers.append(room.settings)
        if room.group is not None:
            layers.append(room.group.settings)
    federation = session.scalars(select(Federation).order_by(Federation.id)).first()
    if federation is not None:
        layers.append(federation.settings)
    layers.append(DEFAULTS)
    chosen = {key: next(layer[key] for layer in layers if key in layer) for key in DEFAULTS}
    return RoomSettings(**chosen)


def audience_of_member(session: Session, member: Member | None) -> frozenset[str]:
    """Visibility labels a person may see: guests only ``public``; admins every group."""
    if member is None:
        return frozenset({"public"})
    labels = {"public", "members"} | {f"group:{m.group_id}" for m in member.memberships}
    if member.is_admin:
        labels |= {f"group:{gid}" for gid in session.scalars(select(Group.id))}
    return frozenset(labels)


def audience_of_room(session: Session, *, platform: str, chat_id: str) -> frozenset[str]:
    """What everyone in a room may see: an unknown room is public; then capped by visibility."""
    room = _room(session, platform, chat_id)
    if room is None:
        return frozenset({"public"})
    visibility = effective_settings(session, platform=platform, chat_id=chat_id).visibility
    labels = {"public"}
    if visibility in {"members", "group"}:
        labels.add("members")
    if visibility == "group" and room.group_id is not None:
        labels.add(f"group:{room.group_id}")
    return frozenset(labels)


def _room(session: Session, platform: str, chat_id: str) -> ChatRoom | None:
    return session.scalars(
        select(ChatRoom).where(ChatRoom.platform == platform, ChatRoom.chat_id == chat_id)
    ).first()
