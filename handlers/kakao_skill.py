"""KakaoTalk channel chat through the official Kakao i Open Builder skill: ``POST /kakao/skill``.

Kakao waits 5 seconds for a skill (https://kakaobusiness.gitbook.io/main/tool/chatbot/skill_guide/
ai_chatbot_callback_guide). The answer is given inside 4.5 s when it is ready; otherwise, when the
block has the callback enabled, Kakao is told to wait (``useCallback``) and the answer is POSTed
once to the one-time callback URL within 50 s of the request (the URL lives one minute). Without a
callback URL the member gets a polite "ask again shortly" and the answer still completes, so it is
recorded.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.clock import utcnow
from bot.delivery import DeliveryError, Replier, UndeliverableError
from bot.lifecycle import Deadline, Timely
from bot.messages import Address, IncomingMessage, OutgoingMessage
from handlers import kakao_response
from handlers.base import BadRequest, ChannelContext, ChannelOff, arrived_at, read_json, refuse
from handlers.outcome import send_error, send_timeout

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Gyoryu-Skill-Secret"
ANSWER_BUDGET_S = 3.5
"""From the request's stamped arrival; the 1 s left of the promised 4.5 s covers what the stamp
cannot see: the server reading the request before the app runs, and writing the response. At 400
concurrent askers on two cores those took 0.4 s together (0.5 s left was not enough: 2–5 % of
replies came after 4.5 s)."""
CALLBACK_WINDOW_S = 50.0


def build(context: ChannelContext) -> KakaoSkill:
    """The skill adapter, or :class:`ChannelOff` without ``KAKAO_SKILL_SECRET``."""
    secret = context.settings.kakao_skill_secret
    if secret is None or not secret.get_secret_value():
        raise ChannelOff(texts.ch_missing_setting("KAKAO_SKILL_SECRET"))
    return KakaoSkill(context, secret=secret.get_secret_value())


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so the timing does not reveal how much of a guess was right."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def redact_url(url: str) -> str:
    """Scheme and host only: a callback URL is a one-time credential and never logged whole."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}/…"


class _Lenient(BaseModel):
    # Kakao adds payload fields at any time; unknown ones are ignored and ids may be numbers.
    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)


class _User(_Lenient):
    id: str
    properties: dict[str, Any] | None = None


class _Chat(_Lenient):
    id: str


class _UserRequest(_Lenient):
    user: _User
    utterance: str = ""
    callbackUrl: str | None = None  # Kakao's field name
    chat: _Chat | None = None


class _Action(_Lenient):
    clientExtra: dict[str, Any] | None = None  # Kakao's field name


class SkillPayload(_Lenient):
    """The part of a Kakao skill request the bot uses."""

    userRequest: _UserRequest  # Kakao's field name
    action: _Action | None = None


def to_incoming(payload: SkillPayload, received_at: datetime) -> IncomingMessage:
    """The neutral message for a skill request; the member is keyed by ``botUserKey``.

    Kakao sends no message id and documents no retries, so each request gets a fresh one.
    A request from a group chatbot room (``userRequest.chat``) is marked as a group message.
    """
    request = payload.userRequest
    extra = (payload.action.clientExtra if payload.action else None) or {}
    action = extra.get("action")
    chat = request.chat
    return IncomingMessage(
        id=uuid.uuid4().hex,
        address=Address(
            platform="kakao",
            user=request.user.id,
            conversation=chat.id if chat else None,
            is_group=chat is not None,
        ),
        text=request.utterance,
        received_at=received_at,
        action=str(action) if action is not None else None,
        # Kakao's group chatbot (beta) calls the skill only for messages addressed to the bot.
        mentioned=chat is not None,
    )


