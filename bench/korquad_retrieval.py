"""Retrieval quality and speed on KorQuAD 1.0 dev: Gyoryu's Retriever next to the baselines.

Part 1 ranks every KorQuAD dev paragraph for every question with each system and prints
R@1/R@5/R@10/MRR@10, index build time, p50/p95 latency of one query, and resident memory.
Part 2 (scaling) puts the KorQuAD paragraphs into corpora of 1k, 10k and 100k chunks (distractor
and synthesised paragraphs) and measures Gyoryu's Retriever there. Each measurement runs in a
fresh process so its memory figure is its own.

    python bench/korquad_retrieval.py [--data DIR] [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from korquad_data import (
    DEFAULT_DATA,
    DISTRACTOR_FILE,
    KORQUAD_FILE,
    KorQuAD,
    load_distractors,
    load_korquad,
    require,
    scaled_corpus,
)

# Figures from docs/design.md, "Knowledge" (same data, same protocol): R@1, R@5, MRR@10.
DESIGN_BASELINES = {
    "LangChain BM25Retriever (whitespace)": (0.749, 0.872, 0.802),
    "BM25 on Kiwi morphemes": (0.894, 0.980, 0.932),
    "BM25 on character bigrams": (0.888, 0.983, 0.930),
    "RRF of morphemes + bigrams": (0.900, 0.985, 0.938),
}

Ranker = Callable[[str], list[int]]
"""A built system: a query in, paragraph indices out, best first (at most 10)."""


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process(os.getpid()).memory_info().rss) / 2**20


def build_gyoryu(paragraphs: Sequence[str], cache: Path | None = None) -> Ranker:
    """Gyoryu's product Retriever (no glossary: KorQuAD is not federation vocabulary)."""
    from knowledge.retriever import Retriever
    from knowledge.types import Chunk

    chunks = [
        Chunk(
            id=str(i),
            text=text,
            title="",
            source="korquad",
            section="",
            kind="faq",
            visibility="public",
        )
        for i, text in enumerate(paragraphs)
    ]
    retriever = Retriever.from_chunks(chunks, cache=cache)
    return lambda query: [int(hit.chunk.id) for hit in retriever.search(query, top_k=10)]


def build_langchain(paragraphs: Sequence[str]) -> Ranker:
    """LangChain's BM25Retriever with its defaults (whitespace split, rank_bm25 Okapi)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from langchain_community.retrievers import BM25Retriever

    retriever = BM25Retriever.from_texts(
        list(paragraphs), metadatas=[{"i": i} for i in range(len(paragraphs))], k=10
    )
    return lambda query: [doc.metadata["i"] for doc in retriever.invoke(query)]


def _bm25s_ranker(paragraphs: Sequence[str], tokenize: Callable[[str], list[str]]) -> Ranker:
    import bm25s
    import numpy as np

    model = bm25s.BM25()
    model.index([tokenize(text) or [""] for text in paragraphs], show_progress=False)
    vocab = model.vocab_dict

    def rank(query: str) -> list[int]:
        ids = [vocab[t] for t in tokenize(query) if t in vocab]
        if not ids:
            return []
        scores = model.get_scores_from_ids(ids)
        top = np.argpartition(-scores, min(10, len(scores) - 1))[:10]
        return [int(i) for i in sorted(top, key=lambda i: -scores[i]) if scores[i] > 0]

    return rank


def build_bm25s_whitespace(paragraphs: Sequence[str]) -> Ranker:
    """bm25s (Lucene BM25, k1=1.5, b=0.75) on whitespace tokens."""
    return _bm25s_ranker(paragraphs, str.split)


def build_bm25s_bigrams(paragraphs: Sequence[str]) -> Ranker:
    """bm25s on character bigrams of each word: the docs/design.md bigram baseline, re-measured."""
    import re

    word = re.compile(r"[0-9A-Za-z가-힣]+")

    def bigrams(text: str) -> list[str]:
        out: list[str] = []
        for w in word.findall(text.lower()):
            out.extend([w] if len(w) == 1 else [w[i : i + 2] for i in range(len(w) - 1)])
        return out

    return _bm25s_ranker(paragraphs, bigrams)


SYSTEMS: dict[str, Callable[[Sequence[str]], Ranker]] = {
    "Gyoryu Retriever": build_gyoryu,
    "LangChain BM25Retriever (whitespace)": build_langchain,
    "bm25s whitespace": build_bm25s_whitespace,
    "bm25s char bigrams": build_bm25s_bigrams,
}


def measure(system: str, data_dir: Path, size: int | None, limit: int | None) -> dict[str, Any]:
    """Build ``system`` on KorQuAD (or a ``size``-chunk corpus holding it) and score it."""
    korquad = load_korquad(data_dir)
    paragraphs = (
        korquad.paragraphs
        if size is None
        else scaled_corpus(korquad, load_distractors(data_dir), size)
    )
    questions = korquad.questions[:limit] if limit else korquad.questions
    folder = Path(tempfile.mkdtemp(prefix="gyoryu-bench-"))
    cache = folder / "lexical-cache.pkl" if size is not None else None
    before = _rss_mb()
    started = time.perf_counter()
    # Scaling runs build with the analysis cache, as the bot does; the first build fills it.
    rank = build_gyoryu(paragraphs, cache) if cache else SYSTEMS[system](paragraphs)
    build = time.perf_counter() - started
    ranks: list[int | None] = []
    latencies: list[float] = []
    for question in questions:
        started = time.perf_counter()
        found = rank(question.text)
        latencies.append(time.perf_counter() - started)
        ranks.append(found.index(question.paragraph) + 1 if question.paragraph in found else None)
    after = _rss_mb()
    restart = None
    if cache:
        del rank
        started = time.perf_counter()
        build_gyoryu(paragraphs, cache)  # a restart: every analysis comes from the cache
        restart = time.perf_counter() - started
    shutil.rmtree(folder)
    return {
        "system": system,
        "chunks": len(paragraphs),
        "chars": sum(map(len, paragraphs)),
        "ranks": ranks,
        "build_s": build,
        "restart_s": restart,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": statistics.quantiles(latencies, n=20)[18] * 1000,
        "rss_mb": after,
        "index_mb": after - before,
    }


def quality(ranks: Sequence[int | None]) -> dict[str, float]:
    """R@1, R@5, R@10 and MRR@10 of 1-based ranks (None: not in the top 10)."""
    n = len(ranks) or 1
    return {
        "R@1": sum(1 for r in ranks if r == 1) / n,
        "R@5": sum(1 for r in ranks if r is not None and r <= 5) / n,
        "R@10": sum(1 for r in ranks if r is not None) / n,
        "MRR@10": sum(1 / r for r in ranks if r is not None) / n,
    }


def run_isolated(*args: Any) -> dict[str, Any]:
    """Run :func:`measure` in a fresh process, so memory and caches start clean."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(measure, *args).result()


