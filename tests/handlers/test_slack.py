"""Slack end to end: signed Events API requests in, the fake Web API sees the posts."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette

from bot import texts
from bot.core import Bot
from handlers import slack
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlack, fake_slack
from tests.handlers.conftest import running, settle

PAYLOADS = REPO_ROOT / "tests" / "payloads" / "slack"


def payload(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8")))


def signed(body: bytes, *, secret: str = SIGNING_SECRET, age: int = 0) -> dict[str, str]:
    timestamp = str(int(time.time()) - age)
    signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
    return {"x-slack-request-timestamp": timestamp, "x-slack-signature": signature}


@pytest.fixture
def api() -> Iterator[FakeSlack]:
    with fake_slack() as fake:
        yield fake


@pytest.fixture
def app(bot: Bot, api: FakeSlack) -> Starlette:
    config = ChannelSettings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_BASE_URL=api.base_url + "/api/",
    )
    return build_server(bot, config, channels=("handlers.slack",))


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with running(app) as client:
        yield client


async def send_event(client: httpx.AsyncClient, event: dict[str, Any], **extra: str) -> int:
    body = json.dumps(event).encode()
    headers = {"content-type": "application/json", **signed(body), **extra}
    response = await client.post(slack.EVENTS_PATH, content=body, headers=headers)
    return response.status_code


async def test_a_mention_is_answered_in_its_thread_with_blocks(
    client: httpx.AsyncClient, app: Starlette, api: FakeSlack
) -> None:
    assert await send_event(client, payload("app_mention")) == 200
    await settle(app)

    [post] = api.posted()
    assert post["channel"] == "C0SECRETARIAT"
    assert post["thread_ts"] == "1764061200.000100"
    blocks = post["blocks"]
    assert blocks[0]["text"]["text"].startswith("연회비는 60만 원이고")
    assert blocks[1]["elements"][0]["text"] == "<https://example.org/rules|한빛연합회 정관>"
    assert [b["value"] for b in blocks[2]["elements"]] == ["fb+:1", "fb-:1"]


async def test_a_direct_message_is_answered_without_a_thread(
    client: httpx.AsyncClient, app: Starlette, api: FakeSlack
) -> None:
    assert await send_event(client, payload("direct_message")) == 200
    await settle(app)

    [post] = api.posted()
    assert post["channel"] == "D0MINSU"
    assert "thread_ts" not in post or post["thread_ts"] is None
    assert "/연결" in post["text"]


async def test_a_slack_retry_does_not_produce_a_second_answer(
    client: httpx.AsyncClient, app: Starlette, api: FakeSlack
) -> None:
    event = payload("app_mention")
    assert await send_event(client, event) == 200
    retry = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
    assert await send_event(client, event, **retry) == 200
    await settle(app)

    assert len(api.posted()) == 1


async def test_a_button_press_is_acknowledged_and_answered(
    client: httpx.AsyncClient, app: Starlette, api: FakeSlack
) -> None:
    await send_event(client, payload("app_mention"))
    await settle(app)
    body = urlencode({"payload": json.dumps(payload("block_action"))}).encode()
    headers = {"content-type": "application/x-www-form-urlencoded", **signed(body)}

    response = await client.post(slack.EVENTS_PATH, content=body, headers=headers)
    await settle(app)

    assert response.status_code == 200
    assert api.posted()[-1]["text"] == texts.CH_FEEDBACK_HELPFUL
    assert api.posted()[-1]["thread_ts"] == "1764061200.000100"


@pytest.mark.parametrize(
    ("secret", "age"), [("wrong-secret", 0), (SIGNING_SECRET, 10 * 60)], ids=["forged", "stale"]
)
async def test_forged_or_stale_requests_are_refused(
    client: httpx.AsyncClient, api: FakeSlack, secret: str, age: int
) -> None:
    body = json.dumps(payload("app_mention")).encode()
    headers = {"content-type": "application/json", **signed(body, secret=secret, age=age)}

    response = await client.post(slack.EVENTS_PATH, content=body, headers=headers)

    assert response.status_code == 401
    assert api.posted() == []


def test_text_is_escaped_for_mrkdwn() -> None:
    from bot.messages import OutgoingMessage

    rendered = slack.render(OutgoingMessage("<!channel> A&B"))

    assert rendered["text"] == "&lt;!channel&gt; A&amp;B"
