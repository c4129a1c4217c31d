"""Ranked partner search over company profiles, Korean-aware and bounded by consent.

Each profile field (products, processes and equipment, certifications, patents, industry, name,
region, what the company seeks) is analysed by the knowledge package's Kiwi analyser into
content morphemes and character bigrams. A query is analysed the same way, widened with glossary
synonyms (the federation's glossary plus :data:`NETWORK_SYNONYMS`), and scored as a weighted
IDF overlap: what a company *offers* weighs most, what it *seeks* least. Scores are normalised
by the most the query's own words could score, so 1.0 means every word matched a capability.

Consent is applied before ranking (a company the viewer may not see is never scored), then
results from the viewer's own groups come first, each part by score.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot import texts
from bot.network.profiles import ProfileDoc, Viewer, load_docs

if TYPE_CHECKING:
    from knowledge.glossary import Glossary

FIELDS: tuple[tuple[str, float], ...] = (
    ("products", 1.0),
    ("processes", 1.0),
    ("certifications", 1.0),
    ("patents", 1.0),
    ("industry", 0.8),
    ("name", 0.6),
    ("region", 0.5),
    ("looking_for", 0.3),
)
"""Profile fields searched, with how much a match in each counts."""

MORPHEME_WEIGHT = 1.0
BIGRAM_WEIGHT = 0.4
SYNONYM_WEIGHT = 0.7
MIN_SCORE = 0.08
"""Below this share of the query's own words, a company matched only in passing."""
RELATIVE_FLOOR = 0.35
"""A result must score at least this share of the best one."""
SEEK_SHARE = 0.5
"""A company answers what another seeks when it offers this share of the other's 관심분야 words."""
GROUP_FIRST = 0.5
"""Own-group companies scoring at least this share of the best come before the federation's."""

STOP_WORDS = frozenset(
    {
        "곳",
        "업체",
        "회사",
        "기업",
        "가능",
        "하",
        "있",
        "수",
        "만들",
        "주",
        "찾",
        "필요",
        "개",
        "해주",
        "되",
        "분",
        "좀",
        "어디",
        "제품",
        "제조",
        "경험",
        "잘",
        "하는",
    }
)
"""Words that say "a company that can …" rather than what it should do."""

SEEK_STOP_WORDS = STOP_WORDS | {"협력", "협력사", "사", "수요", "수요처", "처", "거래처", "예정"}
"""Words of 관심분야 that say "a partner" rather than what for."""

NETWORK_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("ISO 13485", "의료기기 GMP", "의료기기"),
    ("다이캐스팅", "주조", "주물"),
    ("금형", "몰드", "사출"),
    ("CNC", "절삭가공", "머시닝", "선반"),
    ("PCB", "인쇄회로기판", "SMT"),
    ("열처리", "침탄", "질화"),
    ("도장", "분체 도장", "코팅"),
    ("포장재", "박스", "골판지", "완충 포장재"),
    ("수출", "해외", "바이어"),
    ("MES", "생산관리", "스마트공장"),
    ("로봇", "자동화"),
    ("모터", "BLDC", "전동기"),
    ("식품", "HACCP"),
    ("화장품", "CGMP", "OEM"),
)
"""Trade words members use for the same capability (kept here: they are about companies)."""

_CACHE_SIZE = 4


@dataclass(frozen=True, slots=True)
class Hit:
    """One company in a search result: what a member may see of it, never a contact."""

    company_id: int
    company: str
    industry: str
    groups: tuple[str, ...]
    matched: str
    score: float
    same_group: bool

    @property
    def group(self) -> str:
        """The company's groups as one line."""
        return ", ".join(self.groups)


@dataclass(frozen=True, slots=True)
class _Doc:
    terms: dict[str, float]
    fields: dict[str, frozenset[str]]


