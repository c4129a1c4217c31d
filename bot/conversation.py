"""The conversation log: questions recorded on arrival, answers and feedback.

Synchronous SQLAlchemy calls; the async core runs them in a worker thread.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, Table, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from bot.answers import Citation, QaAnswer
from bot.dialog import Pending, pending_in
from bot.messages import Address, IncomingMessage
from bot.storage.conversation_models import (
    AnswerFeedback,
    AnswerRecord,
    InboundMessage,
)

log = logging.getLogger(__name__)

# Platforms redeliver within minutes (Slack, Telegram webhooks) or after a bridge phone comes
# back online; the same id and content much later is a reused id, not a redelivery.
REDELIVERY_WINDOW = timedelta(days=1)
_OPEN = ("received", "answering", "sending")


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    """An answer as stored: its id (used by buttons), the question and its sources."""

    id: int
    question: str
    route: str | None
    sources: tuple[Citation, ...]
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class Reclaimed:
    """What :meth:`ConversationLog.reclaim` took over from processes that died."""

    to_answer: list[IncomingMessage]
    unknown: int


@dataclass(frozen=True, slots=True)
class Recorded:
    """A message as stored (maybe under a fresh id) and, when asked for, the step it may answer."""

    message: IncomingMessage
    step: Pending | None = None


class ConversationLog:
    """Reads and writes the conversation tables through a session factory."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        # This process's claims carry this token: only the holder sends a message's reply.
        self.owner = uuid.uuid4().hex[:16]

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The session factory of the conversation's database."""
        return self._sessions

    def record(
        self, message: IncomingMessage, *, read_step: bool = False, now: datetime | None = None
    ) -> Recorded | None:
        """Store an inbound message; the message as stored, or ``None`` for a redelivery.

        The message is stored claimed ("answering" at ``now``, the recorder's clock) by the
        process that records it, which answers it next: no other process answers it unless the
        claim is abandoned (:meth:`reclaim`).

        A redelivery (same id, sender, room and content, shortly after) is dropped and logged.
        A different message arriving under an id already used is never dropped: it is stored
        under a fresh key (returned in the message, so ``settle`` finds it) and logged.
        With ``read_step``, the dialog step waiting for the message's address is read in the
        same transaction (a plain message may answer it).
        """
        claimed_at = now if now is not None else message.received_at
        recorded = self._insert(message, read_step, claimed_at)
        if recorded is not None:
            return recorded
        with self._sessions() as session:
            stored = session.scalars(
                select(InboundMessage).where(
                    InboundMessage.platform == message.address.platform,
                    InboundMessage.message_key == message.id,
                )
            ).first()
        platform = message.address.platform
        if stored is not None and _redelivery(stored, message):
            log.info("dropped a redelivery of %s message %s", platform, message.id)
            return None
        fresh = replace(message, id=f"{message.id}#{uuid.uuid4().hex[:12]}")
        log.warning(
            "%s message id %s was already used by another message; recorded as %s",
            platform,
            message.id,
            fresh.id,
        )
        return self._insert(fresh, read_step, claimed_at)

    def _insert(
        self, message: IncomingMessage, read_step: bool, claimed_at: datetime
    ) -> Recorded | None:
        """Insert the row; ``None`` when ``(platform, message id)`` is already stored."""
        address = message.address
        row = insert(_INBOUND).values(
            platform=address.platform,
            message_key=message.id,
            user_id=address.user,
            conversation=address.conversation,
            thread=address.thread,
            is_group=address.is_group,
            text=message.text,
            action=message.action,
            display_name=message.display_name,
            mentioned=message.mentioned,
            received_at=message.received_at,
            status="answering",
            claimed_at=claimed_at,
            claimed_by=self.owner,
        )
        with self._sessions() as session:
            try:
                session.execute(row)
            except IntegrityError:
                return None
            step = pending_in(session, address) if read_step else None
            session.commit()
        return Recorded(message, step)

    def settle(self, message: IncomingMessage, *, status: str, now: datetime) -> bool:
        """Mark a recorded message "answered", "failed" or "unknown" (may have arrived).

        ``False`` (nothing changed) when this process no longer holds the message's claim:
        another process took it over (this one stalled past the lease), and the message's
        status is that process's to set — whatever it has recorded (still being answered, or
        its own outcome) stays, so a stalled process never overwrites the owner's outcome.
        """
        with self._sessions.begin() as session:
            settled = session.execute(
                update(_INBOUND)
                .where(
                    _one(message),
                    or_(_INBOUND.c.claimed_by.is_(None), _INBOUND.c.claimed_by == self.owner),
                )
                .values(status=status, settled_at=now)
            )
        if cast(CursorResult[Any], settled).rowcount == 1:
            return True
        log.warning(
            "%s message %s was taken over by another process; it is not settled %r here",
            message.address.platform,
            message.id,
            status,
        )
        return False

    def mark_sending(self, message: IncomingMessage, *, now: datetime) -> bool:
        """Record, before the reply leaves, that it is leaving: after a crash from here on the
        reply may have arrived, so it is settled as "unknown", never sent again.

        ``False`` (nothing changed) when this process no longer holds the message's claim:
        another process took it over (this one stalled past the lease) and answers it, so this
        reply must not be sent.
        """
        with self._sessions.begin() as session:
            won = session.execute(
                update(_INBOUND)
                .where(
                    _one(message),
                    or_(_INBOUND.c.claimed_by.is_(None), _INBOUND.c.claimed_by == self.owner),
                )
                .values(status="sending", claimed_at=now, claimed_by=self.owner)
            )
        return cast(CursorResult[Any], won).rowcount == 1

    def hold(self, message: IncomingMessage, *, now: datetime) -> bool:
        """Record that the reply marked "sending" has not left after all (it waits for a
        rate-limit slot): a crash during the wait leaves the message to be answered again, as
        nothing of it reached the member.

        ``False`` (nothing changed) when this process no longer holds the message's claim.
        """
        with self._sessions.begin() as session:
            held = session.execute(
                update(InboundMessage)
                .where(
                    InboundMessage.platform == message.address.platform,
                    InboundMessage.message_key == message.id,
                    InboundMessage.claimed_by == self.owner,
                    InboundMessage.status == "sending",
                )
                .values(status="answering", claimed_at=now)
            )
        return cast(CursorResult[Any], held).rowcount == 1

    def renew(self, *, now: datetime) -> int:
        """Keep this process's claims fresh (being answered or sent); how many.

        Called well within the lease while the process runs, so an answer slower than the lease
        (a long queue, a slow language model, a wait for a rate-limit slot) is never taken over
        by another process while this one still works on it.
        """
        with self._sessions.begin() as session:
            renewed = session.execute(
                update(_INBOUND)
                .where(
                    _INBOUND.c.claimed_by == self.owner,
                    _INBOUND.c.status.in_(("answering", "sending")),
                )
                .values(claimed_at=now)
            )
        return cast(CursorResult[Any], renewed).rowcount

    def unsettled(self) -> list[IncomingMessage]:
        """Messages recorded but not settled (being answered or sent, or abandoned), oldest
        first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(InboundMessage)
                .where(InboundMessage.status.in_(_OPEN))
                .order_by(InboundMessage.received_at, InboundMessage.id)
            )
            return [_incoming(row) for row in rows]

    def reclaim(self, *, now: datetime, lease: timedelta) -> Reclaimed:
        """Take over the messages of processes that died (claims older than ``lease``).

        One being answered (nothing was sent yet) is claimed anew for this process, which
        answers it; each is taken by one process only (a conditional UPDATE), so two processes
        never both answer it. One being sent may have arrived: it is settled "unknown" and
        logged, never sent again. A live process's fresh claims are left alone.
        """
        stale = or_(InboundMessage.claimed_at.is_(None), InboundMessage.claimed_at <= now - lease)
        waiting = or_(
            InboundMessage.status == "received",
            and_(InboundMessage.status == "answering", stale),
        )
        lost = and_(InboundMessage.status == "sending", stale)
        taken: list[IncomingMessage] = []
        unknown = 0
        with self._sessions() as session:
            found = [
                (row.id, row.status == "sending", _incoming(row))
                for row in session.scalars(
                    select(InboundMessage)
                    .where(or_(waiting, lost))
                    .order_by(InboundMessage.received_at, InboundMessage.id)
                )
            ]
        for row_id, sending, message in found:
            values = {"status": "unknown", "settled_at": now} if sending else {}
            with self._sessions.begin() as session:
                won = session.execute(
                    update(InboundMessage)
                    .where(InboundMessage.id == row_id, lost if sending else waiting)
                    .values(claimed_at=now, claimed_by=self.owner, **values)
                )
            if cast(CursorResult[Any], won).rowcount != 1:
                continue  # another process took it first
            if not sending:
                taken.append(message)
                continue
            unknown += 1
            log.warning(
                "the reply to %s message %s may have been delivered before the process stopped;"
                " it is not sent again",
                message.address.platform,
                message.id,
            )
        return Reclaimed(taken, unknown)

    def save_answer(self, message: IncomingMessage, question: str, answer: QaAnswer) -> int:
        """Store an answer to ``message``; the id goes into its buttons."""
        address = message.address
        inbound = select(_INBOUND.c.id).where(_one(message)).scalar_subquery()
        row = insert(_ANSWERS).values(
            inbound_id=inbound,
            platform=address.platform,
            user_id=address.user,
            conversation=address.conversation,
            question=question,
            text=answer.text,
            confident=answer.confident,
            route=answer.route,
            sources=[_citation_json(c) for c in answer.sources],
            created_at=message.received_at,
        )
        with self._sessions.begin() as session:
            key = cast(CursorResult[Any], session.execute(row)).inserted_primary_key
            assert key is not None, "an INSERT of one row has its key"
            return int(key[0])

    def answer(self, answer_id: int) -> SavedAnswer | None:
        """A stored answer by id."""
        with self._sessions() as session:
            row = session.get(AnswerRecord, answer_id)
            return _saved(row) if row else None

    def answer_shown_to(self, answer_id: int, address: Address) -> SavedAnswer | None:
        """A stored answer by id, but only when it was shown at ``address``.

        Button data can be forged by a modified client: an answer given in a group room was
        seen by everyone in that room; one given in a 1:1 chat only by the person it answered.
        Anyone else gets ``None``, as for an answer that does not exist.
        """
        with self._sessions() as session:
            row = session.get(AnswerRecord, answer_id)
            if row is None or row.platform != address.platform:
                return None
            if row.conversation != address.conversation:
                return None
            if not address.is_group and row.user_id != address.user:
                return None
            return _saved(row)

    def last_answer(self, address: Address) -> SavedAnswer | None:
        """The latest answer given to this person in this conversation."""
        with self._sessions() as session:
            row = session.scalars(
                select(AnswerRecord)
                .where(
                    AnswerRecord.platform == address.platform,
                    AnswerRecord.user_id == address.user,
                    _same(AnswerRecord.conversation, address.conversation),
                )
                .order_by(AnswerRecord.id.desc())
                .limit(1)
            ).first()
            return _saved(row) if row else None

    def feedback(self, answer_id: int, address: Address, verdict: int, now: datetime) -> None:
        """Store 👍 (+1) or 👎 (-1); pressing again replaces the earlier verdict."""
        with self._sessions.begin() as session:
            existing = session.scalars(
                select(AnswerFeedback).where(
                    AnswerFeedback.answer_id == answer_id,
                    AnswerFeedback.platform == address.platform,
                    AnswerFeedback.user_id == address.user,
                )
            ).first()
            if existing is None:
                existing = AnswerFeedback(
                    answer_id=answer_id, platform=address.platform, user_id=address.user
                )
                session.add(existing)
            existing.verdict = verdict
            existing.created_at = now


# The writes made for every message go to the tables directly: one statement each, without the
# ORM's unit of work (a measurable share of a question's CPU time; same rows, same transactions).
_INBOUND = cast(Table, InboundMessage.__table__)
_ANSWERS = cast(Table, AnswerRecord.__table__)


def _one(message: IncomingMessage) -> ColumnElement[bool]:
    """The stored row of ``message`` (platform and message key are unique together)."""
    return and_(
        _INBOUND.c.platform == message.address.platform, _INBOUND.c.message_key == message.id
    )


def _redelivery(stored: InboundMessage, message: IncomingMessage) -> bool:
    """Whether ``message`` is the stored one sent again (not another message reusing its id)."""
    address = message.address
    return (
        stored.user_id == address.user
        and stored.conversation == address.conversation
        and stored.thread == address.thread
        and stored.text == message.text
        and stored.action == message.action
        and abs(message.received_at - stored.received_at) <= REDELIVERY_WINDOW
    )


def _same(column: InstrumentedAttribute[str | None], value: str | None) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


def _incoming(row: InboundMessage) -> IncomingMessage:
    address = Address(
        platform=row.platform,
        user=row.user_id,
        conversation=row.conversation,
        thread=row.thread,
        is_group=row.is_group,
    )
    return IncomingMessage(
        id=row.message_key,
        address=address,
        text=row.text,
        received_at=row.received_at,
        action=row.action,
        display_name=row.display_name,
        mentioned=row.mentioned,
    )


def _citation_json(citation: Citation) -> dict[str, object]:
    return {
        "number": citation.number,
        "title": citation.title,
        "source": citation.source,
        "section": citation.section,
        "snippet": citation.snippet,
        "score": citation.score,
    }


def _saved(row: AnswerRecord) -> SavedAnswer:
    sources = tuple(
        Citation(
            number=int(s["number"]),
            title=str(s["title"]),
            source=str(s["source"]),
            section=str(s["section"]),
            snippet=str(s["snippet"]),
            score=float(s["score"]),
        )
        for s in row.sources
    )
    return SavedAnswer(
        id=row.id,
        question=row.question,
        route=row.route,
        sources=sources,
        asked_at=row.created_at,
    )
