"""Time for the whole core: the Korean time zone, the current time and Korean dates.

Everything is stored and compared in UTC; members see KST (``11월 25일(화) 오후 7시``). This is
the one place that knows the zone, so a date never shows in two different ways.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot import texts

KST = ZoneInfo("Asia/Seoul")

Clock = Callable[[], datetime]
"""Gives the current time (injected so tests can fix it)."""


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def kst_now() -> datetime:
    """The current time in KST (the secretariat's wall clock)."""
    return datetime.now(KST)


def format_kst(moment: datetime) -> str:
    """``11월 25일(화) 오후 7시`` for any aware datetime."""
    local = moment.astimezone(KST)
    return texts.kst_when(local.month, local.day, local.weekday(), local.hour, local.minute)


def format_kst_stamp(moment: datetime) -> str:
    """``2026-11-29 22:20 KST``: a recorded moment with its year, as a record should show it."""
    return f"{moment.astimezone(KST):%Y-%m-%d %H:%M} KST"


def kst_day(moment: datetime) -> str:
    """The KST calendar date of ``moment`` as ``yyyymmdd`` (names one occurrence of an event)."""
    return moment.astimezone(KST).strftime("%Y%m%d")
