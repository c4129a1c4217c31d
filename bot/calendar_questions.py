"""Questions about the next meeting ("다음 정례회 언제예요?"), answered from the calendar.

The documents hold a year's schedule, but only the calendar the secretariat keeps knows which
meeting is *next*, whether it moved, and which group the member belongs to. A question that asks
when or where the next (or this month's, next month's …) meeting or event is held is answered
from the events the member may see; anything else, or nothing found, is left to the documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from bot import texts
from bot.answers import Citation, QaAnswer
from bot.clock import KST, format_kst
from bot.federation.events import MEETING_KIND
from bot.storage.event_models import Event

_NEXT = re.compile(r"(?<![가-힣])(?:다음|담|이번|요번|이달|다가오는|곧|가까운)(?!당|배|보|소)")
_MONTH = re.compile(r"(?<![가-힣])(?:(다음|담|이번|요번)\s*달|이달)")
_WEEK = re.compile(r"(?<![가-힣])(다음|담|이번|요번)\s*주(?!제|최|관)")
_ASKS = re.compile(r"언제|어디|몇\s*시|며칠|장소|날짜|날자|일정|시간")
_MEETING_WORDS = ("정례회", "정기모임", "정기 모임", "월례회", "모임")
_EVENT_WORDS = (
    "송년회",
    "신년회",
    "워크숍",
    "워크샵",
    "총회",
    "세미나",
    "설명회",
    "간담회",
    "교육",
    "행사",
)
_SPELLINGS = {"워크샵": "워크숍"}
_DAYS_AHEAD = 400  # a year's calendar, and a little more
SOURCE = "calendar"


@dataclass(frozen=True, slots=True)
class CalendarQuestion:
    """What a next-meeting question asks: which kind of event, in which span of time."""

    word: str
    """The event word asked about (정례회 for any regular meeting, 행사 for any event)."""
    month: int | None = None
    """0: this month's, 1: next month's; None: the next one, whenever it is."""
    week: int | None = None
    """0: this week's, 1: next week's; None: any week."""

    @property
    def meeting(self) -> bool:
        """True when the group's regular meeting (정례회) is asked."""
        return self.word == MEETING_KIND


def read(question: str) -> CalendarQuestion | None:
    """The calendar question ``question`` is, or None when it is not one.

    It must point at an upcoming occasion (다음, 이번, 이번 달 …), name a meeting or an event,
    and ask when or where ("다음 정례회 언제예요?", "이번 달 모임 어디서 해요?").
    """
    text = " ".join(question.split())
    if not (_NEXT.search(text) and _ASKS.search(text)):
        return None
    word = next((w for w in _EVENT_WORDS if w in text), None)
    if word is None and any(w in text for w in _MEETING_WORDS):
        word = MEETING_KIND
    if word is None:
        return None
    word = _SPELLINGS.get(word, word)
    month = _MONTH.search(text)
    week = _WEEK.search(text)
    return CalendarQuestion(word=word, month=_offset(month), week=_offset(week))


def _offset(found: re.Match[str] | None) -> int | None:
    """1 for 다음 달/주, 0 for 이번 달/주 (and 이달), None when no month or week is named."""
    if found is None:
        return None
    return 1 if found.group(1) in ("다음", "담") else 0


def answer(
    session: Session,
    asked: CalendarQuestion,
    *,
    groups: set[int],
    now: datetime,
    event_link: Callable[[int], str | None] = lambda event_id: None,
) -> QaAnswer | None:
    """The next event that fits ``asked`` among the caller's groups' and federation-wide ones.

    When this month's (or week's) one has already been held, the answer says so and names the
    next one. ``event_link`` gives an event's calendar file when the server is public (it becomes
    the source's link). None when no event fits: the documents may still say something.
    """
    fitting = _fitting(asked, groups)
    first, end = _period(asked, now)
    ahead = fitting.where(Event.starts_at >= max(now, first), Event.starts_at < end)
    event = session.scalars(ahead.order_by(Event.starts_at, Event.id).limit(1)).first()
    if event is not None:
        return _answer(
            texts.calendar_answer(event.title, format_kst(event.starts_at), event.place),
            event,
            event_link,
        )
    if first >= now:
        return None
    past = fitting.where(Event.starts_at >= first, Event.starts_at < now)
    held = session.scalars(past.order_by(Event.starts_at.desc(), Event.id).limit(1)).first()
    if held is None:
        return None
    later = fitting.where(Event.starts_at >= now).order_by(Event.starts_at, Event.id).limit(1)
    following = session.scalars(later).first()
    text = texts.calendar_already_held(
        held.title,
        format_kst(held.starts_at),
        None
        if following is None
        else (following.title, format_kst(following.starts_at), following.place),
    )
    return _answer(text, following or held, event_link)


def _fitting(asked: CalendarQuestion, groups: set[int]) -> Select[Event]:
    """The events of the kind asked that the caller may see, at any time."""
    query = select(Event).where(or_(Event.group_id.is_(None), Event.group_id.in_(groups)))
    if asked.meeting:
        return query.where(Event.kind == MEETING_KIND, Event.group_id.in_(groups))
    if asked.word != "행사":
        return query.where(or_(Event.kind == asked.word, Event.title.contains(asked.word)))
    return query


def _answer(text: str, event: Event, event_link: Callable[[int], str | None]) -> QaAnswer:
    when = format_kst(event.starts_at)
    citation = Citation(
        number=1,
        title=texts.CALENDAR_SOURCE_TITLE,
        source=event_link(event.id) or SOURCE,
        section=event.title,
        snippet=texts.mtg_schedule_line(event.title, when, event.place, None)[2:],
        score=1.0,
    )
    return QaAnswer(text, confident=True, sources=(citation,))


def _period(asked: CalendarQuestion, now: datetime) -> tuple[datetime, datetime]:
    """The KST calendar month or Monday week asked about, or from now on a year ahead."""
    local = now.astimezone(KST)
    if asked.week is not None:
        monday = (local - timedelta(days=local.weekday())).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        first = monday + timedelta(weeks=asked.week)
        return first, first + timedelta(weeks=1)
    if asked.month is not None:
        first = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        first = _next_month(first) if asked.month else first
        return first, _next_month(first)
    return now, now + timedelta(days=_DAYS_AHEAD)


def _next_month(first: datetime) -> datetime:
    return first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
