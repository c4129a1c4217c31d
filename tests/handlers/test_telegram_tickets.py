"""전문가 상담 through Telegram: the member's /전문가 in a DM, the advisor's DM with its buttons,
답변하기 then the answer, and the signed answer pushed to the member, all through PTB against the
fake Bot API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation import advisors, groups, members
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.storage.identity_models import ChatIdentity
from handlers import telegram
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram
from tests.handlers.conftest import NOW, running, settle
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


def text_from(user: int, text: str, number: int) -> dict[str, Any]:
    update = payload("private_text")
    update["update_id"] = 600000 + number
    update["message"] = {
        **update["message"],
        "message_id": number,
        "chat": {"id": user, "type": "private"},
        "from": {"id": user, "is_bot": False, "first_name": "회원"},
        "text": text,
    }
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


async def test_a_ticket_round_trip_through_telegram(
    sessions: sessionmaker[Session], log: ConversationLog, api: FakeTelegram
) -> None:
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        asker = members.add_member(session, federation=federation, name="박대표", actor="t")
        members.join_group(session, member=asker, group=group, actor="t")
        expert = advisors.add_advisor(
            session,
            federation=federation,
            name="김세무",
            fields=["세무"],
            title="세무사",
            actor="t",
        )
        for user, member_id in ((MEMBER, asker.id), (ADVISOR, expert.member_id)):
            session.add(
                ChatIdentity(
                    platform="telegram",
                    platform_user_id=str(user),
                    member_id=member_id,
                    status="verified",
                )
            )
    bot = Bot(answerer=FakeAnswerer(), directory=SqlDirectory(sessions), log=log, clock=lambda: NOW)
    config = ChannelSettings(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET=SECRET, TELEGRAM_API_BASE_URL=api.base_url
    )
    app = build_server(bot, config, channels=("handlers.telegram",))
    headers = {telegram.SECRET_HEADER: SECRET}

    async with running(app) as client:
        dispatcher = Dispatcher(sessions, app.state.postman, MessageComposer())

        async def send(update: dict[str, Any]) -> dict[str, Any]:
            response = await client.post(telegram.WEBHOOK_PATH, json=update, headers=headers)
            assert response.status_code == 200
            await settle(app)
            return api.sent()[-1]

        receipt = await send(text_from(MEMBER, "/전문가 법인세 중간예납은 언제 하나요?", 1))
        await dispatcher.tick(NOW)
        dm = api.sent()[-1]
        prompt = await send(press_from(ADVISOR, "tk:ans:1", 2))
        done = await send(text_from(ADVISOR, "8월 31일까지 신고하시면 돼요.", 3))
        await dispatcher.tick(NOW)
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
