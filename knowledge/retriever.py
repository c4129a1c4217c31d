"""Find the chunks that answer a member's question, Korean-aware, visibility-safe.

The lexical path (always on) analyses chunks with :mod:`knowledge.lexical` and ranks them with
:class:`knowledge.lexical_index.LexicalIndex`. A chunk is indexed as its title, section and text
together, so "회비 규정" finds the chunk under a "회비" heading even when the body never repeats it.
Glossary synonyms of the question's words join the query at half the weight of the user's words.

When a dense index is given (embeddings configured), its similarities are fused with the lexical
scores by a *weighted sum* rather than reciprocal-rank fusion: both are already in [0, 1] and
comparable across queries, and a weighted sum keeps that property for :attr:`Hit.score`, which the
answer layer uses to judge weak evidence. Lexical evidence keeps most of the weight because, on
Korean text, the embeddings measured so far ranked far worse than BM25 (docs/design.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from knowledge.glossary import Glossary
from knowledge.lexical import BIGRAM_PREFIX, analyze, analyze_many, has_content, normalize, warm_up
from knowledge.lexical_cache import add_analyses, cached_analyses
from knowledge.lexical_index import LexicalIndex
from knowledge.types import Chunk, Hit, visible

SYNONYM_WEIGHT = 0.5
"""Weight of a glossary synonym's terms relative to the words the member typed."""
DENSE_WEIGHT = 0.3
"""Share of the fused score that comes from the dense similarity."""
DENSE_DEPTH = 50
"""How many dense neighbours are fetched and fused (before visibility filtering)."""


class DenseIndex(Protocol):
    """Nearest chunks by embedding similarity (``knowledge.store.ChunkStore`` implements it)."""

    def dense_query(self, text: str, k: int) -> list[tuple[str, float]]:
        """Up to ``k`` (chunk id, similarity in [0, 1]) pairs, most similar first."""
        ...


