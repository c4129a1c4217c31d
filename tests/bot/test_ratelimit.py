"""Send slots: no stretch of a window holds more sends than the limit, in one process or shared
through the database by several; a send with no free slot waits, it is never dropped."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.ratelimit import Limit, LocalSendSlots, SharedSendSlots
from bot.storage.db import make_engine
from bot.storage.ratelimit_models import SendSlot

GROUP = Limit("telegram:-100777", 20, 60.0)
OVERALL = Limit("telegram:*", 30, 1.0)
START = 1_764_000_000.0


class FakeTime:
    """A clock that moves only when someone sleeps on it."""

    def __init__(self) -> None:
        self.now = START
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def most_in_any_window(stamps: list[float], window: float) -> int:
    """The most sends found in any stretch shorter than ``window``."""
    return max(sum(1 for t in stamps if start <= t < start + window) for start in stamps)


async def test_a_group_gets_twenty_a_minute_however_many_are_queued() -> None:
    clock = FakeTime()
    slots = LocalSendSlots(clock=clock, sleep=clock.sleep)
    sent: list[float] = []

    for _ in range(50):
        await slots.take([GROUP, OVERALL])
        sent.append(clock.now)

    assert len(sent) == 50  # delayed, never dropped
    assert sent[:20] == [START] * 20  # a burst up to the limit goes at once
    assert most_in_any_window(sent, 60.0) == 20  # a token bucket would let 39 through
    assert sent[20] == START + 60.0  # the 21st waits exactly for the first to leave the window


async def test_one_full_limit_holds_the_send_without_using_the_other() -> None:
    clock = FakeTime()
    slots = LocalSendSlots(clock=clock, sleep=clock.sleep)
    for _ in range(20):
        await slots.take([GROUP, OVERALL])
    other_room = Limit("telegram:-100888", 20, 60.0)

    await slots.take([other_room, OVERALL])  # another group is not held up by the full one

    assert clock.slept == []
    await slots.take([GROUP, OVERALL])  # the full group's next one waits for its window
    assert clock.slept == [60.0]


async def test_two_processes_on_one_database_share_a_rooms_slots(
    migrated_database_url: str,
) -> None:
    clock = FakeTime()
    engines = [make_engine(migrated_database_url) for _ in range(2)]
    try:
        first, second = (
            SharedSendSlots(sessionmaker(engine), clock=clock, sleep=clock.sleep)
            for engine in engines
        )
        small = Limit("slack:C0123", 3, 3.0)
        for _ in range(2):
            await first.take([small])
        await second.take([small])

        assert second.try_take([small]) == 3.0  # full: the other process's sends count
        await second.take([small])  # so it waits out the window, then sends
        assert clock.now == START + 3.0
        assert [first.try_take([small]) for _ in range(3)] == [0, 0, 3.0]
    finally:
        for engine in engines:
            engine.dispose()


def test_no_room_or_person_id_is_stored(
    migrated_database_url: str, session_factory: sessionmaker[Session]
) -> None:
    slots = SharedSendSlots(session_factory, clock=FakeTime())

    assert slots.try_take([Limit("kakao:김민수", 5, 10.0), Limit("kakao:*", 30, 60.0)]) == 0

    with session_factory() as session:
        keys = list(session.scalars(select(SendSlot.key)))
        dump = " ".join(str(row) for row in session.execute(text("SELECT * FROM send_slots")))
    assert len(keys) == 2
    assert "김민수" not in dump
    assert "kakao" not in dump
