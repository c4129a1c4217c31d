"""Engine and session factory, with Alembic migrations run in code (no ``alembic.ini``)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, PoolResetState

from bot import texts
from bot.settings import BotSettings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseTooNewError(RuntimeError):
    """The database was migrated by a newer Gyoryu than the one running."""

    def __init__(self, revision: str) -> None:
        super().__init__(texts.fed_database_too_new(revision))
        self.revision = revision


class DatabaseDriverMissingError(RuntimeError):
    """The URL names a kind of database whose Python driver is not installed (``mysql://`` …)."""

    def __init__(self, dialect: str) -> None:
        super().__init__(f"no driver installed for {dialect}")
        self.dialect = dialect


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys, WAL (synced at checkpoints), a busy timeout
    for two processes, and connections that go back to the pool with nothing left reading.

    SQL parameters are members' words and numbers: errors never show them (``hide_parameters``).
    """
    if not url.startswith("sqlite"):
        try:
            return create_engine(url, pool_pre_ping=True, hide_parameters=True)
        except ModuleNotFoundError as missing:  # SQLAlchemy imports the driver here
            raise DatabaseDriverMissingError(url.split(":", 1)[0]) from missing
    engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "after_cursor_execute", _remember_cursor)
    event.listen(engine.pool, "reset", _close_cursors_left_reading)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if ":memory:" not in str(dbapi_connection):
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process still
        # loses nothing (the log is in the OS's hands), only a power cut may undo the last commits,
        # never corrupt the file. FULL made each of a message's five commits wait ~2 ms for the
        # disk while holding the one write lock every serving thread and process shares.
        cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


_CURSORS = "gyoryu_cursors"


def _remember_cursor(
    connection: Any, cursor: Any, _statement: str, _parameters: Any, _context: Any, _many: bool
) -> None:
    """Note each cursor a pooled SQLite connection runs (weakly: a finished one just goes)."""
    connection.info.setdefault(_CURSORS, weakref.WeakSet()).add(cursor)


def _close_cursors_left_reading(
    _dbapi_connection: Any, record: ConnectionPoolEntry, _state: PoolResetState
) -> None:
    """Close the cursors a unit of work left unfinished before its connection is pooled again.

    Why: an SQLite statement stepped but not finished holds a read snapshot, outside any
    transaction (so no rollback ends it), until its cursor is closed or garbage-collected. A
    result left unread, kept alive by an error's traceback, had a pooled connection show every
    later reader the database as it was (a hand-over the console had confirmed was missing from
    the page after it) and refuse every write with "database is locked", until the next garbage
    collection.
    """
    for cursor in list(record.info.pop(_CURSORS, ())):
        cursor.close()


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration pointing at the packaged migrations and this engine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision``, refusing a database newer than the code.

    A database already at the head is left alone without starting Alembic: every command and
    every start opens the database, and nearly always there is nothing to do.
    """
    current = current_revision(engine)
    if current is not None and current not in _known().revisions:
        raise DatabaseTooNewError(current)
    if current == head_revision() and revision in ("head", current):
        return
    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` when it was never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision this code knows."""
    return _known().head


@dataclass(frozen=True)
class _Revisions:
    """The packaged migrations' head and every revision id they know."""

    head: str
    revisions: frozenset[str]


@cache
def _known() -> _Revisions:
    """Read the packaged migrations once per process (they do not change while it runs)."""
    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    head = scripts.get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return _Revisions(head, frozenset(script.revision for script in scripts.walk_revisions()))


def open_database(settings: BotSettings) -> sessionmaker[Session]:
    """Open the configured database, migrate it to head and return a session factory."""
    url = settings.effective_database_url
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return sessionmaker(engine, expire_on_commit=False)