def main() -> None:
    """Parse options, run both parts and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="KorQuAD folder")
    parser.add_argument("--quick", action="store_true", help="smoke run: fewer questions, 1k/10k")
    args = parser.parse_args()
    data: Path = args.data.resolve()
    require(data / KORQUAD_FILE, data / DISTRACTOR_FILE)
    limit = 500 if args.quick else None
    korquad: KorQuAD = load_korquad(data)
    print(
        f"KorQuAD 1.0 dev: {len(korquad.paragraphs)} paragraphs, "
        f"{len(korquad.questions)} questions{' (quick: first 500)' if limit else ''}; "
        f"{os.cpu_count()} cores\n"
    )

    header = (
        f"{'system':40} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7} "
        f"{'build s':>8} {'p50 ms':>7} {'p95 ms':>7} {'RSS MB':>7} {'index MB':>8}"
    )
    print(header)
    print("-" * len(header))
    results: dict[str, dict[str, Any]] = {}
    for system in SYSTEMS:
        result = results[system] = run_isolated(system, data, None, limit)
        q = quality(result["ranks"])
        print(
            f"{system:40} {q['R@1']:6.3f} {q['R@5']:6.3f} {q['R@10']:6.3f} {q['MRR@10']:7.3f} "
            f"{result['build_s']:8.2f} {result['p50_ms']:7.2f} {result['p95_ms']:7.2f} "
            f"{result['rss_mb']:7.0f} {result['index_mb']:8.0f}",
            flush=True,
        )
    for name, (r1, r5, mrr) in DESIGN_BASELINES.items():
        print(f"{'design.md: ' + name:40} {r1:6.3f} {r5:6.3f} {'':>6} {mrr:7.3f}")

    # Questions come in article order, so the halves are disjoint sets of articles.
    print("\nSplit check (first / second half of the questions): R@1 and MRR@10")
    for system, result in results.items():
        half = len(result["ranks"]) // 2
        first, second = quality(result["ranks"][:half]), quality(result["ranks"][half:])
        print(
            f"{system:40} {first['R@1']:.3f} / {second['R@1']:.3f}   "
            f"{first['MRR@10']:.3f} / {second['MRR@10']:.3f}"
        )

    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    print("\nScaling: Gyoryu Retriever, KorQuAD questions inside bigger corpora")
    header = (
        f"{'chunks':>8} {'M chars':>8} {'build s':>8} {'restart s':>9} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'RSS MB':>7} {'R@1':>6} {'MRR@10':>7}"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        result = run_isolated("Gyoryu Retriever", data, size, limit)
        q = quality(result["ranks"])
        print(
            f"{result['chunks']:8d} {result['chars'] / 1e6:8.1f} {result['build_s']:8.1f} "
            f"{result['restart_s']:9.1f} "
            f"{result['p50_ms']:7.2f} {result['p95_ms']:7.2f} {result['rss_mb']:7.0f} "
            f"{q['R@1']:6.3f} {q['MRR@10']:7.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
