"""Telegram through python-telegram-bot: webhook (secret token checked) or long polling.

Replies are HTML with every piece of text escaped, split under Telegram's 4096-character limit
at sentence ends, with buttons as an inline keyboard whose callback data stays under 64 bytes.
Outbound calls to a chat take send slots first (:class:`SlotLimiter`: ≤20 messages a minute per
group, 30 a second overall, counted through the database for every serving process) and wait
out ``retry_after`` on HTTP 429. A send that timed out
waiting for Telegram's answer, or lost its connection after leaving, raises
:class:`~bot.delivery.OutcomeUnknownError` (it may have arrived), never a plain retryable error.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from datetime import UTC, timedelta
from html import escape
from typing import Any, NoReturn

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import MessageLimit
from telegram.error import BadRequest as TelegramBadRequest
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bot import texts
from bot.clock import utcnow
from bot.delivery import (
    DeliveryError,
    OutcomeUnknownError,
    PermanentDeliveryError,
    Replier,
    held,
)
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ratelimit import Limit, SendSlots
from handlers import outcome
from handlers.base import (
    BadRequest,
    ChannelContext,
    ChannelOff,
    read_json,
    refuse,
    split_text,
)
from handlers.outcome import CONNECT_TIMEOUT_S, may_have_arrived

log = logging.getLogger(__name__)

NAME = "telegram"
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "x-telegram-bot-api-secret-token"
CALLBACK_DATA_BYTES = 64
MAX_TEXT = int(MessageLimit.MAX_TEXT_LENGTH)
_POLL_SECONDS = 25
SEND_READ_TIMEOUT_S = outcome.SEND_READ_TIMEOUT_S
"""How long a send waits for Telegram's answer (read when the channel is built)."""


def build(context: ChannelContext) -> TelegramAdapter:
    """The Telegram channel, or :class:`ChannelOff` without a token (or webhook secret)."""
    settings = context.settings
    if settings.telegram_bot_token is None:
        raise ChannelOff(texts.ch_missing_setting("TELEGRAM_BOT_TOKEN"))
    if not context.polling and settings.telegram_webhook_secret is None:
        raise ChannelOff(texts.ch_missing_setting("TELEGRAM_WEBHOOK_SECRET"))
    secret = settings.telegram_webhook_secret
    ptb = ExtBot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=f"{settings.telegram_api_base_url.rstrip('/')}/bot",
        base_file_url=f"{settings.telegram_api_base_url.rstrip('/')}/file/bot",
        request=HTTPXRequest(
            connection_pool_size=32,
            connect_timeout=CONNECT_TIMEOUT_S,
            read_timeout=SEND_READ_TIMEOUT_S,
            write_timeout=SEND_READ_TIMEOUT_S,
            pool_timeout=CONNECT_TIMEOUT_S,
        ),
        get_updates_request=HTTPXRequest(read_timeout=_POLL_SECONDS + 10),
        rate_limiter=SlotLimiter(context.send_slots),
    )
    return TelegramAdapter(
        context, ptb, secret.get_secret_value() if secret else "", polling=context.polling
    )


GROUP_LIMIT = (20, 60.0)
"""Messages into one group (or channel) per seconds, Telegram's published limit."""
OVERALL_LIMIT = (30, 1.0)
"""Messages the bot sends per second across all chats."""
MAX_RETRIES = 3
"""Times a request refused with HTTP 429 is tried again after Telegram's ``retry_after``."""

JsonResult = bool | dict[str, Any] | list[dict[str, Any]]


def chat_limits(chat_id: object) -> list[Limit]:
    """The limits a request to ``chat_id`` counts against (none for requests to no chat)."""
    if chat_id is None:
        return []
    limits = [Limit(f"{NAME}:*", *OVERALL_LIMIT)]
    try:
        group = int(str(chat_id)) < 0
    except ValueError:  # "@channelname": a channel or supergroup
        group = True
    if group:
        limits.append(Limit(f"{NAME}:{chat_id}", *GROUP_LIMIT))
    return limits


