"""Documents ingested or removed while ``gyoryu serve`` runs reach every serving process.

Real processes, as a federation runs them: ``gyoryu serve`` twice, sharing PostgreSQL and a Chroma
server (``chroma run``, shipped in the chromadb package), each with a data directory of its own,
and ``gyoryu ingest`` from a third place; members ask through the Kakao skill route. The embedded
store (one serving process, the command line beside it on the same data directory) is tested too.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from handlers.kakao_response import TRY_AGAIN_TEXT
from handlers.kakao_skill import SECRET_HEADER
from tests.databases import PostgresTemplate
from tests.handlers.test_serve_command import free_port

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
SECRET = "skill-secret-for-tests"
PARTY = "올해 송년회는 12월 19일 저녁 6시 그랜드호텔 다이아몬드홀에서 열립니다."
MEETING = "정례회는 매월 둘째 주 화요일 오후 7시 비즈니스센터 3층에서 열립니다."
PLACE = "그랜드호텔"
QUESTION = "송년회는 어디서 해요?"
PATIENCE = 180.0
"""Seconds to wait for a change to show (the server looks every 5 s; the machine may be busy)."""


@dataclass(frozen=True)
class Chroma:
    host: str
    port: int


@pytest.fixture(scope="module")
def chroma(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chroma]:
    """A Chroma server on a free port, or a skip when ``chroma run`` cannot start here."""
    command = shutil.which("chroma", path=str(BIN)) or shutil.which("chroma")
    if command is None:
        pytest.skip("the chroma command (chromadb package) is not installed")
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma")
    log = (folder / "chroma.log").open("w")
    process = subprocess.Popen(
        [command, "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.skip(f"chroma run stopped at once: {(folder / 'chroma.log').read_text()}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2).is_success:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.skip("chroma run did not answer within a minute")
            time.sleep(0.3)
        yield Chroma("127.0.0.1", port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def postgres_url(postgres_template: PostgresTemplate) -> Iterator[str]:
    """A migrated PostgreSQL schema of its own (the serving processes share it)."""
    schema = postgres_template.clone()
    try:
        yield postgres_template.url(schema)
    finally:
        postgres_template.drop(schema)


class Server:
    """One ``gyoryu serve`` process with the Kakao skill on."""

    def __init__(self, env: dict[str, str], cwd: Path, *options: str) -> None:
        self.port = free_port()
        self.out = (cwd / f"serve-{self.port}.log").open("w")
        self.process = subprocess.Popen(
            [str(BIN / "gyoryu"), "serve", "--port", str(self.port), *options],
            cwd=cwd,
            env={**env, "KAKAO_SKILL_SECRET": SECRET, "PYTHONUNBUFFERED": "1"},
            stdout=self.out,
            stderr=subprocess.STDOUT,
        )
        self.log = Path(self.out.name)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 180
        while True:
            assert self.process.poll() is None, self.log.read_text()
            try:
                ready = httpx.get(f"http://127.0.0.1:{self.port}/readyz", timeout=2)
                if ready.json()["status"] == "ready":
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "gyoryu serve did not start"
            time.sleep(0.3)

    def ask(self, question: str) -> str:
        """What a Kakao member reads back (the answer's text, sources included)."""
        body = {"userRequest": {"utterance": question, "user": {"id": "m-1", "type": "botUserKey"}}}
        response = httpx.post(
            f"http://127.0.0.1:{self.port}/kakao/skill",
            json=body,
            headers={SECRET_HEADER: SECRET},
            timeout=30,
        )
        assert response.status_code == 200, response.text
        return json.dumps(response.json(), ensure_ascii=False)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.out.close()


def _environment(data_dir: Path, **settings: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM", "SLACK", "KAKAO", "CHROMA", "OPENAI", "DATABASE"))
    }
    return {**env, "GYORYU_DATA_DIR": str(data_dir), **settings}


def _gyoryu(env: dict[str, str], cwd: Path, *args: str) -> None:
    done = subprocess.run(
        [str(BIN / "gyoryu"), *args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _until(servers: list[Server], shown: bool, question: str = QUESTION, fact: str = PLACE) -> None:
    """Ask every server until ``fact`` is (or is no longer) in its answer.

    Asking again also rides out an answer that missed Kakao's few seconds on a busy machine.
    """
    waiting = list(servers)
    deadline = time.monotonic() + PATIENCE
    while waiting:
        waiting = [server for server in waiting if not _settled(server.ask(question), fact, shown)]
        if waiting and time.monotonic() > deadline:
            logs = "\n".join(server.log.read_text()[-2000:] for server in waiting)
            pytest.fail(
                f"{len(waiting)} server(s) never {'showed' if shown else 'dropped'} it\n{logs}"
            )
        time.sleep(1)


def _settled(reply: str, fact: str, shown: bool) -> bool:
    """Whether a reply is a real answer (not "ask again") that does (or does not) hold ``fact``."""
    return TRY_AGAIN_TEXT not in reply and (fact in reply) == shown


def _run_scenario(servers: list[Server], ingest_env: dict[str, str], docs: Path) -> None:
    """Ingest the party notice while the servers run, see it answered, remove it, see it gone."""
    for server in servers:
        server.wait_ready()
    for server in servers:
        assert PLACE not in server.ask(QUESTION)

    party = docs / "송년회_안내.txt"
    party.write_text(PARTY, encoding="utf-8")
    _gyoryu(ingest_env, docs, "ingest", str(party))
    _until(servers, shown=True)
    _until(servers, shown=True, question="정례회는 어디서 해요?", fact="비즈니스센터")  # it stays

    party.unlink()
    _gyoryu(ingest_env, docs, "ingest", "--prune", "--yes")
    _until(servers, shown=False)


@pytest.mark.postgres
def test_two_servers_sharing_postgresql_and_a_chroma_server_follow_ingest_and_removal(
    chroma: Chroma, postgres_url: str, tmp_path: Path
) -> None:
    shared = {"CHROMA_HOST": chroma.host, "CHROMA_PORT": str(chroma.port)}
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "정례회_안내.txt").write_text(MEETING, encoding="utf-8")
    # The secretariat's computer: a data directory of its own, only the Chroma server in common.
    ingest_env = _environment(tmp_path / "secretariat", **shared)
    _gyoryu(ingest_env, docs, "ingest", str(docs / "정례회_안내.txt"))

    servers = [
        Server(_environment(tmp_path / name, DATABASE_URL=postgres_url, **shared), tmp_path)
        for name in ("worker-1", "worker-2")
    ]
    try:
        _run_scenario(servers, ingest_env, docs)
    finally:
        for server in servers:
            server.stop()


def test_one_server_on_the_embedded_store_follows_ingest_and_removal(tmp_path: Path) -> None:
    """Answered in the serving process itself (the two servers above answer in child processes,
    as ``gyoryu serve`` does by default)."""
    env = _environment(tmp_path / "data")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "정례회_안내.txt").write_text(MEETING, encoding="utf-8")
    _gyoryu(env, docs, "ingest", str(docs / "정례회_안내.txt"))

    server = Server(env, tmp_path, "--answer-processes", "0")
    try:
        _run_scenario([server], env, docs)
    finally:
        server.stop()
