"""The channel contract: every adapter, driven through its real route, treats a member the same.

Each test runs once per channel (see ``tests/handlers/drivers.py``). A capability a platform does
not have is stated on its driver (no buttons in KakaoTalk rooms, no message ids or unprompted
messages on the Kakao skill) and the test says what happens there instead, or does not apply.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot import texts
from bot.answers import Citation, QaAnswer
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.delivery import UndeliverableError
from bot.directory import MemoryDirectory
from bot.messages import OutgoingMessage
from bot.skills.ask import feedback_action
from handlers import kakao_response
from tests.handlers.conftest import NOW
from tests.handlers.drivers import (
    DRIVERS,
    FEE_ANSWER,
    ButtonDriver,
    ContractAnswerer,
    Driver,
    channels,
)

QUESTION = "연회비는 얼마인가요?"
SOURCE_LINE = texts.qa_source_line(1, "한빛연합회 정관", "제8조(회비)")


def _long_text(at_least: int) -> str:
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < at_least:
        number = len(sentences) + 1
        sentences.append(f"{number}번째 안내: 정례회는 매월 둘째 주 화요일 오후 7시에 열려요.")
    return " ".join(sentences)


LONG_ANSWER = QaAnswer(
    text=_long_text(6000),
    confident=True,
    sources=(Citation(1, "2026 정례회 운영 안내", "docs/meetings.md", "일정", "정례회…", 2.9),),
)


def squeezed(text: str) -> str:
    """``text`` without whitespace: where a long text was cut into pieces does not matter."""
    return "".join(text.split())


@pytest.fixture
def answerer() -> ContractAnswerer:
    return ContractAnswerer()


@pytest.fixture
def bot(answerer: ContractAnswerer, log: ConversationLog) -> Bot:
    return Bot(answerer=answerer, directory=MemoryDirectory(), log=log, clock=lambda: NOW)


@pytest.fixture(params=channels())
async def driver(request: pytest.FixtureRequest, bot: Bot) -> AsyncIterator[Driver]:
    async with DRIVERS[request.param](bot) as driver:
        yield driver


async def test_a_question_gets_exactly_one_answer_with_its_numbered_source(
    driver: Driver,
) -> None:
    await driver.ask(QUESTION, message_id=1)

    [piece] = driver.pieces()
    assert FEE_ANSWER.text in driver.plain(piece)
    assert SOURCE_LINE in driver.plain(piece)


@pytest.mark.parametrize(
    "driver", channels(lambda kind: issubclass(kind, ButtonDriver)), indirect=True
)
async def test_pressing_a_button_under_an_answer_is_handled(driver: Driver) -> None:
    assert isinstance(driver, ButtonDriver)
    await driver.ask(QUESTION, message_id=1)

    await driver.press(feedback_action(1, helpful=True))

    assert len(driver.pieces()) == 2
    assert driver.plain(driver.pieces()[-1]) == texts.CH_FEEDBACK_HELPFUL


async def test_a_long_answer_is_never_lost(driver: Driver, answerer: ContractAnswerer) -> None:
    answerer.reply = LONG_ANSWER

    await driver.ask("정례회 운영 안내를 자세히 알려 주세요", message_id=1)

    pieces = driver.pieces()
    if driver.limit is not None:
        assert all(len(piece) <= driver.limit for piece in pieces)
    shown = squeezed("".join(driver.plain(piece) for piece in pieces))
    if driver.cut_notice is None:
        assert squeezed(LONG_ANSWER.text) in shown
        assert squeezed(texts.qa_source_line(1, "2026 정례회 운영 안내", "일정")) in shown
    else:
        # The platform shows a fixed number of bubbles: the start of the answer, then a notice.
        assert len(pieces) == kakao_response.MAX_OUTPUTS
        assert pieces[-1].endswith(driver.cut_notice)
        start = shown.removesuffix(squeezed(driver.cut_notice))
        assert squeezed(LONG_ANSWER.text).startswith(start)


async def test_a_proactive_message_reaches_the_member(driver: Driver) -> None:
    message = OutgoingMessage("11월 25일(화) 오후 7시 정례회가 열려요. 참석 여부를 알려 주세요.")

    if not driver.pushes:
        with pytest.raises(UndeliverableError):
            await driver.push(message)
        return
    await driver.push(message)

    assert [driver.plain(piece) for piece in driver.pieces()] == [message.text]


@pytest.mark.parametrize("driver", channels(lambda kind: kind.redelivers), indirect=True)
async def test_a_redelivered_message_is_answered_once(
    driver: Driver, answerer: ContractAnswerer
) -> None:
    await driver.ask(QUESTION, message_id=7)
    await driver.ask(QUESTION, message_id=7)

    assert len(driver.pieces()) == 1
    assert answerer.asked == [QUESTION]


@pytest.mark.parametrize("driver", channels(lambda kind: kind.redelivers), indirect=True)
async def test_another_message_reusing_an_id_is_still_answered(
    driver: Driver, answerer: ContractAnswerer
) -> None:
    await driver.ask(QUESTION, message_id=7)
    await driver.ask("정례회는 언제 열리나요?", message_id=7)

    assert len(driver.pieces()) == 2
    assert answerer.asked == [QUESTION, "정례회는 언제 열리나요?"]
