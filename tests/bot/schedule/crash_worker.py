"""A scheduler worker in a process of its own, for the crash test to kill with SIGKILL.

It sends through an outbox that writes each push to a file (what the platform received) and
then holds it like a slow platform, so a kill lands after the platform got a message and
before the worker recorded it as sent.

    python -m tests.bot.schedule.crash_worker DATABASE_URL OUT_FILE NOW LEASE_S HOLD_S
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from bot.messages import Address, OutgoingMessage
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.storage.db import make_engine


class FileOutbox:
    """Appends each destination to a file, then waits ``hold`` seconds for the 'answer'."""

    def __init__(self, path: Path, hold: float) -> None:
        self.path, self.hold = path, hold

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(f"{to.conversation}\n")
        await asyncio.sleep(self.hold)


def main(url: str, out: str, now: str, lease_s: str, hold_s: str) -> None:
    engine = make_engine(url)
    worker = Dispatcher(
        sessionmaker(engine),
        FileOutbox(Path(out), float(hold_s)),
        compose=MessageComposer(),
        lease=timedelta(seconds=float(lease_s)),
    )
    asyncio.run(worker.tick(datetime.fromisoformat(now)))


if __name__ == "__main__":
    main(*sys.argv[1:])
