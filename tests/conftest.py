"""Shared test fixtures: every test gets its own data directory and a clean environment."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from tests.databases import PostgresTemplate, copy_sqlite, migrate_sqlite_template

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO_ROOT / "samples" / "corpus"

# pytest-xdist's workers start with COLUMNS=80 in their environment; rich would fix the width of
# the command line's module-level console at 80 when it is imported, so a test's own COLUMNS
# (a wide terminal) would count only when the module happened to be imported after it.
os.environ.pop("COLUMNS", None)

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


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated to the head once per session, for tests to copy."""
    return migrate_sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[PostgresTemplate]:
    """A PostgreSQL database migrated once per session (skips without ``TEST_DATABASE_URL``)."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    template = PostgresTemplate(base)
    yield template
    template.close()


@pytest.fixture
def migrated_data_dir(isolated_env: Path, sqlite_template: Path) -> Path:
    """The data directory with its SQLite database already migrated, as after a first start."""
    copy_sqlite(sqlite_template, isolated_env / "gyoryu.db")
    return isolated_env


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Make a report's captured output UTF-8-safe before pytest-xdist sends it to the main process.

    The fuzz and sanitising tests feed lone surrogates on purpose, and what they log then holds
    them; execnet refuses such strings and the whole worker would be lost.
    """
    report = yield
    report.sections = [(title, _utf8_safe(content)) for title, content in report.sections]
    return report


def _utf8_safe(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
