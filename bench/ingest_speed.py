"""Ingest speed: synthetic Korean files through the ingest pipeline, then the first question.

The files are generated here from the sentences of the sample corpus (our own text), shuffled with
a fixed seed into many short notices plus a few long documents, so the run needs no download and
is the same every time. Three figures are printed:

* ingest throughput of a fresh store (MB of UTF-8 text and characters per minute), the target
  being at least 1 MB a minute on 2 cores;
* re-ingesting the same folder (every file unchanged);
* the first question after the ingest in a fresh process (open the store, build the index, answer)
  next to the second question, which should cost about the same once analysis happens at ingest;
* how long a serving process takes to follow a change (one file ingested, then removed, while its
  index is loaded): what ``knowledge.live`` does when the store's generation changes.

    python bench/ingest_speed.py [--files 900] [--long 6] [--keep DIR] [--chroma-port PORT]

``--chroma-port`` writes to a Chroma server on this computer (``chroma run --port PORT``) instead
of the embedded store, in collections of their own. Times are wall-clock with the process's CPU
seconds beside them, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.settings import KnowledgeSettings

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCES = [REPO_ROOT / "samples" / "corpus_src", REPO_ROOT / "samples" / "corpus"]
TARGET_MB_PER_MIN = 1.0

_SENTENCE = re.compile(r"(?<=[.!?다요])\s+")


def korean_sentences() -> list[str]:
    """Sentences of the sample corpus's plain-text files (Markdown and text sources)."""
    found: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if path.suffix not in {".txt", ".md"}:
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip().lstrip("#|-*> ")
                found.extend(s for s in _SENTENCE.split(line) if len(s) >= 15)
    return found


def write_corpus(folder: Path, files: int, long_files: int, seed: int = 7) -> tuple[int, int]:
    """Write ``files`` short notices and ``long_files`` long documents; return (bytes, chars)."""
    rng = random.Random(seed)
    sentences = korean_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    total_bytes = total_chars = 0
    for index in range(files + long_files):
        long = index >= files
        paragraphs = rng.randint(40, 60) if long else rng.randint(2, 6)
        lines = [f"합성 안내문 {index:04d}호", ""]
        for number in range(paragraphs):
            if long and number % 5 == 0:
                lines.append(f"제{number // 5 + 1}조(합성 조항 {number // 5 + 1})")
            lines.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(3, 7))))
            lines.append("")
        text = "\n".join(lines)
        path = folder / f"notice_{index:04d}.{'md' if index % 3 == 0 else 'txt'}"
        path.write_text(text, encoding="utf-8")
        total_bytes += len(text.encode("utf-8"))
        total_chars += len(text)
    return total_bytes, total_chars


def _env(data_dir: Path, chroma: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("OPENAI_", "GYORYU_", "CHROMA_"))
    }
    env["GYORYU_DATA_DIR"] = str(data_dir)
    return {**env, **(chroma or {})}


_FIRST_QUESTION = """
import sys, time
started = time.perf_counter()
from bot.qa import DocumentQA
from knowledge.settings import KnowledgeSettings
qa = DocumentQA.open(KnowledgeSettings())
opened = time.perf_counter()
qa.answer("정례회 참석 못 하면 어떻게 되나요?")
first = time.perf_counter()
qa.answer("연회비는 얼마이고 언제까지 내나요?")
second = time.perf_counter()
print(f"{opened - started:.2f} {first - opened:.3f} {second - first:.3f}")
"""


