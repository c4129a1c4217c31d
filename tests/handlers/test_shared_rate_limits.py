"""Two serving processes on one database keep Telegram's limit for a group together: no minute
holds more than 20 of their messages in it, and every message still arrives (later, not lost).

Each "process" is a thread with its own engine, event loop and Telegram channel, as two
``gyoryu serve`` would have; they share only the database and the fake Bot API. Time is a
:class:`~tests.fakes.stepped_clock.SteppedClock`, so a minute's window costs no real minute and
the check does not depend on the machine's speed.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import sessionmaker

from bot.core import Bot
from bot.lifecycle import Runner
from bot.messages import Address, OutgoingMessage
from bot.ratelimit import SharedSendSlots
from bot.storage.db import make_engine
from handlers import telegram
from handlers.base import ChannelContext
from handlers.settings import ChannelSettings
from tests.fakes.serve import serve
from tests.fakes.stepped_clock import SteppedClock
from tests.fakes.telegram_api import TOKEN, FakeTelegram

GROUP = Address("telegram", "-100777", conversation="-100777", is_group=True)
EACH = 25  # per process: 50 messages into one group, two and a half minutes' worth
START = 1_764_000_000.0


@dataclass
class StampedTelegram(FakeTelegram):
    """The fake Bot API, noting the simulated time each message arrived."""

    clock: SteppedClock | None = None
    arrivals: list[tuple[float, str]] = field(default_factory=list)

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        if path.endswith("/sendMessage") and self.clock is not None:
            with self.lock:
                self.arrivals.append((self.clock.time(), str(params["text"])))
        return super().handle(path, params)


def most_in_a_minute(stamps: list[float]) -> int:
    return max(sum(1 for t in stamps if start <= t < start + 60) for start in stamps)


def serving_process(
    name: str, url: str, api: FakeTelegram, bot: Bot, clock: SteppedClock, failures: list[str]
) -> None:
    """One process: its own engine and channel, pushing ``EACH`` messages into the group."""
    engine = make_engine(url)

    async def work() -> None:
        slots = SharedSendSlots(sessionmaker(engine), clock=clock.time, sleep=clock.sleep)
        settings = ChannelSettings(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_WEBHOOK_SECRET="webhook-secret",
            TELEGRAM_API_BASE_URL=api.base_url,
        )
        context = ChannelContext(Runner(bot), settings, send_slots=slots)
        channel = telegram.build(context)
        await channel.start()
        try:
            for n in range(EACH):
                await channel.push(GROUP, OutgoingMessage(f"{name} {n}"))
        finally:
            await channel.stop()

    try:
        asyncio.run(work())
    except Exception as error:  # reported by the test, not lost in the thread
        failures.append(repr(error))
    finally:
        clock.finished()
        engine.dispose()


def test_two_processes_never_put_more_than_twenty_a_minute_into_one_group(
    migrated_database_url: str, bot: Bot
) -> None:
    clock = SteppedClock(START, workers=2)
    failures: list[str] = []
    api = StampedTelegram(clock=clock)
    with serve(api.handle, api):
        threads = [
            threading.Thread(
                target=serving_process,
                args=(name, migrated_database_url, api, bot, clock, failures),
            )
            for name in ("first", "second")
        ]
        clock.run(threads)

    assert failures == []
    texts = sorted(text for _, text in api.arrivals)
    assert texts == sorted(f"{name} {n}" for name in ("first", "second") for n in range(EACH))
    stamps = sorted(when for when, _ in api.arrivals)
    assert most_in_a_minute(stamps) == 20  # each process counting alone sends 20 each
