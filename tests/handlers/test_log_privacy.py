"""No log line holds a secret, a member's number or words, or a whole request body.

Real flows run against the fake platforms with every log record captured from DEBUG up: a
Telegram answer sent through PTB and httpx, a question the database fails to record, and a
refused Slack request with a large body.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from bot.core import Bot
from handlers import kakao_skill, log_privacy, slack, telegram
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram
from tests.handlers.conftest import running, settle

PAYLOADS = REPO_ROOT / "tests" / "payloads"
WEBHOOK_SECRET = "telegram-webhook-secret-for-logs"
SKILL_SECRET = "kakao-skill-secret-for-logs"
PHONE, BUSINESS_NUMBER, EMAIL = "010-2345-6789", "214-86-12345", "minsu.kim@hanbit-tech.co.kr"
WORDS = "우리회사 매출이 급감해서 대출 상담이 필요합니다"
SECRETS = (TOKEN, WEBHOOK_SECRET, SKILL_SECRET, BOT_TOKEN, SIGNING_SECRET)
PERSONAL = (PHONE, BUSINESS_NUMBER, EMAIL, WORDS)


def payload(folder: str, name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / folder / f"{name}.json").read_text(encoding="utf-8")))


class Everything(logging.Handler):
    """Keeps every record, formatted as a file handler would write it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def captured() -> Iterator[Everything]:
    root = logging.getLogger()
    handler, level = Everything(), root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    with fake_telegram() as fake:
        yield fake


def said(personal: str) -> str:
    return f"{WORDS}. 연락처 {PHONE}, 사업자번호 {BUSINESS_NUMBER}, {EMAIL} {personal}"


async def test_real_flows_log_no_secret_number_or_message_text(
    bot: Bot, api: FakeTelegram, sessions: sessionmaker[Session], captured: Everything
) -> None:
    config = ChannelSettings(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET,
        TELEGRAM_API_BASE_URL=api.base_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_BASE_URL="http://127.0.0.1:9/api/",
        KAKAO_SKILL_SECRET=SKILL_SECRET,
    )
    app = build_server(
        bot, config, channels=("handlers.telegram", "handlers.slack", "handlers.kakao_skill")
    )
    async with running(app) as client:
        # 1. A Telegram question answered through PTB and httpx (the token is in every URL).
        update = payload("telegram", "private_text")
        update["message"]["text"] = said("텔레그램")
        headers = {telegram.SECRET_HEADER: WEBHOOK_SECRET}
        assert (await client.post(telegram.WEBHOOK_PATH, json=update, headers=headers)).is_success
        await settle(app)
        assert api.sent()

        # 2. The database fails while recording a Kakao question (SQL parameters hold its text).
        with sessions.kw["bind"].begin() as connection:
            connection.execute(text("ALTER TABLE inbound_messages RENAME TO inbound_elsewhere"))
        request = payload("kakao", "text_message")
        request["userRequest"]["utterance"] = said("카카오")
        reply = await client.post(
            "/kakao/skill", json=request, headers={kakao_skill.SECRET_HEADER: SKILL_SECRET}
        )
        assert reply.status_code == 200

        # 3. A Slack request with a forged signature and a large body.
        event = payload("slack", "app_mention")
        event["event"]["text"] = said("슬랙") + " 패딩" * 20_000
        forged = {
            "content-type": "application/json",
            "x-slack-request-timestamp": "1764061200",
            "x-slack-signature": "v0=" + "0" * 64,
        }
        refused = await client.post(slack.EVENTS_PATH, content=json.dumps(event), headers=forged)
        assert refused.status_code == 401

    logged = "\n".join(captured.lines)
    assert "could not be recorded" in logged  # the database error was logged…
    assert "refused a request with a bad or stale signature" in logged  # …and so was the refusal
    for secret in SECRETS:
        assert secret not in logged
    for personal in PERSONAL:
        assert personal not in logged
    for marker in ("텔레그램", "카카오", "패딩"):
        assert marker not in logged
    for line in logged.splitlines():
        assert len(line) <= 2 * log_privacy.MAX_MESSAGE_CHARS


def test_scrub_hides_token_shapes_and_personal_data() -> None:
    line = (
        "POST https://api.telegram.org/bot7012345678:AAHkq3-xYz_0123456789abcdefghijklmno/send "
        "xoxb-1234-5678-abcdefgh sk-proj-abcdefghijklmnop 연락처 +82 10-2345-6789 "
        "(02) 345-6789 900101-1234567 a@b.co"
    )

    cleaned = log_privacy.scrub(line)

    for leaked in ("7012345678:AAH", "xoxb-1234", "sk-proj", "2345-6789", "345-6789", "1234567"):
        assert leaked not in cleaned
    assert "a@b.co" not in cleaned
    assert cleaned.startswith("POST https://api.telegram.org/bot")
    assert len(log_privacy.scrub("가" * 10_000)) < log_privacy.MAX_MESSAGE_CHARS + 20
