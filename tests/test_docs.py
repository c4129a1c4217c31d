"""The documentation only points at documents that are in the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

DOCS = [
    REPO_ROOT / "README.md",
    REPO_ROOT / "bench" / "README.md",
    REPO_ROOT / "samples" / "README.md",
    *sorted((REPO_ROOT / "docs").glob("*.md")),
]
_MD_NAME = re.compile(r"(?<![\w/.-])([\w./-]+\.md)\b")
_LINK = re.compile(r"\]\(([^)#\s]+)")
_OWN_FOLDERS = ("bot", "bench", "docs", "handlers", "ingest", "knowledge", "samples", "tests")


def named_documents(doc: Path) -> set[str]:
    """Markdown files a document names, in links or in its text."""
    text = doc.read_text(encoding="utf-8")
    links = {link for link in _LINK.findall(text) if "://" not in link}
    return links | set(_MD_NAME.findall(text))


def exists(name: str, doc: Path) -> bool:
    """A path from the document's folder or the root, or a bare file name anywhere of ours."""
    if (doc.parent / name).exists() or (REPO_ROOT / name).exists():
        return True
    if "/" in name:
        return False
    return any(any((REPO_ROOT / top).rglob(name)) for top in _OWN_FOLDERS)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_every_document_a_document_names_exists(doc: Path) -> None:
    assert sorted(name for name in named_documents(doc) if not exists(name, doc)) == []


_PY_NAME = re.compile(r"(?<![\w/.*-])([\w./-]+\.py)\b")
# Files the how-to sections invent as examples of what a newcomer would add.
_EXAMPLES = frozenset({"bot/skills/partners.py", "tests/bot/skills/test_partners.py"})


def test_the_architecture_names_only_source_files_that_exist() -> None:
    doc = REPO_ROOT / "docs" / "architecture.md"
    named = set(_PY_NAME.findall(doc.read_text(encoding="utf-8"))) - _EXAMPLES

    # A path is from the root or, in the package diagram, from bot/.
    missing = [
        name
        for name in named
        if not any((REPO_ROOT / top / name).exists() for top in ("", "bot"))
        and not exists(name, doc)
    ]

    assert sorted(missing) == []
