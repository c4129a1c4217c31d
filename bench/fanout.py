"""Fan-out: one meeting reminder to every group's rooms on two platforms, through rate limits.

Builds a federation of 272 groups, each with a Telegram group chat and a Slack channel, gives
each group a meeting, plans its reminders through ``bot.schedule.queue`` and dispatches them with
``bot.schedule.dispatcher.Dispatcher`` into a local fake sender, twice:

* **shared slots** (what the adapters do): before each send the sender takes a slot from
  ``bot.ratelimit.SharedSendSlots`` in the same database, with the adapters' own limits
  (``handlers.telegram.chat_limits``: 20/min per group and 30/s for the bot; Slack's per-channel
  limit), one transaction per try;
* **per-process (old)**: the baseline, one aiolimiter per room in memory (Telegram 20/min per
  group, Slack 1/s per channel), as the adapters paced before the slots moved to the database.

The fake platforms behind the sender answer 429 when a room goes over its documented limit, as
the real ones would.

    python bench/fanout.py [--groups 272] [--per-room 1] [--latency-ms 20] [--workers 4]

``--workers`` dispatchers tick at once on the one database (the dispatcher sends one row at a
time), as several ``serve`` processes would. ``--per-room 3`` queues three reminders per room due
at once, to exercise the limiters.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import Counter, deque
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from aiolimiter import AsyncLimiter
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import KST
from bot.federation import events, groups, rooms
from bot.messages import Address, OutgoingMessage
from bot.ratelimit import Limit, SharedSendSlots
from bot.schedule import queue
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.storage.db import make_engine, upgrade
from handlers import slack, telegram

MEETING = datetime(2026, 3, 10, 19, 0, tzinfo=KST)
# (messages, seconds) per room, as documented by each platform.
LIMITS = {"telegram": (20, 60.0), "slack": (1, 1.0)}
# The fake platforms forgive 20 ms of timer jitter; the sender paces 10 % under the limit so that
# network and event-loop jitter never push two sends closer than the platform allows.
JITTER = 0.02
MARGIN = 1.1


class FakePlatforms:
    """Records deliveries per room and answers 429 when a room exceeds its platform's limit."""

    def __init__(self) -> None:
        self.recent: dict[tuple[str, str], deque[float]] = {}
        self.delivered: Counter[tuple[str, str]] = Counter()
        self.too_many = 0

    def receive(self, to: Address, message: OutgoingMessage, now: float) -> bool:
        limit, period = LIMITS[to.platform]
        window = self.recent.setdefault((to.platform, to.conversation or to.user), deque())
        while window and window[0] <= now - period + JITTER:
            window.popleft()
        if len(window) >= limit:
            self.too_many += 1
            return False
        window.append(now)
        self.delivered[(to.platform, to.conversation or to.user)] += 1
        return True


class PacedSender:
    """The outbox under test: one aiolimiter per room, then a simulated network round trip."""

    def __init__(self, platforms: FakePlatforms, latency: float) -> None:
        self.platforms = platforms
        self.latency = latency
        self.limiters: dict[tuple[str, str], AsyncLimiter] = {}

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        room = (to.platform, to.conversation or to.user)
        if room not in self.limiters:
            limit, period = LIMITS[to.platform]
            self.limiters[room] = AsyncLimiter(limit, period * MARGIN)
        async with self.limiters[room]:
            await asyncio.sleep(self.latency)
            loop = asyncio.get_running_loop()
            if not self.platforms.receive(to, message, loop.time()):
                raise RuntimeError("429 Too Many Requests")


class SlotSender:
    """The outbox as the adapters send: a slot from the shared database table, then the call."""

    def __init__(
        self, platforms: FakePlatforms, latency: float, sessions: sessionmaker[Session]
    ) -> None:
        self.platforms = platforms
        self.latency = latency
        self.slots = SharedSendSlots(sessions)
        self.tries = 0

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        chat = to.conversation or to.user
        if to.platform == "telegram":
            limits = telegram.chat_limits(chat)
        else:
            limits = [Limit(f"{slack.NAME}:{chat}", *slack.CHANNEL_LIMIT)]
        await self.slots.take(limits)
        await asyncio.sleep(self.latency)
        loop = asyncio.get_running_loop()
        if not self.platforms.receive(to, message, loop.time()):
            raise RuntimeError("429 Too Many Requests")


