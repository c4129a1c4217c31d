"""The durable queue of proactive messages: planning an event's sends, replanning, cancelling.

Every planned send is a row keyed by (message key, target). Inserts ignore a key that already
exists, so planning is idempotent and two processes planning at once queue each send once.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import format_kst, kst_day
from bot.federation.events import MEETING_KIND
from bot.federation.members import LEADER_ROLES
from bot.messages import Address, OutgoingMessage
from bot.schedule import audience, content, reasons
from bot.schedule.planning import (
    DAY_GRACE,
    HolidayCheck,
    Slot,
    korean_holiday,
    meeting_slots,
    notice_time,
    reminder_slots,
)
from bot.schedule.rules import rules_for
from bot.storage.event_models import Event
from bot.storage.schedule_models import ScheduledMessage

# Kinds that go to the group's rooms, to each leader/간사, or to each member.
ROOM_KINDS = ("reminder", "prompt", "change", "cancel")
LEADER_KINDS = ("digest", "rsvp_list")
PLANNED_KINDS = ("reminder", "prompt", "nudge", "digest", "rsvp_list")
# How far ahead sends are planned; later events are planned as they come near.
PLAN_HORIZON = timedelta(days=40)


def occurrence_of(event: Event) -> str:
    """The event's KST date as ``yyyymmdd``: the part of a key that names the occurrence."""
    return kst_day(event.starts_at)


def enqueue(
    session: Session,
    *,
    key: str,
    kind: str,
    to: Address,
    due_at: datetime,
    expires_at: datetime,
    event_id: int | None = None,
    occurrence: str | None = None,
    member_id: int | None = None,
    payload: dict[str, Any] | None = None,
) -> bool:
    """Queue one send unless the same (key, target) is already queued; ``True`` if it was new."""
    values = {
        "key": key,
        "kind": kind,
        "target": audience.target_of(to),
        "platform": to.platform,
        "user": to.user,
        "conversation": to.conversation,
        "thread": to.thread,
        "is_group": to.is_group,
        "due_at": due_at,
        "expires_at": expires_at,
        "event_id": event_id,
        "occurrence": occurrence,
        "member_id": member_id,
        "payload": payload,
        "state": "pending",
        "attempts": 0,
    }
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(ScheduledMessage).values(**values)
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT … ON CONFLICT.
    statement = insert.on_conflict_do_nothing(index_elements=["key", "target"])
    return session.execute(statement.returning(ScheduledMessage.id)).first() is not None


def plan_event(
    session: Session, event: Event, *, now: datetime, is_holiday: HolidayCheck = korean_holiday
) -> int:
    """Queue the event's reminders (and, for a group's 정례회, its 애로사항 sends); count new rows.

    Sends whose window has already closed at ``now`` are not queued at all.
    """
    rules = rules_for(session, event)
    slots = reminder_slots(event.starts_at, rules, is_holiday)
    if event.kind == MEETING_KIND and event.group_id is not None:
        slots += meeting_slots(event.starts_at, rules, is_holiday)
    return sum(_queue_slot(session, event, slot) for slot in slots if slot.expires_at > now)


def plan_upcoming(
    session: Session,
    *,
    now: datetime,
    horizon: timedelta = PLAN_HORIZON,
    is_holiday: HolidayCheck = korean_holiday,
) -> int:
    """Plan every event starting within ``horizon``; safe to run as often as you like."""
    events = session.scalars(
        select(Event).where(Event.starts_at > now, Event.starts_at <= now + horizon)
    )
    return sum(plan_event(session, event, now=now, is_holiday=is_holiday) for event in events)


def replan_event(
    session: Session,
    event: Event,
    *,
    now: datetime,
    horizon: timedelta = PLAN_HORIZON,
    is_holiday: HolidayCheck = korean_holiday,
) -> int:
    """After the event's schedule settings changed: drop its pending planned sends, plan anew.

    No notice goes out (the meeting itself did not change) and sends already made stay made.
    An event beyond ``horizon`` is left for :func:`plan_upcoming` to plan when it comes near.
    Returns how many sends were queued.
    """
    session.execute(
        delete(ScheduledMessage).where(
            ScheduledMessage.event_id == event.id,
            ScheduledMessage.state == "pending",
            ScheduledMessage.kind.in_(PLANNED_KINDS),
        )
    )
    if not now < event.starts_at <= now + horizon:
        return 0
    return plan_event(session, event, now=now, is_holiday=is_holiday)


