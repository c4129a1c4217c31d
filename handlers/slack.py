"""Slack through slack-bolt: the Events API over HTTP (signature checked by bolt) or Socket Mode.

Mentions in channels and direct messages are answered in the message's thread, as Block Kit with
source links and buttons. The question is recorded before bolt acknowledges Slack, so a retry
(``X-Slack-Retry-Num``, same ``event_id``) is recognised and not answered twice.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs

from aiohttp import ClientConnectorError, ClientError
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.clock import utcnow
from bot.delivery import DeliveryError, OutcomeUnknownError, PermanentDeliveryError, Replier
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ratelimit import Limit
from handlers.base import (
    BadRequest,
    ChannelContext,
    ChannelOff,
    json_object,
    refuse,
    split_text,
)
from handlers.outcome import SEND_READ_TIMEOUT_S, may_have_arrived

log = logging.getLogger(__name__)

NAME = "slack"
EVENTS_PATH = "/slack/events"
CHANNEL_LIMIT = (3, 3.0)
"""Posts into one channel per seconds: Slack allows about one a second, with short bursts."""
SECTION_LIMIT = 3000  # characters of text in one Block Kit section
# Web API errors after which posting to that channel can never succeed: do not retry them.
PERMANENT_ERRORS = frozenset({"channel_not_found", "not_in_channel", "is_archived"})
_MENTION = re.compile(r"<@[A-Z0-9]+>")
_ACTION_ID = re.compile(r"^gyoryu-\d+$")


def build(context: ChannelContext) -> SlackAdapter:
    """The Slack channel, or :class:`ChannelOff` without a bot token and a way to receive."""
    settings = context.settings
    if settings.slack_bot_token is None or (
        settings.slack_signing_secret is None and settings.slack_app_token is None
    ):
        raise ChannelOff(texts.ch_missing_setting("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"))
    client = AsyncWebClient(
        token=settings.slack_bot_token.get_secret_value(),
        base_url=settings.slack_api_base_url,
        timeout=int(SEND_READ_TIMEOUT_S),
        # Retry only a connection that never opened: a post whose connection dropped after
        # it left may have arrived, and posting it again would show it twice.
        retry_handlers=[AsyncConnectionErrorRetryHandler(error_types=[ClientConnectorError])],
    )
    socket_token = settings.slack_app_token.get_secret_value() if settings.slack_app_token else None
    secret = settings.slack_signing_secret
    app = AsyncApp(
        client=client,
        signing_secret=secret.get_secret_value() if secret else None,
        request_verification_enabled=socket_token is None,
        # Run our listener before the HTTP ack, so the question is stored before Slack hears 200.
        process_before_response=True,
    )
    verifier = SignatureVerifier(secret.get_secret_value()) if secret and not socket_token else None
    return SlackAdapter(context, app, socket_token, verifier)


def to_incoming(body: dict[str, Any], event: dict[str, Any]) -> IncomingMessage | None:
    """The neutral message in an Events API callback; ``None`` for bot posts and edits."""
    if event.get("bot_id") or event.get("subtype") or not event.get("user"):
        return None
    if not event.get("channel"):
        return None
    direct = event.get("channel_type") == "im"
    thread = event.get("thread_ts") or (None if direct else event.get("ts"))
    address = Address(NAME, event["user"], event["channel"], thread, is_group=not direct)
    return IncomingMessage(
        # event_id and client_msg_id are unique; a bare ts is unique only within its channel.
        id=str(
            body.get("event_id")
            or event.get("client_msg_id")
            or f"{event['channel']}:{event.get('ts')}"
        ),
        address=address,
        text=" ".join(_MENTION.sub(" ", event.get("text", "")).split()),
        received_at=utcnow(),
        mentioned=event.get("type") == "app_mention",
        # A message in a thread replies to the thread's first message.
        reply_to=event.get("thread_ts") if event.get("thread_ts") != event.get("ts") else None,
    )


def action_to_incoming(body: dict[str, Any], action: dict[str, Any]) -> IncomingMessage:
    """A Block Kit button press as a neutral message carrying the button's action."""
    channel = body["channel"]["id"]
    message = body.get("message", {})
    thread = message.get("thread_ts")
    return IncomingMessage(
        id=f"{message.get('ts', '')}:{action.get('action_ts', '')}:{body['user']['id']}",
        address=Address(NAME, body["user"]["id"], channel, thread, is_group=channel[:1] != "D"),
        text="",
        received_at=utcnow(),
        action=str(action["value"]),
    )


