"""A pending question the bot asked one chat account (e.g. "who attends in your place?")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime


class DialogStep(Base):
    """The action a member's next message completes, one per chat account and room.

    ``address`` (platform, room and user) is the key; ``platform`` and ``user_id`` name the chat
    account on their own so that a member's erasure finds their steps.
    """

    __tablename__ = "dialog_steps"

    address: Mapped[str] = mapped_column(String(420), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime())