def reschedule_event(
    session: Session, event: Event, *, now: datetime, is_holiday: HolidayCheck = korean_holiday
) -> int:
    """After the caller changed ``event``: replan its pending sends and notify each room once.

    Returns how many rooms get the change notice. Sends already made stay made; a pending
    earlier change notice is replaced by this one, which carries the latest details.
    """
    stamp = f"{event.starts_at.isoformat()}|{event.place}|{event.title}|{event.agenda}"
    key = f"change:{event.id}:{hashlib.sha256(stamp.encode()).hexdigest()[:10]}"
    session.execute(
        delete(ScheduledMessage).where(
            ScheduledMessage.event_id == event.id,
            ScheduledMessage.state == "pending",
            or_(
                ScheduledMessage.kind.in_(PLANNED_KINDS),
                and_(ScheduledMessage.kind == "change", ScheduledMessage.key != key),
            ),
        )
    )
    plan_event(session, event, now=now, is_holiday=is_holiday)
    return _queue_notice(session, event, key, content.change_notice(event), now, is_holiday)


def cancel_event(
    session: Session, event: Event, *, now: datetime, is_holiday: HolidayCheck = korean_holiday
) -> int:
    """Cancel the event's pending sends and queue one cancellation notice per room.

    Call it before deleting the event: the notice carries its own text, so it still goes out.
    """
    session.execute(
        update(ScheduledMessage)
        .where(
            ScheduledMessage.event_id == event.id,
            ScheduledMessage.state == "pending",
            ScheduledMessage.kind != "cancel",
        )
        .values(state="cancelled", last_error=texts.MTG_EVENT_CANCELLED_NOTE)
    )
    key = f"cancel:{event.id}:{occurrence_of(event)}"
    return _queue_notice(session, event, key, content.cancel_notice(event), now, is_holiday)


def failed_messages(session: Session, *, limit: int = 50) -> list[ScheduledMessage]:
    """Sends that failed for good (e.g. the bot was removed from a room) or may not have
    arrived (the platform never answered; they are not resent), newest first."""
    query = select(ScheduledMessage).where(ScheduledMessage.state.in_(("failed", "unknown")))
    return list(session.scalars(query.order_by(ScheduledMessage.due_at.desc()).limit(limit)))


def failures_report(session: Session) -> str:
    """The secretariat's list of sends that failed for good, in Korean: each with its reason
    and what to do, and the platform's own words on a line of their own below it."""
    failed = failed_messages(session)
    if not failed:
        return texts.MTG_NO_FAILURES
    lines = [texts.mtg_failures_heading(len(failed))]
    for row in failed:
        where, reason = row.conversation or row.user, reasons.shown(row.last_error, row.state)
        when = format_kst(row.due_at)
        lines.append(texts.mtg_failure_line(when, row.platform, where, row.kind, reason.text))
        if reason.detail:
            lines.append(texts.mtg_failure_detail(reason.detail))
    return "\n".join(lines)


def messages_of(session: Session, event_id: int) -> list[ScheduledMessage]:
    """Every queued row of an event, by due time (for the secretariat and for tests)."""
    query = select(ScheduledMessage).where(ScheduledMessage.event_id == event_id)
    return list(session.scalars(query.order_by(ScheduledMessage.due_at, ScheduledMessage.id)))


def _queue_slot(session: Session, event: Event, slot: Slot) -> int:
    key = f"{slot.kind}:{event.id}:{occurrence_of(event)}:{slot.label}"
    queued = 0
    for member_id, to in _recipients(session, event, slot.kind):
        queued += enqueue(
            session,
            key=key,
            kind=slot.kind,
            to=to,
            due_at=slot.due_at,
            expires_at=slot.expires_at,
            event_id=event.id,
            occurrence=occurrence_of(event),
            member_id=member_id,
        )
    return queued


def _recipients(session: Session, event: Event, kind: str) -> list[tuple[int | None, Address]]:
    if kind in ROOM_KINDS or event.group_id is None:
        return [(None, room) for room in audience.rooms_of(session, event.group_id)]
    roles = LEADER_ROLES if kind in LEADER_KINDS else None
    found: list[tuple[int | None, Address]] = []
    for member_id in audience.members_of(session, event.group_id, roles=roles):
        to = audience.direct_address(session, member_id)
        if to is not None:
            found.append((member_id, to))
    return found


def _queue_notice(
    session: Session,
    event: Event,
    key: str,
    message: OutgoingMessage,
    now: datetime,
    is_holiday: HolidayCheck,
) -> int:
    if now >= event.starts_at:
        return 0  # nobody needs news of a meeting that has already begun
    due = notice_time(now, event.starts_at, rules_for(session, event), is_holiday)
    expires = min(due + DAY_GRACE, event.starts_at)
    payload = content.to_payload(message)
    return sum(
        enqueue(
            session,
            key=key,
            kind=key.split(":", 1)[0],
            to=room,
            due_at=due,
            expires_at=expires,
            event_id=event.id,
            occurrence=occurrence_of(event),
            payload=payload,
        )
        for room in audience.rooms_of(session, event.group_id)
    )
