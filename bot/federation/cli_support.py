"""What every secretariat command shares: a session, Korean errors, tables, the ``db`` group."""

from __future__ import annotations

import getpass
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

console = Console()
db_app = typer.Typer(help="데이터베이스 관리(마이그레이션, 예시 데이터)", no_args_is_help=True)


def actor() -> str:
    """Who runs the command, for the audit log."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


@contextmanager
def transaction() -> Iterator[Session]:
    """A migrated database session committed on success; rule errors exit with code 1."""
    from bot.federation.errors import FederationError
    from bot.settings import BotSettings
    from bot.storage.db import DatabaseTooNewError, open_database

    try:
        sessions = open_database(BotSettings())
    except DatabaseTooNewError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    try:
        with sessions.begin() as session:
            yield session
    except FederationError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from error
    finally:
        # A CLI run is one transaction: close the pool so no connection outlives it.
        sessions.kw["bind"].dispose()


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print rows as a rich table."""
    shown = Table(title=title)
    for name in header:
        shown.add_column(name)
    for row in rows:
        shown.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(shown)


@db_app.command("upgrade")
def upgrade() -> None:
    """데이터베이스를 최신 구조로 올립니다."""
    from bot import texts
    from bot.storage.db import current_revision

    with transaction() as session:
        revision = current_revision(session.get_bind().engine)
    console.print(texts.FED_DB_UPGRADED.format(revision=revision))


@db_app.command("load-sample")
def load_sample() -> None:
    """빈 데이터베이스에 예시 연합회(한빛연합회) 명부와 일정을 불러옵니다."""
    from bot import texts
    from bot.federation.sample import load_sample_federation
    from bot.settings import BotSettings
    from bot.storage.db import open_database

    sessions = open_database(BotSettings())
    try:
        loaded = load_sample_federation(sessions)
    finally:
        sessions.kw["bind"].dispose()
    console.print(texts.FED_SAMPLE_LOADED if loaded else texts.FED_SAMPLE_SKIPPED)
