"""Sends due queue rows through the outbox: claim with a lease, send, record; retry or give up.

Delivery guarantee, and why. A platform send cannot join a database transaction, so no design
makes "sent" and "recorded" one atomic step. We choose **no second copy without a crash, and
at most one after a kill -9**: a worker has one row in flight at a time, claimed alone
(``pending`` → ``sending`` with a lease and a fresh owner token, committed), sent, then marked
``sent`` in its own commit, guarded by that token. So

* two workers never send the same row: the claim is a conditional UPDATE (and on PostgreSQL the
  candidate is picked with ``FOR UPDATE SKIP LOCKED``, so workers do not even queue on it);
* a send whose request may have reached the platform is never retried: a read timeout or a
  connection lost after sending raises :class:`~bot.delivery.OutcomeUnknownError`, and the row
  becomes ``unknown`` (logged, and listed for the secretariat beside the failures) instead of
  ``pending``. This holds for every kind — a reminder, an RSVP or 애로사항 prompt, a digest, a
  change or cancellation notice: a copy in the room twice is what members notice and resent,
  a lost one is what the secretariat can follow up. Only errors where nothing reached the
  platform (it could not be reached, or it refused) are retried, with back-off;
* a process killed mid-batch loses nothing (unclaimed rows stay ``pending``; the claimed row's
  lease, :data:`LEASE` and renewed while the send runs, lapses within a minute and another
  worker takes it) and resends nothing already recorded as sent. The only duplicate possible is
  the one row whose send succeeded in the instant before the process died, before its ``sent``
  commit: losing a reminder silently would be worse than that rare double post, so a lapsed
  lease means "send again", not "assume sent".

Rows are missed rather than sent late once past ``expires_at`` (their grace window, never
beyond the meeting's start). :class:`PermanentDeliveryError` (bot removed from the chat) marks
a row ``failed``. Each failure is logged with the platform's words and recorded with a reason
in Korean for the secretariat (:mod:`bot.schedule.reasons`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.clock import utcnow
from bot.delivery import Outbox, OutcomeUnknownError, PermanentDeliveryError, UndeliverableError
from bot.messages import Address, OutgoingMessage
from bot.schedule import reasons
from bot.storage.schedule_models import ScheduledMessage

Composer = Callable[[Session, ScheduledMessage, datetime], OutgoingMessage | None]
"""Builds a row's message at send time; ``None`` means there is nothing to send any more."""

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
"""How long a claimed row is held without renewal; a crashed worker's row is free after it."""
RETRY_BASE = timedelta(minutes=1)
RETRY_CAP = timedelta(minutes=30)
_ID_LIMIT = 100


@dataclass(slots=True)
class TickReport:
    """What one tick did, by outcome."""

    sent: int = 0
    missed: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    unknown: int = 0


@dataclass(frozen=True, slots=True)
class _Claim:
    row_id: int
    token: str
    attempts: int
    to: Address
    message: OutgoingMessage


