"""Documents that change while the bot runs reach its answers without a restart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths, remove_documents
from knowledge.live import LiveKnowledge
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore
from tests.fakes.sample_corpus import offline_settings

GYORYU = Path(sys.executable).with_name("gyoryu")
DUES = "제8조(회비) 연회비는 60만 원이며 매년 3월 말까지 납부합니다."
PARTY = "올해 송년회는 12월 19일 저녁 6시 그랜드호텔 다이아몬드홀에서 열립니다."


@pytest.fixture
def settings(isolated_env: Path) -> KnowledgeSettings:
    return offline_settings(isolated_env)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _ingest(settings: KnowledgeSettings, *paths: Path) -> None:
    ingest_paths([str(path) for path in paths], store=ChunkStore.open(settings))


def _found(live: LiveKnowledge, question: str) -> list[str]:
    return [hit.chunk.text for hit in live.search(question, top_k=3)]


def test_a_document_ingested_by_another_process_is_found_after_the_check(
    settings: KnowledgeSettings, tmp_path: Path
) -> None:
    _ingest(settings, _write(tmp_path / "docs", "회비.txt", DUES))
    live = LiveKnowledge.open(settings)
    assert not any("그랜드호텔" in text for text in _found(live, "송년회 어디서 해요?"))

    party = _write(tmp_path / "docs", "송년회.txt", PARTY)
    env = {**os.environ, "GYORYU_DATA_DIR": str(settings.data_dir)}
    done = subprocess.run(
        [str(GYORYU), "ingest", str(party)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr

    assert live.refresh_if_changed()
    assert any("그랜드호텔" in text for text in _found(live, "송년회 어디서 해요?"))
    assert any("60만 원" in text for text in _found(live, "연회비 얼마예요?"))

    party.unlink()
    done = subprocess.run(
        [str(GYORYU), "ingest", "--prune", "--yes"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    assert live.refresh_if_changed()
    assert not any("그랜드호텔" in text for text in _found(live, "송년회 어디서 해요?"))
    assert any("60만 원" in text for text in _found(live, "연회비 얼마예요?"))


def test_nothing_is_reloaded_when_nothing_changed(
    settings: KnowledgeSettings, tmp_path: Path
) -> None:
    _ingest(settings, _write(tmp_path / "docs", "회비.txt", DUES))
    live = LiveKnowledge.open(settings)

    assert not live.refresh_if_changed()
    _ingest(settings, tmp_path / "docs" / "회비.txt")  # unchanged: nothing written
    assert not live.refresh_if_changed()


def test_an_edited_document_replaces_its_old_text(
    settings: KnowledgeSettings, tmp_path: Path
) -> None:
    party = _write(tmp_path / "docs", "송년회.txt", PARTY)
    _ingest(settings, party)
    live = LiveKnowledge.open(settings)

    _write(tmp_path / "docs", "송년회.txt", PARTY.replace("그랜드호텔", "시민회관"))
    _ingest(settings, party)
    live.refresh()

    texts = _found(live, "송년회 어디서 해요?")
    assert any("시민회관" in text for text in texts)
    assert not any("그랜드호텔" in text for text in texts)


def test_documents_arrive_in_a_bot_started_before_anything_was_ingested(
    settings: KnowledgeSettings, tmp_path: Path
) -> None:
    live = LiveKnowledge.open(settings)
    assert not live.has_documents
    assert not settings.data_dir.exists()  # looking never creates a store

    _ingest(settings, _write(tmp_path / "docs", "송년회.txt", PARTY))
    live.refresh()

    assert live.has_documents
    assert any("그랜드호텔" in text for text in _found(live, "송년회 어디서 해요?"))


def test_removing_the_last_document_leaves_nothing_to_answer_from(
    settings: KnowledgeSettings, tmp_path: Path
) -> None:
    party = _write(tmp_path / "docs", "송년회.txt", PARTY)
    _ingest(settings, party)
    live = LiveKnowledge.open(settings)

    remove_documents(ChunkStore.open(settings), [os.path.realpath(party)])
    live.refresh()

    assert not live.has_documents
    assert _found(live, "송년회 어디서 해요?") == []


def test_a_new_glossary_word_is_used_without_a_restart(
    settings: KnowledgeSettings, tmp_path: Path
) -> None:
    _ingest(settings, _write(tmp_path / "docs", "송년회.txt", PARTY))
    live = LiveKnowledge.open(settings)
    assert live.synonyms("해넘이모임") == ()

    (settings.data_dir / "glossary.toml").write_text(
        '[groups]\n"송년회" = ["송년회", "해넘이모임"]\n', encoding="utf-8"
    )
    assert live.refresh_if_changed()

    assert live.synonyms("해넘이모임") == ("송년회",)
    assert any("그랜드호텔" in text for text in _found(live, "해넘이모임 장소"))


def test_a_broken_glossary_file_keeps_the_glossary_as_it_was(
    settings: KnowledgeSettings, tmp_path: Path
) -> None:
    _ingest(settings, _write(tmp_path / "docs", "송년회.txt", PARTY))
    glossary = settings.data_dir / "glossary.toml"
    glossary.write_text('[groups]\n"송년회" = ["송년회", "해넘이모임"]\n', encoding="utf-8")
    live = LiveKnowledge.open(settings)

    glossary.write_text('[groups]\n"송년회" = ["송년회", \n', encoding="utf-8")
    live.refresh()

    assert live.synonyms("해넘이모임") == ("송년회",)
    assert any("그랜드호텔" in text for text in _found(live, "송년회 어디서 해요?"))
