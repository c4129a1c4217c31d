"""``gyoryu serve --workers N``: several serving processes on one port, sharing the database.

Each Kakao question is answered once, by one of the processes; both take questions.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from bot import texts
from handlers import kakao_skill
from handlers.cli import build_app
from tests.handlers.test_serve_command import GYORYU, free_port

SECRET = "workers-skill-secret"
GUARD_S = 180  # ends a hung test; nothing is measured against it


def test_telegram_polling_is_refused_with_several_workers() -> None:
    port = free_port()
    result = CliRunner().invoke(
        build_app(), ["serve", "--port", str(port), "--workers", "2", "--telegram-polling"]
    )

    assert result.exit_code == 2
    assert texts.SERVE_POLLING_ONE_WORKER in result.output


def _ask(port: int, member: int) -> dict[str, Any]:
    body = {
        "userRequest": {"utterance": "회비 얼마예요?", "user": {"id": f"worker-member-{member}"}},
    }
    reply = httpx.post(
        f"http://127.0.0.1:{port}/kakao/skill",
        json=body,
        headers={kakao_skill.SECRET_HEADER: SECRET},
        timeout=30,
    )
    assert reply.status_code == 200
    answer: dict[str, Any] = reply.json()
    return answer


def _ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@pytest.mark.slow
def test_two_workers_share_the_questions_and_answer_each_once(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM", "SLACK"))}
    env.pop("DATABASE_URL", None)
    env.update(GYORYU_DATA_DIR=str(tmp_path / "data"), KAKAO_SKILL_SECRET=SECRET)
    process = subprocess.Popen(
        [str(GYORYU), "serve", "--port", str(port), "--workers", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    asked = 0
    owners: set[str] = set()
    database = tmp_path / "data" / "gyoryu.db"
    try:
        deadline = time.monotonic() + GUARD_S
        while not _ready(port):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "gyoryu serve --workers 2 did not start"
            time.sleep(0.3)
        # Questions arrive on many connections at once, as from many members; each process
        # takes some (the kernel hands each new connection to one of them).
        with ThreadPoolExecutor(max_workers=16) as pool:
            while len(owners) < 2 and asked < 320:
                answers = list(pool.map(lambda n: _ask(port, n), range(asked, asked + 32)))
                asked += len(answers)
                assert all(a["version"] == "2.0" and "outputs" in a["template"] for a in answers)
                with sqlite3.connect(database) as db:
                    claims = db.execute("SELECT claimed_by FROM inbound_messages")
                    owners = {row[0] for row in claims}
    finally:
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=60)

    assert texts.serve_workers(2) in out
    assert "kakao_skill: 켜짐" in out
    assert len(owners) == 2, "one process answered every question"
    with sqlite3.connect(database) as db:
        states = "SELECT status, count(*) FROM inbound_messages GROUP BY status"
        rows = db.execute(states).fetchall()
        answers = db.execute("SELECT count(*) FROM answers").fetchone()[0]
    assert rows == [("answered", asked)]  # each question answered, none twice or lost
    assert answers == asked
    assert out.rstrip().endswith(texts.SERVE_STOPPED)
