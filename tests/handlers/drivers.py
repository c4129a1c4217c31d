"""Drivers for the channel contract: one per adapter, same few verbs, platform details inside.

A driver delivers a member's question or button press the way the platform would (a recorded
payload from ``tests/payloads/<platform>/`` posted to the adapter's real route, or a method call
for the in-memory channel), and reads back what the member received as *pieces*: one piece per
platform message, bubble or Block Kit section, exactly as rendered. Telegram and Slack answers
are read from their fake platform API; Kakao skill and bridge answers from the HTTP response.
"""

from __future__ import annotations

import html
import itertools
import json
import threading
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar

import httpx
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette

from bot.answers import Citation, QaAnswer
from bot.core import Bot
from bot.messages import Address, Button, OutgoingMessage
from handlers import kakao_bridge, kakao_response, kakao_skill, slack, telegram
from handlers.memory import MemoryChannel
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.kakao_api import serve_fake_kakao
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, fake_slack
from tests.fakes.telegram_api import TOKEN, fake_telegram
from tests.handlers.conftest import running

PAYLOADS = REPO_ROOT / "tests" / "payloads"
TELEGRAM_SECRET = "contract-webhook-secret"
SKILL_SECRET = "contract-skill-secret"
BRIDGE_SECRET = "contract-bridge-secret"

FEE_ANSWER = QaAnswer(
    text="연회비는 60만 원이고 3월 말까지 납부하시면 돼요 [1].",
    confident=True,
    sources=(
        Citation(1, "한빛연합회 정관", "https://example.org/rules", "제8조(회비)", "연회비…", 3.2),
    ),
)


@dataclass
class ContractAnswerer:
    """Gives ``reply`` to every question and remembers the questions (thread-safe enough)."""

    reply: QaAnswer = FEE_ANSWER
    asked: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(
        self, question: str, *, allowed: frozenset[str] | None = None, top_k: int = 5
    ) -> QaAnswer:
        with self._lock:
            self.asked.append(question)
        return self.reply


def payload(platform: str, name: str) -> dict[str, Any]:
    """A recorded inbound payload, as a fresh dict the driver may change."""
    data: dict[str, Any] = json.loads(
        (PAYLOADS / platform / f"{name}.json").read_text(encoding="utf-8")
    )
    return data


class Driver(ABC):
    """What the contract needs from a channel under test.

    ``limit`` is the most characters one rendered piece may hold (``None``: no limit);
    ``cut_notice`` is set when the platform shows only the start of a long answer;
    ``redelivers`` says whether the platform redelivers an update under the same id;
    ``pushes`` is ``False`` when the platform cannot be written to unprompted.
    """

    name: ClassVar[str]
    limit: ClassVar[int | None] = None
    cut_notice: ClassVar[str | None] = None
    redelivers: ClassVar[bool] = True
    pushes: ClassVar[bool] = True
    member: ClassVar[Address]

    @abstractmethod
    async def ask(self, question: str, *, message_id: int) -> None:
        """The member sends ``question`` as platform message ``message_id``; wait for replies."""

    @abstractmethod
    async def push(self, message: OutgoingMessage) -> None:
        """Send ``message`` to :attr:`member` unprompted, as the scheduler would."""

    @abstractmethod
    def pieces(self) -> list[str]:
        """Every piece the member has received so far, in order, as the platform shows it."""

    def plain(self, piece: str) -> str:
        """A piece with the platform's escaping undone, as the member reads it."""
        return piece


class ButtonDriver(Driver):
    """A channel whose messages carry buttons the member can press."""

    @abstractmethod
    async def press(self, action: str) -> None:
        """The member presses the button carrying ``action``; wait for replies."""


class MemoryDriver(ButtonDriver):
    """The in-process channel: method calls in, returned and pushed messages out."""

    name = "memory"
    member = Address("memory", "member-1")

    def __init__(self, bot: Bot) -> None:
        self.channel = MemoryChannel(bot)
        self._received: list[str] = []

    async def ask(self, question: str, *, message_id: int) -> None:
        # Its own counter numbers presses "1", "2"…: keep asked ids apart from those.
        asked_id = f"asked-{message_id}"
        replies = await self.channel.say(self.member.user, question, message_id=asked_id)
        self._received += [reply.text for reply in replies]

    async def press(self, action: str) -> None:
        replies = await self.channel.press(self.member.user, Button("", action))
        self._received += [reply.text for reply in replies]

    async def push(self, message: OutgoingMessage) -> None:
        await self.channel.push(self.member, message)
        self._received += [pushed.text for _, pushed in self.channel.pushed[-1:]]

    def pieces(self) -> list[str]:
        return list(self._received)


