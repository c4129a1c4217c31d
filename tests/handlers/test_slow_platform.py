"""A platform slower than the client's read timeout: the message may have arrived, so it is
recorded as outcome-unknown and never sent a second time (a reminder, and an answer)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot.core import Bot
from bot.messages import Address, OutgoingMessage
from bot.schedule import queue
from bot.schedule.dispatcher import Dispatcher
from bot.storage.conversation_models import InboundMessage
from bot.storage.schedule_models import ScheduledMessage
from handlers import telegram
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.fakes.telegram_api import TOKEN, FakeTelegram, fake_telegram
from tests.handlers.conftest import NOW, running, settle
from tests.handlers.test_telegram import SECRET, payload, post

ROOM = Address("telegram", "-100777", conversation="-100777", is_group=True)


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTelegram]:
    # The client gives up long before the platform answers (30 s in production, 0.2 s here).
    monkeypatch.setattr(telegram, "SEND_READ_TIMEOUT_S", 0.2)
    with fake_telegram() as fake:
        fake.slow_send = 0.6
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


def reminder(_session: Session, _row: ScheduledMessage, _now: datetime) -> OutgoingMessage:
    return OutgoingMessage("[모임 안내] 3월 정례회가 일주일 뒤 열려요.")


async def test_a_slow_platform_gets_each_reminder_exactly_once(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as session:
        queue.enqueue(
            session,
            key="reminder:1:20261202:7d",
            kind="reminder",
            to=ROOM,
            due_at=NOW,
            expires_at=NOW + timedelta(days=1),
        )
    worker = Dispatcher(sessions, app.state.postman, compose=reminder)

    first = await worker.tick(NOW)
    # Long past every back-off: a blind retry would have sent it again by now.
    later = [await worker.tick(NOW + timedelta(minutes=m)) for m in (2, 10, 60, 240)]

    assert len(api.sent()) == 1
    assert (first.sent, first.retried, first.unknown) == (0, 0, 1)
    assert all(report.sent == report.retried == 0 for report in later)
    with sessions() as session:
        report = queue.failures_report(session)
    assert "전달 여부 불확실" in report
    assert "-100777" in report


async def test_a_slow_platform_gets_each_answer_exactly_once_even_after_a_restart(
    client: httpx.AsyncClient, app: Starlette, api: FakeTelegram, sessions: sessionmaker[Session]
) -> None:
    assert await post(client, payload("private_text")) == 200
    await settle(app)
    assert len(api.sent()) == 1
    with sessions() as session:
        assert session.scalars(select(InboundMessage.status)).all() == ["unknown"]

    api.slow_send = 0.0
    async with running(app):  # a restart recovers unsettled messages: this one is settled
        await settle(app)

    assert len(api.sent()) == 1
    assert not any("늦어서" in call["text"] for call in api.sent())
