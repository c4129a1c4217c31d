"""``gyoryu events edit/remove/failures`` keep the scheduled messages in step with the calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from bot import texts
from bot.delivery import DeliveryError
from bot.federation import events, groups, rooms
from bot.schedule import queue, reasons
from bot.storage.schedule_models import ScheduledMessage
from handlers.cli import build_app

Run = Callable[..., tuple[int, str]]


@pytest.fixture
def gyoryu(migrated_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("DATABASE_URL", migrated_database_url)
    monkeypatch.setenv("COLUMNS", "200")
    app = build_app()

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(app, list(args))
        return result.exit_code, result.output

    return run


@pytest.fixture
def meeting_id(session_factory: sessionmaker[Session]) -> int:
    """A 정례회 in two weeks, for a group with a Telegram and a Slack room."""
    with session_factory.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        rooms.attach_room(session, platform="telegram", chat_id="-1001", group=group, actor="t")
        rooms.attach_room(session, platform="slack", chat_id="C0001", group=group, actor="t")
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="새벽교류회 정례회",
            starts_at=(datetime.now(UTC) + timedelta(days=14)).replace(microsecond=0),
            place="수원컨벤션센터",
            agenda=None,
            actor="t",
        )
        return meeting.id


def queued(sessions: sessionmaker[Session], kind: str) -> list[str]:
    """The platforms of the pending rows of one kind (a deleted event's rows keep no event id)."""
    with sessions() as session:
        rows = session.scalars(
            select(ScheduledMessage).where(
                ScheduledMessage.kind == kind, ScheduledMessage.state == "pending"
            )
        )
        return sorted(row.platform for row in rows)


def test_editing_an_event_queues_one_change_notice_per_room(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    code, output = gyoryu("events", "edit", str(meeting_id), "--place", "화성상공회의소 2층")

    assert code == 0, output
    assert texts.mtg_notices_queued(2) in output
    assert queued(session_factory, "change") == ["slack", "telegram"]


def test_removing_an_event_queues_a_cancellation_per_room(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        assert queue.plan_upcoming(session, now=datetime.now(UTC)) > 0
    assert queued(session_factory, "reminder") != []

    code, output = gyoryu("events", "remove", str(meeting_id))

    assert code == 0, output
    assert texts.mtg_notices_queued(2) in output
    assert queued(session_factory, "cancel") == ["slack", "telegram"]
    assert queued(session_factory, "reminder") == []


def test_failures_lists_nothing_when_every_send_went_out(gyoryu: Run) -> None:
    code, output = gyoryu("events", "failures")

    assert code == 0, output
    assert texts.MTG_NO_FAILURES in output


def test_failures_says_in_korean_why_with_the_platforms_words_on_their_own_line(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    old = "PermanentDeliveryError: telegram: Forbidden: bot was kicked from the group chat"
    with session_factory.begin() as session:
        assert queue.plan_upcoming(session, now=datetime.now(UTC)) > 0
        first, second = session.scalars(
            select(ScheduledMessage).order_by(ScheduledMessage.due_at).limit(2)
        ).all()
        first.state, first.last_error = "failed", old  # recorded in English before
        second.state = "failed"
        second.last_error = reasons.recorded(
            DeliveryError("slack: [Errno 111] Connection refused"), final=True
        )

    code, output = gyoryu("events", "failures")

    assert code == 0, output
    lines = output.splitlines()
    assert sum(line.endswith(texts.MTG_REASON_REMOVED) for line in lines) == 1
    assert sum(line.endswith(texts.MTG_REASON_GAVE_UP) for line in lines) == 1
    details = [line.strip() for line in lines if "Error" in line]
    assert sorted(details) == [
        "기술 정보: DeliveryError: slack: [Errno 111] Connection refused",
        f"기술 정보: {old}",
    ]
