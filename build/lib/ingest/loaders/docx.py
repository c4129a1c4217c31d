"""Word files through python-docx: paragraphs, heading styles and table text, in order."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.document import Block, promote_title_line

_HEADING_STYLE = re.compile(r"^(?:heading|제목)\s*(\d)$", re.IGNORECASE)


def load(path: Path) -> list[Block]:
    """Blocks of a .docx file; tables become one line per row, cells separated by ' | '."""
    blocks: list[Block] = []
    for item in docx.Document(str(path)).iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(Block(item.text, level=_heading_level(item)))
        elif isinstance(item, Table):
            blocks.append(Block(_table_text(item)))
    return promote_title_line([block for block in blocks if block.text.strip()])


def _heading_level(paragraph: Paragraph) -> int | None:
    """1–9 for Title/Heading styles, ``None`` for body text."""
    name = paragraph.style.name if paragraph.style is not None else ""
    if name.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(name or "")
    return int(match.group(1)) if match else None


def _table_text(table: Table) -> str:
    """One line per row; merged cells (repeated by python-docx) are written once."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)