def first_question(data_dir: Path, chroma: dict[str, str]) -> tuple[float, float, float]:
    """(open s, first answer s, second answer s) in a fresh process reading ``data_dir``."""
    output = subprocess.run(
        [sys.executable, "-c", _FIRST_QUESTION],
        env=_env(data_dir, chroma),
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    opened, first, second = (float(value) for value in output[-3:])
    return opened, first, second


def main() -> None:
    """Generate the corpus, ingest it twice, then time the first question."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=900, help="short notices to generate")
    parser.add_argument("--long", type=int, default=6, help="long documents to generate")
    parser.add_argument("--keep", type=Path, help="keep the generated files and store here")
    parser.add_argument("--chroma-port", type=int, help="use the Chroma server on this local port")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.update(_env(Path("unused")))  # the developer's .env must not pick a model

    from ingest.pipeline import ingest_paths
    from knowledge.settings import KnowledgeSettings
    from knowledge.store import ChunkStore

    root = args.keep or Path(tempfile.mkdtemp(prefix="gyoryu-ingest-bench-"))
    corpus, data_dir = root / "corpus", root / "data"
    shutil.rmtree(root / "data", ignore_errors=True)
    size, chars = write_corpus(corpus, args.files, args.long)
    print(
        f"{args.files + args.long} files, {size / 1e6:.2f} MB UTF-8, "
        f"{chars / 1e3:.0f}k characters; {os.cpu_count()} cores"
    )
    chroma = {}
    if args.chroma_port:
        chroma = {
            "CHROMA_HOST": "127.0.0.1",
            "CHROMA_PORT": str(args.chroma_port),
            "GYORYU_COLLECTION": f"bench{os.getpid()}",
        }
    settings = KnowledgeSettings(_env_file=None, GYORYU_DATA_DIR=data_dir, **chroma)  # type: ignore[call-arg]
    print("store:", f"Chroma server on port {args.chroma_port}" if chroma else "embedded")

    started, cpu = time.perf_counter(), time.process_time()
    store = ChunkStore.open(settings)
    report = ingest_paths([str(corpus)], store=store)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert report.ingested == args.files + args.long, report.failed
    rate = size / 1e6 / elapsed * 60
    verdict = "meets" if rate >= TARGET_MB_PER_MIN else "MISSES"
    print(
        f"fresh ingest: {elapsed:.1f} s ({cpu:.1f} s CPU), {report.chunks} chunks, "
        f"{rate:.2f} MB/min, "
        f"{chars / elapsed * 60 / 1e3:.0f}k chars/min "
        f"({verdict} the {TARGET_MB_PER_MIN:.0f} MB/min target)"
    )

    started = time.perf_counter()
    again = ingest_paths([str(corpus)], store=ChunkStore.open(settings))
    print(
        f"re-ingest, all unchanged: {time.perf_counter() - started:.1f} s "
        f"({again.unchanged} unchanged)"
    )
    del store

    opened, first, second = first_question(data_dir, chroma)
    print(
        f"fresh process after ingest: open {opened:.1f} s (Kiwi load + index), "
        f"first answer {first * 1000:.0f} ms, second answer {second * 1000:.0f} ms"
    )
    (data_dir / "lexical-cache.pkl").unlink()
    opened, first, _ = first_question(data_dir, chroma)
    print(
        f"same without the analyses made at ingest: open {opened:.1f} s, "
        f"first answer {first * 1000:.0f} ms"
    )
    follow_changes(settings, corpus.parent / "later")
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


def follow_changes(settings: KnowledgeSettings, folder: Path) -> None:
    """Time a loaded index following one new file, then its removal."""
    from ingest.pipeline import document_id, ingest_paths, remove_documents
    from knowledge.live import LiveKnowledge
    from knowledge.store import ChunkStore

    live = LiveKnowledge.open(settings)
    write_corpus(folder, 1, 0, seed=11)
    new = next(folder.iterdir())
    ingest_paths([str(new)], store=ChunkStore.open(settings))
    started, cpu = time.perf_counter(), time.process_time()
    assert live.refresh_if_changed()
    added, added_cpu = time.perf_counter() - started, time.process_time() - cpu
    remove_documents(ChunkStore.open(settings), [document_id(new)])
    started, cpu = time.perf_counter(), time.process_time()
    assert live.refresh_if_changed()
    removed, removed_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    assert not live.refresh_if_changed()
    idle = time.perf_counter() - started
    print(
        f"serving index following changes ({live.documents} documents): one file added "
        f"{added:.2f} s ({added_cpu:.2f} s CPU), "
        f"removed {removed:.2f} s ({removed_cpu:.2f} s CPU); "
        f"a look with nothing changed {idle * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
