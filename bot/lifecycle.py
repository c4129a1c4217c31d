"""The message lifecycle, the same for every channel: admit, answer, deliver, settle.

1. **Admit** (:meth:`Runner.admit`): identify the caller once, route the message once, decide
   whether the bot is addressed, and record it, so that a crash later loses nothing and a
   platform's redelivery is dropped (and logged). Channels acknowledge the platform only after
   this step.
2. **Answer**: the core runs the skill (:meth:`bot.core.Bot.answer`).
3. **Deliver** through the channel's :data:`~bot.delivery.Replier` (or, for a channel whose
   reply is the HTTP response, by returning the replies).
4. **Settle**: answered, or failed when the reply could not be delivered.

:meth:`Runner.accept` runs 2–4 in the background (webhooks that must answer at once);
:meth:`Runner.handle` runs them inline; :meth:`Runner.within` answers inside a deadline and
hands a late answer to a late path (Kakao's callback URL); :meth:`Runner.recover` catches up
with messages recorded before a crash.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from bot import texts
from bot.core import Admission, Bot
from bot.delivery import (
    DeliveryError,
    OutcomeUnknownError,
    Replier,
    TakenOverError,
    departure,
)
from bot.messages import Address, IncomingMessage, OutgoingMessage

log = logging.getLogger(__name__)

ANSWER_LEASE = timedelta(minutes=2)
"""A message claimed longer ago than this (to answer, or to send its reply) belongs to a process
that died: answers take seconds and a send gives up after 30 s."""

RECOVER_EVERY = timedelta(minutes=1)
"""How often a serving process looks for messages another process abandoned."""

RENEW_EVERY = ANSWER_LEASE / 4
"""How often a serving process renews the claims of the messages it works on (well within
:data:`ANSWER_LEASE`, so a live process's slow answer is never taken over)."""

LATE_ANSWER_GRACE = timedelta(minutes=30)
"""A question older than this when the server comes back is apologised for, not answered late."""

ANSWER_SLOTS = 2
"""Answers worked on at once by default. Answering in this process is CPU work that holds the
GIL: more threads add no throughput, but starve the event loop that must answer Kakao in time.
A server answering in child processes (``gyoryu serve --answer-processes``) keeps one more than
it has children."""

Push = Callable[[Address, OutgoingMessage], Awaitable[object]]
"""Sends a proactive message (the postman's ``push``): how recovered answers go out."""


@dataclass
class BackgroundTasks:
    """Answers still running: kept referenced while they run and awaited on shutdown."""

    running: set[asyncio.Task[None]] = field(default_factory=set)

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` in the background."""
        task = asyncio.get_running_loop().create_task(work)
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def drain(self) -> None:
        """Wait for every running answer to finish."""
        while self.running:
            await asyncio.gather(*self.running, return_exceptions=True)


@dataclass(frozen=True, slots=True)
class Deadline:
    """When an answer must be ready, in event-loop time (``loop.time()``), and what then.

    An answer ready by ``answer_by`` goes back in the response. A later one goes to ``late``
    (when the channel has such a path) until ``late_by``; after that ``late`` gets ``too_late``
    instead and the message is settled as not delivered once its answer is done.
    """

    answer_by: float
    late: Replier | None = None
    late_by: float = 0.0
    too_late: tuple[OutgoingMessage, ...] = ()


@dataclass(frozen=True, slots=True)
class Timely:
    """The answer was ready in time: the replies, for the response."""

    replies: list[OutgoingMessage]


@dataclass(frozen=True, slots=True)
class Overdue:
    """The answer missed the deadline; ``deferred`` when the late path will deliver it."""

    deferred: bool


@dataclass
class _Departure:
    """Keeps a reply's mark true while the channel delivers it: "sending" when a request may
    reach the platform, back to "answering" while it waits (for a rate-limit slot, out a 429)
    before anything of it left, so a crash during that wait does not leave it "in doubt"."""

    bot: Bot
    message: IncomingMessage
    sending: bool = True  # marked before the channel got the reply
    left: bool = False  # a request of it went out: it stays "sending" until settled

    async def held(self) -> None:
        if self.left or not self.sending:
            return
        if not await asyncio.to_thread(self.bot.hold, self.message):
            raise TakenOverError(self.message.id)
        self.sending = False

    async def leaving(self) -> None:
        if not self.sending:
            if not await asyncio.to_thread(self.bot.mark_sending, self.message):
                raise TakenOverError(self.message.id)
            self.sending = True
        self.left = True


class Runner:
    """Runs the lifecycle of every incoming message around the core :class:`~bot.core.Bot`."""

    def __init__(
        self, bot: Bot, tasks: BackgroundTasks | None = None, *, answer_slots: int = ANSWER_SLOTS
    ) -> None:
        self.bot = bot
        self.tasks = tasks or BackgroundTasks()
        self._slots = asyncio.Semaphore(answer_slots)
        self._slot_count = answer_slots
        self._waiting = 0  # answers waiting for a slot or being worked on
        self._admitting = 0  # messages being recorded, whose answers will queue next
        self._service_s = 0.05  # moving average of one answer's time in its slot

    async def admit(self, message: IncomingMessage) -> Admission | None:
        """Identify, route and record ``message``; ``None`` when there is nothing to answer.

        Raises when the message could not be recorded: the channel then must not acknowledge
        it (or must tell the member), since nothing was kept.
        """
        return await asyncio.to_thread(self.bot.admit, message)

    async def answer(self, admission: Admission) -> list[OutgoingMessage]:
        """The replies (failures are already turned into an apology by the core).

        At most :data:`ANSWER_SLOTS` answers are worked on at once; the others wait here, in
        the event loop, so it stays free to send replies and to shed what cannot be in time.
        """
        loop = asyncio.get_running_loop()
        self._waiting += 1
        try:
            async with self._slots:
                started = loop.time()
                try:
                    return await asyncio.to_thread(self.bot.answer, admission)
                finally:
                    self._service_s = 0.8 * self._service_s + 0.2 * (loop.time() - started)
        finally:
            self._waiting -= 1

    def expected_wait(self) -> float:
        """Seconds a new answer would take now: the queue ahead of it, then its own turn."""
        ahead = self._waiting + self._admitting
        return (ahead / self._slot_count + 1) * self._service_s

    async def settle(self, admission: Admission, *, delivered: bool) -> None:
        """Mark the message answered or failed."""
        await asyncio.to_thread(self.bot.settle, admission.message, delivered=delivered)

    async def accept(self, message: IncomingMessage, reply: Replier) -> bool:
        """Admit ``message``, then answer, deliver and settle it in the background.

        Returns once the message is safely recorded (``False`` when there is nothing to answer),
        so the channel can acknowledge the platform without waiting for a slow answer.
        """
        admission = await self.admit(message)
        if admission is None:
            return False
        self.tasks.spawn(self._answer_and_deliver(admission, reply))
        return True

    async def handle(self, message: IncomingMessage) -> list[OutgoingMessage]:
        """Admit, answer and settle inline; the replies are delivered by returning them."""
        admission = await self.admit(message)
        if admission is None:
            return []
        replies = await self.answer(admission)
        await self.settle(admission, delivered=True)
        return replies

    async def within(self, message: IncomingMessage, deadline: Deadline) -> Timely | Overdue | None:
        """Admit, answer and settle ``message`` by ``deadline``; ``None`` when there is nothing
        to do.

        The whole chain counts against the deadline (the database writes and any wait for a
        worker thread included), and a queue too long to let it through in time is shed at
        once, so a busy server still answers in time: an answer ready and
        settled in time is :class:`Timely`; otherwise it keeps running and the late path
        delivers it, or it is settled as not delivered.
        """
        loop = asyncio.get_running_loop()
        left = deadline.answer_by - loop.time()
        # Shed at once what the queue ahead cannot let through in time: waiting out the whole
        # budget only to shed then would keep the server busy with requests already lost.
        hopeless = self.expected_wait() > left
        if hopeless and deadline.late is None:
            # Nobody could receive the answer: keep the question (the secretariat sees it)
            # without spending an answer's work on it while the queue is this long.
            self.tasks.spawn(self._record_unanswered(message))
            return Overdue(deferred=False)
        work = loop.create_task(self._answer_settled(message))
        done, _ = await asyncio.wait({work}, timeout=0 if hopeless else max(left, 0))
        if done:
            answered = work.result()
            return None if answered is None else Timely(answered[1])
        if deadline.late is not None:
            self.tasks.spawn(self._answer_late(work, deadline, deadline.late))
            return Overdue(deferred=True)
        self.tasks.spawn(self._settle_unseen(work))
        return Overdue(deferred=False)

    async def recover(self, push: Push) -> int:
        """Answer (or apologise for) messages abandoned by a process that died; how many.

        Run at start-up and every :data:`RECOVER_EVERY` while serving, by any number of
        processes: each abandoned message is taken by one of them. A message whose reply was
        being sent when its process died may have arrived, so it is settled "unknown" and not
        sent again (at most that one message per process is in doubt). The platform was
        acknowledged long ago, so replies go out as proactive pushes.
        """
        await self.renew()
        reclaimed = await asyncio.to_thread(self.bot.reclaim, ANSWER_LEASE)
        pending = reclaimed.to_answer
        for message in pending:
            admission = await asyncio.to_thread(self.bot.revisit, message)
            if self.bot.clock() - message.received_at <= LATE_ANSWER_GRACE:
                replies = await self.answer(admission)
                replies[0] = OutgoingMessage(
                    f"{texts.CH_LATE_PREFIX}\n\n{replies[0].text}",
                    replies[0].buttons,
                    replies[0].links,
                )
            else:
                question = message.text if len(message.text) <= 40 else message.text[:40] + "…"
                replies = [OutgoingMessage(texts.CH_MISSED.format(question=question))]

            async def reply(out: list[OutgoingMessage], to: Address = message.address) -> None:
                for outgoing in out:
                    await push(to, outgoing)

            await self._deliver(admission, replies, reply)
        return len(pending)

    async def renew(self) -> int:
        """Renew the claims of the messages this process answers or sends; how many."""
        return await asyncio.to_thread(self.bot.renew_claims)

    async def _answer_and_deliver(self, admission: Admission, reply: Replier) -> None:
        await self._deliver(admission, await self.answer(admission), reply)

    async def _deliver(
        self, admission: Admission, replies: list[OutgoingMessage], reply: Replier
    ) -> None:
        """Deliver through ``reply`` and settle by the outcome; a failure is logged, not raised."""
        platform = admission.message.address.platform
        # Durably "sending" before it leaves: a crash from here on settles it as unknown at the
        # next recovery instead of answering it a second time.
        if not await asyncio.to_thread(self.bot.mark_sending, admission.message):
            # This process stalled past the lease and another one took the message over: it
            # answers, so this copy stays here.
            log.warning(
                "%s message %s was taken over by another process; its reply is not sent here",
                platform,
                admission.message.id,
            )
            return
        try:
            with departure(_Departure(self.bot, admission.message)):
                await reply(replies)
        except TakenOverError:
            log.warning(
                "%s message %s was taken over by another process while its reply waited;"
                " it is not sent here",
                platform,
                admission.message.id,
            )
            return
        except OutcomeUnknownError as lost:
            # The reply may be on the member's screen: settled, so nobody sends it again.
            log.warning("the answer on %s may not have arrived: %s", platform, lost)
            await asyncio.to_thread(self.bot.settle_unknown, admission.message)
        except DeliveryError as failed:
            log.warning("delivering the answer on %s failed: %s", platform, failed)
            await self.settle(admission, delivered=False)
        except Exception:
            log.exception("delivering the answer on %s failed", platform)
            await self.settle(admission, delivered=False)
        else:
            await self.settle(admission, delivered=True)

    async def _answer_settled(
        self, message: IncomingMessage
    ) -> tuple[Admission, list[OutgoingMessage]] | None:
        """Admit, answer and settle as delivered (the response carries it); ``None``: nothing."""
        self._admitting += 1
        try:
            admission = await self.admit(message)
        finally:
            self._admitting -= 1
        if admission is None:
            return None
        replies = await self.answer(admission)
        await self.settle(admission, delivered=True)
        return admission, replies

    async def _record_unanswered(self, message: IncomingMessage) -> None:
        """Record a shed message and settle it as not delivered, without answering it."""
        try:
            admission = await self.admit(message)
        except Exception:
            log.exception("a shed message could not be recorded")
            return
        if admission is not None:
            await self.settle(admission, delivered=False)

    async def _answer_late(
        self,
        work: asyncio.Task[tuple[Admission, list[OutgoingMessage]] | None],
        deadline: Deadline,
        late: Replier,
    ) -> None:
        """Hand the answer to the late path once ready, or ``too_late`` when even that is late."""
        left = deadline.late_by - asyncio.get_running_loop().time()
        try:
            answered = await asyncio.wait_for(asyncio.shield(work), timeout=max(left, 0))
        except TimeoutError:
            self.tasks.spawn(self._settle_unseen(work))
            try:
                await late(list(deadline.too_late))
            except Exception as failed:  # the member misses the apology; the answer is kept
                log.warning("could not tell the member the answer is late: %s", failed)
            return
        except Exception:
            log.exception("a late answer could not be recorded or given")
            return
        if answered is not None:
            await self._deliver(answered[0], answered[1], late)

    async def _settle_unseen(
        self, work: asyncio.Task[tuple[Admission, list[OutgoingMessage]] | None]
    ) -> None:
        """Let a late answer complete (so it is saved) and record that nobody received it."""
        try:
            answered = await work
        except Exception:
            log.exception("a late answer could not be recorded or given")
            return
        if answered is not None:
            await self.settle(answered[0], delivered=False)
