"""Reading and writing spreadsheet files: CSV (UTF-8, UTF-8 with BOM or CP949) and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from bot import texts

Cell = str | int | float | date | datetime | None
# Excel column widths are in characters; a wide column is capped so one long note stays readable.
_MAX_WIDTH = 60
_PADDING = 2


def read_rows(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    """Yield ``(line number, cells)`` for every row of a ``.csv`` or ``.xlsx`` file."""
    if path.suffix.lower() == ".xlsx":
        yield from _read_xlsx(path)
    else:
        yield from _read_csv(path)


def decode(data: bytes) -> str:
    """Text of a CSV file saved by Excel or a text editor: BOM, then UTF-8, else CP949."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Korean Excel saves "CSV" in CP949 unless told otherwise.
        return data.decode("cp949")


def _read_csv(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    reader = csv.reader(io.StringIO(decode(path.read_bytes()), newline=""))
    start = 1
    for row in reader:
        yield start, list(row)
        start = reader.line_num + 1


def _read_xlsx(path: Path) -> Iterator[tuple[int, list[Cell]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        workbook.close()


def write_rows(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Write a header and rows as ``.xlsx`` or as CSV in UTF-8 with BOM (opens cleanly in Excel)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(path, header, rows)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([["" if c is None else _text(c) for c in row] for row in rows])


def _text(cell: Cell) -> str:
    return cell.isoformat() if isinstance(cell, date) else str(cell)


def _write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = texts.FED_ROSTER_SHEET
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str):
                cell.number_format = "@"  # keeps 010-… and numbers with leading zeros as text
    for index, name in enumerate(header):
        letter = get_column_letter(index + 1)
        widest = max([display_width(name), *(display_width(row[index]) for row in rows)])
        sheet.column_dimensions[letter].width = min(widest, _MAX_WIDTH) + _PADDING
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling
    sheet.auto_filter.ref = sheet.dimensions
    workbook.save(path)


def display_width(cell: Cell) -> int:
    """Columns ``cell`` takes on screen: Hangul and other wide characters count double."""
    from wcwidth import wcswidth

    if cell is None:
        return 0
    text = _text(cell)[:10] if isinstance(cell, date) else _text(cell)
    width = wcswidth(text)
    return width if width >= 0 else len(text)  # a control character makes wcswidth give up
