"""``gyoryu serve`` as a person runs it: what it prints at start, and its readiness."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from bot import texts

GYORYU = Path(sys.executable).with_name("gyoryu")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_serve(tmp_path: Path, port: int, *options: str, **settings: str) -> subprocess.Popen[str]:
    """``gyoryu serve`` on ``port`` with its data in ``tmp_path`` and ``settings`` in its
    environment (no Telegram setting of the developer's)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TELEGRAM")}
    env.pop("DATABASE_URL", None)
    env.update(GYORYU_DATA_DIR=str(tmp_path / "data"), PYTHONUNBUFFERED="1", **settings)
    return subprocess.Popen(
        [str(GYORYU), *options, "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def serve_until_ready(tmp_path: Path, *options: str) -> tuple[httpx.Response, str, str]:
    port = free_port()
    process = start_serve(tmp_path, port, *options)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.communicate()
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                if ready.json()["status"] != "starting":
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "gyoryu serve did not start"
            time.sleep(0.3)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    return ready, out, err


def test_serve_says_no_channel_is_live_and_shows_no_library_chatter(tmp_path: Path) -> None:
    ready, out, err = serve_until_ready(tmp_path)

    assert ready.status_code == 503
    assert ready.json()["status"] == "no_channels"
    assert texts.CH_NO_CHANNEL_LIVE in err
    assert "telegram: 꺼짐" in out
    shown = out + err
    for chatter in ("alembic", "bm25s", "DEBUG", "GET /readyz", "INFO:", "Uvicorn running"):
        assert chatter not in shown, shown
    assert texts.SERVE_STARTING in out
    assert "에서 요청을 받고 있어요" in out  # where it listens still concerns them, in Korean
    assert out.rstrip().endswith(texts.SERVE_STOPPED)


def test_verbose_shows_the_detail(tmp_path: Path) -> None:
    _, out, err = serve_until_ready(tmp_path, "--verbose")

    assert "alembic" in err
    assert "GET /readyz" in out + err
    assert "Uvicorn running on http://127.0.0.1:" in out + err


def test_a_port_in_use_is_one_korean_line() -> None:
    from typer.testing import CliRunner

    from handlers import texts as cli_texts
    from handlers.cli import build_app

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(build_app(), ["serve", "--port", str(port)])

    assert result.exit_code == 1
    assert result.output.strip() == cli_texts.cannot_listen("127.0.0.1", port, cli_texts.PORT_TAKEN)
