import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.qa import DocumentQA
from ingest import pipeline, texts
from ingest.pipeline import PrunePlan, ingest_paths, plan_prune, remove_documents
from ingest.sample import load_sample_corpus_if_empty
from ingest.settings import IngestSettings
from knowledge import lexical_cache
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore, DocumentRecord
from knowledge.types import Chunk

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = [
    "회비_규정.txt",
    "정례회_일정.md",
    "지원사업_안내.html",
    "교류회_회칙.docx",
    "방문_행사.hwpx",
]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


@pytest.fixture
def store() -> ChunkStore:
    return ChunkStore.open(KnowledgeSettings())


def real(path: str) -> str:
    """A document id: the file's absolute real path (the tests run inside tmp_path)."""
    return os.path.realpath(path)


def test_a_folder_is_ingested_with_absolute_sources_and_kinds_guessed(
    docs: Path, store: ChunkStore
) -> None:
    report = ingest_paths(["./docs/"], store=store)

    assert report.ingested == len(GOOD)
    assert not report.failed
    kinds = {record.source: record.kind for record in store.documents()}
    assert kinds == {
        real("docs/교류회_회칙.docx"): "rules",
        real("docs/방문_행사.hwpx"): "events",
        real("docs/정례회_일정.md"): "events",
        real("docs/지원사업_안내.html"): "programs",
        real("docs/회비_규정.txt"): "rules",
    }
    assert store.count() == report.chunks == sum(r.chunks for r in store.documents())


