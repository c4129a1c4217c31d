"""A whole bot on a fresh SQLite database, reached through the in-memory channel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import Caller, MemoryDirectory, Person
from bot.settings import BotSettings
from bot.storage.db import open_database
from handlers.memory import MemoryChannel
from tests.scenarios.answerer import FakeAnswerer

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
KIM = Person(member_id=1, name="김대표", audience=frozenset({"public", "members", "group:1"}))


@pytest.fixture
def sessions(migrated_data_dir: Path) -> Iterator[sessionmaker[Session]]:
    factory = open_database(BotSettings())
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def answerer() -> FakeAnswerer:
    return FakeAnswerer()


@pytest.fixture
def directory() -> MemoryDirectory:
    return MemoryDirectory(
        invites={"ABCD-EFGH": KIM},
        rooms={
            ("memory", "quiet-room"): Caller(answer_mode="quiet"),
            ("memory", "open-room"): Caller(answer_mode="all"),
        },
    )


@pytest.fixture
def log(sessions: sessionmaker[Session]) -> ConversationLog:
    return ConversationLog(sessions)


@pytest.fixture
def bot(answerer: FakeAnswerer, directory: MemoryDirectory, log: ConversationLog) -> Bot:
    return Bot(answerer=answerer, directory=directory, log=log, clock=lambda: NOW)


@pytest.fixture
def chat(bot: Bot) -> MemoryChannel:
    return MemoryChannel(bot, clock=lambda: NOW)