class ProfileIndex:
    """An index over a fixed list of profiles; build once, query many times."""

    def __init__(self, docs: Sequence[ProfileDoc]) -> None:
        """Analyse every field of ``docs`` (in one Kiwi batch) and count term rarity."""
        self.docs = list(docs)
        texts_by_field = [
            (doc, name, weight, _field_text(doc, name)) for doc in docs for name, weight in FIELDS
        ]
        analyses = _analyse([text for *_, text in texts_by_field])
        entries: list[_Doc] = [_Doc({}, {}) for _ in docs]
        for index, ((_, name, weight, _), terms) in enumerate(
            zip(texts_by_field, analyses, strict=True)
        ):
            entry = entries[index // len(FIELDS)]
            entry.fields[name] = terms
            for term in terms:
                if entry.terms.get(term, 0.0) < weight:
                    entry.terms[term] = weight
        self._entries = entries
        self._postings: dict[str, list[int]] = {}
        for position, entry in enumerate(entries):
            for term in entry.terms:
                self._postings.setdefault(term, []).append(position)
        size = len(entries)
        self._idf = {
            term: math.log1p((size - len(found) + 0.5) / (len(found) + 0.5))
            for term, found in self._postings.items()
        }
        self._rarest = math.log1p((size + 0.5) / 0.5)

    def search(self, query: str, viewer: Viewer | None, *, limit: int) -> list[Hit]:
        """The best ``limit`` companies ``viewer`` may see (everyone's when ``None``)."""
        own, synonyms = query_terms(query)
        if not own:
            return []
        weights = dict(synonyms)
        weights.update(own)
        ideal = sum(w * self._idf.get(t, self._rarest) for t, w in own.items())
        scores: dict[int, float] = {}
        for term, weight in weights.items():
            rarity = self._idf.get(term)
            if rarity is None:
                continue
            for position in self._postings[term]:
                gain = weight * rarity * self._entries[position].terms[term]
                scores[position] = scores.get(position, 0.0) + gain
        ranked = []
        for position, raw in scores.items():
            doc = self.docs[position]
            if viewer is not None and not viewer.may_see(doc):
                continue
            score = min(1.0, raw / ideal)
            if score >= MIN_SCORE:
                ranked.append((position, score))
        if not ranked:
            return []
        best = max(score for _, score in ranked)
        ranked = [(p, s) for p, s in ranked if s >= best * RELATIVE_FLOOR]
        same = {p: viewer is not None and viewer.shares_group(self.docs[p]) for p, _ in ranked}
        first = {p for p, s in ranked if same[p] and s >= best * GROUP_FIRST}
        ranked.sort(key=lambda item: (item[0] not in first, -item[1], self.docs[item[0]].name))
        return [self._hit(p, s, same[p], weights) for p, s in ranked[:limit]]

    def seekers(self, offer: str, *, exclude: int) -> list[tuple[ProfileDoc, str]]:
        """Companies whose 찾는 것 ``offer`` answers, best first, with what they seek.

        The share is of the seeker's own 관심분야 words (morphemes, by rarity) found in the
        offer; at least :data:`SEEK_SHARE` of them must be.
        """
        own, synonyms = query_terms(offer)
        offered = {t for t in (*own, *synonyms) if not t.startswith("b:")}
        found: list[tuple[float, int]] = []
        for position, entry in enumerate(self._entries):
            doc = self.docs[position]
            if doc.company_id == exclude:
                continue
            wanted = {
                t
                for t in entry.fields["looking_for"]
                if not t.startswith("b:") and t not in SEEK_STOP_WORDS
            }
            whole = sum(self._idf.get(t, 0.0) for t in wanted)
            if not whole:
                continue
            share = sum(self._idf.get(t, 0.0) for t in wanted & offered) / whole
            if share >= SEEK_SHARE:
                found.append((share, position))
        found.sort(key=lambda item: (-item[0], self.docs[item[1]].name))
        return [(self.docs[p], self.docs[p].looking_for) for _, p in found]

    def _hit(self, position: int, score: float, same: bool, weights: dict[str, float]) -> Hit:
        doc = self.docs[position]
        entry = self._entries[position]
        best_field, best_gain = "", 0.0
        for name, weight in FIELDS:
            gain = weight * sum(
                w * self._idf.get(t, 0.0) for t, w in weights.items() if t in entry.fields[name]
            )
            if gain > best_gain:
                best_field, best_gain = name, gain
        matched = (
            texts.net_matched(texts.NET_FIELD_LABELS[best_field], _field_text(doc, best_field))
            if best_field
            else ""
        )
        return Hit(
            company_id=doc.company_id,
            company=doc.name,
            industry=doc.industry,
            groups=tuple(name for _, name in doc.groups),
            matched=matched,
            score=round(score, 3),
            same_group=same,
        )


def _field_text(doc: ProfileDoc, name: str) -> str:
    value = getattr(doc, name)
    return str(value)


_ANALYSED: dict[str, frozenset[str]] = {}
_LOCK = threading.Lock()
_INDEXES: dict[tuple[ProfileDoc, ...], ProfileIndex] = {}


def _analyse(values: Sequence[str]) -> list[frozenset[str]]:
    """Index terms of each text, from the analyser's cache where seen before."""
    from knowledge.lexical import analyze_many

    missing = list(dict.fromkeys(v for v in values if v and v not in _ANALYSED))
    if missing:
        for text, analysis in zip(missing, analyze_many(missing), strict=True):
            _ANALYSED[text] = frozenset(analysis.terms)
    return [_ANALYSED.get(v, frozenset()) for v in values]


@cache
def _glossary() -> Glossary:
    from knowledge.glossary import Glossary

    packaged = Glossary.default()
    return Glossary.from_groups([*packaged.groups, *NETWORK_SYNONYMS])


def query_terms(query: str) -> tuple[dict[str, float], dict[str, float]]:
    """The query's own weighted terms and its synonyms' (stop words dropped)."""
    from knowledge.lexical import analyze

    own = _weighted(analyze(query, query=True).terms, 1.0)
    synonyms: dict[str, float] = {}
    expansions = _glossary().expansions(query)
    if expansions:
        for analysis in _expansion_terms(expansions):
            for term, weight in _weighted(analysis, SYNONYM_WEIGHT).items():
                if term not in own and synonyms.get(term, 0.0) < weight:
                    synonyms[term] = weight
    return own, synonyms


def _expansion_terms(words: Sequence[str]) -> list[tuple[str, ...]]:
    from knowledge.lexical import analyze_many

    return [analysis.terms for analysis in analyze_many(list(words), query=True)]


def _weighted(terms: Sequence[str], factor: float) -> dict[str, float]:
    from knowledge.lexical import BIGRAM_PREFIX

    weights: dict[str, float] = {}
    for term in terms:
        bigram = term.startswith(BIGRAM_PREFIX)
        word = term.removeprefix(BIGRAM_PREFIX)
        if word in STOP_WORDS:
            continue
        weight = factor * (BIGRAM_WEIGHT if bigram else MORPHEME_WEIGHT)
        if weights.get(term, 0.0) < weight:
            weights[term] = weight
    return weights


def index_of(docs: Sequence[ProfileDoc]) -> ProfileIndex:
    """The index over ``docs``, reused while the profiles stay the same."""
    key = tuple(docs)
    with _LOCK:
        found = _INDEXES.get(key)
        if found is not None:
            return found
    index = ProfileIndex(docs)
    with _LOCK:
        if len(_INDEXES) >= _CACHE_SIZE:
            _INDEXES.pop(next(iter(_INDEXES)))
        _INDEXES[key] = index
    return index


def forget_cache() -> None:
    """Drop every cached analysis and index (for benchmarks measuring a cold start)."""
    with _LOCK:
        _ANALYSED.clear()
        _INDEXES.clear()


def search(session: Session, viewer: Viewer, query: str, *, limit: int = 5) -> list[Hit]:
    """What ``viewer`` finds for ``query``: consenting companies they may see, ranked."""
    docs = load_docs(session)
    if not any(viewer.may_see(doc) for doc in docs):
        return []
    # One index over every consenting company, whoever asks; consent filters while scoring.
    return index_of(docs).search(query, viewer, limit=limit)


def search_as(session: Session, member_key: str, query: str, *, limit: int = 10) -> list[Hit]:
    """What member ``member_key`` (회원번호) would see from ``/찾기 query``, in rank order."""
    from bot.federation.errors import NotFoundError
    from bot.storage.federation_models import Member

    member = session.get(Member, int(member_key)) if member_key.strip().isdigit() else None
    if member is None:
        raise NotFoundError(texts.net_member_not_found(member_key))
    return search(session, Viewer.of(member), query, limit=limit)
