"""Two scheduler workers on PostgreSQL, one killed with SIGKILL mid-batch: every reminder still
goes out, at most the one the killed worker had in flight twice, and that one resumes as soon
as its (here two-second) lease lapses."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.federation import rooms
from bot.messages import Address, OutgoingMessage
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher, TickReport
from bot.storage.db import make_engine
from bot.storage.schedule_models import ScheduledMessage
from tests.bot.schedule.conftest import RecordingOutbox, World
from tests.bot.schedule.test_dispatcher import WEEK_BEFORE, reminders_only, states
from tests.conftest import REPO_ROOT

LEASE = timedelta(seconds=2)
ROOMS = 24


class SlowOutbox(RecordingOutbox):
    """The surviving worker's platform: as slow as the killed one's, so both work at once."""

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        await super().push(to, message)
        await asyncio.sleep(0.1)


def wait_for_lines(path: Path, count: int, process: subprocess.Popen[bytes]) -> list[str]:
    deadline = time.monotonic() + 60  # a guard against a hung worker, not a timing assertion
    while time.monotonic() < deadline:
        lines = path.read_text(encoding="utf-8").split() if path.exists() else []
        if len(lines) >= count:
            return lines
        assert process.poll() is None, "the worker stopped before sending"
        time.sleep(0.01)
    raise AssertionError("the worker sent nothing")


@pytest.mark.postgres
@pytest.mark.slow
def test_a_worker_killed_mid_batch_costs_at_most_its_one_message_in_flight(
    migrated_database_url: str,
    session: Session,
    session_factory: sessionmaker[Session],
    world: World,
    tmp_path: Path,
) -> None:
    if not migrated_database_url.startswith("postgresql"):
        pytest.skip("two worker processes need PostgreSQL (SQLite is one writer at a time)")
    for n in range(ROOMS):
        rooms.attach_room(
            session, platform="slack", chat_id=f"C7{n:03}", group=world.group, actor="t"
        )
    reminders_only(session, world)
    received_by_killed = tmp_path / "killed.txt"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.bot.schedule.crash_worker",
            migrated_database_url,
            str(received_by_killed),
            WEEK_BEFORE.isoformat(),
            str(LEASE.total_seconds()),
            "0.3",
        ],
        cwd=REPO_ROOT,
    )
    survivor = SlowOutbox()
    reports: list[TickReport] = []

    def work() -> None:
        engine = make_engine(migrated_database_url)
        try:
            worker = Dispatcher(
                sessionmaker(engine),
                survivor,
                compose=MessageComposer(),
                lease=LEASE,
                worker="survivor",
            )
            reports.append(asyncio.run(worker.tick(WEEK_BEFORE)))
        finally:
            engine.dispose()

    try:
        wait_for_lines(received_by_killed, 1, process)
        thread = threading.Thread(target=work)
        thread.start()  # both workers now send at once
        wait_for_lines(received_by_killed, 3, process)
        os.kill(process.pid, signal.SIGKILL)  # while the platform holds its third message
        process.wait()
        with session_factory() as fresh:
            in_flight = fresh.scalar(
                select(func.count()).where(
                    ScheduledMessage.state == "sending",
                    ScheduledMessage.lease_owner.not_like("survivor:%"),
                )
            )
        thread.join()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    # Within the lease nobody touches the killed worker's row; once it lapses, it resumes.
    assert reports[0].sent >= 1
    worker = Dispatcher(session_factory, survivor, compose=MessageComposer(), lease=LEASE)
    during = asyncio.run(worker.tick(WEEK_BEFORE + LEASE / 2))
    after = asyncio.run(worker.tick(WEEK_BEFORE + LEASE + timedelta(seconds=1)))

    killed = received_by_killed.read_text(encoding="utf-8").split()
    delivered = killed + [to.conversation or "" for to, _ in survivor.pushed]
    assert in_flight is not None
    assert in_flight <= 1  # the killed worker had one row in flight, not eight
    assert during.sent == 0
    assert after.sent == in_flight
    assert len(set(delivered)) == ROOMS + 2  # every room got its reminder
    assert len(delivered) - len(set(delivered)) <= 1  # at most the one in flight, twice
    assert "sending" not in states(session)
