"""Load test of the channels: N concurrent members asking through Kakao and Telegram at once.

Starts ``gyoryu serve`` in a child process on 127.0.0.1 with a fresh data directory holding the
sample federation's documents (extractive answers, no language model), the Kakao skill behind a
secret and Telegram in webhook mode with a secret token, its Bot API pointed at a fake that this
script runs on loopback (tests/fakes/telegram_api.py). Then ``--members`` members, alternating
between the two channels, each ask ``--questions`` questions from samples/corpus_questions.jsonl,
one after another, all members at the same time.

Latency is what the member waits, measured from the request's arrival: the bench takes the time
just before it sends each request over loopback, which is when the platform's own clock starts,
so queueing in the server, the database writes and the response all count. For Kakao it is the
``POST /kakao/skill`` round trip (the answer, or when the 4.5 s budget runs out a short
"잠시 후 다시" reply: "shed", counted apart); for Telegram, from the webhook POST until the fake
Bot API receives the ``sendMessage`` for that member's chat. Errors: a non-200 status, a Kakao
body that is not a version 2.0 answer, a Telegram answer that never arrives, or a transport failure.

    python bench/load_channels.py [--members 50] [--questions 4] [--channels kakao,telegram]
    python bench/load_channels.py --levels 10,50,200 --channels kakao   # Kakao at each load
    python bench/load_channels.py --levels 10,50,200 --channels kakao --workers 2  # 2 processes
    python bench/load_channels.py --levels 10,50,200 --channels kakao --answer-processes 0

At each level it prints p50/p95/p99 from arrival and the share of replies later than Kakao's
4.5 s budget (Kakao gives up at 5 s).

Target (2 cores): p99 under 1 s at 50 concurrent members, zero errors. Telegram's figures include
the adapter's outbound limiter (Telegram allows a bot ~30 messages a second overall), so its
latency grows with the number of members once answers come faster than that.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the fake Bot API lives with the tests

from bot import texts  # noqa: E402
from tests.fakes.serve import serve  # noqa: E402
from tests.fakes.telegram_api import TOKEN, FakeTelegram  # noqa: E402

QUESTIONS = REPO / "samples" / "corpus_questions.jsonl"
SKILL_SECRET_HEADER = "X-Gyoryu-Skill-Secret"
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SKILL_SECRET = "bench-skill-secret"
WEBHOOK_SECRET = "bench-webhook-secret"
ANSWER_TIMEOUT_S = 30.0
KAKAO_BUDGET_S = 4.5
FIRST_CHAT = 100_000

Ask = Callable[[httpx.AsyncClient, int, str], Awaitable[bool]]


@dataclass
class Figures:
    """One channel's latencies (seconds) and error count."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    shed: int = 0
    in_server: list[float] = field(default_factory=list)  # Kakao: from the server's stamp


class TimedTelegram(FakeTelegram):
    """The fake Bot API, also telling the bench when each chat's answer arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.waiting: dict[int, asyncio.Future[float]] = {}
        # One sequence for the whole run: Telegram never reuses an update_id, and the server
        # drops one it has seen as a redelivery (a counter per level lost 5 answers at the second).
        self.update_ids = itertools.count(1)

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        arrived = time.perf_counter()
        if path.endswith("/sendMessage") and self.loop is not None:
            waiter = self.waiting.get(int(params["chat_id"]))
            if waiter is not None:
                self.loop.call_soon_threadsafe(_resolve, waiter, arrived)
        return super().handle(path, params)


def _resolve(waiter: asyncio.Future[float], arrived: float) -> None:
    if not waiter.done():
        waiter.set_result(arrived)


def skill_payload(member: int, question: str) -> dict[str, Any]:
    """A Kakao skill request as Open Builder sends it, for one member's question."""
    return {
        "intent": {"id": "bench", "name": "폴백 블록"},
        "userRequest": {
            "timezone": "Asia/Seoul",
            "utterance": question,
            "lang": "ko",
            "user": {
                "id": f"bench-member-{member:04d}",
                "type": "botUserKey",
                "properties": {"isFriend": True},
            },
        },
        "bot": {"id": "bench-bot", "name": "교류"},
        "action": {"id": "bench", "name": "gyoryu_answer", "params": {}, "clientExtra": None},
    }


def telegram_update(update_id: int, chat: int, question: str) -> dict[str, Any]:
    """A Telegram webhook update: a member's private message to the bot."""
    person = {"id": chat, "is_bot": False, "first_name": f"회원{chat - FIRST_CHAT}"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private", "first_name": person["first_name"]},
            "from": person,
            "text": question,
        },
    }


