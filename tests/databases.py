"""Migrated databases for tests, copied from a template migrated once per test session.

Running Alembic for every test cost more than the tests themselves. Instead the session migrates
one SQLite file, copied for each test, and (with ``TEST_DATABASE_URL``) one PostgreSQL schema,
emptied after each test (see :class:`PostgresTemplate`).
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, event, text
from sqlalchemy.exc import OperationalError

from bot.storage.db import make_engine, upgrade


def migrate_sqlite_template(folder: Path) -> Path:
    """Migrate a fresh SQLite file in ``folder`` to the head and return its path."""
    path = folder / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection checkpoints the WAL: the file alone is the database
    return path


def copy_sqlite(template: Path, target: Path) -> str:
    """Copy the migrated template to ``target`` and return its URL."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


class PostgresTemplate:
    """Migrated PostgreSQL schemas for tests, without running Alembic or DDL for each test.

    The session migrates one schema with Alembic and records the statements it sent; a fresh
    migrated schema is a replay of them (:meth:`clone`). Creating tables is still the costly part on
    a busy server, so tests take turns on one migrated schema (:meth:`checkout`/:meth:`checkin`):
    after each test its rows are deleted and its sequences restarted, which leaves the schema
    exactly as migrated. A test that changed the structure (a downgrade, a version it wrote) is
    caught by comparing the catalogue before and after; its schema is dropped and the next test
    gets a new replay. (``CREATE DATABASE … TEMPLATE`` was tried first: it copies the whole
    catalogue through the WAL and was slower than running the migrations on a busy machine.)
    """

    def __init__(self, base_url: str) -> None:
        self._base = base_url
        self._admin: Engine = make_engine(self.url(None))
        self._statements: list[tuple[str, Any]] = []
        schema = self.empty()
        engine = make_engine(self.url(schema))
        event.listen(engine, "before_cursor_execute", self._record)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
            self.drop(schema)
        self._shared: str | None = None
        self._shape = ""
        self._emptying: list[str] = []

    def url(self, schema: str | None) -> str:
        """The URL of the test database with ``schema`` first on the search path.

        Commits do not wait for the WAL to reach the disk (``synchronous_commit=off``): what a
        test sees is the same, only a server crash could lose the last commits of a test database.
        """
        options = "-csynchronous_commit%3Doff"
        if schema is not None:
            options += f"%20-csearch_path%3D{schema}"
        separator = "&" if "?" in self._base else "?"
        return f"{self._base}{separator}options={options}"

    def checkout(self) -> str:
        """A migrated schema with no rows, for one test at a time; give it back with checkin."""
        if self._shared is None:
            self._shared = self.clone()
            with self._admin.connect() as connection:
                self._shape = _shape(connection, self._shared)
                self._emptying = _emptying_statements(connection, self._shared)
        return self._shared

    def checkin(self, schema: str) -> None:
        """Empty the schema for the next test, or drop it when the test changed its structure."""
        try:
            with self._admin.begin() as connection:
                connection.execute(text("SET LOCAL lock_timeout = '5s'"))
                if _shape(connection, schema) != self._shape:
                    raise _Reshaped
                connection.execute(text(f'SET LOCAL search_path TO "{schema}"'))
                for statement in self._emptying:
                    connection.execute(text(statement))
        except (_Reshaped, OperationalError):
            self._shared = None
            self.drop(schema)

    def clone(self) -> str:
        """Create a new migrated schema and return its name."""
        schema = self.empty()
        with self._admin.begin() as connection:
            connection.execute(text(f'SET LOCAL search_path TO "{schema}"'))
            for statement, parameters in self._statements:
                connection.exec_driver_sql(statement, parameters)
        return schema

    def empty(self) -> str:
        """Create an empty schema (for the migration tests) and return its name."""
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with self._admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        return schema

    def drop(self, schema: str) -> None:
        """Drop a schema and everything in it."""
        with self._admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))

    def close(self) -> None:
        """Drop the shared schema and let go of the connections."""
        if self._shared is not None:
            self.drop(self._shared)
        self._admin.dispose()

    def _record(
        self,
        _connection: object,
        _cursor: object,
        statement: str,
        parameters: Any,
        _context: object,
        _executemany: bool,
    ) -> None:
        self._statements.append((statement, parameters or None))


class _Reshaped(Exception):
    """A test changed the structure of its schema (or its recorded revision)."""


def _shape(connection: Connection, schema: str) -> str:
    """A fingerprint of the schema's structure: any DDL or a new alembic version changes it.

    Object ids change whenever a table, index, sequence or constraint is dropped and created
    again; ``relfilenode`` whenever a table is rewritten; ``relnatts`` whenever a column is added.
    """
    relations = connection.execute(
        text(
            "SELECT string_agg(oid::text || '/' || relfilenode || '/' || relnatts, ','"
            " ORDER BY oid) FROM pg_class WHERE relnamespace = CAST(:schema AS regnamespace)"
        ),
        {"schema": schema},
    ).scalar_one()
    constraints = connection.execute(
        text(
            "SELECT string_agg(oid::text, ',' ORDER BY oid) FROM pg_constraint"
            " WHERE connamespace = CAST(:schema AS regnamespace)"
        ),
        {"schema": schema},
    ).scalar_one()
    version = connection.execute(
        text(f"SELECT string_agg(version_num, ',') FROM \"{schema}\".alembic_version")
    ).scalar_one()
    return f"{relations}|{constraints}|{version}"


def _emptying_statements(connection: Connection, schema: str) -> list[str]:
    """Delete every row (children before parents) and restart every sequence at 1."""
    tables = MetaData(schema=schema)
    tables.reflect(connection)
    deletes = [
        f'DELETE FROM "{table.name}"'
        for table in reversed(tables.sorted_tables)
        if table.name != "alembic_version"
    ]
    sequences = connection.execute(
        text("SELECT sequencename FROM pg_sequences WHERE schemaname = :schema"),
        {"schema": schema},
    ).scalars()
    return deletes + [f"SELECT setval('\"{name}\"', 1, false)" for name in sequences]
