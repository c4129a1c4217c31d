"""The message lifecycle: each message is looked at once and costs few database round trips;
replies that cannot be delivered are settled as failed; a deadline hands a late answer on."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import ConversationLog
from bot.core import Bot
from bot.delivery import DeliveryError
from bot.directory import Caller, MemoryDirectory
from bot.directory_sql import SqlDirectory
from bot.lifecycle import Deadline, Overdue, Runner, Timely
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.skills.registry import Registry
from bot.storage.conversation_models import InboundMessage
from tests.scenarios.answerer import FakeAnswerer

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


class CountingDirectory(SqlDirectory):
    """The federation directory, counting look-ups."""

    def identify(self, address: Address) -> Caller:
        counts["identify"] += 1
        return super().identify(address)


counts: Counter[str] = Counter()


@pytest.fixture
def runner(
    session_factory: sessionmaker[Session], engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> Runner:
    counts.clear()
    event.listen(engine, "begin", lambda connection: counts.update(["transactions"]))
    route = Registry.route

    def counted_route(self: Registry, message: IncomingMessage) -> object:
        counts["route"] += 1
        return route(self, message)

    bot = Bot(
        answerer=FakeAnswerer(),
        directory=CountingDirectory(session_factory),
        log=ConversationLog(session_factory),
        clock=lambda: NOW,
    )
    monkeypatch.setattr(Registry, "route", counted_route)
    return Runner(bot)


def message(text: str, *, ident: str = "m1", room: str | None = None) -> IncomingMessage:
    address = Address("memory", "u1", room, is_group=room is not None)
    return IncomingMessage(ident, address, text, NOW, mentioned=room is not None)


async def test_a_question_is_identified_and_routed_once_in_four_transactions(
    runner: Runner,
) -> None:
    [answer] = await runner.handle(message("연회비는 얼마인가요?"))

    assert answer.text.startswith("연회비는 60만 원")
    # Who is asking; the record (reading the dialog step it may answer); the answer; settle.
    assert counts == Counter(identify=1, route=1, transactions=4)


async def test_a_room_mention_costs_the_same(runner: Runner) -> None:
    await runner.handle(message("연회비는 얼마인가요?", room="room"))

    assert counts == Counter(identify=1, route=1, transactions=4)


async def test_a_reply_that_cannot_be_delivered_is_settled_as_failed(
    runner: Runner, session_factory: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    async def refuse(replies: list[OutgoingMessage]) -> None:
        raise DeliveryError("telegram: Forbidden: bot was blocked by the user")

    assert await runner.accept(message("연회비는 얼마인가요?"), refuse)
    with caplog.at_level(logging.WARNING):
        await runner.tasks.drain()

    with session_factory() as session:
        assert session.scalars(select(InboundMessage.status)).all() == ["failed"]
    assert "bot was blocked" in caplog.text


async def test_an_answer_past_the_deadline_goes_to_the_late_path(
    session_factory: sessionmaker[Session],
) -> None:
    gate = threading.Event()
    bot = Bot(
        answerer=FakeAnswerer(gate=gate),
        directory=MemoryDirectory(),
        log=ConversationLog(session_factory),
        clock=lambda: NOW,
    )
    runner, late = Runner(bot), asyncio.Queue[list[OutgoingMessage]]()
    loop = asyncio.get_running_loop()

    outcome = await runner.within(
        message("연회비는 얼마인가요?"), Deadline(loop.time() + 0.05, late.put, loop.time() + 10)
    )
    gate.set()
    [answer] = await late.get()
    await runner.tasks.drain()

    assert outcome == Overdue(deferred=True)
    assert answer.text.startswith("연회비는 60만 원")
    quick = await runner.within(message("연회비는?", ident="m2"), Deadline(loop.time() + 10))
    assert isinstance(quick, Timely)
    with session_factory() as session:
        assert session.scalars(select(InboundMessage.status)).all() == ["answered", "answered"]
