"""The command line's error boundary: an expected failure becomes one or two Korean lines.

Every ``gyoryu`` command runs inside :func:`run`. Usage errors, a refused change, a database or
Chroma server that is down, a missing or unreadable file, a bad setting: each is explained in
Korean on stderr with a non-zero exit code. Anything else is a defect and keeps its traceback, as
does everything under ``--debug``.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from typing import Any

import typer
from typer._click import exceptions

from handlers import cli_korean, texts

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def run(main: Callable[[], Any], *, debug: Callable[[], bool]) -> int:
    """Call ``main`` and return its exit code, explaining expected failures on stderr."""
    try:
        result = main()
    except exceptions.NoArgsIsHelpError:
        return EXIT_USAGE  # the help screen is already on the terminal
    except exceptions.UsageError as error:
        _say(cli_korean.usage_message(error), cli_korean.usage_line(error))
        return EXIT_USAGE
    except typer.Abort:
        _say(texts.ABORTED)
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say(texts.INTERRUPTED)
        return EXIT_INTERRUPTED
    except exceptions.ClickException as error:
        _say(error.format_message())
        return error.exit_code
    except Exception as error:
        message = None if debug() else explain(error)
        if message is None:
            if not debug():
                _say(texts.UNEXPECTED)
            raise
        _say(message, None if _is_settled(error) else texts.DEBUG_HINT)
        return EXIT_FAILED
    if result == EXIT_INTERRUPTED:  # Typer turns Ctrl+C into this exit code
        _say(texts.INTERRUPTED)
    return result if isinstance(result, int) else 0


def explain(error: BaseException) -> str | None:
    """A Korean explanation of an expected failure, or ``None`` for a defect."""
    for kind, explainer in _explainers():
        if isinstance(error, kind):
            message = explainer(error)
            if message is not None:
                return message
    return None


def _is_settled(error: BaseException) -> bool:
    """Failures whose message already says everything (a rule that refused a change)."""
    from bot.federation.errors import FederationError

    return isinstance(error, FederationError)


def _explainers() -> list[tuple[type[BaseException], Callable[[Any], str | None]]]:
    """Known failures, most specific first; libraries are imported only when present."""
    from pydantic import ValidationError
    from sqlalchemy import exc as sql

    from bot.federation.errors import FederationError
    from bot.storage.db import DatabaseDriverMissingError, DatabaseTooNewError

    return [
        (FederationError, str),
        (DatabaseTooNewError, str),
        (DatabaseDriverMissingError, lambda e: texts.database_driver_missing(e.dialect)),
        (ValidationError, _setting),
        (sql.ArgumentError, lambda _: texts.DATABASE_URL_INVALID),
        (sql.NoSuchModuleError, lambda _: texts.DATABASE_URL_INVALID),
        (sql.OperationalError, _database),
        (sql.InterfaceError, _database),
        (UnicodeDecodeError, lambda _: texts.BAD_ENCODING),
        (FileNotFoundError, lambda e: texts.file_missing(_filename(e))),
        (PermissionError, lambda e: texts.file_not_allowed(_filename(e))),
        (IsADirectoryError, lambda e: texts.file_is_folder(_filename(e))),
        (OSError, _os_error),
        (ValueError, _chroma),
        *_spreadsheet_errors(),
    ]


def _spreadsheet_errors() -> list[tuple[type[BaseException], Callable[[Any], str | None]]]:
    from zipfile import BadZipFile

    from openpyxl.utils.exceptions import InvalidFileException

    return [
        (BadZipFile, lambda _: texts.BAD_SPREADSHEET),
        (InvalidFileException, lambda _: texts.BAD_SPREADSHEET),
    ]


def _database(error: Any) -> str:
    """The driver's own first line says why (refused, unknown host, locked); keep it short."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    return texts.database_unreachable(reason[:160])


def _setting(error: Any) -> str:
    first = error.errors()[0]
    key = ".".join(str(part) for part in first.get("loc", ())) or error.title
    return texts.bad_setting(key, cli_korean.validation_reason(first) or str(first.get("msg", "")))


def _filename(error: OSError) -> str:
    return str(error.filename or "") or str(error)


_OS_REASONS = {
    errno.EEXIST: texts.NOT_A_FOLDER,  # mkdir where a file already has the name
    errno.ENOTDIR: texts.NOT_A_FOLDER,
    errno.ENOSPC: texts.DISK_FULL,
    errno.EROFS: texts.READ_ONLY,
    errno.ENAMETOOLONG: texts.NAME_TOO_LONG,
}


def _os_error(error: OSError) -> str | None:
    if error.filename is None:
        return None  # a socket or pipe failure inside a library: not a user's file
    reason = _OS_REASONS.get(error.errno or 0) or error.strerror or str(error)
    return texts.file_failed(_filename(error), reason)


def _chroma(error: ValueError) -> str | None:
    # chromadb's HttpClient reports a server it cannot reach as a plain ValueError.
    return texts.CHROMA_UNREACHABLE if "Chroma server" in str(error) else None


def _say(*lines: str | None) -> None:
    for line in lines:
        if line:
            typer.echo(line, err=True)
