"""The server: health, readiness, start-up report, body limits, calendar feeds, scheduler."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot import texts
from bot.clock import KST
from bot.core import Bot
from bot.federation import events, groups, rooms
from bot.schedule import queue
from bot.schedule.feeds import feed_token
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.handlers.conftest import running


def make_app(bot: Bot, **values: object) -> Starlette:
    return build_server(bot, ChannelSettings(**values))


async def test_health_and_readiness(bot: Bot) -> None:
    app = make_app(bot, KAKAO_SKILL_SECRET="skill-secret")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as before:
        starting = await before.get("/readyz")
    assert starting.status_code == 503
    assert starting.json()["status"] == "starting"

    async with running(app) as client:
        health = await client.get("/healthz")
        ready = await client.get("/readyz")

    assert health.json() == {"status": "ok"}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "channels": {"kakao": "skill /kakao/skill"}}


async def test_without_a_live_channel_the_server_is_not_ready_and_says_why(bot: Bot) -> None:
    app = make_app(bot)

    async with running(app) as client:
        health = await client.get("/healthz")
        ready = await client.get("/readyz")

    assert health.status_code == 200  # the process is alive …
    assert ready.status_code == 503  # … but no member can reach the bot
    assert ready.json() == {
        "status": "no_channels",
        "reason": texts.CH_NO_CHANNEL_LIVE,
        "channels": {},
    }


def test_the_start_up_report_says_which_channels_are_off_and_why(bot: Bot) -> None:
    app = make_app(bot, TELEGRAM_BOT_TOKEN="123:abc")

    report = app.state.report

    assert report[0] == "telegram: 꺼짐 — TELEGRAM_WEBHOOK_SECRET 설정이 없어요"
    assert report[1] == "slack: 꺼짐 — SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET 설정이 없어요"
    assert len(report) == 4


async def test_oversized_bodies_and_unknown_routes_are_refused(bot: Bot) -> None:
    app = make_app(bot, GYORYU_MAX_BODY_BYTES=100)

    async with running(app) as client:
        big = await client.post("/telegram/webhook", content=b"x" * 101)
        unknown = await client.post("/nowhere", content=b"{}")
        bad_length = await client.post("/healthz", headers={"content-length": "abc"})

    assert big.status_code == 413
    assert unknown.status_code == 404
    assert bad_length.status_code == 400


@dataclass
class Calendar:
    group_id: int
    event_id: int


def add_meeting(sessions: sessionmaker[Session], starts_at: datetime) -> Calendar:
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        rooms.attach_room(session, platform="telegram", chat_id="-1001", group=group, actor="t")
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="새벽교류회 정례회",
            starts_at=starts_at,
            place="수원컨벤션센터",
            agenda=None,
            actor="t",
        )
        return Calendar(group.id, meeting.id)


def calendar_app(bot: Bot, sessions: sessionmaker[Session]) -> Starlette:
    return build_server(
        bot, ChannelSettings(GYORYU_CALENDAR_SECRET="feed-key"), channels=(), sessions=sessions
    )


async def test_calendar_feeds_need_their_token(bot: Bot, sessions: sessionmaker[Session]) -> None:
    made = add_meeting(sessions, datetime(2026, 12, 8, 19, 0, tzinfo=KST))
    group_token = feed_token("feed-key", "group", made.group_id)
    event_token = feed_token("feed-key", "event", made.event_id)

    async with running(calendar_app(bot, sessions)) as client:
        feed = await client.get(f"/calendar/{made.group_id}.ics?t={group_token}")
        single = await client.get(f"/events/{made.event_id}.ics?t={event_token}")
        forged = await client.get(f"/calendar/{made.group_id}.ics?t={event_token}")
        bare = await client.get(f"/events/{made.event_id}.ics")
        missing = await client.get(f"/events/999.ics?t={feed_token('feed-key', 'event', 999)}")

    assert feed.status_code == single.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in feed.text
    assert "새벽교류회 정례회" in feed.text
    assert "BEGIN:VEVENT" in single.text
    assert [forged.status_code, bare.status_code, missing.status_code] == [404, 404, 404]


async def test_without_a_calendar_secret_there_are_no_feeds(
    bot: Bot, sessions: sessionmaker[Session]
) -> None:
    made = add_meeting(sessions, datetime(2026, 12, 8, 19, 0, tzinfo=KST))
    app = build_server(bot, ChannelSettings(), channels=(), sessions=sessions)

    async with running(app) as client:
        response = await client.get(f"/calendar/{made.group_id}.ics?t=anything")

    assert response.status_code == 404


async def test_the_scheduler_plans_reminders_on_start_and_stops_with_the_server(
    bot: Bot, sessions: sessionmaker[Session]
) -> None:
    made = add_meeting(sessions, datetime.now(UTC) + timedelta(days=10))

    async with running(calendar_app(bot, sessions)) as client:
        assert (await client.get("/readyz")).json()["status"] == "no_channels"  # started
        with sessions() as session:
            planned = queue.messages_of(session, made.event_id)

    assert {row.kind for row in planned} >= {"reminder"}
    assert {row.conversation for row in planned} == {"-1001"}
    still_running = [t for t in asyncio.all_tasks() if "run_forever" in repr(t.get_coro())]
    assert still_running == []


async def test_the_first_scheduler_round_runs_the_chores_of_networking_and_routing(
    bot: Bot, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[datetime] = []
    monkeypatch.setattr("bot.chores.CHORES", (lambda session, now: ran.append(now),))

    async with running(calendar_app(bot, sessions)):
        pass

    assert len(ran) >= 1  # gyoryu serve hands bot/chores.py's list to the scheduler
