"""Reading the dates and times a Korean office types, as KST datetimes.

Accepted (any mix of a date form and a time form, the time optional):

- dates: ``2026-12-20``, ``2026.12.20`` (``2026. 12. 20.``), ``2026/12/20``,
  ``2026년 12월 20일``, ``12월 20일``, ``12/20``, optionally followed by the weekday (``(일)``,
  ``일요일``), which must agree;
- times: ``14:00``, ``14시``, ``14시 30분``, ``오후 2시``, ``오후 2시 반``, ``오전 9:30``.

Without a year the date is the next one to come (today counts). Without a time the moment is
midnight, which the rest of Gyoryu shows as a date alone. Full ISO strings (with an offset) are
accepted as they are.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from bot import texts
from bot.clock import KST
from bot.federation.errors import FederationError

_WEEKDAYS = "월화수목금토일"
_DATES = (
    r"(?P<y>\d{4})\s*[-./]\s*(?P<m>\d{1,2})\s*[-./]\s*(?P<d>\d{1,2})\.?",
    r"(?:(?P<y>\d{4})\s*년\s*)?(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일",
    r"(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})",
)
_WEEKDAY = r"(?:\s*\(?\s*(?P<wd>[월화수목금토일])(?:요일)?\s*\)?)?"
_TIME = (
    r"(?P<ampm>오전|오후)?\s*(?P<h>\d{1,2})\s*"
    r"(?:시\s*(?:(?P<min>\d{1,2})\s*분|(?P<half>반))?|:\s*(?P<mm>\d{2}))"
)
_PATTERNS = [
    re.compile(rf"\s*{day}{_WEEKDAY}\s*(?:,\s*|T\s*)?(?:{_TIME})?\s*", re.IGNORECASE)
    for day in _DATES
]
_TIME_ONLY = re.compile(rf"\s*{_TIME}\s*")


class BadWhenError(FederationError, ValueError):
    """Text that is not a date and time Gyoryu can read; the message says what would be."""


def parse_when(text: str, *, now: datetime, day: date | None = None) -> datetime:
    """The KST moment ``text`` names; a time alone is taken on ``day`` when one is given.

    Raises :class:`BadWhenError` with a polite Korean message for anything else.
    """
    for pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is not None:
            on = _date(match, text, now)
            return datetime.combine(on, _time(match, text), tzinfo=KST)
    match = _TIME_ONLY.fullmatch(text)
    if match is not None and day is not None:
        return datetime.combine(day, _time(match, text), tzinfo=KST)
    return _iso(text)


def _date(match: re.Match[str], text: str, now: datetime) -> date:
    parts = match.groupdict()
    month, day = int(parts["m"]), int(parts["d"])
    today = now.astimezone(KST).date()
    try:
        year = parts.get("y")
        found = date(int(year), month, day) if year else _next(today, month, day)
    except ValueError as error:
        raise BadWhenError(texts.fed_bad_when(text)) from error
    weekday = parts["wd"]
    if weekday and _WEEKDAYS.index(weekday) != found.weekday():
        raise BadWhenError(texts.fed_wrong_weekday(text, month, day, found.weekday()))
    return found


def _next(today: date, month: int, day: int) -> date:
    """The next ``month``/``day`` from ``today`` (today included); 2/29 waits for a leap year."""
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            if (month, day) == (2, 29):
                continue
            raise
        if candidate >= today:
            return candidate
    raise ValueError(f"{month}/{day}")


def _time(match: re.Match[str], text: str) -> time:
    if match["h"] is None:
        return time(0)
    hour = int(match["h"])
    minute = 30 if match["half"] else int(match["min"] or match["mm"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise BadWhenError(texts.fed_bad_when(text))
        hour = hour % 12 + (12 if match["ampm"] == "오후" else 0)
    if hour > 23 or minute > 59:
        raise BadWhenError(texts.fed_bad_when(text))
    return time(hour, minute)


def _iso(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise BadWhenError(texts.fed_bad_when(text)) from error
    return moment.replace(tzinfo=KST) if moment.tzinfo is None else moment
