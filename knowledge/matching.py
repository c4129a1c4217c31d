"""Whether a word occurs in a text, on morpheme boundaries rather than as any substring.

Korean glues particles and compounds onto words, so plain substring tests are too loose ("성원"
is inside "구성원", "구인" inside "누구인가") and whole-word tests too strict ("강퇴는", "PL 보험").
A word is found when it starts where one of Kiwi's morphemes starts (spaces ignored), or when it
is one of the text's morphemes (verb stems such as 돌려받 in "돌려받을"). Words of three or more
letters may also sit inside a longer word ("교류회" in "새벽교류회"): at that length an accidental
match is rare and compounds are common.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from knowledge.lexical import normalize

LOOSE_LENGTH = 3
"""Words this long may match inside a longer word."""


@dataclass(frozen=True, slots=True)
class Analysed:
    """A text prepared for word tests: without spaces, with its morpheme starts and forms."""

    compact: str
    starts: frozenset[int]
    forms: frozenset[str]
    sequence: tuple[str, ...] = ()
    """The text's content morphemes in order, verbs as lemmas ("돌려 드립니다": 돌리, 드리)."""

    def contains(self, word: str) -> bool:
        """True when ``word`` occurs in the text on a morpheme boundary (see the module doc)."""
        key = compact(word)
        if not key:
            return False
        if key in self.forms:
            return True
        lemmas = _lemmas(word)
        if len(lemmas) > 1 and _contiguous(lemmas, self.sequence):
            return True  # "돌려 드리" in "돌려 드립니다", whatever the endings
        if len(key) >= LOOSE_LENGTH:
            return key in self.compact
        position = self.compact.find(key)
        while position >= 0:
            if position in self.starts:
                return True
            position = self.compact.find(key, position + 1)
        return False

    def contains_any(self, words: Iterable[str]) -> bool:
        """True when any of ``words`` occurs (see :meth:`contains`)."""
        return any(self.contains(word) for word in words)


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> tuple[str, ...]:
    """The content morphemes of a word or phrase, in order."""
    from knowledge.lexical import kiwi_tokens

    return tuple(t.form for t in kiwi_tokens([normalize(word)])[0] if _is_content(t.tag))


def _is_content(tag: str) -> bool:
    return tag[0] not in "JES" or tag in ("SN", "SL", "SH")


def _contiguous(needle: tuple[str, ...], haystack: tuple[str, ...]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def compact(text: str) -> str:
    """Normalised text without any whitespace."""
    return "".join(normalize(text).split())


def analyse(text: str) -> Analysed:
    """One text prepared for word tests."""
    return analyse_many([text])[0]


CACHED_TEXTS = 20_000
"""Analysed texts kept in memory: the candidate sentences of the documents recur question after
question, and analysing them again was a fifth of an answer's CPU (a few MB for a federation)."""

_cache: dict[str, Analysed] = {}
_cache_lock = threading.Lock()


def analyse_many(texts: Sequence[str]) -> list[Analysed]:
    """Many texts prepared for word tests, with one Kiwi call for those not seen recently."""
    from knowledge.lexical import kiwi_tokens

    with _cache_lock:
        known = {text: _cache[text] for text in texts if text in _cache}
    missing = list(dict.fromkeys(text for text in texts if text not in known))
    if missing:
        normalized = [normalize(text) for text in missing]
        fresh = {
            original: _prepare(text, tokens)
            for original, text, tokens in zip(
                missing, normalized, kiwi_tokens(normalized), strict=True
            )
        }
        with _cache_lock:
            if len(_cache) + len(fresh) > CACHED_TEXTS:
                _cache.clear()  # simpler than LRU; a federation's sentences fit many times over
            _cache.update(fresh)
        known.update(fresh)
    return [known[text] for text in texts]


def _prepare(text: str, tokens: Sequence[Any]) -> Analysed:
    """One normalised text and its Kiwi tokens, prepared for word tests."""
    offsets = _compact_offsets(text)
    starts = frozenset(offsets[token.start] for token in tokens if token.start < len(text))
    forms = frozenset(token.form for token in tokens)
    sequence = tuple(token.form for token in tokens if _is_content(token.tag))
    return Analysed("".join(text.split()), starts, forms, sequence)


def _compact_offsets(text: str) -> list[int]:
    """For every index of ``text``, the index of the same place once whitespace is removed."""
    offsets: list[int] = []
    position = 0
    for char in text:
        offsets.append(position)
        if not char.isspace():
            position += 1
    return offsets
