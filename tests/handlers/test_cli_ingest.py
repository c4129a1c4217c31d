import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handlers import cli_ingest as ingest_cli
from handlers.cli import build_app

FIXTURES = Path(__file__).parents[1] / "ingest" / "fixtures"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(build_app(), list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_ingest_then_sources_then_rerun_then_prune(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("회비_규정.txt", "정례회_일정.md", "옛날문서.hwp"):
        shutil.copy(FIXTURES / name, docs / name)

    code, output = _run("ingest", "docs", "--visibility", "members")
    assert code == 0
    assert "건너뜀 docs/옛날문서.hwp: HWP 형식은 읽을 수 없어요." in output
    assert "파일 3개 중 2개를 넣었어요" in output
    assert "실패 1개예요." in output

    code, output = _run("sources")
    assert code == 0
    assert "경기 이업종교류회 회비 규정" in output
    assert "docs/정례회_일정.md" in output
    assert "members" in output
    assert "2026-03-02" in output

    code, output = _run("ingest", "docs")
    assert "변경 없음 0개" in output  # visibility changed back to public: re-indexed
    code, output = _run("ingest", "docs")
    assert "변경 없음 2개" in output

    (docs / "정례회_일정.md").unlink()
    code, output = _run("ingest", "--prune")
    assert code == 1  # nobody to ask: nothing removed without --yes
    assert "뺄 문서 docs/정례회_일정.md: 파일이 없어졌어요." in output
    assert "--yes를 붙여 다시 실행해 주세요" in output
    assert "docs/정례회_일정.md" in _run("sources")[1]

    code, output = _run("ingest", "--prune", "--yes")
    assert code == 0
    assert "없어진 파일의 문서 1개를 색인에서 뺐어요." in output
    assert "docs/정례회_일정.md" not in _run("sources")[1]


def test_prune_asks_before_removing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(FIXTURES / "회비_규정.txt", tmp_path / "회비_규정.txt")
    _run("ingest", "회비_규정.txt")
    (tmp_path / "회비_규정.txt").unlink()
    monkeypatch.setattr(ingest_cli, "_interactive", lambda: True)

    declined = CliRunner().invoke(build_app(), ["ingest", "--prune"], input="n\n")
    assert declined.exit_code == 1
    assert "위 문서 1개를 색인에서 뺄까요?" in declined.output
    assert "회비_규정.txt" in _run("sources")[1]

    agreed = CliRunner().invoke(build_app(), ["ingest", "--prune"], input="y\n")
    assert agreed.exit_code == 0
    assert "회비_규정.txt" not in _run("sources")[1]


def test_a_file_by_relative_and_absolute_path_is_one_document_and_prune_elsewhere_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(FIXTURES / "회비_규정.txt", docs / "회비_규정.txt")
    _run("ingest", "docs/회비_규정.txt")

    code, output = _run("ingest", str(docs / "회비_규정.txt"))
    assert "변경 없음 1개" in output
    assert len(json.loads(_run("sources", "--json")[1])) == 1

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, output = _run("ingest", "--prune", "--yes")
    assert code == 0
    assert "문서 0개를 색인에서 뺐어요" in output
    assert len(json.loads(_run("sources", "--json")[1])) == 1


def test_exit_code_is_one_only_when_nothing_could_be_ingested(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "옛날문서.hwp", tmp_path / "옛날문서.hwp")

    code, output = _run("ingest", "옛날문서.hwp")

    assert code == 1
    assert "HWPX 또는 PDF로 저장해" in output


def test_bad_options_are_refused_in_korean() -> None:
    code, output = _run("ingest", ".", "--visibility", "everyone")

    assert code == 2
    assert "공개 범위는" in output


def test_sources_on_an_empty_store_says_how_to_start() -> None:
    code, output = _run("sources")

    assert code == 0
    assert "아직 넣은 문서가 없어요" in output


def test_ingest_help_explains_the_kind_guess_and_exit_code() -> None:
    output = _run("ingest", "--help")[1]

    assert "규정·정관→rules" in output
    assert "종료 코드 1" in output


def test_sources_keep_long_titles_and_paths_whole(tmp_path: Path) -> None:
    deep = tmp_path / "연합회 자료" / "2026년 상반기" / "규정과 안내문"
    deep.mkdir(parents=True)
    shutil.copy(FIXTURES / "회비_규정.txt", deep / "회비_규정_최종_수정본_사무국_배포용.txt")
    _run("ingest", str(deep))

    result = CliRunner().invoke(build_app(), ["sources"], env={"COLUMNS": "80"})
    code, as_json = _run("sources", "--json")

    assert result.exit_code == 0
    assert "…" not in result.output
    assert code == 0
    [record] = json.loads(as_json)
    assert record["source"].endswith("규정과 안내문/회비_규정_최종_수정본_사무국_배포용.txt")
    assert record["title"] == "경기 이업종교류회 회비 규정"
    assert record["chunks"] >= 1
    assert list(record) == ["title", "source", "kind", "visibility", "chunks", "date"]
    assert all(column in result.output for column in ("제목", "출처", "공개 범위"))
