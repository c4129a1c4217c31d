"""Who gets a ticket: away advisors skipped, conflicts of interest skipped, the secretariat when
nobody fits, anonymity kept from the advisor and the group, and SLA steps across a weekend and a
public holiday (driven by the scheduler round with an injected clock)."""

from __future__ import annotations

from datetime import date, datetime

from bot import texts
from bot.clock import KST
from bot.routing.availability import add_conflict
from bot.storage.federation_models import Advisor, Company
from tests.bot.routing.desk import CHOI, KIM, MEMBER, ROOM, SECRETARY, UNCOVERED, Desk, only


async def test_an_away_advisor_is_skipped(desk: Desk) -> None:
    [away] = await desk.chat.say(KIM, "/부재 11/24~11/30")
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")

    pushed = await desk.deliver()

    assert away.text == texts.rt_away_set(date(2026, 11, 24), date(2026, 11, 30))
    assert [to for to, _ in pushed] == [CHOI]
    assert desk.ticket(1).advisor_id == desk.ids[CHOI]


async def test_an_advisor_with_a_conflict_of_interest_is_skipped(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        add_conflict(
            session,
            advisor=session.get_one(Advisor, desk.ids[KIM]),
            company=session.get_one(Company, desk.ids["한빛정밀"]),
            reason="고문 계약",
            actor="t",
        )
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say("m2", "/전문가 부가세 환급은 언제 들어오나요?")

    pushed = await desk.deliver()

    assert desk.ticket(1).advisor_id == desk.ids[CHOI]  # 한빛정밀's question: not 김세무
    assert desk.ticket(2).advisor_id == desk.ids[KIM]  # 동행산업's: 김세무 may take it
    assert sorted(to for to, _ in pushed) == [KIM, CHOI]


async def test_with_no_advisor_in_the_field_the_secretariat_gets_it(desk: Desk) -> None:
    [receipt] = await desk.chat.say(MEMBER, "/전문가 특허 출원 비용이 얼마나 드나요?")

    dm = only(await desk.deliver(), SECRETARY)

    assert "분야: 특허" in receipt.text
    assert "사무국" in receipt.text
    assert "#1" in dm.text
    assert "특허 출원 비용이 얼마나 드나요?" in dm.text
    assert desk.ticket(1).state == "escalated"
    assert desk.ticket(1).advisor_id is None


async def test_an_anonymous_question_never_names_the_asker(desk: Desk) -> None:
    [receipt] = await desk.chat.say(MEMBER, f"/전문가 익명 {UNCOVERED}", room=ROOM, mentioned=True)
    dm = only(await desk.deliver(), KIM)
    await desk.chat.say(KIM, "/답변 1 8월 31일까지예요.")
    pushed = await desk.deliver()

    assert "익명" in receipt.text
    assert "박대표" not in dm.text
    assert "한빛정밀" not in dm.text
    assert "새벽교류회" not in dm.text
    assert [to for to, _ in pushed] == [MEMBER]  # not to the room


async def test_a_room_question_is_answered_in_the_room_too(desk: Desk) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}", room=ROOM, mentioned=True)
    await desk.deliver()
    await desk.chat.say(KIM, "/답변 1 8월 31일까지예요.")

    pushed = await desk.deliver()

    assert sorted(to for to, _ in pushed) == [MEMBER, ROOM]
    assert all("8월 31일까지예요." in m.text for _, m in pushed)


def kst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=KST)


async def test_sla_reminds_reassigns_and_escalates_in_business_days(desk: Desk) -> None:
    # Thursday 24 December; Friday 25 is Christmas, then a weekend.
    desk.at(kst(24, 10))
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    first = only(await desk.deliver(), KIM)

    desk.at(kst(28, 9, 59))  # Monday: not yet one business day
    quiet = await desk.deliver()
    desk.at(kst(28, 10))
    reminder = only(await desk.deliver(), KIM)
    again = await desk.deliver()
    desk.at(kst(29, 10))
    moved = await desk.deliver()
    desk.at(kst(30, 10))
    escalated = await desk.deliver()

    assert "#1" in first.text
    assert quiet == []
    assert "답변을 기다리고 있어요" in reminder.text
    assert again == []
    assert "다른 자문위원께 넘겼어요" in only(moved, KIM).text
    assert "새 질문이 배정되었어요" in only(moved, CHOI).text
    assert texts.RT_REASON_OVERDUE in only(escalated, SECRETARY).text
    assert desk.ticket(1).state == "escalated"
    reasons = [(action, reason) for _, action, reason in desk.history(1)]
    assert ("remind", None) in reasons
    assert ("assign", "overdue") in reasons
    assert ("state", "overdue") in reasons


async def test_the_sla_clock_pauses_while_the_member_is_asked_something(desk: Desk) -> None:
    desk.at(kst(24, 10))
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()
    desk.at(kst(24, 11))
    await desk.chat.say(KIM, "/추가질문 1 법인이신가요?")
    await desk.deliver()

    desk.at(kst(29, 11))  # two business days later, still waiting for the member
    waiting = await desk.deliver()
    await desk.chat.say(MEMBER, "네, 법인이에요.")
    back = await desk.deliver()
    desk.at(kst(29, 12))  # only the hour before the pause and the two after it have run
    later = await desk.deliver()

    assert waiting == []
    assert "네, 법인이에요." in only(back, KIM).text
    assert later == []
    assert desk.ticket(1).advisor_id == desk.ids[KIM]


async def test_the_secretariat_answers_an_escalated_ticket(desk: Desk) -> None:
    await desk.chat.say(MEMBER, "/전문가 특허 출원 비용이 얼마나 드나요?")
    await desk.deliver()

    [refused] = await desk.chat.say(KIM, "/답변 1 제가 답해 볼게요")
    [done] = await desk.chat.say(
        SECRETARY, "/답변 1 보통 출원료와 대리인 수수료를 합쳐 100만 원 안팎이에요."
    )
    answer = only(await desk.deliver(), MEMBER)

    assert refused.text == texts.rt_not_assigned(1)
    assert done.text == texts.rt_answer_sent(1)
    assert "100만 원 안팎이에요." in answer.text
    assert "정간사 사무국" in answer.text
