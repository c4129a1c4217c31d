"""What the console shows of events: the list by scope, one event's board and failed sends."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.federation import events as core_events
from bot.federation import members
from bot.federation.errors import FederationError
from bot.schedule import queue
from bot.secretariat import events
from bot.storage.schedule_models import ScheduledMessage

from .conftest import NOW, Hanbit


def test_a_group_scope_lists_only_that_groups_events(session: Session, hanbit: Hanbit) -> None:
    core_events.add_event(
        session,
        federation=hanbit.federation,
        group=None,
        kind="총회",
        title="정기총회",
        starts_at=NOW + timedelta(days=3),
        actor="t",
    )

    everyone = events.upcoming_events(session, now=NOW, scope=None)
    dawn = events.upcoming_events(session, now=NOW, scope=frozenset({hanbit.dawn.id}))
    future = events.upcoming_events(session, now=NOW, scope=frozenset({hanbit.future.id}))

    assert [e.title for e in everyone] == ["정기총회", "새벽교류회 3월 정례회"]
    assert [(e.title, e.group) for e in dawn] == [("새벽교류회 3월 정례회", "새벽교류회")]
    assert future == []


def test_the_board_has_answers_silent_members_schedule_and_sends(
    session: Session, hanbit: Hanbit
) -> None:
    lee = members.add_member(session, federation=hanbit.federation, name="이대표", actor="t")
    park = members.add_member(session, federation=hanbit.federation, name="박대표", actor="t")
    for member in (lee, park):
        members.join_group(session, member=member, group=hanbit.dawn, role="member", actor="t")
    events.record_rsvp(
        session,
        event_id=hanbit.meeting.id,
        member="이대표",
        status="대리참석",
        proxy="이부장",
        now=NOW,
    )
    queue.plan_upcoming(session, now=NOW)

    board = events.event_board(session, event_id=hanbit.meeting.id)

    assert board.answers["대리참석"] == [texts.mtg_rsvp_proxy("이대표", "이부장")]
    assert board.answers["참석"] == []
    assert board.silent == ["박대표"]
    assert board.event.answered == 1
    labels = [label for label, _, _ in board.schedule]
    assert texts.FED_SCHEDULE_LABELS["reminders"] in labels
    assert board.sends
    assert {send.state for send in board.sends} == {"pending"}


def test_failed_and_unconfirmed_sends_are_listed_as_the_cli_lists_them(
    session: Session, hanbit: Hanbit
) -> None:
    queue.plan_upcoming(session, now=NOW)
    session.execute(update(ScheduledMessage).values(state="unknown", last_error="응답 없음"))

    failed = events.failed_sends(session)

    assert failed
    assert {(send.state, send.error, send.platform) for send in failed} == {
        ("unknown", "응답 없음", "telegram")
    }
    assert len(failed) == len(queue.failed_messages(session))


def test_a_moved_event_keeps_its_length(session: Session, hanbit: Hanbit) -> None:
    events.edit_event(session, event_id=hanbit.meeting.id, end="오후 9시", actor="t", now=NOW)

    events.edit_event(
        session, event_id=hanbit.meeting.id, start="2026-03-20 18:00", actor="t", now=NOW
    )

    ends = hanbit.meeting.ends_at
    assert ends is not None
    assert (ends.astimezone(KST).day, ends.astimezone(KST).hour) == (20, 20)


def test_an_event_without_a_title_is_refused(session: Session, hanbit: Hanbit) -> None:
    with pytest.raises(FederationError, match=re.escape(texts.FED_EVENT_TITLE_MISSING)):
        events.add_event(session, title=" ", kind="세미나", start="2026-03-20 18:00", actor="t")
