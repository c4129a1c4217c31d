"""When to send: reminder times from a meeting's start, moved out of quiet hours and holidays.

Pure functions of their arguments (the holiday calendar is passed in), so the rules can be tested
on any date without a database or a clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays

from bot.clock import KST
from bot.schedule.rules import ScheduleRules, span_label

HolidayCheck = Callable[[date], bool]
# A short reminder is pointless long after its moment; a day-level one still helps hours later.
SHORT_GRACE = timedelta(minutes=30)
DAY_GRACE = timedelta(hours=6)


@dataclass(frozen=True, slots=True)
class Slot:
    """One planned send: what (``kind`` and ``label``), when, and until when it may still go."""

    kind: str
    label: str
    due_at: datetime
    expires_at: datetime


@lru_cache(maxsize=1)
def _korean_calendar() -> holidays.HolidayBase:
    return holidays.country_holidays("KR")


def korean_holiday(day: date) -> bool:
    """Whether ``day`` is a Korean public holiday (substitute holidays included)."""
    return day in _korean_calendar()


def in_quiet_hours(moment: datetime, rules: ScheduleRules) -> bool:
    """Whether ``moment`` falls in the quiet hours (which may wrap past midnight)."""
    clock = moment.astimezone(KST).time()
    start, end = rules.quiet_start, rules.quiet_end
    if start == end:
        return False
    if start < end:
        return start <= clock < end
    return clock >= start or clock < end


def next_allowed(moment: datetime, rules: ScheduleRules, is_holiday: HolidayCheck) -> datetime:
    """``moment`` itself when sending is allowed then, else the first allowed moment after it."""
    local = moment.astimezone(KST)
    for _ in range(60):  # bounded: the longest holiday run in Korea is a few days
        if rules.skip_holidays and is_holiday(local.date()):
            local = _morning(local.date() + timedelta(days=1), rules)
        elif in_quiet_hours(local, rules):
            day = local.date() if local.time() < rules.quiet_end else local.date() + timedelta(1)
            local = _morning(day, rules)
        else:
            return local
    return local


def reminder_slots(
    start: datetime, rules: ScheduleRules, is_holiday: HolidayCheck = korean_holiday
) -> list[Slot]:
    """Reminder sends for a meeting at ``start``: one per cadence step that can go before it."""
    slots = []
    for offset in rules.reminders:
        grace = SHORT_GRACE if offset < timedelta(days=1) else DAY_GRACE
        slot = lead_slot("reminder", span_label(offset), start, offset, rules, is_holiday, grace)
        if slot is not None:
            slots.append(slot)
    return slots


def meeting_slots(
    start: datetime, rules: ScheduleRules, is_holiday: HolidayCheck = korean_holiday
) -> list[Slot]:
    """The 정례회 extras: 애로사항 prompt, nudge, digest and the RSVP list for the leaders."""
    leads = (
        ("prompt", rules.prompt_before),
        ("nudge", rules.nudge_before),
        ("digest", rules.digest_before),
        ("rsvp_list", rules.rsvp_list_before),
    )
    planned = (
        lead_slot(kind, span_label(lead), start, lead, rules, is_holiday, DAY_GRACE)
        for kind, lead in leads
    )
    return [slot for slot in planned if slot is not None]


def lead_slot(
    kind: str,
    label: str,
    start: datetime,
    lead: timedelta,
    rules: ScheduleRules,
    is_holiday: HolidayCheck,
    grace: timedelta,
) -> Slot | None:
    """A send ``lead`` before ``start``, moved to an allowed time; ``None`` if that is too late."""
    due = next_allowed(start - lead, rules, is_holiday)
    if due >= start:
        return None
    # Catching up after downtime must not post into the night either.
    return Slot(kind, label, due, min(due + grace, start, _quiet_begins(due, rules)))


def notice_time(
    now: datetime, start: datetime, rules: ScheduleRules, is_holiday: HolidayCheck
) -> datetime:
    """When a change or cancellation notice goes: the next allowed time, or now if that is late.

    A notice exists to reach people before the meeting, so it waits out the night only when
    waiting still leaves time.
    """
    allowed = next_allowed(now, rules, is_holiday)
    return allowed if allowed < start else now


def _quiet_begins(moment: datetime, rules: ScheduleRules) -> datetime:
    local = moment.astimezone(KST)
    begins = datetime.combine(local.date(), rules.quiet_start, tzinfo=KST)
    return begins if begins > local else begins + timedelta(days=1)


def _morning(day: date, rules: ScheduleRules) -> datetime:
    return datetime.combine(day, rules.quiet_end, tzinfo=KST)
