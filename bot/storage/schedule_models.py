"""Tables of scheduled work: queued proactive messages and per-event schedule settings.

Timestamps are timezone-aware UTC (:class:`bot.storage.base.UtcDateTime`); callers show KST.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.clock import utcnow
from bot.storage.base import Base, UtcDateTime

MESSAGE_STATES = ("pending", "sending", "sent", "missed", "failed", "cancelled")


class ScheduledMessage(Base):
    """One proactive message to one address, due at a time; a row per (message key, target).

    ``key`` names the message (``reminder:12:20261125:1d``), ``target`` the address; their pair is
    unique, so planning the same thing twice never queues it twice. ``payload`` holds a message
    rendered when queued (change and cancellation notices); without it the content is composed
    at send time so it is current (reminders, digests, RSVP lists).
    """

    __tablename__ = "scheduled_messages"
    __table_args__ = (
        UniqueConstraint("key", "target", name="uq_scheduled_messages_key_target"),
        Index("ix_scheduled_messages_state_due", "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    occurrence: Mapped[str | None] = mapped_column(String(8))  # KST date of the event, yyyymmdd
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    target: Mapped[str] = mapped_column(String(300))
    platform: Mapped[str] = mapped_column(String(20))
    user: Mapped[str] = mapped_column(String(200))
    conversation: Mapped[str | None] = mapped_column(String(200))
    thread: Mapped[str | None] = mapped_column(String(200))
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # After this moment the message is recorded as missed instead of being sent late.
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    lease_owner: Mapped[str | None] = mapped_column(String(40))
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The platform's id of the message sent (a Telegram message id, a Slack ts): a reply to it
    # names it, which is how an advisor answers a ticket by replying to its DM.
    platform_message_id: Mapped[str | None] = mapped_column(String(100), index=True)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class EventScheduleOverride(Base):
    """Per-event schedule settings (e.g. its own reminder cadence) over the group's."""

    __tablename__ = "event_schedule_overrides"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
