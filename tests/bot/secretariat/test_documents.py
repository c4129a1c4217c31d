"""The documents use-cases: upload through the ingest pipeline, list, relabel, remove."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation.errors import FederationError
from bot.qa import DocumentQA
from bot.secretariat import documents
from bot.secretariat.documents import FileResult, Upload
from bot.storage.audit_models import AuditEntry
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore
from tests.conftest import REPO_ROOT

BROKEN = (REPO_ROOT / "tests/ingest/fixtures/깨진.docx").read_bytes()
RULES = (
    "# 새벽교류회 회칙\n\n## 제5조 (회비)\n"
    "정회원의 연회비는 60만 원으로 한다. 회비는 매년 3월 말까지 사무국 계좌로 납부한다.\n\n"
    "## 제6조 (정례회)\n정례회는 매월 둘째 주 화요일 오후 7시에 수원상공회의소 3층에서 연다.\n"
)


@pytest.fixture
def store() -> ChunkStore:
    return ChunkStore.open(KnowledgeSettings())


@pytest.fixture
def folder(isolated_env: Path) -> Path:
    return isolated_env / documents.FOLDER


def add(
    session: Session, store: ChunkStore, folder: Path, *files: Upload, **labels: str
) -> list[FileResult]:
    return documents.add_documents(
        session, store=store, folder=folder, files=list(files), actor="member:1", **labels
    )


def test_a_broken_file_gets_a_korean_reason_and_the_others_still_go_in(
    session: Session, store: ChunkStore, folder: Path
) -> None:
    results = add(
        session,
        store,
        folder,
        Upload("회칙.txt", RULES.encode()),
        Upload("깨진.docx", BROKEN),
        Upload("메모.xyz", b"hello"),
    )

    assert [(r.name, r.status) for r in results] == [
        ("회칙.txt", "ingested"),
        ("깨진.docx", "failed"),
        ("메모.xyz", "failed"),
    ]
    assert "손상" in results[1].reason
    assert "지원하지 않는 형식" in results[2].reason
    assert [d.name for d in documents.list_documents(store, folder=folder)] == ["회칙.txt"]
    assert sorted(p.name for p in folder.iterdir()) == ["회칙.txt"]  # failed files not kept
    [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "document_add"))
    assert entry.actor == "member:1"
    assert entry.detail["file"] == "회칙.txt"


def test_an_uploaded_document_is_answered_and_its_kind_and_visibility_shown(
    session: Session, store: ChunkStore, folder: Path
) -> None:
    add(session, store, folder, Upload("회칙.txt", RULES.encode()), visibility="members")

    [listed] = documents.list_documents(store, folder=folder)
    answer = DocumentQA.open(KnowledgeSettings()).answer(
        "연회비는 얼마인가요?", allowed=frozenset({"public", "members"})
    )

    assert (listed.kind, listed.visibility, listed.uploaded) == ("rules", "members", True)
    assert answer.confident
    assert "60만 원" in answer.text


def test_a_file_name_with_folders_stays_inside_the_documents_folder(
    session: Session, store: ChunkStore, folder: Path
) -> None:
    [result] = add(session, store, folder, Upload("../../etc/회칙.txt", RULES.encode()))
    [hidden] = add(session, store, folder, Upload("..", RULES.encode()))

    assert result.name == "회칙.txt"
    assert (folder / "회칙.txt").exists()
    assert hidden.status == "failed"
    assert hidden.reason == texts.DOC_BAD_NAME


def test_relabelling_changes_who_the_bot_answers_from_it(
    session: Session, store: ChunkStore, folder: Path
) -> None:
    add(session, store, folder, Upload("회칙.txt", RULES.encode()))
    [listed] = documents.list_documents(store, folder=folder)

    changed = documents.change_document(
        session,
        store=store,
        folder=folder,
        source=listed.source,
        actor="member:1",
        kind="faq",
        visibility="group:7",
    )
    qa = DocumentQA.open(KnowledgeSettings())

    assert (changed.kind, changed.visibility) == ("faq", "group:7")
    assert not qa.answer("연회비는 얼마인가요?", allowed=frozenset({"public"})).confident
    assert qa.answer("연회비는 얼마인가요?", allowed=frozenset({"group:7"})).confident
    assert {c.visibility for c in store.all_chunks()} == {"group:7"}


def test_removing_a_document_deletes_its_file_and_the_bot_no_longer_uses_it(
    session: Session, store: ChunkStore, folder: Path
) -> None:
    add(session, store, folder, Upload("회칙.txt", RULES.encode()))
    qa = DocumentQA.open(KnowledgeSettings())
    [listed] = documents.list_documents(store, folder=folder)

    removed = documents.remove_document(
        session, store=store, folder=folder, source=listed.source, actor="member:1"
    )
    qa.refresh()

    assert removed.name == "회칙.txt"
    assert documents.list_documents(store, folder=folder) == []
    assert not (folder / "회칙.txt").exists()
    assert not qa.answer("연회비는 얼마인가요?").confident


def test_wrong_labels_and_unknown_documents_are_refused_in_korean(
    session: Session, store: ChunkStore, folder: Path
) -> None:
    with pytest.raises(FederationError, match=texts.DOC_BAD_KIND):
        add(session, store, folder, Upload("a.txt", b"x"), kind="memo")
    with pytest.raises(FederationError, match=texts.DOC_BAD_VISIBILITY):
        add(session, store, folder, Upload("a.txt", b"x"), visibility="everyone")
    with pytest.raises(FederationError, match=texts.DOC_NO_FILES):
        add(session, store, folder)
    with pytest.raises(FederationError, match=texts.DOC_NOT_FOUND):
        documents.remove_document(
            session, store=store, folder=folder, source="/nowhere.txt", actor="member:1"
        )


def test_refresh_picks_up_documents_added_after_the_bot_started(
    session: Session, store: ChunkStore, folder: Path
) -> None:
    qa = DocumentQA.open(KnowledgeSettings())
    assert not qa.has_documents

    add(session, store, folder, Upload("회칙.txt", RULES.encode()))
    qa.refresh()

    assert qa.answer("연회비는 얼마인가요?").confident
