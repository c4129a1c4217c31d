"""``gyoryu groups schedule`` and ``gyoryu events schedule``: reminder cadence per layer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from bot import texts
from bot.clock import KST
from bot.federation import events, groups, rooms
from bot.schedule import queue
from bot.schedule.planning import korean_holiday
from bot.storage.event_models import Event
from bot.storage.federation_models import Federation, Group
from bot.storage.schedule_models import EventScheduleOverride
from handlers.cli import build_app

Run = Callable[..., tuple[int, str]]
GROUP = "새벽교류회"


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
    """A 정례회 in two weeks for a group with a Telegram room, its sends already planned."""
    with session_factory.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name=GROUP, actor="t")
        groups.add_group(session, federation=federation, name="미래교류회", actor="t")
        rooms.attach_room(session, platform="telegram", chat_id="-1001", group=group, actor="t")
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="새벽교류회 정례회",
            starts_at=evening_in(14),
            place="수원컨벤션센터",
            agenda=None,
            actor="t",
        )
        queue.plan_upcoming(session, now=datetime.now(UTC))
        return meeting.id


def evening_in(days: int) -> datetime:
    """19:00 KST at least ``days`` ahead, on a working day, so every reminder can go out."""
    day = (datetime.now(KST) + timedelta(days=days)).date()
    while korean_holiday(day):
        day += timedelta(days=1)
    return datetime.combine(day, datetime.min.time().replace(hour=19), tzinfo=KST)


def row(output: str, label: str) -> str:
    """The table line of one setting."""
    return next(line for line in output.splitlines() if label in line)


def reminder_labels(sessions: sessionmaker[Session], event_id: int) -> list[str]:
    """The cadence steps of the event's pending reminders, e.g. ``["7d", "1d", "2h"]``."""
    with sessions() as session:
        return [
            m.key.rsplit(":", 1)[1]
            for m in queue.messages_of(session, event_id)
            if m.kind == "reminder" and m.state == "pending"
        ]


def group_settings(sessions: sessionmaker[Session], name: str = GROUP) -> dict[str, object]:
    with sessions() as session:
        return dict(groups.find_group(session, name).settings)


