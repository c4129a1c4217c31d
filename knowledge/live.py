"""The documents a running bot answers from, kept current while it runs.

Documents change while ``gyoryu serve`` runs: ``gyoryu ingest`` in another process, the web
console in this one, or another server sharing the Chroma server adds or removes some. Every write
to the store stamps a new generation (:meth:`knowledge.store.ChunkStore.generation`), which every
process sees. :class:`LiveKnowledge` compares it when asked (one small read; the server asks every
:data:`CHECK_EVERY` seconds) and, when it changed, reads the manifest, fetches the chunks of the
documents that changed, drops those of the documents removed, and builds a new index aside. Kiwi
runs only over text it has not analysed before, and not at all when the ingest's analysis cache is
on the same disk. The new index is swapped in whole; questions answered meanwhile use the old one.

The glossary override file is watched the same way (replaced or modified), so a new synonym is used
without a restart too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.glossary import Glossary, GlossaryError, override_path
from knowledge.lexical import analyze_many, warm_up
from knowledge.lexical_cache import cached_analyses
from knowledge.lexical_index import LexicalIndex
from knowledge.retriever import Retriever, indexed_text
from knowledge.types import Chunk, Hit

if TYPE_CHECKING:
    from knowledge.settings import KnowledgeSettings
    from knowledge.store import ChunkStore, DocumentRecord

CHECK_EVERY = 5.0
"""Seconds between two looks at the store's generation in a serving process."""

_log = logging.getLogger(__name__)


