from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.schedule.runner import run_once
from tests.bot.schedule.conftest import MEETING, RecordingOutbox, World


async def test_one_round_plans_new_events_and_sends_what_is_due(
    session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    dispatcher = Dispatcher(session_factory, outbox, compose=MessageComposer())

    quiet = await run_once(session_factory, dispatcher, MEETING - timedelta(days=12))
    prompt = await run_once(session_factory, dispatcher, MEETING - timedelta(days=10))
    again = await run_once(session_factory, dispatcher, MEETING - timedelta(days=10))

    assert (quiet.sent, prompt.sent, again.sent) == (0, 2, 0)
    assert outbox.texts_to("C0001")[0].startswith("[애로사항 나눔]")
