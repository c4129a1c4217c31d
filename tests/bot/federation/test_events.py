from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import KST
from bot.federation import events, members
from bot.federation.errors import FederationError
from bot.federation.sample import load_sample_federation
from bot.storage.event_models import Event, Rsvp
from bot.storage.federation_models import Member

from .conftest import NOW, Hanbit


def _meeting(session: Session, hanbit: Hanbit) -> Event:
    return events.add_event(
        session,
        federation=hanbit.federation,
        group=hanbit.dawn,
        kind="정례회",
        title="3월 정례회",
        starts_at=datetime(2026, 3, 10, 19, tzinfo=KST),
        actor="admin",
    )


def test_a_series_becomes_one_event_per_month_in_kst(session: Session, hanbit: Hanbit) -> None:
    events.add_series(
        session,
        federation=hanbit.federation,
        group=hanbit.future,
        kind="정례회",
        title="미래교류회 정례회",
        rule="FREQ=MONTHLY;BYDAY=3TH;BYHOUR=18;BYMINUTE=30",
        first_start=datetime(2026, 1, 15, 18, 30, tzinfo=KST),
        until=datetime(2026, 12, 31, tzinfo=KST),
        actor="admin",
    )

    upcoming = events.upcoming(session, now=NOW, groups={hanbit.future.id})

    assert len(upcoming) == 10  # March to December
    assert upcoming[0].starts_at.astimezone(KST) == datetime(2026, 3, 19, 18, 30, tzinfo=KST)
    assert upcoming[0].ends_at == upcoming[0].starts_at + timedelta(hours=2)
    assert events.upcoming(session, now=NOW, groups={hanbit.dawn.id}) == []


def test_answering_again_replaces_the_previous_answer(session: Session, hanbit: Hanbit) -> None:
    meeting = _meeting(session, hanbit)
    kim = members.add_member(session, federation=hanbit.federation, name="김도현", actor="a")

    events.set_rsvp(session, event=meeting, member=kim, status="참석", now=NOW)
    events.set_rsvp(
        session, event=meeting, member=kim, status="대리참석", proxy_name="김철수 이사", now=NOW
    )

    answer = events.rsvp_of(session, event=meeting, member=kim)
    assert answer is not None
    assert (answer.status, answer.proxy_name) == ("대리참석", "김철수 이사")
    assert events.rsvp_counts(session, meeting) == {"참석": 0, "불참": 0, "미정": 0, "대리참석": 1}


def test_a_proxy_answer_needs_the_proxy_name(session: Session, hanbit: Hanbit) -> None:
    meeting = _meeting(session, hanbit)
    kim = members.add_member(session, federation=hanbit.federation, name="김도현", actor="a")

    with pytest.raises(FederationError, match="대리참석"):
        events.set_rsvp(session, event=meeting, member=kim, status="대리참석", now=NOW)


def test_concurrent_answers_are_neither_lost_nor_duplicated(
    session_factory: sessionmaker[Session], session: Session, hanbit: Hanbit
) -> None:
    meeting = _meeting(session, hanbit)
    people = [
        members.add_member(session, federation=hanbit.federation, name=f"회원{i}", actor="a")
        for i in range(6)
    ]
    session.commit()
    start = threading.Barrier(12)
    failures: list[BaseException] = []

    def answer(member_id: int, status: str) -> None:
        try:
            with session_factory.begin() as own:
                person = own.get_one(Member, member_id)
                start.wait()
                events.set_rsvp(own, event=meeting, member=person, status=status, now=NOW)
        except BaseException as error:  # reported below, threads swallow exceptions
            failures.append(error)

    # Every member answers twice at the same moment, from two "processes".
    threads = [
        threading.Thread(target=answer, args=(p.id, status))
        for p in people
        for status in ("참석", "불참")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    with session_factory() as check:
        rows = check.scalar(select(func.count()).select_from(Rsvp))
        counts = events.rsvp_counts(check, check.get_one(Event, meeting.id))
    assert rows == 6
    assert counts["참석"] + counts["불참"] == 6


def test_the_sample_federation_loads_once(session_factory: sessionmaker[Session]) -> None:
    assert load_sample_federation(session_factory) is True
    assert load_sample_federation(session_factory) is False

    with session_factory() as session:
        titles = {e.title for e in session.scalars(select(Event))}
        people = session.scalar(select(func.count()).select_from(Member))
    assert {
        "새벽교류회 정례회",
        "2026 신년하례회 및 제23차 정기총회",
        "베트남 호치민 해외시장개척단",
    } <= titles
    assert people == 48  # 40 roster members and 8 advisors
