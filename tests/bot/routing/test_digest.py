"""An advisor who prefers it gets one morning digest of open tickets instead of one DM each."""

from __future__ import annotations

from datetime import datetime

from bot import texts
from bot.clock import KST
from tests.bot.routing.desk import CHOI, KIM, MEMBER, UNCOVERED, Desk, only


async def test_a_digest_advisor_gets_one_message_a_business_morning(desk: Desk) -> None:
    [on] = await desk.chat.say(KIM, "/하루요약 켜기")
    await desk.chat.say(CHOI, "/부재 11/20~12/31")  # so every ticket goes to 김세무
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.chat.say(MEMBER, "/전문가 부가세 환급은 언제 들어오나요?")

    today = only(await desk.deliver(), KIM)
    desk.wait(hours=1)
    await desk.chat.say(MEMBER, "/전문가 연말정산 서류는 언제까지 내나요?")
    later_today = await desk.deliver()
    desk.at(datetime(2026, 11, 26, 8, 30, tzinfo=KST))
    before_nine = await desk.deliver()
    desk.at(datetime(2026, 11, 26, 9, 0, tzinfo=KST))
    tomorrow = only(await desk.deliver(), KIM)
    desk.at(datetime(2026, 11, 26, 10, 0, tzinfo=KST))  # one business day: no separate reminder
    reminders = await desk.deliver()

    assert on.text == texts.RT_DIGEST_ON
    assert "2건" in today.text
    assert f"#1 (세무) {UNCOVERED}" in today.text
    assert "#2 (세무) 부가세 환급은 언제 들어오나요?" in today.text
    assert "박대표" not in today.text
    assert later_today == []
    assert before_nine == []
    assert "3건" in tomorrow.text
    assert reminders == []
