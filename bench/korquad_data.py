"""KorQuAD 1.0 dev as a retrieval task, plus distractor corpora of any size for scaling runs.

Every paragraph of KorQuAD dev is one document and every question one query whose relevant
document is its own paragraph. Bigger corpora add the Korean distractor paragraphs shipped next to
KorQuAD and then paragraphs synthesised by recombining distractor sentences (fixed seed). Only
distractor sentences are recombined: a synthesised paragraph holding a KorQuAD answer sentence
would make "the right paragraph" ambiguous.
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

KORQUAD_FILE = "KorQuAD_v1.0_dev.json"
DISTRACTOR_FILE = "ko_distractors_v1.jsonl"
SEED = 20261124
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "korquad"
MISSING_DATA = (
    "벤치마크 데이터가 없어요: {path}\n"
    "KorQuAD 파일(KorQuAD_v1.0_dev.json, ko_distractors_v1.jsonl)이 있는 곳을 명령줄에서 "
    "알려 주세요(--help 참고)."
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Question:
    """A KorQuAD question and the index of the paragraph that answers it."""

    text: str
    paragraph: int


@dataclass(frozen=True)
class KorQuAD:
    """Paragraphs (documents) with their article titles, and the questions about them."""

    paragraphs: list[str]
    titles: list[str]
    questions: list[Question]


def require(*paths: Path) -> None:
    """Stop with a short Korean message (exit code 2) when a data file is missing."""
    for path in paths:
        if not path.is_file():
            print(MISSING_DATA.format(path=path), file=sys.stderr)
            raise SystemExit(2)


def load_korquad(data_dir: Path) -> KorQuAD:
    """Read KorQuAD dev: one document per paragraph, one query per question."""
    raw = json.loads((data_dir / KORQUAD_FILE).read_text(encoding="utf-8"))
    paragraphs: list[str] = []
    titles: list[str] = []
    questions: list[Question] = []
    for article in raw["data"]:
        for paragraph in article["paragraphs"]:
            index = len(paragraphs)
            paragraphs.append(paragraph["context"])
            titles.append(article["title"])
            questions.extend(Question(qa["question"], index) for qa in paragraph["qas"])
    return KorQuAD(paragraphs, titles, questions)


def load_distractors(data_dir: Path) -> list[str]:
    """The Korean distractor paragraphs (texts only)."""
    lines = (data_dir / DISTRACTOR_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def scaled_corpus(korquad: KorQuAD, distractors: list[str], size: int) -> list[str]:
    """``size`` paragraphs: KorQuAD's first (same indices), then distractors, then synthesised."""
    corpus = [*korquad.paragraphs, *distractors][:size]
    sentences = [s for text in distractors for s in _SENTENCE_END.split(text) if s.strip()]
    rng = random.Random(SEED)
    while len(corpus) < size:
        corpus.append(" ".join(rng.choices(sentences, k=rng.randint(4, 9))))
    return corpus