class KakaoSkill:
    """The skill endpoint: checks the secret, answers in time or through the callback URL."""

    name = "kakao"
    mode = "skill /kakao/skill"

    def __init__(
        self,
        context: ChannelContext,
        *,
        secret: str,
        answer_budget_s: float = ANSWER_BUDGET_S,
        callback_window_s: float = CALLBACK_WINDOW_S,
    ) -> None:
        self._runner = context.runner
        self._limit = context.settings.max_body_bytes
        self._secret = secret
        self._budget = answer_budget_s
        self._window = callback_window_s
        self._http: httpx.AsyncClient | None = None

    def routes(self) -> list[BaseRoute]:
        """The one route Kakao calls."""
        return [Route("/kakao/skill", self.endpoint, methods=["POST"])]

    async def start(self) -> None:
        """Open the HTTP client used for callbacks."""
        self._http = httpx.AsyncClient(timeout=send_timeout())

    async def stop(self) -> None:
        """Let answers still owed to a callback finish, then close the client."""
        await self._runner.tasks.drain()
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        """Kakao 1:1 chat cannot be written to unprompted without the paid Event API."""
        raise UndeliverableError(self.name)

    async def endpoint(self, request: Request) -> Response:
        """``POST /kakao/skill``: the answer, a callback promise, or a polite "ask again".

        The budget runs from the request's arrival (stamped by the server before any queueing
        in the app), and covers reading the body, recording, answering and settling.
        """
        started = arrived_at(request)
        if not same_secret(request.headers.get(SECRET_HEADER), self._secret):
            log.warning("kakao skill: refused a request without the right secret header")
            return refuse(401)
        try:
            payload = SkillPayload.model_validate(await read_json(request, limit=self._limit))
        except BadRequest as bad:
            return refuse(bad.status)
        except ValidationError:
            return refuse(400)
        incoming = to_incoming(payload, utcnow())
        with_buttons = not incoming.address.is_group
        callback = payload.userRequest.callbackUrl
        deadline = Deadline(
            answer_by=started + self._budget,
            late=self._callback(callback, with_buttons=with_buttons) if callback else None,
            late_by=started + self._window,
            too_late=(OutgoingMessage(kakao_response.TRY_AGAIN_TEXT),),
        )
        try:
            outcome = await self._runner.within(incoming, deadline)
        except Exception:
            # Kakao never retries a skill call, so the member hears about it instead of a 500.
            log.exception("kakao skill: the question could not be recorded")
            return self._timed(started, kakao_response.text_response(texts.CH_FAILED))
        if outcome is None:
            return self._timed(started, kakao_response.skill_response([]))
        if isinstance(outcome, Timely):
            response = kakao_response.skill_response(outcome.replies, with_buttons=with_buttons)
            return self._timed(started, response)
        if outcome.deferred:
            return self._timed(started, kakao_response.callback_ack())
        return self._timed(started, kakao_response.text_response(kakao_response.TRY_AGAIN_TEXT))

    @staticmethod
    def _timed(arrived: float, body: dict[str, Any]) -> JSONResponse:
        """The JSON response with the time since arrival (``Server-Timing``) for measurements."""
        spent_ms = (asyncio.get_running_loop().time() - arrived) * 1000
        return JSONResponse(body, headers={"Server-Timing": f"app;dur={spent_ms:.1f}"})

    def _callback(self, url: str, *, with_buttons: bool) -> Replier:
        """The late path: one POST of the answer to the one-time callback URL."""

        async def post(replies: list[OutgoingMessage]) -> None:
            answer = kakao_response.skill_response(replies, with_buttons=with_buttons)
            await self._post(url, answer)

        return post

    async def _post(self, url: str, answer: dict[str, Any]) -> None:
        """One POST to the callback URL (it is single-use, so never retried)."""
        if self._http is None:
            raise RuntimeError("the Kakao skill adapter was not started")
        try:
            reply = await self._http.post(url, json=answer)
        except httpx.HTTPError as exc:
            log.warning("kakao callback to %s failed: %s", redact_url(url), type(exc).__name__)
            raise send_error("kakao callback", exc) from exc
        if reply.is_error:
            log.warning("kakao callback to %s answered %s", redact_url(url), reply.status_code)
            raise DeliveryError(f"kakao callback: HTTP {reply.status_code}")
