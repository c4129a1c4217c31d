"""Tables of group chat rooms: the room attached to a group, and who was seen in it.

What a room's answers may draw on depends on who was seen there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.storage.base import Base, UtcDateTime
from bot.storage.federation_models import Group


class ChatRoom(Base):
    """A group chat (platform + chat id) attached to a group, with its own setting overrides."""

    __tablename__ = "chat_rooms"
    __table_args__ = (UniqueConstraint("platform", "chat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(200))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    title: Mapped[str | None] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    group: Mapped[Group | None] = relationship()


class RoomSighting(Base):
    """A chat account that wrote in a group room (once per account and room).

    The room's audience is capped by the least entitled person ever seen there, so a guest or a
    member of another group lowers it; ``platform`` and ``user_id`` name the chat account so a
    member's erasure finds their rows.
    """

    __tablename__ = "room_sightings"
    __table_args__ = (UniqueConstraint("platform", "chat_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[str] = mapped_column(String(200))
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
