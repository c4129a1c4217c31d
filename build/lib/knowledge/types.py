"""Neutral value types shared by ingestion, retrieval and answering."""

from __future__ import annotations

from dataclasses import dataclass

KINDS: tuple[str, ...] = ("rules", "events", "programs", "faq", "news")
"""Document kinds a secretariat can tag at ingest time."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """One retrievable passage of a document, with everything needed to cite it."""

    id: str
    text: str
    title: str
    source: str
    section: str
    kind: str
    visibility: str
    date: str | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """A chunk returned by retrieval with its score (higher is better)."""

    chunk: Chunk
    score: float


def visible(visibility: str, allowed: frozenset[str] | None) -> bool:
    """Tell whether a chunk with ``visibility`` may be shown to an audience.

    ``allowed`` is the set of visibility labels the audience may see (``public``, ``members``,
    ``group:<id>``); ``None`` means no restriction (the secretariat's own command line).
    """
    return allowed is None or visibility in allowed
