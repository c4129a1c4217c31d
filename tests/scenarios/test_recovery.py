"""A crash loses nothing and answers nothing twice: the next start (or another serving process)
catches up with what was abandoned, and a reply that was leaving is not sent again."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import MemoryDirectory
from bot.lifecycle import ANSWER_LEASE, Runner
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ratelimit import Limit, LocalSendSlots
from bot.storage.conversation_models import InboundMessage
from tests.scenarios.answerer import FakeAnswerer
from tests.scenarios.conftest import NOW

RESTARTED = NOW + ANSWER_LEASE + timedelta(seconds=1)


def question(message_id: str, text: str, minutes_ago: int) -> IncomingMessage:
    return IncomingMessage(
        id=message_id,
        address=Address("memory", "u1"),
        text=text,
        received_at=NOW - timedelta(minutes=minutes_ago),
    )


def bot_at(when: datetime, log: ConversationLog, answerer: FakeAnswerer) -> Bot:
    """A process's bot on ``log``'s database (a process of its own: its own claims)."""
    process_log = ConversationLog(log.sessions)
    return Bot(answerer=answerer, directory=MemoryDirectory(), log=process_log, clock=lambda: when)


class Recorder:
    def __init__(self) -> None:
        self.delivered: list[tuple[Address, OutgoingMessage]] = []

    async def __call__(self, to: Address, message: OutgoingMessage) -> None:
        self.delivered.append((to, message))


def statuses(log: ConversationLog) -> list[str]:
    with log.sessions() as session:
        query = select(InboundMessage.status).order_by(InboundMessage.id)
        return list(session.scalars(query))


async def test_unanswered_questions_are_answered_or_apologised_for_on_restart(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    before_crash = bot_at(NOW, log, answerer)
    assert await Runner(before_crash).admit(question("1", "연회비는 얼마인가요?", minutes_ago=2))
    assert await Runner(before_crash).admit(question("2", "정례회는 언제죠?", minutes_ago=90))
    # …the process dies here, before either answer went out.

    after_restart = bot_at(RESTARTED, log, answerer)
    push = Recorder()

    assert await Runner(after_restart).recover(push) == 2
    assert await Runner(after_restart).recover(push) == 0  # nothing is sent twice

    [(_, missed), (to_late, late)] = push.delivered  # oldest first
    assert to_late == Address("memory", "u1")
    assert late.text.startswith(texts.CH_LATE_PREFIX)
    assert "연회비는 60만 원" in late.text
    assert missed.text == texts.CH_MISSED.format(question="정례회는 언제죠?")
    assert statuses(log) == ["answered", "answered"]


async def test_a_reply_that_was_leaving_when_the_process_died_is_not_sent_again(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    runner = Runner(bot_at(NOW, log, answerer))
    receiving = asyncio.Event()

    async def slow_platform(_replies: list[OutgoingMessage]) -> None:
        receiving.set()
        await asyncio.Event().wait()  # the platform is receiving the reply when serve is killed

    assert await runner.accept(question("1", "연회비는 얼마인가요?", 1), slow_platform)
    await receiving.wait()
    for task in runner.tasks.running:  # kill -9: nothing after this point runs
        task.cancel()
    await asyncio.gather(*runner.tasks.running, return_exceptions=True)

    push = Recorder()
    assert await Runner(bot_at(RESTARTED, log, answerer)).recover(push) == 0

    assert push.delivered == []  # no "늦어서 죄송해요" copy of an answer that may have arrived
    assert statuses(log) == ["unknown"]


async def test_a_second_process_never_answers_what_the_first_is_still_answering(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    first = Runner(bot_at(NOW, log, answerer))
    assert await first.admit(question("1", "연회비는 얼마인가요?", 0))  # being answered now
    push = Recorder()

    # A second `serve` starts on the same database while the first is answering.
    second = Runner(bot_at(NOW + timedelta(seconds=30), log, answerer))
    assert await second.recover(push) == 0

    assert push.delivered == []
    assert statuses(log) == ["answering"]


async def test_two_processes_recovering_at_once_answer_each_message_once(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    before_crash = bot_at(NOW, log, answerer)
    for n in range(3):
        assert await Runner(before_crash).admit(question(str(n), "연회비는 얼마인가요?", 1))
    push = Recorder()

    one, two = Runner(bot_at(RESTARTED, log, answerer)), Runner(bot_at(RESTARTED, log, answerer))
    handled = await one.recover(push) + await two.recover(push)

    assert handled == 3
    assert len(push.delivered) == 3


class Clock:
    """A process's clock, moved by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def test_an_answer_slower_than_the_lease_is_not_taken_over_while_its_process_lives(
    sessions: sessionmaker[Session], answerer: FakeAnswerer
) -> None:
    answerer.gate = threading.Event()
    clock = Clock(NOW)
    first = Runner(
        Bot(
            answerer=answerer,
            directory=MemoryDirectory(),
            log=ConversationLog(sessions),
            clock=clock,
        )
    )
    delivered: list[OutgoingMessage] = []

    async def reply(out: list[OutgoingMessage]) -> None:
        delivered.extend(out)

    assert await first.accept(question("1", "연회비는 얼마인가요?", 0), reply)
    await asyncio.to_thread(answerer.answering.wait, 30)  # a slow answer: a long queue, an LLM
    clock.now = NOW + timedelta(seconds=90)
    await first.recover(Recorder())  # the first process's minutely round keeps its claims fresh

    # A second `serve` on the same database, past the lease counted from the first claim.
    second = Runner(
        bot_at(NOW + ANSWER_LEASE + timedelta(seconds=30), ConversationLog(sessions), answerer)
    )
    push = Recorder()
    assert await second.recover(push) == 0
    answerer.gate.set()
    await first.tasks.drain()

    assert push.delivered == []
    assert len(delivered) == 1
    assert statuses(ConversationLog(sessions)) == ["answered"]


