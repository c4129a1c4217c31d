"""Business time: office hours on weekdays that are no Korean public holiday (substitute
holidays included).

"One business day" is one working day's worth of office hours (9 hours for the default
09:00–18:00 KST), so a question asked on Friday at 17:30 is one business day old on Monday
afternoon, not on Saturday. An advisor may keep their own hours (:class:`Hours`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.clock import KST
from bot.schedule.planning import HolidayCheck, korean_holiday


@dataclass(frozen=True)
class Hours:
    """Office hours of one working day, KST (``start`` before ``end``)."""

    start: time = time(9)
    end: time = time(18)

    @property
    def daily(self) -> timedelta:
        """How long one business day is."""
        return datetime.combine(date.min, self.end) - datetime.combine(date.min, self.start)

    def label(self) -> str:
        """``09:00-18:00``."""
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


DEFAULT_HOURS = Hours()
"""The secretariat's and every advisor's hours unless an advisor set their own."""


def parse_hours(text: str) -> Hours | None:
    """``10:00-17:00`` as :class:`Hours`; ``None`` when it is not two times, start before end."""
    parts = text.replace("~", "-").split("-")
    if len(parts) != 2:
        return None
    try:
        start, end = (time.fromisoformat(part.strip().zfill(5)) for part in parts)
    except ValueError:
        return None
    return Hours(start, end) if start < end else None


def is_business_day(day: date, is_holiday: HolidayCheck = korean_holiday) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and not is_holiday(day)


def _window(day: date, hours: Hours) -> tuple[datetime, datetime]:
    return datetime.combine(day, hours.start, KST), datetime.combine(day, hours.end, KST)


def add_business_time(
    moment: datetime,
    span: timedelta,
    hours: Hours = DEFAULT_HOURS,
    is_holiday: HolidayCheck = korean_holiday,
) -> datetime:
    """The moment when ``span`` of office hours has passed since ``moment``."""
    local = moment.astimezone(KST)
    left = span
    day = local.date()
    for _ in range(3660):  # ten years of days: a bound, never reached with sane spans
        if is_business_day(day, is_holiday):
            opens, closes = _window(day, hours)
            begin = max(local, opens)
            if begin < closes:
                if left <= closes - begin:
                    return begin + left
                left -= closes - begin
        day += timedelta(days=1)
    return local + span


def business_time_before(
    moment: datetime,
    span: timedelta,
    hours: Hours = DEFAULT_HOURS,
    is_holiday: HolidayCheck = korean_holiday,
) -> datetime:
    """The moment ``span`` of office hours before ``moment`` (the reverse of
    :func:`add_business_time`)."""
    local = moment.astimezone(KST)
    left = span
    day = local.date()
    for _ in range(3660):  # the same bound as add_business_time
        if is_business_day(day, is_holiday):
            opens, closes = _window(day, hours)
            finish = min(local, closes)
            if opens < finish:
                if left <= finish - opens:
                    return finish - left
                left -= finish - opens
        day -= timedelta(days=1)
    return local - span


def business_time_between(
    start: datetime,
    end: datetime,
    hours: Hours = DEFAULT_HOURS,
    is_holiday: HolidayCheck = korean_holiday,
) -> timedelta:
    """How much office time lies between ``start`` and ``end``."""
    first, last = start.astimezone(KST), end.astimezone(KST)
    total = timedelta(0)
    day = first.date()
    while day <= last.date():
        if is_business_day(day, is_holiday):
            opens, closes = _window(day, hours)
            begin, stop = max(first, opens), min(last, closes)
            if begin < stop:
                total += stop - begin
        day += timedelta(days=1)
    return total


def add_business_days(
    moment: datetime,
    days: int,
    is_holiday: HolidayCheck = korean_holiday,
    hours: Hours = DEFAULT_HOURS,
) -> datetime:
    """When ``days`` business days (each ``hours.daily`` of office time) have passed.

    A question asked on Thursday at 10:00 before a Friday holiday is one business day old on
    Monday at 10:00; one asked on Friday at 17:30 on Monday at 17:30.
    """
    return add_business_time(moment, hours.daily * days, hours, is_holiday)


def business_days_between(
    start: datetime,
    end: datetime,
    is_holiday: HolidayCheck = korean_holiday,
    hours: Hours = DEFAULT_HOURS,
) -> int:
    """How many whole business days have passed from ``start`` to ``end``."""
    return business_time_between(start, end, hours, is_holiday) // hours.daily
