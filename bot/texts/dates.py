"""Korean dates and times: ``11월 25일(화) 오후 7시`` and its parts (used by ``bot.clock``)."""

from __future__ import annotations

FED_WEEKDAYS = "월화수목금토일"


def kst_clock(hour: int, minute: int) -> str:
    """``19, 0`` → ``오후 7시``; ``18, 30`` → ``오후 6시 30분``."""
    half = "오전" if hour < 12 else "오후"
    shown = hour % 12 or 12
    return f"{half} {shown}시" + (f" {minute}분" if minute else "")


def kst_when(month: int, day: int, weekday: int, hour: int, minute: int) -> str:
    """``11월 25일(화) 오후 7시`` from KST calendar parts (weekday 0 = Monday).

    Midnight means "no time given" (a trip or workshop known only by its days): the date alone.
    """
    date = f"{month}월 {day}일({FED_WEEKDAYS[weekday]})"
    return date if (hour, minute) == (0, 0) else f"{date} {kst_clock(hour, minute)}"


RULE_ORDINALS = {1: "첫째", 2: "둘째", 3: "셋째", 4: "넷째", 5: "다섯째", -1: "마지막"}
"""Which week of the month a monthly meeting falls in (-1: the last)."""


def monthly_rule(nth: int, weekday: int, hour: int, minute: int) -> str:
    """``매월 둘째 주 화요일 오후 7시`` (weekday 0 = Monday; ``nth=-1``: the last week)."""
    return f"매월 {RULE_ORDINALS[nth]} 주 {FED_WEEKDAYS[weekday]}요일 {kst_clock(hour, minute)}"
