"""Transcripts: asking, sources, feedback, experts and linking, through the in-memory channel."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import MemoryDirectory
from bot.storage.conversation_models import AnswerFeedback
from bot.storage.ticket_models import Ticket
from handlers.memory import MemoryChannel
from tests.scenarios.answerer import FakeAnswerer
from tests.scenarios.conftest import NOW


async def test_a_member_asks_in_a_dm_and_gets_the_answer_with_its_source(
    chat: MemoryChannel,
) -> None:
    [reply] = await chat.say("u1", "연회비는 얼마인가요?")

    assert reply.text.startswith("연회비는 60만 원이고")
    assert "[1] 한빛연합회 정관 · 제8조(회비)" in reply.text
    assert [link.url for link in reply.links] == ["https://example.org/rules"]
    assert [b.label for b in reply.buttons] == [
        texts.CH_BUTTON_HELPFUL,
        texts.CH_BUTTON_UNHELPFUL,
    ]


async def test_the_ask_command_works_like_free_text(chat: MemoryChannel) -> None:
    [by_command] = await chat.say("u1", "/질문 연회비는 얼마인가요?")
    [in_english] = await chat.say("u1", "/ask@GyoryuBot 연회비는?")

    assert by_command.text.startswith("연회비는 60만 원")
    assert in_english.text.startswith("연회비는 60만 원")


async def test_help_lists_the_commands(chat: MemoryChannel) -> None:
    [reply] = await chat.say("u1", "/도움말")

    assert reply.text == texts.CH_HELP
    assert "/연결" in reply.text


async def test_sources_of_the_last_answer(chat: MemoryChannel) -> None:
    [before] = await chat.say("u1", "/출처")
    await chat.say("u1", "연회비는 얼마인가요?")
    [after] = await chat.say("u1", "/출처")

    assert before.text == texts.CH_NO_ANSWER_YET
    assert after.text == "출처\n[1] 한빛연합회 정관 · 제8조(회비)"


async def test_thumbs_down_is_stored_and_offers_an_expert(
    chat: MemoryChannel, sessions: sessionmaker[Session]
) -> None:
    [answer] = await chat.say("u1", "연회비는 얼마인가요?")
    thumbs_down = answer.buttons[1]

    [thanks] = await chat.press("u1", thumbs_down)
    [again] = await chat.press("u1", answer.buttons[0])  # changed their mind

    assert thanks.text == texts.CH_FEEDBACK_UNHELPFUL
    assert [b.label for b in thanks.buttons] == [texts.CH_BUTTON_EXPERT]
    assert again.text == texts.CH_FEEDBACK_HELPFUL
    with sessions() as session:
        verdicts = session.scalars(select(AnswerFeedback.verdict)).all()
    assert verdicts == [1]


async def test_an_unanswered_question_can_go_to_an_expert(
    chat: MemoryChannel, sessions: sessionmaker[Session]
) -> None:
    [dont_know] = await chat.say("u1", "법인세 중간예납은 언제 하나요?")
    assert [b.label for b in dont_know.buttons] == [texts.CH_BUTTON_EXPERT]
    assert texts.QA_SOURCES_HEADING not in dont_know.text  # passages it looked at are not cited
    assert "2026 지원사업 안내" not in dont_know.text

    [recorded] = await chat.press("u1", dont_know.buttons[0])

    assert recorded.text.startswith("'법인세 중간예납은 언제 하나요?' 질문을 전문가 상담 #1로")
    assert "분야: 세무" in recorded.text
    with sessions() as session:
        ticket = session.scalars(select(Ticket)).one()
    assert (ticket.question, ticket.field) == ("법인세 중간예납은 언제 하나요?", "세무")
    assert ticket.answer_id is not None  # the answer it was asked under


async def test_expert_command_with_its_own_question(chat: MemoryChannel) -> None:
    [nothing] = await chat.say("u1", "/전문가")
    [recorded] = await chat.say("u1", "/전문가 수출 계약서 검토를 받고 싶어요")

    assert nothing.text == texts.CH_EXPERT_NEEDS_QUESTION
    assert "전문가 상담 #1로 접수했어요" in recorded.text
    assert "분야: 법률" in recorded.text  # 계약서 검토


async def test_linking_an_account_opens_members_only_answers(
    chat: MemoryChannel, answerer: FakeAnswerer
) -> None:
    [as_guest] = await chat.say("u1", "회원 지원사업은 뭐가 있나요?")
    [usage] = await chat.say("u1", "/연결")
    [wrong] = await chat.say("u1", "/연결 ZZZZ-ZZZZ")
    [linked] = await chat.say("u1", "/연결 abcd-efgh", name="김대표")
    [as_member] = await chat.say("u1", "회원 지원사업은 뭐가 있나요?")

    assert as_guest.text.startswith("연합회 자료에서는")
    assert usage.text == texts.CH_LINK_USAGE
    assert wrong.text == texts.FED_INVITE_UNKNOWN
    assert linked.text == texts.ch_linked("김대표")
    assert as_member.text.startswith("회원 전용 지원사업은")
    assert answerer.asked[0][1] == frozenset({"public"})


async def test_empty_and_huge_messages_get_a_polite_reply(chat: MemoryChannel) -> None:
    [empty] = await chat.say("u1", "   ")
    [huge] = await chat.say("u1", "가" * 20_000)

    assert empty.text == texts.QA_EMPTY_QUESTION
    assert huge.text == texts.CH_TOO_LONG.format(limit=2000)


async def test_an_old_button_is_answered_politely(chat: MemoryChannel) -> None:
    from bot.messages import Button

    [stale] = await chat.press("u1", Button("?", "vote:yes"))
    [gone] = await chat.press("u1", Button("?", "fb+:999"))

    assert stale.text == texts.CH_UNKNOWN_BUTTON
    assert gone.text == texts.CH_UNKNOWN_BUTTON


async def test_a_failing_answerer_apologises_instead_of_crashing(
    chat: MemoryChannel, answerer: FakeAnswerer
) -> None:
    answerer.fail = True

    [sorry] = await chat.say("u1", "연회비는 얼마인가요?")

    assert sorry.text == texts.CH_FAILED


async def test_a_short_follow_up_is_answered_as_part_of_the_question_before(
    chat: MemoryChannel, answerer: FakeAnswerer
) -> None:
    await chat.say("u1", "새벽교류회 4월 모임 언제예요?")
    await chat.say("u1", "5월은요?")
    await chat.say("u1", "그럼 신청은 어디서 해요?")

    assert [question for question, _ in answerer.asked] == [
        "새벽교류회 4월 모임 언제예요?",
        "새벽교류회 5월 모임 언제예요?",
        "새벽교류회 5월 모임 신청은 어디서 해요?",
    ]


async def test_a_follow_up_belongs_to_its_own_conversation(
    chat: MemoryChannel, answerer: FakeAnswerer
) -> None:
    await chat.say("u1", "새벽교류회 4월 모임 언제예요?")
    await chat.say("u2", "5월은요?")  # another member, who asked nothing before
    await chat.say("u1", "5월은요?", room="open-room")  # the same member, in a room

    assert [question for question, _ in answerer.asked][1:] == ["5월은요?", "5월은요?"]


async def test_a_follow_up_hours_later_is_a_question_of_its_own(
    log: ConversationLog, answerer: FakeAnswerer
) -> None:
    clock = [NOW]
    bot = Bot(answerer=answerer, directory=MemoryDirectory(), log=log, clock=lambda: clock[0])
    chat = MemoryChannel(bot, clock=lambda: clock[0])
    await chat.say("u1", "새벽교류회 4월 모임 언제예요?")
    clock[0] = NOW + timedelta(hours=3)

    await chat.say("u1", "5월은요?")

    assert answerer.asked[-1][0] == "5월은요?"


async def test_an_expert_gets_the_follow_up_as_one_whole_question(chat: MemoryChannel) -> None:
    await chat.say("u1", "법인세 중간예납은 언제 하나요?")
    [dont_know] = await chat.say("u1", "그럼 신청은 어디서 해요?")

    [recorded] = await chat.press("u1", dont_know.buttons[0])

    assert recorded.text.startswith("'법인세 중간예납 신청은 어디서 해요?' 질문을")
