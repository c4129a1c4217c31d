import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from bot import texts
from bot.skills.ask import MAX_QUESTION_CHARS
from handlers import console
from handlers.cli import build_app
from tests.fakes.sample_corpus import ingested_sample

runner = CliRunner()


def _ask(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(build_app(), ["ask", *args], input=stdin)
    return result.exit_code, result.stdout


@pytest.fixture
def sample_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = ingested_sample(tmp_path_factory.getbasetemp())
    monkeypatch.setenv("GYORYU_DATA_DIR", str(data_dir))
    return data_dir


def test_ask_json_on_an_empty_data_directory_says_nothing_is_loaded(isolated_env: Path) -> None:
    code, out = _ask("--json", "연회비는 얼마인가요?")

    assert code == 0
    assert json.loads(out) == {
        "answer": texts.QA_NO_DOCUMENTS,
        "confident": False,
        "sources": [],
        "route": None,
    }
    assert not isolated_env.exists()  # ask never loads the sample corpus


@pytest.mark.usefixtures("sample_data")
def test_ask_json_prints_one_object_with_ranked_sources() -> None:
    code, out = _ask("--json", "PL보험 자기부담금 얼마예요?")

    assert code == 0
    answer = json.loads(out)
    assert answer["confident"] is True
    assert "[1]" in answer["answer"] or "[2]" in answer["answer"]
    assert answer["route"] is None
    assert 1 <= len(answer["sources"]) <= 5
    first = answer["sources"][0]
    assert set(first) == {"title", "source", "section", "snippet", "score"}
    assert first["source"].endswith("pl_insurance.docx")
    scores = [source["score"] for source in answer["sources"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.usefixtures("sample_data")
def test_top_k_changes_the_number_of_sources() -> None:
    _, out = _ask("--json", "--top-k", "2", "PL보험 자기부담금 얼마예요?")

    assert len(json.loads(out)["sources"]) == 2


@pytest.mark.usefixtures("sample_data")
def test_ask_json_dash_answers_each_stdin_line_as_json_lines() -> None:
    questions = "PL보험 자기부담금 얼마예요?\n부가세 신고 기한 연장 가능한가요?\n안녕하세요~\n"

    code, out = _ask("--json", "-", stdin=questions)

    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["confident"] for a in answers] == [True, False, False]
    assert [a["route"] for a in answers] == [None, "세무", None]
    assert answers[2]["answer"] == texts.TALK_GREETING


@pytest.mark.usefixtures("sample_data")
def test_ask_for_people_prints_the_answer_then_numbered_sources() -> None:
    code, out = _ask("PL보험 자기부담금 얼마예요?")

    assert code == 0
    answer, sources = out.split(f"\n{texts.QA_SOURCES_HEADING}\n")
    assert "[1]" in answer or "[2]" in answer
    assert sources.startswith("[1] 2026년 회원사 단체 PL보험")


def only_dues_as_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The "sample documents" chat loads into an empty data directory: one page on the dues."""
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "dues.md").write_text(
        "# 회비 안내\n\n연회비는 60만 원이며 매년 3월 말까지 납부합니다.\n", encoding="utf-8"
    )
    monkeypatch.setenv("GYORYU_SAMPLE_DIR", str(samples))


def test_chat_loads_the_sample_corpus_into_an_empty_directory_and_converses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_dues_as_samples(tmp_path, monkeypatch)

    result = runner.invoke(build_app(), ["chat"], input="연회비는 얼마인가요?\n/종료\n")

    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        texts.CHAT_STARTING,
        texts.CHAT_SAMPLE_LOADED,
        texts.CHAT_GREETING,
    ]
    answer = "연회비는 60만 원이며 매년 3월 말까지 납부합니다 [1]."
    assert f"{texts.CHAT_PROMPT}{answer}" in result.stdout
    assert "[1] 회비 안내" in result.stdout
    assert result.stdout.rstrip().endswith(texts.CHAT_GOODBYE)


@pytest.mark.parametrize("quit_word", ["/종료", "/quit", "/EXIT", "/끝"])
def test_chat_ends_on_the_words_a_first_time_user_tries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quit_word: str
) -> None:
    only_dues_as_samples(tmp_path, monkeypatch)

    result = runner.invoke(build_app(), ["chat"], input=f"{quit_word}\n연회비는 얼마인가요?\n")

    assert result.exit_code == 0
    assert "60만 원" not in result.stdout  # nothing after the quit word was answered
    assert texts.TALK_KOREAN_ONLY not in result.stdout
    assert result.stdout.rstrip().endswith(texts.CHAT_GOODBYE)


def test_a_second_chat_session_on_the_same_data_directory_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_dues_as_samples(tmp_path, monkeypatch)
    answer = "연회비는 60만 원이며 매년 3월 말까지 납부합니다 [1]."

    first = runner.invoke(build_app(), ["chat"], input="연회비는 얼마인가요?\n")
    second = runner.invoke(build_app(), ["chat"], input="연회비는 얼마인가요?\n회비 언제 내요?\n")

    assert first.exit_code == second.exit_code == 0
    assert f"{texts.CHAT_PROMPT}{answer}" in first.stdout
    assert second.stdout.count(texts.CHAT_PROMPT + "연회비는 60만 원") == 2


@pytest.mark.usefixtures("sample_data")
def test_chat_ends_on_end_of_input() -> None:
    result = runner.invoke(build_app(), ["chat"], input="안녕하세요~\n")

    assert result.exit_code == 0
    assert texts.CHAT_SAMPLE_LOADED not in result.stdout
    assert texts.TALK_GREETING in result.stdout
    assert result.stdout.rstrip().endswith(texts.CHAT_GOODBYE)


def test_output_is_utf8_even_under_the_c_locale(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", GYORYU_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-c", "from handlers.cli import main; main()", "ask", "--json", "-"]

    done = subprocess.run(
        command, input="회비는?\n".encode(), capture_output=True, check=True, env=env
    )

    assert json.loads(done.stdout.decode("utf-8"))["answer"] == texts.QA_NO_DOCUMENTS


LEFT, PASTE_START, PASTE_END, CTRL_C, CTRL_D = "\x1b[D", "\x1b[200~", "\x1b[201~", "\x03", "\x04"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def test_at_a_terminal_lines_can_be_edited_and_are_never_cut(keys: PipeInput) -> None:
    lines = console.terminal_lines(keys, DummyOutput())
    long_line = "가" * 5000  # 15,000 bytes: far over a terminal's 4,096-byte line buffer

    keys.send_text(f"회비 얼마?{LEFT}요\r")
    edited = next(lines)
    keys.send_text(long_line + "\r")
    long = next(lines)
    keys.send_text(f"{PASTE_START}연회비는\n얼마인가요?{PASTE_END}\r")
    pasted = next(lines)
    keys.send_text(f"지울 줄{CTRL_C}정례회는 언제예요?\r")
    after_cancel = next(lines)
    keys.send_text(CTRL_D)

    assert edited == "회비 얼마요?"  # ← moved the cursor instead of printing ^[[D
    assert long == long_line
    assert pasted == "연회비는\n얼마인가요?"  # a pasted question stays one message
    assert after_cancel == "정례회는 언제예요?"
    assert list(lines) == []


def test_chat_at_a_terminal_reads_through_the_line_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: PipeInput
) -> None:
    only_dues_as_samples(tmp_path, monkeypatch)
    reader = console.terminal_lines
    monkeypatch.setattr(console, "_interactive", lambda inp, out: True)
    monkeypatch.setattr(console, "terminal_lines", lambda: reader(keys, DummyOutput()))
    keys.send_text(f"연회비는 얼마인가?{LEFT}요\r{CTRL_D}")

    result = runner.invoke(build_app(), ["chat"])

    assert result.exit_code == 0
    assert "연회비는 60만 원이며 매년 3월 말까지 납부합니다 [1]." in result.stdout
    assert result.stdout.rstrip().endswith(texts.CHAT_GOODBYE)


def test_a_long_piped_question_is_answered_whole_or_refused_politely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_dues_as_samples(tmp_path, monkeypatch)
    long_question = "연회비는 얼마인가요? " * 150  # about 4,500 bytes, under the character limit
    too_long = "가" * (MAX_QUESTION_CHARS + 1)

    result = runner.invoke(build_app(), ["chat"], input=f"{long_question}\n{too_long}\n")

    assert len(long_question.encode()) > 4096
    assert "연회비는 60만 원이며 매년 3월 말까지 납부합니다 [1]." in result.stdout
    assert texts.CH_TOO_LONG.format(limit=MAX_QUESTION_CHARS) in result.stdout


def test_chat_as_a_member_can_use_what_members_use_again_and_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "dues.md").write_text("# 회비 안내\n\n연회비는 60만 원입니다.\n", encoding="utf-8")
    monkeypatch.setenv("GYORYU_SAMPLE_DIR", str(samples))
    runner.invoke(build_app(), ["chat"], input="")  # the sample federation is loaded

    first = runner.invoke(build_app(), ["chat", "--as", "1"], input="/찾기 사출\n")
    second = runner.invoke(build_app(), ["chat", "--as", "1"], input="/찾기 사출\n")
    guest = runner.invoke(build_app(), ["chat"], input="/찾기 사출\n")

    assert first.exit_code == second.exit_code == 0, first.stdout
    assert "회원님의 계정으로 대화해요" in first.stdout
    assert texts.NET_NOT_LINKED not in first.stdout + second.stdout
    assert "사출" in second.stdout.split(texts.CHAT_PROMPT, 1)[1]
    assert texts.NET_NOT_LINKED in guest.stdout


def test_a_document_ingested_while_chat_is_open_is_answered_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest.pipeline import ingest_paths
    from knowledge.settings import KnowledgeSettings
    from knowledge.store import ChunkStore

    only_dues_as_samples(tmp_path, monkeypatch)
    monkeypatch.setenv("GYORYU_DATA_DIR", str(tmp_path / "data"))
    party = tmp_path / "party.md"
    party.write_text(
        "# 송년회 안내\n\n송년회 참가비는 1인 5만원이며 배우자 동반은 3만원입니다.\n",
        encoding="utf-8",
    )
    reading = console.piped_lines

    def meanwhile_ingested(stream: TextIO, out: TextIO) -> Iterator[str]:
        """The member's lines; between the first and the second, `gyoryu ingest` runs."""
        lines = reading(stream, out)
        yield next(lines)
        report = ingest_paths([str(party)], store=ChunkStore.open(KnowledgeSettings()))
        assert report.ok
        yield from lines

    monkeypatch.setattr(console, "piped_lines", meanwhile_ingested)

    result = runner.invoke(
        build_app(), ["chat"], input="송년회 참가비 얼마예요?\n송년회 참가비 얼마예요?\n"
    )

    before, after = result.stdout.split(texts.CHAT_PROMPT)[1:3]
    assert "5만원" not in before
    assert after.startswith("송년회 참가비는 1인 5만원")
    assert "[1] 송년회 안내" in after
