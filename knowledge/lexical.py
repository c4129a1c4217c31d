"""Korean text analysis for lexical retrieval: Kiwi morphemes plus character bigrams.

Each text becomes one stream of index terms of two kinds, measured to work best together on
KorQuAD 1.0 (see ``bench/README.md``):

* content morphemes from Kiwi (nouns, verb and adjective stems, roots, numbers, Latin words,
  hanja), so that "강퇴는" and "강퇴를" both give ``강퇴`` and particles or endings never count;
* character bigrams of every word, prefixed ``b:``, which catch compounds and spellings Kiwi
  splits differently ("지명수배" in a question, "지명 수배" in a document).

Queries drop Korean question words (무엇, 언제, 몇 …): they say what kind of answer is wanted and
only add noise to matching. Every term also records the sentence it came from, so a ranker can
check whether a passage answers the question in one place rather than in scattered words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

BIGRAM_PREFIX = "b:"

# Kiwi tags kept as index terms: general/proper nouns, numerals, pronouns, verb and adjective
# stems, roots, adverbs, Latin script, numbers and hanja. Particles (J*), endings (E*), affixes
# and punctuation carry no topic.
_CONTENT_TAGS = frozenset(
    {
        "NNG",
        "NNP",
        "NR",
        "NP",
        "VV",
        "VA",
        "XR",
        "MAG",
        "SL",
        "SN",
        "SH",
        "VV-R",
        "VV-I",
        "VA-R",
        "VA-I",
    }
)

_ASKING_PREFIXES = ("어떻게",)
QUESTION_WORDS = frozenset(
    {
        "무엇",
        "무얼",
        "뭐",
        "뭔가",
        "뭘",
        "언제",
        "어디",
        "어디서",
        "누구",
        "누가",
        "몇",
        "어떤",
        "무슨",
        "얼마",
        "얼마나",
        "어느",
        "왜",
        "어떻게",
        "어떠",
        "어떻",
        "며칠",
        "무엇인가",
    }
)
"""Words that only ask; they are removed from queries (never from documents)."""

_WORD = re.compile(r"[0-9a-z가-힣\u4e00-\u9fff]+")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text's index terms, in order, with the number of the sentence each came from."""

    terms: tuple[str, ...]
    sentences: tuple[int, ...]


@cache
def _kiwi() -> Any:
    """The Kiwi analyser, loaded once per process (about 1 s and 260 MB, model in the wheel)."""
    from kiwipiepy import Kiwi

    # Batches use every core. The typo dictionary halves throughput and did not change
    # KorQuAD retrieval quality (bench/README.md), so it stays off.
    return Kiwi(num_workers=-1, load_typo_dict=False)


def warm_up() -> None:
    """Load Kiwi and run one analysis, so the first question pays no start-up cost.

    Kiwi's first analysis in a process takes over a second more than later ones (its model and
    worker threads start lazily), which a member would otherwise wait for.
    """
    analyze("교류회 정례회 안내")


def normalize(text: str) -> str:
    """Fold width variants and case so "ＰＬ보험" and "pl보험" match "PL보험"."""
    return unicodedata.normalize("NFKC", text).lower()


def has_content(text: str) -> bool:
    """True when the text holds at least one letter, digit or hangul syllable."""
    return _WORD.search(normalize(text)) is not None


def analyze(text: str, *, query: bool = False) -> Analysis:
    """Index terms of one text; ``query=True`` also drops question words."""
    return next(analyze_many([text], query=query))


def kiwi_tokens(normalized: Sequence[str]) -> list[Any]:
    """Kiwi's tokens of already normalised texts (``form``, ``tag``, ``start``, ``len``)."""
    if not normalized:
        return []
    return list(_kiwi().tokenize(list(normalized)))


def analyze_many(texts: Sequence[str], *, query: bool = False) -> Iterator[Analysis]:
    """Index terms of many texts, analysed by Kiwi in one batch (faster than one by one)."""
    normalized = [normalize(text) for text in texts]
    for text, tokens in zip(normalized, _kiwi().tokenize(normalized), strict=True):
        yield _analysis(text, tokens, query=query)


def _analysis(text: str, tokens: Sequence[Any], *, query: bool) -> Analysis:
    """Merge morphemes and bigrams into one stream, each term tagged with its sentence."""
    bounds = [match.end() for match in _SENTENCE_END.finditer(text)]
    terms: list[str] = []
    sentences: list[int] = []
    sentence = 0
    for token in tokens:
        while sentence < len(bounds) and token.start >= bounds[sentence]:
            sentence += 1
        if token.tag in _CONTENT_TAGS and not (query and token.form in QUESTION_WORDS):
            terms.append(token.form)
            sentences.append(sentence)
    sentence = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if query and (word in QUESTION_WORDS or word.startswith(_ASKING_PREFIXES)):
            # "어떻게되나요", "언제까지": a question word and its ending, no topic to search for
            # (they would match every FAQ heading that asks "어떻게 되나요?").
            continue
        while sentence < len(bounds) and match.start() >= bounds[sentence]:
            sentence += 1
        grams = [word] if len(word) == 1 else [word[i : i + 2] for i in range(len(word) - 1)]
        terms.extend(BIGRAM_PREFIX + gram for gram in grams)
        sentences.extend([sentence] * len(grams))
    return Analysis(tuple(terms), tuple(sentences))
