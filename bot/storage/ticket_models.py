"""Tables of advisor routing: tickets, what was relayed on them, advisors' absences and conflicts
of interest, and the FAQ cards approved answers become.

Assignments and state changes are audited in ``audit_log`` (entity ``ticket``), in the same
transaction as the change. Timestamps are timezone-aware UTC; callers show KST.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.storage.base import Base, UtcDateTime
from bot.storage.federation_models import Advisor

TICKET_STATES = (
    "open",
    "assigned",
    "reassigned",
    "waiting_member",
    "escalated",
    "answered",
    "closed",
    "withdrawn",
    "expired",
)
"""``open`` only until the first assignment; ``escalated`` means the secretariat holds it."""


class Ticket(Base):
    """A member's question routed to an advisor (or the secretariat), until it is answered.

    The asker's chat account (``platform``, ``user_id``, and the room and thread it was asked
    in) is where the answer goes back. ``sla_from`` is when the SLA clock started, moved forward
    by the time spent waiting for the member; ``sla_stage`` counts the steps taken on it
    (1 reminded, 2 reassigned, 3 escalated).
    """

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    field: Mapped[str] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"))
    platform: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(200))
    conversation: Mapped[str | None] = mapped_column(String(200))
    thread: Mapped[str | None] = mapped_column(String(200))
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    advisor_id: Mapped[int | None] = mapped_column(
        ForeignKey("advisors.id", ondelete="SET NULL"), index=True
    )
    # Advisors who held the ticket before (a reassignment never hands it back to them).
    tried: Mapped[list[int]] = mapped_column(JSON, default=list)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    assigned_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    sla_from: Mapped[datetime] = mapped_column(UtcDateTime())
    sla_stage: Mapped[int] = mapped_column(Integer, default=0)
    paused_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    rating: Mapped[int | None] = mapped_column(Integer)  # +1 도움됐어요, -1 부족해요
    follow_up_used: Mapped[bool] = mapped_column(Boolean, default=False)

    advisor: Mapped[Advisor | None] = relationship()
    messages: Mapped[list[TicketMessage]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketMessage.id"
    )


class TicketMessage(Base):
    """One relayed message: an advisor's answer or clarifying question, the member's reply or
    follow-up. ``author`` is a role (advisor, member, secretariat), never a name."""

    __tablename__ = "ticket_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # answer | clarify | reply | follow_up
    author: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime())

    ticket: Mapped[Ticket] = relationship(back_populates="messages")


class AdvisorAway(Base):
    """A span of days (KST, inclusive) an advisor is away and gets no new tickets."""

    __tablename__ = "advisor_away"

    id: Mapped[int] = mapped_column(primary_key=True)
    advisor_id: Mapped[int] = mapped_column(
        ForeignKey("advisors.id", ondelete="CASCADE"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class AdvisorConflict(Base):
    """A recorded conflict of interest: the advisor never gets this company's tickets."""

    __tablename__ = "advisor_conflicts"
    __table_args__ = (UniqueConstraint("advisor_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    advisor_id: Mapped[int] = mapped_column(ForeignKey("advisors.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    reason: Mapped[str | None] = mapped_column(String(200))


class FaqCard(Base):
    """An approved answer, reusable as knowledge: masked question, answer, who and when.

    ``advisor_label`` is already masked ("세무사 김○○"); the card outlives its ticket.
    """

    __tablename__ = "faq_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), unique=True
    )
    field: Mapped[str] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    advisor_label: Mapped[str] = mapped_column(String(100))
    answered_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date, index=True)
    approved_by: Mapped[str] = mapped_column(String(100))
    approved_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AdvisorPreference(Base):
    """How an advisor likes to hear of tickets: ``daily_digest`` means one morning message
    listing their open tickets instead of one message each (and no separate reminders);
    ``work_start``/``work_end`` are their own office hours (KST) for the SLA, empty for the
    default 09:00–18:00."""

    __tablename__ = "advisor_prefs"

    advisor_id: Mapped[int] = mapped_column(
        ForeignKey("advisors.id", ondelete="CASCADE"), primary_key=True
    )
    daily_digest: Mapped[bool] = mapped_column(Boolean, default=False)
    work_start: Mapped[time | None] = mapped_column(Time)
    work_end: Mapped[time | None] = mapped_column(Time)
