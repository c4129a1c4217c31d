"""``gyoryu network search``: what a member would see from ``/찾기``, for checks."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from bot.federation.sample import load_sample_federation
from bot.storage.federation_models import Member
from handlers.cli import build_app

Run = Callable[..., tuple[int, str]]


@pytest.fixture
def gyoryu(
    migrated_database_url: str,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    """``gyoryu …`` against the sample federation, returning (exit code, output)."""
    load_sample_federation(session_factory)
    monkeypatch.setenv("DATABASE_URL", migrated_database_url)
    monkeypatch.setenv("COLUMNS", "200")
    app = build_app()

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(app, list(args))
        return result.exit_code, result.output

    return run


def member_id(sessions: sessionmaker[Session], name: str) -> str:
    with sessions() as session:
        return str(session.scalars(select(Member.id).where(Member.name == name)).one())


def test_search_as_a_member_prints_json_in_rank_order(
    gyoryu: Run, session_factory: sessionmaker[Session]
) -> None:
    code, output = gyoryu(
        "network", "search", "사출", "--as", member_id(session_factory, "신동욱"), "--json"
    )

    assert code == 0
    found = json.loads(output)
    companies = [hit["company"] for hit in found]
    assert companies[0] == "(주)한빛메디텍"  # his own group (미래교류회) first
    assert {"한결플라스틱(주)", "한빛하이텍(주)"} <= set(companies[1:])
    assert found[0] == found[0] | {
        "industry": "그 외 기타 의료용 기기 제조업",
        "group": "미래교류회",
        "matched": "공정/설비: 사출, 조립 클린룸",
    }
    assert "010-" not in output
    assert "@" not in output


def test_consent_applies_to_the_command_too(
    gyoryu: Run, session_factory: sessionmaker[Session]
) -> None:
    dawn = member_id(session_factory, "최준호")  # 새벽교류회
    together = member_id(session_factory, "구민석")  # 동행교류회, like 한마음인력 (교류회 공개)

    _, theirs = gyoryu("network", "search", "생산직 채용", "--as", together, "--json")
    _, others = gyoryu("network", "search", "생산직 채용", "--as", dawn, "--json")

    assert "(주)한마음인력" in [hit["company"] for hit in json.loads(theirs)]
    assert "(주)한마음인력" not in [hit["company"] for hit in json.loads(others)]


def test_a_table_by_default_and_a_korean_line_for_an_unknown_member(gyoryu: Run) -> None:
    code, table = gyoryu("network", "search", "BLDC 모터", "--as", "1")
    bad_code, bad = gyoryu("network", "search", "금형", "--as", "9999")

    assert code == 0
    assert "(주)드림모터" in table
    assert "맞는 내용" in table
    assert bad_code == 1
    assert "회원번호 9999인 회원을 찾을 수 없어요." in bad


def test_the_secretariat_changes_the_monthly_introduction_limit(
    gyoryu: Run, session_factory: sessionmaker[Session]
) -> None:
    from bot.network import intros

    choi = member_id(session_factory, "최준호")

    assert gyoryu("network", "quota", "3") == (
        0,
        "연합회 기본 월 소개 요청 한도를 3회로 정했어요.\n",
    )
    code, output = gyoryu("network", "quota", "8", "--member", choi)

    assert code == 0
    assert "최준호 회원님의 월 소개 요청 한도를 8회로 정했어요." in output
    with session_factory() as session:
        kim = session.get_one(Member, int(member_id(session_factory, "김도현")))
        assert intros.quota_of(session, kim) == 3
        assert intros.quota_of(session, session.get_one(Member, int(choi))) == 8


def test_the_group_health_report_as_json_and_as_a_table(gyoryu: Run) -> None:
    code, output = gyoryu(
        "network", "report", "--json", "--group", "새벽교류회", "--month", "2026-03"
    )
    table_code, table = gyoryu("network", "report", "--month", "2026-03")
    bad_code, bad = gyoryu("network", "report", "--month", "3월")

    assert code == 0
    [dawn] = json.loads(output)
    assert dawn == dawn | {
        "group": "새벽교류회",
        "month": "2026-03",
        "members": 14,
        "meetings": 1,
        "attendance_rate": 0.0,
        "intros_requested": 0,
        "subgroups": {},
    }
    assert table_code == 0
    assert all(name in table for name in ("새벽교류회", "미래교류회", "동행교류회", "참석률"))
    assert bad_code == 1
    assert "'3월'는 월로 읽을 수 없어요." in bad


def test_a_pairing_round_without_participants_says_so(gyoryu: Run) -> None:
    code, output = gyoryu("network", "pair", "--round", "2026-03")

    assert code == 0
    assert "이미 진행했거나 참여한 회원사가 없어요" in output


def test_a_negative_quota_is_refused_in_korean(gyoryu: Run) -> None:
    code, output = gyoryu("network", "quota", "--", "-1")

    assert code == 1
    assert "한도는 0 이상의 숫자로 정해 주세요." in output


def test_the_secretariat_records_a_members_consent_with_its_date(
    gyoryu: Run, session_factory: sessionmaker[Session]
) -> None:
    from bot.storage.audit_models import AuditEntry

    ahn = member_id(session_factory, "안지호")  # (주)가온세무회계서비스, 비공개 on the roster
    kim = member_id(session_factory, "김도현")
    _, hidden = gyoryu("network", "search", "세무 기장", "--as", kim, "--json")
    _, before = gyoryu("network", "consent", ahn)

    code, output = gyoryu("network", "consent", ahn, "연합회")

    assert "(주)가온세무회계서비스" not in [hit["company"] for hit in json.loads(hidden)]
    assert "공개 범위 비공개" in before
    assert code == 0
    assert "(주)가온세무회계서비스: 공개 범위 연합회 전체" in output
    assert "안지호 회원님 동의" in output
    _, shown = gyoryu("network", "search", "세무 기장", "--as", kim, "--json")
    assert "(주)가온세무회계서비스" in [hit["company"] for hit in json.loads(shown)]
    _, recorded = gyoryu("network", "consent", "(주)가온세무회계서비스", "--json")
    assert json.loads(recorded) == json.loads(recorded) | {"scope": "federation", "by": "안지호"}
    assert json.loads(recorded)["since"] is not None
    with session_factory() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "network_scope")
        ).all()
        assert entries[-1].actor.startswith("cli")


def test_consent_refuses_an_unknown_scope_and_changes_nothing(
    gyoryu: Run, session_factory: sessionmaker[Session]
) -> None:
    ahn = member_id(session_factory, "안지호")

    code, output = gyoryu("network", "consent", ahn, "전체공개")
    _, after = gyoryu("network", "consent", ahn)

    assert code == 1
    assert "공개 범위 '전체공개'는 알 수 없어요." in output
    assert "공개 범위 비공개" in after


def test_search_says_whether_the_askers_own_company_can_be_found(
    gyoryu: Run, session_factory: sessionmaker[Session]
) -> None:
    _, private = gyoryu("network", "search", "금형", "--as", member_id(session_factory, "안지호"))
    _, public = gyoryu("network", "search", "금형", "--as", member_id(session_factory, "김도현"))

    assert (
        "(주)가온세무회계서비스는 다른 회원의 검색에 나오지 않아요(공개 범위: 비공개)." in private
    )
    assert "(주)한빛정밀은 다른 회원의 검색에 나와요(공개 범위: 연합회 전체)." in public
