"""Pending dialog steps: one per account and room, taken once, dropped by kind, timed out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.dialog import STEP_TTL, DialogSteps, Pending
from bot.messages import Address

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def test_a_new_question_replaces_the_old_and_is_answered_once(
    session_factory: sessionmaker[Session],
) -> None:

    steps = DialogSteps(session_factory)
    me, in_room = Address("memory", "u1"), Address("memory", "u1", "room-1", is_group=True)
    steps.ask(me, "ex", "12", NOW)
    steps.ask(me, "rsvp", "5:20261208:proxy", NOW)
    steps.ask(in_room, "diff:share", "7", NOW)

    assert steps.pending(me) == Pending("rsvp:5:20261208:proxy", NOW)
    assert steps.take(me) == Pending("rsvp:5:20261208:proxy", NOW)
    assert steps.take(me) is None
    assert steps.pending(in_room) == Pending("diff:share:7", NOW)  # the room's step is its own


def test_dropping_by_kind_leaves_other_kinds(session_factory: sessionmaker[Session]) -> None:

    steps = DialogSteps(session_factory)
    me = Address("memory", "u1")
    steps.ask(me, "rsvp", "5:20261208:proxy", NOW)
    steps.drop(me, "ex")
    assert steps.pending(me) is not None

    steps.ask(me, "ex", "12", NOW)
    steps.drop(me, "ex")
    assert steps.pending(me) is None


def test_a_step_is_live_for_its_time_out_only() -> None:
    step = Pending("ex:12", NOW)

    assert step.live(NOW + STEP_TTL)
    assert not step.live(NOW + STEP_TTL + timedelta(seconds=1))
    assert step.live(NOW + timedelta(hours=2), ttl=timedelta(hours=3))
