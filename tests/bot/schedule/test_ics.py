from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar
from sqlalchemy.orm import Session

from bot.clock import KST
from bot.federation import events, groups
from bot.federation.recurrence import parse_korean
from bot.schedule import ics
from tests.bot.schedule.conftest import MEETING, World


def test_one_event_exports_with_korean_time(world: World) -> None:
    calendar = Calendar.from_ical(ics.event_ics(world.meeting))

    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "새벽교류회 3월 정례회"
    assert str(vevent["location"]) == "수원컨벤션센터 3층"
    assert vevent["dtstart"].params["TZID"] == "Asia/Seoul"
    assert vevent.decoded("dtstart") == MEETING
    assert b"DTSTART;TZID=Asia/Seoul:20260310T190000" in ics.event_ics(world.meeting)


def test_a_groups_feed_has_its_series_as_one_recurring_event(
    session: Session, world: World
) -> None:
    federation = groups.the_federation(session)
    events.add_series(
        session,
        federation=federation,
        group=world.group,
        kind="정례회",
        title="새벽교류회 정례회",
        rule=parse_korean("매월 둘째 주 화요일 오후 7시"),
        first_start=datetime(2026, 4, 14, 19, 0, tzinfo=KST),
        until=datetime(2026, 12, 31, tzinfo=KST),
        actor="test",
    )

    feed = ics.group_ics(
        session, group_id=world.group.id, name="새벽교류회", now=MEETING - timedelta(days=30)
    )

    calendar = Calendar.from_ical(feed)
    vevents = {str(v["summary"]): v for v in calendar.walk("VEVENT")}
    assert set(vevents) == {"새벽교류회 3월 정례회", "새벽교류회 정례회"}
    rule = vevents["새벽교류회 정례회"]["rrule"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["BYDAY"] == ["2TU"]
    assert rule["UNTIL"][0].date().isoformat() == "2026-12-08"
    assert str(calendar["x-wr-calname"]) == "새벽교류회"
