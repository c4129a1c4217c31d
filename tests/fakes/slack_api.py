"""A fake Slack Web API: ``auth.test`` and ``chat.postMessage``, recording every call."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.serve import Recorder, serve

BOT_TOKEN = "xoxb-test-token"
SIGNING_SECRET = "slack-signing-secret"
BOT_USER = "UBOT0001"


@dataclass
class FakeSlack(Recorder):
    """The fake's recorded calls."""

    stamps: list[str] = field(default_factory=list)
    """The ``ts`` of every posted message, in order (a reply in its thread names it)."""
    _ts: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def posted(self) -> list[dict[str, Any]]:
        """Every ``chat.postMessage`` call, in order."""
        return self.calls("/chat.postMessage")

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        method = path.rsplit("/", 1)[-1]
        if method == "auth.test":
            return 200, {
                "ok": True,
                "url": "https://hanbit.slack.com/",
                "team": "한빛연합회",
                "team_id": "T0001",
                "user": "gyoryu",
                "user_id": BOT_USER,
                "bot_id": "B0001",
            }
        if method == "chat.update":
            return 200, {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}
        if method == "chat.postMessage":
            ts = f"1764061200.{next(self._ts):06d}"
            self.stamps.append(ts)
            return 200, {"ok": True, "channel": params.get("channel"), "ts": ts, "message": {}}
        return 200, {"ok": False, "error": "unknown_method"}


@contextmanager
def fake_slack() -> Iterator[FakeSlack]:
    """Run the fake Web API on loopback for the duration of the block."""
    fake = FakeSlack()
    with serve(fake.handle, fake):
        yield fake
