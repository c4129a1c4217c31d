from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.federation import roster
from bot.federation.errors import FederationError
from bot.storage.federation_models import Company, Group, Member, Membership
from tests.conftest import REPO_ROOT

SAMPLE = REPO_ROOT / "samples" / "roster"
HEADER = "소속 교류회,회사명,사업자등록번호,업종코드,업종,성명,직위,연락처,가입일"
# The federation and its three groups exist before a roster comes in (tests/bot/federation).
pytestmark = pytest.mark.usefixtures("hanbit")


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _csv(tmp_path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "명부.csv"
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_the_sample_roster_imports_in_utf8_with_bom(session: Session) -> None:
    report = roster.import_roster(session, SAMPLE / "hanbit_roster.csv", actor="admin")

    assert report.errors == []
    assert (len(report.groups), len(report.companies), len(report.members)) == (3, 37, 40)
    leader = session.scalars(select(Membership).where(Membership.role == "leader")).first()
    assert leader is not None
    assert leader.joined_on is not None


def test_a_cp949_file_with_a_title_row_and_other_header_names(
    session: Session, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        "2026년 새벽교류회 회원명부,,,",
        "교류회,업체명,대표자,휴대폰,입회일",
        "새벽교류회,(주)한빛정밀,김도현,010-0000-0001,2015.3.10",
        encoding="cp949",
    )

    report = roster.import_roster(session, path, actor="admin")

    assert report.errors == []
    member = session.scalars(select(Member)).one()
    assert (member.name, member.phone, member.company and member.company.name) == (
        "김도현",
        "010-0000-0001",
        "(주)한빛정밀",
    )
    assert member.memberships[0].joined_on == date(2015, 3, 10)


def test_an_xlsx_with_excel_date_and_number_cells(session: Session, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    # Excel turns a mobile number and a business number into numbers, and dates into dates.
    sheet.append(
        [
            "미래교류회",
            "(주)미래로봇",
            2298617746,
            "C29280",
            "산업용 로봇 제조업",
            "신동욱",
            "대표이사",
            1000000015,
            date(2014, 3, 20),
        ]
    )
    path = tmp_path / "명부.xlsx"
    workbook.save(path)

    report = roster.import_roster(session, path, actor="admin")

    assert report.errors == []
    member = session.scalars(select(Member)).one()
    assert member.phone == "01000000015"
    assert member.memberships[0].joined_on == date(2014, 3, 20)
    company = session.scalars(select(Company)).one()
    assert company.business_number == "2298617746"


def test_a_file_with_bad_rows_writes_nothing_and_names_each_line(
    session: Session, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        HEADER,
        "새벽교류회,(주)한빛정밀,214-81-03473,C25924,절삭가공,김도현,대표,010-0000-0001,2015-03-10",
        "새벽교류회,(주)가짜,214-81-03474,C18111,인쇄,이서연,대표,010-0000-0002,",
        "새벽교류회,(주)대성열처리,,C25921,열처리,배정훈,대표,010-0000-0003,",
        ",(주)빈칸,,,,,,전화없음,어제",
    )

    report = roster.import_roster(session, path, actor="admin")

    assert not report.written
    assert [e.line for e in report.errors] == [3, 4, 5]
    assert "사업자등록번호" in report.errors[0].reason
    assert "(주)한빛정밀" in report.errors[1].reason  # same industry C259 in the same group
    assert "교류회" in report.errors[2].reason
    assert "성명" in report.errors[2].reason
    assert "연락처" in report.errors[2].reason
    assert "날짜" in report.errors[2].reason
    assert _count(session, Member) == 0


def test_skip_invalid_writes_the_good_rows_and_lists_the_rest(
    session: Session, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        HEADER,
        "새벽교류회,(주)한빛정밀,214-81-03473,C25924,절삭가공,김도현,대표,010-0000-0001,",
        "새벽교류회,(주)가짜,214-81-03474,C18111,인쇄,이서연,대표,010-0000-0002,",
    )

    report = roster.import_roster(session, path, actor="admin", skip_invalid=True)

    assert report.written
    assert [e.line for e in report.errors] == [3]
    assert [m.name for m in session.scalars(select(Member))] == ["김도현"]


def test_a_roster_without_the_key_columns_is_refused(session: Session, tmp_path: Path) -> None:
    with pytest.raises(FederationError, match="회사명"):
        roster.import_roster(session, _csv(tmp_path, "이름,전화", "김도현,010"), actor="admin")


def test_importing_twice_updates_instead_of_duplicating(session: Session, tmp_path: Path) -> None:
    first = _csv(tmp_path, HEADER, "새벽교류회,(주)한빛정밀,,C25924,,김도현,대표,,")
    roster.import_roster(session, first, actor="admin")
    second = _csv(
        tmp_path, HEADER, "새벽교류회,(주)한빛정밀,,C25924,,김도현,대표이사,010-0000-0001,"
    )

    roster.import_roster(session, second, actor="admin")

    member = session.scalars(select(Member)).one()
    assert (member.title, member.phone) == ("대표이사", "010-0000-0001")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_writes_the_same_shape_back(session: Session, tmp_path: Path, suffix: str) -> None:
    roster.import_roster(session, SAMPLE / "hanbit_roster.csv", actor="admin")
    session.commit()
    path = tmp_path / f"내보내기{suffix}"

    assert roster.export_roster(session, path) == 40

    if suffix == ".xlsx":
        workbook = load_workbook(path, read_only=True)
        first_row = next(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()  # read-only workbooks keep the file open until closed
        assert first_row[:3] == ("소속 교류회", "교류회 역할", "회사명")
    report = roster.import_roster(session, path, actor="admin")
    assert report.errors == []
    assert _count(session, Member) == 40
    assert _count(session, Company) == 37


def test_the_exported_workbook_is_readable_in_excel(session: Session, tmp_path: Path) -> None:
    roster.import_roster(session, SAMPLE / "hanbit_roster.csv", actor="admin")
    session.commit()
    path = tmp_path / "내보내기.xlsx"
    roster.export_roster(session, path)

    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    widths = {
        name: sheet.column_dimensions[cell.column_letter].width
        for name, cell in zip(header, sheet[1], strict=True)
    }

    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet[1][-1].column_letter}41"
    # Korean text is about two columns a character: "(주)한빛정밀" needs more than its 7 characters.
    assert widths["회사명"] >= 2 * len("(주)한빛정밀")
    assert widths["주요제품"] > widths["교류회 역할"]
    assert all(width <= 62 for width in widths.values())


def test_a_misspelt_group_is_a_row_error_naming_the_group_meant(
    session: Session, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        HEADER,
        "새벽교류회,(주)한빛정밀,214-81-03473,C25924,절삭가공,김도현,대표,010-0000-0001,",
        # Same industry (C259) as (주)한빛정밀: through a typo it would dodge the industry rule.
        "새벽 교류회,(주)새한정밀,,C25929,금속가공,이서연,대표,010-0000-0002,",
        "우주교류회,(주)별빛,,C18111,인쇄,박민준,대표,010-0000-0003,",
    )

    report = roster.import_roster(session, path, actor="admin")

    assert not report.written
    assert [e.line for e in report.errors] == [3, 4]
    assert "'새벽교류회'의 오타라면" in report.errors[0].reason
    assert "--create-groups" in report.errors[1].reason
    assert _count(session, Group) == 3


def test_new_groups_only_when_asked_and_never_a_respelling(
    session: Session, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        HEADER,
        "우주교류회,(주)별빛,,C18111,인쇄,박민준,대표,010-0000-0003,",
        "우주교류회,(주)달빛,,C10711,떡류,최하늘,대표,010-0000-0004,",
        "새벽 교류회,(주)새한정밀,,C25929,금속가공,이서연,대표,010-0000-0002,",
    )

    report = roster.import_roster(
        session, path, actor="admin", create_groups=True, skip_invalid=True
    )

    assert [e.line for e in report.errors] == [4]
    assert "띄어쓰기만 달라요" in report.errors[0].reason
    names = sorted(session.scalars(select(Group.name)))
    assert names == ["동행교류회", "미래교류회", "새벽교류회", "우주교류회"]


def test_the_networking_consent_column_is_recorded_with_its_date(
    session: Session, tmp_path: Path
) -> None:
    from bot.storage.network_models import NetworkProfile

    path = _csv(
        tmp_path,
        "소속 교류회,회사명,성명,주요제품,공정/설비,인증,관심분야,공개 범위",
        "새벽교류회,(주)한빛정밀,김도현,밸브 블록,5축 머시닝센터,ISO 9001,열처리 협력사,연합회",
        "새벽교류회,새벽인쇄(주),이서연,카탈로그,옵셋 인쇄기,FSC 인증,포장재,우리 교류회",
        "새벽교류회,(주)다온푸드,박민준,냉동 떡,급속 냉동기,HACCP,수출 대행사,",
    )

    report = roster.import_roster(session, path, actor="admin")

    assert report.errors == []
    scopes = {
        company.name: (profile.scope if profile else None, bool(profile and profile.scope_at))
        for company, profile in session.execute(
            select(Company, NetworkProfile).outerjoin(
                NetworkProfile, NetworkProfile.company_id == Company.id
            )
        )
    }
    assert scopes == {
        "(주)한빛정밀": ("federation", True),
        "새벽인쇄(주)": ("group", True),
        "(주)다온푸드": (None, False),  # no consent given: 비공개
    }
    company = session.scalars(select(Company).where(Company.name == "(주)한빛정밀")).one()
    assert (company.products, company.processes, company.certifications) == (
        "밸브 블록",
        "5축 머시닝센터",
        "ISO 9001",
    )


def test_an_unknown_consent_word_is_a_bad_row(session: Session, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "소속 교류회,회사명,성명,공개 범위",
        "새벽교류회,(주)한빛정밀,김도현,전체공개",
    )

    report = roster.import_roster(session, path, actor="admin")

    assert [(e.line, e.reason) for e in report.errors] == [
        (2, "공개 범위 '전체공개'는 비공개·교류회·연합회 가운데 하나여야 해요.")
    ]
    assert not report.written
