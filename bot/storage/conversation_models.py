"""Tables of the conversation log: inbound questions, answers, feedback and expert requests.

A question is written before the platform is acknowledged, so nothing a member sent is lost.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UtcDateTime


class InboundMessage(Base):
    """One update a member sent; ``(platform, message_key)`` de-duplicates redeliveries."""

    __tablename__ = "inbound_messages"
    __table_args__ = (UniqueConstraint("platform", "message_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    message_key: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[str] = mapped_column(String(200))
    conversation: Mapped[str | None] = mapped_column(String(200))
    thread: Mapped[str | None] = mapped_column(String(200))
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    action: Mapped[str | None] = mapped_column(String(200))
    display_name: Mapped[str | None] = mapped_column(String(200))
    mentioned: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    # "answering" from the moment it is recorded (claimed by the process that recorded it;
    # "received": recorded before claims existed), "sending" while its reply goes out, then
    # "answered", "failed" (could not be sent) or "unknown" (may have arrived: the platform
    # never answered the send, or the process died while sending; it is not sent again).
    status: Mapped[str] = mapped_column(String(10), index=True)
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # When the current status was claimed; a claim older than the answer lease is abandoned.
    # The process holding it renews it while it works on the message.
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Which process holds the claim (a token per running process): only it sends the reply.
    claimed_by: Mapped[str | None] = mapped_column(String(40))


class AnswerRecord(Base):
    """What the bot answered to a question, with the sources it cited."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    inbound_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="SET NULL")
    )
    platform: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(200))
    conversation: Mapped[str | None] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    confident: Mapped[bool] = mapped_column(Boolean)
    route: Mapped[str | None] = mapped_column(String(50))
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class AnswerFeedback(Base):
    """A 👍 (+1) or 👎 (-1) on an answer; one per person and answer, the latest wins."""

    __tablename__ = "answer_feedback"
    __table_args__ = (UniqueConstraint("answer_id", "platform", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(200))
    verdict: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ExpertRequest(Base):
    """A member asked for an expert, before tickets existed.

    Nothing writes it any more: a request is a :class:`~bot.storage.ticket_models.Ticket` from
    the start, in one transaction. Rows written before stay covered by PIPA export and erasure.
    """

    __tablename__ = "expert_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"))
    platform: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(200))
    conversation: Mapped[str | None] = mapped_column(String(200))
    thread: Mapped[str | None] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
