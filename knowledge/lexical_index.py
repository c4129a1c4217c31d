"""A BM25 index over analysed passages with a cheap sentence-level re-ranking of the top.

Scoring has two stages:

1. BM25 (bm25s, Lucene variant, k1=1.0, b=0.75) over the merged morpheme + bigram stream of every
   passage, with per-term query weights so glossary synonyms count less than the user's words.
2. The best ``RERANK_DEPTH`` passages are re-ranked by adding their *sentence coverage*: the
   IDF-weighted share of the query's terms found together in the passage's best sentence. Answers
   usually sit in one sentence that repeats the question's words; scattered matches rank lower.

Both parts are normalised to [0, 1] without reference to other passages, so a score means the
same thing for every query (see :meth:`LexicalIndex.search`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np
import numpy.typing as npt

from knowledge.lexical import Analysis

K1 = 1.0
B = 0.75
RERANK_DEPTH = 30
SENTENCE_WEIGHT = 0.5
"""Weight of sentence coverage against BM25 in the final score (measured plateau 0.3–1.0)."""

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Scored:
    """One passage (by position in the index) and its score in [0, 1]."""

    position: int
    score: float


class LexicalIndex:
    """BM25 plus sentence coverage over a fixed list of analysed passages."""

    def __init__(self, analyses: Sequence[Analysis]) -> None:
        """Index ``analyses``; positions in later results refer to this order."""
        vocab: dict[str, int] = {}
        analyses = list(analyses)  # a generator would be spent after the first pass
        terms = [_encode(analysis, vocab) for analysis in analyses]
        sentences = [np.asarray(analysis.sentences, dtype=np.int32) for analysis in analyses]
        self._build(terms, sentences, vocab)

    @classmethod
    def updated(cls, old: LexicalIndex, kept: Sequence[int], added: Sequence[Analysis]) -> Self:
        """A new index of ``old``'s passages at positions ``kept``, then ``added``, in that order.

        The kept passages are not analysed again (only their term ids are kept, not their text
        analyses, which would cost far more memory), and ``old`` stays usable meanwhile. The
        vocabulary only grows: words of removed passages keep their ids but count as absent.
        """
        vocab = dict(old._vocab)
        added = list(added)
        terms = [old._terms[p] for p in kept] + [_encode(a, vocab) for a in added]
        sentences = [old._sentences[p] for p in kept]
        sentences += [np.asarray(analysis.sentences, dtype=np.int32) for analysis in added]
        index = cls.__new__(cls)
        index._build(terms, sentences, vocab)
        return index

    def _build(
        self, terms: list[IntArray], sentences: list[IntArray], vocab: dict[str, int]
    ) -> None:
        import bm25s
        from bm25s.tokenization import Tokenized

        self._terms = terms
        self._sentences = sentences
        self._vocab = vocab
        self._size = len(terms)
        self._bm25 = bm25s.BM25(k1=K1, b=B)
        if self._size:
            # bm25s cannot index an empty corpus; ids are ours, so pass them pre-tokenised.
            self._bm25.index(
                Tokenized(ids=[terms.tolist() for terms in self._terms], vocab=vocab),
                show_progress=False,
            )
        document_frequency = np.zeros(len(vocab), dtype=np.float64)
        for term_ids in self._terms:
            document_frequency[np.unique(term_ids)] += 1
        self._present = document_frequency > 0
        # Lucene's IDF, the same one BM25 uses: the most a single term can add to a score.
        self._idf = np.log1p(
            (self._size - document_frequency + 0.5) / (document_frequency + 0.5)
        ).astype(np.float32)

    def __len__(self) -> int:
        """Number of passages indexed."""
        return self._size

    def rarity(self, term: str) -> float | None:
        """The IDF of an index term, or ``None`` when no passage contains it."""
        found = self._id(term)
        return None if found is None else float(self._idf[found])

    def search(
        self,
        weighted_terms: Mapping[str, float],
        *,
        mask: npt.NDArray[np.bool_] | None = None,
        limit: int,
        extra: Sequence[int] = (),
    ) -> list[Scored]:
        """The ``limit`` best passages for a weighted query, among those ``mask`` allows.

        A score is ``(bm25 / ideal + SENTENCE_WEIGHT * coverage) / (1 + SENTENCE_WEIGHT)``:
        ``ideal`` is the most BM25 the query could reach (the sum of its terms' weighted IDF,
        terms no passage contains counting as the rarest), and ``coverage`` is the IDF-weighted
        share of the user's terms found in the passage's best sentence. 1.0 means every query
        word, strongly, in one sentence; below about 0.2 the passage shares only common words.
        ``extra`` positions (from another ranking) are scored too, even if BM25 missed them.
        """
        found = {term: self._id(term) for term in weighted_terms}
        known = {
            index: weight
            for term, weight in weighted_terms.items()
            if (index := found[term]) is not None and weight > 0
        }
        if not known or not self._size:
            return []
        ids = np.fromiter(known.keys(), dtype=np.int32, count=len(known))
        factors = np.fromiter(known.values(), dtype=np.float32, count=len(known))
        rarest = float(np.log1p((self._size + 0.5) / 0.5))
        unseen = [w for term, w in weighted_terms.items() if found[term] is None and w > 0]
        unseen_own = rarest * sum(1 for w in unseen if w >= 1.0)
        ideal = float(np.dot(self._idf[ids], factors)) + rarest * sum(unseen)
        weight_of = dict(zip(ids.tolist(), (self._idf[ids] * factors).tolist(), strict=True))
        # Synonyms are weighted below 1, so the user's own words define a full match.
        own = float(np.sum(self._idf[ids][factors >= 1.0])) + unseen_own
        full = own or float(np.dot(self._idf[ids], factors))
        bm25 = self._bm25_scores(ids, factors)
        if mask is not None:
            bm25 = np.where(mask, bm25, -1.0).astype(np.float32)
        depth = min(max(RERANK_DEPTH, limit), self._size)
        top = np.argpartition(-bm25, depth - 1)[:depth]
        candidates = {int(p) for p in top if bm25[p] > 0}
        candidates.update(p for p in extra if mask is None or bool(mask[p]))
        scored = [
            Scored(
                position,
                (
                    max(0.0, float(bm25[position])) / ideal
                    + SENTENCE_WEIGHT * min(1.0, self._coverage(position, ids, weight_of) / full)
                )
                / (1 + SENTENCE_WEIGHT),
            )
            for position in candidates
        ]
        scored.sort(key=lambda item: (-item.score, item.position))
        return scored[:limit]

    def _id(self, term: str) -> int | None:
        """The vocabulary id of a term some passage contains, else ``None``."""
        found = self._vocab.get(term)
        return found if found is not None and bool(self._present[found]) else None

    def _bm25_scores(self, ids: IntArray, factors: FloatArray) -> FloatArray:
        """Weighted BM25 of every passage; bm25s keeps one column of scores per term."""
        data = self._bm25.scores["data"]
        indices = self._bm25.scores["indices"]
        indptr = self._bm25.scores["indptr"]
        scores = np.zeros(self._size, dtype=np.float32)
        for term, factor in zip(ids.tolist(), factors.tolist(), strict=True):
            start, end = indptr[term], indptr[term + 1]
            # A term's column lists each passage once, so plain fancy-index addition is safe.
            scores[indices[start:end]] += factor * data[start:end]
        return scores

    def _coverage(self, position: int, ids: IntArray, weight_of: dict[int, float]) -> float:
        """The summed weight of the query terms found together in the passage's best sentence."""
        terms = self._terms[position]
        hit = np.isin(terms, ids)
        if not hit.any():
            return 0.0
        sentences = self._sentences[position][hit]
        found = terms[hit]
        best = 0.0
        for sentence in np.unique(sentences).tolist():
            present = np.unique(found[sentences == sentence]).tolist()
            best = max(best, sum(weight_of[term] for term in present))
        return best


def _encode(analysis: Analysis, vocab: dict[str, int]) -> IntArray:
    """A passage's terms as vocabulary ids, adding new terms to ``vocab``."""
    return np.asarray(
        [vocab.setdefault(term, len(vocab)) for term in analysis.terms], dtype=np.int32
    )
