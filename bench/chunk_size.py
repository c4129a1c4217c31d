"""Pick the chunk size: how chunking at several sizes serves KorQuAD 1.0 dev questions.

Each article's paragraphs are joined into one document, chunked with ``ingest.chunking`` at each
target size, and every question is checked for (a) whether its answer lies entirely inside one
chunk and (b) whether BM25 over character bigrams (all chunks of all articles as the corpus)
ranks a chunk holding the answer first (and within the top 5).

    python bench/chunk_size.py [path/to/KorQuAD_v1.0_dev.json] [--sizes 200,350,500,800]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import bm25s

sys.path.insert(0, str(Path(__file__).resolve().parent))

from korquad_data import DEFAULT_DATA as KORQUAD_DIR
from korquad_data import KORQUAD_FILE, require

from ingest.chunking import pack_spans

DEFAULT_DATA = KORQUAD_DIR / KORQUAD_FILE


@dataclass(frozen=True)
class Question:
    article: int
    text: str
    start: int
    end: int


def load(path: Path) -> tuple[list[str], list[Question]]:
    """One document per article plus every question with its answer's offsets in it."""
    documents: list[str] = []
    questions: list[Question] = []
    for index, article in enumerate(json.loads(path.read_text(encoding="utf-8"))["data"]):
        parts: list[str] = []
        offset = 0
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                answer = qa["answers"][0]
                start = offset + answer["answer_start"]
                questions.append(
                    Question(index, qa["question"], start, start + len(answer["text"]))
                )
            parts.append(paragraph["context"])
            offset += len(paragraph["context"]) + 2
        documents.append("\n\n".join(parts))
    return documents, questions


def bigrams(text: str) -> list[str]:
    """Character bigrams inside each whitespace token (a one-letter token stays whole)."""
    tokens: list[str] = []
    for word in text.split():
        tokens.extend([word] if len(word) == 1 else [word[i : i + 2] for i in range(len(word) - 1)])
    return tokens


def measure(documents: list[str], questions: list[Question], size: int) -> dict[str, float]:
    """Chunk every document at ``size`` and score both criteria."""
    spans = [
        (article, s, e) for article, doc in enumerate(documents) for s, e in pack_spans(doc, size)
    ]
    by_article: dict[int, list[int]] = {}
    for number, (article, _, _) in enumerate(spans):
        by_article.setdefault(article, []).append(number)

    def holds(number: int, q: Question) -> bool:
        article, start, end = spans[number]
        return article == q.article and start <= q.start and q.end <= end

    inside = sum(any(holds(n, q) for n in by_article[q.article]) for q in questions)
    index = bm25s.BM25()
    index.index([bigrams(documents[a][s:e]) for a, s, e in spans], show_progress=False)
    results, _ = index.retrieve(
        [bigrams(q.text) or ["_"] for q in questions], k=5, show_progress=False
    )
    top = sum(holds(int(results[i][0]), q) for i, q in enumerate(questions))
    top5 = sum(any(holds(int(n), q) for n in results[i]) for i, q in enumerate(questions))
    lengths = [len(documents[a][s:e].strip()) for a, s, e in spans]
    return {
        "size": size,
        "chunks": len(spans),
        "mean_len": sum(lengths) / len(lengths),
        "inside": inside / len(questions),
        "top1": top / len(questions),
        "top5": top5 / len(questions),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="200,350,500,800")
    args = parser.parse_args()
    require(args.data)
    documents, questions = load(args.data)
    print(f"{len(documents)} articles, {len(questions)} questions")
    print(
        f"{'size':>5} {'chunks':>7} {'mean len':>9} {'answer in 1 chunk':>18}"
        f" {'BM25 top-1 holds':>17} {'top-5 holds':>12}"
    )
    for size in (int(part) for part in args.sizes.split(",")):
        row = measure(documents, questions, size)
        print(
            f"{row['size']:>5} {row['chunks']:>7} {row['mean_len']:>9.0f}"
            f" {row['inside']:>18.3f} {row['top1']:>17.3f} {row['top5']:>12.3f}"
        )


if __name__ == "__main__":
    main()
