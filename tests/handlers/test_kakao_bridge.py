"""The KakaoTalk group-room bridge over HTTP: signed messages in, replies out, Iris shapes too."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from bot.conversation import ConversationLog
from bot.core import Bot
from bot.delivery import UndeliverableError
from bot.directory import MemoryDirectory
from bot.lifecycle import Runner
from bot.messages import Address, Link, OutgoingMessage
from handlers.base import ChannelContext, ChannelOff
from handlers.kakao_bridge import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    KakaoBridge,
    build,
    render,
    sign,
    signed_headers,
)
from handlers.settings import ChannelSettings
from tests.fakes.kakao_api import FakeKakao, serve_fake_kakao
from tests.scenarios.answerer import FEE_ANSWER, FakeAnswerer

PAYLOADS = Path(__file__).resolve().parents[1] / "payloads" / "kakao_bridge"
SECRET = "bridge-secret-for-tests"
NOW = datetime(2026, 11, 24, 7, 20, tzinfo=UTC)
ROOM = "18398876543210987"


def payload(name: str) -> bytes:
    return (PAYLOADS / f"{name}.json").read_bytes()


@pytest.fixture
def context(bot: Bot, fake: FakeKakao) -> ChannelContext:
    settings = ChannelSettings(
        kakao_bridge_secret=SecretStr(SECRET),
        kakao_bridge_send_url=fake.send_url,
        max_body_bytes=16_384,
    )
    return ChannelContext(runner=Runner(bot), settings=settings)


@pytest.fixture
def guarded(answerer: FakeAnswerer) -> KakaoBridge:
    """A bridge in front of a core with no database: a request that gets through fails loudly."""
    bot = Bot(answerer=answerer, directory=MemoryDirectory(), log=None)  # type: ignore[arg-type]
    context = ChannelContext(runner=Runner(bot), settings=ChannelSettings(max_body_bytes=16_384))
    return KakaoBridge(context, secret=SECRET, clock=lambda: NOW)


@pytest.fixture
def fake() -> Iterator[FakeKakao]:
    with serve_fake_kakao() as state:
        yield state


@pytest.fixture
async def bridge(context: ChannelContext, fake: FakeKakao) -> AsyncIterator[KakaoBridge]:
    adapter = KakaoBridge(context, secret=SECRET, send_url=fake.send_url, clock=lambda: NOW)
    await adapter.start()
    yield adapter
    await adapter.stop()


async def post_bridge(
    adapter: KakaoBridge, body: bytes, headers: dict[str, str] | None = None
) -> httpx.Response:
    app = Starlette(routes=adapter.routes())
    sent = signed_headers(SECRET, body, NOW) if headers is None else headers
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gyoryu") as client:
        return await client.post("/kakao/bridge", content=body, headers=sent)


def assert_signed(headers: dict[str, str], body: bytes) -> None:
    assert headers[SIGNATURE_HEADER] == sign(SECRET, headers[TIMESTAMP_HEADER], body)


async def test_a_member_calls_the_bot_in_a_room_and_the_reply_comes_back(
    bridge: KakaoBridge, answerer: FakeAnswerer
) -> None:
    response = await post_bridge(bridge, payload("message"))

    assert response.status_code == 200
    (reply,) = response.json()["replies"]
    assert reply["text"].startswith(FEE_ANSWER.text)
    assert reply["text"].endswith("한빛연합회 정관 https://example.org/rules")
    assert answerer.asked == [("연회비는 얼마인가요?", frozenset({"public"}))]


async def test_the_same_message_posted_twice_is_answered_once(
    bridge: KakaoBridge, answerer: FakeAnswerer
) -> None:
    await post_bridge(bridge, payload("message"))

    again = await post_bridge(bridge, payload("message"))

    assert again.json() == {"replies": []}
    assert len(answerer.asked) == 1


async def test_room_chatter_is_not_answered(bridge: KakaoBridge, answerer: FakeAnswerer) -> None:
    response = await post_bridge(bridge, payload("unaddressed"))

    assert response.json() == {"replies": []}
    assert answerer.asked == []


async def test_an_iris_message_is_answered_through_the_send_endpoint(
    bridge: KakaoBridge, answerer: FakeAnswerer, fake: FakeKakao
) -> None:
    response = await post_bridge(bridge, payload("iris_message"))
    await bridge.stop()

    assert response.status_code == 200
    assert response.json() == {"replies": []}
    assert answerer.asked[0][0] == "연회비 납부 기한이 언제까지인가요?"
    (sent,) = fake.received
    assert sent.path == "/reply"
    assert sent.json["type"] == "text"
    assert sent.json["room"] == ROOM
    assert sent.json["data"].startswith(FEE_ANSWER.text)
    assert_signed(sent.headers, sent.body)


async def test_a_proactive_message_is_pushed_signed_to_the_room(
    bridge: KakaoBridge, fake: FakeKakao
) -> None:
    reminder = OutgoingMessage(
        text="내일 오후 7시 정례회가 있어요.", links=(Link("안내문", "https://example.org/m"),)
    )

    await bridge.push(Address("kakao_bridge", "7345000011112222", ROOM, is_group=True), reminder)

    (sent,) = fake.received
    assert sent.json == {
        "type": "text",
        "room": ROOM,
        "data": "내일 오후 7시 정례회가 있어요.\n\n안내문 https://example.org/m",
    }
    assert_signed(sent.headers, sent.body)


def forged(body: bytes) -> list[dict[str, str]]:
    good = signed_headers(SECRET, body, NOW)
    stale = signed_headers(SECRET, body, NOW - timedelta(minutes=6))
    future = signed_headers(SECRET, body, NOW + timedelta(minutes=6))
    wrong_key = signed_headers("not-the-secret", body, NOW)
    no_signature = {k: v for k, v in good.items() if k != SIGNATURE_HEADER}
    no_timestamp = {k: v for k, v in good.items() if k != TIMESTAMP_HEADER}
    other_time = {**good, TIMESTAMP_HEADER: str(int(NOW.timestamp()) - 1)}
    return [stale, future, wrong_key, no_signature, no_timestamp, other_time]


@pytest.mark.parametrize("case", range(6))
async def test_forged_or_replayed_messages_are_refused(
    guarded: KakaoBridge, answerer: FakeAnswerer, case: int
) -> None:
    body = payload("message")

    response = await post_bridge(guarded, body, forged(body)[case])

    assert response.status_code == 401
    assert response.content == b""
    assert answerer.asked == []


async def test_a_tampered_body_is_refused(guarded: KakaoBridge, answerer: FakeAnswerer) -> None:
    headers = signed_headers(SECRET, payload("message"), NOW)
    tampered = payload("message").replace("연회비는".encode(), "회원 명부는".encode())

    response = await post_bridge(guarded, tampered, headers)

    assert response.status_code == 401
    assert answerer.asked == []


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"message_id": ', "application/json", 400),
        (b'{"text": "no ids"}', "application/json", 400),
        (b"text=hi", "text/plain", 415),
        (b'{"pad": "' + b"x" * 20_000 + b'"}', "application/json", 413),
    ],
)
async def test_bad_bodies_get_a_clean_4xx(
    guarded: KakaoBridge, answerer: FakeAnswerer, body: bytes, content_type: str, status: int
) -> None:
    headers = {**signed_headers(SECRET, body, NOW), "Content-Type": content_type}

    response = await post_bridge(guarded, body, headers)

    assert response.status_code == status
    assert answerer.asked == []


async def test_a_bridge_that_fails_to_send_does_not_break_the_request(
    bridge: KakaoBridge, fake: FakeKakao, caplog: pytest.LogCaptureFixture
) -> None:
    fake.status = 503

    response = await post_bridge(bridge, payload("iris_message"))
    await bridge.stop()

    assert response.status_code == 200
    assert len(fake.received) == 1
    assert "kakao_bridge" in caplog.text


async def test_sends_to_one_room_are_rate_limited(context: ChannelContext, fake: FakeKakao) -> None:
    bridge = KakaoBridge(context, secret=SECRET, send_url=fake.send_url, room_rate=(1, 60))
    await bridge.start()
    hello = OutgoingMessage(text="안녕하세요")

    await bridge.push(Address("kakao_bridge", "u", "room-a", is_group=True), hello)
    second = asyncio.create_task(
        bridge.push(Address("kakao_bridge", "u", "room-a", is_group=True), hello)
    )
    await bridge.push(Address("kakao_bridge", "u", "room-b", is_group=True), hello)
    held = not second.done()
    second.cancel()
    await bridge.stop()

    assert held, "the second message to room-a waits for the room's rate"
    assert [json.loads(r.body)["room"] for r in fake.received] == ["room-a", "room-b"]


def test_the_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    import hashlib
    import hmac

    body = b'{"text":"hi"}'
    expected = hmac.new(b"k", b"1795500000." + body, hashlib.sha256).hexdigest()

    assert sign("k", "1795500000", body) == f"sha256={expected}"


async def test_without_a_send_url_pushes_are_undeliverable(context: ChannelContext) -> None:
    bridge = KakaoBridge(context, secret=SECRET)
    await bridge.start()

    with pytest.raises(UndeliverableError):
        await bridge.push(Address("kakao_bridge", "u", ROOM, is_group=True), OutgoingMessage("hi"))
    await bridge.stop()


def test_the_bridge_is_off_without_its_secret(context: ChannelContext) -> None:
    with pytest.raises(ChannelOff, match="KAKAO_BRIDGE_SECRET"):
        build(ChannelContext(runner=context.runner, settings=ChannelSettings()))
    assert "KAKAO_BRIDGE_SEND_URL" in build(context).mode


class UnreachableDirectory:
    """A directory whose database is down."""

    def identify(self, address: Address) -> None:
        raise ConnectionError("database is down")


async def test_a_message_that_cannot_be_recorded_is_not_acknowledged(
    answerer: FakeAnswerer, log: ConversationLog
) -> None:
    bot = Bot(answerer=answerer, directory=UnreachableDirectory(), log=log)  # type: ignore[arg-type]
    context = ChannelContext(runner=Runner(bot), settings=ChannelSettings())
    bridge = KakaoBridge(context, secret=SECRET, clock=lambda: NOW)

    response = await post_bridge(bridge, payload("message"))

    assert response.status_code == 503
    assert response.content == b""


def test_a_long_reply_goes_out_as_several_kakaotalk_messages() -> None:
    long = OutgoingMessage("정례회는 매월 둘째 주 화요일 오후 7시에 열려요. " * 120)

    pieces = render(long)

    assert len(pieces) == 2
    assert all(len(p) <= 2000 and p.endswith("열려요.") for p in pieces)


async def test_in_a_one_to_one_room_every_message_is_answered(
    bridge: KakaoBridge, answerer: FakeAnswerer
) -> None:
    body = json.loads(payload("unaddressed"))
    body.update(is_group=False, text="회비는 언제까지 내요?")

    response = await post_bridge(bridge, json.dumps(body).encode())

    assert response.json()["replies"][0]["text"].startswith(FEE_ANSWER.text)
