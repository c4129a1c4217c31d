"""KakaoTalk group rooms through a phone bridge: ``POST /kakao/bridge`` and the bridge's send URL.

The protocol is defined in docs/kakao-bridge.md. Each room message arrives signed with
HMAC-SHA256 over ``timestamp + "." + body``; the reply goes back in the response. Messages in the
Iris bridge's shape (``{msg, room, sender, json}``) are accepted too and, since Iris ignores the
response, their replies go out through the send URL like proactive messages do.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.clock import Clock, utcnow
from bot.delivery import DeliveryError, OutcomeUnknownError, UndeliverableError
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ratelimit import Limit
from handlers.base import (
    BadRequest,
    ChannelContext,
    ChannelOff,
    json_object,
    read_body,
    refuse,
    split_text,
)
from handlers.outcome import send_error, send_timeout

log = logging.getLogger(__name__)

PLATFORM = "kakao_bridge"
TIMESTAMP_HEADER = "X-Gyoryu-Timestamp"
SIGNATURE_HEADER = "X-Gyoryu-Signature"
SIGNATURE_PREFIX = "sha256="
MAX_SKEW_S = 300
"""Signed requests older or newer than five minutes are refused (replay protection)."""
MAX_MESSAGE_CHARS = 2000
"""KakaoTalk folds long messages behind "전체 보기"; longer replies go out as several messages."""
BOT_MENTION = "@교류"


def build(context: ChannelContext) -> KakaoBridge:
    """The bridge adapter, or :class:`ChannelOff` without ``KAKAO_BRIDGE_SECRET``."""
    secret = context.settings.kakao_bridge_secret
    if secret is None or not secret.get_secret_value():
        raise ChannelOff(texts.ch_missing_setting("KAKAO_BRIDGE_SECRET"))
    send_url = context.settings.kakao_bridge_send_url or None
    return KakaoBridge(context, secret=secret.get_secret_value(), send_url=send_url)


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The ``X-Gyoryu-Signature`` value for ``body`` sent at ``timestamp`` (Unix seconds)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return SIGNATURE_PREFIX + mac.hexdigest()


def signed_headers(secret: str, body: bytes, now: datetime) -> dict[str, str]:
    """Content type, timestamp and signature headers for a bridge request sent ``now``."""
    timestamp = str(int(now.timestamp()))
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(secret, timestamp, body),
    }


def verify(
    secret: str, timestamp: str | None, signature: str | None, body: bytes, now: datetime
) -> bool:
    """Whether the signature is right and the timestamp within five minutes of ``now``."""
    if not timestamp or not signature or not timestamp.isdigit():
        return False
    if abs(now.timestamp() - int(timestamp)) > MAX_SKEW_S:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body).encode(), signature.encode())


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)


class BridgeMessage(_Lenient):
    """A room message in Gyoryu's own bridge shape (docs/kakao-bridge.md)."""

    message_id: str = Field(min_length=1)
    room_id: str = Field(min_length=1)
    room_name: str = ""
    sender_id: str = Field(min_length=1)
    sender_name: str = ""
    text: str = ""
    is_group: bool = True
    mentioned: bool = False


class _IrisChatLog(_Lenient):
    id: str = Field(min_length=1)
    chat_id: str = Field(min_length=1)
    user_id: str = Field(min_length=1)


class IrisMessage(_Lenient):
    """A room message as the Iris bridge posts it; ``json`` is KakaoTalk's ``chat_logs`` row."""

    msg: str = ""
    room: str = ""
    sender: str = ""
    json_: _IrisChatLog = Field(alias="json")


def parse(data: Any) -> BridgeMessage | IrisMessage:
    """The message in whichever shape it came; :class:`ValidationError` if it is neither."""
    if isinstance(data, dict) and "json" in data and "msg" in data:
        return IrisMessage.model_validate(data)
    return BridgeMessage.model_validate(data)


def to_incoming(message: BridgeMessage | IrisMessage, received_at: datetime) -> IncomingMessage:
    """The neutral message; ``mentioned`` when the bridge says so or ``@교류`` is in the text."""
    if isinstance(message, IrisMessage):
        row = message.json_
        # Iris does not say whether a room is a group; a 1:1 room is named after the other person.
        message = BridgeMessage(
            message_id=row.id,
            room_id=row.chat_id,
            room_name=message.room,
            sender_id=row.user_id,
            sender_name=message.sender,
            text=message.msg,
            is_group=message.room != message.sender,
        )
    text = message.text
    return IncomingMessage(
        # Scoped by room: a bridge's ids need only be unique among the messages it relays.
        id=f"{message.room_id}:{message.message_id}",
        address=Address(
            platform=PLATFORM,
            user=message.sender_id,
            conversation=message.room_id,
            is_group=message.is_group,
        ),
        text=text.replace(BOT_MENTION, "").strip(),
        received_at=received_at,
        display_name=message.sender_name or None,
        mentioned=message.mentioned or BOT_MENTION in text,
    )


