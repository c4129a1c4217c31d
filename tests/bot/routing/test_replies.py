"""Answering by replying: the advisor replies to the DM that brought the ticket (a Telegram
reply, a Slack thread) instead of typing ``/답변 <번호>``; the member replies to the clarifying
question the same way. A reply to anything else is read as usual."""

from __future__ import annotations

from bot import texts
from bot.federation.audit import entries_for
from tests.bot.routing.desk import CHOI, KIM, MEMBER, UNCOVERED, Desk, only

ANSWER = "8월 31일까지 직전 사업연도 법인세의 절반을 내시면 돼요."


async def test_the_advisor_answers_by_replying_to_the_tickets_dm(desk: Desk) -> None:
    await desk.chat.say(MEMBER, "/전문가 부가세 환급은 언제 들어오나요?")  # #1, to 김세무
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")  # #2, to 최세무 (fewer open)
    await desk.chat.say(MEMBER, "/전문가 종합소득세 신고 기한이 언제인가요?")  # #3, to 김세무
    await desk.deliver()
    first_dm = next(
        desk.chat.pushed_id(i)
        for i, (to, m) in enumerate(desk.chat.pushed)
        if to.user == KIM and "#1" in m.text
    )

    [sent] = await desk.chat.say(KIM, ANSWER, reply_to=first_dm)
    answer = only(await desk.deliver(), MEMBER)

    assert sent.text == texts.rt_answer_sent(1)
    assert ANSWER in answer.text
    assert answer.text.startswith(texts.rt_prefix(1))
    assert desk.ticket(1).state == "answered"
    assert desk.ticket(3).state == "assigned"  # the other DM's ticket is untouched


async def test_a_clarification_round_trip_by_replies(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()
    dm = desk.pushed_id(KIM)
    await desk.chat.say(KIM, "/추가질문 1 사업연도가 1월부터인가요?")
    await desk.deliver()
    clarification = desk.pushed_id(MEMBER)

    await desk.chat.say(MEMBER, "/상담")  # something else in between: the step is gone
    [sent] = await desk.chat.say(MEMBER, "네, 1월부터예요.", reply_to=clarification)
    relayed = only(await desk.deliver(), KIM)
    [done] = await desk.chat.say(KIM, ANSWER, reply_to=desk.pushed_id(KIM))

    assert sent.text == texts.RT_REPLY_SENT
    assert "네, 1월부터예요." in relayed.text
    assert done.text == texts.rt_answer_sent(1)
    assert desk.ticket(1).state == "answered"
    assert dm != desk.pushed_id(KIM)


async def test_a_reply_from_someone_who_does_not_hold_it_is_refused_and_audited(
    desk: Desk,
) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    dm = only(await desk.deliver(), KIM)
    dm_id = desk.pushed_id(KIM)
    [passed] = await desk.chat.press(KIM, dm.buttons[2])  # 다른 전문가에게
    only(await desk.deliver(), CHOI)

    [refused] = await desk.chat.say(KIM, ANSWER, reply_to=dm_id)
    [answered] = await desk.chat.say(CHOI, ANSWER, reply_to=desk.pushed_id(CHOI))

    assert passed.text == texts.rt_passed(1)
    assert refused.text == texts.rt_not_assigned(1)
    assert answered.text == texts.rt_answer_sent(1)
    with desk.sessions() as session:
        actions = [e.action for e in entries_for(session, entity="ticket", entity_id=1)]
    assert actions.count("refused") == 1


async def test_a_reply_to_an_ordinary_answer_is_a_new_question(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(KIM, f"/답변 1 {ANSWER}")
    await desk.deliver()

    [read_as_question] = await desk.chat.say(
        MEMBER, "연회비는 얼마인가요?", reply_to=desk.pushed_id(MEMBER)
    )
    [unknown] = await desk.chat.say(KIM, "연회비는 얼마인가요?", reply_to="memory-out-999")

    assert "60만 원" in read_as_question.text
    assert "60만 원" in unknown.text
    assert desk.ticket(1).state == "answered"
