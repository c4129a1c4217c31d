"""The roster use-cases behind the 회원 page: import bytes with a row report, export, lists."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import linking, members
from bot.federation.errors import FederationError
from bot.secretariat import roster
from bot.storage.audit_models import AuditEntry
from bot.storage.federation_models import Member
from tests.bot.secretariat.conftest import NOW, Hanbit

HEADER = "소속 교류회,회사명,업종코드,업종,성명,직위,연락처"
GOOD = "새벽교류회,(주)한빛정밀,C25924,절삭가공,김도현,대표,010-0000-0001"
FUTURE = "미래교류회,(주)미래식품,C10711,제과,박서준,대표,010-0000-0002"
BAD = "없는교류회,(주)빈칸,,,,,전화없음"
ROSTER = "\n".join([HEADER, GOOD, BAD, FUTURE]).encode()


def test_the_good_rows_are_saved_and_a_bad_row_named_with_its_line_and_reason(
    session: Session, hanbit: Hanbit
) -> None:
    report = roster.import_file(session, name="명부.csv", data=ROSTER, actor="member:1")

    assert report.written
    assert (report.members, report.companies) == (2, 2)
    [problem] = report.problems
    assert problem.line == 3
    assert "성명" in problem.reason
    assert sorted(m.name for m in session.scalars(select(Member))) == ["김도현", "박서준"]


def test_without_skipping_a_bad_row_nothing_is_saved(session: Session, hanbit: Hanbit) -> None:
    report = roster.import_file(
        session, name="명부.csv", data=ROSTER, actor="member:1", skip_invalid=False
    )

    assert not report.written
    assert [p.line for p in report.problems] == [3]
    assert session.scalars(select(Member)).all() == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("명부.txt", b"x", texts.ROSTER_BAD_SUFFIX),
        ("명부.xlsx", b"not a workbook", texts.ROSTER_BAD_SPREADSHEET),
    ],
)
def test_a_file_that_is_not_a_roster_is_refused_in_korean(
    session: Session, hanbit: Hanbit, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(FederationError, match=message):
        roster.import_file(session, name=name, data=data, actor="member:1")


def test_the_export_is_a_workbook_of_the_imports_shape(session: Session, hanbit: Hanbit) -> None:
    roster.import_file(session, name="명부.csv", data=ROSTER, actor="member:1")

    body, count = roster.export_file(session, suffix=".xlsx")
    sheet = load_workbook(io.BytesIO(body)).active

    assert count == 2
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "소속 교류회"
    assert {row[0] for row in rows[1:]} == {"새벽교류회", "미래교류회"}


def test_a_group_admin_lists_only_their_groups_members_and_companies(
    session: Session, hanbit: Hanbit
) -> None:
    roster.import_file(session, name="명부.csv", data=ROSTER, actor="member:1")
    scope = frozenset({hanbit.dawn.id})

    people = roster.member_lines(session, scope=scope, now=NOW)
    firms = roster.company_lines(session, scope=scope)
    everyone = roster.member_lines(session, scope=None, now=NOW)

    assert [(m.name, m.groups) for m in people] == [("김도현", ("새벽교류회(회원)",))]
    assert [(c.name, c.groups, c.members) for c in firms] == [("(주)한빛정밀", ("새벽교류회",), 1)]
    assert [m.name for m in everyone] == ["김도현", "박서준"]
    future = next(m for m in everyone if m.name == "박서준")
    assert not roster.in_scope(session, member_id=future.id, scope=scope)
    assert roster.in_scope(session, member_id=future.id, scope=None)


def test_consent_and_an_outstanding_invite_are_shown(session: Session, hanbit: Hanbit) -> None:
    roster.import_file(session, name="명부.csv", data=ROSTER, actor="member:1")
    kim = session.scalars(select(Member).where(Member.name == "김도현")).one()
    members.record_consent(session, kim, when=NOW, scope="개인정보 수집·이용")
    linking.issue_invite(session, member=kim, actor="member:1", now=NOW)

    [line] = [m for m in roster.member_lines(session, scope=None, now=NOW) if m.id == kim.id]
    later = roster.member_lines(session, scope=None, now=NOW + timedelta(days=8))

    assert line.consent_at is not None
    assert line.consent_scope == "개인정보 수집·이용"
    assert line.invite_expires_at is not None
    assert next(m for m in later if m.id == kim.id).invite_expires_at is None


def test_reading_a_members_data_is_audited(session: Session, hanbit: Hanbit) -> None:
    roster.import_file(session, name="명부.csv", data=ROSTER, actor="member:1")
    kim = session.scalars(select(Member).where(Member.name == "김도현")).one()

    name, data = roster.member_data(session, member_id=kim.id, actor="member:9")

    assert name == "김도현"
    assert "김도현" in str(data)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "data_export")).one()
    assert (entry.actor, entry.entity_id) == ("member:9", kim.id)
