from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from bot.schedule import queue
from bot.schedule.rules import override_event
from bot.storage.federation_models import Group
from tests.bot.schedule.conftest import MEETING, World

BEFORE = MEETING - timedelta(days=20)


def no_holidays(_day: date) -> bool:
    return False


def keys(session: Session, world: World, state: str = "pending") -> list[tuple[str, str]]:
    return [
        (row.key, row.target)
        for row in queue.messages_of(session, world.meeting.id)
        if row.state == state
    ]


def test_a_meeting_is_planned_into_every_room_and_to_the_leaders(
    session: Session, world: World
) -> None:
    queued = queue.plan_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    session.commit()

    rows = queue.messages_of(session, world.meeting.id)
    by_kind: dict[str, set[str]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, set()).add(row.target)
    assert by_kind["reminder"] == {"telegram|-1001|-1001|", "slack|C0001|C0001|"}
    assert by_kind["prompt"] == by_kind["reminder"]
    # Leaders get the digest and the RSVP list in DM; the other group's room gets nothing.
    assert by_kind["digest"] == {"telegram||501|", "slack||U0002|"}
    assert by_kind["rsvp_list"] == by_kind["digest"]
    # Every member with a linked account may get one nudge; 최대표 has no account.
    assert by_kind["nudge"] == {"telegram||501|", "slack||U0002|", "telegram||503|"}
    assert queued == len(rows) == 3 * 2 + 2 + 2 + 2 + 3


def test_planning_twice_never_queues_twice(session: Session, world: World) -> None:
    first = queue.plan_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    again = queue.plan_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    also = queue.plan_upcoming(session, now=BEFORE, is_holiday=no_holidays)
    session.commit()

    assert first > 0
    assert again == also == 0
    assert len(queue.messages_of(session, world.meeting.id)) == first


def test_sends_whose_window_has_closed_are_not_planned(session: Session, world: World) -> None:
    queue.plan_event(session, world.meeting, now=MEETING - timedelta(hours=3))

    kinds = {row.kind for row in queue.messages_of(session, world.meeting.id)}
    labels = {row.key.rsplit(":", 1)[1] for row in queue.messages_of(session, world.meeting.id)}
    assert kinds == {"reminder"}
    assert labels == {"2h"}


def test_group_and_event_cadence_overrides(session: Session, world: World) -> None:
    group = session.get_one(Group, world.group.id)
    group.settings = {"schedule": {"reminders": ["3d", "1h"]}}
    queue.plan_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    labels = {r.key.rsplit(":", 1)[1] for r in queue.messages_of(session, world.meeting.id)}
    assert {"3d", "1h"} <= labels
    assert "7d" not in labels

    other_event = world.meeting
    override_event(session, other_event, reminders=["2d"])
    queue.reschedule_event(session, other_event, now=BEFORE, is_holiday=no_holidays)
    pending = {
        r.key.rsplit(":", 1)[1]
        for r in queue.messages_of(session, world.meeting.id)
        if r.kind == "reminder" and r.state == "pending"
    }
    assert pending == {"2d"}


def test_moving_a_meeting_replans_and_tells_each_room_once(session: Session, world: World) -> None:
    queue.plan_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    world.meeting.starts_at = MEETING + timedelta(days=7)
    world.meeting.place = "화성상공회의소 대회의실"

    told = queue.reschedule_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    told_again = queue.reschedule_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    session.commit()

    assert (told, told_again) == (2, 0)
    rows = queue.messages_of(session, world.meeting.id)
    notices = [r for r in rows if r.kind == "change"]
    assert {r.target for r in notices} == {"telegram|-1001|-1001|", "slack|C0001|C0001|"}
    assert "3월 17일(화) 오후 7시" in notices[0].payload["text"]  # type: ignore[index]
    assert "화성상공회의소" in notices[0].payload["text"]  # type: ignore[index]
    reminders = {r.due_at for r in rows if r.kind == "reminder"}
    assert min(reminders) == MEETING  # 7 days before the new date
    assert all(r.occurrence == "20260317" for r in rows)


def test_cancelling_cancels_pending_sends_and_tells_each_room_once(
    session: Session, world: World
) -> None:
    queue.plan_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)

    told = queue.cancel_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    again = queue.cancel_event(session, world.meeting, now=BEFORE, is_holiday=no_holidays)
    session.commit()

    assert (told, again) == (2, 0)
    rows = queue.messages_of(session, world.meeting.id)
    assert {r.state for r in rows if r.kind != "cancel"} == {"cancelled"}
    notices = [r for r in rows if r.kind == "cancel"]
    assert [r.state for r in notices] == ["pending", "pending"]
    assert "취소되었어요" in notices[0].payload["text"]  # type: ignore[index]


def test_a_late_evening_change_notice_waits_for_the_morning_unless_that_is_too_late(
    session: Session, world: World
) -> None:
    evening = datetime(2026, 3, 8, 22, 30, tzinfo=MEETING.tzinfo)
    queue.cancel_event(session, world.meeting, now=evening, is_holiday=no_holidays)
    (notice, *_) = [r for r in queue.messages_of(session, world.meeting.id) if r.kind == "cancel"]
    assert notice.due_at == datetime(2026, 3, 9, 8, 0, tzinfo=MEETING.tzinfo)

    world.meeting.starts_at = datetime(2026, 3, 9, 7, 30, tzinfo=MEETING.tzinfo)
    queue.reschedule_event(session, world.meeting, now=evening, is_holiday=no_holidays)
    (change, *_) = [r for r in queue.messages_of(session, world.meeting.id) if r.kind == "change"]
    assert change.due_at == evening
