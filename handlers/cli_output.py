"""How list commands print: a table that wraps instead of cutting, or JSON for other tools.

Every ``… list`` command (and ``gyoryu sources``) takes ``--json`` (one JSON array of objects keyed
by stable English names, in the order of the table's columns) and ``--wide`` (one line per row,
for wide terminals or ``less -S``). By default a long name or path folds onto the next line of its
cell, so nothing is ever cut off.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated

import typer

from handlers import cli_texts

AsJson = Annotated[bool, typer.Option("--json", help=cli_texts.JSON_HELP)]
Wide = Annotated[bool, typer.Option("--wide", help=cli_texts.WIDE_HELP)]
_WIDE_COLUMNS = 10_000


def show(
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    as_json: bool = False,
    wide: bool = False,
    right: Sequence[str] = (),
    keys: Sequence[str] | None = None,
) -> None:
    """Print ``rows`` under ``header``: a folding table, a one-line-per-row table, or JSON.

    JSON objects are keyed by ``keys`` (stable English names for tools) or else by the header.
    """
    if as_json:
        names = header if keys is None else keys
        records = [dict(zip(names, (_plain(cell) for cell in row), strict=True)) for row in rows]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for name in header:
        table.add_column(
            name,
            justify="right" if name in right else "left",
            overflow="fold",
            no_wrap=wide,
        )
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console = Console(width=_WIDE_COLUMNS) if wide else Console()
    console.print(table, crop=not wide)


def _plain(cell: object) -> object:
    """JSON keeps numbers, text and null; anything else is shown as text."""
    return cell if cell is None or isinstance(cell, int | float | str | bool) else str(cell)
