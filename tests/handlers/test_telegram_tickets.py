"""전문가 상담 through Telegram: the member's /전문가 in a DM, the advisor's DM with its buttons,
답변하기 then the answer, and the signed answer pushed to the member, all through PTB against the
fake Bot API."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from handlers import telegram
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram
from tests.handlers.conftest import NOW, running, settle
from tests.handlers.ticket_desk import seat
from tests.scenarios.answerer import FakeAnswerer

SECRET = "s3cret-webhook-token"
PAYLOADS = REPO_ROOT / "tests" / "payloads" / "telegram"
MEMBER, ADVISOR = 7001, 7101


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    with fake_telegram() as fake:
        yield fake


def payload(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8")))


def text_from(
    user: int, text: str, number: int, *, replying_to: dict[str, Any] | None = None
) -> dict[str, Any]:
    update = payload("private_text")
    update["update_id"] = 600000 + number
    update["message"] = {
        **update["message"],
        "message_id": number,
        "chat": {"id": user, "type": "private"},
        "from": {"id": user, "is_bot": False, "first_name": "회원"},
        "text": text,
    }
    if replying_to is not None:  # Telegram quotes the whole message replied to
        update["message"]["reply_to_message"] = replying_to
    return update


def press_from(user: int, action: str, number: int) -> dict[str, Any]:
    update = payload("callback_query")
    update["update_id"] = 600000 + number
    query = update["callback_query"]
    query["id"] = f"cbq-{number}"
    query["from"] = {"id": user, "is_bot": False, "first_name": "자문"}
    query["data"] = action
    query["message"] = {**query["message"], "chat": {"id": user, "type": "private"}}
    return update


def buttons(sent: dict[str, Any]) -> list[str]:
    return [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]


@dataclass
class Chat:
    """The running server: updates in through the webhook, scheduled sends out on request."""

    client: httpx.AsyncClient
    app: Starlette
    api: FakeTelegram
    dispatcher: Dispatcher

    async def send(self, update: dict[str, Any]) -> dict[str, Any]:
        """Post ``update`` to the webhook; the last ``sendMessage`` after it was handled."""
        headers = {telegram.SECRET_HEADER: SECRET}
        response = await self.client.post(telegram.WEBHOOK_PATH, json=update, headers=headers)
        assert response.status_code == 200
        await settle(self.app)
        return self.api.sent()[-1]

    async def deliver(self) -> None:
        """One round of the scheduler's queue."""
        await self.dispatcher.tick(NOW)


@asynccontextmanager
async def desk(
    sessions: sessionmaker[Session], log: ConversationLog, api: FakeTelegram
) -> AsyncIterator[Chat]:
    """박대표 (member) and 세무사 김세무 (advisor), both on Telegram, and the server for them."""
    seat(sessions, "telegram", member=str(MEMBER), advisor=str(ADVISOR))
    bot = Bot(answerer=FakeAnswerer(), directory=SqlDirectory(sessions), log=log, clock=lambda: NOW)
    config = ChannelSettings(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET=SECRET, TELEGRAM_API_BASE_URL=api.base_url
    )
    app = build_server(bot, config, channels=("handlers.telegram",))
    async with running(app) as client:
        yield Chat(client, app, api, Dispatcher(sessions, app.state.postman, MessageComposer()))


async def test_a_ticket_round_trip_through_telegram(
    sessions: sessionmaker[Session], log: ConversationLog, api: FakeTelegram
) -> None:
    async with desk(sessions, log, api) as chat:
        send = chat.send

        receipt = await send(text_from(MEMBER, "/전문가 법인세 중간예납은 언제 하나요?", 1))
        await chat.deliver()
        dm = api.sent()[-1]
        prompt = await send(press_from(ADVISOR, "tk:ans:1", 2))
        done = await send(text_from(ADVISOR, "8월 31일까지 신고하시면 돼요.", 3))
        await chat.deliver()
        answer = api.sent()[-1]

    assert receipt["chat_id"] == MEMBER
    assert "전문가 상담 #1로 접수했어요" in receipt["text"]
    assert dm["chat_id"] == ADVISOR
    assert "#1" in dm["text"]
    assert "법인세 중간예납은 언제 하나요?" in dm["text"]
    assert buttons(dm) == ["tk:ans:1", "tk:ask:1", "tk:pass:1"]
    assert prompt["text"] == texts.RT_TYPE_ANSWER
    assert done["text"] == texts.rt_answer_sent(1)
    assert int(answer["chat_id"]) == MEMBER
    assert "8월 31일까지 신고하시면 돼요." in answer["text"]
    assert "김세무 세무사" in answer["text"]
    assert buttons(answer) == ["tk:good:1", "tk:weak:1", "tk:more:1"]


async def test_the_advisor_answers_by_replying_to_the_dm_and_the_member_to_the_question(
    sessions: sessionmaker[Session], log: ConversationLog, api: FakeTelegram
) -> None:
    async with desk(sessions, log, api) as chat:
        send = chat.send

        await send(text_from(MEMBER, "/전문가 법인세 중간예납은 언제 하나요?", 1))
        await chat.deliver()
        dm = api.messages[-1]
        await send(text_from(ADVISOR, "/추가질문 1 사업연도가 1월부터인가요?", 2))
        await chat.deliver()
        question = api.messages[-1]
        replied = await send(text_from(MEMBER, "네, 1월부터예요.", 3, replying_to=question))
        await chat.deliver()
        relayed = api.sent()[-1]
        done = await send(text_from(ADVISOR, "8월 31일까지 신고하시면 돼요.", 4, replying_to=dm))
        await chat.deliver()
        answer = api.sent()[-1]
        again = await send(text_from(ADVISOR, "덧붙여 분납도 돼요.", 5, replying_to=dm))

    assert dm["chat"]["id"] == ADVISOR
    assert "#1" in dm["text"]
    assert question["chat"]["id"] == MEMBER
    assert replied["text"] == texts.RT_REPLY_SENT
    assert int(relayed["chat_id"]) == ADVISOR
    assert "네, 1월부터예요." in relayed["text"]
    assert done["text"] == texts.rt_answer_sent(1)
    assert int(answer["chat_id"]) == MEMBER
    assert "8월 31일까지 신고하시면 돼요." in answer["text"]
    assert "김세무 세무사" in answer["text"]
    assert again["text"] == texts.rt_closed(1)  # answered: a second reply is not relayed
