"""A local OpenAI-compatible chat-completions server that records what it was asked.

It runs on 127.0.0.1 on a free port in a background thread. ``mode`` decides the reply:
``cited`` answers with a citation, ``uncited`` without one, ``invented`` cites a source but states
an amount and a date no source holds, ``slow`` holds the reply until the server stops (so any
client deadline passes), ``error`` answers HTTP 500. ``reply``, when set, is the content of every
successful answer instead (e.g. the one label a classification should get).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

Mode = Literal["cited", "uncited", "invented", "slow", "error"]

CITED_ANSWER = "연회비는 60만 원이고 3월 말까지 내시면 돼요 [1]. 없는 출처 [9]는 무시돼요."
UNCITED_ANSWER = "연회비는 아마 100만 원쯤일 거예요."
INVENTED_ANSWER = "연회비는 80만 원이고 4월 15일까지 내시면 돼요 [1]."


@dataclass
class FakeOpenAI:
    """The server's state: its base URL, the reply mode and every request body received."""

    base_url: str = ""
    mode: Mode = "cited"
    reply: str | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)


def _completion(content: str, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _handler(state: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append({"path": self.path, "body": body})
            if state.mode == "slow":
                state.released.wait(timeout=30)
                return
            if state.mode == "error":
                self._send(500, {"error": {"message": "boom", "type": "server_error"}})
                return
            content = state.reply or {"cited": CITED_ANSWER, "invented": INVENTED_ANSWER}.get(
                state.mode, UNCITED_ANSWER
            )
            self._send(200, _completion(content, body.get("model", "")))

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler


@contextmanager
def serve_fake_openai(mode: Mode = "cited") -> Iterator[FakeOpenAI]:
    """Run the fake on a free local port for the duration of the ``with`` block."""
    state = FakeOpenAI(mode=mode)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.released.set()
        server.shutdown()
        server.server_close()
        thread.join()