class LiveKnowledge:
    """A retriever over the store as it is now; thread-safe, rebuilt only when something changed.

    It searches like :class:`knowledge.retriever.Retriever` and looks words up like
    :class:`knowledge.glossary.Glossary` (``synonyms``, ``matches``), always with the current
    index and glossary.
    """

    def __init__(self, settings: KnowledgeSettings) -> None:
        """Prepare to follow the store of ``settings``; nothing is loaded before :meth:`refresh`."""
        self._settings = settings
        self._lock = threading.Lock()
        self._store: ChunkStore | None = None
        self._seen: tuple[str, tuple[int, int, int] | None] | None = None
        self._records: dict[str, DocumentRecord] = {}
        self._chunks: list[Chunk] = []
        self._index: LexicalIndex | None = None
        self._glossary_version = _version(override_path(settings))
        self._glossary = Glossary.load(settings)
        self._retriever: Retriever | None = None

    @classmethod
    def open(cls, settings: KnowledgeSettings) -> LiveKnowledge:
        """Follow the store of ``settings``, loaded as it is now."""
        live = cls(settings)
        live.refresh()
        return live

    @property
    def has_documents(self) -> bool:
        """True when at least one passage is indexed."""
        return self._retriever is not None

    @property
    def documents(self) -> int:
        """How many documents the index holds now."""
        return len(self._records)

    def refresh(self) -> bool:
        """Bring the index up to date with the store now; True when anything changed.

        Waits for a refresh already under way, then looks again, so a caller that has just
        written to the store (the web console) finds its change in the next answer.
        """
        with self._lock:
            return self._update()

    def refresh_if_changed(self) -> bool:
        """Like :meth:`refresh`, but returns at once (False) when a refresh is already under way."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            return self._update()
        finally:
            self._lock.release()

    def search(
        self, query: str, *, top_k: int = 5, allowed: frozenset[str] | None = None
    ) -> list[Hit]:
        """:meth:`knowledge.retriever.Retriever.search` over the current index."""
        retriever = self._retriever
        return [] if retriever is None else retriever.search(query, top_k=top_k, allowed=allowed)

    def rarity(self, term: str) -> float | None:
        """:meth:`knowledge.retriever.Retriever.rarity` in the current index."""
        retriever = self._retriever
        return None if retriever is None else retriever.rarity(term)

    def document(self, source: str) -> list[Chunk]:
        """:meth:`knowledge.retriever.Retriever.document` in the current index."""
        retriever = self._retriever
        return [] if retriever is None else retriever.document(source)

    def following(self, chunk: Chunk, count: int) -> list[Chunk]:
        """:meth:`knowledge.retriever.Retriever.following` in the current index."""
        retriever = self._retriever
        return [] if retriever is None else retriever.following(chunk, count)

    def synonyms(self, word: str) -> tuple[str, ...]:
        """:meth:`knowledge.glossary.Glossary.synonyms` in the current glossary."""
        return self._glossary.synonyms(word)

    def matches(self, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """:meth:`knowledge.glossary.Glossary.matches` in the current glossary."""
        return self._glossary.matches(text)

    def _update(self) -> bool:
        """Reload what changed since the last look (the caller holds the lock)."""
        store = self._open_store()
        if store is None:
            return False
        version = _version(override_path(self._settings))
        seen = (store.generation(), version)
        if seen == self._seen:
            return False
        first = self._seen is None
        glossary_changed = version != self._glossary_version
        if glossary_changed:
            self._reload_glossary(version)
        records = {record.source: record for record in store.documents()}
        changed = sorted(
            source for source, record in records.items() if self._records.get(source) != record
        )
        gone = self._records.keys() - records.keys()
        if not (changed or gone or glossary_changed or first):
            self._seen = seen
            return False
        if first:
            kept: list[int] = []
            added = [chunk for chunk in store.all_chunks() if chunk.source in records]
        else:
            dropped = gone | set(changed)
            kept = [n for n, chunk in enumerate(self._chunks) if chunk.source not in dropped]
            added = store.chunks_of(changed)
        self._rebuild(kept, added, store, first=first)
        self._records, self._seen = records, seen
        if not first:
            _log.info(
                "documents changed: %d new or updated, %d removed; %d passages indexed",
                len(changed),
                len(gone),
                len(self._chunks),
            )
        return True

    def _rebuild(
        self, kept: Sequence[int], added: Sequence[Chunk], store: ChunkStore, *, first: bool
    ) -> None:
        """Index the kept passages (by position) and the added chunks; swap the result in."""
        chunks = [self._chunks[n] for n in kept] + list(added)
        if not chunks:
            self._chunks, self._index, self._retriever = [], None, None
            return
        texts = [indexed_text(chunk) for chunk in added]
        cache = store.analysis_cache
        # The ingest analysed its chunks into the cache; without one (or on another computer's
        # disk) Kiwi analyses them here, once.
        analyses = (
            list(analyze_many(texts))
            if cache is None
            else cached_analyses(texts, cache, prune=first)
        )
        if self._index is None:
            index = LexicalIndex(analyses)
            warm_up()  # queries need Kiwi too; load it now rather than on the first question
        else:
            index = LexicalIndex.updated(self._index, kept, analyses)
        self._chunks, self._index = chunks, index
        self._retriever = Retriever(
            chunks, index, glossary=self._glossary, dense=store if store.dense_enabled else None
        )

    def _open_store(self) -> ChunkStore | None:
        """The store, opened once it exists (an embedded one appears with the first ingest)."""
        if self._store is None:
            settings = self._settings
            if not settings.chroma_host and not settings.chroma_path.exists():
                return None  # nothing was ever ingested; don't create an empty store
            from knowledge.store import ChunkStore

            self._store = ChunkStore.open(settings)
        return self._store

    def _reload_glossary(self, version: tuple[int, int, int] | None) -> None:
        """Use the glossary as the override file now says; a broken file keeps the old one."""
        self._glossary_version = version  # a broken file is reported once, not every look
        try:
            self._glossary = Glossary.load(self._settings)
        except (GlossaryError, OSError) as error:
            _log.warning("keeping the glossary as it was: %s", error)


def _version(path: Path) -> tuple[int, int, int] | None:
    """What changes when the file is replaced or written (``None``: there is no such file).

    The inode changes with every atomic replacement, so two writes within the file system's
    timestamp resolution are still told apart.
    """
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)
