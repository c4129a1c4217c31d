"""The scheduler loop ``gyoryu serve`` runs: plan what is coming, then send what is due.

Any number of processes may run it against the same database; planning is idempotent and the
dispatcher's claims keep each send to one process.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.schedule import queue
from bot.schedule.dispatcher import Dispatcher, TickReport

log = logging.getLogger(__name__)
INTERVAL = timedelta(seconds=30)


async def run_once(
    sessions: sessionmaker[Session], dispatcher: Dispatcher, now: datetime
) -> TickReport:
    """Plan the coming weeks' sends (cheap when nothing changed), then deliver the due ones."""

    def plan() -> None:
        from bot.network import chores  # networking sits above the schedule it sends through
        from bot.routing import sla  # so do tickets: reminders, reassignment, escalation

        with sessions.begin() as session:
            queue.plan_upcoming(session, now=now)
            chores.run_due(session, now)
        with sessions.begin() as session:
            sla.sweep(session, now)

    await asyncio.to_thread(plan)
    return await dispatcher.tick(now)


async def run_forever(
    sessions: sessionmaker[Session],
    dispatcher: Dispatcher,
    clock: Callable[[], datetime],
    interval: timedelta = INTERVAL,
) -> None:
    """Call :func:`run_once` every ``interval`` until cancelled; a failed round is logged."""
    while True:
        try:
            report = await run_once(sessions, dispatcher, clock())
            if report.sent or report.missed or report.failed:
                log.info("scheduler: %s", report)
        except Exception:  # one bad round must not stop reminders for good
            log.exception("scheduler round failed")
        await asyncio.sleep(interval.total_seconds())
