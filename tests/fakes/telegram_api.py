"""A fake Telegram Bot API: the methods Gyoryu calls, recording every call.

``fail_next`` queues error replies for ``sendMessage`` (e.g. a 429 with ``retry_after``).
``slow_send`` holds each ``sendMessage`` answer that many seconds (after recording it: the
message has arrived, only the answer is late). ``queue_update`` hands an update to a client
that long-polls ``getUpdates``.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.serve import Recorder, serve

TOKEN = "123456:TEST-token"
BOT_ID = 123456
BOT_USERNAME = "GyoryuBot"


@dataclass
class FakeTelegram(Recorder):
    """The fake's state: recorded calls and queued failures."""

    fail_next: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    slow_send: float = 0.0
    updates: list[dict[str, Any]] = field(default_factory=list)
    caught_up: threading.Event = field(default_factory=threading.Event)
    messages: list[dict[str, Any]] = field(default_factory=list)
    """Every message ``sendMessage`` answered with (its ``message_id`` is what a reply names)."""
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1000))
    _queued: threading.Event = field(default_factory=threading.Event)

    def queue_update(self, update: dict[str, Any]) -> None:
        """Offer ``update`` to the next ``getUpdates`` call (until an offset confirms it)."""
        with self.lock:
            self.updates.append(update)
        self.caught_up.clear()
        self._queued.set()

    def sent(self) -> list[dict[str, Any]]:
        """Every ``sendMessage`` call, in order."""
        return self.calls("/sendMessage")

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        method = path.rsplit("/", 1)[-1]
        if method == "getMe":
            return 200, {"ok": True, "result": _me()}
        if method == "sendMessage":
            time.sleep(self.slow_send)
            if self.fail_next:
                return self.fail_next.pop(0)
            message = self._message(params)
            self.messages.append(message)
            return 200, {"ok": True, "result": message}
        if method == "editMessageText":
            return 200, {"ok": True, "result": self._message(params)}
        if method in {"answerCallbackQuery", "deleteWebhook", "setWebhook"}:
            return 200, {"ok": True, "result": True}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._poll(params)}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}

    def _poll(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Updates from ``offset`` on; with none pending, hold the call briefly like Telegram."""
        offset = int(params.get("offset") or 0)
        pending = self._pending(offset)
        if not pending:
            # Every update so far is confirmed by the client's offset: it has seen them all.
            self.caught_up.set()
            self._queued.clear()
            self._queued.wait(min(float(params.get("timeout") or 0), 0.5))
            pending = self._pending(offset)
        return pending

    def _pending(self, offset: int) -> list[dict[str, Any]]:
        with self.lock:
            return [update for update in self.updates if update["update_id"] >= offset]

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        return {
            "message_id": next(self._ids),
            "date": 1764061200,
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": _me(),
            "text": str(params.get("text", "")),
        }


def _me() -> dict[str, Any]:
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "교류",
        "username": BOT_USERNAME,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def too_many_requests(retry_after: int = 0) -> tuple[int, dict[str, Any]]:
    """A 429 reply asking the client to wait ``retry_after`` seconds."""
    return 429, {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {retry_after}",
        "parameters": {"retry_after": retry_after},
    }


@contextmanager
def fake_telegram() -> Iterator[FakeTelegram]:
    """Run the fake Bot API on loopback for the duration of the block."""
    fake = FakeTelegram()
    with serve(fake.handle, fake):
        yield fake