def render(message: OutgoingMessage) -> list[str]:
    """Plain KakaoTalk messages for ``message``: text, then links; buttons cannot be shown."""
    lines = [message.text.strip()]
    if message.links:
        lines += ["", *(f"{link.title} {link.url}" for link in message.links)]
    return [piece for piece in split_text("\n".join(lines), MAX_MESSAGE_CHARS) if piece]


class KakaoBridge:
    """The bridge endpoint plus sends through the bridge, rate-limited."""

    name = PLATFORM

    def __init__(
        self,
        context: ChannelContext,
        *,
        secret: str,
        send_url: str | None = None,
        clock: Clock = utcnow,
        room_rate: tuple[int, float] = (5, 10.0),
        overall_rate: tuple[int, float] = (30, 60.0),
    ) -> None:
        self._context = context
        self._secret = secret
        self._send_url = send_url
        self._clock = clock
        # A bot account that floods rooms is what KakaoTalk's abuse detection bans; stay slow.
        # Rates are (messages, per seconds): per room, and for the whole account, counted for
        # every serving process (context.send_slots).
        self._room_rate = room_rate
        self._overall_rate = overall_rate
        self._http: httpx.AsyncClient | None = None

    @property
    def mode(self) -> str:
        """How the bridge is served, for the start-up report."""
        if self._send_url:
            return "bridge /kakao/bridge, sending through KAKAO_BRIDGE_SEND_URL"
        return "bridge /kakao/bridge, replies only: KAKAO_BRIDGE_SEND_URL is not set"

    def routes(self) -> list[BaseRoute]:
        """The one route the bridge posts to."""
        return [Route("/kakao/bridge", self.endpoint, methods=["POST"])]

    async def start(self) -> None:
        """Open the HTTP client used to send through the bridge."""
        self._http = httpx.AsyncClient(timeout=send_timeout())

    async def stop(self) -> None:
        """Finish replies still being sent, then close the HTTP client."""
        await self._context.runner.tasks.drain()
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        """Send ``message`` to the room ``to.conversation`` through the bridge's send URL."""
        await self._send_all(to.conversation or to.user, [message])

    async def endpoint(self, request: Request) -> Response:
        """``POST /kakao/bridge``: the replies in the response (Iris: through the send URL)."""
        timestamp = request.headers.get(TIMESTAMP_HEADER)
        signature = request.headers.get(SIGNATURE_HEADER)
        try:
            if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
                raise BadRequest(415)
            body = await read_body(request, limit=self._context.settings.max_body_bytes)
            if not verify(self._secret, timestamp, signature, body, self._clock()):
                log.warning("kakao bridge: refused a request with a bad or stale signature")
                return refuse(401)
            message = parse(json_object(body))
        except BadRequest as bad:
            return refuse(bad.status)
        except (ValueError, ValidationError):
            return refuse(400)
        incoming = to_incoming(message, self._clock())
        runner = self._context.runner
        try:
            if isinstance(message, IrisMessage):
                room = incoming.address.conversation or ""
                await runner.accept(incoming, lambda out: self._send_all(room, out))
                return JSONResponse({"replies": []})
            replies = await runner.handle(incoming)
        except Exception:
            # Not recorded, so not acknowledged: the bridge may post the same message again.
            log.exception("kakao bridge: the message could not be recorded")
            return refuse(503)
        # Bridges cannot edit a sent message, so a reply meant to replace one is left out.
        lines = [text for reply in replies if not reply.edits_origin for text in render(reply)]
        return JSONResponse({"replies": [{"text": line} for line in lines]})

    async def _send_all(self, room: str, messages: Sequence[OutgoingMessage]) -> None:
        """Send ``messages`` to ``room`` in order, each as one or more KakaoTalk messages.

        Once one piece went out, a failure is :class:`OutcomeUnknownError`: sending all of
        them again would repeat what already arrived.
        """
        sent = 0
        for message in messages:
            for text in render(message):
                try:
                    await self._send(room, text)
                except OutcomeUnknownError:
                    raise
                except DeliveryError as failed:
                    if sent:
                        raise OutcomeUnknownError(f"{PLATFORM}: partly sent") from failed
                    raise
                sent += 1

    async def _send(self, room: str, text: str) -> None:
        """One signed, rate-limited ``{"type":"text","room":…,"data":…}`` POST to the bridge."""
        if not self._send_url:
            raise UndeliverableError(f"{PLATFORM}: KAKAO_BRIDGE_SEND_URL is not set")
        if self._http is None:
            raise RuntimeError("the Kakao bridge adapter was not started")
        await self._context.send_slots.take(
            [
                Limit(f"{PLATFORM}:*", *self._overall_rate),
                Limit(f"{PLATFORM}:{room}", *self._room_rate),
            ]
        )
        payload = {"type": "text", "room": room, "data": text}
        body = json.dumps(payload, ensure_ascii=False).encode()
        headers = signed_headers(self._secret, body, self._clock())
        try:
            reply = await self._http.post(self._send_url, content=body, headers=headers)
            reply.raise_for_status()
        except httpx.HTTPError as failed:
            raise send_error(PLATFORM, failed) from failed
