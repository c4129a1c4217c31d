"""Load test of the Kakao skill endpoint: N concurrent members asking over loopback.

Starts ``gyoryu serve`` in a child process on 127.0.0.1 with a fresh data directory holding the
sample federation's documents (extractive answers, no language model), then lets ``--members``
members each ask ``--questions`` questions from samples/corpus_questions.jsonl through
``POST /kakao/skill``, all at once. Prints throughput, p50/p95/p99 latency and the error count.
An error is a non-200 status, a body that is not a version 2.0 answer, or a transport failure.

    python bench/load_kakao.py [--members 50] [--questions 4]
    python bench/load_kakao.py --url http://127.0.0.1:8080 --secret ...   # a running server

Target (2 cores): p99 under 1 s at 50 concurrent members, zero errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "samples" / "corpus_questions.jsonl"
SECRET_HEADER = "X-Gyoryu-Skill-Secret"


def skill_payload(member: int, question: str) -> dict[str, Any]:
    """A Kakao skill request as Open Builder sends it, for one member's question."""
    user = f"bench-member-{member:04d}"
    return {
        "intent": {"id": "bench", "name": "폴백 블록"},
        "userRequest": {
            "timezone": "Asia/Seoul",
            "utterance": question,
            "lang": "ko",
            "user": {"id": user, "type": "botUserKey", "properties": {"isFriend": True}},
        },
        "bot": {"id": "bench-bot", "name": "교류"},
        "action": {"id": "bench", "name": "gyoryu_answer", "params": {}, "clientExtra": None},
    }


async def member(
    client: httpx.AsyncClient,
    number: int,
    questions: list[str],
    secret: str,
    latencies: list[float],
) -> int:
    """One member asking their questions in turn; how many failed."""
    errors = 0
    for question in questions:
        started = time.perf_counter()
        try:
            reply = await client.post(
                "/kakao/skill",
                json=skill_payload(number, question),
                headers={SECRET_HEADER: secret},
            )
            ok = reply.status_code == 200 and reply.json().get("version") == "2.0"
        except httpx.HTTPError:
            ok = False
        latencies.append(time.perf_counter() - started)
        errors += not ok
    return errors


async def run_load(url: str, secret: str, members: int, per_member: int) -> None:
    """Fire the members at ``url`` and print the figures."""
    pool = [json.loads(line)["question"] for line in QUESTIONS.read_text("utf-8").splitlines()]
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=members, max_keepalive_connections=members)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        # One warm-up question so the first member does not pay for loading the index.
        await member(client, 0, pool[:1], secret, [])
        started = time.perf_counter()
        errors = await asyncio.gather(
            *(
                member(
                    client,
                    n,
                    [pool[(n * per_member + i) % len(pool)] for i in range(per_member)],
                    secret,
                    latencies,
                )
                for n in range(1, members + 1)
            )
        )
        elapsed = time.perf_counter() - started
    report(members, latencies, sum(errors), elapsed)


def report(members: int, latencies: list[float], errors: int, elapsed: float) -> None:
    """Print throughput, latency percentiles and errors."""
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    print(f"Kakao skill load: {members} concurrent members, {len(latencies)} requests")
    print(f"  throughput  {len(latencies) / elapsed:8.1f} req/s  ({elapsed:.2f} s)")
    print(f"  latency p50 {cuts[49] * 1000:8.1f} ms")
    print(f"  latency p95 {cuts[94] * 1000:8.1f} ms")
    print(f"  latency p99 {cuts[98] * 1000:8.1f} ms")
    print(f"  max         {max(latencies) * 1000:8.1f} ms")
    print(f"  errors      {errors:8d}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(data_dir: Path, secret: str, port: int) -> subprocess.Popen[bytes]:
    """Load the sample documents into ``data_dir`` and start ``gyoryu serve`` on ``port``."""
    env = {**os.environ, "GYORYU_DATA_DIR": str(data_dir), "KAKAO_SKILL_SECRET": secret}
    for key in ("TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "KAKAO_BRIDGE_SECRET", "OPENAI_API_KEY"):
        env.pop(key, None)
    gyoryu = Path(sys.executable).with_name("gyoryu")
    subprocess.run(
        [str(gyoryu), "ingest", str(REPO / "samples" / "corpus")],
        env=env,
        cwd=data_dir,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return subprocess.Popen(
        [str(gyoryu), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=data_dir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def wait_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=2) as client:
        for _ in range(300):
            if server.poll() is not None:
                raise SystemExit("gyoryu serve exited before it was ready")
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("gyoryu serve did not become ready in 30 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--questions", type=int, default=4, help="questions per member")
    parser.add_argument("--url", help="bench this running server instead of starting one")
    parser.add_argument("--secret", default="bench-secret", help="its KAKAO_SKILL_SECRET")
    args = parser.parse_args()
    if args.url:
        asyncio.run(run_load(args.url, args.secret, args.members, args.questions))
        return
    with tempfile.TemporaryDirectory(prefix="gyoryu-bench-") as folder:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = start_server(Path(folder), args.secret, port)
        try:
            asyncio.run(wait_ready(url, server))
            asyncio.run(run_load(url, args.secret, args.members, args.questions))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
