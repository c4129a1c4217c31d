"""A served Gyoryu (Starlette app with its lifespan running) in front of a fake platform API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import MemoryDirectory
from bot.settings import BotSettings
from bot.storage.db import open_database
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.bot.conftest import (  # noqa: F401  the CLI tests use the core's database fixtures
    database_url,
    engine,
    migrated_database_url,
    session,
    session_factory,
)
from tests.handlers.serve_processes import serve_database  # noqa: F401  the serve processes' database
from tests.scenarios.answerer import FakeAnswerer

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
CHANNEL_KEYS = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_WEBHOOK_SECRET",
    "TELEGRAM_API_BASE_URL",
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_BASE_URL",
    "KAKAO_SKILL_SECRET",
    "KAKAO_BRIDGE_SECRET",
    "KAKAO_BRIDGE_SEND_URL",
    "GYORYU_MAX_BODY_BYTES",
)


@pytest.fixture(autouse=True)
def no_channel_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in CHANNEL_KEYS:
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def sessions(migrated_data_dir: Path) -> Iterator[sessionmaker[Session]]:
    factory = open_database(BotSettings())
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def answerer() -> FakeAnswerer:
    return FakeAnswerer()


@pytest.fixture
def log(sessions: sessionmaker[Session]) -> ConversationLog:
    return ConversationLog(sessions)


@pytest.fixture
def bot(answerer: FakeAnswerer, log: ConversationLog) -> Bot:
    return Bot(answerer=answerer, directory=MemoryDirectory(), log=log, clock=lambda: NOW)


@asynccontextmanager
async def running(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """Run the app's lifespan and give a client that talks to it in-process."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gyoryu.test") as client:
            yield client


async def settle(app: Starlette) -> None:
    """Wait until every background answer has been delivered."""
    await app.state.tasks.drain()


def settings(**values: Any) -> ChannelSettings:
    return ChannelSettings(**values)


__all__ = ["NOW", "build_server", "running", "settings", "settle"]
