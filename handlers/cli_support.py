"""What every secretariat command shares: a session, Korean errors, tables, the ``db`` group."""

from __future__ import annotations

import getpass
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from handlers import cli_output, cli_texts

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.secretariat.schedule import ScheduleChange

console = Console()
db_app = typer.Typer(help=cli_texts.DB_HELP, no_args_is_help=True)

# The schedule options of ``groups schedule`` and ``events schedule`` (see bot.schedule.rules).
Reminders = Annotated[str | None, typer.Option(help=cli_texts.REMINDERS_HELP)]
QuietHours = Annotated[str | None, typer.Option(help=cli_texts.QUIET_HOURS_HELP)]
Holidays = Annotated[
    bool | None,
    typer.Option(
        "--holidays/--no-holidays",
        help=cli_texts.HOLIDAYS_HELP,
    ),
]
PromptBefore = Annotated[str | None, typer.Option(help=cli_texts.PROMPT_BEFORE_HELP)]
NudgeBefore = Annotated[str | None, typer.Option(help=cli_texts.NUDGE_BEFORE_HELP)]
DigestBefore = Annotated[str | None, typer.Option(help=cli_texts.DIGEST_BEFORE_HELP)]
RsvpListBefore = Annotated[str | None, typer.Option(help=cli_texts.RSVP_LIST_BEFORE_HELP)]
Reset = Annotated[bool, typer.Option("--reset", help=cli_texts.RESET_HELP)]


def actor() -> str:
    """Who runs the command, for the audit log."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


@contextmanager
def transaction() -> Iterator[Session]:
    """A migrated database session, committed when the command succeeds.

    A refused change (:class:`~bot.federation.errors.FederationError`) rolls everything back; the
    command line's error boundary tells the user why.
    """
    from bot.settings import BotSettings
    from bot.storage.db import open_database

    sessions = open_database(BotSettings())
    try:
        with sessions.begin() as session:
            yield session
    finally:
        # A CLI run is one transaction: close the pool so no connection outlives it.
        sessions.kw["bind"].dispose()


def table(
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    as_json: bool = False,
    wide: bool = False,
    keys: Sequence[str] | None = None,
) -> None:
    """Print rows as a table that wraps long cells (or one line per row, or JSON keyed by keys)."""
    cli_output.show(title, header, rows, as_json=as_json, wide=wide, keys=keys)


def show_schedule(change: ScheduleChange, heading: str) -> None:
    """Print what a schedule change did and the table of what now applies under ``heading``."""
    from bot import texts

    if change.reset:
        console.print(texts.FED_SCHEDULE_RESET)
    if change.saved:
        console.print(texts.fed_saved(cli_texts.SAVED_SCHEDULE, change.name))
    table(texts.fed_schedule_title(heading), texts.FED_SCHEDULE_HEADER, change.rows)
    if change.replanned is not None:
        console.print(texts.fed_schedule_replanned(*change.replanned))


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
