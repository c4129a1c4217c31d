"""What needs the secretariat today (the console's 오늘 page), read in one place.

Unanswered and not-confident questions, failed deliveries (answers and scheduled messages),
missing RSVPs for each group's next 정례회 and new 애로사항; a group admin sees their groups only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation.events import MEETING_KIND
from bot.question_log import QuestionFilter, QuestionRow, questions
from bot.schedule import reasons
from bot.storage.conversation_models import InboundMessage
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event, Rsvp
from bot.storage.federation_models import Group, Member, Membership
from bot.storage.schedule_models import ScheduledMessage

LOOK_BACK = timedelta(days=7)
"""How far back 오늘 looks for questions, failures and new 애로사항."""


@dataclass(frozen=True, slots=True)
class MissingRsvps:
    """A group's next 정례회 and the members who have not answered yet."""

    group: str
    event_id: int
    title: str
    starts_at: datetime
    answered: int
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FailedDelivery:
    """A message that could not be delivered: an answer or a scheduled push.

    ``reason`` is in Korean, with what to do; ``detail`` the platform's own words for a
    technical person (may be empty), shown apart from it.
    """

    at: datetime
    kind: str
    channel: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class NewDifficulty:
    """An 애로사항 shared recently (its author is not shown when it is anonymous)."""

    group: str
    text: str
    field: str | None
    created_at: datetime


@dataclass(slots=True)
class Today:
    """Everything the 오늘 page shows."""

    unconfident: list[QuestionRow] = field(default_factory=list)
    failed: list[FailedDelivery] = field(default_factory=list)
    rsvps: list[MissingRsvps] = field(default_factory=list)
    difficulties: list[NewDifficulty] = field(default_factory=list)


def today(session: Session, *, now: datetime, scope: frozenset[int] | None) -> Today:
    """What needs attention now, for a viewer who may see ``scope`` (``None``: every group)."""
    since = now - LOOK_BACK
    groups = [
        g
        for g in session.scalars(select(Group).order_by(Group.name))
        if scope is None or g.id in scope
    ]
    result = Today()
    result.unconfident = questions(
        session, where=QuestionFilter(since=since, unconfident=True), scope=scope, limit=50
    )
    if scope is None:  # deliveries name no group: only federation admins see them
        result.failed = _failed(session, since)
    result.rsvps = [m for g in groups if (m := _missing_rsvps(session, g, now)) is not None]
    result.difficulties = [
        NewDifficulty(group.name, item.text, item.field, item.created_at)
        for item, group in session.execute(
            select(Difficulty, Group)
            .join(Group, Group.id == Difficulty.group_id)
            .where(
                Difficulty.created_at >= since,
                Difficulty.withdrawn_at.is_(None),
                Difficulty.group_id.in_([g.id for g in groups]),
            )
            .order_by(Difficulty.created_at.desc())
        )
    ]
    return result


def _failed(session: Session, since: datetime) -> list[FailedDelivery]:
    """Answers and pushes that failed, and those that may not have arrived ("unknown": the
    platform never answered, or the process was killed while sending; never sent again)."""
    answers = [
        FailedDelivery(
            m.settled_at or m.received_at,
            "answer",
            m.platform,
            texts.MTG_OUTCOME_UNKNOWN if m.status == "unknown" else "",
        )
        for m in session.scalars(
            select(InboundMessage).where(
                InboundMessage.status.in_(("failed", "unknown")),
                InboundMessage.received_at >= since,
            )
        )
    ]
    pushes = [
        FailedDelivery(m.due_at, m.kind, m.platform, *_reason(m))
        for m in session.scalars(
            select(ScheduledMessage).where(
                ScheduledMessage.state.in_(("failed", "unknown")), ScheduledMessage.due_at >= since
            )
        )
    ]
    return sorted(answers + pushes, key=lambda f: f.at, reverse=True)


def _reason(row: ScheduledMessage) -> tuple[str, str]:
    reason = reasons.shown(row.last_error, row.state)
    return reason.text, reason.detail


def _missing_rsvps(session: Session, group: Group, now: datetime) -> MissingRsvps | None:
    event = session.scalars(
        select(Event)
        .where(Event.group_id == group.id, Event.kind == MEETING_KIND, Event.starts_at >= now)
        .order_by(Event.starts_at)
    ).first()
    if event is None:
        return None
    answered = set(session.scalars(select(Rsvp.member_id).where(Rsvp.event_id == event.id)).all())
    members = session.execute(
        select(Member.id, Member.name)
        .join(Membership, Membership.member_id == Member.id)
        .where(Membership.group_id == group.id)
        .order_by(Member.name)
    )
    missing = tuple(name for ident, name in members if ident not in answered)
    return MissingRsvps(
        group.name, event.id, event.title, event.starts_at, len(answered - {None}), missing
    )
