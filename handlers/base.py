"""The contract every channel implements, and the helpers channels share.

A channel is one module in ``handlers/`` with a ``build(context) -> Adapter`` function that
raises :class:`ChannelOff` when its credentials are missing. ``handlers/server.py`` mounts the
routes of every live adapter, starts and stops them, and registers their ``push`` with the
postman. The recipe for a webhook: translate the request into an ``IncomingMessage``, hand it
to the lifecycle runner (``context.runner.accept`` records it before returning) with a replier
that sends the replies back where it came from, then answer the platform right away.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.lifecycle import Runner
from bot.messages import Address, OutgoingMessage
from bot.ratelimit import LocalSendSlots, SendSlots
from handlers.settings import ChannelSettings

log = logging.getLogger(__name__)


class Adapter(Protocol):
    """One platform: its HTTP routes, its lifecycle and how to push a proactive message."""

    @property
    def name(self) -> str:
        """The platform name used in ``Address.platform`` (e.g. ``"telegram"``)."""
        ...

    @property
    def mode(self) -> str:
        """How it is served, for the start-up report (e.g. ``"webhook /telegram/webhook"``)."""
        ...

    def routes(self) -> Sequence[BaseRoute]:
        """Starlette routes to mount (may be empty, e.g. for polling or Socket Mode)."""
        ...

    async def start(self) -> None:
        """Connect to the platform (called once the server is up)."""
        ...

    async def stop(self) -> None:
        """Disconnect and release clients."""
        ...

    async def push(self, to: Address, message: OutgoingMessage) -> str | None:
        """Send a proactive message to ``to``; raises the errors of :mod:`bot.delivery`.

        Returns the platform's id of the message sent (what a reply to it names), if any.
        """
        ...


class ChannelOff(Exception):
    """A channel is not configured; ``str(error)`` says why, for the start-up report."""


@dataclass(frozen=True)
class ChannelContext:
    """What the composition root hands every channel's ``build``."""

    runner: Runner
    settings: ChannelSettings
    polling: bool = False
    send_slots: SendSlots = field(default_factory=LocalSendSlots)
    """Every platform call that sends takes its slots here first (shared through the database
    by ``gyoryu serve``, so several processes keep the platforms' limits together)."""


class ChannelFactory(Protocol):
    """A channel module's ``build`` function."""

    def __call__(self, context: ChannelContext) -> Adapter:
        """The adapter, or :class:`ChannelOff` when the channel is not configured."""
        ...


class BadRequest(Exception):
    """A refused request body; ``status`` is 400, 413 or 415."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


async def read_json(request: Request, *, limit: int) -> dict[str, Any]:
    """The JSON object in the body, or :class:`BadRequest` (wrong type, too big, not JSON)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise BadRequest(415)
    return json_object(await read_body(request, limit=limit))


def json_object(body: bytes | str) -> dict[str, Any]:
    """The JSON object in ``body``, or ``BadRequest(400)``.

    Refused: bytes that are not UTF-8 (no guessing of UTF-16 from a stray BOM), text that is not
    JSON, nesting too deep for the parser (a ``RecursionError``, not a ``ValueError``), and any
    JSON value that is not an object (array, number, string, null).
    """
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        data = json.loads(text)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise BadRequest(400) from None
    if not isinstance(data, dict):
        raise BadRequest(400)
    return data


async def read_body(request: Request, *, limit: int) -> bytes:
    """The raw body, refusing more than ``limit`` bytes whatever Content-Length claims."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadRequest(413)
        chunks.append(chunk)
    return b"".join(chunks)


ARRIVED = "gyoryu.arrived"
"""Scope key of a request's arrival, in event-loop time (set by :class:`Arrival`)."""


class Arrival:
    """Stamps each request with its arrival (``loop.time()``) before anything else runs.

    The outermost middleware, so a deadline such as Kakao's 5 seconds counts the time a request
    waited for the app (a busy event loop, the body limit, routing). A stamp already in the
    scope (a server that knows the arrival earlier) is kept.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Stamp and pass on."""
        scope.setdefault(ARRIVED, asyncio.get_running_loop().time())
        await self.app(scope, receive, send)


def arrived_at(request: Request) -> float:
    """When ``request`` arrived (loop time); now, for an app mounted without :class:`Arrival`."""
    stamp = request.scope.get(ARRIVED)
    return float(stamp) if stamp is not None else asyncio.get_running_loop().time()


def refuse(status: int) -> Response:
    """A bare refusal with no detail that could help an attacker."""
    return Response(status_code=status)


_SENTENCE_END = re.compile(r"(?<=[.!?。…])\s+")


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` characters, at sentence ends if possible.

    Lines are preferred, then sentences, then spaces; only an unbroken run longer than
    ``limit`` is cut mid-word. Nothing is lost: joining the pieces gives back every word.
    """
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = _last_break(window)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces or [""]


def _last_break(window: str) -> int:
    limit = len(window) - 1
    for pattern in ("\n", None, " "):
        if pattern is None:
            ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() <= limit]
            cut = max(ends, default=-1)
        else:
            cut = window.rfind(pattern, 0, limit)
        if cut > limit // 2:
            return cut
    return limit
