"""Networking through Telegram: ``/찾기`` from a webhook, the introduction button pressed back.

The real Telegram adapter (python-telegram-bot) talks to the fake Bot API; the sample
federation's 최준호 is linked to Telegram user 7001.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation.sample import load_sample_federation
from bot.storage.federation_models import Member
from bot.storage.identity_models import ChatIdentity
from handlers import telegram
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.telegram_api import TOKEN, fake_telegram
from tests.handlers.conftest import NOW, running, settle
from tests.scenarios.answerer import FakeAnswerer

SECRET = "s3cret-webhook-token"
PAYLOADS = REPO_ROOT / "tests" / "payloads" / "telegram"


def payload(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8")))


async def post(client: httpx.AsyncClient, update: dict[str, Any]) -> None:
    headers = {telegram.SECRET_HEADER: SECRET}
    response = await client.post(telegram.WEBHOOK_PATH, json=update, headers=headers)
    assert response.status_code == 200


async def test_finding_a_partner_and_pressing_its_introduction_button(
    sessions: sessionmaker[Session], log: ConversationLog
) -> None:
    load_sample_federation(sessions)
    with sessions.begin() as session:
        choi = session.scalars(select(Member).where(Member.name == "최준호")).one()
        session.add(
            ChatIdentity(
                platform="telegram", platform_user_id="7001", member_id=choi.id, status="verified"
            )
        )
    bot = Bot(answerer=FakeAnswerer(), directory=SqlDirectory(sessions), log=log, clock=lambda: NOW)
    find = payload("private_text")
    find["message"]["text"] = "/찾기 BLDC 모터"
    with fake_telegram() as api:
        config = ChannelSettings(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_WEBHOOK_SECRET=SECRET,
            TELEGRAM_API_BASE_URL=api.base_url,
        )
        app = build_server(bot, config, channels=("handlers.telegram",))
        async with running(app) as client:
            await post(client, find)
            await settle(app)
            [found] = api.sent()
            keyboard = found["reply_markup"]["inline_keyboard"]
            [ask] = [b for row in keyboard for b in row if "드림모터" in b["text"]]
            press = payload("callback_query")
            press["callback_query"]["data"] = ask["callback_data"]
            await post(client, press)
            await settle(app)

    assert "(주)드림모터 (전동기 및 발전기 제조업 · 미래교류회)" in found["text"]
    assert "010-" not in found["text"]
    assert ask["callback_data"].startswith("net:ask:")
    assert api.sent()[-1]["text"] == texts.NET_WHY_ASK
