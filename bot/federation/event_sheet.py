"""Loading a year's schedule from a spreadsheet: one row per event or recurring series.

Columns: 구분, 제목, 교류회 (empty: federation-wide), 시작, 종료, 장소, 안건, 반복 (Korean rule)
and, for a series, 제외 날짜: days the rule would give but the meeting does not happen there (a
holiday, a 현장 정례회 elsewhere). Such a meeting is then a row of its own with its date and place.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy.orm import Session

from bot import clock, texts
from bot.federation import events, groups, recurrence
from bot.federation.errors import FederationError
from bot.federation.tables import Cell, read_rows
from bot.federation.when import BadWhenError, parse_when
from bot.storage.federation_models import Federation

HEADER = ("구분", "제목", "교류회", "시작", "종료", "장소", "안건", "반복", "제외 날짜")


def load_events(
    session: Session, path: Path, *, federation: Federation, until: datetime, actor: str
) -> int:
    """Create the events of ``path``, expanding series up to ``until``; returns rows loaded."""
    rows = read_rows(path)
    _, header = next(rows)
    index = {str(name).strip(): i for i, name in enumerate(header) if name}
    loaded = 0
    for line, cells in rows:
        value = {name: cells[i] if i < len(cells) else None for name, i in index.items()}
        if not value.get("제목"):
            continue
        try:
            _load_row(session, value, federation, until, actor)
        except (ValueError, FederationError) as error:
            raise FederationError(texts.fed_row_error(line, str(error))) from error
        loaded += 1
    return loaded


def _load_row(
    session: Session,
    value: dict[str, Cell],
    federation: Federation,
    until: datetime,
    actor: str,
) -> None:
    group = groups.find_group(session, str(value["교류회"])) if value.get("교류회") else None
    start = kst_datetime(value["시작"])
    end = kst_datetime(value["종료"], day=start.date()) if value.get("종료") else None
    kind, title = str(value["구분"]), str(value["제목"])
    place = str(value["장소"]) if value.get("장소") else None
    if value.get("반복"):
        events.add_series(
            session,
            federation=federation,
            group=group,
            kind=kind,
            title=title,
            rule=recurrence.parse_korean(str(value["반복"])),
            first_start=start,
            until=until,
            duration=(end - start) if end else events.DEFAULT_DURATION,
            place=place,
            actor=actor,
            skip=_dates(value.get("제외 날짜")),
        )
        return
    events.add_event(
        session,
        federation=federation,
        group=group,
        kind=kind,
        title=title,
        starts_at=start,
        ends_at=end,
        place=place,
        agenda=str(value["안건"]) if value.get("안건") else None,
        actor=actor,
    )


def _dates(cell: Cell) -> set[date]:
    """The days listed in a cell: one Excel date, or text such as ``2026-05-27, 2026-09-23``."""
    if cell is None or cell == "":
        return set()
    if isinstance(cell, datetime):
        return {cell.date()}
    if isinstance(cell, date):
        return {cell}
    parts = (part.strip() for part in re.split(r"[,;\n]", str(cell)))
    return {kst_datetime(part).date() for part in parts if part}


def kst_datetime(cell: Cell, *, day: date | None = None) -> datetime:
    """A KST datetime from an Excel date cell or text (see :mod:`bot.federation.when`).

    A time alone (``오후 4시``) is taken on ``day`` when one is given: an end on the start's day.
    """
    if isinstance(cell, datetime):
        moment = cell
    elif cell is None or isinstance(cell, int | float):
        raise BadWhenError(texts.fed_bad_when(str(cell)))
    elif not isinstance(cell, str):
        moment = datetime.combine(cell, time(0))
    else:
        return parse_when(cell, now=datetime.now(clock.KST), day=day)
    return moment.replace(tzinfo=clock.KST) if moment.tzinfo is None else moment
