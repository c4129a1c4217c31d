from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from bot.storage.db import make_engine
from handlers.cli import build_app
from tests.conftest import REPO_ROOT

Run = Callable[..., tuple[int, str]]
ROSTER = REPO_ROOT / "samples" / "roster" / "hanbit_roster.xlsx"


@pytest.fixture
def gyoryu(migrated_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run ``gyoryu …`` against the test database, returning (exit code, output)."""
    monkeypatch.setenv("DATABASE_URL", migrated_database_url)
    monkeypatch.setenv("COLUMNS", "200")
    app = build_app()

    def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
        result = CliRunner().invoke(app, list(args), input=stdin)
        return result.exit_code, result.output

    return run


def test_a_bad_roster_is_reported_by_line_and_nothing_is_written(
    gyoryu: Run, tmp_path: Path
) -> None:
    bad = tmp_path / "명부.csv"
    bad.write_text(
        "소속 교류회,회사명,사업자등록번호,성명\n"
        "새벽교류회,(주)한빛정밀,214-81-03473,김도현\n"
        "새벽교류회,(주)가짜,111-11-11111,이서연\n",
        encoding="utf-8",
    )

    code, output = gyoryu(
        "members", "import", str(bad), "--create-groups", "--federation", "한빛연합회"
    )

    assert code == 1
    assert "3행: 사업자등록번호 '111-11-11111'" in output
    assert "아무것도 저장하지 않았어요" in output
    assert "김도현" not in gyoryu("members", "list")[1]


def test_the_roster_goes_in_from_excel_and_back_out_as_csv(gyoryu: Run, tmp_path: Path) -> None:
    code, output = gyoryu(
        "members", "import", str(ROSTER), "--create-groups", "--federation", "한빛연합회"
    )
    assert (code, output.strip()) == (
        0,
        "명부를 가져왔어요. 회사 37곳, 회원 40명, 교류회 3곳을 반영했어요.",
    )

    code, output = gyoryu("members", "export", str(tmp_path / "out.csv"))

    assert code == 0
    assert "회원 40명" in output
    assert (
        (tmp_path / "out.csv").read_text(encoding="utf-8-sig").startswith("소속 교류회,교류회 역할")
    )


def test_a_company_in_a_taken_industry_needs_an_admin_reason(gyoryu: Run) -> None:
    gyoryu("members", "import", str(ROSTER), "--create-groups", "--federation", "한빛연합회")

    code, output = gyoryu(
        "companies", "add", "(주)새한정밀", "--ksic", "C25929", "--group", "새벽교류회"
    )
    assert code == 1
    assert "(주)한빛정밀" in output

    code, output = gyoryu(
        "companies",
        "add",
        "(주)새한정밀",
        "--ksic",
        "C25929",
        "--group",
        "새벽교류회",
        "--override-reason",
        "도금 전문으로 겹치지 않음",
    )
    assert code == 0
    assert "새한정밀" in gyoryu("companies", "list")[1]


def test_invite_data_and_erasure_of_a_member(gyoryu: Run) -> None:
    gyoryu("members", "import", str(ROSTER), "--create-groups", "--federation", "한빛연합회")

    code, output = gyoryu("members", "invite", "김도현")
    assert code == 0
    assert re.search(r"초대 코드는 [A-Z2-9]{4}-[A-Z2-9]{4} 입니다", output)

    code, output = gyoryu("members", "data", "김도현")
    assert code == 0
    assert "010-0000-0001" in output
    assert "invite" in output

    assert gyoryu("members", "remove", "김도현", stdin="n\n")[0] == 1  # declined, kept
    code, output = gyoryu("members", "remove", "김도현", "--yes")
    assert (code, output.strip()) == (0, "삭제했어요.")
    code, output = gyoryu("members", "data", "김도현")
    assert code == 1
    assert "찾을 수 없어요" in output


def test_the_sample_schedule_and_an_rsvp(gyoryu: Run) -> None:
    assert "불러왔어요" in gyoryu("db", "load-sample")[1]
    assert "불러오지 않았어요" in gyoryu("db", "load-sample")[1]

    code, output = gyoryu("groups", "list")
    assert "매월 셋째 주 목요일 오후 6시 30분" in output

    code, output = gyoryu(
        "events", "add", "특강", "--kind", "세미나", "--start", "2099-03-03 15:00"
    )
    assert code == 0
    event_id = re.search(
        r"│ (\d+)\s+│ 3월 3일\(화\) 오후 3시", gyoryu("events", "list", "--limit", "500")[1]
    )
    assert event_id is not None

    code, output = gyoryu(
        "events", "rsvp", event_id.group(1), "김도현", "대리참석", "--proxy", "김철수"
    )
    assert code == 0
    shown = gyoryu("events", "show", event_id.group(1))[1]
    assert re.search(r"응답: 대리참석\s*│\s*1\s", shown)


def test_a_database_from_a_newer_version_is_refused(
    gyoryu: Run, migrated_database_url: str
) -> None:
    assert gyoryu("db", "upgrade")[0] == 0
    engine = make_engine(migrated_database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0042_future'"))
    engine.dispose()

    code, output = gyoryu("db", "upgrade")

    assert code == 1
    assert "0042_future" in output


def test_a_telegram_group_id_is_negative_and_needs_no_double_dash(
    gyoryu: Run, migrated_database_url: str
) -> None:
    gyoryu("db", "load-sample")

    code, output = gyoryu("groups", "room", "telegram", "-1001234567890", "새벽교류회")

    assert code == 0, output
    engine = make_engine(migrated_database_url)
    with engine.connect() as connection:
        rooms = connection.execute(text("SELECT platform, chat_id FROM chat_rooms")).all()
    engine.dispose()
    assert ("telegram", "-1001234567890") in [tuple(row) for row in rooms]


def test_skip_invalid_succeeds_with_what_was_valid_and_lists_the_rest(
    gyoryu: Run, tmp_path: Path
) -> None:
    gyoryu("db", "load-sample")
    mixed = tmp_path / "명부.csv"
    mixed.write_text(
        "소속 교류회,회사명,성명\n새벽교류회,(주)새빛,한새빛\n새벽 교류회,(주)오타,오타자\n",
        encoding="utf-8",
    )
    hopeless = tmp_path / "엉망.csv"
    hopeless.write_text("소속 교류회,회사명,성명\n우주교류회,(주)별빛,박별\n", encoding="utf-8")

    code, output = gyoryu("members", "import", str(mixed), "--skip-invalid")
    assert code == 0, output
    assert "3행: '새벽 교류회'라는 교류회가 없어요. '새벽교류회'의 오타라면" in output
    assert "회원 1명" in output
    assert "잘못된 1개 행은 건너뛰었어요." in output

    code, output = gyoryu("members", "import", str(hopeless), "--skip-invalid")
    assert code == 1
    assert "올바른 행이 하나도 없었어요" in output
    assert "박별" not in gyoryu("members", "list")[1]


def test_a_group_typed_with_a_space_is_suggested_not_created(gyoryu: Run) -> None:
    gyoryu("db", "load-sample")

    listed = gyoryu("members", "list", "--group", "새벽 교류회")
    added = gyoryu("groups", "add", "새벽 교류회")

    assert listed[0] == 1
    assert "'새벽교류회'를 말씀하신 건가요?" in listed[1]
    assert added[0] == 1
    assert "새벽교류회" in added[1]


LIST_COMMANDS = [
    ["members", "list"],
    ["members", "pending"],
    ["companies", "list"],
    ["groups", "list"],
    ["advisors", "list"],
    ["events", "list", "--limit", "500"],
]


@pytest.mark.parametrize("command", LIST_COMMANDS, ids=" ".join)
def test_every_list_wraps_in_a_narrow_terminal_and_offers_json(
    gyoryu: Run, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    gyoryu("db", "load-sample")
    code, as_json = gyoryu(*command, "--json")
    assert code == 0
    records = json.loads(as_json)
    assert isinstance(records, list)

    monkeypatch.setenv("COLUMNS", "60")
    code, narrow = gyoryu(*command)

    assert code == 0
    assert "…" not in narrow  # nothing is cut off; long cells fold onto the next line
    expected = [[_bare(value) for value in record.values()] for record in records]
    assert table_rows(narrow) == expected


JSON_KEYS = {
    "members": ("id", "name", "title", "company", "groups", "phone"),
    "companies": ("id", "name", "business_number", "ksic_code", "industry", "groups"),
    "groups": ("id", "name", "meeting_rule", "members"),
    "advisors": ("id", "name", "title", "affiliation", "fields", "groups", "availability"),
    "events": ("id", "starts_at", "kind", "title", "group", "place"),
}


@pytest.mark.parametrize("subject", JSON_KEYS)
def test_a_json_list_is_keyed_by_stable_english_names(gyoryu: Run, subject: str) -> None:
    gyoryu("db", "load-sample")

    code, as_json = gyoryu(subject, "list", "--json")

    assert code == 0
    records = json.loads(as_json)
    assert records
    assert {tuple(record) for record in records} == {JSON_KEYS[subject]}


def table_rows(output: str) -> list[list[str]]:
    """The cells of a printed table, each cell's folded lines joined (the first column is 번호)."""
    rows: list[list[str]] = []
    for line in output.splitlines():
        if not line.startswith("│"):
            continue
        cells = [_bare(cell) for cell in line.strip().strip("│").split("│")]
        if cells[0]:
            rows.append(cells)
        else:
            rows[-1] = [done + more for done, more in zip(rows[-1], cells, strict=True)]
    return rows


def _bare(value: object) -> str:
    return re.sub(r"\s+", "", "" if value is None else str(value))


def test_wide_puts_each_row_on_one_line(gyoryu: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    gyoryu("db", "load-sample")
    monkeypatch.setenv("COLUMNS", "60")

    code, output = gyoryu("advisors", "list", "--wide")

    assert code == 0
    row = next(line for line in output.splitlines() if "정세라" in line)
    assert "세라세무회계사무소" in row
    assert "평일 오전 10시~오후 5시" in row