def kakao_asker(figures: Figures) -> Ask:
    """Asks through the Kakao skill; the answer is the response (shed replies are counted)."""

    async def ask(client: httpx.AsyncClient, member: int, question: str) -> bool:
        reply = await client.post(
            "/kakao/skill",
            json=skill_payload(member, question),
            headers={SKILL_SECRET_HEADER: SKILL_SECRET},
        )
        answer = reply.json() if reply.status_code == 200 else {}
        timing = reply.headers.get("server-timing", "").partition("dur=")[2]
        if timing:
            figures.in_server.append(float(timing) / 1000)
        if answer.get("useCallback") or texts.CH_KAKAO_TRY_AGAIN in json.dumps(
            answer, ensure_ascii=False
        ):
            figures.shed += 1
        return answer.get("version") == "2.0"

    return ask


def telegram_asker(fake: TimedTelegram) -> Ask:
    """Asks through the Telegram webhook; the answer is the fake's next sendMessage to the chat."""

    async def ask(client: httpx.AsyncClient, member: int, question: str) -> bool:
        chat = FIRST_CHAT + member
        waiter = asyncio.get_running_loop().create_future()
        fake.waiting[chat] = waiter
        update = telegram_update(next(fake.update_ids), chat, question)
        reply = await client.post(
            "/telegram/webhook", json=update, headers={TELEGRAM_SECRET_HEADER: WEBHOOK_SECRET}
        )
        if reply.status_code != 200:
            return False
        try:
            await asyncio.wait_for(waiter, ANSWER_TIMEOUT_S)
        except TimeoutError:
            return False
        return True

    return ask


async def member(
    client: httpx.AsyncClient, number: int, questions: list[str], ask: Ask, figures: Figures
) -> None:
    """One member asking their questions in turn, each after the previous answer arrived."""
    for question in questions:
        started = time.perf_counter()
        try:
            ok = await ask(client, number, question)
        except httpx.HTTPError:
            ok = False
        figures.latencies.append(time.perf_counter() - started)
        figures.errors += not ok


async def run_load(
    url: str, askers: dict[str, Ask], figures: dict[str, Figures], members: int, per_member: int
) -> float:
    """Fire the members at ``url``, alternating channels, filling ``figures``; the time taken."""
    pool = [json.loads(line)["question"] for line in QUESTIONS.read_text("utf-8").splitlines()]
    names = list(askers)
    async with contextlib.AsyncExitStack() as stack:
        # One client (one connection) per member, as members reach Kakao from their own phones:
        # a single client shared by 200 members spent more CPU choosing a pooled connection than
        # the server spent answering, and its requests left seconds after the bench's stamp.
        clients = [
            await stack.enter_async_context(
                httpx.AsyncClient(base_url=url, timeout=ANSWER_TIMEOUT_S)
            )
            for _ in range(members + 1)
        ]
        # One warm-up question per channel so no member pays for loading the index.
        for name, ask in askers.items():
            await member(clients[0], 0, pool[:1], ask, figures[name])
        for channel in figures.values():
            channel.latencies.clear()
            channel.errors = channel.shed = 0
            channel.in_server.clear()
        started = time.perf_counter()
        await asyncio.gather(
            *(
                member(
                    clients[n],
                    n,
                    [pool[(n * per_member + i) % len(pool)] for i in range(per_member)],
                    askers[names[n % len(names)]],
                    figures[names[n % len(names)]],
                )
                for n in range(1, members + 1)
            )
        )
        elapsed = time.perf_counter() - started
    return elapsed


