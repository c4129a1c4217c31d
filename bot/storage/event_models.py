"""Tables of events: recurring series, dated events and members' RSVPs.

Every timestamp is stored timezone-aware in UTC; callers convert to KST for display.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.clock import utcnow
from bot.storage.base import Base, UtcDateTime
from bot.storage.federation_models import Group


class EventSeries(Base):
    """A recurring event definition (e.g. 매월 둘째 주 화요일 19시) stored as an RRULE."""

    __tablename__ = "event_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    federation_id: Mapped[int] = mapped_column(ForeignKey("federations.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    rrule: Mapped[str] = mapped_column(Text)
    first_start: Mapped[datetime] = mapped_column(UtcDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    place: Mapped[str | None] = mapped_column(String(200))


class Event(Base):
    """One dated event, either one-off or an occurrence of an :class:`EventSeries`."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    federation_id: Mapped[int] = mapped_column(ForeignKey("federations.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_series.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    place: Mapped[str | None] = mapped_column(String(200))
    agenda: Mapped[str | None] = mapped_column(Text)

    group: Mapped[Group | None] = relationship()


class Rsvp(Base):
    """A member's answer to an event; kept with ``member_id`` cleared when the member is erased."""

    __tablename__ = "rsvps"
    __table_args__ = (UniqueConstraint("event_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10))  # 참석 | 불참 | 미정 | 대리참석
    proxy_name: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
