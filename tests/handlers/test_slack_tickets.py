"""전문가 상담 through Slack: the advisor answers by replying in the thread of the DM that
brought the ticket, through slack_bolt and slack_sdk against the fake Web API."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlack, fake_slack
from tests.handlers.conftest import NOW, running, settle
from tests.handlers.test_slack import send_event
from tests.handlers.ticket_desk import seat
from tests.scenarios.answerer import FakeAnswerer

MEMBER, ADVISOR = "U0PARK", "U0KIM"
MEMBER_DM, ADVISOR_DM = "D0PARK", "D0KIM"


def dm(
    user: str, channel: str, text: str, ts: str, *, thread_ts: str | None = None
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "channel": channel,
        "text": text,
        "ts": ts,
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return {"type": "event_callback", "event_id": f"Ev{ts}", "event": event}


@pytest.fixture
def api() -> Any:
    with fake_slack() as fake:
        yield fake


async def test_the_advisor_answers_in_the_thread_of_the_tickets_dm(
    sessions: sessionmaker[Session], log: ConversationLog, api: FakeSlack
) -> None:
    seat(sessions, "slack", member=MEMBER, advisor=ADVISOR)
    bot = Bot(answerer=FakeAnswerer(), directory=SqlDirectory(sessions), log=log, clock=lambda: NOW)
    config = ChannelSettings(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_BASE_URL=api.base_url + "/api/",
    )
    app = build_server(bot, config, channels=("handlers.slack",))

    async with running(app) as client:
        dispatcher = Dispatcher(sessions, app.state.postman, MessageComposer())

        async def say(event: dict[str, Any]) -> dict[str, Any]:
            assert await send_event(client, event) == 200
            await settle(app)
            return api.posted()[-1]

        await say(
            dm(MEMBER, MEMBER_DM, "/전문가 법인세 중간예납은 언제 하나요?", "1764061300.000001")
        )
        await dispatcher.tick(NOW)
        advisor_dm, advisor_dm_ts = api.posted()[-1], api.stamps[-1]
        done = await say(
            dm(
                ADVISOR,
                ADVISOR_DM,
                "8월 31일까지예요.",
                "1764061400.000001",
                thread_ts=advisor_dm_ts,
            )
        )
        await dispatcher.tick(NOW)
        answer = api.posted()[-1]

    assert advisor_dm["channel"] == ADVISOR
    assert "#1" in advisor_dm["text"]
    assert done["channel"] == ADVISOR_DM
    assert done["thread_ts"] == advisor_dm_ts  # the confirmation stays in the thread
    assert done["text"] == texts.rt_answer_sent(1)
    assert answer["channel"] == MEMBER_DM  # the DM the question was asked in
    assert "8월 31일까지예요." in answer["text"]
    assert "김세무 세무사" in answer["text"]