def test_a_group_override_shows_in_its_schedule_and_replans_its_reminders(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    assert reminder_labels(session_factory, meeting_id) == ["7d", "1d", "2h"]

    code, output = gyoryu("groups", "schedule", GROUP, "--reminders", "3d, 2h", "--no-holidays")

    assert code == 0, output
    assert texts.fed_saved("일정 설정", GROUP) in output
    assert "3일 전 · 2시간 전" in row(output, "행사 알림")
    assert "교류회" in row(output, "행사 알림")
    assert texts.FED_SCHEDULE_SEND_HOLIDAYS in row(output, "공휴일")
    assert "기본값" in row(output, "조용한 시간")
    assert "다시 잡았어요" in output
    assert group_settings(session_factory)["schedule"] == {
        "reminders": ["3d", "2h"],
        "skip_holidays": False,
    }
    assert reminder_labels(session_factory, meeting_id) == ["3d", "2h"]


def test_a_group_inherits_the_federation_default(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    code, output = gyoryu(
        "groups",
        "schedule",
        "--federation",
        "--quiet-hours",
        "22:00-07:00",
        "--digest-before",
        "48h",
    )
    assert code == 0, output
    assert "22:00~07:00" in row(output, "조용한 시간")

    code, output = gyoryu("groups", "schedule", GROUP)  # only shows

    assert code == 0, output
    assert "22:00~07:00" in row(output, "조용한 시간")
    assert "연합회" in row(output, "조용한 시간")
    assert "2일 전" in row(output, "애로사항 정리")  # stored as 2d
    assert "기본값" in row(output, "행사 알림")
    assert "다시 잡았어요" not in output
    assert "schedule" not in group_settings(session_factory)
    with session_factory() as session:
        federation = session.get(Federation, groups.find_group(session, GROUP).federation_id)
        assert federation is not None
        assert federation.settings["schedule"] == {
            "quiet_hours": "22:00-07:00",
            "digest_before": "2d",
        }


def test_an_event_override_wins_over_its_group(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    assert (
        gyoryu("groups", "schedule", GROUP, "--reminders", "3d", "--quiet-hours", "23:00-06:00")[0]
        == 0
    )

    code, output = gyoryu("events", "schedule", str(meeting_id), "--reminders", "5d,1h")

    assert code == 0, output
    assert "5일 전 · 1시간 전" in row(output, "행사 알림")
    assert "행사" in row(output, "행사 알림").split("│")[-2]
    assert "교류회" in row(output, "조용한 시간")
    with session_factory() as session:
        override = session.get(EventScheduleOverride, meeting_id)
        assert override is not None
        assert override.settings == {"reminders": ["5d", "1h"]}
    assert reminder_labels(session_factory, meeting_id) == ["5d", "1h"]


@pytest.mark.parametrize(
    "args",
    [
        ("--reminders", "7d,soon"),
        ("--quiet-hours", "25:00-07:00"),
        ("--quiet-hours", "밤 9시부터"),
        ("--reminders", "3d", "--prompt-before", "10 days"),
    ],
)
def test_a_bad_value_is_refused_and_nothing_is_written(
    gyoryu: Run,
    meeting_id: int,
    session_factory: sessionmaker[Session],
    args: tuple[str, ...],
) -> None:
    code, output = gyoryu("groups", "schedule", GROUP, *args)
    assert code == 1
    assert "이해하지 못했어요" in output
    assert "아무것도 저장하지 않았어요" in output

    code, output = gyoryu("events", "schedule", str(meeting_id), *args)
    assert code == 1
    assert "아무것도 저장하지 않았어요" in output

    assert "schedule" not in group_settings(session_factory)
    with session_factory() as session:
        assert session.get(EventScheduleOverride, meeting_id) is None
    assert reminder_labels(session_factory, meeting_id) == ["7d", "1d", "2h"]


def test_a_group_or_federation_must_be_named_but_not_both(gyoryu: Run, meeting_id: int) -> None:
    code, output = gyoryu("groups", "schedule", "--reminders", "3d")
    assert (code, texts.FED_SCHEDULE_SCOPE_MISSING in output) == (1, True)

    code, output = gyoryu("groups", "schedule", GROUP, "--federation")
    assert (code, texts.FED_SCHEDULE_SCOPE_BOTH in output) == (1, True)


def test_reset_clears_the_layer_and_falls_back(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    assert gyoryu("groups", "schedule", "--federation", "--reminders", "2d")[0] == 0
    assert gyoryu("groups", "schedule", GROUP, "--reminders", "3d")[0] == 0
    assert gyoryu("events", "schedule", str(meeting_id), "--reminders", "4d")[0] == 0
    assert reminder_labels(session_factory, meeting_id) == ["4d"]

    code, output = gyoryu("events", "schedule", str(meeting_id), "--reset")
    assert code == 0, output
    assert texts.FED_SCHEDULE_RESET in output
    assert "3일 전" in row(output, "행사 알림")
    assert "교류회" in row(output, "행사 알림")
    with session_factory() as session:
        assert session.get(EventScheduleOverride, meeting_id) is None
    assert reminder_labels(session_factory, meeting_id) == ["3d"]

    code, output = gyoryu("groups", "schedule", GROUP, "--reset")
    assert code == 0, output
    assert "2일 전" in row(output, "행사 알림")
    assert "연합회" in row(output, "행사 알림")
    assert "schedule" not in group_settings(session_factory)
    assert reminder_labels(session_factory, meeting_id) == ["2d"]

    code, output = gyoryu("groups", "schedule", "--federation", "--reset", "--prompt-before", "7d")
    assert code == 0, output
    assert "7일 전 · 1일 전 · 2시간 전" in row(output, "행사 알림")
    assert "기본값" in row(output, "행사 알림")
    assert "연합회" in row(output, "애로사항 요청")
    assert reminder_labels(session_factory, meeting_id) == ["7d", "1d", "2h"]


def test_other_groups_keep_their_pending_sends(
    gyoryu: Run, meeting_id: int, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as session:
        other = groups.find_group(session, "미래교류회")
        rooms.attach_room(session, platform="telegram", chat_id="-1002", group=other, actor="t")
        federation = session.get(Federation, other.federation_id)
        assert federation is not None
        later = events.add_event(
            session,
            federation=federation,
            group=other,
            kind="정례회",
            title="미래교류회 정례회",
            starts_at=evening_in(20),
            place=None,
            agenda=None,
            actor="t",
        )
        queue.plan_event(session, later, now=datetime.now(UTC))
        later_id = later.id

    assert gyoryu("groups", "schedule", GROUP, "--reminders", "3d")[0] == 0

    assert reminder_labels(session_factory, later_id) == ["7d", "1d", "2h"]
    with session_factory() as session:
        assert isinstance(session.get(Event, later_id), Event)
        assert isinstance(groups.find_group(session, "미래교류회"), Group)
