"""Recent sends per destination, shared by every process that sends for the bot (rate limits)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base


class SendSlot(Base):
    """The times of the latest sends to one destination or account (see :mod:`bot.ratelimit`).

    ``key`` is a digest of the destination (``telegram:-100777``, ``telegram:*``), so no room's
    or person's id is stored; ``sent`` holds the send times inside the window, in seconds since
    the epoch, separated by spaces (at most the limit's count of them).
    """

    __tablename__ = "send_slots"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    sent: Mapped[str] = mapped_column(Text(), default="")
