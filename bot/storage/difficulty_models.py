"""Tables of 애로사항: difficulties members share with their group, and who opted out of nudges.

Timestamps are timezone-aware UTC (:class:`bot.storage.base.UtcDateTime`); callers show KST.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.clock import utcnow
from bot.storage.base import Base, UtcDateTime


class Difficulty(Base):
    """One 애로사항 a member shared with their group, optionally anonymous to the group."""

    __tablename__ = "difficulties"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    # The author is kept even when anonymous (only the secretariat sees it) so they can edit.
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class NudgeOptOut(Base):
    """A member who asked not to be nudged about 애로사항 again."""

    __tablename__ = "nudge_opt_outs"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
