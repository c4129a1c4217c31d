"""Partner search: quality on the sample federation and latency at the national federation's size.

* Quality: every question of ``bench/questions/network_matching.jsonl`` (members' wording, with
  the sample roster's companies that answer it) is searched over the sample federation's
  consenting companies; a hit is an expected company among the first three results. A question
  whose only answer is a 비공개 company (or none) expects nothing: it is a hit when nothing of
  substance comes back (a "not found" is the right answer). Those questions were written after
  reading the profiles (optimistic); ``network_matching_blind.jsonl`` is a held-out set written
  from the companies' industries alone, and is reported apart.
* Latency: 5,500 synthetic consenting companies (the national federation's size), recombined
  from the sample profiles' products, equipment and certifications, in 367 groups of 15, stored
  in a fresh SQLite database; ``bot.network.search.search`` is timed one query at a time, as a
  member of one group, including reading the profiles from the database. The first search
  (building the index, Kiwi analysis included) is reported apart.

    python bench/network_matching.py [--companies 5500] [--quality-only]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.federation import groups  # noqa: E402
from bot.federation.sample import load_sample_federation  # noqa: E402
from bot.network import search  # noqa: E402
from bot.network.profiles import Viewer, load_docs  # noqa: E402
from bot.storage.db import make_engine, upgrade  # noqa: E402
from bot.storage.federation_models import Company, Group, GroupCompany, Member, Membership  # noqa: E402
from bot.storage.network_models import NetworkProfile  # noqa: E402

QUESTIONS = REPO / "bench" / "questions" / "network_matching.jsonl"
BLIND = REPO / "bench" / "questions" / "network_matching_blind.jsonl"
GROUP_SIZE = 15


def sessions_at(path: Path) -> sessionmaker[Session]:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return sessionmaker(engine, expire_on_commit=False)


def quality(sessions: sessionmaker[Session], path: Path) -> tuple[int, int, list[str]]:
    """Top-3 hits of ``path``'s questions over the sample's consenting companies, and misses."""
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    hits, misses = 0, []
    with sessions() as session:
        index = search.index_of(load_docs(session))
        for question in questions:
            top = [hit.company for hit in index.search(question["query"], None, limit=3)]
            expected = set(question["expected"])
            if (expected and set(top) & expected) or (not expected and not top):
                hits += 1
            else:
                misses.append(f"  {question['query']} → {', '.join(top) or '(없음)'}")
    return hits, len(questions), misses


def synthesise(sessions: sessionmaker[Session], count: int) -> Viewer:
    """``count`` consenting companies recombined from the sample's; a viewer in the first group."""
    rng = random.Random(13)
    with sessions.begin() as session:
        samples = list(session.scalars(select(Company)))
        federation = groups.the_federation(session)
        made: list[Group] = []
        for number in range(count // GROUP_SIZE + 1):
            group = Group(federation_id=federation.id, name=f"합성교류회{number:04d}")
            session.add(group)
            made.append(group)
        session.flush()
        for number in range(count):
            a, b, c = rng.sample(samples, 3)
            company = Company(
                name=f"합성기업{number:05d}",
                ksic_code=a.ksic_code,
                ksic_name=a.ksic_name,
                region=f"한빛시 {rng.choice(['동구', '서구', '남구', '북구', '산단구'])}",
                # A model number per company, so Kiwi has thousands of distinct texts to analyse.
                products=f"{a.products} (모델 {rng.choice('ABHKS')}{number:05d})",
                processes=b.processes,
                certifications=c.certifications,
                looking_for=b.looking_for,
            )
            session.add(company)
            session.flush()
            session.add(NetworkProfile(company_id=company.id, scope="federation", seeking=[]))
            session.add(GroupCompany(group_id=made[number // GROUP_SIZE].id, company_id=company.id))
        viewer = Member(federation_id=federation.id, name="측정회원", company_id=None)
        session.add(viewer)
        session.flush()
        session.add(Membership(member_id=viewer.id, group_id=made[0].id, role="member"))
        session.flush()
        return Viewer(viewer.id, None, frozenset({made[0].id}))


def latency(sessions: sessionmaker[Session], viewer: Viewer) -> tuple[float, list[float], int]:
    """The first search (index build) and every later one, in milliseconds; companies indexed."""
    questions = [
        json.loads(line)["query"] for line in QUESTIONS.read_text(encoding="utf-8").splitlines()
    ]
    search.forget_cache()  # the first search below analyses and indexes from nothing
    with sessions() as session:
        started = time.perf_counter()
        search.search(session, viewer, questions[0])
        first = (time.perf_counter() - started) * 1000
        size = len(load_docs(session))
        timings = []
        for _ in range(3):
            for query in questions:
                started = time.perf_counter()
                search.search(session, viewer, query)
                timings.append((time.perf_counter() - started) * 1000)
    return first, timings, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=5500)
    parser.add_argument("--quality-only", action="store_true", help="skip the latency part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sessions = sessions_at(Path(folder) / "bench.db")
        load_sample_federation(sessions)
        for label, path in (("프로필을 보고 쓴 질문", QUESTIONS), ("업종만 보고 쓴 질문", BLIND)):
            hits, total, misses = quality(sessions, path)
            print(
                f"품질({label}): {total}개 중 상위 3위 안에 정답 회사 {hits}개 ({hits / total:.0%})"
            )
            for miss in misses:
                print(miss)
        if args.quality_only:
            return
        viewer = synthesise(sessions, args.companies)
        first, timings, size = latency(sessions, viewer)
    quantiles = statistics.quantiles(timings, n=20)
    print(
        f"지연: 회사 {size:,}곳, 첫 검색(색인 생성·Kiwi 분석 포함) {first / 1000:.1f} s, "
        f"이후 {len(timings)}회 p50 {statistics.median(timings):.0f} ms, p95 {quantiles[18]:.0f} ms"
    )


if __name__ == "__main__":
    main()
