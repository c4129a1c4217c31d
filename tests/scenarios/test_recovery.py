"""A crash between recording and answering loses nothing: the next start catches up."""

from __future__ import annotations

from datetime import timedelta

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import MemoryDirectory
from bot.lifecycle import Runner
from bot.messages import Address, IncomingMessage, OutgoingMessage
from tests.scenarios.answerer import FakeAnswerer
from tests.scenarios.conftest import NOW


def question(message_id: str, text: str, minutes_ago: int) -> IncomingMessage:
    return IncomingMessage(
        id=message_id,
        address=Address("memory", "u1"),
        text=text,
        received_at=NOW - timedelta(minutes=minutes_ago),
    )


async def test_unanswered_questions_are_answered_or_apologised_for_on_restart(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    before_crash = Bot(answerer=answerer, directory=MemoryDirectory(), log=log, clock=lambda: NOW)
    assert await Runner(before_crash).admit(question("1", "연회비는 얼마인가요?", minutes_ago=2))
    assert await Runner(before_crash).admit(question("2", "정례회는 언제죠?", minutes_ago=90))
    # …the process dies here, before either answer went out.

    after_restart = Bot(answerer=answerer, directory=MemoryDirectory(), log=log, clock=lambda: NOW)
    delivered: list[tuple[Address, OutgoingMessage]] = []

    async def deliver(to: Address, message: OutgoingMessage) -> None:
        delivered.append((to, message))

    assert await Runner(after_restart).recover(deliver) == 2
    assert await Runner(after_restart).recover(deliver) == 0  # nothing is sent twice

    [(_, missed), (to_late, late)] = delivered  # oldest first
    assert to_late == Address("memory", "u1")
    assert late.text.startswith(texts.CH_LATE_PREFIX)
    assert "연회비는 60만 원" in late.text
    assert missed.text == texts.CH_MISSED.format(question="정례회는 언제죠?")
