"""The Kakao skill endpoint over HTTP: recorded payloads in, the real core, a fake callback."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.middleware import Middleware

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import MemoryDirectory
from bot.lifecycle import Runner
from bot.messages import Address
from handlers.base import ARRIVED, Arrival, ChannelContext, ChannelOff
from handlers.kakao_response import TRY_AGAIN_TEXT
from handlers.kakao_skill import SECRET_HEADER, KakaoSkill, build
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.fakes.kakao_api import FakeKakao, serve_fake_kakao
from tests.handlers.conftest import running
from tests.scenarios.answerer import FEE_ANSWER, UNKNOWN_ANSWER, FakeAnswerer

PAYLOADS = Path(__file__).resolve().parents[1] / "payloads" / "kakao"
SECRET = "skill-secret-for-tests"
BOT_USER_KEY = "8f1c2e5a9b7d4c3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f"


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def context(bot: Bot) -> ChannelContext:
    settings = ChannelSettings(kakao_skill_secret=SecretStr(SECRET), max_body_bytes=16_384)
    return ChannelContext(runner=Runner(bot), settings=settings)


@pytest.fixture
def guarded(answerer: FakeAnswerer) -> KakaoSkill:
    """A skill in front of a core with no database: a request that gets through fails loudly."""
    bot = Bot(answerer=answerer, directory=MemoryDirectory(), log=None)  # type: ignore[arg-type]
    settings = ChannelSettings(kakao_skill_secret=SecretStr(SECRET), max_body_bytes=16_384)
    return build(ChannelContext(runner=Runner(bot), settings=settings))


@pytest.fixture
def fake() -> Iterator[FakeKakao]:
    with serve_fake_kakao() as state:
        yield state


@pytest.fixture
async def skill(context: ChannelContext) -> AsyncIterator[KakaoSkill]:
    adapter = build(context)
    await adapter.start()
    yield adapter
    await adapter.stop()


@pytest.fixture
async def slow_skill(context: ChannelContext, answerer: FakeAnswerer) -> AsyncIterator[KakaoSkill]:
    """A skill whose answers wait for ``answerer.gate``: every answer misses the budget,
    however long recording the question takes on a busy machine."""
    adapter = KakaoSkill(context, secret=SECRET, answer_budget_s=0.05)
    answerer.gate = threading.Event()
    await adapter.start()
    yield adapter
    answerer.gate.set()
    await adapter.stop()


async def post_skill(
    adapter: KakaoSkill, body: Any, headers: dict[str, str] | None = None
) -> httpx.Response:
    sent = {SECRET_HEADER: SECRET} if headers is None else headers
    app = Starlette(routes=adapter.routes())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gyoryu") as client:
        if isinstance(body, bytes):
            return await client.post("/kakao/skill", content=body, headers=sent)
        return await client.post("/kakao/skill", json=body, headers=sent)


def bubbles(response: dict[str, Any]) -> list[str]:
    return [o["simpleText"]["text"] for o in response["template"]["outputs"]]


def labels(response: dict[str, Any]) -> list[str]:
    return [r["label"] for r in response["template"].get("quickReplies", [])]


async def test_a_member_asks_and_gets_the_answer_in_the_response(skill: KakaoSkill) -> None:
    response = await post_skill(skill, payload("text_message"))

    assert response.status_code == 200
    answer = response.json()
    assert answer["version"] == "2.0"
    (text,) = bubbles(answer)
    assert text.startswith(FEE_ANSWER.text)
    assert "[1] 한빛연합회 정관 · 제8조(회비)" in text
    assert labels(answer) == [texts.CH_BUTTON_HELPFUL, texts.CH_BUTTON_UNHELPFUL]


async def test_pressing_a_quick_reply_sends_its_action_back(
    skill: KakaoSkill, log: ConversationLog
) -> None:
    await post_skill(skill, payload("text_message"))

    response = await post_skill(skill, payload("quick_reply"))

    assert bubbles(response.json()) == [texts.CH_FEEDBACK_HELPFUL]
    assert log.last_answer(Address("kakao", BOT_USER_KEY)) is not None


async def test_unknown_fields_and_numeric_ids_are_tolerated(
    skill: KakaoSkill, answerer: FakeAnswerer
) -> None:
    response = await post_skill(skill, payload("minimal"))

    assert response.status_code == 200
    assert bubbles(response.json())[0].startswith(UNKNOWN_ANSWER.text)
    assert labels(response.json()) == [texts.CH_BUTTON_EXPERT]
    assert answerer.asked[0][0] == "정례회는 언제 열려요?"


async def test_a_group_chatbot_room_is_answered_as_a_group(
    skill: KakaoSkill, answerer: FakeAnswerer
) -> None:
    response = await post_skill(skill, payload("group_chat"))

    assert bubbles(response.json())[0].startswith(FEE_ANSWER.text)
    assert labels(response.json()) == [], "the group chatbot does not allow quick replies"
    assert answerer.asked[0][1] == frozenset({"public"}), "a room sees public documents only"


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "guess"}, {SECRET_HEADER: ""}])
async def test_requests_without_the_secret_are_refused_without_detail(
    guarded: KakaoSkill, answerer: FakeAnswerer, headers: dict[str, str]
) -> None:
    response = await post_skill(guarded, payload("text_message"), headers)

    assert response.status_code == 401
    assert response.content == b""
    assert answerer.asked == []


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"userRequest": ', "application/json", 400),
        (b'{"userRequest": {"utterance": "hi"}}', "application/json", 400),
        (b"[1, 2, 3]", "application/json", 400),
        (b"utterance=hi", "application/x-www-form-urlencoded", 415),
        (b'{"pad": "' + b"x" * 20_000 + b'"}', "application/json", 413),
    ],
)
async def test_bad_bodies_get_a_clean_4xx(
    guarded: KakaoSkill, answerer: FakeAnswerer, body: bytes, content_type: str, status: int
) -> None:
    headers = {SECRET_HEADER: SECRET, "Content-Type": content_type}

    response = await post_skill(guarded, body, headers)

    assert response.status_code == status
    assert answerer.asked == []


async def test_a_20000_character_message_gets_a_polite_reply(skill: KakaoSkill) -> None:
    body = payload("text_message")
    body["userRequest"]["utterance"] = "가" * 20_000
    skill._limit = 200_000  # the body limit is not what this test is about

    response = await post_skill(skill, body)

    assert response.status_code == 200
    assert bubbles(response.json()) == [texts.CH_TOO_LONG.format(limit=2000)]


async def test_a_failing_answerer_still_gets_a_polite_answer(
    skill: KakaoSkill, answerer: FakeAnswerer
) -> None:
    answerer.fail = True

    response = await post_skill(skill, payload("text_message"))

    assert response.status_code == 200
    assert bubbles(response.json()) == [texts.CH_FAILED]


async def test_a_slow_answer_goes_to_the_callback_url_exactly_once(
    slow_skill: KakaoSkill, answerer: FakeAnswerer, fake: FakeKakao, log: ConversationLog
) -> None:
    body = payload("callback")
    body["userRequest"]["callbackUrl"] = fake.callback_url()

    response = await post_skill(slow_skill, body)
    # The answer starts only once the question is recorded (it may start after the response:
    # the budget covers recording too); it is held there, so nothing is settled yet.
    assert await asyncio.to_thread(answerer.answering.wait, 30)
    recorded_before_answer = [m.text for m in log.unsettled()]
    assert answerer.gate is not None
    answerer.gate.set()
    await slow_skill.stop()

    assert response.json() == {
        "version": "2.0",
        "useCallback": True,
        "data": {"text": response.json()["data"]["text"]},
    }
    assert recorded_before_answer == ["연회비 납부 기한이 언제인가요?"]
    (posted,) = fake.received
    assert posted.path == "/callback/one-time-token"
    assert posted.json["version"] == "2.0"
    assert bubbles(posted.json)[0].startswith(FEE_ANSWER.text)
    assert log.unsettled() == []


async def test_an_answer_past_the_callback_window_is_replaced_by_a_polite_note(
    context: ChannelContext, answerer: FakeAnswerer, fake: FakeKakao
) -> None:
    skill = KakaoSkill(context, secret=SECRET, answer_budget_s=0.01, callback_window_s=0.05)
    await skill.start()
    answerer.gate = threading.Event()
    body = payload("callback")
    body["userRequest"]["callbackUrl"] = fake.callback_url()

    await post_skill(skill, body)
    await asyncio.to_thread(fake.arrived.wait, 5)
    answerer.gate.set()
    await skill.stop()

    (posted,) = fake.received
    assert bubbles(posted.json) == [TRY_AGAIN_TEXT]
    assert len(answerer.asked) == 1, "the late answer still completes, so it is saved"


async def test_without_a_callback_url_the_member_is_asked_to_come_back(
    slow_skill: KakaoSkill, answerer: FakeAnswerer, log: ConversationLog
) -> None:
    response = await post_skill(slow_skill, payload("text_message"))
    assert answerer.gate is not None
    answerer.gate.set()
    await slow_skill.stop()

    assert bubbles(response.json()) == [TRY_AGAIN_TEXT]
    assert log.unsettled() == [], "the question is settled (as not delivered), not left hanging"


async def test_a_failed_callback_is_logged_without_the_one_time_url(
    slow_skill: KakaoSkill,
    answerer: FakeAnswerer,
    fake: FakeKakao,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake.status = 500
    body = payload("callback")
    body["userRequest"]["callbackUrl"] = fake.callback_url("secret-token-xyz")

    with caplog.at_level(logging.WARNING):
        await post_skill(slow_skill, body)
        assert answerer.gate is not None
        answerer.gate.set()
        await slow_skill.stop()

    assert len(fake.received) == 1, "a callback URL is used once, never retried"
    assert "500" in caplog.text
    assert "secret-token-xyz" not in caplog.text


async def test_the_skill_is_off_without_its_secret(context: ChannelContext) -> None:
    off = ChannelContext(runner=context.runner, settings=ChannelSettings())

    with pytest.raises(ChannelOff, match="KAKAO_SKILL_SECRET"):
        build(off)


async def test_gyoryu_serve_mounts_both_kakao_channels(bot: Bot) -> None:
    settings = ChannelSettings(
        kakao_skill_secret=SecretStr(SECRET), kakao_bridge_secret=SecretStr("bridge")
    )
    app = build_server(bot, settings)

    async with running(app) as client:
        ready = await client.get("/readyz")
        answer = await client.post(
            "/kakao/skill", json=payload("text_message"), headers={SECRET_HEADER: SECRET}
        )
        unsigned = await client.post("/kakao/bridge", json={"text": "hi"})

    assert set(ready.json()["channels"]) == {"kakao", "kakao_bridge"}
    assert bubbles(answer.json())[0].startswith(FEE_ANSWER.text)
    assert unsigned.status_code == 401
    assert "kakao_bridge: 켜짐 (bridge /kakao/bridge, replies only:" in "\n".join(app.state.report)


class UnreachableDirectory:
    """A directory whose database is down."""

    def identify(self, address: Address) -> None:
        raise ConnectionError("database is down")


async def test_a_question_that_cannot_be_recorded_gets_an_apology_not_a_500(
    answerer: FakeAnswerer, log: ConversationLog
) -> None:
    bot = Bot(answerer=answerer, directory=UnreachableDirectory(), log=log)  # type: ignore[arg-type]
    settings = ChannelSettings(kakao_skill_secret=SecretStr(SECRET))
    skill = build(ChannelContext(runner=Runner(bot), settings=settings))

    response = await post_skill(skill, payload("text_message"))

    assert response.status_code == 200
    assert bubbles(response.json()) == [texts.CH_FAILED]


class SlowLog(ConversationLog):
    """A conversation log whose recording waits for ``hold`` (a database under load)."""

    def __init__(self, sessions: Any) -> None:
        super().__init__(sessions)
        self.hold = threading.Event()
        self.recorded = 0

    def record(self, message: Any, **options: Any) -> Any:
        self.hold.wait(30)
        recorded = super().record(message, **options)
        self.recorded += 1
        return recorded


def queued_for(seconds: float, app: Starlette) -> Any:
    """``app`` behind a server that stamps arrival ``seconds`` before handing the request on."""

    async def server(scope: Any, receive: Any, send: Any) -> None:
        scope[ARRIVED] = asyncio.get_running_loop().time() - seconds
        await app(scope, receive, send)

    return server


async def post_to(app: Any, body: Any) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gyoryu") as client:
        return await client.post("/kakao/skill", json=body, headers={SECRET_HEADER: SECRET})


async def test_time_queued_before_the_handler_counts_against_the_budget(
    context: ChannelContext, fake: FakeKakao
) -> None:
    skill = KakaoSkill(context, secret=SECRET, answer_budget_s=30)
    await skill.start()
    body = payload("callback")
    body["userRequest"]["callbackUrl"] = fake.callback_url()
    app = Starlette(routes=skill.routes(), middleware=[Middleware(Arrival)])

    # The request waited longer than the whole budget before the app ran: however fast the
    # answer, the response only promises it, and the callback brings it.
    response = await post_to(queued_for(31, app), body)
    await skill.stop()

    assert response.json()["useCallback"] is True
    (posted,) = fake.received
    assert bubbles(posted.json)[0].startswith(FEE_ANSWER.text)


async def test_a_slow_database_write_counts_against_the_budget(
    bot: Bot, sessions: Any, fake: FakeKakao
) -> None:
    slow = SlowLog(sessions)
    slow_bot = Bot(answerer=FakeAnswerer(), directory=MemoryDirectory(), log=slow)
    settings = ChannelSettings(kakao_skill_secret=SecretStr(SECRET), max_body_bytes=16_384)
    skill = KakaoSkill(
        ChannelContext(runner=Runner(slow_bot), settings=settings),
        secret=SECRET,
        answer_budget_s=0.2,
    )
    await skill.start()
    body = payload("callback")
    body["userRequest"]["callbackUrl"] = fake.callback_url()

    response = await post_to(Starlette(routes=skill.routes()), body)
    recorded_before_response = slow.recorded
    slow.hold.set()  # the database answers only once Kakao has had its response
    await skill.stop()

    assert response.json()["useCallback"] is True
    assert recorded_before_response == 0  # the budget held while recording still waited
    (posted,) = fake.received
    assert bubbles(posted.json)[0].startswith(FEE_ANSWER.text)
    assert slow.unsettled() == []
