from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import KST
from bot.federation.when import BadWhenError, parse_when

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=KST)  # a Tuesday


def kst(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=KST)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-20 14:00", kst(2026, 12, 20, 14, 0)),
        ("2026-12-20T14:00", kst(2026, 12, 20, 14, 0)),
        ("2026.12.20 14:00", kst(2026, 12, 20, 14, 0)),
        ("2026. 12. 20. 14:00", kst(2026, 12, 20, 14, 0)),
        ("2026/12/20 14:00", kst(2026, 12, 20, 14, 0)),
        ("2026년 12월 20일 오후 2시", kst(2026, 12, 20, 14, 0)),
        ("12월 20일 오후 2시", kst(2026, 12, 20, 14, 0)),
        ("12월20일 오후2시", kst(2026, 12, 20, 14, 0)),
        ("12월 20일(일) 오후 2시", kst(2026, 12, 20, 14, 0)),
        ("12월 20일 일요일 오후 2시 30분", kst(2026, 12, 20, 14, 30)),
        ("12/20 14시", kst(2026, 12, 20, 14, 0)),
        ("12/20 14시 30분", kst(2026, 12, 20, 14, 30)),
        ("12/20 오후 2시 반", kst(2026, 12, 20, 14, 30)),
        ("12/20 오전 9:30", kst(2026, 12, 20, 9, 30)),
        ("12월 20일 오전 12시", kst(2026, 12, 20, 0, 0)),
        ("12월 20일 오후 12시", kst(2026, 12, 20, 12, 0)),
        ("2026-12-20", kst(2026, 12, 20, 0, 0)),
        ("2026-12-20T14:00+00:00", datetime.fromisoformat("2026-12-20T14:00+00:00")),
    ],
)
def test_the_forms_an_office_types(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW) == expected


def test_without_a_year_the_date_is_the_next_one_to_come() -> None:
    assert parse_when("1월 13일 오후 7시", now=NOW) == kst(2027, 1, 13, 19, 0)
    assert parse_when("11/24 19시", now=NOW) == kst(2026, 11, 24, 19, 0)  # today still counts
    assert parse_when("2월 29일 10시", now=NOW) == kst(2028, 2, 29, 10, 0)


def test_a_time_alone_is_taken_on_the_given_day() -> None:
    assert parse_when("오후 4시", now=NOW, day=date(2026, 12, 20)) == kst(2026, 12, 20, 16, 0)


@pytest.mark.parametrize(
    "text",
    ["내일 오후", "12월 32일 14시", "2026-02-30 10:00", "12/20 25시", "오후 13시", "오후 4시", ""],
)
def test_what_cannot_be_read_is_refused_with_examples(text: str) -> None:
    with pytest.raises(BadWhenError, match="예: 2026-12-20 14:00, 12월 20일 오후 2시"):
        parse_when(text, now=NOW)


def test_a_weekday_that_does_not_match_the_date_is_refused() -> None:
    with pytest.raises(BadWhenError, match="12월 20일은 일요일이에요"):
        parse_when("12월 20일(토) 오후 2시", now=NOW)
