"""Business time: office hours on weekdays, Korean public holidays skipped, an advisor's own
hours; "one business day" is one working day's worth of office hours."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.clock import KST
from bot.routing.calendar import (
    Hours,
    add_business_days,
    business_days_between,
    business_time_before,
    parse_hours,
)


def kst(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=KST)


def test_a_friday_evening_question_is_one_day_old_on_monday_afternoon() -> None:
    asked = kst(12, 4, 17, 30)  # Friday, half an hour before closing

    assert add_business_days(asked, 1) == kst(12, 7, 17, 30)
    assert business_days_between(asked, kst(12, 5, 12)) == 0  # Saturday counts nothing
    assert business_days_between(asked, kst(12, 7, 17, 29)) == 0
    assert business_days_between(asked, kst(12, 7, 17, 30)) == 1


def test_a_public_holiday_and_the_weekend_are_skipped() -> None:
    asked = kst(12, 24, 10)  # Thursday; Friday 25 is Christmas

    assert add_business_days(asked, 1) == kst(12, 28, 10)
    assert add_business_days(asked, 2) == kst(12, 29, 10)


def test_a_question_before_opening_counts_from_opening() -> None:
    assert add_business_days(kst(12, 7, 7), 1) == kst(12, 7, 18)


def test_an_advisor_with_shorter_hours_has_shorter_business_days() -> None:
    afternoons = Hours(time(13), time(18))
    asked = kst(12, 4, 17)  # Friday: one hour left that day

    assert add_business_days(asked, 1, hours=afternoons) == kst(12, 7, 17)
    assert business_days_between(asked, kst(12, 8, 17), hours=afternoons) == 2


def test_office_hours_are_read_as_start_and_end() -> None:
    assert parse_hours("10:00-17:00") == Hours(time(10), time(17))
    assert parse_hours("9:30~18:00") == Hours(time(9, 30), time(18))
    assert parse_hours("18:00-09:00") is None
    assert parse_hours("오전") is None


def test_office_time_counts_back_over_a_holiday_and_a_weekend() -> None:
    assert business_time_before(kst(12, 28, 10), timedelta(hours=9)) == kst(12, 24, 10)
    assert business_time_before(kst(12, 5, 12), timedelta(hours=1)) == kst(12, 4, 17)
