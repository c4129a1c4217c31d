"""iCalendar export: one event, or a group's calendar feed, for members' phone calendars.

Times carry ``TZID=Asia/Seoul`` so calendars show the meeting at its Korean wall-clock time;
a series is exported once, as its RRULE, and its occurrences are not repeated.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, vRecur
from icalendar import Event as CalendarEvent
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot.clock import KST
from bot.storage.event_models import Event, EventSeries

PRODID = "-//Gyoryu//교류//KO"
UID_DOMAIN = "gyoryu.invalid"
DEFAULT_LENGTH = timedelta(hours=2)


def event_ics(event: Event) -> bytes:
    """An ``.ics`` file holding one event."""
    calendar = _calendar(event.title)
    calendar.add_component(_vevent(event))
    return bytes(calendar.to_ical())


def group_ics(session: Session, *, group_id: int, name: str, now: datetime) -> bytes:
    """The group's feed: its series as recurring events, its and federation-wide one-offs.

    Past one-off events older than 90 days are left out to keep the feed small.
    """
    calendar = _calendar(name)
    mine = or_(Event.group_id == group_id, Event.group_id.is_(None))
    shared = or_(EventSeries.group_id == group_id, EventSeries.group_id.is_(None))
    for one in session.scalars(select(EventSeries).where(shared).order_by(EventSeries.id)):
        last = session.scalar(select(func.max(Event.starts_at)).where(Event.series_id == one.id))
        calendar.add_component(_series_vevent(one, now, until=last))
    singles: Iterable[Event] = session.scalars(
        select(Event)
        .where(mine, Event.series_id.is_(None), Event.starts_at >= now - timedelta(days=90))
        .order_by(Event.starts_at)
    )
    for event in singles:
        calendar.add_component(_vevent(event))
    return bytes(calendar.to_ical())


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Seoul")
    return calendar


def _vevent(event: Event) -> CalendarEvent:
    vevent = CalendarEvent()
    vevent.add("uid", f"event-{event.id}@{UID_DOMAIN}")
    vevent.add("summary", event.title)
    vevent.add("dtstart", event.starts_at.astimezone(KST))
    vevent.add("dtend", (event.ends_at or event.starts_at + DEFAULT_LENGTH).astimezone(KST))
    vevent.add("dtstamp", event.starts_at)
    if event.place:
        vevent.add("location", event.place)
    if event.agenda:
        vevent.add("description", event.agenda)
    return vevent


def _series_vevent(series: EventSeries, now: datetime, *, until: datetime | None) -> CalendarEvent:
    start = series.first_start.astimezone(KST)
    vevent = CalendarEvent()
    vevent.add("uid", f"series-{series.id}@{UID_DOMAIN}")
    vevent.add("summary", series.title)
    vevent.add("dtstart", start)
    vevent.add("dtend", start + timedelta(minutes=series.duration_minutes))
    vevent.add("dtstamp", now)
    # BYHOUR/BYMINUTE are implied by DTSTART in iCalendar; calendars reject them in some apps.
    parts = {
        key: value
        for key, value in (part.split("=", 1) for part in series.rrule.split(";"))
        if key not in {"BYHOUR", "BYMINUTE"}
    }
    if until is not None:  # the series ends where its stored occurrences end
        parts["UNTIL"] = until.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    vevent.add("rrule", vRecur.from_ical(";".join(f"{k}={v}" for k, v in parts.items())))
    if series.place:
        vevent.add("location", series.place)
    return vevent
