"""Send slots: how many messages a destination may receive per window, kept for every process.

A platform limits what one bot sends (Telegram: 20 messages a minute into one group and about
30 a second overall; Slack: about one a second into a channel). Each process counting on its
own lets two ``serve`` processes on one database send twice the limit together, so the record
of recent sends lives in the database (:class:`SharedSendSlots`): before each platform call an
adapter takes a slot for every limit that applies, in one transaction that locks those
destinations' rows (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite has one writer at a time).
A send with no free slot waits until the oldest send leaves the window: it is delayed, never
dropped.

The window slides: a send is allowed when fewer than ``messages`` sends were made in the last
``seconds``, so no stretch of ``seconds`` ever holds more than ``messages`` sends (bursts up to
the limit are allowed, unlike a token bucket that can let through twice the limit in its first
window). :class:`LocalSendSlots` keeps the same count in memory for a process without a
database (tests, the console). Destinations are stored as digests: a room's or person's id
never sits in the table.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot import delivery
from bot.storage.ratelimit_models import SendSlot

Clock = Callable[[], float]
"""Seconds since the epoch (``time.time``): the same on every server sharing the database."""

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``messages`` sends to ``key`` in any ``seconds``; ``key`` names a destination
    (``telegram:-100777``) or a whole account (``telegram:*``)."""

    key: str
    messages: int
    seconds: float


class SendSlots(Protocol):
    """Waits until every given limit has a free slot, then takes one from each at once."""

    async def take(self, limits: Sequence[Limit]) -> None:
        """Return once a send counted against every limit in ``limits`` is allowed now.

        A send that must wait reports it (:func:`bot.delivery.held`) before it sleeps, and
        every send reports it is leaving (:func:`bot.delivery.leaving`) before this returns.
        """
        ...


def digest(key: str) -> str:
    """The stored name of a destination: a room's or person's id is not kept as such."""
    return hashlib.sha256(key.encode()).hexdigest()[:40]


def claim(
    recent: dict[str, list[float]], limits: Iterable[Limit], now: float
) -> tuple[float, dict[str, list[float]]]:
    """Seconds to wait before a send is allowed (0: now), and each limit's sends with it.

    ``recent`` holds each key's send times; the result keeps only what a later decision needs
    (the last ``messages`` sends inside the window), with ``now`` added when allowed.
    """
    wait = 0.0
    kept: dict[str, list[float]] = {}
    for limit in limits:
        inside = sorted(s for s in recent.get(limit.key, ()) if s > now - limit.seconds)
        inside = inside[-limit.messages :]
        if len(inside) >= limit.messages:
            wait = max(wait, inside[0] + limit.seconds - now)
        kept[limit.key] = inside
    if wait > 0:
        return wait, kept
    return 0.0, {limit.key: [*kept[limit.key], now][-limit.messages :] for limit in limits}


class LocalSendSlots:
    """Send slots counted in this process only (no database, or a single process)."""

    def __init__(self, clock: Clock = time.time, sleep: Sleep = asyncio.sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._recent: dict[str, list[float]] = {}

    async def take(self, limits: Sequence[Limit]) -> None:
        """Wait for a free slot under every limit, then take them."""
        while limits:
            wait, kept = claim(self._recent, limits, self._clock())
            if wait <= 0:
                self._recent.update(kept)
                break
            await delivery.held()
            await self._sleep(wait)
        await delivery.leaving()


class SharedSendSlots:
    """Send slots shared through the database by every process that sends for this bot."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock = time.time,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._sleep = sleep

    async def take(self, limits: Sequence[Limit]) -> None:
        """Wait for a free slot under every limit, then take them (one transaction each try)."""
        while limits:
            wait = await asyncio.to_thread(self.try_take, limits)
            if wait <= 0:
                break
            await delivery.held()
            await self._sleep(wait)
        await delivery.leaving()

    def try_take(self, limits: Sequence[Limit]) -> float:
        """Take a slot under every limit now and return 0, or take none and return the wait.

        The rows are locked in key order (no two processes deadlock) before the clock is read,
        so a process that waited for the lock stamps its send after the one that held it.
        """
        by_key = {digest(limit.key): limit for limit in limits}
        keys = sorted(by_key)
        with self._sessions.begin() as session:
            _ensure_rows(session, keys)
            rows = list(
                session.scalars(
                    select(SendSlot)
                    .where(SendSlot.key.in_(keys))
                    .order_by(SendSlot.key)
                    .with_for_update()
                )
            )
            now = self._clock()
            recent = {row.key: _stamps(row.sent) for row in rows}
            stored = [Limit(key, by_key[key].messages, by_key[key].seconds) for key in keys]
            wait, kept = claim(recent, stored, now)
            if wait > 0:
                return wait
            for row in rows:
                row.sent = " ".join(f"{stamp:.3f}" for stamp in kept[row.key])
        return 0.0


def _ensure_rows(session: Session, keys: Sequence[str]) -> None:
    """Create the destinations' rows if missing; on SQLite this first write also takes the
    database's write lock, which holds other processes off until the commit."""
    dialect = session.get_bind().dialect.name
    rows = [{"key": key, "sent": ""} for key in keys]
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        session.execute(
            postgresql.insert(SendSlot).values(rows).on_conflict_do_nothing(index_elements=["key"])
        )
        return
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        session.execute(
            sqlite.insert(SendSlot).values(rows).on_conflict_do_nothing(index_elements=["key"])
        )
        return
    for key in keys:  # any other database: one savepoint per missing row
        if session.get(SendSlot, key) is None:
            try:
                with session.begin_nested():
                    session.add(SendSlot(key=key, sent=""))
            except IntegrityError:
                pass  # another process created it meanwhile


def _stamps(text: str) -> list[float]:
    return [float(part) for part in text.split()]
