"""The whole 전문가 상담 loop through the in-memory channel: a weak answer, the button, the
receipt, the advisor's DM, a clarification round trip, the answer relayed and rated, approved as
an FAQ card, and the same question answered from the card."""

from __future__ import annotations

from bot import texts
from bot.routing import cards
from tests.bot.routing.desk import KIM, MEMBER, NOW, UNCOVERED, Desk, only

ANSWER = "중간예납은 8월 31일까지 신고·납부하시면 돼요. 직전 사업연도 법인세의 절반이 기준이에요."


async def test_a_question_goes_to_an_advisor_comes_back_and_becomes_knowledge(desk: Desk) -> None:
    chat = desk.chat
    [weak] = await chat.say(MEMBER, UNCOVERED)
    assert weak.buttons[-1].label == texts.CH_BUTTON_EXPERT

    [receipt] = await chat.press(MEMBER, weak.buttons[-1])

    assert "전문가 상담 #1로 접수했어요" in receipt.text
    assert "분야: 세무" in receipt.text
    assert "세무 분야 자문위원(세무사)" in receipt.text
    assert "영업일 기준 2일 안(11월 27일(금)까지)" in receipt.text
    assert "김세무" not in receipt.text  # a role, never a name

    dm = only(await desk.deliver(), KIM)
    assert "#1" in dm.text
    assert UNCOVERED in dm.text
    assert "새벽교류회" in dm.text
    assert "한빛정밀" in dm.text
    assert [b.label for b in dm.buttons] == ["답변하기", "추가 질문", "다른 전문가에게"]
    assert await desk.deliver() == []  # delivered once

    [asked] = await chat.say(KIM, "/추가질문 1 사업연도가 1월부터 12월까지인가요?")
    clarification = only(await desk.deliver(), MEMBER)
    [sent] = await chat.say(MEMBER, "네, 1월부터 12월까지예요.")
    reply = only(await desk.deliver(), KIM)

    assert asked.text == texts.rt_clarify_sent(1)
    assert "사업연도가 1월부터 12월까지인가요?" in clarification.text
    assert sent.text == texts.RT_REPLY_SENT
    assert "네, 1월부터 12월까지예요." in reply.text

    desk.wait(hours=3)
    [done] = await chat.say(KIM, f"/답변 1 {ANSWER}")
    answer = only(await desk.deliver(), MEMBER)

    assert done.text == texts.rt_answer_sent(1)
    assert ANSWER in answer.text  # verbatim
    assert "김세무 세무사(김세무회계), 2026년 11월 25일" in answer.text
    assert texts.RT_NOTICE in answer.text
    assert [b.label for b in answer.buttons] == ["도움됐어요", "부족해요", "추가로 묻기"]

    [thanks] = await chat.press(MEMBER, answer.buttons[0])
    assert thanks.text == texts.RT_RATED_GOOD
    assert desk.ticket(1).state == "closed"

    with desk.sessions.begin() as session:
        card = cards.approve(session, ticket_id=1, actor="cli:t", now=NOW)
        assert card.advisor_label == "세무사 김○○"
        assert card.expires_on.isoformat() == "2026-12-31"  # tax answers expire at year end

    [again] = await chat.say(MEMBER, UNCOVERED)

    assert ANSWER in again.text
    assert "세무사 김○○ 자문 답변, 2026-11-25" in again.text
    assert texts.CH_BUTTON_EXPERT not in [b.label for b in again.buttons]


async def test_an_expired_card_is_not_cited(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(KIM, f"/답변 1 {ANSWER}")
    with desk.sessions.begin() as session:
        cards.approve(session, ticket_id=1, actor="cli:t", now=NOW)

    desk.wait(days=40)  # into 2027
    [later] = await desk.chat.say(MEMBER, UNCOVERED)

    assert ANSWER not in later.text
    assert later.buttons[-1].label == texts.CH_BUTTON_EXPERT


async def test_an_advisor_cannot_touch_another_advisors_ticket(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()

    [refused] = await desk.chat.say("a2", "/답변 1 제가 대신 답해 드릴게요")
    [no_clarify] = await desk.chat.say("a2", "/추가질문 1 회사 이름이 뭐예요?")
    [as_member] = await desk.chat.say(MEMBER, "/답변 1 스스로 답하기")

    assert refused.text == texts.rt_not_assigned(1)
    assert no_clarify.text == texts.rt_not_assigned(1)
    assert as_member.text == texts.RT_NOT_ADVISOR
    assert await desk.deliver() == []  # the member hears nothing of it
    assert desk.ticket(1).state == "assigned"
    refusals = [h for h in desk.history(1) if h[1] == "refused"]
    assert len(refusals) == 2
