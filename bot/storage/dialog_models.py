"""A pending question the bot asked one chat account (e.g. "who attends in your place?")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base
from bot.storage.models import UtcDateTime


class DialogStep(Base):
    """The button action a member's next message completes, one per chat account and room."""

    __tablename__ = "dialog_steps"

    address: Mapped[str] = mapped_column(String(420), primary_key=True)
    action: Mapped[str] = mapped_column(String(100))
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime())
