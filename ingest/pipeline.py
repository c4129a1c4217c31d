"""The ingest pipeline: find files, skip unchanged ones, load, chunk and store the rest."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol

from ingest import texts
from ingest.chunking import DEFAULT_CHUNK_SIZE, chunk_document
from ingest.kinds import guess_kind
from ingest.loaders import LoadError, load_document
from ingest.settings import IngestSettings
from knowledge.store import ChunkStore, DocumentRecord
from knowledge.types import Chunk

Status = Literal["ingested", "unchanged", "failed"]

READING_VERSION = "2"
"""How files are read and chunked; part of every file's fingerprint, so changing the reading
(2: paragraph breaks kept, character references decoded) re-reads unchanged files on the next
ingest instead of keeping chunks cut the old way."""
WRITE_BATCH_CHUNKS = 500
"""Chunks queued before the store is written (Chroma's cost is mostly per call)."""
WRITE_BATCH_FILES = 200
"""Files queued before the store is written, so a run of tiny files still flushes regularly."""


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one file; ``reason`` (Korean) explains a failure."""

    source: str
    status: Status
    chunks: int = 0
    reason: str = ""


@dataclass(slots=True)
class IngestReport:
    """Everything one run did, for the summary line and the exit code."""

    outcomes: list[FileOutcome] = field(default_factory=list)

    def _count(self, status: Status) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def ingested(self) -> int:
        """Files (re)indexed in this run."""
        return self._count("ingested")

    @property
    def unchanged(self) -> int:
        """Files skipped because they were already indexed as they are."""
        return self._count("unchanged")

    @property
    def failed(self) -> list[FileOutcome]:
        """Files that could not be used, with their reasons."""
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    @property
    def chunks(self) -> int:
        """Chunks written in this run."""
        return sum(outcome.chunks for outcome in self.outcomes)

    @property
    def ok(self) -> bool:
        """False only when something failed and no file ended up indexed."""
        return not self.failed or self.ingested + self.unchanged > 0


class Progress(Protocol):
    """Receives progress as files are processed (the CLI draws a bar with it)."""

    def start(self, total: int) -> None:
        """Processing of ``total`` files begins."""

    def advance(self, source: str) -> None:
        """One more file is done."""


def ingest_paths(
    paths: Sequence[str],
    *,
    store: ChunkStore,
    kind: str | None = None,
    visibility: str = "public",
    settings: IngestSettings | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively).

    ``kind=None`` guesses each file's kind from its name and title. Each document is known by
    :func:`document_id`, so a file is one document however its path was typed and from wherever.
    A document stored under a relative path by an older version is taken over when the same file
    is ingested again from the folder it was relative to.
    """
    limit = (settings or IngestSettings()).max_file_bytes
    files, report = _collect(paths)
    # The manifest is read once, not once a file: through a Chroma server each read is a request.
    manifest = {record.source: record for record in store.documents()}
    legacy = _legacy_ids(manifest.values())
    if progress is not None:
        progress.start(len(files))
    writer = _BatchWriter(store)
    taken_over: list[str] = []
    for source, path in files:
        outcome, loaded = _load_file(
            source,
            path,
            manifest.get(source),
            kind,
            visibility,
            limit,
            chunk_size,
            force=source in legacy,
        )
        report.outcomes.append(outcome)
        if loaded is not None:
            writer.add(*loaded)
            if source in legacy:
                taken_over.append(legacy[source])
        if progress is not None:
            progress.advance(source)
    writer.flush()
    for old in taken_over:  # after the new copy is written, so the document is never missing
        store.remove_document(old)
    if writer.written and store.analysis_cache is not None:
        # Kiwi's analysis happens now, once, so the first question after an ingest is as fast
        # as any other: the bot finds every chunk's analysis in the cache when it loads.
        from knowledge.retriever import analyse_chunks

        analyse_chunks(writer.written, cache=store.analysis_cache)
    return report


class _BatchWriter:
    """Collects loaded documents and writes them to the store a batch at a time."""

    def __init__(self, store: ChunkStore) -> None:
        self._store = store
        self._pending: list[tuple[DocumentRecord, list[Chunk]]] = []
        self._pending_chunks = 0
        self.written: list[Chunk] = []

    def add(self, record: DocumentRecord, chunks: list[Chunk]) -> None:
        """Queue one document; write the queue once it holds enough chunks or documents."""
        self._pending.append((record, chunks))
        self._pending_chunks += len(chunks)
        if self._pending_chunks >= WRITE_BATCH_CHUNKS or len(self._pending) >= WRITE_BATCH_FILES:
            self.flush()

    def flush(self) -> None:
        """Write every queued document."""
        if not self._pending:
            return
        self._store.replace_documents(self._pending)
        self.written.extend(chunk for _, chunks in self._pending for chunk in chunks)
        self._pending, self._pending_chunks = [], 0


def document_id(path: str | Path) -> str:
    """A document's identity: the absolute, symlink-free path of its file.

    The same file reached as ``docs/a.txt``, ``./docs/../docs/a.txt``, its absolute path or a link
    is one document, and the id names the same file from any working directory.
    """
    return os.path.realpath(path)


@dataclass(frozen=True, slots=True)
class PrunePlan:
    """What ``--prune`` would do: documents whose file is gone, and those it cannot judge."""

    gone: list[str]
    """Documents whose file no longer exists: removed once the user agrees."""
    unsure: list[str]
    """Documents an older version stored by a relative path whose file is not found from here:
    the folder it was relative to is unknown, so they are kept."""


def plan_prune(store: ChunkStore, paths: Sequence[str] = ()) -> PrunePlan:
    """The documents whose file is gone (only under ``paths`` when given); nothing is removed."""
    roots = [document_id(path) for path in paths]
    gone: list[str] = []
    unsure: list[str] = []
    for record in store.documents():
        source = record.source
        where = source if os.path.isabs(source) else document_id(source)
        if not _under(where, roots) or os.path.exists(where):
            continue
        (gone if os.path.isabs(source) else unsure).append(source)
    return PrunePlan(gone, unsure)


def remove_documents(store: ChunkStore, sources: Sequence[str]) -> None:
    """Remove these documents and their chunks from the store."""
    for source in sources:
        store.remove_document(source)


def _legacy_ids(records: Iterable[DocumentRecord]) -> dict[str, str]:
    """Documents stored under a relative path (older versions), by the file that path names here."""
    return {
        document_id(record.source): record.source
        for record in records
        if not os.path.isabs(record.source)
    }


def _under(source: str, roots: list[str]) -> bool:
    """Whether ``source`` is one of ``roots`` or inside one (always true without roots)."""
    return not roots or any(
        source == root or source.startswith(root.rstrip(os.sep) + os.sep) for root in roots
    )


def _collect(paths: Sequence[str]) -> tuple[list[tuple[str, Path]], IngestReport]:
    """Expand folders into files (hidden and Office lock files left out), de-duplicated."""
    report = IngestReport()
    files: dict[str, Path] = {}
    for typed in paths:
        root = Path(typed)
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                relative = path.relative_to(root)
                if path.is_file() and not any(
                    part.startswith((".", "~$")) for part in relative.parts
                ):
                    files.setdefault(document_id(path), path)
        elif root.is_file():
            files.setdefault(document_id(root), root)
        else:
            report.outcomes.append(
                FileOutcome(os.path.normpath(typed), "failed", 0, texts.NOT_FOUND)
            )
    return list(files.items()), report


def _load_file(
    source: str,
    path: Path,
    previous: DocumentRecord | None,
    kind: str | None,
    visibility: str,
    limit: int,
    chunk_size: int,
    *,
    force: bool = False,
) -> tuple[FileOutcome, tuple[DocumentRecord, list[Chunk]] | None]:
    """Load and chunk one file unless it is unchanged; failures become a reason, not an error.

    ``previous`` is the document's manifest entry (``None``: never ingested). Returns the outcome
    and, for a file to (re)index, its manifest record and chunks. ``force`` re-indexes even an
    unchanged file (to move it off an old relative id).
    """
    try:
        size = path.stat().st_size
        if size > limit:
            reason = texts.too_large(size / 1024 / 1024, limit / 1024 / 1024)
            return FileOutcome(source, "failed", 0, reason), None
        content_hash = _fingerprint(path.read_bytes())
        if (
            not force
            and previous is not None
            and previous.content_hash == content_hash
            and previous.visibility == visibility
            and kind in (None, previous.kind)
        ):
            return FileOutcome(source, "unchanged", 0), None
        document = load_document(path)
    except LoadError as error:
        return FileOutcome(source, "failed", 0, error.reason), None
    except OSError:
        return FileOutcome(source, "failed", 0, texts.UNREADABLE), None
    chosen = kind or guess_kind(path.name, document.title)
    chunks = chunk_document(
        document, source=source, kind=chosen, visibility=visibility, size=chunk_size
    )
    record = DocumentRecord(
        source=source,
        content_hash=content_hash,
        title=document.title,
        kind=chosen,
        visibility=visibility,
        chunks=len(chunks),
        ingested_at=datetime.now(UTC),
        date=document.date,
    )
    return FileOutcome(source, "ingested", len(chunks)), (record, chunks)


def _fingerprint(data: bytes) -> str:
    """What decides whether a file must be read again: its bytes and the way ingest reads them."""
    return hashlib.sha256(f"gyoryu-reading-{READING_VERSION}\0".encode() + data).hexdigest()
