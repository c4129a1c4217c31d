"""Q&A quality: do members get the right fact, or an honest "not in the documents"?

Two corpora are ingested into temporary stores exactly as ``gyoryu ingest`` would:

* ``sample``: the fictional federation's documents in ``samples/corpus``;
* ``seeds``: two real Korean articles about exchange federations, read from ``../shared/seeds``
  at run time (their text is not ours, so it is not in the repository). Without that folder the
  seeds sets are skipped with a note.

Question sets live in ``bench/questions`` (one JSON object a line: ``id``, ``question``,
``answerable``, ``doc``, ``expect`` (alternative fact strings; any one must appear in the answer,
spaces ignored) and ``kind``). ``*_dev``, ``*_dev2`` … sets are for development:
their misses are printed one by one. ``*_heldout`` sets were written before tuning and are
reported only as totals; they must never be used to choose parameters.
``samples/corpus_questions.jsonl``, the project's first set, is a development set too (its
expected "fact" is a whole sentence, so it is stricter).

Per set the benchmark prints, over answerable questions: the right document ranked first and in
the top 3, a confident answer holding the expected fact, a confident answer *without* it
(confident-and-wrong), and declined ones; over unanswerable questions: how many were answered
as if covered. Targets on the held-out sets: fact ≥ 85 %, top 3 ≥ 95 %, confident-and-wrong
≤ 3 %, 0 unanswerable answered.

    python bench/qa_quality.py [--sets dev|heldout|all] [--shared DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = REPO_ROOT / "bench" / "questions"
SAMPLE_CORPUS = REPO_ROOT / "samples" / "corpus"
OLD_SET = REPO_ROOT / "samples" / "corpus_questions.jsonl"
DEFAULT_SHARED = REPO_ROOT.parent / "shared"

TARGETS = {"fact": 0.85, "top3": 0.95, "wrong": 0.03, "unanswered": 0}


@dataclass(frozen=True)
class Case:
    """One question of a set."""

    id: str
    question: str
    answerable: bool
    doc: str | None
    expect: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class QuestionSet:
    """A named set over one corpus; ``private`` sets print totals only."""

    name: str
    corpus: str
    cases: tuple[Case, ...]
    private: bool


@dataclass
class Outcome:
    """What happened to one question."""

    case: Case
    rank: int | None  # 1-based rank of the first source from the expected document
    confident: bool
    has_fact: bool
    text: str


@dataclass
class Tally:
    """Counts of one set."""

    outcomes: list[Outcome] = field(default_factory=list)

    def answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.answerable]

    def unanswerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.case.answerable]


def _compact(text: str) -> str:
    return "".join(text.split()).casefold()


def load_set(path: Path) -> tuple[Case, ...]:
    """The cases of a question-set file in the bench format."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            cases.append(
                Case(
                    id=raw["id"],
                    question=raw["question"],
                    answerable=bool(raw["answerable"]),
                    doc=raw.get("doc"),
                    expect=tuple(raw.get("expect") or ()),
                    kind=raw.get("kind", "other"),
                )
            )
    return tuple(cases)


