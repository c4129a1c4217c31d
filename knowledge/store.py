"""The chunk store: chunks and the manifest of ingested files, both kept in Chroma.

Chroma is embedded (``PersistentClient`` in the data directory) unless ``CHROMA_HOST`` points at a
server. Chroma's own default embedding function downloads a model, so it is never used: every
vector is passed in explicitly. Without an embedding model the chunks carry a constant
placeholder vector (retrieval is lexical and only needs the texts); with one, they live in a
collection named for that model, so vectors of different models or sizes never mix.

Every write also stamps a new *generation* on the manifest collection, where every process using
the same Chroma store sees it: a serving bot compares it every few seconds and reloads what
changed (:mod:`knowledge.live`), so documents ingested or removed while it runs are answered (or
no longer cited) without a restart.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from knowledge.embeddings import build_embeddings, model_slug
from knowledge.settings import KnowledgeSettings
from knowledge.types import Chunk

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

# Chroma stores a vector with every record. Lexical mode never queries vectors, so a constant
# one-dimensional vector is the cheapest thing that satisfies it without any model.
_PLACEHOLDER = [1.0]
_BATCH = 500
_GENERATION = "generation"
"""Key of the manifest collection's metadata that changes with every write."""
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One ingested file as the manifest remembers it."""

    source: str
    content_hash: str
    title: str
    kind: str
    visibility: str
    chunks: int
    ingested_at: datetime
    date: str | None = None


class ChunkStore:
    """Chunks of every ingested document plus the manifest that says where they came from."""

    def __init__(
        self,
        chunks: Any,
        manifest: Any,
        embeddings: Embeddings | None,
        *,
        analysis_cache: Path | None = None,
        client: Any = None,
    ) -> None:
        self._chunks = chunks
        self._manifest = manifest
        self._embeddings = embeddings
        self.analysis_cache = analysis_cache
        """Where the text analyses of this store's chunks are cached (``None``: nowhere)."""
        self._client = client

    @classmethod
    def open(cls, settings: KnowledgeSettings) -> ChunkStore:
        """Open (creating if needed) the collections for the configured retrieval mode."""
        client = _client(settings)
        if settings.embeddings_enabled and settings.embedding_model is not None:
            embeddings: Embeddings | None = build_embeddings(settings)
            name = f"{settings.collection}-dense-{model_slug(settings.embedding_model)}"
        else:
            embeddings, name = None, f"{settings.collection}-lexical"
        cosine = {"hnsw": {"space": "cosine"}}
        chunks = client.get_or_create_collection(
            name, embedding_function=None, configuration=cosine
        )
        manifest = client.get_or_create_collection(f"{name}-manifest", embedding_function=None)
        return cls(
            chunks, manifest, embeddings, analysis_cache=settings.lexical_cache_path, client=client
        )

    @property
    def dense_enabled(self) -> bool:
        """True when chunks carry real embeddings and ``dense_query`` can rank them."""
        return self._embeddings is not None

    def count(self) -> int:
        """Number of stored chunks."""
        return int(self._chunks.count())

    def all_chunks(self) -> list[Chunk]:
        """Every stored chunk, ordered by source then position."""
        chunks = [
            _chunk(id_, text, meta)
            for id_, text, meta in _records(self._chunks, ["documents", "metadatas"])
        ]
        return sorted(chunks, key=lambda chunk: (chunk.source, chunk.position))

    def chunks_of(self, sources: Sequence[str]) -> list[Chunk]:
        """The stored chunks of the given sources, ordered by source then position."""
        chunks: list[Chunk] = []
        for batch in _batches(list(sources)):
            where = {"source": batch[0]} if len(batch) == 1 else {"source": {"$in": batch}}
            found = self._chunks.get(where=where, include=["documents", "metadatas"])
            chunks += [
                _chunk(id_, text, meta)
                for id_, text, meta in zip(
                    found["ids"], found["documents"], found["metadatas"], strict=True
                )
            ]
        return sorted(chunks, key=lambda chunk: (chunk.source, chunk.position))

    def generation(self) -> str:
        """A stamp that changes whenever any process writes to this store ("" before the first).

        One small read (a single request to a Chroma server), cheap enough to ask every few
        seconds; the collection is fetched afresh because a handle keeps the metadata it was
        opened with.
        """
        if self._client is None:
            metadata = self._manifest.metadata
        else:
            found = self._client.get_collection(self._manifest.name, embedding_function=None)
            metadata = found.metadata
        return str((metadata or {}).get(_GENERATION, ""))

    def documents(self) -> list[DocumentRecord]:
        """The manifest: every ingested file, ordered by source."""
        records = [_record(meta) for _, _, meta in _records(self._manifest, ["metadatas"])]
        return sorted(records, key=lambda record: record.source)

    def document(self, source: str) -> DocumentRecord | None:
        """The manifest entry of one source, if it was ingested."""
        found = self._manifest.get(ids=[source], include=["metadatas"])
        return _record(found["metadatas"][0]) if found["ids"] else None

    def replace_document(self, record: DocumentRecord, chunks: Sequence[Chunk]) -> None:
        """Make ``chunks`` the only chunks of ``record.source`` and record it in the manifest."""
        self.replace_documents([(record, chunks)])

    def replace_documents(
        self, documents: Sequence[tuple[DocumentRecord, Sequence[Chunk]]]
    ) -> None:
        """Make each document's chunks the only chunks of its source, and record them all.

        Writes go in a few large batches: Chroma's cost per call grows with the size of the
        store (its full-text index of the documents is updated per call), so one call for
        hundreds of chunks is far cheaper than one per file.

        The manifest entries go first and come back last: a crash in between leaves the files
        unrecorded, so the next run ingests them again instead of trusting chunks that changed.
        Unchanged chunks keep their ids (the id hashes the text), so upserting the new set and
        then deleting the rest never leaves a document missing from search.
        """
        if not documents:
            return
        sources = [record.source for record, _ in documents]
        self._manifest.delete(ids=sources)
        chunks = [chunk for _, document_chunks in documents for chunk in document_chunks]
        for batch in _batches(chunks):
            self._chunks.upsert(
                ids=[chunk.id for chunk in batch],
                documents=[chunk.text for chunk in batch],
                metadatas=[_chunk_metadata(chunk) for chunk in batch],
                embeddings=self._vectors([chunk.text for chunk in batch]),
            )
        keep = {chunk.id for chunk in chunks}
        stale = [id_ for id_ in self._ids_of(sources) if id_ not in keep]
        for ids in _batches(stale):
            self._chunks.delete(ids=ids)
        for records in _batches([record for record, _ in documents]):
            self._manifest.upsert(
                ids=[record.source for record in records],
                metadatas=[_record_metadata(record) for record in records],
                embeddings=[_PLACEHOLDER for _ in records],
            )
        self._touch()

    def remove_document(self, source: str) -> None:
        """Forget a file: its manifest entry first, then its chunks."""
        self._manifest.delete(ids=[source])
        self._chunks.delete(where={"source": source})
        self._touch()

    def _touch(self) -> None:
        """Stamp a new generation, after the write it announces is complete."""
        self._manifest.modify(
            metadata={_GENERATION: f"{datetime.now(UTC).isoformat()} {uuid.uuid4().hex}"}
        )

    def dense_query(self, text: str, k: int) -> list[tuple[str, float]]:
        """Chunk ids most similar to ``text`` with similarity in [0, 1]; [] in lexical mode."""
        size = self.count()
        if self._embeddings is None or size == 0:
            return []
        vector = self._embeddings.embed_query(text)
        found = self._chunks.query(
            query_embeddings=[vector], n_results=min(k, size), include=["distances"]
        )
        # Cosine distance runs from 0 (same direction) to 2 (opposite).
        return [
            (id_, min(1.0, max(0.0, 1.0 - float(distance) / 2.0)))
            for id_, distance in zip(found["ids"][0], found["distances"][0], strict=True)
        ]

    def _vectors(self, texts: list[str]) -> list[list[float]]:
        """Embeddings of ``texts``, or the placeholder in lexical mode."""
        if self._embeddings is None:
            return [_PLACEHOLDER for _ in texts]
        return self._embeddings.embed_documents(texts)

    def _ids_of(self, sources: Sequence[str]) -> list[str]:
        """Ids of the stored chunks of the given sources (one metadata scan per batch)."""
        found: list[str] = []
        for batch in _batches(list(sources)):
            where = {"source": batch[0]} if len(batch) == 1 else {"source": {"$in": batch}}
            found.extend(self._chunks.get(where=where, include=[])["ids"])
        return found


