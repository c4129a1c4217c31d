"""A clock shared by several worker threads that moves only when every worker is waiting.

Workers read :meth:`SteppedClock.time` and wait with :meth:`SteppedClock.sleep`; the test's
thread calls :meth:`SteppedClock.run`, which, whenever every worker is asleep or finished, jumps
to the earliest wake-up. Time therefore never passes while a worker is between its decision and
its send, so what a fake platform records at :meth:`time` is exactly when the send was decided,
whatever the machine's load: rate limits are checked without a wall-clock race, and a minute's
window costs no real minute.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence


class SteppedClock:
    """Simulated seconds since the epoch for ``workers`` threads."""

    def __init__(self, start: float, workers: int) -> None:
        self._now = start
        self._workers = workers
        self._idle = 0  # workers asleep or finished
        self._wakes: list[float] = []
        self._changed = threading.Condition()

    def time(self) -> float:
        """The simulated now."""
        with self._changed:
            return self._now

    async def sleep(self, seconds: float) -> None:
        """Wait until the simulated clock has moved ``seconds`` on (for a worker's event loop)."""
        await asyncio.to_thread(self._sleep, seconds)

    def _sleep(self, seconds: float) -> None:
        with self._changed:
            wake = self._now + max(seconds, 0.0)
            self._wakes.append(wake)
            self._idle += 1
            self._changed.notify_all()
            while self._now < wake:
                self._changed.wait()

    def finished(self) -> None:
        """A worker is done and will not sleep again."""
        with self._changed:
            self._idle += 1
            self._changed.notify_all()

    def run(self, threads: Sequence[threading.Thread], guard_s: float = 120) -> None:
        """Move the clock on whenever every worker waits, until all threads have ended.

        ``guard_s`` only ends a hung test; nothing is measured by it.
        """
        for thread in threads:
            thread.start()
        with self._changed:
            while True:
                if not self._changed.wait_for(lambda: self._idle == self._workers, guard_s):
                    raise AssertionError("a worker neither finished nor waited")
                if not self._wakes:
                    break  # every worker finished
                self._now = min(self._wakes)
                woken = [wake for wake in self._wakes if wake <= self._now]
                self._wakes = [wake for wake in self._wakes if wake > self._now]
                self._idle -= len(woken)  # counted here, before they run, so we wait for them
                self._changed.notify_all()
        for thread in threads:
            thread.join()
