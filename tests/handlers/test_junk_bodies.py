"""Every route answers junk with a clean 4xx, with and without valid credentials, never 500."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot.clock import utcnow
from bot.core import Bot
from handlers import kakao_bridge, kakao_skill, telegram
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.fakes.kakao_api import FakeKakao, serve_fake_kakao
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlack, fake_slack
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram

LIMIT = 200_000
TELEGRAM_SECRET = "junk-telegram-secret"
SKILL_SECRET = "junk-skill-secret"
BRIDGE_SECRET = "junk-bridge-secret"
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
DEEP = 60_000  # deeper than Python's recursion limit, well inside the body limit

JUNK = {
    "non-UTF-8 JSON": (b'{"text": "\xff\xfe\xfa"}', JSON),
    "non-UTF-8 form": (b"payload=\xff\xfe", FORM),
    "invalid JSON": (b'{"update_id": ', JSON),
    "invalid JSON in a form payload": (b"payload=%7B%22type%22%3A", FORM),
    "a form that is not one": (b"\x00\x01\x02", FORM),
    "JSON sent as form": (b'{"type": "event_callback"}', FORM),
    "wrong content type": (b'{"a": 1}', "text/plain"),
    "no content type": (b'{"a": 1}', ""),
    "empty": (b"", JSON),
    "empty form": (b"", FORM),
    "huge": (b"x" * (LIMIT + 1), JSON),
    "JSON array": (b"[1, 2, 3]", JSON),
    "JSON number": (b"42", JSON),
    "JSON null": (b"null", JSON),
    "JSON string": (b'"hello"', JSON),
    "deeply nested array": (b"[" * DEEP + b"]" * DEEP, JSON),
    "deeply nested object": (b'{"a":' * DEEP + b"1" + b"}" * DEEP, JSON),
    "form payload that is a JSON array": (b"payload=%5B1%5D", FORM),
}

ROUTES = (
    "/telegram/webhook",
    "/slack/events",
    "/kakao/skill",
    "/kakao/bridge",
    "/calendar/1.ics",
    "/events/1.ics",
    "/healthz",
    "/readyz",
)


@pytest.fixture(scope="module")
def platforms() -> Iterator[tuple[FakeTelegram, FakeSlack, FakeKakao]]:
    with fake_telegram() as tg, fake_slack() as sl, serve_fake_kakao() as kk:
        yield tg, sl, kk


@pytest.fixture
async def client(
    bot: Bot,
    sessions: sessionmaker[Session],
    platforms: tuple[FakeTelegram, FakeSlack, FakeKakao],
) -> AsyncIterator[httpx.AsyncClient]:
    tg, sl, kk = platforms
    config = ChannelSettings(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_WEBHOOK_SECRET=TELEGRAM_SECRET,
        TELEGRAM_API_BASE_URL=tg.base_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_BASE_URL=sl.base_url + "/api/",
        KAKAO_SKILL_SECRET=SKILL_SECRET,
        KAKAO_BRIDGE_SECRET=BRIDGE_SECRET,
        KAKAO_BRIDGE_SEND_URL=kk.send_url,
        GYORYU_CALENDAR_SECRET="junk-calendar",
        GYORYU_MAX_BODY_BYTES=LIMIT,
    )
    app: Starlette = build_server(bot, config, sessions=sessions)
    assert len(app.state.channels) == 4
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://gyoryu.test") as http:
            yield http


def slack_signed(body: bytes) -> dict[str, str]:
    """Slack's v0 signature over raw bytes (slack_sdk's helper wants text)."""
    timestamp = str(int(time.time()))
    base = b"v0:" + timestamp.encode() + b":" + body
    digest = hmac.new(SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {"x-slack-request-timestamp": timestamp, "x-slack-signature": f"v0={digest}"}


def credentials(route: str, body: bytes) -> dict[str, str]:
    """What a genuine platform would send beside this body (so checks past auth run too)."""
    if route == "/telegram/webhook":
        return {telegram.SECRET_HEADER: TELEGRAM_SECRET}
    if route == "/slack/events":
        return slack_signed(body)
    if route == "/kakao/skill":
        return {kakao_skill.SECRET_HEADER: SKILL_SECRET}
    if route == "/kakao/bridge":
        return kakao_bridge.signed_headers(BRIDGE_SECRET, body, utcnow())
    return {}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("authentic", [True, False], ids=["signed", "unsigned"])
async def test_junk_gets_a_clean_client_error(
    client: httpx.AsyncClient, route: str, authentic: bool
) -> None:
    answered: dict[str, int] = {}
    for junk, (body, content_type) in JUNK.items():
        headers = {"content-type": content_type} if content_type else {}
        if authentic:
            headers |= credentials(route, body)
        answered[junk] = (await client.post(route, content=body, headers=headers)).status_code

    assert {junk: status for junk, status in answered.items() if not 400 <= status < 500} == {}
