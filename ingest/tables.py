"""Tables as self-contained lines: every row carries its column labels.

Loaders give a table as one line per row with cells separated by ``|`` (Markdown rows also start
and end with one). Chunking cuts between lines, so a row read alone, "5월 | 5월 12일(화) | …",
no longer says which column is which. Each data row is rewritten as
``월: 5월 · 새벽교류회 (오후 7시): 5월 12일(화) · …`` so a question about "새벽교류회 5월" finds the
row and an answer can quote the one cell it needs with its label.
"""

from __future__ import annotations

import re

CELL_SEPARATOR = " · "
"""Joins the labelled cells of one row."""
LABEL_SEPARATOR = ": "
"""Separates a column label from its cell."""

_RULE = re.compile(r"^:?-{2,}:?$")


def label_table_rows(text: str) -> str:
    """``text`` with every table row rewritten as labelled cells (other lines unchanged)."""
    lines = text.split("\n")
    output: list[str] = []
    index = 0
    while index < len(lines):
        if _cells(lines[index]) is None:
            output.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and _cells(lines[end]) is not None:
            end += 1
        output.extend(_labelled(lines[index:end]))
        index = end
    return "\n".join(output)


def is_row(line: str) -> bool:
    """True when ``line`` is a table row (two cells or more)."""
    return _cells(line) is not None


def _cells(line: str) -> list[str] | None:
    """The cells of a table row, or ``None`` when the line is not one."""
    if " | " not in line and not line.lstrip().startswith("|"):
        return None
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return cells if len([cell for cell in cells if cell]) >= 2 else None


def _labelled(rows: list[str]) -> list[str]:
    """One table's rows as labelled lines; the header row itself is dropped."""
    table = [cells for row in rows if (cells := _cells(row)) is not None]
    ruled = len(table) > 1 and all(_RULE.match(cell) for cell in table[1] if cell)
    body = [cells for cells in table if not all(_RULE.match(cell) for cell in cells if cell)]
    if ruled or (len(body) >= 3 and len(body[0]) >= 3):
        header, body = body[0], body[1:]
    else:
        header = []
    lines = []
    for cells in body:
        if header:
            parts = [
                f"{header[i]}{LABEL_SEPARATOR}{cell}" if i < len(header) and header[i] else cell
                for i, cell in enumerate(cells)
                if cell
            ]
        elif len(cells) == 2:  # a key-value table: "지원 한도 | 회원사당 한 해 2건"
            parts = [f"{cells[0]}{LABEL_SEPARATOR}{cells[1]}"]
        else:
            parts = [cell for cell in cells if cell]
        lines.append(CELL_SEPARATOR.join(parts))
    return lines
