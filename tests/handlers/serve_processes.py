"""Real ``gyoryu serve`` processes on a database of their own, and a look at its rows.

The database is an SQLite file or (with ``TEST_DATABASE_URL``) a freshly migrated PostgreSQL
schema of its own, dropped afterwards: the processes never touch the schema other tests share.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.storage.conversation_models import InboundMessage
from bot.storage.db import make_engine
from tests.bot.conftest import BACKENDS
from tests.databases import PostgresTemplate, copy_sqlite
from tests.fakes.telegram_api import TOKEN, FakeTelegram
from tests.handlers.test_serve_command import free_port, start_serve

GUARD_S = 120.0
"""Ends a hung wait; nothing is measured against it."""

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
SECRET = "serve-webhook-secret"


@dataclass
class ServeDatabase:
    """The database the serving processes share, and a look at it from the test."""

    url: str
    engine: Engine

    def rows(self) -> list[InboundMessage]:
        """Every recorded incoming message, in the order recorded."""
        with sessionmaker(self.engine, expire_on_commit=False)() as session:
            return list(session.scalars(select(InboundMessage).order_by(InboundMessage.id)))

    def lapse_claims(self, owner: str | None = None) -> int:
        """Date the open claims (of ``owner``, or of anyone) far back, as minutes later: the
        lease of a killed process has lapsed. How many."""
        query = update(InboundMessage).where(InboundMessage.status.in_(("answering", "sending")))
        if owner is not None:
            query = query.where(InboundMessage.claimed_by == owner)
        with Session(self.engine) as session, session.begin():
            return int(session.execute(query.values(claimed_at=LONG_AGO)).rowcount)  # type: ignore[attr-defined]


@pytest.fixture(params=BACKENDS)
def serve_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServeDatabase]:
    """A migrated database for serving processes: an SQLite file, or a PostgreSQL schema of
    its own (created from the session's migrated template, dropped afterwards)."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        url = copy_sqlite(template, tmp_path / "shared" / "gyoryu.db")
        engine = make_engine(url)
        yield ServeDatabase(url, engine)
        engine.dispose()
        return
    postgres: PostgresTemplate = request.getfixturevalue("postgres_template")
    schema = postgres.clone()
    engine = make_engine(postgres.url(schema))
    try:
        yield ServeDatabase(postgres.url(schema), engine)
    finally:
        engine.dispose()
        postgres.drop(schema)


def wait_for(condition: str, check: Callable[[], bool], *processes: subprocess.Popen[str]) -> None:
    """Wait until ``check()`` holds; fail at once when a process stopped, or after the guard."""
    deadline = time.monotonic() + GUARD_S
    while not check():
        for process in processes:
            assert process.poll() is None, f"gyoryu serve stopped: {process.communicate()}"
        assert time.monotonic() < deadline, f"never got to: {condition}"
        time.sleep(0.05)


def ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


class TelegramServe:
    """One ``gyoryu serve`` with the Telegram webhook on the fake Bot API and ``database``.

    Each has a data directory of its own (its own embedded document store); only the database
    and the fake are shared.
    """

    def __init__(self, folder: Path, api: FakeTelegram, database: ServeDatabase) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.process = start_serve(
            folder,
            self.port,
            DATABASE_URL=database.url,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_WEBHOOK_SECRET=SECRET,
            TELEGRAM_API_BASE_URL=api.base_url,
        )

    def wait_ready(self) -> None:
        wait_for("ready", lambda: ready(self.port), self.process)

    def post(self, update: dict[str, object]) -> None:
        """Deliver a webhook the way Telegram does; it must be acknowledged."""
        from handlers import telegram

        posted = httpx.post(
            f"http://127.0.0.1:{self.port}{telegram.WEBHOOK_PATH}",
            json=update,
            headers={telegram.SECRET_HEADER: SECRET},
            timeout=30,
        )
        assert posted.status_code == 200, posted.text

    def kill(self) -> None:
        """SIGKILL: nothing after this point runs in the process."""
        self.process.kill()
        self.process.communicate()

    def stop(self) -> tuple[str, str]:
        """Stop it as an operator would (if it still runs); what it printed."""
        if self.process.poll() is not None:
            return "", ""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.communicate()