class Sender(Protocol):
    async def push(self, to: Address, message: OutgoingMessage) -> None: ...


def build(sessions: sessionmaker[Session], count: int, per_room: int) -> int:
    """Create the federation and plan the reminders; returns how many rows were queued."""
    # A minute apart, so that at one day before the meeting every one of them is due.
    offsets = [f"{24 * 60 + n}m" for n in range(per_room)]
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="벤치마크연합회")
        # Every reminder due at the same moment: the worst case for a fan-out.
        federation.settings = {"schedule": {"reminders": offsets, "quiet_hours": "00:00-00:00"}}
        for n in range(count):
            name = f"교류회{n:03}"
            group = groups.add_group(session, federation=federation, name=name, actor="b")
            for platform, chat in (("telegram", f"-100{n:06}"), ("slack", f"C{n:06}")):
                rooms.attach_room(session, platform=platform, chat_id=chat, group=group, actor="b")
            events.add_event(
                session,
                federation=federation,
                group=group,
                kind="세미나",
                title=f"{name} 3월 모임",
                starts_at=MEETING,
                actor="b",
            )
        session.flush()
        return queue.plan_upcoming(session, now=MEETING - timedelta(days=3))


async def dispatch(
    sessions: sessionmaker[Session], sender: Sender, workers: int
) -> tuple[int, int]:
    """Tick ``workers`` dispatchers at once until everything is out; returns (sent, ticks).

    Retries are due a minute later.
    """
    dispatchers = [Dispatcher(sessions, sender, compose=MessageComposer()) for _ in range(workers)]
    now = MEETING - timedelta(days=1)
    sent = ticks = 0
    while ticks < 30:
        reports = await asyncio.gather(*(d.tick(now) for d in dispatchers))
        sent, ticks = sent + sum(r.sent for r in reports), ticks + 1
        if not any(r.sent or r.retried for r in reports):
            break
        now += timedelta(minutes=1)
    return sent, ticks


def run(url: str, args: argparse.Namespace, shared: bool) -> dict[str, str]:
    """One fan-out on a fresh database; its figures, labelled."""
    engine = make_engine(url)
    upgrade(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    queued = build(sessions, args.groups, args.per_room)
    platforms = FakePlatforms()
    latency = args.latency_ms / 1000
    sender: Sender = (
        SlotSender(platforms, latency, sessions) if shared else PacedSender(platforms, latency)
    )
    started = time.perf_counter()
    sent, ticks = asyncio.run(dispatch(sessions, sender, args.workers))
    elapsed = time.perf_counter() - started
    engine.dispose()
    # Each room was due ``per_room`` distinct messages: anything delivered beyond that is a repeat.
    duplicates = sum(max(0, n - args.per_room) for n in platforms.delivered.values())
    return {
        "messages queued": str(queued),
        "messages sent": f"{sent} (delivered {sum(platforms.delivered.values())})",
        "time to finish": f"{elapsed:.2f} s, {ticks} tick(s)",
        "duplicates (must be 0)": str(duplicates),
        "429s received (must be 0)": str(platforms.too_many),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=272)
    parser.add_argument("--per-room", type=int, default=1)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database", help="SQLAlchemy URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    if args.database:
        shared = run(args.database, args, shared=True)
        with tempfile.TemporaryDirectory() as folder:
            old = run(f"sqlite:///{Path(folder) / 'old.db'}", args, shared=False)
    else:
        with tempfile.TemporaryDirectory() as folder:
            shared = run(f"sqlite:///{Path(folder) / 'shared.db'}", args, shared=True)
            old = run(f"sqlite:///{Path(folder) / 'old.db'}", args, shared=False)
    print(f"rooms: {args.groups * 2} ({args.groups} groups × telegram, slack)")
    print(f"{'':<28}{'shared slots (DB)':<24}per-process (old)")
    for label, value in shared.items():
        print(f"{label:<28}{value:<24}{old[label]}")


if __name__ == "__main__":
    main()
