"""Telegram end to end: a webhook POST in, the fake Bot API sees what PTB sent out."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot import texts
from bot.clock import KST
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation import events, groups, members
from bot.messages import Button, Link, OutgoingMessage
from bot.schedule import rsvp
from bot.storage.conversation_models import InboundMessage
from bot.storage.event_models import Rsvp
from bot.storage.identity_models import ChatIdentity
from handlers import telegram
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.conftest import REPO_ROOT
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram, too_many_requests
from tests.handlers.conftest import NOW, running, settle
from tests.scenarios.answerer import FakeAnswerer

SECRET = "s3cret-webhook-token"
PAYLOADS = REPO_ROOT / "tests" / "payloads" / "telegram"


def payload(name: str) -> dict[str, Any]:
    return dict(json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8")))


@pytest.fixture
def api() -> Iterator[FakeTelegram]:
    with fake_telegram() as fake:
        yield fake


@pytest.fixture
def app(bot: Bot, api: FakeTelegram) -> Starlette:
    config = ChannelSettings(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET=SECRET, TELEGRAM_API_BASE_URL=api.base_url
    )
    return build_server(bot, config, channels=("handlers.telegram",))


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with running(app) as client:
        yield client


async def post(client: httpx.AsyncClient, update: dict[str, Any], **headers: str) -> int:
    sent = {telegram.SECRET_HEADER: SECRET, **headers}
    response = await client.post(telegram.WEBHOOK_PATH, json=update, headers=sent)
    return response.status_code


async def test_a_dm_question_is_answered_in_html_with_buttons(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram
) -> None:
    assert await post(client, payload("private_text")) == 200
    await settle(app)

    [sent] = api.sent()
    assert sent["chat_id"] == 7001
    assert sent["parse_mode"] == "HTML"
    assert sent["text"].startswith("연회비는 60만 원이고")
    assert '<a href="https://example.org/rules">한빛연합회 정관</a>' in sent["text"]
    keyboard = sent["reply_markup"]["inline_keyboard"]
    assert [b["callback_data"] for row in keyboard for b in row] == ["fb+:1", "fb-:1"]


async def test_a_redelivered_update_is_answered_once(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram
) -> None:
    assert await post(client, payload("private_text")) == 200
    assert await post(client, payload("private_text")) == 200
    await settle(app)

    assert len(api.sent()) == 1


def test_message_ids_survive_telegram_restarting_its_update_ids() -> None:
    me = telegram.Identity(id=4242, username="GyoryuBot")
    first = payload("private_text")
    # After a quiet week Telegram numbers updates from a random point: an old update_id
    # can come back carrying a new message.
    later = payload("private_text")
    later["message"] = {**later["message"], "message_id": 12, "text": "정례회는 언제예요?"}
    elsewhere = payload("private_text")
    elsewhere["message"] = {**elsewhere["message"], "chat": {"id": 7002, "type": "private"}}

    ids = [
        incoming.id
        for update in (first, payload("private_text"), later, elsewhere)
        if (incoming := telegram.to_incoming(telegram.Update.de_json(update, None), me))
    ]

    assert ids[0] == ids[1]  # the same update delivered again
    assert len({ids[0], ids[2], ids[3]}) == 3


async def test_a_forum_mention_is_answered_in_its_topic_without_the_mention(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram, answerer: FakeAnswerer
) -> None:
    await post(client, payload("group_chatter"))
    await post(client, payload("group_mention"))
    await settle(app)

    [sent] = api.sent()
    assert (sent["chat_id"], sent["message_thread_id"]) == (-1001234, 55)
    assert [question for question, _ in answerer.asked] == ["연회비 납부 기한이 언제예요?"]


async def test_a_button_press_is_acknowledged_and_answered(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram
) -> None:
    await post(client, payload("private_text"))
    await settle(app)
    await post(client, payload("callback_query"))
    await settle(app)

    assert api.calls("/answerCallbackQuery") == [{"callback_query_id": "cbq-1"}]
    assert api.sent()[-1]["text"] == texts.CH_FEEDBACK_UNHELPFUL


@pytest.mark.parametrize("given", [None, "wrong-token"])
async def test_a_forged_webhook_is_refused_and_the_secret_is_not_logged(
    client: httpx.AsyncClient,
    api: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
    given: str | None,
) -> None:
    headers = {} if given is None else {telegram.SECRET_HEADER: given}
    caplog.set_level(logging.WARNING)

    response = await client.post(
        telegram.WEBHOOK_PATH, json=payload("private_text"), headers=headers
    )

    assert response.status_code == 401
    assert response.content == b""
    assert api.sent() == []
    assert "refused a Telegram webhook" in caplog.text
    assert SECRET not in caplog.text
    assert "wrong-token" not in caplog.text


async def test_bad_bodies_get_clean_client_errors(client: httpx.AsyncClient) -> None:
    headers = {telegram.SECRET_HEADER: SECRET}
    path = telegram.WEBHOOK_PATH

    not_json = await client.post(
        path, content=b"{nope", headers={**headers, "content-type": "application/json"}
    )
    as_text = await client.post(
        path, content=b"hello", headers={**headers, "content-type": "text/plain"}
    )
    a_list = await client.post(path, json=[1, 2], headers=headers)
    huge = await client.post(path, json={"update_id": 1, "pad": "x" * 300_000}, headers=headers)

    assert [not_json.status_code, as_text.status_code, a_list.status_code, huge.status_code] == [
        400,
        415,
        400,
        413,
    ]


async def test_unknown_update_kinds_are_acknowledged_and_ignored(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram
) -> None:
    assert await post(client, payload("edited_message")) == 200
    assert await post(client, {"update_id": 9, "poll": {"id": "p"}}) in {200, 400}
    await settle(app)

    assert api.sent() == []


async def test_retry_after_is_honoured(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB's own rate limiter reads the int-typed retry_after, which PTB deprecates unless opted in.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    api.fail_next.append(too_many_requests(retry_after=1))

    await post(client, payload("private_text"))
    await settle(app)

    assert len(api.sent()) == 2  # refused once, then delivered
    assert api.sent()[1]["text"].startswith("연회비는")


async def test_a_blocked_bot_is_recorded_not_crashed(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    blocked = {
        "ok": False,
        "error_code": 403,
        "description": "Forbidden: bot was blocked by the user",
    }
    api.fail_next.append((403, blocked))

    assert await post(client, payload("private_text")) == 200
    await settle(app)

    with sessions() as session:
        assert session.scalars(select(InboundMessage.status)).all() == ["failed"]


def test_long_answers_are_split_under_the_limit_at_sentence_ends() -> None:
    sentence = "정례회는 매월 둘째 주 화요일 오후 7시에 열립니다. "
    text = sentence * 300

    calls = telegram.render(OutgoingMessage(text, buttons=(Button("👍", "fb+:1"),)))

    assert len(calls) > 1
    assert all(len(call["text"]) <= 4096 for call in calls)
    assert all(call["text"].endswith("열립니다.") for call in calls)
    assert "reply_markup" in calls[-1]
    assert all("reply_markup" not in call for call in calls[:-1])


def test_text_is_escaped_and_oversized_callback_data_is_dropped() -> None:
    message = OutgoingMessage(
        "<b>굵게</b> & 'quote'",
        buttons=(Button("ok", "fb+:1"), Button("too long", "x" * 65)),
        links=(Link("A&B 안내", "https://example.org/?a=1&b=2"),),
    )

    [call] = telegram.render(message)

    assert call["text"].startswith("&lt;b&gt;굵게&lt;/b&gt; &amp; 'quote'")
    assert '<a href="https://example.org/?a=1&amp;b=2">A&amp;B 안내</a>' in call["text"]
    [[button]] = call["reply_markup"].inline_keyboard
    assert button.callback_data == "fb+:1"


def test_escaping_never_pushes_a_piece_over_the_limit() -> None:
    calls = telegram.render(OutgoingMessage("<&>" * 3000))

    assert all(len(call["text"]) <= 4096 for call in calls)
    assert "".join(call["text"] for call in calls) == "&lt;&amp;&gt;" * 3000


async def test_an_rsvp_button_on_a_reminder_is_recorded_and_confirmed(
    sessions: sessionmaker[Session], log: ConversationLog, api: FakeTelegram
) -> None:
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        minsu = members.add_member(session, federation=federation, name="김민수", actor="t")
        members.join_group(session, member=minsu, group=group, role="member", actor="t")
        session.add(
            ChatIdentity(
                platform="telegram", platform_user_id="7001", member_id=minsu.id, status="verified"
            )
        )
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="새벽교류회 12월 정례회",
            starts_at=datetime(2026, 12, 8, 19, 0, tzinfo=KST),
            place=None,
            agenda=None,
            actor="t",
        )
        action = rsvp.rsvp_action(meeting, "yes")
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=SqlDirectory(sessions),
        log=log,
        clock=lambda: NOW,
    )
    config = ChannelSettings(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET=SECRET, TELEGRAM_API_BASE_URL=api.base_url
    )
    press = payload("callback_query")
    press["callback_query"]["data"] = action
    app = build_server(bot, config, channels=("handlers.telegram",))

    async with running(app) as client:
        assert await post(client, press) == 200
        await settle(app)

    assert api.calls("/answerCallbackQuery") == [{"callback_query_id": "cbq-1"}]
    assert (
        api.sent()[-1]["text"]
        == "참석으로 알려 주셨어요. 12월 8일(화) 오후 7시 새벽교류회 12월 정례회에서 뵐게요!"
    )
    # The reminder the button sat under is edited in place to show the answers so far.
    [edit] = api.calls("/editMessageText")
    origin = press["callback_query"]["message"]
    assert (int(edit["chat_id"]), int(edit["message_id"])) == (
        origin["chat"]["id"],
        origin["message_id"],
    )
    assert "지금까지 응답: 참석 1명" in edit["text"]
    assert "rsvp:" in str(edit["reply_markup"])
    with sessions() as session:
        assert [(r.member_id, r.status) for r in session.scalars(select(Rsvp))] == [
            (minsu.id, "참석")
        ]
