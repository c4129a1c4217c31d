"""Events (정례회, 세미나, 공장견학 …), recurring series and members' RSVPs."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.federation import audit, recurrence
from bot.federation.errors import FederationError, NotFoundError
from bot.storage.event_models import Event, EventSeries, Rsvp
from bot.storage.federation_models import Federation, Group, Member

MEETING_KIND = "정례회"
"""A group's regular monthly meeting: the kind reminders, 애로사항 and digests are planned for."""
KINDS = (MEETING_KIND, "총회", "세미나", "공장견학", "해외시찰", "워크숍", "간담회", "교육", "기타")
RSVP_STATUSES = ("참석", "불참", "미정", "대리참석")
DEFAULT_DURATION = timedelta(hours=2)


def add_event(
    session: Session,
    *,
    federation: Federation,
    group: Group | None,
    kind: str,
    title: str,
    starts_at: datetime,
    actor: str,
    ends_at: datetime | None = None,
    place: str | None = None,
    agenda: str | None = None,
) -> Event:
    """Create a one-off event for a group, or federation-wide when ``group`` is ``None``."""
    _check(kind, starts_at, ends_at)
    event = Event(
        federation_id=federation.id,
        group_id=group.id if group else None,
        kind=kind,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        agenda=agenda,
    )
    session.add(event)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="event", entity_id=event.id)
    return event


def add_series(
    session: Session,
    *,
    federation: Federation,
    group: Group | None,
    kind: str,
    title: str,
    rule: str,
    first_start: datetime,
    until: datetime,
    actor: str,
    duration: timedelta = DEFAULT_DURATION,
    place: str | None = None,
    skip: Collection[date] = (),
) -> EventSeries:
    """Create a recurring series and one event per occurrence up to ``until``.

    Occurrences on a day in ``skip`` (KST) are left out: the meeting moved or is held elsewhere.
    """
    _check(kind, first_start, None)
    series = EventSeries(
        federation_id=federation.id,
        group_id=group.id if group else None,
        kind=kind,
        title=title,
        rrule=rule,
        first_start=first_start,
        duration_minutes=int(duration.total_seconds() // 60),
        place=place,
    )
    session.add(series)
    session.flush()
    for start in recurrence.occurrences(rule, first=first_start, start=first_start, end=until):
        if start.astimezone(KST).date() in skip:
            continue
        session.add(
            Event(
                federation_id=federation.id,
                group_id=series.group_id,
                series_id=series.id,
                kind=kind,
                title=title,
                starts_at=start,
                ends_at=start + duration,
                place=place,
            )
        )
    session.flush()
    audit.record(session, actor=actor, action="create", entity="event_series", entity_id=series.id)
    return series


def upcoming(
    session: Session, *, now: datetime, groups: set[int] | None = None, limit: int = 20
) -> list[Event]:
    """Events starting from ``now``; with ``groups``, those groups' and federation-wide ones."""
    query = select(Event).where(Event.starts_at >= now).order_by(Event.starts_at, Event.id)
    if groups is not None:
        query = query.where(or_(Event.group_id.is_(None), Event.group_id.in_(groups)))
    return list(session.scalars(query.limit(limit)))


def find_event(session: Session, event_id: int) -> Event:
    """An event by id."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_EVENT, str(event_id)))
    return event


def set_rsvp(
    session: Session,
    *,
    event: Event,
    member: Member,
    status: str,
    now: datetime,
    proxy_name: str | None = None,
) -> None:
    """Record a member's answer in one atomic upsert, so concurrent answers never clash."""
    if status not in RSVP_STATUSES:
        raise FederationError(texts.fed_bad_rsvp(status))
    if status == "대리참석" and not (proxy_name and proxy_name.strip()):
        raise FederationError(texts.FED_PROXY_NAME_MISSING)
    values = {
        "event_id": event.id,
        "member_id": member.id,
        "status": status,
        "proxy_name": proxy_name if status == "대리참석" else None,
        "updated_at": now,
    }
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(Rsvp).values(**values)
    session.execute(
        insert.on_conflict_do_update(
            index_elements=["event_id", "member_id"],
            set_={key: insert.excluded[key] for key in ("status", "proxy_name", "updated_at")},
        )
    )
    audit.record(
        session,
        actor=f"member:{member.id}",
        action="rsvp",
        entity="event",
        entity_id=event.id,
        status=status,
    )


def rsvp_of(session: Session, *, event: Event, member: Member) -> Rsvp | None:
    """The member's current answer to an event, if any."""
    return session.scalars(
        select(Rsvp).where(Rsvp.event_id == event.id, Rsvp.member_id == member.id)
    ).first()


def rsvp_counts(session: Session, event: Event) -> dict[str, int]:
    """How many answered each way (erased members' answers still count)."""
    rows = session.execute(
        select(Rsvp.status, func.count()).where(Rsvp.event_id == event.id).group_by(Rsvp.status)
    )
    counts = dict.fromkeys(RSVP_STATUSES, 0)
    counts.update({status: count for status, count in rows})
    return counts


def remove_event(session: Session, event: Event, *, actor: str) -> None:
    """Delete an event and its RSVPs."""
    audit.record(session, actor=actor, action="delete", entity="event", entity_id=event.id)
    session.delete(event)


def _check(kind: str, starts_at: datetime, ends_at: datetime | None) -> None:
    if kind not in KINDS:
        raise FederationError(texts.fed_bad_kind(kind, KINDS))
    if ends_at is not None and ends_at <= starts_at:
        raise FederationError(texts.FED_END_BEFORE_START)