class SlotLimiter(BaseRateLimiter[int]):
    """PTB's rate limiter, counting through :class:`~bot.ratelimit.SendSlots`.

    Every request to a chat first takes a slot under the group's and the account's limits
    (waiting when none is free: delayed, never dropped); a 429 is waited out and tried again,
    since Telegram refused it and nothing was delivered.
    """

    def __init__(self, slots: SendSlots, max_retries: int = MAX_RETRIES) -> None:
        self._slots = slots
        self._max_retries = max_retries

    async def initialize(self) -> None:
        """Nothing to open: the slots live in the database (or in memory)."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JsonResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JsonResult:
        """Take the request's slots, call it, and wait out a 429 up to the retries allowed."""
        limits = chat_limits(data.get("chat_id"))
        retries = rate_limit_args or self._max_retries
        for attempt in range(retries + 1):
            await self._slots.take(limits)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as refused:
                if attempt == retries:
                    raise
                wait = refused.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                log.info("Telegram asked to wait %.0f s before the next request", seconds)
                await held()  # refused: nothing was delivered, and it waits before trying again
                await asyncio.sleep(seconds + 0.1)
        raise AssertionError("unreachable: the last attempt returns or raises")


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the bot is, to recognise mentions of it and replies to it."""

    id: int
    username: str


def to_incoming(update: Update, me: Identity) -> IncomingMessage | None:
    """The neutral message in an update; ``None`` for kinds the bot does not handle.

    Ids are what Telegram never reuses: a button press's query id, and a message's id inside
    its chat (with the bot's id, since a private chat's messages are numbered per bot). The
    ``update_id`` is not: after a quiet week Telegram restarts it at a random number.
    """
    if update.callback_query is not None:
        query = update.callback_query
        if query.message is None or query.data is None:
            return None
        return IncomingMessage(
            id=f"{me.id}:cb:{query.id}",
            address=_address(query.message.chat.id, query.from_user.id, query.message),
            text="",
            received_at=utcnow(),
            action=query.data,
            display_name=query.from_user.full_name,
        )
    message = update.message
    if message is None or message.from_user is None:
        return None
    address = _address(message.chat.id, message.from_user.id, message)
    text, mentioned = _strip_mention(message.text or message.caption or "", me)
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None:
        mentioned = mentioned or replied.from_user.id == me.id
    return IncomingMessage(
        id=f"{me.id}:{message.chat.id}:{message.message_id}",
        address=address,
        text=text,
        received_at=message.date.astimezone(UTC),
        display_name=message.from_user.full_name,
        mentioned=mentioned,
        reply_to=str(replied.message_id) if replied is not None else None,
    )


def render(message: OutgoingMessage) -> list[dict[str, Any]]:
    """``send_message`` keyword arguments: escaped HTML pieces, the keyboard on the last one."""
    pieces = _html_pieces(message.text, MAX_TEXT)
    if message.links:
        anchors = "\n".join(
            f'<a href="{escape(link.url)}">{escape(link.title, quote=False)}</a>'
            for link in message.links
        )
        if len(pieces[-1]) + len(anchors) + 2 <= MAX_TEXT:
            pieces[-1] += "\n\n" + anchors
        else:
            pieces.append(anchors)
    calls: list[dict[str, Any]] = [{"text": piece, "parse_mode": "HTML"} for piece in pieces]
    buttons = [
        InlineKeyboardButton(button.label, callback_data=button.action)
        for button in message.buttons
        if len(button.action.encode()) <= CALLBACK_DATA_BYTES
    ]
    if buttons:
        rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        calls[-1]["reply_markup"] = InlineKeyboardMarkup(rows)
    return calls


class TelegramAdapter:
    """Serves ``POST /telegram/webhook`` (or polls) and sends through the Bot API."""

    name = NAME

    def __init__(
        self, context: ChannelContext, ptb: ExtBot[Any], secret: str, *, polling: bool
    ) -> None:
        self._context = context
        self.ptb = ptb
        self._secret = secret.encode()
        self._polling = polling
        self._poller: asyncio.Task[None] | None = None
        self._me = Identity(0, "")
        self.mode = "long polling" if polling else f"webhook {WEBHOOK_PATH}"

    def routes(self) -> Sequence[BaseRoute]:
        """The webhook route (none when polling)."""
        if self._polling:
            return ()
        return (Route(WEBHOOK_PATH, self.webhook, methods=["POST"]),)

    async def start(self) -> None:
        """Learn the bot's own name (``getMe``) and start polling if asked to."""
        await self.ptb.initialize()
        self._me = Identity(self.ptb.id, self.ptb.username)
        if self._polling:
            await self.ptb.delete_webhook()
            self._poller = asyncio.get_running_loop().create_task(self._poll())

    async def stop(self) -> None:
        """Stop polling and close the HTTP clients."""
        if self._poller is not None:
            self._poller.cancel()
            await asyncio.gather(self._poller, return_exceptions=True)
        await self.ptb.shutdown()

    async def push(self, to: Address, message: OutgoingMessage) -> str | None:
        """Send a proactive ``message`` to the chat (and forum topic) of ``to``; the id of the
        last piece sent (the one with the buttons), which a reply to it names."""
        return await self._send(to, message)

    async def _send(self, to: Address, message: OutgoingMessage) -> str | None:
        """Send ``message`` to the chat (and forum topic) of ``to``, as one or more messages.

        Raises :class:`PermanentDeliveryError` when the bot can no longer write there,
        :class:`OutcomeUnknownError` when a piece may have arrived (no answer came, or an
        earlier piece already went out, so sending the message again would repeat it) and
        :class:`DeliveryError` for anything else Telegram refused (worth another try).
        """
        chat_id = to.conversation or to.user
        thread = int(to.thread) if to.thread else None
        sent, last = 0, None
        try:
            for call in render(message):
                posted = await self.ptb.send_message(
                    chat_id=chat_id, message_thread_id=thread, **call
                )
                sent, last = sent + 1, str(posted.message_id)
        except TelegramError as failed:
            # PTB raises BadRequest as a NetworkError too: a refusal, with an answer, is not lost.
            lost = isinstance(failed, NetworkError) and not isinstance(failed, TelegramBadRequest)
            if sent or (lost and may_have_arrived(failed)):
                raise OutcomeUnknownError(f"telegram: {failed.message}") from failed
            _refused(failed)
        return last

    async def webhook(self, request: Request) -> Response:
        """Check the secret token, record the update, answer Telegram at once."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            client = request.client.host if request.client else "?"
            log.warning("refused a Telegram webhook with a wrong or missing secret from %s", client)
            return refuse(401)
        try:
            data = await read_json(request, limit=self._context.settings.max_body_bytes)
            update = Update.de_json(data, self.ptb)
            # PTB does not check types: a number where text belongs fails in here, as a 400.
            incoming = to_incoming(update, self._me)
        except BadRequest as bad:
            return refuse(bad.status)
        except (TelegramError, KeyError, TypeError, ValueError, AttributeError, OverflowError):
            return refuse(400)
        if incoming is not None:
            await self._accept(incoming, update)
        return Response(status_code=200)

    async def on_update(self, update: Update) -> None:
        """Record an update and answer it in the background (webhook and polling alike)."""
        try:
            incoming = to_incoming(update, self._me)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
            log.warning("ignored a Telegram update of an unexpected shape")
            return
        if incoming is not None:
            await self._accept(incoming, update)

    async def _accept(self, incoming: IncomingMessage, update: Update) -> None:
        await self._context.runner.accept(incoming, self._replier(incoming, update.callback_query))

    def _replier(self, incoming: IncomingMessage, query: CallbackQuery | None) -> Replier:
        """How the replies to one update go out: a pressed button is answered (and its message
        edited when a reply replaces it), the rest is sent to the chat it came from."""

        async def reply(replies: list[OutgoingMessage]) -> None:
            if query is not None:
                try:
                    await self.ptb.answer_callback_query(query.id)
                except TelegramError as failed:
                    raise DeliveryError(f"telegram: {failed.message}") from failed
            for outgoing in replies:
                if outgoing.edits_origin:
                    await self._edit_origin(query, outgoing)
                else:
                    await self._send(incoming.address, outgoing)

        return reply

    async def _edit_origin(self, query: CallbackQuery | None, message: OutgoingMessage) -> None:
        """Replace the message whose button was pressed; a failed edit is only logged."""
        calls = render(message)
        if query is None or query.message is None or len(calls) != 1:
            return
        try:
            await self.ptb.edit_message_text(
                chat_id=query.message.chat.id, message_id=query.message.message_id, **calls[0]
            )
        except TelegramError as failed:  # e.g. "message is not modified", or too old to edit
            log.info("could not edit the message under a pressed button: %s", failed.message)

    async def _poll(self) -> None:
        offset: int | None = None
        while True:
            try:
                updates = await self.ptb.get_updates(
                    offset=offset,
                    timeout=_POLL_SECONDS,
                    allowed_updates=["message", "callback_query"],
                )
            except TelegramError:
                log.warning("Telegram polling failed; trying again", exc_info=True)
                await asyncio.sleep(5)
                continue
            for update in updates:
                offset = update.update_id + 1
                await self.on_update(update)


def _refused(failed: TelegramError) -> NoReturn:
    """Translate Telegram's refusal of a send (nothing was delivered) into a delivery error."""
    if isinstance(failed, Forbidden):  # blocked by the user, or removed from the group
        raise PermanentDeliveryError(f"telegram: {failed.message}") from failed
    if isinstance(failed, TelegramBadRequest) and "chat not found" in failed.message.lower():
        raise PermanentDeliveryError(f"telegram: {failed.message}") from failed
    # A bad request, flood control beyond our retries …: worth another try.
    raise DeliveryError(f"telegram: {failed.message}") from failed