def _client(settings: KnowledgeSettings) -> Any:
    """An embedded or HTTP Chroma client with telemetry off."""
    import chromadb
    from chromadb.config import Settings

    chroma_settings = Settings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host,
            port=settings.chroma_port,
            ssl=settings.chroma_ssl,
            settings=chroma_settings,
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _records(collection: Any, include: list[str]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """Every record of a collection, fetched a page at a time (a server caps page size)."""
    offset = 0
    while True:
        page = collection.get(include=include, limit=_BATCH, offset=offset)
        documents = page.get("documents") or [""] * len(page["ids"])
        yield from zip(page["ids"], documents, page["metadatas"], strict=True)
        if len(page["ids"]) < _BATCH:
            return
        offset += _BATCH


def _batches(items: list[_T]) -> Iterator[list[_T]]:
    """``items`` in slices Chroma accepts in one call."""
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _chunk_metadata(chunk: Chunk) -> dict[str, str | int]:
    """Chroma metadata of a chunk (Chroma rejects ``None`` values, so absent keys mean None)."""
    metadata: dict[str, str | int] = {
        "title": chunk.title,
        "source": chunk.source,
        "section": chunk.section,
        "kind": chunk.kind,
        "visibility": chunk.visibility,
        "position": chunk.position,
    }
    if chunk.date is not None:
        metadata["date"] = chunk.date
    return metadata


def _chunk(id_: str, text: str, metadata: Mapping[str, Any]) -> Chunk:
    """Rebuild a chunk from its stored form."""
    return Chunk(
        id=id_,
        text=text,
        title=str(metadata["title"]),
        source=str(metadata["source"]),
        section=str(metadata["section"]),
        kind=str(metadata["kind"]),
        visibility=str(metadata["visibility"]),
        date=str(metadata["date"]) if "date" in metadata else None,
        position=int(metadata["position"]),
    )


def _record_metadata(record: DocumentRecord) -> dict[str, str | int]:
    """Chroma metadata of a manifest entry."""
    metadata: dict[str, str | int] = {
        "source": record.source,
        "content_hash": record.content_hash,
        "title": record.title,
        "kind": record.kind,
        "visibility": record.visibility,
        "chunks": record.chunks,
        "ingested_at": record.ingested_at.isoformat(),
    }
    if record.date is not None:
        metadata["date"] = record.date
    return metadata


def _record(metadata: Mapping[str, Any]) -> DocumentRecord:
    """Rebuild a manifest entry from its stored form."""
    return DocumentRecord(
        source=str(metadata["source"]),
        content_hash=str(metadata["content_hash"]),
        title=str(metadata["title"]),
        kind=str(metadata["kind"]),
        visibility=str(metadata["visibility"]),
        chunks=int(metadata["chunks"]),
        ingested_at=datetime.fromisoformat(str(metadata["ingested_at"])),
        date=str(metadata["date"]) if "date" in metadata else None,
    )
