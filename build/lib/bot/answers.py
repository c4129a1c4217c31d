"""The neutral shape of an answer to a member's question, shared by every channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

AnswerKind = Literal["answered", "not_covered", "no_documents", "small_talk", "not_korean", "empty"]
"""What an answer is: drawn from the documents, an honest "not covered" (which offers an
expert), nothing loaded yet, a reply to small talk, a request to ask in Korean, or a request to
type a question at all. Only the first three answer a real question."""
REAL_QUESTION_KINDS: frozenset[AnswerKind] = frozenset({"answered", "not_covered", "no_documents"})


@dataclass(frozen=True, slots=True)
class Citation:
    """One retrieved passage shown as a numbered source ([1], [2] …) under an answer."""

    number: int
    title: str
    source: str
    section: str
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class QaAnswer:
    """What the bot says to a question, with the sources it retrieved in rank order.

    ``route`` names the advisor field (세무, 법률, 특허 …) that could help when the documents
    do not answer the question, else ``None``. ``kind`` says what the answer is (see
    :data:`AnswerKind`); the chat core keeps and offers experts for real questions only.
    """

    text: str
    confident: bool
    sources: tuple[Citation, ...] = field(default=())
    route: str | None = None
    kind: AnswerKind = "answered"

    @property
    def answers_a_question(self) -> bool:
        """Whether the message was a real question (not small talk or an empty line)."""
        return self.kind in REAL_QUESTION_KINDS

    @property
    def offers_expert(self) -> bool:
        """Whether the answer ends by offering to pass the question to an expert."""
        return self.kind == "not_covered"

    def as_json(self) -> dict[str, object]:
        """The ``gyoryu ask --json`` object (the CLI contract other tools depend on)."""
        return {
            "answer": self.text,
            "confident": self.confident,
            "sources": [
                {
                    "title": c.title,
                    "source": c.source,
                    "section": c.section,
                    "snippet": c.snippet,
                    "score": c.score,
                }
                for c in self.sources
            ],
            "route": self.route,
        }


class QuestionAnswerer(Protocol):
    """Anything that turns a question into a :class:`QaAnswer` (the real one or a test fake)."""

    def answer(
        self, question: str, *, allowed: frozenset[str] | None = None, top_k: int = 5
    ) -> QaAnswer:
        """Answer ``question`` from documents the audience may see (``allowed`` labels)."""
        ...
