"""``gyoryu serve`` killed with SIGKILL while a slow Telegram is receiving its reply, then started
again: the member has exactly one copy of the answer (no "늦어서 죄송해요" second one), on SQLite
and on PostgreSQL."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot import texts
from tests.fakes.telegram_api import fake_telegram
from tests.handlers.serve_processes import ServeDatabase, TelegramServe, wait_for
from tests.handlers.test_telegram import payload


@pytest.mark.slow
def test_killed_while_sending_then_restarted_the_member_has_one_copy(
    tmp_path: Path, serve_database: ServeDatabase
) -> None:
    question = payload("private_text")
    question["message"]["date"] = int(time.time())  # a fresh question: a late answer is due
    with fake_telegram() as api:
        api.slow_send = 30.0  # Telegram has the reply and has not answered yet
        first = TelegramServe(tmp_path / "server", api, serve_database)
        try:
            first.wait_ready()
            first.post(question)
            wait_for("the reply reaching Telegram", lambda: len(api.sent()) == 1, first.process)
            first.kill()
        finally:
            first.stop()

        # The restart comes after the claim's lease has lapsed (as minutes later).
        assert serve_database.lapse_claims() == 1
        api.slow_send = 0.0
        again = TelegramServe(tmp_path / "server", api, serve_database)
        try:
            again.wait_ready()  # it catches up with what was left before it says ready
        finally:
            again.stop()

        sent = api.sent()
    assert len(sent) == 1
    assert not any(texts.CH_LATE_PREFIX in call["text"] for call in sent)
    # Settled as "may have arrived", never sent again.
    assert [row.status for row in serve_database.rows()] == ["unknown"]
