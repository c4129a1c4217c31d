"""The demo's sample federation: 한빛연합회, its three groups, roster and 2026 schedule."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import clock
from bot.federation import advisors, event_sheet, groups, recurrence, roster
from bot.federation.tables import read_rows
from bot.storage.federation_models import Federation

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "samples" / "roster"
FEDERATION_NAME = "(사)한빛중소기업이업종교류연합회"
GROUPS = {
    "새벽교류회": "매월 둘째 주 화요일 오후 7시",
    "미래교류회": "매월 셋째 주 목요일 오후 6시 30분",
    "동행교류회": "매월 넷째 주 수요일 오후 7시",
}
ACTOR = "sample"


def load_sample_federation(session_factory: sessionmaker[Session]) -> bool:
    """Load the sample federation into an empty database; ``False`` if it already had one."""
    with session_factory.begin() as session:
        if session.scalars(select(Federation.id)).first() is not None:
            return False
        federation = Federation(
            name=FEDERATION_NAME,
            short_name="한빛연합회",
            region="한빛시",
            industry_digits=3,
            settings={},
        )
        session.add(federation)
        session.flush()
        for name, rule in GROUPS.items():
            groups.add_group(
                session,
                federation=federation,
                name=name,
                meeting_rule=recurrence.parse_korean(rule),
                actor=ACTOR,
            )
        report = roster.import_roster(session, SAMPLE_DIR / "hanbit_roster.csv", actor=ACTOR)
        assert not report.errors, report.errors
        _load_advisors(session, federation)
        event_sheet.load_events(
            session,
            SAMPLE_DIR / "events_2026.csv",
            federation=federation,
            until=datetime(2026, 12, 31, 23, 59, tzinfo=clock.KST),
            actor=ACTOR,
        )
    return True


def _load_advisors(session: Session, federation: Federation) -> None:
    rows = read_rows(SAMPLE_DIR / "advisors.csv")
    _, header = next(rows)
    for _, cells in rows:
        value = dict(zip((str(h) for h in header), (str(c or "") for c in cells), strict=False))
        serves = None
        if value["담당"] != "연합회 전체":
            serves = [groups.find_group(session, n) for n in advisors.split_fields(value["담당"])]
        advisors.add_advisor(
            session,
            federation=federation,
            name=value["성명"],
            title=value["직위"],
            affiliation=value["소속기관"],
            fields=advisors.split_fields(value["분야"]),
            phone=value["연락처"] or None,
            availability=value["가능 시간"] or None,
            serves=serves,
            actor=ACTOR,
        )