def test_second_run_skips_unchanged_files(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs"], store=store)
    before = store.all_chunks()

    again = ingest_paths(["docs"], store=store)

    assert again.unchanged == len(GOOD)
    assert again.ingested == 0
    assert store.all_chunks() == before


def test_a_changed_file_replaces_its_chunks(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs"], store=store)
    (docs / "회비_규정.txt").write_text("회비 규정\n제3조(회비) 연회비는 80만 원이다.\n", "utf-8")

    report = ingest_paths(["docs"], store=store)

    assert report.ingested == 1
    fee = [chunk for chunk in store.all_chunks() if chunk.source == real("docs/회비_규정.txt")]
    assert [chunk.text for chunk in fee] == ["회비 규정", "제3조(회비) 연회비는 80만 원이다."]
    assert store.document(real("docs/회비_규정.txt")).chunks == 2  # type: ignore[union-attr]


def test_changing_visibility_reindexes_the_file(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs/회비_규정.txt"], store=store)

    report = ingest_paths(["docs/회비_규정.txt"], store=store, visibility="members")

    assert report.ingested == 1
    assert {chunk.visibility for chunk in store.all_chunks()} == {"members"}


def test_prune_finds_documents_whose_files_are_gone_and_removes_them_when_told(
    docs: Path, store: ChunkStore
) -> None:
    ingest_paths(["docs"], store=store)
    (docs / "정례회_일정.md").unlink()

    plan = plan_prune(store, ["docs"])

    assert plan == PrunePlan(gone=[real("docs/정례회_일정.md")], unsure=[])
    assert len(store.documents()) == len(GOOD)  # planning removes nothing
    remove_documents(store, plan.gone)
    assert real("docs/정례회_일정.md") not in {chunk.source for chunk in store.all_chunks()}
    assert len(store.documents()) == len(GOOD) - 1


def test_one_file_by_a_relative_an_absolute_and_a_linked_path_is_one_document(
    docs: Path, store: ChunkStore, tmp_path: Path
) -> None:
    (tmp_path / "link").symlink_to(docs)
    ingest_paths(["docs/회비_규정.txt"], store=store)

    again = ingest_paths(
        [str(docs.resolve() / "회비_규정.txt"), "./docs/../docs/회비_규정.txt", "link"],
        store=store,
    )

    assert [record.source for record in store.documents() if "회비" in record.source] == [
        real("docs/회비_규정.txt")
    ]
    assert again.ingested == len(GOOD) - 1  # the others, reached through the link


def test_prune_from_another_folder_finds_nothing_gone(
    docs: Path, store: ChunkStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(["docs"], store=store)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    assert plan_prune(store) == PrunePlan(gone=[], unsure=[])


def test_documents_stored_by_relative_paths_are_kept_and_taken_over(
    docs: Path, store: ChunkStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older versions stored the path as typed: such a document is never pruned by guesswork."""
    legacy = DocumentRecord(
        source="docs/회비_규정.txt",
        content_hash="old",
        title="회비 규정",
        kind="rules",
        visibility="public",
        chunks=1,
        ingested_at=datetime.now(UTC),
    )
    chunk = Chunk(
        "legacy-1",
        "연회비는 60만 원이다.",
        "회비 규정",
        "docs/회비_규정.txt",
        "",
        "rules",
        "public",
    )
    store.replace_documents([(legacy, [chunk])])
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")

    assert plan_prune(store) == PrunePlan(gone=[], unsure=["docs/회비_규정.txt"])

    monkeypatch.chdir(tmp_path)  # from the folder it was relative to, it is the same file
    ingest_paths(["docs/회비_규정.txt"], store=store)

    assert [r.source for r in store.documents()] == [real("docs/회비_규정.txt")]
    assert {c.source for c in store.all_chunks()} == {real("docs/회비_규정.txt")}


def test_bad_files_are_reported_and_the_rest_still_goes_in(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs"], store=store)
    for name in ("옛날문서.hwp", "암호.pdf", "빈파일.txt", "데이터.xyz"):
        shutil.copy(FIXTURES / name, docs / name)
    (docs / "회비_규정.txt").write_bytes(b"")  # an indexed file now broken keeps its old chunks
    shutil.copy(FIXTURES / "자주_묻는_질문.pdf", docs / "자주_묻는_질문.pdf")

    report = ingest_paths(["docs", "없는폴더"], store=store)

    reasons = {outcome.source: outcome.reason for outcome in report.failed}
    assert reasons == {
        real("docs/옛날문서.hwp"): texts.HWP_LEGACY,
        real("docs/암호.pdf"): texts.ENCRYPTED_PDF,
        real("docs/빈파일.txt"): texts.EMPTY_FILE,
        real("docs/데이터.xyz"): texts.UNSUPPORTED,
        real("docs/회비_규정.txt"): texts.EMPTY_FILE,
        "없는폴더": texts.NOT_FOUND,
    }
    assert report.ingested == 1
    assert report.ok
    assert store.document(real("docs/회비_규정.txt")) is not None
    assert any(chunk.source == real("docs/회비_규정.txt") for chunk in store.all_chunks())


def test_oversized_files_are_skipped_under_a_configured_limit(
    docs: Path, store: ChunkStore
) -> None:
    settings = IngestSettings(GYORYU_MAX_FILE_MB=0.0005)  # about 500 bytes

    report = ingest_paths(["docs/회비_규정.txt"], store=store, settings=settings)

    assert report.failed[0].reason.startswith("파일이 너무 커요")
    assert not report.ok


def test_explicit_kind_wins_over_the_guess(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs/회비_규정.txt"], store=store, kind="faq")

    assert {chunk.kind for chunk in store.all_chunks()} == {"faq"}


def test_sample_corpus_loads_only_into_an_empty_store(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GYORYU_SAMPLE_DIR", str(docs))
    settings = KnowledgeSettings()

    assert load_sample_corpus_if_empty(settings) is True
    assert load_sample_corpus_if_empty(settings) is False
    assert len(ChunkStore.open(settings).documents()) == len(GOOD)


def test_sample_corpus_is_not_added_beside_the_users_documents(
    docs: Path, store: ChunkStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(["docs/회비_규정.txt"], store=store)
    monkeypatch.setenv("GYORYU_SAMPLE_DIR", str(docs))

    assert load_sample_corpus_if_empty(KnowledgeSettings(), store=store) is False
    assert len(store.documents()) == 1


def test_many_small_files_are_written_in_a_few_batches(
    tmp_path: Path, store: ChunkStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for number in range(250):
        (folder / f"notice_{number:03d}.txt").write_text(
            f"안내 {number}호\n{number}번 교류회 정례회는 매월 둘째 주 화요일에 열립니다.\n",
            "utf-8",
        )
    writes: list[int] = []
    replace = store.replace_documents
    monkeypatch.setattr(
        store, "replace_documents", lambda docs: (writes.append(len(docs)), replace(docs))
    )

    report = ingest_paths([str(folder)], store=store)

    assert report.ingested == 250
    assert store.count() == report.chunks
    assert len(store.documents()) == 250
    assert writes == [200, 50]  # one call per batch, not one per file


def test_ingest_analyses_the_chunks_so_the_bot_starts_without_kiwi_work(
    docs: Path, store: ChunkStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(["docs"], store=store)

    def no_analysis(texts: object, **_: object) -> object:
        texts = list(texts)  # type: ignore[call-overload]
        assert len(texts) <= 1, "chunks should come from the ingest-time cache"
        return real(texts)

    real = lexical_cache.analyze_many
    monkeypatch.setattr(lexical_cache, "analyze_many", no_analysis)
    qa = DocumentQA.open(KnowledgeSettings())

    assert qa.answer("연회비는 얼마예요?").sources


def test_a_new_way_of_reading_files_reads_unchanged_files_again(
    docs: Path, store: ChunkStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(["docs"], store=store)
    monkeypatch.setattr(pipeline, "READING_VERSION", pipeline.READING_VERSION + "-next")

    again = ingest_paths(["docs"], store=store)

    assert again.ingested == len(GOOD)
    assert again.unchanged == 0
    assert ingest_paths(["docs"], store=store).unchanged == len(GOOD)
