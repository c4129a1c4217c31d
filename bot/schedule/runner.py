"""The scheduler loop ``gyoryu serve`` runs: plan what is coming, then send what is due.

Any number of processes may run it against the same database; planning is idempotent and the
dispatcher's claims keep each send to one process. Packages above the schedule (networking,
advisor routing) add their periodic work as chores, handed in by the caller (see bot/chores.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.schedule import queue
from bot.schedule.dispatcher import Dispatcher, TickReport

log = logging.getLogger(__name__)
INTERVAL = timedelta(seconds=30)

Chore = Callable[[Session, datetime], object]
"""Periodic work of a package above the schedule: given a session and the round's time."""


async def run_once(
    sessions: sessionmaker[Session],
    dispatcher: Dispatcher,
    now: datetime,
    chores: Sequence[Chore] = (),
) -> TickReport:
    """Plan the coming weeks' sends (cheap when nothing changed), run the chores, each in its own
    transaction (a failing one is logged and skipped), then deliver the due ones."""

    def plan() -> None:
        with sessions.begin() as session:
            queue.plan_upcoming(session, now=now)
        for chore in chores:
            try:
                with sessions.begin() as session:
                    chore(session, now)
            except Exception:
                # One chore failing (two servers pairing the same month: the loser's insert
                # breaks the pair's unique rule) must not hold back the others or this round's
                # sends; its transaction is rolled back and it runs again next round.
                log.exception("scheduler chore %s failed", getattr(chore, "__qualname__", chore))

    await asyncio.to_thread(plan)
    return await dispatcher.tick(now)


async def run_forever(
    sessions: sessionmaker[Session],
    dispatcher: Dispatcher,
    clock: Callable[[], datetime],
    interval: timedelta = INTERVAL,
    chores: Sequence[Chore] = (),
) -> None:
    """Call :func:`run_once` every ``interval`` until cancelled; a failed round is logged."""
    while True:
        try:
            report = await run_once(sessions, dispatcher, clock(), chores)
            if report.sent or report.missed or report.failed:
                log.info("scheduler: %s", report)
        except Exception:  # one bad round must not stop reminders for good
            log.exception("scheduler round failed")
        await asyncio.sleep(interval.total_seconds())
