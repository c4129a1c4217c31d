"""Authenticated fuzzing: every route, every recorded payload shape, never a 5xx.

A seeded mutator (reproducible: the same requests on every run) turns each recorded payload in
``tests/payloads/`` into variants a genuine platform never sends: NUL bytes, lone surrogates,
values far longer than any column, numbers, lists and objects where text is expected, missing
fields, deep nesting. Each is signed as the platform would sign it, so the checks past
authentication run too. No variant may get a 5xx, and the server must still answer a genuine
question afterwards. On SQLite and (with TEST_DATABASE_URL) PostgreSQL, which rejects NUL bytes
and lone surrogates outright.
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot.clock import utcnow
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import MemoryDirectory
from bot.storage.db import make_engine, upgrade
from handlers import kakao_skill
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.bot.conftest import database_url  # noqa: F401  (the SQLite / PostgreSQL fixture)
from tests.conftest import REPO_ROOT
from tests.fakes.kakao_api import FakeKakao, serve_fake_kakao
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlack, fake_slack
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram
from tests.handlers.test_junk_bodies import (
    BRIDGE_SECRET,
    SKILL_SECRET,
    TELEGRAM_SECRET,
    credentials,
)
from tests.scenarios.answerer import FakeAnswerer

SEED = 20261125
VARIANTS_PER_PAYLOAD = 30
PAYLOADS = REPO_ROOT / "tests" / "payloads"
ROUTE_OF = {
    "telegram": "/telegram/webhook",
    "slack": "/slack/events",
    "kakao": "/kakao/skill",
    "kakao_bridge": "/kakao/bridge",
}
HOSTILE: tuple[Any, ...] = (
    "nul\x00byte",
    "\x00",
    "lone \ud800 surrogate",
    "\udfff",
    "가" * 5000,
    "x" * 70_000,
    "",
    " ",
    "\u202e\u200b\ufeff",
    "'; DROP TABLE inbound_messages; --",
    "/질문 \x00\ud83d",
    12345678901234567890123,
    -1,
    0,
    3.5,
    float("1e308"),
    True,
    None,
    [],
    ["a", 1],
    {},
    {"nested": {"deeper": ["x"]}},
)


def shapes() -> list[tuple[str, str, dict[str, Any]]]:
    """Every recorded payload: (route, file name, JSON object)."""
    found = []
    for folder, route in ROUTE_OF.items():
        for path in sorted((PAYLOADS / folder).glob("*.json")):
            found.append((route, path.stem, json.loads(path.read_text(encoding="utf-8"))))
    return found


DEEP = "__deep__"  # replaced in the encoded body by nesting too deep to build as an object


def deep_json(depth: int) -> str:
    return '{"d":' * depth + '"bottom"' + "}" * depth


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path in a JSON value (a path to each dict entry and list item)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*prefix, key)
            yield from paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield (*prefix, index)
            yield from paths(inner, (*prefix, index))


def mutate(payload: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One to three hostile changes at random places of a copy of ``payload``."""
    mutant = copy.deepcopy(payload)
    for _ in range(rng.randint(1, 3)):
        where = list(paths(mutant))
        if not where:
            break
        path = rng.choice(where)
        parent = mutant
        for step in path[:-1]:
            parent = parent[step]
        key = path[-1]
        roll = rng.random()
        if roll < 0.15 and isinstance(parent, dict):
            del parent[key]
        elif roll < 0.25:
            parent[key] = f"{DEEP}{rng.choice((40, 400, 5000))}"
        else:
            parent[key] = copy.deepcopy(rng.choice(HOSTILE))  # never the same list twice
    return mutant


def encode(route: str, payload: dict[str, Any]) -> tuple[bytes, str]:
    """The body and content type the platform would send (Slack's buttons come as a form)."""
    text = re.sub(rf'"{DEEP}(\d+)"', lambda m: deep_json(int(m.group(1))), json.dumps(payload))
    if route == "/slack/events" and payload.get("type") == "block_actions":
        return httpx.QueryParams({"payload": text}).__str__().encode(), (
            "application/x-www-form-urlencoded"
        )
    return text.encode(), "application/json"


@pytest.fixture
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:  # noqa: F811
    engine = make_engine(database_url)
    upgrade(engine)
    yield sessionmaker(engine, expire_on_commit=False)
    engine.dispose()


@pytest.fixture
def platforms() -> Iterator[tuple[FakeTelegram, FakeSlack, FakeKakao]]:
    with fake_telegram() as tg, fake_slack() as sl, serve_fake_kakao() as kk:
        yield tg, sl, kk


@pytest.fixture
async def served(
    sessions: sessionmaker[Session], platforms: tuple[FakeTelegram, FakeSlack, FakeKakao]
) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    tg, sl, kk = platforms
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=MemoryDirectory(),
        log=ConversationLog(sessions),
        clock=utcnow,
    )
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
    )
    app = build_server(bot, config, sessions=sessions)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://gyoryu.test") as http:
            yield app, http


async def test_no_mutated_signed_payload_gets_a_server_error(
    served: tuple[Starlette, httpx.AsyncClient],
) -> None:
    app, client = served
    rng = random.Random(SEED)
    failures: list[str] = []
    statuses: dict[int, int] = {}
    for route, name, payload in shapes():
        for number in range(VARIANTS_PER_PAYLOAD):
            body, content_type = encode(route, mutate(payload, rng))
            headers = {"content-type": content_type, **credentials(route, body)}
            status = (await client.post(route, content=body, headers=headers)).status_code
            statuses[status] = statuses.get(status, 0) + 1
            if status >= 500:
                failures.append(f"{name} #{number}: {status} {body[:300]!r}")
    await app.state.tasks.drain()

    assert failures == []
    # Many variants get past the checks into the core (a fuzz that is all 400s tests little).
    assert statuses.get(200, 0) > sum(statuses.values()) // 3, statuses
    # Still serving: a genuine question is answered.
    body = json.dumps(
        {"userRequest": {"utterance": "연회비는 얼마예요?", "user": {"id": "after-fuzz"}}}
    ).encode()
    headers = {"content-type": "application/json", kakao_skill.SECRET_HEADER: SKILL_SECRET}
    answer = await client.post("/kakao/skill", content=body, headers=headers)
    assert answer.status_code == 200
    assert "60만 원" in answer.text
    assert (await client.get("/healthz")).status_code == 200