def _address(chat_id: int, user_id: int, message: Any) -> Address:
    is_topic = isinstance(message, Message) and bool(message.is_topic_message)
    thread = message.message_thread_id if is_topic else None
    if not isinstance(thread, int):  # a topic id is a number; anything else is no topic
        thread = None
    chat_type = getattr(message.chat, "type", "private")
    return Address(
        platform=NAME,
        user=str(user_id),
        conversation=str(chat_id),
        thread=str(thread) if thread is not None else None,
        is_group=chat_type != "private",
    )


def _strip_mention(text: str, me: Identity) -> tuple[str, bool]:
    if not me.username:
        return text, False
    pattern = re.compile(rf"@{re.escape(me.username)}\b", re.IGNORECASE)
    # "/ask@GyoryuBot" is a command, handled by the core; only bare mentions are removed here.
    stripped, count = pattern.subn("", text) if not text.startswith("/") else (text, 0)
    return " ".join(stripped.split()), count > 0


def _html_pieces(text: str, limit: int) -> list[str]:
    """Split plain text first, then escape, so no cut lands inside an entity like ``&amp;``."""
    pieces: list[str] = []
    for piece in split_text(text, limit):
        html = escape(piece, quote=False)
        if len(html) <= MAX_TEXT:
            pieces.append(html)
        else:  # escaping made it longer than Telegram allows: split that piece finer
            pieces.extend(_html_pieces(piece, limit // 2))
    return pieces
