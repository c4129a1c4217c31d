"""``gyoryu serve --telegram-polling``: updates fetched from getUpdates and answered once."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette

from bot.core import Bot
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram
from tests.handlers.conftest import running

PAYLOADS = REPO_ROOT / "tests" / "payloads" / "telegram"


def payload(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8")))


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    with fake_telegram() as fake:
        yield fake


@pytest.fixture
def app(bot: Bot, api: FakeTelegram) -> Starlette:
    # No webhook secret: polling needs only the token.
    config = ChannelSettings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.base_url)
    return build_server(bot, config, polling=True, channels=("handlers.telegram",))


async def caught_up(api: FakeTelegram) -> None:
    """Until the poller has confirmed every queued update with its offset."""
    assert await asyncio.to_thread(api.caught_up.wait, 10), "the poller never caught up"


async def test_polling_mode_serves_no_webhook_route(app: Starlette) -> None:
    async with running(app) as client:
        response = await client.post("/telegram/webhook", json=payload("private_text"))
        ready = (await client.get("/readyz")).json()

    assert response.status_code == 404
    assert ready["channels"] == {"telegram": "long polling"}


async def test_a_polled_question_is_answered_once(app: Starlette, api: FakeTelegram) -> None:
    update = payload("private_text")
    api.queue_update(update)

    async with running(app):
        await caught_up(api)
    # Leaving the server waits for the answers still being sent.

    assert api.calls("/deleteWebhook"), "a webhook left set would make getUpdates fail"
    [sent] = api.sent()
    assert sent["chat_id"] == 7001
    assert sent["text"].startswith("연회비는 60만 원이고")
    offsets = [call.get("offset") for call in api.calls("/getUpdates")]
    assert update["update_id"] + 1 in offsets, "the update was confirmed, so it is not resent"


async def test_an_update_offered_again_after_a_restart_is_not_answered_twice(
    bot: Bot, api: FakeTelegram
) -> None:
    # Telegram resends an update whose offset was never confirmed, e.g. after a crash.
    update = payload("private_text")
    api.queue_update(update)
    config = ChannelSettings(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.base_url)

    async with running(build_server(bot, config, polling=True, channels=("handlers.telegram",))):
        await caught_up(api)
    api.queue_update(update)
    async with running(build_server(bot, config, polling=True, channels=("handlers.telegram",))):
        await caught_up(api)

    assert len(api.sent()) == 1
