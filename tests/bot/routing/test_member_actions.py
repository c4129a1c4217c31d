"""What the member can do with a ticket: correct its field, withdraw it, rate the answer and ask
one follow-up; and an expired FAQ card's advisor is told once."""

from __future__ import annotations

from datetime import date, datetime

from bot import texts
from bot.clock import KST
from bot.routing import cards
from tests.bot.routing.desk import KIM, MEMBER, OTHER, SECRETARY, UNCOVERED, Desk, only


async def test_the_member_corrects_the_field_and_the_ticket_moves(desk: Desk) -> None:
    [receipt] = await desk.chat.say(MEMBER, "/전문가 거래처 계약서 검토를 받고 싶어요")
    assert "분야: 법률" in receipt.text
    only(await desk.deliver(), SECRETARY)  # nobody for 법률: the secretariat has it

    [choices] = await desk.chat.press(MEMBER, receipt.buttons[0])
    tax = next(b for b in choices.buttons if b.label == "세무")
    [foreign] = await desk.chat.press(OTHER, tax)
    [moved] = await desk.chat.press(MEMBER, tax)
    dm = only(await desk.deliver(), KIM)

    assert choices.text == texts.RT_CHOOSE_FIELD
    assert [b.label for b in choices.buttons] == list(
        ("세무", "법률", "특허", "노무", "자금", "수출", "기술", "정부지원", "기타")
    )
    assert foreign.text == texts.RT_NOT_YOURS
    assert moved.text == texts.rt_field_changed(1, "세무", "세무 분야 자문위원(세무사)")
    assert "거래처 계약서 검토를 받고 싶어요" in dm.text
    assert desk.ticket(1).field == "세무"


async def test_the_member_withdraws_before_an_answer_but_not_after(desk: Desk) -> None:
    [first] = await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    [second] = await desk.chat.say(MEMBER, "/전문가 부가세 환급은 언제 들어오나요?")
    await desk.deliver()

    [withdrawn] = await desk.chat.press(MEMBER, first.buttons[1])
    told = only(await desk.deliver(), KIM)
    await desk.chat.say("a2", "/답변 2 보통 30일 안에 들어와요.")
    [too_late] = await desk.chat.press(MEMBER, second.buttons[1])

    assert withdrawn.text == texts.rt_withdrawn(1)
    assert told.text == texts.rt_withdrawn_notice(1)
    assert desk.ticket(1).state == "withdrawn"
    assert too_late.text == texts.RT_TOO_LATE
    assert desk.ticket(2).state == "answered"


async def test_a_weak_rating_and_one_follow_up_to_the_same_advisor(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(KIM, "/답변 1 8월 31일까지예요.")
    answer = only(await desk.deliver(), MEMBER)

    [weak] = await desk.chat.press(MEMBER, answer.buttons[1])
    [prompt] = await desk.chat.press(MEMBER, weak.buttons[0])
    [sent] = await desk.chat.say(MEMBER, "분납도 가능한가요?")
    follow_up = only(await desk.deliver(), KIM)
    [used] = await desk.chat.press(MEMBER, answer.buttons[2])
    await desk.chat.say(KIM, "/답변 1 네, 1천만 원을 넘으면 분납할 수 있어요.")
    second = only(await desk.deliver(), MEMBER)

    assert weak.text == texts.RT_RATED_WEAK
    assert prompt.text == texts.RT_TYPE_FOLLOW_UP
    assert sent.text == texts.RT_REPLY_SENT
    assert "분납도 가능한가요?" in follow_up.text
    assert used.text == texts.RT_FOLLOW_UP_USED
    assert "1천만 원을 넘으면 분납할 수 있어요." in second.text
    assert [b.label for b in second.buttons] == ["도움됐어요", "부족해요"]  # no second follow-up


async def test_an_expired_cards_advisor_is_told_once(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(KIM, "/답변 1 8월 31일까지예요.")
    await desk.deliver()
    with desk.sessions.begin() as session:
        cards.approve(
            session, ticket_id=1, actor="cli:t", now=desk.clock[0], expires=date(2026, 11, 30)
        )

    desk.at(datetime(2026, 11, 30, 18, 0, tzinfo=KST))
    still = await desk.deliver()
    desk.at(datetime(2026, 12, 1, 9, 0, tzinfo=KST))
    told = only(await desk.deliver(), KIM)
    again = await desk.deliver()

    assert still == []
    assert "FAQ 카드" in told.text
    assert "더는 답변에 쓰지 않아요" in told.text
    assert again == []
