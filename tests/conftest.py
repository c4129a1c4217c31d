"""Shared test fixtures: every test gets its own data directory and a clean environment."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO_ROOT / "samples" / "corpus"

_ENV_KEYS = (
    "GYORYU_DATA_DIR",
    "DATABASE_URL",
    "CHROMA_HOST",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "GYORYU_CHAT_MODEL",
    "GYORYU_EMBEDDING_MODEL",
    "GYORYU_MAX_FILE_MB",
    "GYORYU_SAMPLE_DIR",
    "GYORYU_GLOSSARY",
)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data directory at a temporary folder and hide the developer's settings."""
    for key in _ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    data_dir = tmp_path / "data"
    monkeypatch.setenv("GYORYU_DATA_DIR", str(data_dir))
    monkeypatch.chdir(tmp_path)  # so a developer's ./.env is never read
    return data_dir
