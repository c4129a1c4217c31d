import shutil
from pathlib import Path

import pytest

from bot.qa import DocumentQA
from ingest import texts
from ingest.pipeline import ingest_paths
from ingest.sample import load_sample_corpus_if_empty
from ingest.settings import IngestSettings
from knowledge import lexical_cache
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore

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


def test_a_folder_is_ingested_with_sources_as_typed_and_kinds_guessed(
    docs: Path, store: ChunkStore
) -> None:
    report = ingest_paths(["./docs/"], store=store)

    assert report.ingested == len(GOOD)
    assert not report.failed
    kinds = {record.source: record.kind for record in store.documents()}
    assert kinds == {
        "docs/교류회_회칙.docx": "rules",
        "docs/방문_행사.hwpx": "events",
        "docs/정례회_일정.md": "events",
        "docs/지원사업_안내.html": "programs",
        "docs/회비_규정.txt": "rules",
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
    fee = [chunk for chunk in store.all_chunks() if chunk.source == "docs/회비_규정.txt"]
    assert [chunk.text for chunk in fee] == ["회비 규정", "제3조(회비) 연회비는 80만 원이다."]
    assert store.document("docs/회비_규정.txt").chunks == 2  # type: ignore[union-attr]


def test_changing_visibility_reindexes_the_file(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs/회비_규정.txt"], store=store)

    report = ingest_paths(["docs/회비_규정.txt"], store=store, visibility="members")

    assert report.ingested == 1
    assert {chunk.visibility for chunk in store.all_chunks()} == {"members"}


def test_prune_removes_documents_whose_files_are_gone(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs"], store=store)
    (docs / "정례회_일정.md").unlink()

    report = ingest_paths(["docs"], store=store, prune=True)

    assert report.pruned == ["docs/정례회_일정.md"]
    assert "docs/정례회_일정.md" not in {chunk.source for chunk in store.all_chunks()}
    assert len(store.documents()) == len(GOOD) - 1


def test_bad_files_are_reported_and_the_rest_still_goes_in(docs: Path, store: ChunkStore) -> None:
    ingest_paths(["docs"], store=store)
    for name in ("옛날문서.hwp", "암호.pdf", "빈파일.txt", "데이터.xyz"):
        shutil.copy(FIXTURES / name, docs / name)
    (docs / "회비_규정.txt").write_bytes(b"")  # an indexed file now broken keeps its old chunks
    shutil.copy(FIXTURES / "자주_묻는_질문.pdf", docs / "자주_묻는_질문.pdf")

    report = ingest_paths(["docs", "없는폴더"], store=store)

    reasons = {outcome.source: outcome.reason for outcome in report.failed}
    assert reasons == {
        "docs/옛날문서.hwp": texts.HWP_LEGACY,
        "docs/암호.pdf": texts.ENCRYPTED_PDF,
        "docs/빈파일.txt": texts.EMPTY_FILE,
        "docs/데이터.xyz": texts.UNSUPPORTED,
        "docs/회비_규정.txt": texts.EMPTY_FILE,
        "없는폴더": texts.NOT_FOUND,
    }
    assert report.ingested == 1
    assert report.ok
    assert store.document("docs/회비_규정.txt") is not None
    assert any(chunk.source == "docs/회비_규정.txt" for chunk in store.all_chunks())


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
