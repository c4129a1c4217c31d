"""``gyoryu serve`` killed with SIGKILL while a slow Telegram is receiving its reply, then started
again: the member has exactly one copy of the answer (no "늦어서 죄송해요" second one)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot import texts
from handlers import telegram
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram
from tests.handlers.test_serve_command import free_port, start_serve
from tests.handlers.test_telegram import SECRET, payload

GUARD_S = 120  # ends a hung test; nothing is measured against it


def wait_for(condition: str, check: object, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + GUARD_S
    while not check():  # type: ignore[operator]
        assert process.poll() is None, f"gyoryu serve stopped: {process.communicate()}"
        assert time.monotonic() < deadline, f"gyoryu serve never got to: {condition}"
        time.sleep(0.1)


def ready(port: int) -> bool:
    try:
        return bool(httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200)
    except httpx.TransportError:
        return False


@contextmanager
def serving(tmp_path: Path, api: FakeTelegram) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """``gyoryu serve`` with the Telegram channel on the fake, ready; stopped (if alive) after."""
    port = free_port()
    process = start_serve(
        tmp_path,
        port,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
        TELEGRAM_API_BASE_URL=api.base_url,
    )
    try:
        wait_for("ready", lambda: ready(port), process)
        yield process, port
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=60)


@pytest.mark.slow
def test_killed_while_sending_then_restarted_the_member_has_one_copy(tmp_path: Path) -> None:
    question = payload("private_text")
    question["message"]["date"] = int(time.time())  # a fresh question: a late answer is due
    with fake_telegram() as api:
        api.slow_send = 30.0  # Telegram has the reply and has not answered yet
        with serving(tmp_path, api) as (first, port):
            posted = httpx.post(
                f"http://127.0.0.1:{port}{telegram.WEBHOOK_PATH}",
                json=question,
                headers={telegram.SECRET_HEADER: SECRET},
                timeout=30,
            )
            assert posted.status_code == 200
            wait_for("the reply reaching Telegram", lambda: len(api.sent()) == 1, first)
            first.kill()  # SIGKILL: nothing after this point runs in that process
            first.communicate()

        # The restart comes after the claim's lease has lapsed (as minutes later).
        database = sqlite3.connect(tmp_path / "data" / "gyoryu.db")
        with database:
            database.execute("UPDATE inbound_messages SET claimed_at = '2000-01-01 00:00:00'")
        database.close()
        api.slow_send = 0.0
        with serving(tmp_path, api):  # catches up with what was left before it says ready
            pass

        sent = api.sent()
    assert len(sent) == 1
    assert not any(texts.CH_LATE_PREFIX in call["text"] for call in sent)
    database = sqlite3.connect(tmp_path / "data" / "gyoryu.db")
    statuses = [row[0] for row in database.execute("SELECT status FROM inbound_messages")]
    database.close()
    assert statuses == ["unknown"]  # settled as "may have arrived", never sent again
