"""The command line as a person meets it: Korean help, Korean errors, no tracebacks, quiet logs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from handlers import texts
from handlers.cli import build_app
from tests.conftest import REPO_ROOT

ENGLISH_FRAMEWORK = re.compile(
    r"Usage|Options|Arguments|Commands|\[default|\[required|Show this message|Invalid value|"
    r"Missing argument|No such|Try '|Error|Aborted|<bool>|<str>|<int>|<path>|<file>"
)
UNREACHABLE_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:9/nowhere"


def gyoryu(*args: str, **env: str) -> Result:
    return CliRunner().invoke(build_app(), list(args), env={"COLUMNS": "120", **env})


def lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["members", "import", "--help"],
        ["ingest", "--help"],
        ["events", "add", "--help"],
    ],
)
def test_help_screens_read_in_korean(args: list[str]) -> None:
    result = gyoryu(*args)

    assert result.exit_code == 0
    assert result.output.lstrip().startswith("사용법: gyoryu")
    assert "옵션" in result.output
    assert "이 도움말을 보여 줍니다." in result.output
    assert ENGLISH_FRAMEWORK.findall(result.output) == []


def test_defaults_and_required_marks_are_korean() -> None:
    assert "[기본값: public]" in gyoryu("ingest", "--help").output
    assert "[필수]" in gyoryu("members", "import", "--help").output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["members", "import"], "파일(.csv 또는 .xlsx)을 적어 주세요."),
        (["members", "import", "없는파일.csv"], "'없는파일.csv' 경로에 파일이나 폴더가 없어요."),
        (["members", "invite", "1", "--days", "abc"], "--days 값이 올바르지 않아요: 정수"),
        (["members", "invite", "1", "--days", "99"], "30 이하여야 해요."),
        (["members", "list", "--grop", "새벽교류회"], "--grop(이)라는 옵션은 없어요. 혹시 --group"),
        (["members", "list", "--group"], "--group 옵션 뒤에 값을 적어 주세요."),
        (["membrs", "list"], "'membrs'(이)라는 명령은 없어요. 혹시 members"),
        (["events", "add", "특강"], "--start 옵션(시작(KST)"),
        (["ingest", ".", "--visibility", "everyone"], "공개 범위는"),
        (["ask", "회비는", "얼마예요"], "필요 없는 값이 더 있어요: 얼마예요."),
        (["members", "list", "extra"], "필요 없는 값이 더 있어요: extra."),
    ],
)
def test_usage_errors_are_korean_sentences(args: list[str], expected: str) -> None:
    result = gyoryu(*args)

    assert result.exit_code == 2
    assert expected in result.output
    assert len(lines(result)) <= 2
    assert ENGLISH_FRAMEWORK.findall(result.output) == []


def test_an_unreachable_database_is_two_korean_lines(tmp_path: Path) -> None:
    result = gyoryu("members", "list", DATABASE_URL=UNREACHABLE_DATABASE)

    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert lines(result)[0].startswith("데이터베이스에 연결하지 못했어요(")
    assert "DATABASE_URL" in lines(result)[0]
    assert lines(result)[1] == texts.DEBUG_HINT


def test_with_debug_the_traceback_is_kept() -> None:
    result = gyoryu("--debug", "members", "list", DATABASE_URL=UNREACHABLE_DATABASE)

    assert type(result.exception).__name__ == "OperationalError"


def test_a_database_url_that_is_not_a_url() -> None:
    result = gyoryu("members", "list", DATABASE_URL="nonsense")

    assert (result.exit_code, lines(result)[0]) == (1, texts.DATABASE_URL_INVALID)


def test_a_database_without_its_driver_installed() -> None:
    result = gyoryu("members", "list", DATABASE_URL="mysql://gyoryu@localhost/gyoryu")

    assert result.exit_code == 1
    assert lines(result)[0] == texts.database_driver_missing("mysql")
    assert "Traceback" not in result.output


def test_a_data_folder_that_is_a_file_is_said_in_korean(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "데이터"
    not_a_folder.write_text("", encoding="utf-8")

    result = gyoryu("members", "list", GYORYU_DATA_DIR=str(not_a_folder))

    assert result.exit_code == 1
    assert lines(result)[0] == texts.file_failed(str(not_a_folder), texts.NOT_A_FOLDER)
    assert "File exists" not in result.output


def test_a_chroma_server_that_is_down() -> None:
    result = gyoryu("sources", CHROMA_HOST="127.0.0.1", CHROMA_PORT="9")

    assert (result.exit_code, lines(result)[0]) == (1, texts.CHROMA_UNREACHABLE)


def test_a_setting_with_the_wrong_shape() -> None:
    result = gyoryu("ask", "회비가 얼마예요?", GYORYU_TOP_K="many")

    assert result.exit_code == 1
    assert lines(result)[0].startswith("설정 GYORYU_TOP_K의 값이 올바르지 않아요(정수")


def test_a_spreadsheet_that_is_not_one(tmp_path: Path) -> None:
    fake = tmp_path / "명부.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")

    result = gyoryu("members", "import", str(fake))

    assert (result.exit_code, lines(result)[0]) == (1, texts.BAD_SPREADSHEET)


def test_a_korean_start_time_is_saved_and_a_bad_one_explained() -> None:
    gyoryu("db", "load-sample")
    saved = gyoryu(
        "events", "add", "송년 간담회", "--kind", "간담회", "--start", "12월 20일 오후 2시"
    )
    refused = gyoryu("events", "add", "송년 간담회", "--kind", "간담회", "--start", "다음 주")

    assert saved.exit_code == 0, saved.output
    assert "12월 20일(" in gyoryu("events", "list", "--limit", "100").output
    assert refused.exit_code == 1
    assert lines(refused) == [
        "'다음 주'를 날짜와 시각으로 읽지 못했어요. "
        "예: 2026-12-20 14:00, 12월 20일 오후 2시, 12/20 14시"
    ]


def test_declining_a_confirmation_says_it_was_cancelled() -> None:
    gyoryu("db", "load-sample")

    result = CliRunner().invoke(build_app(), ["members", "remove", "김도현"], input="n\n")

    assert result.exit_code == 1
    assert lines(result)[-1] == texts.ABORTED


def test_a_genuine_defect_keeps_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.federation import groups

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(groups, "list_groups", broken)

    result = gyoryu("groups", "list")

    assert isinstance(result.exception, ZeroDivisionError)
    assert texts.UNEXPECTED in result.output


def test_migration_logs_show_only_with_verbose(tmp_path: Path) -> None:
    quiet = gyoryu("db", "upgrade", GYORYU_DATA_DIR=str(tmp_path / "quiet"))
    verbose = gyoryu("--verbose", "db", "upgrade", GYORYU_DATA_DIR=str(tmp_path / "verbose"))

    assert lines(quiet) == [line for line in lines(quiet) if line.startswith("데이터베이스를")]
    assert "INFO alembic.runtime.migration: Running upgrade" in verbose.output


def test_a_damaged_pdf_is_reported_once_in_korean(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")

    result = gyoryu("ingest", str(tmp_path / "broken.pdf"))

    assert result.exit_code == 1
    assert "EOF marker" not in result.output
    assert "파일이 손상되었거나 형식이 맞지 않아 읽지 못했어요." in result.output


def test_bm25s_debug_lines_stay_hidden_even_when_verbose(tmp_path: Path) -> None:
    shutil.copytree(REPO_ROOT / "samples" / "corpus", tmp_path / "corpus")
    gyoryu("ingest", str(tmp_path / "corpus" / "faq.md"))

    result = gyoryu("--verbose", "ask", "회비는 얼마예요?")

    assert result.exit_code == 0
    assert "DEBUG bm25s" not in result.output


def test_a_confirmation_asks_in_korean_and_takes_a_korean_yes() -> None:
    gyoryu("db", "load-sample")

    declined = CliRunner().invoke(build_app(), ["members", "remove", "김도현"], input="\n")
    agreed = CliRunner().invoke(build_app(), ["members", "remove", "김도현"], input="예\n")

    assert texts.CONFIRM_CHOICES in declined.output
    assert "[y/N]" not in declined.output
    assert declined.exit_code == 1
    assert agreed.exit_code == 0, agreed.output
    assert gyoryu("members", "show", "김도현").exit_code == 1  # erased


def test_every_positional_argument_has_a_korean_name() -> None:
    import typer

    def arguments(command: Any) -> list[str]:
        found = [p.name for p in command.params if p.param_type_name == "argument"]
        for sub in getattr(command, "commands", {}).values():
            found += arguments(sub)
        return found

    names = set(arguments(typer.main.get_command(build_app())))

    assert {"file", "member", "paths"} <= names
    assert names - set(texts.ARGUMENT_NAMES) == set()
