"""The server: health, readiness, start-up report, body limits and unknown routes."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from bot.core import Bot
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.handlers.conftest import running


def make_app(bot: Bot, **values: object) -> Starlette:
    return build_server(bot, ChannelSettings(**values))


async def test_health_and_readiness(bot: Bot) -> None:
    app = make_app(bot)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as before:
        assert (await before.get("/readyz")).status_code == 503

    async with running(app) as client:
        health = await client.get("/healthz")
        ready = await client.get("/readyz")

    assert health.json() == {"status": "ok"}
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "channels": {}}


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
