"""The sample corpus ingested once per test session, shared by the Q&A and console tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ingest.pipeline import ingest_paths
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore
from tests.conftest import REPO_ROOT, SAMPLE_CORPUS

QUESTIONS = REPO_ROOT / "samples" / "corpus_questions.jsonl"


def offline_settings(data_dir: Path) -> KnowledgeSettings:
    """Settings for ``data_dir`` that ignore the developer's environment and ``.env``."""
    return KnowledgeSettings(
        _env_file=None,  # type: ignore[call-arg]  # pydantic-settings' init-only option
        GYORYU_DATA_DIR=data_dir,
        CHROMA_HOST=None,
        OPENAI_API_KEY=None,
        OPENAI_BASE_URL=None,
        GYORYU_CHAT_MODEL=None,
        GYORYU_EMBEDDING_MODEL=None,
        GYORYU_SEMANTIC_CHECK=True,
    )


def ingested_sample(base: Path) -> Path:
    """A data directory under ``base`` holding the sample corpus, ingested on first use only."""
    data_dir = base / "sample-corpus-data"
    marker = data_dir / ".ingested"
    if not marker.exists():
        store = ChunkStore.open(offline_settings(data_dir))
        report = ingest_paths([str(SAMPLE_CORPUS)], store=store)
        assert report.ok, report.failed
        marker.touch()
    return data_dir


def sample_questions() -> list[dict[str, Any]]:
    """The question set of the sample corpus (answerable, unanswerable and chatter)."""
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
