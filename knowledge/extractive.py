"""The offline answer: the few sentences of the top passages that best answer a question.

Sentences are scored by how many of the question's content words (or their glossary synonyms)
they contain; questions asking 언제/얼마/몇 prefer sentences that carry a number or a date. Each
chosen sentence ends with the number of the source it came from ("… 납부합니다 [1].").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from knowledge.types import Hit

Synonyms = Callable[[str], Iterable[str]]
"""Returns the glossary synonyms of a term (empty when it has none)."""

MAX_SENTENCES = 3
_RANK_WEIGHT = (1.0, 0.8, 0.65)  # sentences come from the top passages, the first one preferred
_MAX_SENTENCE_CHARS = 220
_KEEP_RATIO = 0.7  # a further sentence must score at least this share of the best one

# A full stop after a digit is a list number ("1. 교류회 운영"), not a sentence end.
_SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?。])\s+|\n+|\s+(?=[①-⑳■□▶▷○●◆※•])")
_TERMINAL = re.compile(r"([.!?。]+)$")
# A line break inside a sentence (PDF and DOCX wrap lines) unless the next line opens an item.
_WRAPPED = re.compile(
    r"(?<![.!?。:])\n(?!\s*(?:\d+[.)]|[①-⑳■□▶▷○●◆※•\-*·#>\[]|제\s*\d+\s*[조장]|\S{1,12}\s*:))"
)
_FRAGMENT_WEIGHT = 0.6  # a sentence cut off by chunking or trimming ("…") says less
_HAS_NUMBER = re.compile(r"\d|[일이삼사오육칠팔구십백천만]+\s*(?:원|명|개월|일|시)|매년|매월|매주")
_ASKS_NUMBER = re.compile(r"언제|얼마|몇|며칠|기한|날짜|일시|금액|비용|시간|마감|인원")

# Words that carry no topic even though the analyser keeps them: "우리 돈은 얼마나 넣어야".
_GENERIC = frozenset(
    ("우리", "저희", "지금", "다시", "나중", "보통", "혹시", "그냥", "정말", "알리")
)


@dataclass(frozen=True, slots=True)
class Extract:
    """The extractive answer text and the source numbers it cites (1-based ranks)."""

    text: str
    cited: tuple[int, ...]


def content_terms(text: str) -> list[str]:
    """The content words of a question (Kiwi morphemes of two or more letters), in order.

    Particles, endings and question words (언제, 얼마 …) are dropped, so "연회비는 얼마이고
    언제까지 납부해야 하나요?" gives ``["연회비", "납부"]``.
    """
    from knowledge.lexical import BIGRAM_PREFIX, analyze  # loads Kiwi once per process

    morphemes = (term for term in analyze(text, query=True).terms if term[:2] != BIGRAM_PREFIX)
    return list(dict.fromkeys(t for t in morphemes if len(t) >= 2 and t not in _GENERIC))


def coverage(terms: Sequence[str], text: str, synonyms: Synonyms | None = None) -> float:
    """Share of ``terms`` found in ``text`` (a synonym counts for its term); 0 when none given.

    Terms weigh by length: a missing "중간예납" says far more about the passage than a
    missing verb fragment like "들어".
    """
    if not terms:
        return 0.0
    compact = _compact(text)
    found = sum(len(term) for term in terms if _found(term, compact, synonyms))
    return found / sum(len(term) for term in terms)


def extract_answer(question: str, hits: Sequence[Hit], synonyms: Synonyms | None = None) -> Extract:
    """Pick up to three sentences from the top passages that best answer ``question``.

    Sentence citations are the hits' 1-based ranks, matching the numbered source list. With no
    sentence sharing a word with the question, the top passage's first sentence is used, so a
    confident retrieval still yields a grounded, cited answer.
    """
    terms = content_terms(question)
    wants_number = bool(_ASKS_NUMBER.search(question))
    scored: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    for rank, hit in enumerate(hits[: len(_RANK_WEIGHT)], start=1):
        for sentence in _sentences(hit):
            key = _compact(sentence)
            if key in seen:
                continue
            seen.add(key)
            score = _score(sentence, terms, synonyms, wants_number) * _RANK_WEIGHT[rank - 1]
            scored.append((score, rank, sentence))
    if not scored:
        return Extract(text="", cited=())
    scored.sort(key=lambda item: item[0], reverse=True)
    best = scored[0][0]
    chosen = [item for item in scored if item[0] > 0 and item[0] >= best * _KEEP_RATIO]
    chosen = chosen[:MAX_SENTENCES] or scored[:1]
    text = " ".join(_cite(sentence, rank) for _, rank, sentence in chosen)
    return Extract(text=text, cited=tuple(sorted({rank for _, rank, _ in chosen})))


def _score(sentence: str, terms: Sequence[str], synonyms: Synonyms | None, number: bool) -> float:
    compact = _compact(sentence)
    matched = sum(len(term) for term in terms if _found(term, compact, synonyms))
    score = float(matched)
    if number and matched and _HAS_NUMBER.search(sentence):
        score += 2.0
    return score * _FRAGMENT_WEIGHT if sentence.endswith("…") else score


def _sentences(hit: Hit) -> list[str]:
    """Sentences of a passage, without heading-only lines and trimmed to a readable length."""
    section = " ".join(hit.chunk.section.split())
    headings = {_compact(hit.chunk.title), _compact(section)}
    sentences: list[str] = []
    first, _, rest = hit.chunk.text.partition("\n")
    if _compact(first) in headings:  # a heading line must not run into the sentence below it
        first, _, rest = rest.partition("\n")
    text = _WRAPPED.sub(" ", f"{first}\n{rest}")
    for index, raw in enumerate(_SENTENCE_END.split(text)):
        sentence = " ".join(raw.lstrip("#>-*·■□▶▷○●◆※•①②③④⑤⑥⑦⑧⑨⑩ ").split())
        if index == 0 and section and sentence.startswith(section + " "):
            # "제1조(명칭) 이 법인은 …": the label is already named in the source list.
            sentence = sentence[len(section) + 1 :]
        if len(sentence) < 4 or _compact(sentence) in headings:
            continue
        if len(sentence) > _MAX_SENTENCE_CHARS:
            sentence = sentence[: _MAX_SENTENCE_CHARS - 1].rstrip() + "…"
        sentences.append(sentence)
    if sentences and not _TERMINAL.search(sentences[-1]) and not text.rstrip().endswith(":"):
        sentences[-1] = sentences[-1].rstrip("…") + "…"  # the chunk ends mid-sentence
    return sentences


def _cite(sentence: str, number: int) -> str:
    """Put the citation marker before the sentence's final punctuation (or add a full stop)."""
    marker = f" [{number}]"
    terminal = _TERMINAL.search(sentence)
    if terminal:
        return sentence[: terminal.start()] + marker + terminal.group(1)
    return sentence + marker + "."


def _found(term: str, compact_text: str, synonyms: Synonyms | None) -> bool:
    if _stem_in(term, compact_text):
        return True
    if synonyms is None:
        return False
    return any(_stem_in(_compact(alias.casefold()), compact_text) for alias in synonyms(term))


def _stem_in(term: str, compact_text: str) -> bool:
    return bool(term) and term in compact_text


def _compact(text: str) -> str:
    return "".join(text.casefold().split())
