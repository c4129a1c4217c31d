from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.clock import KST
from bot.schedule.planning import (
    korean_holiday,
    meeting_slots,
    next_allowed,
    reminder_slots,
)
from bot.schedule.rules import DEFAULTS, parse_span, rules_from, span_label

RULES = rules_from([])


def no_holidays(_day: date) -> bool:
    return False


def kst(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=KST)


def test_default_cadence_is_a_week_a_day_and_two_hours_before() -> None:
    slots = reminder_slots(kst(3, 10, 19), RULES, no_holidays)

    assert [(s.label, s.due_at) for s in slots] == [
        ("7d", kst(3, 3, 19)),
        ("1d", kst(3, 9, 19)),
        ("2h", kst(3, 10, 17)),
    ]


def test_grace_is_short_for_the_two_hour_reminder_and_long_for_day_ones() -> None:
    *_, hours = reminder_slots(kst(3, 10, 19), RULES, no_holidays)

    morning = reminder_slots(kst(3, 10, 10), RULES, no_holidays)

    assert [s.expires_at - s.due_at for s in morning[:2]] == [timedelta(hours=6)] * 2
    assert hours.expires_at - hours.due_at == timedelta(minutes=30)


def test_grace_never_reaches_into_quiet_hours() -> None:
    _, day, _ = reminder_slots(kst(3, 10, 19), RULES, no_holidays)

    assert day.expires_at == kst(3, 9, 21)  # not 01:00 at night


def test_grace_never_reaches_past_the_meeting_start() -> None:
    rules = rules_from([{"reminders": ["30m"]}])

    (slot,) = reminder_slots(kst(3, 10, 19), rules, no_holidays)

    assert slot.due_at == kst(3, 10, 18, 30)
    assert slot.expires_at == kst(3, 10, 19)


def test_a_reminder_due_in_quiet_hours_waits_for_the_morning() -> None:
    assert next_allowed(kst(3, 9, 22, 15), RULES, no_holidays) == kst(3, 10, 8)
    assert next_allowed(kst(3, 10, 6, 0), RULES, no_holidays) == kst(3, 10, 8)
    assert next_allowed(kst(3, 10, 12, 0), RULES, no_holidays) == kst(3, 10, 12)

    # A 10:00 meeting's 2-hour reminder would be 08:00 sharp: allowed, it stays.
    assert reminder_slots(kst(3, 11, 10), RULES, no_holidays)[-1].due_at == kst(3, 11, 8)
    # A 09:30 meeting's would be 07:30: it moves to 08:00, still before the start.
    assert reminder_slots(kst(3, 11, 9, 30), RULES, no_holidays)[-1].due_at == kst(3, 11, 8)


def test_a_reminder_that_would_move_past_the_start_is_dropped() -> None:
    slots = reminder_slots(kst(3, 10, 7, 30), RULES, no_holidays)

    # The 2-hour one (05:30) would move to 08:00, after the 07:30 start; 1d moves to 08:00 the
    # day before, which is fine.
    assert [s.label for s in slots] == ["7d", "1d"]
    assert slots[1].due_at == kst(3, 9, 8)
    assert all(s.due_at < kst(3, 10, 7, 30) for s in slots)


def test_korean_public_holidays_are_skipped_to_the_next_morning() -> None:
    assert korean_holiday(date(2026, 9, 25))  # 추석
    assert not korean_holiday(date(2026, 9, 29))

    # Meeting 10월 1일(목) 19시: the 7-day reminder lands on 9월 24일, 추석 연휴 (24–26), and the
    # 27th is a Sunday but no holiday, so it moves to 9월 27일 오전 8시.
    week = reminder_slots(kst(10, 1, 19), RULES)[0]

    assert week.due_at == kst(9, 27, 8)


def test_holidays_can_be_switched_off_per_federation() -> None:
    rules = rules_from([{"skip_holidays": False}])

    week = reminder_slots(kst(10, 1, 19), rules)[0]

    assert week.due_at == kst(9, 24, 19)


def test_event_settings_win_over_group_over_federation() -> None:
    event, group = {"reminders": ["3d"]}, {"reminders": ["1d"]}
    federation = {"quiet_hours": "22:00-07:00"}

    rules = rules_from([event, group, federation])

    assert rules.reminders == (timedelta(days=3),)
    assert (rules.quiet_start.hour, rules.quiet_end.hour) == (22, 7)
    assert rules_from([group, federation]).reminders == (timedelta(days=1),)
    assert rules_from([federation]).reminders == tuple(
        sorted((parse_span(s) for s in DEFAULTS["reminders"]), reverse=True)
    )


def test_meeting_extras_follow_their_lead_times() -> None:
    slots = {s.kind: s.due_at for s in meeting_slots(kst(3, 10, 19), RULES, no_holidays)}

    assert slots == {
        "prompt": kst(2, 28, 19),
        "nudge": kst(3, 4, 19),
        "digest": kst(3, 7, 19),
        "rsvp_list": kst(3, 9, 19),
    }


def test_spans_read_and_print_alike() -> None:
    spans = ("7d", "24h", "90m", "2h")
    assert [span_label(parse_span(s)) for s in spans] == ["7d", "1d", "90m", "2h"]
