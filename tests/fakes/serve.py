"""Run a tiny platform fake on 127.0.0.1 (a free port) in a background thread.

A fake is a function ``(method, path, headers, body) -> (status, json)``; the server records
every request it received so tests can assert on what the platform saw.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

Handler = Callable[[str, dict[str, Any]], tuple[int, Any]]


@dataclass
class Received:
    """One request the fake received: path, parsed parameters and headers."""

    path: str
    params: dict[str, Any]
    headers: dict[str, str]


@dataclass
class Recorder:
    """What a fake server saw; ``calls(path_suffix)`` filters by endpoint."""

    base_url: str = ""
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def calls(self, suffix: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r.params for r in self.received if r.path.endswith(suffix)]


def parse_params(content_type: str, body: bytes) -> dict[str, Any]:
    """JSON bodies as they are; form bodies with each value JSON-decoded when it can be."""
    if not body:
        return {}
    if "json" in content_type:
        return dict(json.loads(body))
    params: dict[str, Any] = {}
    for key, values in parse_qs(body.decode(), keep_blank_values=True).items():
        try:
            params[key] = json.loads(values[0])
        except ValueError:
            params[key] = values[0]
    return params


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (a test's deliberate timeout) is not worth a traceback on stderr.

    The handler threads outlive the test that started them, so such a traceback would land in
    whatever a later test is capturing.
    """

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(handler: Handler, recorder: Recorder) -> Iterator[Recorder]:
    """Serve ``handler`` until the block ends; ``recorder.base_url`` is where it listens."""

    class _Request(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            params = parse_params(self.headers.get("Content-Type", ""), body)
            path = self.path.split("?", 1)[0]
            with recorder.lock:
                recorder.received.append(Received(path, params, dict(self.headers)))
            status, payload = handler(path, params)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = _QuietServer(("127.0.0.1", 0), _Request)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    recorder.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