class ServedDriver(Driver):
    """A channel mounted by ``build_server`` and reached over its real HTTP route."""

    def __init__(self, app: Starlette, client: httpx.AsyncClient) -> None:
        self.app = app
        self.client = client

    async def push(self, message: OutgoingMessage) -> None:
        await self.app.state.postman.push(self.member, message)

    async def settle(self) -> None:
        """Wait until every answer being sent in the background has gone out."""
        await self.app.state.tasks.drain()


class TelegramDriver(ServedDriver, ButtonDriver):
    """Webhook updates in; ``sendMessage`` calls recorded by the fake Bot API out."""

    name = "telegram"
    limit = telegram.MAX_TEXT
    member = Address("telegram", "7001", "7001")

    def __init__(self, app: Starlette, client: httpx.AsyncClient, sent: Callable[[], Any]) -> None:
        super().__init__(app, client)
        self._sent = sent
        self._press_ids = itertools.count(900_000)

    async def ask(self, question: str, *, message_id: int) -> None:
        update = payload("telegram", "private_text")
        update["update_id"] = 600_000 + message_id
        update["message"]["message_id"] = message_id
        update["message"]["text"] = question
        await self._post(update)

    async def press(self, action: str) -> None:
        update = payload("telegram", "callback_query")
        update["update_id"] = next(self._press_ids)
        update["callback_query"]["data"] = action
        await self._post(update)

    def pieces(self) -> list[str]:
        return [str(call["text"]) for call in self._sent()]

    def plain(self, piece: str) -> str:
        return html.unescape(piece)

    async def _post(self, update: dict[str, Any]) -> None:
        headers = {telegram.SECRET_HEADER: TELEGRAM_SECRET}
        response = await self.client.post(telegram.WEBHOOK_PATH, json=update, headers=headers)
        assert response.status_code == 200
        await self.settle()


class SlackDriver(ServedDriver, ButtonDriver):
    """Signed Events API requests in; ``chat.postMessage`` sections recorded by the fake out."""

    name = "slack"
    limit = slack.SECTION_LIMIT
    member = Address("slack", "U0MINSU", "D0MINSU")

    def __init__(
        self, app: Starlette, client: httpx.AsyncClient, posted: Callable[[], Any]
    ) -> None:
        super().__init__(app, client)
        self._posted = posted
        self._presses = itertools.count(1)

    async def ask(self, question: str, *, message_id: int) -> None:
        body = payload("slack", "app_mention")
        body["event_id"] = f"Ev{message_id:06d}"
        body["event"]["text"] = f"<@UBOT0001> {question}"
        body["event"]["ts"] = body["event"]["event_ts"] = f"1764061200.{message_id:06d}"
        await self._post(json.dumps(body).encode(), "application/json")

    async def press(self, action: str) -> None:
        body = payload("slack", "block_action")
        body["actions"][0]["value"] = action
        body["actions"][0]["action_ts"] = f"1764061300.{next(self._presses):06d}"
        form = httpx.QueryParams({"payload": json.dumps(body)})
        await self._post(str(form).encode(), "application/x-www-form-urlencoded")

    def pieces(self) -> list[str]:
        return [
            str(block["text"]["text"])
            for post in self._posted()
            for block in post["blocks"]
            if block["type"] == "section"
        ]

    def plain(self, piece: str) -> str:
        return piece.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

    async def _post(self, body: bytes, content_type: str) -> None:
        timestamp = str(int(datetime.now(UTC).timestamp()))
        verifier = SignatureVerifier(SIGNING_SECRET)
        signature = str(verifier.generate_signature(timestamp=timestamp, body=body))
        headers = {
            "content-type": content_type,
            "x-slack-request-timestamp": timestamp,
            "x-slack-signature": signature,
        }
        response = await self.client.post(slack.EVENTS_PATH, content=body, headers=headers)
        assert response.status_code == 200
        await self.settle()


class KakaoSkillDriver(ServedDriver, ButtonDriver):
    """Open Builder skill requests in; the bubbles of each SkillResponse out."""

    name = "kakao_skill"
    limit = kakao_response.MAX_TEXT_CHARS
    cut_notice = kakao_response.CUT_NOTICE
    # Skill requests carry no id and Kakao documents no retries: each request is a new message.
    redelivers = False
    # KakaoTalk 1:1 chat cannot be written to unprompted without Kakao's paid Event API.
    pushes = False
    member = Address("kakao", "8f1c2e5a9b7d4c3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f")

    def __init__(self, app: Starlette, client: httpx.AsyncClient) -> None:
        super().__init__(app, client)
        self._received: list[str] = []

    async def ask(self, question: str, *, message_id: int) -> None:
        body = payload("kakao", "text_message")
        body["userRequest"]["utterance"] = question
        await self._post(body)

    async def press(self, action: str) -> None:
        body = payload("kakao", "quick_reply")
        body["action"]["clientExtra"] = {"action": action}
        await self._post(body)

    def pieces(self) -> list[str]:
        return list(self._received)

    async def _post(self, body: dict[str, Any]) -> None:
        headers = {kakao_skill.SECRET_HEADER: SKILL_SECRET}
        response = await self.client.post("/kakao/skill", json=body, headers=headers)
        assert response.status_code == 200
        outputs = response.json()["template"]["outputs"]
        self._received += [str(output["simpleText"]["text"]) for output in outputs]


