"""Adding, changing and removing events; the rooms of a changed or cancelled meeting hear of it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.federation import audit, members
from bot.federation.errors import FederationError, NotFoundError
from bot.schedule import queue
from bot.secretariat import events
from bot.storage.event_models import Event
from bot.storage.schedule_models import ScheduledMessage

from .conftest import NOW, Hanbit


def notices(session: Session, kind: str) -> int:
    """Pending room notices of a kind (``change``, ``cancel``)."""
    query = select(ScheduledMessage).where(
        ScheduledMessage.kind == kind, ScheduledMessage.state == "pending"
    )
    return len(list(session.scalars(query)))


def test_a_repeated_event_becomes_a_series_until_the_year_end(
    session: Session, hanbit: Hanbit
) -> None:
    added = events.add_event(
        session,
        title="미래교류회 정례회",
        kind="정례회",
        start="2026-04-14 19:00",
        end="21:00",
        group="미래교류회",
        repeat="매월 둘째 주 화요일 오후 7시",
        actor="cli:kim",
    )

    assert added.title == "미래교류회 정례회"
    found = list(session.scalars(select(Event).where(Event.group_id == hanbit.future.id)))
    assert len(found) == 9  # April to December
    assert all(e.starts_at.astimezone(KST).hour == 19 for e in found)
    assert all(e.ends_at is not None and e.ends_at.astimezone(KST).hour == 21 for e in found)


def test_an_edit_is_audited_and_the_reminded_room_hears_of_it(
    session: Session, hanbit: Hanbit
) -> None:
    queue.plan_upcoming(session, now=NOW)

    changed = events.edit_event(
        session, event_id=hanbit.meeting.id, place="화성상공회의소", actor="cli:kim", now=NOW
    )

    assert changed.title == hanbit.meeting.title
    assert hanbit.meeting.place == "화성상공회의소"
    assert changed.notified == notices(session, "change") == 1
    [entry] = audit.entries_for(session, entity="event", entity_id=hanbit.meeting.id)[-1:]
    assert (entry.actor, entry.action) == ("cli:kim", "edit")


def test_an_end_before_the_start_is_refused(session: Session, hanbit: Hanbit) -> None:
    with pytest.raises(FederationError, match=re.escape(texts.FED_END_BEFORE_START)):
        events.edit_event(session, event_id=hanbit.meeting.id, end="오후 6시", actor="t", now=NOW)


def test_a_removed_meeting_is_cancelled_in_its_room(session: Session, hanbit: Hanbit) -> None:
    removed = events.remove_event(session, event_id=hanbit.meeting.id, actor="t", now=NOW)

    assert removed.title == "새벽교류회 3월 정례회"
    assert removed.notified == notices(session, "cancel") == 1
    assert session.get(Event, hanbit.meeting.id) is None
    with pytest.raises(NotFoundError):
        events.remove_event(session, event_id=hanbit.meeting.id, actor="t", now=NOW)


def test_an_rsvp_names_the_member(session: Session, hanbit: Hanbit) -> None:
    members.add_member(session, federation=hanbit.federation, name="김철수", actor="t")

    recorded = events.record_rsvp(
        session,
        event_id=hanbit.meeting.id,
        member="김철수",
        status="대리참석",
        proxy="이영희",
        now=NOW,
    )

    assert recorded == events.RsvpRecorded("김철수", "대리참석")
