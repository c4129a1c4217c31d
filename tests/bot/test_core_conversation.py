"""Conversation in the core: small talk, the bot's expert offer and "/전문가" without a question.

The real document answerer (over two short passages) and the real conversation log, on SQLite
and (with TEST_DATABASE_URL) PostgreSQL, reached through the in-memory channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import Caller, MemoryDirectory
from bot.qa import DocumentQA
from bot.storage.conversation_models import AnswerRecord, ExpertRequest
from handlers.memory import MemoryChannel
from tests.bot.test_qa import DUES, MEETING, ListSearcher

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
UNCOVERED = "법인세 중간예납은 언제 하나요?"


@dataclass
class Talk:
    chat: MemoryChannel
    sessions: sessionmaker[Session]
    searcher: ListSearcher
    clock: list[datetime]

    def wait(self, minutes: int) -> None:
        self.clock[0] += timedelta(minutes=minutes)

    def requests(self) -> list[tuple[str, str | None]]:
        with self.sessions() as session:
            rows = session.scalars(select(ExpertRequest).order_by(ExpertRequest.id))
            return [(row.question, row.field) for row in rows]

    def saved_answers(self) -> int:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(AnswerRecord)) or 0


@pytest.fixture
def talk(session_factory: sessionmaker[Session]) -> Talk:
    searcher = ListSearcher(DUES, MEETING)
    clock = [NOW]
    directory = MemoryDirectory(rooms={("memory", "room-1"): Caller(answer_mode="mention")})
    bot = Bot(
        answerer=DocumentQA(searcher),
        directory=directory,
        log=ConversationLog(session_factory),
        clock=lambda: clock[0],
    )
    return Talk(MemoryChannel(bot, clock=lambda: clock[0]), session_factory, searcher, clock)


@pytest.mark.parametrize("yes", ["네", "응", "부탁해요", "좋아요", "네, 부탁드려요!", "넵 ㅎㅎ"])
async def test_a_yes_to_the_expert_offer_files_that_question(talk: Talk, yes: str) -> None:
    [offer] = await talk.chat.say("u1", UNCOVERED)
    assert offer.text.endswith(texts.QA_OFFER_EXPERT)

    [reply] = await talk.chat.say("u1", yes)

    assert reply.text == texts.ch_expert_recorded("세무", UNCOVERED)
    assert talk.requests() == [(UNCOVERED, "세무")]
    assert len(talk.searcher.queries) == 1  # the yes was not searched for as a question


@pytest.mark.parametrize("no", ["아니요", "아뇨 괜찮아요", "괜찮습니다!", "아니요, 됐어요"])
async def test_a_no_to_the_offer_is_taken_politely(talk: Talk, no: str) -> None:
    await talk.chat.say("u1", UNCOVERED)

    [reply] = await talk.chat.say("u1", no)

    assert reply.text == texts.TALK_OFFER_DECLINED
    assert talk.requests() == []


async def test_a_new_question_after_the_offer_lets_the_offer_lapse(talk: Talk) -> None:
    await talk.chat.say("u1", UNCOVERED)

    [answer] = await talk.chat.say("u1", "연회비는 얼마인가요?")
    [later] = await talk.chat.say("u1", "네")

    assert answer.text.startswith("연회비는 60만 원")
    assert later.text == texts.TALK_ACK
    assert talk.requests() == []


async def test_the_offer_times_out(talk: Talk) -> None:
    await talk.chat.say("u1", UNCOVERED)
    talk.wait(minutes=45)

    [reply] = await talk.chat.say("u1", "네")

    assert reply.text == texts.TALK_ACK
    assert talk.requests() == []


async def test_pressing_the_button_then_saying_yes_files_once(talk: Talk) -> None:
    [offer] = await talk.chat.say("u1", UNCOVERED)

    [pressed] = await talk.chat.press("u1", offer.buttons[-1])
    [again] = await talk.chat.press("u1", offer.buttons[-1])
    [yes] = await talk.chat.say("u1", "네")

    assert pressed.text == texts.ch_expert_recorded("세무", UNCOVERED)
    assert again.text == texts.ch_expert_already(UNCOVERED)
    assert yes.text == texts.TALK_ACK
    assert talk.requests() == [(UNCOVERED, "세무")]


async def test_in_a_room_a_yes_without_mention_answers_the_offer_but_chatter_is_ignored(
    talk: Talk,
) -> None:
    await talk.chat.say("u1", UNCOVERED, room="room-1", mentioned=True)

    chatter = await talk.chat.say("u1", "다들 점심 드셨어요?", room="room-1")
    other = await talk.chat.say("u2", "네", room="room-1")  # someone else's yes is not theirs
    [reply] = await talk.chat.say("u1", "네 부탁해요", room="room-1")

    assert chatter == other == []
    assert reply.text == texts.ch_expert_recorded("세무", UNCOVERED)
    assert talk.requests() == [(UNCOVERED, "세무")]


async def test_expert_command_alone_forwards_the_last_real_question_not_small_talk(
    talk: Talk,
) -> None:
    await talk.chat.say("u1", UNCOVERED)
    [thanks] = await talk.chat.say("u1", "고마워요!")

    [reply] = await talk.chat.say("u1", "/전문가")

    assert thanks.text == texts.TALK_THANKS
    assert reply.text == texts.ch_expert_recorded("세무", UNCOVERED)
    assert talk.requests() == [(UNCOVERED, "세무")]


async def test_expert_command_alone_asks_what_to_forward_without_a_recent_question(
    talk: Talk,
) -> None:
    await talk.chat.say("u1", "안녕하세요")
    [small_talk_only] = await talk.chat.say("u1", "/전문가")
    await talk.chat.say("u1", UNCOVERED)
    talk.wait(minutes=120)
    [stale] = await talk.chat.say("u1", "/전문가")

    assert small_talk_only.text == texts.CH_EXPERT_NEEDS_QUESTION
    assert stale.text == texts.CH_EXPERT_NEEDS_QUESTION
    assert talk.requests() == []


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("고마워요!", texts.TALK_THANKS),
        ("안녕하세요~", texts.TALK_GREETING),
        ("안녕히 계세요", texts.TALK_GOODBYE),
        ("감사합니다, 수고하세요", texts.TALK_THANKS_BYE),
    ],
)
async def test_small_talk_gets_a_fitting_reply_and_is_not_kept_as_a_question(
    talk: Talk, said: str, reply: str
) -> None:
    [answer] = await talk.chat.say("u1", said)

    assert answer.text == reply
    assert answer.buttons == ()
    assert talk.saved_answers() == 0
    assert talk.searcher.queries == []


async def test_an_english_question_is_asked_for_in_korean_without_an_expert_offer(
    talk: Talk,
) -> None:
    [reply] = await talk.chat.say("u1", "When is the regular meeting?")
    [yes] = await talk.chat.say("u1", "yes")

    assert reply.text == texts.TALK_KOREAN_ONLY
    assert reply.buttons == ()
    assert yes.text == texts.TALK_ACK
    assert talk.requests() == []