class KakaoBridgeDriver(ServedDriver):
    """Signed room messages in; the replies in the response and the bridge's sends out.

    KakaoTalk rooms show no buttons, so this channel has no button press to drive.
    """

    name = "kakao_bridge"
    limit = kakao_bridge.MAX_MESSAGE_CHARS
    member = Address("kakao_bridge", "7345000011112222", "18398876543210987", is_group=True)

    def __init__(
        self, app: Starlette, client: httpx.AsyncClient, sends: Callable[[], list[str]]
    ) -> None:
        super().__init__(app, client)
        self._replies: list[str] = []
        self._sends = sends

    async def ask(self, question: str, *, message_id: int) -> None:
        body = payload("kakao_bridge", "message")
        body["message_id"] = str(message_id)
        body["text"] = f"{kakao_bridge.BOT_MENTION} {question}"
        raw = json.dumps(body, ensure_ascii=False).encode()
        headers = kakao_bridge.signed_headers(BRIDGE_SECRET, raw, datetime.now(UTC))
        response = await self.client.post("/kakao/bridge", content=raw, headers=headers)
        assert response.status_code == 200
        self._replies += [str(reply["text"]) for reply in response.json()["replies"]]

    def pieces(self) -> list[str]:
        return [*self._replies, *self._sends()]


@asynccontextmanager
async def _served(
    bot: Bot, module: str, **settings: Any
) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    app = build_server(bot, ChannelSettings(**settings), channels=(f"handlers.{module}",))
    async with running(app) as client:
        yield app, client


@asynccontextmanager
async def _memory(bot: Bot) -> AsyncIterator[Driver]:
    yield MemoryDriver(bot)


@asynccontextmanager
async def _telegram(bot: Bot) -> AsyncIterator[Driver]:
    with fake_telegram() as api:
        served = _served(
            bot,
            "telegram",
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
            TELEGRAM_API_BASE_URL=api.base_url,
        )
        async with served as (app, client):
            yield TelegramDriver(app, client, api.sent)


@asynccontextmanager
async def _slack(bot: Bot) -> AsyncIterator[Driver]:
    with fake_slack() as api:
        served = _served(
            bot,
            "slack",
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_BASE_URL=api.base_url + "/api/",
        )
        async with served as (app, client):
            yield SlackDriver(app, client, api.posted)


@asynccontextmanager
async def _kakao_skill(bot: Bot) -> AsyncIterator[Driver]:
    async with _served(bot, "kakao_skill", KAKAO_SKILL_SECRET=SKILL_SECRET) as (app, client):
        yield KakaoSkillDriver(app, client)


@asynccontextmanager
async def _kakao_bridge(bot: Bot) -> AsyncIterator[Driver]:
    with serve_fake_kakao() as fake:

        def sends() -> list[str]:
            return [str(sent.json["data"]) for sent in fake.received if sent.path == "/reply"]

        served = _served(
            bot,
            "kakao_bridge",
            KAKAO_BRIDGE_SECRET=BRIDGE_SECRET,
            KAKAO_BRIDGE_SEND_URL=fake.send_url,
        )
        async with served as (app, client):
            yield KakaoBridgeDriver(app, client, sends)


DRIVERS: dict[str, Callable[[Bot], AbstractAsyncContextManager[Driver]]] = {
    "memory": _memory,
    "telegram": _telegram,
    "slack": _slack,
    "kakao_skill": _kakao_skill,
    "kakao_bridge": _kakao_bridge,
}
"""Every channel under the contract, by name: ``async with DRIVERS[name](bot) as driver``."""

DRIVER_TYPES: dict[str, type[Driver]] = {
    "memory": MemoryDriver,
    "telegram": TelegramDriver,
    "slack": SlackDriver,
    "kakao_skill": KakaoSkillDriver,
    "kakao_bridge": KakaoBridgeDriver,
}
"""The driver class of each channel, to pick the channels a capability applies to."""


def channels(where: Callable[[type[Driver]], bool] = lambda _: True) -> list[str]:
    """Names of the channels whose driver class satisfies ``where``."""
    return [name for name, kind in DRIVER_TYPES.items() if where(kind)]
