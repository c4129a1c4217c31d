"""Scheduled sends through the postman: a room that threw the bot out fails for good, a hiccup
is retried. The real Telegram and Slack adapters talk to local fakes of their APIs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session, sessionmaker
from telegram.error import TelegramError

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.delivery import DeliveryError, PermanentDeliveryError, UndeliverableError
from bot.directory import MemoryDirectory
from bot.messages import Address, OutgoingMessage
from bot.outbox import Postman
from bot.schedule import reasons
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.fakes.serve import serve
from tests.fakes.slack_api import FakeSlack
from tests.fakes.telegram_api import TOKEN, fake_telegram
from tests.handlers.conftest import running
from tests.scenarios.answerer import FakeAnswerer

REMINDER = OutgoingMessage("내일 오후 7시 정례회가 있어요.")
TELEGRAM_ROOM = Address("telegram", "-1001", conversation="-1001", is_group=True)


@pytest.fixture
def bot(session_factory: sessionmaker[Session]) -> Bot:
    return Bot(
        answerer=FakeAnswerer(), directory=MemoryDirectory(), log=ConversationLog(session_factory)
    )


def said(error: BaseException) -> str:
    """What the secretariat reads about a send that failed for good with ``error``."""
    return reasons.shown(reasons.recorded(error, final=True), "failed").text


def telegram_settings(base_url: str) -> ChannelSettings:
    return ChannelSettings(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_WEBHOOK_SECRET="s", TELEGRAM_API_BASE_URL=base_url
    )


async def test_telegram_blocked_is_permanent_and_a_server_error_is_not(bot: Bot) -> None:
    with fake_telegram() as api:
        app = build_server(bot, telegram_settings(api.base_url), channels=("handlers.telegram",))
        postman: Postman = app.state.postman
        api.fail_next += [
            (403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was kicked"}),
            (400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}),
            (400, {"ok": False, "error_code": 400, "description": "Bad Request: message is empty"}),
        ]
        async with running(app):
            with pytest.raises(PermanentDeliveryError, match="kicked") as kicked:
                await postman.push(TELEGRAM_ROOM, REMINDER)
            with pytest.raises(PermanentDeliveryError, match="Chat not found") as gone:
                await postman.push(TELEGRAM_ROOM, REMINDER)
            with pytest.raises(DeliveryError, match="empty") as transient:
                await postman.push(TELEGRAM_ROOM, REMINDER)
            await postman.push(TELEGRAM_ROOM, REMINDER)

    assert not isinstance(transient.value, PermanentDeliveryError)
    assert isinstance(transient.value.__cause__, TelegramError)
    assert said(kicked.value) == texts.MTG_REASON_REMOVED
    assert said(gone.value) == texts.MTG_REASON_ROOM_GONE
    assert api.sent()[-1]["text"] == REMINDER.text


class RefusingSlack(FakeSlack):
    """Slack that refuses to post into some channels with the given error."""

    refusals: dict[str, str]

    def handle(self, path: str, params: dict[str, Any]) -> tuple[int, Any]:
        error = self.refusals.get(str(params.get("channel")))
        if path.endswith("chat.postMessage") and error:
            return 200, {"ok": False, "error": error}
        return super().handle(path, params)


@pytest.fixture
def slack() -> Iterator[RefusingSlack]:
    fake = RefusingSlack()
    fake.refusals = {
        "C-GONE": "channel_not_found",
        "C-OUT": "not_in_channel",
        "C-BUSY": "fatal_error",
    }
    with serve(fake.handle, fake):
        yield fake


async def test_slack_errors_are_sorted_into_permanent_and_transient(
    bot: Bot, slack: RefusingSlack
) -> None:
    config = ChannelSettings(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="signing",
        SLACK_API_BASE_URL=slack.base_url + "/api/",
    )
    app = build_server(bot, config, channels=("handlers.slack",))
    postman: Postman = app.state.postman

    def room(channel: str) -> Address:
        return Address("slack", channel, conversation=channel, is_group=True)

    async with running(app):
        refused = []
        for gone, error in (("C-GONE", "channel_not_found"), ("C-OUT", "not_in_channel")):
            with pytest.raises(PermanentDeliveryError, match=error) as failed:
                await postman.push(room(gone), REMINDER)
            refused.append(said(failed.value))
        with pytest.raises(DeliveryError, match="fatal_error") as transient:
            await postman.push(room("C-BUSY"), REMINDER)
        await postman.push(room("C-OK"), REMINDER)

    assert not isinstance(transient.value, PermanentDeliveryError)
    assert isinstance(transient.value.__cause__, SlackApiError)
    assert refused == [texts.MTG_REASON_ROOM_GONE, texts.MTG_REASON_REMOVED]
    assert [call["channel"] for call in slack.posted()][-1] == "C-OK"


async def test_a_platform_without_a_channel_is_not_retried() -> None:
    with pytest.raises(UndeliverableError) as refused:
        await Postman().push(Address("kakao", "room-1"), REMINDER)

    assert isinstance(refused.value, PermanentDeliveryError)
