"""Meetings and federation events as the secretariat adds, changes and removes them.

Times are KST text (``'2026-03-10 19:00'``, ``'3월 10일 오후 7시'``) or datetimes; an end given
as a time alone is on the start's day. Members already reminded of an event hear about a change
or a cancellation in their rooms (queued through the outbox in the same transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import clock, texts
from bot.federation import audit, events, groups, members, recurrence
from bot.federation.errors import FederationError
from bot.federation.event_sheet import kst_datetime
from bot.schedule import queue, reasons, rsvp
from bot.secretariat.schedule import change_schedule
from bot.storage.event_models import Event
from bot.storage.schedule_models import ScheduledMessage

_YEAR_END = "12-31 23:59"


@dataclass(frozen=True)
class EventChange:
    """The event's title after the change and how many room notices were queued."""

    title: str
    notified: int = 0


@dataclass(frozen=True)
class RsvpRecorded:
    """Whose answer was recorded, and which."""

    member: str
    status: str


def add_event(
    session: Session,
    *,
    title: str,
    kind: str,
    start: str | datetime,
    actor: str,
    end: str | None = None,
    group: str | None = None,
    place: str | None = None,
    agenda: str | None = None,
    repeat: str | None = None,
    until: str | None = None,
) -> EventChange:
    """Add one event, or with ``repeat`` (``'매월 둘째 주 화요일 오후 7시'``) a series.

    A series runs until ``until`` (KST), by default the end of the start's year; a title is needed.
    """
    if not title.strip():
        raise FederationError(texts.FED_EVENT_TITLE_MISSING)
    federation = groups.the_federation(session)
    chosen = groups.find_group(session, group) if group else None
    starts = kst_datetime(start)
    ends = kst_datetime(end, day=starts.astimezone(clock.KST).date()) if end else None
    if repeat:
        events.add_series(
            session,
            federation=federation,
            group=chosen,
            kind=kind,
            title=title,
            rule=recurrence.parse_korean(repeat),
            first_start=starts,
            until=kst_datetime(until or f"{starts.year}-{_YEAR_END}"),
            duration=(ends - starts) if ends else events.DEFAULT_DURATION,
            place=place,
            actor=actor,
        )
    else:
        events.add_event(
            session,
            federation=federation,
            group=chosen,
            kind=kind,
            title=title,
            starts_at=starts,
            ends_at=ends,
            place=place,
            agenda=agenda,
            actor=actor,
        )
    return EventChange(title)


def edit_event(
    session: Session,
    *,
    event_id: int,
    actor: str,
    now: datetime,
    title: str | None = None,
    start: str | None = None,
    end: str | None = None,
    place: str | None = None,
    agenda: str | None = None,
) -> EventChange:
    """Change what was given (empty = keep); a new start alone keeps the event's length, and an
    end before the start is refused."""
    found = events.find_event(session, event_id)
    found.title = title or found.title
    was = found.starts_at
    found.starts_at = kst_datetime(start) if start else found.starts_at
    day = found.starts_at.astimezone(clock.KST).date()
    if end:
        found.ends_at = kst_datetime(end, day=day)
    elif found.ends_at is not None:  # a moved event keeps its length
        found.ends_at += found.starts_at - was
    found.place = place or found.place
    found.agenda = agenda or found.agenda
    if found.ends_at is not None and found.ends_at <= found.starts_at:
        raise FederationError(texts.FED_END_BEFORE_START)
    audit.record(session, actor=actor, action="edit", entity="event", entity_id=event_id)
    # Members already reminded of the old details hear about the change in their rooms.
    return EventChange(found.title, queue.reschedule_event(session, found, now=now))


def remove_event(session: Session, *, event_id: int, actor: str, now: datetime) -> EventChange:
    """Delete an event and its RSVPs, telling its rooms it is cancelled."""
    found = events.find_event(session, event_id)
    # Queued before the delete: the notice carries its own text, so it still goes out.
    notified = queue.cancel_event(session, found, now=now)
    title = found.title
    events.remove_event(session, found, actor=actor)
    return EventChange(title, notified)


def record_rsvp(
    session: Session,
    *,
    event_id: int,
    member: str,
    status: str,
    now: datetime,
    proxy: str | None = None,
) -> RsvpRecorded:
    """Record a member's answer (``참석``, ``불참``, ``미정``, ``대리참석`` with a proxy's name)."""
    found = members.find_member(session, member)
    events.set_rsvp(
        session,
        event=events.find_event(session, event_id),
        member=found,
        status=status,
        proxy_name=proxy,
        now=now,
    )
    return RsvpRecorded(found.name, status)


@dataclass(frozen=True)
class EventLine:
    """One event as a list shows it (``group`` is ``None`` for a federation-wide event)."""

    id: int
    title: str
    kind: str
    starts_at: datetime
    group_id: int | None
    group: str | None
    place: str | None
    answered: int


@dataclass(frozen=True)
class Send:
    """One queued message of an event: when, what, to where, and how it went.

    ``error`` is why it did not go (yet), in Korean with what to do; ``detail`` the platform's
    own words for a technical person (may be empty), shown apart from it.
    """

    due_at: datetime
    kind: str
    platform: str
    to: str
    state: str
    error: str
    detail: str = ""


@dataclass(frozen=True)
class EventBoard:
    """An event with its RSVP board, its reminder schedule and its queued sends."""

    event: EventLine
    ends_at: datetime | None
    agenda: str | None
    answers: dict[str, list[str]]
    silent: list[str]
    schedule: list[tuple[str, str, str]]  # (label, value, source) that applies
    sends: list[Send]


FAILED_STATES = ("failed", "unknown")
"""Sends that failed for good, or whose platform never answered (not resent)."""


def upcoming_events(
    session: Session, *, now: datetime, scope: frozenset[int] | None, limit: int = 100
) -> list[EventLine]:
    """Events from ``now`` on, soonest first; with ``scope``, only those groups' events."""
    query = select(Event).where(Event.starts_at >= now).order_by(Event.starts_at, Event.id)
    if scope is not None:
        query = query.where(Event.group_id.in_(scope))
    return [_line(session, event) for event in session.scalars(query.limit(limit))]


def event_board(session: Session, *, event_id: int) -> EventBoard:
    """The event's details, who answered what and who has not, what is planned and what failed."""
    found = events.find_event(session, event_id)
    answers = rsvp.board(session, found)
    applies = change_schedule(session, given={}, event=found.id, actor="", now=clock.kst_now())
    return EventBoard(
        event=_line(session, found),
        ends_at=found.ends_at,
        agenda=found.agenda,
        answers=answers.answers,
        silent=answers.silent,
        schedule=applies.rows,
        sends=[_send(row) for row in queue.messages_of(session, found.id)],
    )


def failed_sends(session: Session, *, limit: int = 50) -> list[Send]:
    """What ``gyoryu events failures`` lists: failed or unconfirmed sends, newest first."""
    return [_send(row) for row in queue.failed_messages(session, limit=limit)]


def _line(session: Session, event: Event) -> EventLine:
    return EventLine(
        id=event.id,
        title=event.title,
        kind=event.kind,
        starts_at=event.starts_at,
        group_id=event.group_id,
        group=event.group.name if event.group else None,
        place=event.place,
        answered=sum(events.rsvp_counts(session, event).values()),
    )


def _send(row: ScheduledMessage) -> Send:
    reason = reasons.shown(row.last_error, row.state)
    return Send(
        due_at=row.due_at,
        kind=row.kind,
        platform=row.platform,
        to=row.conversation or row.user,
        state=row.state,
        error=reason.text,
        detail=reason.detail,
    )
