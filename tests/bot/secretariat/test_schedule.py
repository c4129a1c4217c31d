"""Changing a schedule layer: the use-case behind ``groups schedule`` and ``events schedule``."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError
from bot.schedule import queue
from bot.secretariat.schedule import change_schedule

from .conftest import NOW, Hanbit

NOTHING: dict[str, str | bool | None] = {"reminders": None, "quiet_hours": None}


def reminders_of(session: Session, event_id: int) -> list[str]:
    return sorted(
        m.key.rsplit(":", 1)[1]
        for m in queue.messages_of(session, event_id)
        if m.kind == "reminder" and m.state == "pending"
    )


def value(rows: list[tuple[str, str, str]], key: str) -> tuple[str, str]:
    label = texts.FED_SCHEDULE_LABELS[key]
    return next((shown, source) for name, shown, source in rows if name == label)


def test_a_group_layer_is_stored_audited_and_its_meetings_replanned(
    session: Session, hanbit: Hanbit
) -> None:
    change = change_schedule(
        session, group="새벽교류회", given={"reminders": "3d"}, actor="cli:kim", now=NOW
    )

    assert change.name == "새벽교류회"
    assert change.saved
    assert change.replanned is not None
    assert change.replanned[0] == 1  # the one coming meeting of the group
    assert value(change.rows, "reminders")[1] == texts.FED_SCHEDULE_SOURCES["group"]
    assert reminders_of(session, hanbit.meeting.id) == ["3d"]
    [entry] = audit.entries_for(session, entity="group", entity_id=hanbit.dawn.id)[-1:]
    assert entry.actor == "cli:kim"


def test_an_event_layer_wins_over_its_group_and_reset_falls_back(
    session: Session, hanbit: Hanbit
) -> None:
    change_schedule(session, group="새벽교류회", given={"reminders": "3d"}, actor="t", now=NOW)
    mine = change_schedule(
        session, event=hanbit.meeting.id, given={"reminders": "2d,1d"}, actor="t", now=NOW
    )
    assert mine.event_id == hanbit.meeting.id
    assert mine.name == hanbit.meeting.title
    assert value(mine.rows, "reminders")[1] == texts.FED_SCHEDULE_SOURCES["event"]
    assert reminders_of(session, hanbit.meeting.id) == ["1d", "2d"]

    back = change_schedule(
        session, event=hanbit.meeting.id, given=NOTHING, reset=True, actor="t", now=NOW
    )

    assert back.reset
    assert not back.saved
    assert value(back.rows, "reminders")[1] == texts.FED_SCHEDULE_SOURCES["group"]
    assert reminders_of(session, hanbit.meeting.id) == ["3d"]


def test_showing_changes_nothing(session: Session, hanbit: Hanbit) -> None:
    shown = change_schedule(session, federation=True, given=NOTHING, actor="t", now=NOW)

    assert shown.name == hanbit.federation.name
    assert shown.replanned is None
    assert {source for _, _, source in shown.rows} == {texts.FED_SCHEDULE_SOURCES["default"]}
    assert audit.entries_for(session, entity="federation", entity_id=hanbit.federation.id) == []


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        ({}, texts.FED_SCHEDULE_SCOPE_MISSING),
        ({"group": "새벽교류회", "federation": True}, texts.FED_SCHEDULE_SCOPE_BOTH),
        ({"group": "새벽교류회", "event": 1}, texts.FED_SCHEDULE_SCOPE_BOTH),
    ],
)
def test_exactly_one_layer_is_named(
    session: Session, hanbit: Hanbit, scope: dict[str, object], message: str
) -> None:
    with pytest.raises(FederationError, match=re.escape(message)):
        change_schedule(session, given=NOTHING, actor="t", now=NOW, **scope)  # type: ignore[arg-type]


def test_a_bad_value_is_refused_before_anything_is_written(
    session: Session, hanbit: Hanbit
) -> None:
    with pytest.raises(FederationError, match="--quiet-hours"):
        change_schedule(
            session,
            group="새벽교류회",
            given={"reminders": "3d", "quiet_hours": "밤에"},
            actor="t",
            now=NOW,
        )

    assert "schedule" not in hanbit.dawn.settings
