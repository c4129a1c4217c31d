from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.schedule.runner import run_once
from bot.storage.schedule_models import ScheduledMessage
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


async def test_a_round_runs_the_chores_it_is_handed_after_planning(
    session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    dispatcher = Dispatcher(session_factory, outbox, compose=MessageComposer())
    rounds: list[tuple[datetime, int]] = []

    def count_queued(session: Session, now: datetime) -> None:
        rounds.append((now, len(session.scalars(select(ScheduledMessage)).all())))

    at = MEETING - timedelta(days=10)
    await run_once(session_factory, dispatcher, at, chores=[count_queued])
    await run_once(session_factory, dispatcher, at)

    assert len(rounds) == 1
    assert rounds[0][0] == at
    assert rounds[0][1] > 0  # the chore saw what planning had just queued


async def test_a_failing_chore_holds_back_neither_the_other_chores_nor_the_sends(
    session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    dispatcher = Dispatcher(session_factory, outbox, compose=MessageComposer())
    ran: list[str] = []

    def broken(session: Session, now: datetime) -> None:
        raise RuntimeError("a pairing insert broke the pair's unique rule")

    def after(session: Session, now: datetime) -> None:
        ran.append("after")

    report = await run_once(
        session_factory, dispatcher, MEETING - timedelta(days=10), chores=[broken, after]
    )

    assert ran == ["after"]
    assert report.sent == 2
