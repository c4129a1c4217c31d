"""A local fake of Kakao's callback URL and of a KakaoTalk bridge's send endpoint.

It runs on 127.0.0.1 on a free port in a background thread, records every POST (path, headers,
raw body) and sets ``arrived``. ``/callback/<token>`` answers like Kakao's callback API; any other
path answers like a bridge that accepted the message. ``status`` makes every answer fail with it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    """One POST the fake received."""

    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class FakeKakao:
    """The fake's base URL, the status it answers with and every request received."""

    base_url: str = ""
    status: int = 200
    received: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)

    def callback_url(self, token: str = "one-time-token") -> str:
        return f"{self.base_url}/callback/{token}"

    @property
    def send_url(self) -> str:
        return f"{self.base_url}/reply"


def _handler(state: FakeKakao) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state.received.append(Received(self.path, dict(self.headers.items()), body))
            state.arrived.set()
            if self.path.startswith("/callback/"):
                ok = {"taskId": "task-1", "status": "SUCCESS", "message": "", "timestamp": 0}
            else:
                ok = {"success": True}
            self._send(state.status, ok if state.status < 400 else {"error": "fake failure"})

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler


@contextmanager
def serve_fake_kakao() -> Iterator[FakeKakao]:
    """Run the fake for the duration of the ``with`` block."""
    state = FakeKakao()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
