"""Database fixtures: every storage test runs on SQLite and, with TEST_DATABASE_URL, PostgreSQL.

A migrated database comes from a template migrated once per session (see ``tests.databases``):
an SQLite copy, or a PostgreSQL schema (selected through ``search_path`` in the URL) that is
emptied after each test. An empty one, for the migration tests, is a fresh SQLite file or a
throw-away PostgreSQL schema. Nothing is left behind, so the suite can run again and again
against the same server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.storage.db import make_engine
from tests.databases import PostgresTemplate, copy_sqlite

BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database's URL: an SQLite file, or a throw-away PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    template: PostgresTemplate = request.getfixturevalue("postgres_template")
    schema = template.empty()
    try:
        yield template.url(schema)
    finally:
        template.drop(schema)


@pytest.fixture(params=BACKENDS)
def migrated_database_url(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[str]:
    """A database already migrated to the head: a copy of the session's template."""
    if request.param == "sqlite":
        yield copy_sqlite(sqlite_template, tmp_path / "test.db")
        return
    template: PostgresTemplate = request.getfixturevalue("postgres_template")
    schema = template.checkout()
    try:
        yield template.url(schema)
    finally:
        template.checkin(schema)


@pytest.fixture
def engine(migrated_database_url: str) -> Iterator[Engine]:
    """A migrated engine on the test database."""
    engine = make_engine(migrated_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on the migrated test database."""
    return sessionmaker(engine, expire_on_commit=False)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session, committed by the test when it needs to."""
    with session_factory() as session:
        yield session