async def test_a_process_that_lost_its_claim_does_not_send_its_answer_too(
    sessions: sessionmaker[Session], answerer: FakeAnswerer
) -> None:
    answerer.gate = threading.Event()
    first = Runner(bot_at(NOW, ConversationLog(sessions), answerer))
    delivered: list[OutgoingMessage] = []

    async def reply(out: list[OutgoingMessage]) -> None:
        delivered.extend(out)

    assert await first.accept(question("1", "연회비는 얼마인가요?", 0), reply)
    await asyncio.to_thread(answerer.answering.wait, 30)
    # The first process stalled past the lease (no renewal): a second one takes the message over.
    second = Runner(bot_at(RESTARTED, ConversationLog(sessions), answerer))
    push = Recorder()
    answerer.answering.clear()
    recovering = asyncio.create_task(second.recover(push))
    await asyncio.to_thread(answerer.answering.wait, 30)  # the second is answering it too
    answerer.gate.set()  # both answers finish now
    assert await recovering == 1
    await first.tasks.drain()

    assert len(push.delivered) + len(delivered) == 1  # one copy: the second process's
    assert len(push.delivered) == 1


def full_room() -> tuple[LocalSendSlots, list[Limit], asyncio.Event]:
    """A room whose one slot a minute is taken: the next send waits (parked until cancelled)."""
    waiting = asyncio.Event()

    async def park(_seconds: float) -> None:
        waiting.set()
        await asyncio.Event().wait()

    slots = LocalSendSlots(clock=lambda: 0.0, sleep=park)
    return slots, [Limit("memory:room", 1, 60.0)], waiting


async def test_a_reply_still_waiting_for_a_rate_limit_slot_when_killed_is_answered_at_restart(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    slots, room, waiting = full_room()
    await slots.take(room)  # the room's slot for this minute is used
    runner = Runner(bot_at(NOW, log, answerer))

    async def rate_limited(_replies: list[OutgoingMessage]) -> None:
        await slots.take(room)  # never returns: serve is killed while the reply waits

    assert await runner.accept(question("1", "연회비는 얼마인가요?", 1), rate_limited)
    await waiting.wait()
    assert statuses(log) == ["answering"]  # nothing left: not "sending" while it waits
    for task in runner.tasks.running:  # kill -9
        task.cancel()
    await asyncio.gather(*runner.tasks.running, return_exceptions=True)

    push = Recorder()
    assert await Runner(bot_at(RESTARTED, log, answerer)).recover(push) == 1

    # Answered once, late ("unknown" and never sent before: 8 of 10 group members lost theirs
    # when two `serve` shared a group's slots and one was killed).
    [(_, late)] = push.delivered
    assert late.text.startswith(texts.CH_LATE_PREFIX)
    assert statuses(log) == ["answered"]


async def test_a_reply_that_waited_for_a_slot_is_marked_sending_again_before_it_leaves(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    runner = Runner(bot_at(NOW, log, answerer))
    clock = [0.0]
    slept = asyncio.Event()

    async def sleep(seconds: float) -> None:
        clock[0] += seconds  # the slot frees up: the next try takes it
        slept.set()

    slots = LocalSendSlots(clock=lambda: clock[0], sleep=sleep)
    room = [Limit("memory:room", 1, 60.0)]
    await slots.take(room)
    leaving: list[list[str]] = []

    async def rate_limited(_replies: list[OutgoingMessage]) -> None:
        await slots.take(room)
        leaving.append(statuses(log))  # the request goes out now

    assert await runner.accept(question("1", "연회비는 얼마인가요?", 1), rate_limited)
    await runner.tasks.drain()

    assert slept.is_set()
    assert leaving == [["sending"]]  # a kill from here on leaves it "unknown", never resent
    assert statuses(log) == ["answered"]


async def test_a_reply_taken_over_while_it_waited_for_a_slot_does_not_leave(
    sessions: sessionmaker[Session], answerer: FakeAnswerer
) -> None:
    clock = [0.0]
    waiting, release = asyncio.Event(), asyncio.Event()

    async def stall(seconds: float) -> None:
        waiting.set()
        await release.wait()
        clock[0] += seconds

    slots = LocalSendSlots(clock=lambda: clock[0], sleep=stall)
    room = [Limit("memory:room", 1, 60.0)]
    await slots.take(room)
    first = Runner(bot_at(NOW, ConversationLog(sessions), answerer))
    sent: list[OutgoingMessage] = []

    async def rate_limited(replies: list[OutgoingMessage]) -> None:
        await slots.take(room)
        sent.extend(replies)

    assert await first.accept(question("1", "연회비는 얼마인가요?", 0), rate_limited)
    await waiting.wait()
    # The first process stalled past the lease while it waited: a second one takes it over.
    push = Recorder()
    assert await Runner(bot_at(RESTARTED, ConversationLog(sessions), answerer)).recover(push) == 1
    release.set()
    await first.tasks.drain()

    assert sent == []  # one copy: the second process's
    assert len(push.delivered) == 1