def render(message: OutgoingMessage) -> dict[str, Any]:
    """``chat.postMessage`` arguments: fallback text plus sections, links and buttons."""
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _escape(piece)}}
        for piece in split_text(message.text, SECTION_LIMIT)
    ]
    if message.links:
        links = [f"<{link.url}|{_escape(link.title)}>" for link in message.links]
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(links)}]}
        )
    if message.buttons:
        buttons = [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": button.label, "emoji": True},
                "action_id": f"gyoryu-{index}",
                "value": button.action,
            }
            for index, button in enumerate(message.buttons)
        ]
        blocks.append({"type": "actions", "elements": buttons})
    return {"text": _escape(message.text[:SECTION_LIMIT]), "blocks": blocks}


class _Shape(BaseModel):
    # Slack sends these fields as strings (or objects) and adds new ones at any time; a value of
    # another type would crash bolt's routing or ours, so such a body is refused as malformed.
    model_config = ConfigDict(extra="ignore", strict=True)


class _Id(_Shape):
    id: str


class _Authorization(_Shape):
    enterprise_id: str | None = None
    team_id: str | None = None
    user_id: str | None = None
    is_enterprise_install: bool | None = None


class _Context(_Shape):
    """What bolt reads from any body to build its context (team, user, channel, enterprise)."""

    authorizations: list[_Authorization] | None = None
    enterprise: _Id | str | None = None
    enterprise_id: str | None = None
    is_enterprise_install: bool | str | None = None
    is_ext_shared_channel: bool | None = None
    team: _Id | str | None = None
    team_id: str | None = None
    user: _Id | str | None = None
    user_id: str | None = None
    user_team: str | None = None
    channel: _Id | str | None = None
    channel_id: str | None = None
    thread_ts: str | None = None
    view: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    container: dict[str, Any] | None = None
    assistant_thread: dict[str, Any] | None = None
    previous_message: dict[str, Any] | None = None


class _Event(_Context):
    type: str = ""
    user: str = ""
    channel: str = ""
    channel_type: str = ""
    team: str | None = None
    text: str = ""
    ts: str = ""
    thread_ts: str | None = None
    event_ts: str = ""
    client_msg_id: str = ""
    bot_id: str | None = None
    subtype: str | None = None


class _EventBody(_Context):
    type: str = ""
    event: _Event = Field(default_factory=_Event)  # bolt reads it when present, even as null
    event_id: str = ""
    team_id: str = ""
    api_app_id: str = ""
    challenge: str = ""
    token: str = ""


class _Action(_Shape):
    type: str = ""
    action_id: str  # bolt routes on it
    block_id: str = ""
    value: str  # every Gyoryu button carries its action here
    action_ts: str = ""


class _Message(_Context):
    ts: str = ""
    thread_ts: str | None = None
    text: str = ""


class _ActionBody(_Context):
    type: str
    user: _Id
    channel: _Id
    message: _Message | None = None
    actions: list[_Action] = Field(min_length=1)
    trigger_id: str = ""
    response_url: str = ""
    token: str = ""


def check_body(content_type: str, body: bytes) -> None:
    """Raise :class:`BadRequest` unless ``body`` is what Slack posts: a JSON object, or a form.

    Slack sends events as JSON and button presses as a form whose ``payload`` is a JSON object;
    the fields bolt and this adapter read must have the types Slack gives them.
    """
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        _shaped(_EventBody, json_object(body))
        return
    if kind != "application/x-www-form-urlencoded":
        raise BadRequest(415)
    try:
        form = parse_qs(body.decode("utf-8"), strict_parsing=True, errors="strict")
    except ValueError:  # not UTF-8, or not name=value pairs
        raise BadRequest(400) from None
    for payload in form.get("payload", []):
        _shaped(_ActionBody, json_object(payload))


def _shaped(model: type[BaseModel], data: dict[str, Any]) -> None:
    try:
        model.model_validate(data)
    except ValidationError:
        raise BadRequest(400) from None


