"""Each field's SLA steps and each advisor's office hours, driven by the scheduler round with an
injected clock: a field set to remind later is reminded later, an advisor with shorter hours is
reminded when their own business day is up, and the receipt promises the field's days."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot import texts
from bot.clock import KST
from bot.federation.errors import FederationError
from bot.secretariat import expert
from tests.bot.routing.desk import KIM, MEMBER, UNCOVERED, Desk, only


def kst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=KST)


async def test_a_friday_evening_question_is_reminded_on_monday_afternoon(desk: Desk) -> None:
    desk.at(kst(4, 17, 30))  # Friday, half an hour before closing
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()

    desk.at(kst(5, 12))  # Saturday
    saturday = await desk.deliver()
    desk.at(kst(7, 17, 29))
    early = await desk.deliver()
    desk.at(kst(7, 17, 30))
    reminder = only(await desk.deliver(), KIM)

    assert saturday == []
    assert early == []
    assert "답변을 기다리고 있어요" in reminder.text


async def test_a_field_set_to_remind_later_is_reminded_later(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        expert.set_sla(session, field="세무", remind=2, reassign=3, escalate=4, actor="t")
    desk.at(kst(24, 10))  # Thursday; Friday 25 is Christmas
    receipt = await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()

    desk.at(kst(28, 10))  # one business day: the default would remind now
    monday = await desk.deliver()
    with desk.sessions() as session:
        [line] = expert.ticket_list(session, now=kst(28, 10), scope=None)
    desk.at(kst(29, 10))
    reminder = only(await desk.deliver(), KIM)
    desk.at(kst(30, 10))
    moved = await desk.deliver()

    assert "영업일 기준 3일 안(12월 30일(수)까지)" in receipt[-1].text
    assert monday == []
    assert (line.sla, line.business_days, line.due) == ("ok", 1, kst(30, 10))
    assert "답변을 기다리고 있어요" in reminder.text
    assert "다른 자문위원께 넘겼어요" in only(moved, KIM).text


async def test_an_advisor_with_own_hours_is_reminded_in_them(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        saved = expert.set_hours(session, advisor_id=desk.ids[KIM], hours="10:00-17:00", actor="t")
    desk.at(kst(4, 17, 30))  # Friday, after the advisor's closing
    receipt = await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()

    desk.at(kst(7, 16, 59))  # Monday: seven office hours of the advisor's day are not yet up
    early = await desk.deliver()
    desk.at(kst(7, 17))
    reminder = only(await desk.deliver(), KIM)

    assert saved == "10:00-17:00"
    assert "12월 8일(화)까지" in receipt[-1].text
    assert early == []
    assert "답변을 기다리고 있어요" in reminder.text


def test_sla_settings_show_the_defaults_and_refuse_nonsense(desk: Desk) -> None:
    with desk.sessions.begin() as session:
        before = {line.field: line for line in expert.sla_settings(session)}
        with pytest.raises(FederationError) as bad_order:
            expert.set_sla(session, field="법률", remind=3, reassign=2, actor="t")
        with pytest.raises(FederationError) as bad_field:
            expert.set_sla(session, field="요리", remind=1, actor="t")
        with pytest.raises(FederationError) as bad_hours:
            expert.set_hours(session, advisor_id=desk.ids[KIM], hours="저녁", actor="t")

    assert (before["세무"].remind, before["세무"].reassign, before["세무"].escalate) == (1, 2, 3)
    assert len(before) == 9
    assert str(bad_order.value) == texts.RT_SLA_BAD_ORDER
    assert "'요리' 분야는 없어요" in str(bad_field.value)
    assert str(bad_hours.value) == texts.RT_HOURS_BAD


async def test_a_pause_over_the_weekend_keeps_the_office_time_already_spent(desk: Desk) -> None:
    desk.at(kst(4, 10))  # Friday
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()
    desk.at(kst(4, 17))  # seven office hours spent, then the advisor asks something
    await desk.chat.say(KIM, "/추가질문 1 법인이신가요?")
    await desk.deliver()

    desk.at(kst(7, 9, 30))  # Monday: the member answers; two office hours are left
    await desk.chat.say(MEMBER, "네, 법인이에요.")
    await desk.deliver()
    desk.at(kst(7, 11, 29))
    early = await desk.deliver()
    desk.at(kst(7, 11, 30))
    reminder = only(await desk.deliver(), KIM)

    assert early == []
    assert "답변을 기다리고 있어요" in reminder.text