def load_old_set(path: Path) -> tuple[Case, ...]:
    """``samples/corpus_questions.jsonl``: its expected text is a whole sentence."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        source = raw.get("expect_source")
        cases.append(
            Case(
                id=f"corpus-{number:03d}",
                question=raw["question"],
                answerable=source is not None,
                doc=source,
                expect=(raw["expect_text"],) if raw.get("expect_text") else (),
                kind="offtopic" if raw.get("offtopic") else "other",
            )
        )
    return tuple(cases)


def question_sets(which: str) -> list[QuestionSet]:
    """The sets to run: ``dev``, ``heldout`` or ``all``."""
    sets: list[QuestionSet] = []
    if which in ("dev", "all"):
        sets.append(QuestionSet("corpus_questions", "sample", load_old_set(OLD_SET), False))
    for corpus in ("sample", "seeds"):
        for path in sorted(QUESTIONS.glob(f"{corpus}_*.jsonl")):
            part = path.stem.removeprefix(f"{corpus}_").rstrip("0123456789")
            if which in (part, "all") and part in ("dev", "heldout"):
                sets.append(QuestionSet(path.stem, corpus, load_set(path), part == "heldout"))
    return sets


@contextmanager
def ingested(folder: Path) -> Iterator[Any]:
    """A ``DocumentQA`` over ``folder`` ingested into a temporary store, offline."""
    from bot.qa import DocumentQA
    from ingest.pipeline import ingest_paths
    from knowledge.settings import KnowledgeSettings
    from knowledge.store import ChunkStore

    data_dir = Path(tempfile.mkdtemp(prefix="gyoryu-qa-bench-"))
    try:
        settings = KnowledgeSettings(
            _env_file=None,  # type: ignore[call-arg]
            GYORYU_DATA_DIR=data_dir,
            CHROMA_HOST=None,
            OPENAI_API_KEY=None,
            OPENAI_BASE_URL=None,
            GYORYU_CHAT_MODEL=None,
            GYORYU_EMBEDDING_MODEL=None,
        )
        report = ingest_paths([str(folder)], store=ChunkStore.open(settings))
        if report.failed:
            raise SystemExit(f"ingest of {folder} failed: {report.failed}")
        yield DocumentQA.open(settings)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run_set(qa: Any, question_set: QuestionSet) -> Tally:
    """Ask every question of a set and record what happened."""
    tally = Tally()
    for case in question_set.cases:
        answer = qa.answer(case.question)
        names = [Path(source.source).name for source in answer.sources]
        rank = names.index(case.doc) + 1 if case.doc in names else None
        text = answer.text if answer.confident else ""
        has_fact = any(_compact(fact) in _compact(text) for fact in case.expect)
        tally.outcomes.append(Outcome(case, rank, answer.confident, has_fact, answer.text))
    return tally


def _share(part: int, whole: int) -> str:
    return f"{part:3d}/{whole:<3d} {part / whole:6.1%}" if whole else "   -/0         "


def summary(tally: Tally) -> dict[str, int]:
    """Counts of a set (also used for the printed table)."""
    answerable = tally.answerable()
    unanswerable = tally.unanswerable()
    return {
        "answerable": len(answerable),
        "top1": sum(1 for o in answerable if o.rank == 1),
        "top3": sum(1 for o in answerable if o.rank is not None and o.rank <= 3),
        "fact": sum(1 for o in answerable if o.confident and o.has_fact),
        "wrong": sum(1 for o in answerable if o.confident and not o.has_fact),
        "declined": sum(1 for o in answerable if not o.confident),
        "unanswerable": len(unanswerable),
        "answered": sum(1 for o in unanswerable if o.confident),
    }


def print_table(rows: Sequence[tuple[str, dict[str, int]]]) -> None:
    """One line per set; shares are of the answerable (or unanswerable) questions."""
    header = (
        f"{'set':18} {'doc top 1':>15} {'doc top 3':>15} {'fact':>15} "
        f"{'confident+wrong':>15} {'declined':>15} {'unanswerable answered':>22}"
    )
    print(header)
    print("-" * len(header))
    for name, c in rows:
        n = c["answerable"]
        print(
            f"{name:18} {_share(c['top1'], n):>15} {_share(c['top3'], n):>15} "
            f"{_share(c['fact'], n):>15} {_share(c['wrong'], n):>15} "
            f"{_share(c['declined'], n):>15} {_share(c['answered'], c['unanswerable']):>22}"
        )


def print_misses(name: str, tally: Tally) -> None:
    """Every development question that was not answered right, and how it went wrong."""
    lines = []
    for o in tally.outcomes:
        case = o.case
        if case.answerable and o.confident and o.has_fact:
            continue
        if not case.answerable and not o.confident:
            continue
        if not case.answerable:
            why = "UNANSWERABLE ANSWERED"
        elif o.rank is None or o.rank > 3:
            why = f"retrieval (doc rank {o.rank})" + (", answered" if o.confident else "")
        elif not o.confident:
            why = f"declined (doc rank {o.rank})"
        else:
            why = f"WRONG (doc rank {o.rank})"
        text = " ".join(o.text.split())
        lines.append(
            f"  {case.id} [{case.kind}] {case.question}\n      {why}; expect {list(case.expect)}"
            f"\n      → {text[:230]}"
        )
    print(f"\n{name}: {len(lines)} misses")
    print("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sets and print the table (plus development misses)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="holds seeds/")
    parser.add_argument("--quiet", action="store_true", help="no per-question misses")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO_ROOT))
    for key in [key for key in os.environ if key.startswith(("OPENAI_", "GYORYU_", "CHROMA_"))]:
        del os.environ[key]  # a developer's model settings must not change the figures

    seeds = (args.shared / "seeds").resolve()
    corpora: dict[str, Path | None] = {
        "sample": SAMPLE_CORPUS,
        "seeds": seeds if seeds.is_dir() else None,
    }
    sets = question_sets(args.sets)
    rows: list[tuple[str, dict[str, int]]] = []
    dev_tallies: list[tuple[str, Tally]] = []
    notes: list[str] = []
    for corpus, folder in corpora.items():
        chosen = [s for s in sets if s.corpus == corpus]
        if not chosen:
            continue
        if folder is None:
            notes.append(
                f"note: {seeds} not found, so the {corpus} sets were skipped "
                "(pass --shared DIR, the folder holding seeds/)."
            )
            continue
        started = time.perf_counter()
        with ingested(folder) as qa:
            built = time.perf_counter() - started
            for question_set in chosen:
                started = time.perf_counter()
                tally = run_set(qa, question_set)
                per_question = (time.perf_counter() - started) / max(1, len(tally.outcomes))
                rows.append((question_set.name, summary(tally)))
                if not question_set.private:
                    dev_tallies.append((question_set.name, tally))
                notes.append(
                    f"{question_set.name}: {len(tally.outcomes)} questions, "
                    f"{per_question * 1000:.0f} ms each (corpus ingested in {built:.1f} s)"
                )
    print_table(rows)
    print(
        "\nShares of answerable questions; 'fact' = confident answer holding an expected fact; "
        "'unanswerable answered' = confident answer to a question the documents do not cover.\n"
        f"Held-out targets: doc top 3 ≥ {TARGETS['top3']:.0%}, fact ≥ {TARGETS['fact']:.0%}, "
        f"confident+wrong ≤ {TARGETS['wrong']:.0%}, unanswerable answered = 0."
    )
    for note in notes:
        print(note)
    if not args.quiet:
        for name, tally in dev_tallies:
            print_misses(name, tally)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