class SlackAdapter:
    """Serves ``POST /slack/events`` (or Socket Mode) and posts through the Web API."""

    name = NAME

    def __init__(
        self,
        context: ChannelContext,
        app: AsyncApp,
        socket_token: str | None,
        verifier: SignatureVerifier | None = None,
    ) -> None:
        self._context = context
        self._verifier = verifier
        self.app = app
        self._socket_token = socket_token
        self._socket: Any = None
        self._http = AsyncSlackRequestHandler(app)
        self.mode = "Socket Mode" if socket_token else f"events {EVENTS_PATH}"
        app.event("app_mention")(self._on_event)
        app.event("message")(self._on_message)
        app.action(_ACTION_ID)(self._on_action)

    def routes(self) -> Sequence[BaseRoute]:
        """The Events API route (none in Socket Mode)."""
        if self._socket_token:
            return ()
        return (Route(EVENTS_PATH, self.events, methods=["POST"]),)

    async def events(self, request: Request) -> Response:
        """Refuse an unsigned request or a body Slack never sends, then hand it to bolt (ack).

        The signature is checked here, before bolt, which would log the whole body of a refused
        request. Bolt parses the body before it checks the signature and answers 500 when it
        cannot, so the shape is checked here too; ``request.body()`` keeps the bytes for bolt.
        """
        body = await request.body()
        try:
            if self._verifier is not None and not self._verifier.is_valid_request(
                body, dict(request.headers)
            ):
                log.warning("slack: refused a request with a bad or stale signature")
                return refuse(401)
            check_body(request.headers.get("content-type", ""), body)
        except UnicodeDecodeError:  # the verifier reads the body as UTF-8
            return refuse(400)
        except BadRequest as bad:
            return refuse(bad.status)
        try:
            return await self._http.handle(request)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            # bolt reads fields Slack always sends in its own shape; another shape is malformed
            log.warning("slack: refused a signed request of an unexpected shape")
            return refuse(400)

    async def start(self) -> None:
        """Open the Socket Mode connection when an app token is configured."""
        if self._socket_token:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            self._socket = AsyncSocketModeHandler(self.app, self._socket_token)
            await self._socket.connect_async()

    async def stop(self) -> None:
        """Close Socket Mode and the Web API session."""
        if self._socket is not None:
            await self._socket.close_async()

    async def push(self, to: Address, message: OutgoingMessage) -> str | None:
        """Post a proactive ``message`` into the channel (and thread) of ``to``; its ``ts``,
        which a reply in its thread names as ``thread_ts``."""
        return await self._send(to, message)

    async def _send(self, to: Address, message: OutgoingMessage) -> str | None:
        """Post ``message`` into the channel (and thread) of ``to``, ~1 message a second each.

        Raises :class:`PermanentDeliveryError` when the channel is gone or closed to the bot,
        :class:`OutcomeUnknownError` when the post left but no answer came, and
        :class:`DeliveryError` for any other refusal (worth another try).
        """
        channel = to.conversation or to.user
        await self._context.send_slots.take([Limit(f"{NAME}:{channel}", *CHANNEL_LIMIT)])
        try:
            posted = await self.app.client.chat_postMessage(
                channel=channel, thread_ts=to.thread, **render(message)
            )
        except SlackApiError as refused:
            error = str(refused.response.get("error", ""))
            if error in PERMANENT_ERRORS:
                raise PermanentDeliveryError(f"slack: {error}") from refused
            raise DeliveryError(f"slack: {error}") from refused
        except SlackClientError as failed:
            raise DeliveryError(f"slack: {failed}") from failed
        except (TimeoutError, ClientError) as lost:  # no answer, or the connection dropped
            if may_have_arrived(lost):
                raise OutcomeUnknownError(f"slack: {type(lost).__name__}") from lost
            raise DeliveryError(f"slack: {type(lost).__name__}") from lost
        ts = posted.get("ts")
        return str(ts) if ts else None

    async def _on_message(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        # Channel messages arrive as app_mention when they address the bot; only DMs matter here.
        if event.get("channel_type") == "im":
            await self._on_event(body, event)

    async def _on_event(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        incoming = to_incoming(body, event)
        if incoming is not None:
            await self._context.runner.accept(incoming, self._replier(incoming.address))

    async def _on_action(self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        incoming = action_to_incoming(body, action)
        origin = (body.get("channel", {}).get("id"), body.get("message", {}).get("ts"))
        await self._context.runner.accept(incoming, self._replier(incoming.address, origin))

    def _replier(
        self, address: Address, origin: tuple[str | None, str | None] = (None, None)
    ) -> Replier:
        """How the replies to one event go out: into its thread, or in place of the message
        whose button was pressed when a reply replaces it."""

        async def reply(replies: list[OutgoingMessage]) -> None:
            for outgoing in replies:
                if outgoing.edits_origin:
                    await self._edit_origin(origin, outgoing)
                else:
                    await self._send(address, outgoing)

        return reply

    async def _edit_origin(
        self, origin: tuple[str | None, str | None], message: OutgoingMessage
    ) -> None:
        """Replace the message whose button was pressed; a failed update is only logged."""
        channel, ts = origin
        if not channel or not ts:
            return
        try:
            await self.app.client.chat_update(channel=channel, ts=ts, **render(message))
        except SlackApiError as failed:
            log.info("could not update the message under a pressed button: %s", failed.response)


def _escape(text: str) -> str:
    """Slack's three control characters, escaped as its docs require."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