class Retriever:
    """Ranks chunks for a question; build once per set of chunks, then search many times."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        index: LexicalIndex,
        *,
        glossary: Glossary | None = None,
        dense: DenseIndex | None = None,
    ) -> None:
        """Wrap a built index; prefer :meth:`from_chunks`."""
        self._chunks = list(chunks)
        self._index = index
        self._glossary = glossary
        self._dense = dense
        self._position = {chunk.id: position for position, chunk in enumerate(self._chunks)}
        self._documents: dict[str, list[Chunk]] = {}
        for chunk in sorted(self._chunks, key=lambda chunk: (chunk.source, chunk.position)):
            self._documents.setdefault(chunk.source, []).append(chunk)
        labels = sorted({chunk.visibility for chunk in self._chunks})
        self._labels = labels
        self._label_of = np.asarray(
            [labels.index(chunk.visibility) for chunk in self._chunks], dtype=np.int32
        )

    @classmethod
    def from_chunks(
        cls,
        chunks: Sequence[Chunk],
        *,
        glossary: Glossary | None = None,
        dense: DenseIndex | None = None,
        cache: Path | None = None,
    ) -> Retriever:
        """Analyse and index ``chunks`` (title, section and text).

        With ``cache`` (a file, e.g. ``<data_dir>/lexical-cache.pkl``) analyses are kept
        between restarts and only new or edited chunks go through Kiwi again.
        """
        texts = [indexed_text(chunk) for chunk in chunks]
        analyses = list(analyze_many(texts)) if cache is None else cached_analyses(texts, cache)
        warm_up()  # queries need Kiwi too; load it now rather than on the first question
        return cls(chunks, LexicalIndex(analyses), glossary=glossary, dense=dense)

    def search(
        self, query: str, *, top_k: int = 5, allowed: frozenset[str] | None = None
    ) -> list[Hit]:
        """The ``top_k`` best chunks for ``query`` among those the audience may see.

        ``allowed`` holds the visibility labels the audience may see (``None``: everything);
        filtering happens before the cut, so hidden chunks never take a place in the top.
        ``Hit.score`` is in [0, 1] and means the same for every query: about how much of the
        question (weighted by word rarity) the chunk contains, favouring chunks where it is
        found within one sentence, blended with the dense similarity when one is configured.
        Words no chunk contains count against the query as its rarest words. Measured on
        KorQuAD (bench/README.md): when the answering passage is indexed the best hit scores
        0.51 in the median (0.36 at the 10th percentile); when it is not, 0.14 (0.25 at the
        90th). A best score under about 0.25 is weak evidence.
        Empty or punctuation-only queries return ``[]``.
        """
        if top_k <= 0 or not has_content(query) or not self._chunks:
            return []
        mask = self._mask(allowed)
        if mask is not None and not mask.any():
            return []
        dense = self._dense_scores(query, mask)
        depth = max(top_k, DENSE_DEPTH) if dense else top_k
        terms = self._weighted_terms(query)
        lexical = self._index.search(terms, mask=mask, limit=depth, extra=list(dense))
        if not dense:
            return [Hit(self._chunks[item.position], item.score) for item in lexical]
        fused = {item.position: (1 - DENSE_WEIGHT) * item.score for item in lexical}
        for position, similarity in dense.items():
            fused[position] = fused.get(position, 0.0) + DENSE_WEIGHT * similarity
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:top_k]
        return [Hit(self._chunks[position], score) for position, score in ranked]

    def rarity(self, term: str) -> float | None:
        """How rare a word (a Kiwi morpheme, or a short word as typed) is in the chunks.

        The IDF of the morpheme, else of its rarest character bigram; ``None`` when no chunk
        contains it at all, the strongest sign that the documents do not cover a question.
        """
        key = normalize(term).replace(" ", "")
        if not key:
            return None
        found = self._index.rarity(key)
        if found is not None:
            return found
        grams = [key[i : i + 2] for i in range(len(key) - 1)] or [key]
        values = [self._index.rarity(BIGRAM_PREFIX + gram) for gram in grams]
        if any(value is None for value in values):
            return None
        return max(value for value in values if value is not None)

    def document(self, source: str) -> list[Chunk]:
        """Every chunk of the document ``source``, in order (empty when it is not indexed)."""
        return list(self._documents.get(source, []))

    def following(self, chunk: Chunk, count: int) -> list[Chunk]:
        """Up to ``count`` chunks after ``chunk`` in the same document, in order."""
        document = self._documents.get(chunk.source, [])
        later = [other for other in document if other.position > chunk.position]
        return later[:count]

    def _weighted_terms(self, query: str) -> dict[str, float]:
        """The query's own terms at weight 1, glossary synonyms' terms at a lower weight."""
        weights = dict.fromkeys(analyze(query, query=True).terms, 1.0)
        if self._glossary is not None:
            for synonym in self._glossary.expansions(query):
                for term in analyze(synonym, query=True).terms:
                    weights.setdefault(term, SYNONYM_WEIGHT)
        return weights

    def _mask(self, allowed: frozenset[str] | None) -> npt.NDArray[np.bool_] | None:
        """Which chunks the audience may see (``None``: all of them)."""
        if allowed is None:
            return None
        permitted = [code for code, label in enumerate(self._labels) if visible(label, allowed)]
        return np.isin(self._label_of, permitted)

    def _dense_scores(self, query: str, mask: npt.NDArray[np.bool_] | None) -> dict[int, float]:
        """Dense similarities of visible chunks by index position ({} without a dense index)."""
        if self._dense is None:
            return {}
        scores: dict[int, float] = {}
        for chunk_id, similarity in self._dense.dense_query(query, DENSE_DEPTH):
            position = self._position.get(chunk_id)
            if position is not None and (mask is None or bool(mask[position])):
                scores[position] = min(1.0, max(0.0, similarity))
        return scores


def analyse_chunks(chunks: Sequence[Chunk], *, cache: Path) -> None:
    """Analyse ``chunks`` as :meth:`Retriever.from_chunks` would and keep them in ``cache``."""
    add_analyses([indexed_text(chunk) for chunk in chunks], cache)


def indexed_text(chunk: Chunk) -> str:
    """What is indexed for a chunk: its title and section on their own lines, then its text."""
    return "\n".join(part for part in (chunk.title, chunk.section, chunk.text) if part)
