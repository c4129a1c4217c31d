"""Which questions ask for the next meeting, and which span of time each one means."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.calendar_questions import CalendarQuestion, _period, read
from bot.clock import KST


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("다음 정례회 언제예요?", CalendarQuestion("정례회")),
        ("이번달 모임 어디서 해요", CalendarQuestion("정례회", month=0)),
        ("이달 모임 장소", CalendarQuestion("정례회", month=0)),
        ("담달 정례회 몇시에요?", CalendarQuestion("정례회", month=1)),
        ("다음주 세미나 장소 알려줘", CalendarQuestion("세미나", week=1)),
        ("다음 워크샵 일정", CalendarQuestion("워크숍")),
        ("이번 총회 어디서 해요?", CalendarQuestion("총회")),
    ],
)
def test_questions_about_an_upcoming_occasion_are_read(
    question: str, expected: CalendarQuestion
) -> None:
    assert read(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "송년회 언제예요?",  # no "next": the documents' schedule answers it
        "정례회 불참하면 어떻게 돼요?",  # not when or where
        "정례회 담당 간사 어디 있어요?",  # 담당 is not 담(달)
        "부담 되는데 모임 언제예요?",
        "다음에 회비 언제 내요?",  # no meeting or event
    ],
)
def test_other_questions_are_left_to_the_documents(question: str) -> None:
    assert read(question) is None


def test_months_and_weeks_are_kst_calendar_periods() -> None:
    # Tuesday 31 March 2026, 23:30 in Seoul (14:30 UTC).
    now = datetime(2026, 3, 31, 23, 30, tzinfo=KST)

    start, end = _period(CalendarQuestion("정례회", month=1), now)
    assert (start, end) == (datetime(2026, 4, 1, tzinfo=KST), datetime(2026, 5, 1, tzinfo=KST))
    start, end = _period(CalendarQuestion("정례회", month=0), now)
    assert (start, end) == (datetime(2026, 3, 1, tzinfo=KST), datetime(2026, 4, 1, tzinfo=KST))
    start, end = _period(CalendarQuestion("정례회", week=1), now)
    assert (start, end) == (datetime(2026, 4, 6, tzinfo=KST), datetime(2026, 4, 13, tzinfo=KST))
    december = datetime(2026, 12, 20, tzinfo=KST)
    assert _period(CalendarQuestion("정례회", month=1), december)[1] == datetime(
        2027, 2, 1, tzinfo=KST
    )