@dataclass(slots=True)
class Dispatcher:
    """Delivers due rows; run :meth:`tick` periodically from any number of processes.

    ``clock`` measures how long a running send has taken, to renew its lease (every third of
    ``lease``).
    """

    sessions: sessionmaker[Session]
    outbox: Outbox
    compose: Composer
    lease: timedelta = LEASE
    max_attempts: int = 5
    worker: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    clock: Callable[[], datetime] = utcnow

    async def tick(self, now: datetime) -> TickReport:
        """Send everything due at ``now``, one row at a time, each at most once per tick."""
        # Database work runs in threads so that the event loop (replies, other channels) is
        # never held up by a commit.
        report = TickReport(missed=await asyncio.to_thread(self._expire, now))
        while True:
            claim, skipped = await asyncio.to_thread(self._claim, now)
            report.skipped += skipped
            if claim is None:
                return report
            renewing = asyncio.get_running_loop().create_task(self._renew(claim, now))
            try:
                await self._deliver(claim, now, report)
            finally:
                renewing.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await renewing

    async def _renew(self, claim: _Claim, now: datetime) -> None:
        """Keep the claim's lease alive while its send runs (a slow platform, a rate wait).

        The lease moves on from the tick's ``now`` by the time the send has taken so far.
        """
        started = self.clock()
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            until = now + (self.clock() - started) + self.lease
            await asyncio.to_thread(self._extend, claim, until)

    def _extend(self, claim: _Claim, until: datetime) -> None:
        with self.sessions.begin() as session:
            session.execute(
                update(ScheduledMessage)
                .where(
                    ScheduledMessage.id == claim.row_id,
                    ScheduledMessage.lease_owner == claim.token,
                    ScheduledMessage.state == "sending",
                )
                .values(lease_until=until)
            )

    def _expire(self, now: datetime) -> int:
        with self.sessions.begin() as session:
            result = session.execute(
                update(ScheduledMessage)
                .where(ScheduledMessage.expires_at <= now, _unheld(now))
                .values(state="missed", lease_owner=None)
            )
            return cast(CursorResult[Any], result).rowcount

    def _claim(self, now: datetime) -> tuple[_Claim | None, int]:
        """The next row to send, claimed under a lease; also how many rows had nothing to say."""
        skipped = 0
        while True:
            with self.sessions.begin() as session:
                row_id = session.scalar(self._candidate(session, now))
                if row_id is None:
                    return None, skipped
                token = f"{self.worker}:{uuid.uuid4().hex[:8]}"
                won = session.execute(
                    update(ScheduledMessage)
                    .where(ScheduledMessage.id == row_id, _claimable(now))
                    .values(
                        state="sending",
                        lease_until=now + self.lease,
                        lease_owner=token,
                        attempts=ScheduledMessage.attempts + 1,
                    )
                )
                if cast(CursorResult[Any], won).rowcount != 1:
                    continue  # another worker took it between our SELECT and UPDATE (SQLite)
                row = session.get_one(ScheduledMessage, row_id, populate_existing=True)
                message = self.compose(session, row, now)
                if message is None:
                    row.state, row.lease_owner = "cancelled", None
                    row.last_error = texts.MTG_NOTHING_TO_SEND
                    skipped += 1
                    continue
                return _Claim(row_id, token, row.attempts, _address(row), message), skipped

    def _candidate(self, session: Session, now: datetime) -> Any:
        query = (
            select(ScheduledMessage.id)
            .where(_claimable(now))
            .order_by(ScheduledMessage.due_at, ScheduledMessage.id)
            .limit(1)
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        return query

    async def _deliver(self, claim: _Claim, now: datetime, report: TickReport) -> None:
        try:
            sent_id = await self.outbox.push(claim.to, claim.message)
        except PermanentDeliveryError as error:
            # No channel for it is a setting (a Kakao 1:1 chat is never written to first).
            quiet = isinstance(error, UndeliverableError)
            level = logging.INFO if quiet else logging.WARNING
            log.log(level, "scheduled message %d failed for good: %r", claim.row_id, error)
            await asyncio.to_thread(self._fail, claim, "failed", error)
            report.failed += 1
        except OutcomeUnknownError as error:
            # It may have arrived: sending it again could post it twice. Record, never resend.
            log.warning("scheduled message %d may not have arrived: %r", claim.row_id, error)
            await asyncio.to_thread(self._fail, claim, "unknown", error)
            report.unknown += 1
        except Exception as error:  # any other platform error is worth another try
            if claim.attempts >= self.max_attempts:
                log.warning(
                    "scheduled message %d failed %d times, the last: %r",
                    claim.row_id,
                    claim.attempts,
                    error,
                )
                await asyncio.to_thread(self._fail, claim, "failed", error)
                report.failed += 1
                return
            retry_at = now + min(RETRY_BASE * 2 ** (claim.attempts - 1), RETRY_CAP)
            await asyncio.to_thread(self._fail, claim, "pending", error, next_attempt_at=retry_at)
            report.retried += 1
        else:
            await asyncio.to_thread(
                self._finish,
                claim,
                "sent",
                sent_at=now,
                last_error=None,
                platform_message_id=sent_id[:_ID_LIMIT] if sent_id else None,
            )
            report.sent += 1

    def _fail(self, claim: _Claim, state: str, error: BaseException, **values: Any) -> None:
        """Finish a send that raised ``error``, with the reason the secretariat will read."""
        reason = reasons.recorded(error, final=state != "pending")
        self._finish(claim, state, last_error=reason, **values)

    def _finish(self, claim: _Claim, state: str, **values: Any) -> None:
        with self.sessions.begin() as session:
            session.execute(
                update(ScheduledMessage)
                .where(
                    ScheduledMessage.id == claim.row_id,
                    ScheduledMessage.lease_owner == claim.token,
                    ScheduledMessage.state == "sending",
                )
                .values(state=state, lease_until=None, lease_owner=None, **values)
            )


def _claimable(now: datetime) -> ColumnElement[bool]:
    return and_(ScheduledMessage.due_at <= now, ScheduledMessage.expires_at > now, _waiting(now))


def _waiting(now: datetime) -> ColumnElement[bool]:
    """Rows ready for a try: pending past any back-off, or held under a lapsed lease."""
    backed_off = or_(
        ScheduledMessage.next_attempt_at.is_(None), ScheduledMessage.next_attempt_at <= now
    )
    return or_(and_(ScheduledMessage.state == "pending", backed_off), _lapsed(now))


def _unheld(now: datetime) -> ColumnElement[bool]:
    """Rows no live worker holds: pending, or sending under a lapsed lease."""
    return or_(ScheduledMessage.state == "pending", _lapsed(now))


def _lapsed(now: datetime) -> ColumnElement[bool]:
    return and_(ScheduledMessage.state == "sending", ScheduledMessage.lease_until <= now)


def _address(row: ScheduledMessage) -> Address:
    return Address(row.platform, row.user, row.conversation, row.thread, row.is_group)
