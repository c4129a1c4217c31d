from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handlers.cli import build_app

Run = Callable[..., tuple[int, str]]


@pytest.fixture
def gyoryu(migrated_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("GYORYU_PUBLIC_URL", raising=False)
    app = build_app()

    def run(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(app, list(args))
        return result.exit_code, result.output

    return run


def roster(gyoryu: Run) -> None:
    assert gyoryu("groups", "add", "새벽교류회", "--federation", "한빛연합회")[0] == 0
    assert gyoryu("members", "add", "사무국장")[0] == 0
    assert gyoryu("members", "add", "박대표", "--group", "새벽교류회")[0] == 0


def test_an_admin_is_added_and_gets_a_local_link(gyoryu: Run) -> None:
    roster(gyoryu)

    added = gyoryu("admins", "add", "사무국장")
    code, output = gyoryu("admins", "link", "사무국장")

    assert added == (0, "사무국장님을 연합회 전체 콘솔 관리자로 등록했어요.\n")
    assert code == 0
    assert output.splitlines()[-1].startswith("http://127.0.0.1:8080/admin/login/")
    assert "15분" in output


def test_the_link_uses_the_public_url(gyoryu: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    roster(gyoryu)
    gyoryu("admins", "add", "사무국장")
    monkeypatch.setenv("GYORYU_PUBLIC_URL", "https://gyoryu.example.kr/")

    code, output = gyoryu("admins", "link", "사무국장")

    assert code == 0
    assert output.splitlines()[-1].startswith("https://gyoryu.example.kr/admin/login/")


def test_a_member_who_leads_no_group_is_refused_in_korean(gyoryu: Run) -> None:
    roster(gyoryu)

    code, output = gyoryu("admins", "add", "박대표", "--group", "새벽교류회")
    no_admin = gyoryu("admins", "link", "박대표")

    assert code == 1
    assert "회장이나 간사가 아니에요" in output
    assert no_admin[0] == 1
    assert "콘솔 관리자가 아니에요" in no_admin[1]
