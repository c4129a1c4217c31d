"""Two real ``gyoryu serve`` processes on one database, one of them killed mid-way: every member
gets one answer, none a second copy, and the group's limit of 20 messages a minute holds for both
processes together (on SQLite and, with ``TEST_DATABASE_URL``, PostgreSQL).

Thirty members ask through Telegram webhooks sent to the first server: twenty in private chats,
then ten in the topics of one forum group. The second server starts meanwhile, while Telegram is
holding its answers to the first one's private replies: its start-up catch-up must leave the
first one's messages alone. The group has just had 20 messages, so its slots free up one every
0.6 s and the group replies of both servers (the second gets six group questions of its own)
queue for them. The first is killed with SIGKILL once two group replies are out, and started
again as its supervisor would, minutes later as far as the claims go (their lease is dated back).
Guards, not timings: each wait ends on what happened, bounded only against a hang.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from bot import texts
from bot.ratelimit import digest
from bot.storage.ratelimit_models import SendSlot
from handlers.telegram import GROUP_LIMIT
from tests.fakes.serve import serve
from tests.fakes.telegram_api import FakeTelegram
from tests.handlers.serve_processes import ServeDatabase, TelegramServe, wait_for
from tests.handlers.test_telegram import payload

pytestmark = pytest.mark.slow

GROUP = -1001234
PRIVATE = 20
IN_GROUP = 10
LATER_IN_GROUP = 6
"""Group questions the second server gets once it is up (topics after the first ten)."""
FREED_EVERY = 0.6
"""Seconds between two of the group's slots freeing up (the 20 recent messages' spacing)."""
HOLD_S = 20.0
"""At most this long Telegram holds its answers while the second server starts (the client
gives up after 30 s)."""
LATE = texts.CH_LATE_PREFIX
OPEN = ("received", "answering", "sending")


@dataclass
class TimedTelegram(FakeTelegram):
    """The fake Bot API, noting when each message arrived; while ``open`` is clear it holds
    its answers (for at most ``HOLD_S``: the client waits 30 s before it gives up)."""

    arrivals: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    open: threading.Event = field(default_factory=threading.Event)

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        if path.endswith("/sendMessage"):
            with self.lock:
                self.arrivals.append((time.time(), params))
            self.open.wait(HOLD_S)
        return super().handle(path, params)


def private_question(n: int) -> dict[str, Any]:
    update = payload("private_text")
    member = 8000 + n
    update["update_id"] = 600000 + n
    update["message"].update(message_id=100 + n, date=int(time.time()))
    update["message"]["chat"]["id"] = update["message"]["from"]["id"] = member
    update["message"]["text"] = f"{n}번 질문이에요. 연회비는 얼마인가요?"
    return update


def group_question(topic: int) -> dict[str, Any]:
    update = payload("group_mention")
    update["update_id"] = 700000 + topic
    update["message"].update(message_id=5000 + topic, date=int(time.time()))
    update["message"]["message_thread_id"] = topic
    update["message"]["from"]["id"] = 9000 + topic
    return update


def where(params: dict[str, Any]) -> tuple[int, int | None]:
    """The chat (and topic) a message was sent to: whose answer it is."""
    thread = params.get("message_thread_id")
    return int(params["chat_id"]), int(thread) if thread is not None else None


def fill_group(database: ServeDatabase, now: float) -> list[float]:
    """The group had 20 messages just under a minute ago: its slots free up one by one."""
    messages, seconds = GROUP_LIMIT
    stamps = [now - seconds + 1 + FREED_EVERY * k for k in range(messages)]
    with Session(database.engine) as session, session.begin():
        session.add(
            SendSlot(key=digest(f"telegram:{GROUP}"), sent=" ".join(f"{s:.3f}" for s in stamps))
        )
    return stamps


def most_in_a_minute(stamps: list[float]) -> int:
    seconds = GROUP_LIMIT[1]
    return max(sum(1 for t in stamps if start <= t < start + seconds) for start in stamps)


def test_two_servers_answer_every_member_once_and_share_the_group_limit(
    tmp_path: Path, serve_database: ServeDatabase
) -> None:
    private = {(8000 + n, None): private_question(n) for n in range(PRIVATE)}
    group = {(GROUP, topic): group_question(topic) for topic in range(1, IN_GROUP + 1)}
    later = {
        (GROUP, topic): group_question(topic)
        for topic in range(IN_GROUP + 1, IN_GROUP + LATER_IN_GROUP + 1)
    }

    api = TimedTelegram(slow_send=0.3)
    with serve(api.handle, api):
        first = TelegramServe(tmp_path / "first", api, serve_database)
        second: TelegramServe | None = None
        again: TelegramServe | None = None
        try:
            first.wait_ready()
            second = TelegramServe(tmp_path / "second", api, serve_database)  # starting meanwhile
            for update in private.values():
                first.post(update)  # their replies reach Telegram, which holds its answers
            owner = serve_database.rows()[0].claimed_by
            second.wait_ready()
            # Its start-up caught up with abandoned messages only: the first's are all in hand.
            assert {row.claimed_by for row in serve_database.rows()} == {owner}
            api.open.set()

            filled = fill_group(serve_database, time.time())
            for update in group.values():
                first.post(update)
            for update in later.values():
                second.post(update)

            def group_replies() -> int:
                with api.lock:
                    return sum(1 for _, p in api.arrivals if int(p["chat_id"]) == GROUP)

            wait_for("two group replies", lambda: group_replies() >= 2, first.process)
            first.kill()
            killed_at = time.time()
            # Minutes later, as far as the claims go: the killed server's lease has lapsed.
            left = serve_database.lapse_claims(owner)
            assert left >= 1, "the first server finished before it was killed (a stalled test?)"

            again = TelegramServe(tmp_path / "first", api, serve_database)  # its supervisor
            again.wait_ready()  # it catches up with what the first left before it says ready
            wait_for(
                "every message settled",
                lambda: all(row.status not in OPEN for row in serve_database.rows()),
                again.process,
                second.process,
            )
        finally:
            for server in (first, second, again):
                if server is not None:
                    server.stop()

    everyone = {**private, **group, **later}
    copies: dict[tuple[int, int | None], list[tuple[float, str]]] = {key: [] for key in everyone}
    for when, params in api.arrivals:
        copies[where(params)].append((when, str(params["text"])))
    assert {key: sent for key, sent in copies.items() if len(sent) > 1} == {}  # no second copy

    rows = serve_database.rows()
    assert len(rows) == len(everyone)
    assert {row.status for row in rows} <= {"answered", "unknown"}
    unknown = {
        (int(row.conversation or row.user_id), int(row.thread) if row.thread else None)
        for row in rows
        if row.status == "unknown"
    }
    # "Unknown" only for a reply that was leaving when its process died: it reached Telegram
    # before the kill, or (killed between marking and sending, a moment) it never came.
    missing = {key for key, sent in copies.items() if not sent}
    assert missing <= unknown
    assert len(missing) <= 1
    assert all(sent[0][0] < killed_at for key, sent in copies.items() if key in unknown and sent)
    # What the killed server had not sent yet was answered once, late, by another process.
    late = {key for key, sent in copies.items() if sent and sent[0][1].startswith(LATE)}
    assert len(late) == left - len(unknown)
    assert all(copies[key][0][0] > killed_at for key in late)
    assert not any(sent and sent[0][1].startswith(LATE) for sent in map(copies.get, private))

    group_arrivals = [when for when, params in api.arrivals if int(params["chat_id"]) == GROUP]
    assert most_in_a_minute(filled + group_arrivals) == GROUP_LIMIT[0]
