"""The sample federation's schedule says what the sample documents say.

``/일정`` and the reminders read the events loaded from ``samples/roster/events_2026.csv``; the
answers come from ``samples/corpus``. A member who asks both must hear the same day, time, place
and name, so every sample event is checked against the documents' own text, both ways.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import format_kst
from bot.federation.sample import load_sample_federation
from bot.storage.event_models import Event
from bot.storage.federation_models import Group
from tests.conftest import SAMPLE_CORPUS


@pytest.fixture
def sample_events(session_factory: sessionmaker[Session]) -> list[Event]:
    load_sample_federation(session_factory)
    with session_factory() as session:
        query = select(Event).order_by(Event.starts_at)
        loaded = list(session.scalars(query))
        for event in loaded:
            _ = event.group  # loaded before the session closes
    return loaded


def federation_rows() -> dict[str, tuple[str, str]]:
    """``title → (when, place)`` from the table of events_2026.md."""
    text = (SAMPLE_CORPUS / "events_2026.md").read_text(encoding="utf-8")
    rows: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.match(r"\d+월 \d+일", cells[0]):
            rows[cells[1]] = (cells[0], cells[2])
    return rows


def group_meetings() -> dict[str, list[tuple[str, str]]]:
    """``group → [(when, place), …]`` from the table and lists of regular_meetings_2026.html."""
    html = (SAMPLE_CORPUS / "regular_meetings_2026.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    usual = {}
    moved = {}
    for item in page.find_all("li"):
        text = item.get_text()
        if match := re.fullmatch(r"(\S+교류회): 매월 .+?시(?: \d+분)?, (.+?)\. 간사.*", text):
            usual[match[1]] = match[2]
        elif match := re.fullmatch(r"(\S+교류회) (\d+월 \d+일)\(.\): (.+)", text):
            moved[(match[1], match[2])] = match[3]
    heads = [th.get_text() for th in page.find_all("th")[1:]]
    columns = [re.fullmatch(r"(\S+) \((.+)\)", head) for head in heads]
    meetings: dict[str, list[tuple[str, str]]] = {}
    for row in page.find("tbody").find_all("tr"):  # type: ignore[union-attr]
        for column, cell in zip(columns, row.find_all("td")[1:], strict=True):
            assert column is not None
            group, clock = column[1], column[2]
            day = cell.get_text().rstrip(" *")
            date = re.match(r"\d+월 \d+일", day)
            assert date is not None
            place = moved.get((group, date[0]), usual[group])
            meetings.setdefault(group, []).append((f"{day} {clock}", place))
    return meetings


def test_each_federation_event_has_the_documents_day_time_place_and_name(
    sample_events: list[Event],
) -> None:
    documented = federation_rows()
    federation_wide = [e for e in sample_events if e.group_id is None]

    assert sorted(e.title for e in federation_wide) == sorted(documented)
    for event in federation_wide:
        when, place = documented[event.title]
        # A multi-day row reads "6월 12일(금)~13일(토)"; its event starts on the first day.
        assert when.startswith(format_kst(event.starts_at)), event.title
        assert event.place == place, event.title


def test_each_regular_meeting_has_the_documents_day_time_and_place(
    sample_events: list[Event],
) -> None:
    documented = group_meetings()

    for group, expected in documented.items():
        loaded = [
            (format_kst(e.starts_at), e.place)
            for e in sample_events
            if isinstance(e.group, Group) and e.group.name == group
        ]
        assert loaded == expected, group


def test_the_year_end_notice_agrees_with_the_event(sample_events: list[Event]) -> None:
    notice = (SAMPLE_CORPUS / "notice_year_end_party.txt").read_text(encoding="utf-8")
    party = next(e for e in sample_events if "한빛인의 밤" in e.title)

    assert f"일시: 2026년 {format_kst(party.starts_at)}" in notice
    assert f"장소: {party.place}" in notice
    assert party.title in notice
