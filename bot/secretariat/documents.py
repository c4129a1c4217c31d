"""The federation's documents as the secretariat keeps them: upload, list, relabel, remove.

Uploaded files are kept in the data directory's ``documents/`` folder (a document is known by
its file's path, see :func:`ingest.pipeline.document_id`), then go through the same ingest
pipeline as ``gyoryu ingest``. A file that cannot be read is reported with a Korean reason and
the others still go in. Each change is audited in the caller's transaction; the running bot's
index is refreshed by the caller (the console calls the answerer's ``refresh``).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from ingest.kinds import is_kind, is_visibility
from ingest.pipeline import Progress, ingest_paths
from ingest.settings import IngestSettings
from knowledge.store import ChunkStore, DocumentRecord

FOLDER = "documents"
"""The data directory's folder that keeps uploaded files."""
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class Upload:
    """One file as it arrived: the name the person's computer gave it, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class FileResult:
    """What became of one uploaded file: 넣음, 그대로 or 실패 with the reason."""

    name: str
    status: str
    chunks: int = 0
    reason: str = ""


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document as the secretariat sees it."""

    source: str
    name: str
    title: str
    kind: str
    visibility: str
    chunks: int
    ingested_at: datetime
    date: str | None
    uploaded: bool
    """Kept in the documents folder (uploaded through the console) rather than ingested from
    a folder of the secretariat's computer."""


def add_documents(
    session: Session,
    *,
    store: ChunkStore,
    folder: Path,
    files: Sequence[Upload],
    actor: str,
    kind: str | None = None,
    visibility: str = "public",
    settings: IngestSettings | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Keep each file in ``folder`` and ingest it; one result per file, failures included.

    ``kind=None`` guesses each file's kind from its name and title. A file uploaded again under
    the same name replaces the document. A file that fails is not kept (unless an earlier
    version of it is indexed, which then stays as it was).
    """
    _check_labels(kind, visibility)
    if not files:
        raise FederationError(texts.DOC_NO_FILES)
    folder.mkdir(parents=True, exist_ok=True)
    names = [safe_name(upload.name) for upload in files]
    paths: dict[str, str] = {}  # a kept file's name -> its document id
    for upload, name in zip(files, names, strict=True):
        if name:
            path = folder / name
            path.write_bytes(upload.data)
            paths[name] = os.path.realpath(path)
    report = ingest_paths(
        list(paths.values()),
        store=store,
        kind=kind,
        visibility=visibility,
        settings=settings,
        progress=progress,
    )
    outcomes = {outcome.source: outcome for outcome in report.outcomes}
    results: list[FileResult] = []
    for upload, name in zip(files, names, strict=True):
        if not name:
            results.append(FileResult(upload.name, "failed", reason=texts.DOC_BAD_NAME))
            continue
        outcome = outcomes[paths[name]]
        results.append(FileResult(name, outcome.status, outcome.chunks, outcome.reason))
        if outcome.status == "failed" and store.document(outcome.source) is None:
            Path(outcome.source).unlink(missing_ok=True)
        elif outcome.status == "ingested":
            audit.record(
                session,
                actor=actor,
                action="document_add",
                entity="document",
                entity_id=None,
                file=name,
                chunks=outcome.chunks,
                visibility=visibility,
            )
    return results


def list_documents(store: ChunkStore, *, folder: Path) -> list[DocumentInfo]:
    """Every indexed document, newest first."""
    records = sorted(store.documents(), key=lambda r: r.ingested_at, reverse=True)
    return [_info(record, folder) for record in records]


def find_document(store: ChunkStore, *, source: str, folder: Path) -> DocumentInfo:
    """One indexed document, or :class:`NotFoundError`."""
    record = store.document(source)
    if record is None:
        raise NotFoundError(texts.DOC_NOT_FOUND)
    return _info(record, folder)


def change_document(
    session: Session,
    *,
    store: ChunkStore,
    folder: Path,
    source: str,
    actor: str,
    kind: str,
    visibility: str,
) -> DocumentInfo:
    """Give a document another kind or visibility; its passages change with it at once.

    The stored passages are relabelled in place, so this works for a document whose file is no
    longer on this computer too.
    """
    _check_labels(kind, visibility)
    record = store.document(source)
    if record is None:
        raise NotFoundError(texts.DOC_NOT_FOUND)
    chunks = [
        replace(chunk, kind=kind, visibility=visibility)
        for chunk in store.all_chunks()
        if chunk.source == source
    ]
    changed = replace(record, kind=kind, visibility=visibility)
    store.replace_document(changed, chunks)
    audit.record(
        session,
        actor=actor,
        action="document_change",
        entity="document",
        entity_id=None,
        file=os.path.basename(source),
        kind=kind,
        visibility=visibility,
        was={"kind": record.kind, "visibility": record.visibility},
    )
    return _info(changed, folder)


def remove_document(
    session: Session, *, store: ChunkStore, folder: Path, source: str, actor: str
) -> DocumentInfo:
    """Take a document out of the index; an uploaded file is deleted with it."""
    record = store.document(source)
    if record is None:
        raise NotFoundError(texts.DOC_NOT_FOUND)
    removed = _info(record, folder)
    store.remove_document(source)
    if removed.uploaded:
        Path(source).unlink(missing_ok=True)
    audit.record(
        session,
        actor=actor,
        action="document_remove",
        entity="document",
        entity_id=None,
        file=removed.name,
    )
    return removed


def safe_name(name: str) -> str:
    """A file name that stays inside the documents folder (empty when nothing usable is left).

    Browsers send a bare name, some a full path; folders, path separators, control characters
    and a leading dot are dropped, and Korean is kept in its composed form.
    """
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    cleaned = _UNSAFE.sub("_", base).strip().lstrip(".").strip()
    return cleaned[:200]


def _check_labels(kind: str | None, visibility: str) -> None:
    if kind is not None and not is_kind(kind):
        raise FederationError(texts.DOC_BAD_KIND)
    if not is_visibility(visibility):
        raise FederationError(texts.DOC_BAD_VISIBILITY)


def _info(record: DocumentRecord, folder: Path) -> DocumentInfo:
    uploaded = os.path.dirname(record.source) == os.path.realpath(folder)
    return DocumentInfo(
        source=record.source,
        name=os.path.basename(record.source),
        title=record.title,
        kind=record.kind,
        visibility=record.visibility,
        chunks=record.chunks,
        ingested_at=record.ingested_at,
        date=record.date,
        uploaded=uploaded,
    )
