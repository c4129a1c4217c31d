"""``/상담 [번호]`` and 답변 확인: a member sees their tickets and fetches an answer themself (how
a Kakao 1:1 member, whom the bot cannot write to first, gets one)."""

from __future__ import annotations

from bot import texts
from tests.bot.routing.desk import KIM, MEMBER, OTHER, UNCOVERED, Desk, only


async def test_the_member_lists_their_tickets_newest_first(desk: Desk) -> None:
    [nothing] = await desk.chat.say(MEMBER, "/상담")
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(MEMBER, "/전문가 특허 출원 비용이 얼마나 드나요?")
    await desk.chat.say(OTHER, "/전문가 부가세 환급은 언제 들어오나요?")

    [listing] = await desk.chat.say(MEMBER, "/상담")

    assert nothing.text == texts.RT_NO_TICKETS
    lines = listing.text.splitlines()
    assert lines[1] == "• #2 [특허] 사무국 확인 중 — 특허 출원 비용이 얼마나 드나요?"
    assert lines[2] == f"• #1 [세무] 자문위원 확인 중 — {UNCOVERED}"
    assert "부가세 환급" not in listing.text  # another member's question


async def test_the_check_button_shows_the_state_then_the_signed_answer(desk: Desk) -> None:
    [receipt] = await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    check = receipt.buttons[-1]
    [waiting] = await desk.chat.press(MEMBER, check)
    await desk.chat.say(KIM, "/답변 1 8월 31일까지 중간예납하시면 돼요.")
    pushed = only(await desk.deliver(), MEMBER)

    [fetched] = await desk.chat.press(MEMBER, check)
    [by_command] = await desk.chat.say(MEMBER, "/상담 #1")
    [rated] = await desk.chat.press(MEMBER, fetched.buttons[0])
    [after_rating] = await desk.chat.say(MEMBER, "/상담 1")

    assert check.label == texts.RT_BUTTON_CHECK
    assert "• 상태: 자문위원 확인 중" in waiting.text
    assert "• 답변: 세무 분야 자문위원(세무사)" in waiting.text
    assert [b.label for b in waiting.buttons] == [texts.RT_BUTTON_CHECK]
    assert fetched.text == pushed.text  # the signed answer, as relayed
    assert "8월 31일까지 중간예납하시면 돼요." in fetched.text
    assert "김세무 세무사" in fetched.text
    assert [b.label for b in fetched.buttons] == ["도움됐어요", "부족해요", "추가로 묻기"]
    assert by_command.text == fetched.text
    assert rated.text == texts.RT_RATED_GOOD
    assert after_rating.text == fetched.text
    assert after_rating.buttons == ()  # closed and rated: nothing left to press


async def test_a_pending_clarification_is_shown_with_its_reply_button(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(KIM, "/추가질문 1 작년 법인세는 얼마였나요?")

    [shown] = await desk.chat.say(MEMBER, "/상담 1")
    [reply_prompt] = await desk.chat.press(MEMBER, shown.buttons[0])
    [sent] = await desk.chat.say(MEMBER, "3천만 원이었어요.")

    assert "작년 법인세는 얼마였나요?" in shown.text
    assert reply_prompt.text == texts.RT_TYPE_REPLY
    assert sent.text == texts.RT_REPLY_SENT
    assert desk.ticket(1).state == "assigned"


async def test_another_members_ticket_is_not_shown(desk: Desk) -> None:
    [receipt] = await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(KIM, "/답변 1 8월 31일까지예요.")

    [by_command] = await desk.chat.say(OTHER, "/상담 1")
    [by_button] = await desk.chat.press(OTHER, receipt.buttons[-1])

    assert by_command.text == texts.rt_no_such_ticket(1)
    assert by_button.text == texts.RT_NOT_YOURS
    assert "8월 31일" not in by_command.text + by_button.text
