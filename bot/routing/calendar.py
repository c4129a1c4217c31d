"""Business days: weekdays that are no Korean public holiday (substitute holidays included)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.clock import KST
from bot.schedule.planning import HolidayCheck, korean_holiday


def is_business_day(day: date, is_holiday: HolidayCheck = korean_holiday) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and not is_holiday(day)


def add_business_days(
    moment: datetime, days: int, is_holiday: HolidayCheck = korean_holiday
) -> datetime:
    """The same KST time of day on the ``days``-th business day after ``moment``'s day.

    A question asked on Friday is one business day old on Monday at the same hour (Tuesday when
    Monday is a holiday).
    """
    local = moment.astimezone(KST)
    counted = 0
    while counted < days:
        local += timedelta(days=1)
        if is_business_day(local.date(), is_holiday):
            counted += 1
    return local


def business_days_between(
    start: datetime, end: datetime, is_holiday: HolidayCheck = korean_holiday
) -> int:
    """How many whole business days have passed from ``start`` to ``end``."""
    counted = 0
    while add_business_days(start, counted + 1, is_holiday) <= end:
        counted += 1
        if counted > 366:
            break
    return counted
