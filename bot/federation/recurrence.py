"""Recurring meetings: Korean rule text ⇄ RRULE, and expansion into KST datetimes."""

from __future__ import annotations

import re
from datetime import datetime

from dateutil.rrule import rrulestr

from bot import texts
from bot.clock import KST
from bot.federation.errors import FederationError

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_KOREAN_WEEKDAYS = "월화수목금토일"
_ORDINALS = {
    "첫째": 1,
    "첫번째": 1,
    "둘째": 2,
    "두번째": 2,
    "셋째": 3,
    "세번째": 3,
    "넷째": 4,
    "네번째": 4,
    "다섯째": 5,
    "마지막": -1,
}
_KOREAN_RULE = re.compile(
    r"매월\s*(?P<nth>\S+?)\s*주\s*(?P<day>[월화수목금토일])요일\s*"
    r"(?P<ampm>오전|오후)?\s*(?P<hour>\d{1,2})\s*시\s*(?:(?P<minute>\d{1,2})\s*분|(?P<half>반))?"
)


def monthly_rule(nth: int, weekday: int, hour: int, minute: int = 0) -> str:
    """RRULE for "the ``nth`` ``weekday`` of every month at ``hour:minute``" (``nth=-1``: last)."""
    return f"FREQ=MONTHLY;BYDAY={nth}{WEEKDAYS[weekday]};BYHOUR={hour};BYMINUTE={minute}"


def parse_korean(text: str) -> str:
    """RRULE from Korean text such as ``매월 둘째 주 화요일 오후 7시``."""
    match = _KOREAN_RULE.search(text.replace("번째", "째"))
    nth = _ORDINALS.get(match.group("nth").replace(" ", "")) if match else None
    if match is None or nth is None:
        raise FederationError(texts.fed_bad_rule(text))
    hour = int(match.group("hour"))
    if match.group("ampm") == "오후" and hour < 12:
        hour += 12
    minute = 30 if match.group("half") else int(match.group("minute") or 0)
    if hour > 23 or minute > 59:
        raise FederationError(texts.fed_bad_rule(text))
    return monthly_rule(nth, _KOREAN_WEEKDAYS.index(match.group("day")), hour, minute)


def describe(rule: str) -> str:
    """Korean wording of a monthly RRULE made by :func:`monthly_rule`, else the RRULE itself."""
    parts = dict(part.split("=", 1) for part in rule.split(";"))
    byday = re.fullmatch(r"(-?\d)([A-Z]{2})", parts.get("BYDAY", ""))
    if parts.get("FREQ") != "MONTHLY" or byday is None:
        return rule
    nth, day = int(byday.group(1)), WEEKDAYS.index(byday.group(2))
    return texts.monthly_rule(nth, day, int(parts.get("BYHOUR", 0)), int(parts.get("BYMINUTE", 0)))


def occurrences(rule: str, *, first: datetime, start: datetime, end: datetime) -> list[datetime]:
    """Occurrences of ``rule`` from ``first`` that fall in ``[start, end]``, in KST.

    The rule is evaluated on KST wall-clock time so "오후 7시" stays 19:00 in every month.
    """
    local_first = first.astimezone(KST).replace(tzinfo=None, second=0, microsecond=0)
    recurrence = rrulestr(rule, dtstart=local_first)
    lo = start.astimezone(KST).replace(tzinfo=None)
    hi = end.astimezone(KST).replace(tzinfo=None)
    return [moment.replace(tzinfo=KST) for moment in recurrence.between(lo, hi, inc=True)]
