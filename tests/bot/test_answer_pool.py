"""Answers computed in child processes: the same answers, current documents, no orphans."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answer_pool import AnswerPool
from bot.qa import DocumentQA
from ingest.pipeline import ingest_paths
from knowledge.store import ChunkStore
from tests.conftest import REPO_ROOT
from tests.fakes.sample_corpus import ingested_sample, offline_settings, sample_questions

QUESTIONS = [case["question"] for case in sample_questions()][:12]


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingested_sample(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def pool(sample_dir: Path) -> Iterator[AnswerPool]:
    answering = AnswerPool(offline_settings(sample_dir), processes=2)
    yield answering
    answering.close()


def _children() -> set[int]:
    return {child.pid for child in multiprocessing.active_children() if child.pid is not None}


def _running(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped has stopped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_pool_answers_exactly_as_the_answerer_in_this_process(
    pool: AnswerPool, sample_dir: Path
) -> None:
    here = DocumentQA.open(offline_settings(sample_dir))
    for question in QUESTIONS:
        assert pool.answer(question, allowed=frozenset({"public", "members"})) == here.answer(
            question, allowed=frozenset({"public", "members"})
        )


def test_a_pool_names_the_same_related_documents(pool: AnswerPool, sample_dir: Path) -> None:
    here = DocumentQA.open(offline_settings(sample_dir))
    question = "부고 알리려면 어디로 연락해요"
    members = frozenset({"public", "members"})
    found = pool.related(question, allowed=members, top_k=2)
    assert found
    assert found == here.related(question, allowed=members, top_k=2)


def test_a_dead_answering_process_is_replaced_and_the_question_still_answered(
    sample_dir: Path,
) -> None:
    others = _children()
    pool = AnswerPool(offline_settings(sample_dir))
    try:
        (child,) = _children() - others
        os.kill(child, signal.SIGKILL)
        answer = pool.answer(QUESTIONS[0], allowed=frozenset({"public", "members"}))
        assert answer.text
        assert len(_children() - others - {child}) == 1
    finally:
        pool.close()


def test_documents_added_after_the_start_are_answered_after_a_refresh(tmp_path: Path) -> None:
    settings = offline_settings(tmp_path / "data")
    first = tmp_path / "first.md"
    first.write_text("# 주차 안내\n\n회관 주차는 지하 2층에 2시간까지 무료입니다.\n", "utf-8")
    assert ingest_paths([str(first)], store=ChunkStore.open(settings)).ok
    pool = AnswerPool(settings)
    try:
        question = "송년회 장소가 어디예요?"
        assert not pool.answer(question).confident
        later = tmp_path / "later.md"
        later.write_text(
            "# 송년회 안내\n\n올해 송년회 장소는 서울 중구 더플라자호텔 22층 연회장입니다.\n",
            "utf-8",
        )
        assert ingest_paths([str(later)], store=ChunkStore.open(settings)).ok
        pool.refresh()
        answer = pool.answer(question)
        assert answer.confident
        assert "더플라자호텔" in answer.text
    finally:
        pool.close()


def test_documents_that_cannot_be_opened_stop_the_start_with_the_same_error(
    tmp_path: Path,
) -> None:
    settings = offline_settings(tmp_path / "data").model_copy(
        update={"chroma_host": "127.0.0.1", "chroma_port": 1}  # no Chroma server listens there
    )
    with pytest.raises(ValueError, match="Chroma") as here:  # what gyoryu explains in Korean
        DocumentQA.open(settings)
    before = _children()

    with pytest.raises(ValueError, match="Chroma") as there:
        AnswerPool(settings)
    assert str(there.value) == str(here.value)
    deadline = time.monotonic() + 10
    while _children() - before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _children() - before  # no answering process is left behind


ORPHAN_SCRIPT = """
import sys, time
from pathlib import Path
from bot.answer_pool import AnswerPool
import multiprocessing
from tests.fakes.sample_corpus import offline_settings
pool = AnswerPool(offline_settings(Path(sys.argv[1])), processes=2)
print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
time.sleep(120)
"""


def test_answering_processes_exit_when_their_server_is_killed(sample_dir: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", ORPHAN_SCRIPT, str(sample_dir)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        assert server.stdout is not None
        children = [int(pid) for pid in server.stdout.readline().split()]
        running = [_running(pid) for pid in children]
        server.kill()
    assert running == [True, True]
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(pid) for pid in children)