def server_cpu(pid: int) -> float | None:
    """CPU seconds used so far by ``pid`` and its living children (the workers); ``None``
    where ``/proc`` cannot tell (not Linux)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    used = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
    for child in children:
        more = server_cpu(int(child))
        used += more or 0.0
    return used


def report(
    members: int, figures: dict[str, Figures], elapsed: float, cpu: float | None = None
) -> None:
    """Print throughput, latency percentiles and errors per channel; ``cpu`` is the server's
    CPU seconds for the level (per request it shows a gain whatever else loads the machine)."""
    total = sum(len(f.latencies) for f in figures.values())
    print(f"Channel load: {members} concurrent members, {total} questions in {elapsed:.2f} s")
    print(f"  overall throughput {total / elapsed:8.1f} answers/s")
    if cpu is not None and total:
        asked = total + len(figures)  # and one warm-up question per channel
        print(f"  server CPU  {cpu / asked * 1000:8.1f} ms per request (all its processes)")
    for name, channel in figures.items():
        latencies = channel.latencies
        if len(latencies) < 2:
            print(f"{name}: too few requests to measure")
            continue
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        print(f"{name}: {len(latencies)} questions")
        print(f"  throughput  {len(latencies) / elapsed:8.1f} answers/s")
        print(f"  latency p50 {cuts[49] * 1000:8.1f} ms")
        print(f"  latency p95 {cuts[94] * 1000:8.1f} ms")
        print(f"  latency p99 {cuts[98] * 1000:8.1f} ms")
        print(f"  max         {max(latencies) * 1000:8.1f} ms")
        late = sum(latency > KAKAO_BUDGET_S for latency in latencies)
        print(f"  over 4.5 s  {late:8d} ({late / len(latencies):.1%})")
        if len(channel.in_server) >= 2:
            inside = statistics.quantiles(channel.in_server, n=100, method="inclusive")
            print(f"  in server p99 {inside[98] * 1000:6.1f} ms (from the app's arrival stamp)")
        if name == "kakao":
            print(f"  shed        {channel.shed:8d} (잠시만요 / callback instead of the answer)")
        print(f"  errors      {channel.errors:8d}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    data_dir: Path, port: int, telegram_api: str, workers: int = 1, answer_processes: int = 1
) -> subprocess.Popen[bytes]:
    """Load the sample documents into ``data_dir`` and start ``gyoryu serve`` on ``port``
    (with ``--workers`` when more than one, and ``--answer-processes``)."""
    env = {
        **os.environ,
        "GYORYU_DATA_DIR": str(data_dir),
        "KAKAO_SKILL_SECRET": SKILL_SECRET,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "TELEGRAM_API_BASE_URL": telegram_api,
    }
    for key in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "KAKAO_BRIDGE_SECRET", "OPENAI_API_KEY"):
        env.pop(key, None)
    gyoryu = Path(sys.executable).with_name("gyoryu")
    subprocess.run(
        [str(gyoryu), "ingest", str(REPO / "samples" / "corpus")],
        env=env,
        cwd=data_dir,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    several = ["--workers", str(workers)] if workers > 1 else []
    several += ["--answer-processes", str(answer_processes)]
    return subprocess.Popen(
        [str(gyoryu), "serve", "--host", "127.0.0.1", "--port", str(port), *several],
        env=env,
        cwd=data_dir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def wait_ready(url: str, server: subprocess.Popen[bytes], workers: int = 1) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=2) as client:
        for _ in range(300 * workers):  # each worker loads the index and Kiwi
            if server.poll() is not None:
                raise SystemExit("gyoryu serve exited before it was ready")
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"gyoryu serve did not become ready in {30 * workers} s")


async def wait_quiet(pid: int) -> None:
    """Wait (up to a minute) until the server uses next to no CPU: every worker has loaded the
    index and Kiwi (``/readyz`` answers from whichever worker is up first)."""
    last = server_cpu(pid)
    for _ in range(60):
        await asyncio.sleep(1.0)
        now = server_cpu(pid)
        if now is None or last is None or now - last < 0.05:
            return
        last = now


async def bench(args: argparse.Namespace, fake: TimedTelegram, folder: Path) -> None:
    fake.loop = asyncio.get_running_loop()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(folder, port, fake.base_url, args.workers, args.answer_processes)
    try:
        await wait_ready(url, server, args.workers)
        await wait_quiet(server.pid)
        levels = [int(level) for level in args.levels.split(",")] if args.levels else [args.members]
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"gyoryu serve --workers {args.workers} --answer-processes {args.answer_processes}")
        for members in levels:
            figures = {name: Figures() for name in args.channels.split(",")}
            everything = {"kakao": kakao_asker(figures.get("kakao", Figures()))}
            everything["telegram"] = telegram_asker(fake)
            askers = {name: everything[name] for name in figures}
            before = server_cpu(server.pid)
            elapsed = await run_load(url, askers, figures, members, args.questions)
            after = server_cpu(server.pid)
            used = after - before if after is not None and before is not None else None
            report(members, figures, elapsed, used)
    finally:
        server.terminate()
        await asyncio.to_thread(server.wait, 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=50, help="concurrent members in all")
    parser.add_argument("--questions", type=int, default=4, help="questions per member")
    parser.add_argument(
        "--levels", default="", help="comma-separated member counts, e.g. 10,50,200"
    )
    parser.add_argument(
        "--channels", default="kakao,telegram", help="comma-separated: kakao, telegram"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="gyoryu serve --workers (processes on one port)"
    )
    parser.add_argument(
        "--answer-processes",
        type=int,
        default=1,
        help="gyoryu serve --answer-processes (0: answers computed in the serving process)",
    )
    args = parser.parse_args()
    if not set(args.channels.split(",")) <= {"kakao", "telegram"}:
        parser.error("--channels takes kakao, telegram or both")
    fake = TimedTelegram()
    with (
        tempfile.TemporaryDirectory(prefix="gyoryu-bench-") as folder,
        serve(fake.handle, fake),
    ):
        asyncio.run(bench(args, fake, Path(folder)))


if __name__ == "__main__":
    main()
