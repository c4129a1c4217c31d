"""Document question answering: retrieve, judge the evidence, then answer with citations.

``DocumentQA`` is the real :class:`bot.answers.QuestionAnswerer`. It answers from the federation's
documents only: with a chat model when one is configured (falling back to the extractive answer
whenever the model's answer is unusable), else extractively. When the evidence is weak it says so
and names the advisor field that could help instead of guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot import language, smalltalk, texts
from bot.answers import Citation, QaAnswer
from knowledge.extractive import Synonyms, content_terms, coverage, extract_answer
from knowledge.fields import guess_field
from knowledge.types import Hit

if TYPE_CHECKING:
    from knowledge.llm import LlmAnswerer
    from knowledge.settings import KnowledgeSettings

MAX_QUERY_CHARS = 1000
"""Longer questions are cut to this many characters before retrieval and prompting."""

_SNIPPET_CHARS = 160


@dataclass(frozen=True, slots=True)
class Evidence:
    """How well retrieval supports an answer: the top score and the question-term coverage."""

    top_score: float
    coverage: float

    @property
    def sufficient(self) -> bool:
        """The calibrated rule: ``coverage + SCORE_WEIGHT * top_score >= THRESHOLD``.

        Coverage (share of the question's words found in one of the top passages, synonyms
        counting) does most of the work: a question the documents do not answer nearly always
        has a specific word no passage contains ("중간예납", "보증료율"). The retrieval score
        breaks ties when coverage is middling.
        """
        return self.coverage + SCORE_WEIGHT * self.top_score >= THRESHOLD


# Calibrated on samples/corpus_questions.jsonl (62 answerable, 16 unanswerable, 5 chatter):
# no unanswerable or chatter line passes (the closest stays 0.04 below), 45 of 62 answerable
# ones do; the rest say "not found" and offer an expert, the safe side for a bot that must never
# invent rules or amounts.
SCORE_WEIGHT = 2.0
THRESHOLD = 1.12


class Searcher(Protocol):
    """The retrieval seam: ranked, visibility-filtered hits for a query."""

    def search(
        self, query: str, *, top_k: int = 5, allowed: frozenset[str] | None = None
    ) -> list[Hit]:
        """The ``top_k`` best hits for ``query`` among chunks the audience may see."""
        ...


class DocumentQA:
    """Answers members' questions from the ingested documents, with numbered sources."""

    def __init__(
        self,
        searcher: Searcher | None,
        *,
        synonyms: Synonyms | None = None,
        llm: LlmAnswerer | None = None,
    ) -> None:
        """Answer from ``searcher`` (``None``: no documents are loaded yet)."""
        self._searcher = searcher
        self._synonyms = synonyms
        self._llm = llm

    @classmethod
    def open(cls, settings: KnowledgeSettings) -> DocumentQA:
        """Load the store, glossary, retriever and optional chat model once."""
        if not settings.chroma_host and not settings.chroma_path.exists():
            return cls(None)  # nothing was ever ingested; don't create an empty store
        from knowledge.glossary import Glossary
        from knowledge.retriever import Retriever
        from knowledge.store import ChunkStore

        store = ChunkStore.open(settings)
        chunks = store.all_chunks()
        if not chunks:
            return cls(None)
        glossary = Glossary.load(settings)
        retriever = Retriever.from_chunks(
            chunks,
            glossary=glossary,
            dense=store if store.dense_enabled else None,
            # Kiwi's analysis of unchanged chunks is reused, so a restart takes seconds.
            cache=settings.lexical_cache_path,
        )
        llm = None
        if settings.llm_enabled:
            from knowledge.llm import LlmAnswerer

            llm = LlmAnswerer.from_settings(settings)
        return cls(retriever, synonyms=glossary.synonyms, llm=llm)

    @property
    def has_documents(self) -> bool:
        """True when documents are loaded and questions can be answered from them."""
        return self._searcher is not None

    def answer(
        self, question: str, *, allowed: frozenset[str] | None = None, top_k: int = 5
    ) -> QaAnswer:
        """Answer ``question`` from the documents ``allowed`` for the audience."""
        question = " ".join(question.split())[:MAX_QUERY_CHARS]
        if not question:
            return QaAnswer(texts.QA_EMPTY_QUESTION, confident=False, kind="empty")
        talk = small_talk(question)
        if talk is not None:
            return talk
        if self._searcher is None:
            return QaAnswer(texts.QA_NO_DOCUMENTS, confident=False, kind="no_documents")
        hits = self.retrieve(question, allowed=allowed, top_k=top_k)
        # The retrieved passages travel with every answer, "not covered" included: the secretariat
        # (and `ask --json`) can see what was looked at; channels cite them only when confident.
        sources = tuple(_citation(number, hit) for number, hit in enumerate(hits, start=1))
        if not self.judge(question, hits).sufficient:
            return self._not_answered(question, sources)
        text = self._llm.answer(question, hits) if self._llm is not None else None
        if text is None:
            text = extract_answer(question, hits, self._synonyms).text
        if not text:  # passages made only of headings: nothing to quote, so nothing to claim
            return self._not_answered(question, sources)
        return QaAnswer(text, confident=True, sources=sources)

    def retrieve(
        self, question: str, *, allowed: frozenset[str] | None = None, top_k: int = 5
    ) -> list[Hit]:
        """The ranked passages for a question (long questions cut to ``MAX_QUERY_CHARS``)."""
        if self._searcher is None:
            return []
        query = " ".join(question.split())[:MAX_QUERY_CHARS]
        return self._searcher.search(query, top_k=top_k, allowed=allowed)

    def judge(self, question: str, hits: Sequence[Hit]) -> Evidence:
        """Measure the evidence: best score, and the best coverage among the top passages."""
        if not hits:
            return Evidence(top_score=0.0, coverage=0.0)
        terms = content_terms(question)
        best = max(coverage(terms, _passage(hit), self._synonyms) for hit in hits[:3])
        return Evidence(top_score=hits[0].score, coverage=best)

    def _not_answered(self, question: str, sources: tuple[Citation, ...]) -> QaAnswer:
        found = smalltalk.kinds(question)
        if "chatter" in found:  # the weather, lunch: not for the documents
            return QaAnswer(texts.QA_OFF_TOPIC, confident=False, kind="small_talk")
        if found and not smalltalk.asks_something(question):
            # "고마워요, 덕분에 잘 해결했어요": thanks with a few words around it, no question.
            return QaAnswer(smalltalk.reply(found), confident=False, kind="small_talk")
        if language.is_foreign(question):
            # The documents are Korean: "not covered" would be a guess, not a finding.
            return QaAnswer(texts.TALK_KOREAN_ONLY, confident=False, kind="not_korean")
        field = guess_field(question)
        return QaAnswer(
            texts.qa_not_covered(field),
            confident=False,
            sources=sources,
            route=field,
            kind="not_covered",
        )


def small_talk(question: str) -> QaAnswer | None:
    """The reply to a message that is only small talk or a bare yes/no, else ``None``."""
    if smalltalk.yes_or_no(question) is not None or smalltalk.is_acknowledgement(question):
        # A yes or no that answers nothing the bot asked (an offer is handled before this).
        return QaAnswer(texts.TALK_ACK, confident=False, kind="small_talk")
    found = smalltalk.kinds(question)
    if found and not content_terms(smalltalk.without_small_talk(question)):
        return QaAnswer(smalltalk.reply(found), confident=False, kind="small_talk")
    return None


def _passage(hit: Hit) -> str:
    return f"{hit.chunk.title} {hit.chunk.section} {hit.chunk.text}"


def _citation(number: int, hit: Hit) -> Citation:
    chunk = hit.chunk
    snippet = " ".join(chunk.text.split())
    if len(snippet) > _SNIPPET_CHARS:
        snippet = snippet[: _SNIPPET_CHARS - 1].rstrip() + "…"
    return Citation(
        number=number,
        title=chunk.title,
        source=chunk.source,
        section=chunk.section,
        snippet=snippet,
        score=round(hit.score, 4),
    )
