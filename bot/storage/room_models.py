"""Who was seen in a group room: what a room's answers may draw on depends on it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base
from bot.storage.models import UtcDateTime


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
