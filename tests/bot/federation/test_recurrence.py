from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import clock
from bot.clock import KST
from bot.federation import recurrence
from bot.federation.errors import FederationError


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("매월 둘째 주 화요일 오후 7시", "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=19;BYMINUTE=0"),
        ("매월 셋째 주 목요일 오후 6시 30분", "FREQ=MONTHLY;BYDAY=3TH;BYHOUR=18;BYMINUTE=30"),
        ("매월 넷째 주 수요일 19시", "FREQ=MONTHLY;BYDAY=4WE;BYHOUR=19;BYMINUTE=0"),
        ("매월 마지막 주 금요일 오전 7시 반", "FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=7;BYMINUTE=30"),
    ],
)
def test_korean_meeting_rules_become_rrules_and_back(text: str, rule: str) -> None:
    assert recurrence.parse_korean(text) == rule
    assert recurrence.describe(rule) == text.replace("19시", "오후 7시").replace(
        "7시 반", "7시 30분"
    )


def test_an_unreadable_rule_is_refused_with_an_example() -> None:
    with pytest.raises(FederationError, match="매월 둘째 주 화요일"):
        recurrence.parse_korean("가끔 저녁에")


def test_second_tuesdays_of_2026_at_7pm_kst() -> None:
    rule = recurrence.parse_korean("매월 둘째 주 화요일 오후 7시")
    first = datetime(2026, 1, 13, 19, 0, tzinfo=KST)

    dates = recurrence.occurrences(
        rule, first=first, start=first, end=datetime(2026, 12, 31, tzinfo=KST)
    )

    assert [d.day for d in dates] == [13, 10, 10, 14, 12, 9, 14, 11, 8, 13, 10, 8]
    assert all(d.hour == 19 and d.utcoffset() == KST.utcoffset(d) for d in dates)
    assert dates[0].astimezone(UTC) == datetime(2026, 1, 13, 10, 0, tzinfo=UTC)


def test_a_fifth_week_rule_skips_months_without_one() -> None:
    rule = "FREQ=MONTHLY;BYDAY=5WE;BYHOUR=19;BYMINUTE=0"
    first = datetime(2026, 1, 1, tzinfo=KST)

    dates = recurrence.occurrences(
        rule, first=first, start=first, end=datetime(2026, 6, 30, tzinfo=KST)
    )

    assert [(d.month, d.day) for d in dates] == [(4, 29)]


def test_the_last_friday_crosses_month_ends_and_the_new_year() -> None:
    rule = recurrence.parse_korean("매월 마지막 주 금요일 오후 11시")
    first = datetime(2026, 11, 1, tzinfo=KST)

    dates = recurrence.occurrences(
        rule, first=first, start=first, end=datetime(2027, 2, 1, tzinfo=KST)
    )

    assert [clock.format_kst(d) for d in dates] == [
        "11월 27일(금) 오후 11시",
        "12월 25일(금) 오후 11시",
        "1월 29일(금) 오후 11시",
    ]
    # 23:00 KST is still the same day in KST even though it is 14:00 UTC.
    assert dates[1].astimezone(UTC).day == 25


def test_a_window_given_in_utc_is_read_in_kst() -> None:
    rule = recurrence.parse_korean("매월 첫째 주 월요일 오전 8시")
    first = datetime(2026, 1, 5, 8, 0, tzinfo=KST)
    # 2026-01-31 23:30 UTC is already 1 February 08:30 in Seoul: the 2 February meeting is out.
    dates = recurrence.occurrences(
        rule, first=first, start=first, end=datetime(2026, 2, 1, 23, 0, tzinfo=UTC)
    )

    assert [clock.format_kst(d) for d in dates] == [
        "1월 5일(월) 오전 8시",
        "2월 2일(월) 오전 8시",
    ]
