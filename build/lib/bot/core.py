"""The neutral core: an incoming message goes in, the replies come out.

The core imports no platform SDK and never sends anything itself; adapters deliver the replies
it returns. It routes each message once (:class:`~bot.skills.registry.Registry`): a button to
the skill owning its prefix, a ``/command`` to its skill, the answer to a pending dialog step to
the skill that asked, free text to the asking skill.

A message is recorded by :meth:`Bot.receive` before the platform is acknowledged, answered by
:meth:`Bot.respond` and settled once the reply went out, so a crash in between is caught up by
:meth:`Bot.recover` on the next start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot import texts
from bot.answers import QuestionAnswerer
from bot.clock import Clock, utcnow
from bot.conversation import ConversationLog
from bot.dialog import DialogSteps
from bot.directory import Caller, Directory
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.schedule.feeds import CalendarLinks
from bot.skills import Registry, Route, Services, Turn, default_skills

log = logging.getLogger(__name__)

# A question older than this when the server comes back is apologised for, not answered late.
LATE_ANSWER_GRACE = timedelta(minutes=30)

Deliver = Callable[[Address, OutgoingMessage], Awaitable[None]]


class Bot:
    """Answers members' messages through its skills, with the injected services."""

    def __init__(
        self,
        *,
        answerer: QuestionAnswerer,
        directory: Directory,
        log: ConversationLog,
        clock: Clock = utcnow,
        top_k: int = 5,
        skills: Registry | None = None,
        calendar: CalendarLinks | None = None,
        dialog: DialogSteps | None = None,
    ) -> None:
        self._answerer = answerer
        self._directory = directory
        self._log = log
        self._clock = clock
        self._top_k = top_k
        self._skills = skills if skills is not None else default_skills()
        self._calendar = calendar or CalendarLinks()
        self._steps = dialog
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        """What the skills use; the dialog lives beside the conversation log by default."""
        if self._services is None:
            sessions = self._log.sessions
            self._services = Services(
                sessions=sessions,
                log=self._log,
                answerer=self._answerer,
                directory=self._directory,
                dialog=self._steps or DialogSteps(sessions),
                calendar=self._calendar,
                top_k=self._top_k,
                menu=self._skills.menu,
            )
        return self._services

    async def handle(self, message: IncomingMessage) -> list[OutgoingMessage]:
        """Record, answer and settle in one go (console, memory channel, Kakao skill)."""
        recorded = await self.receive(message)
        if recorded is None:
            return []
        replies = await self.respond(recorded)
        await self.settle(recorded, delivered=True)
        return replies

    async def receive(self, message: IncomingMessage) -> IncomingMessage | None:
        """Record ``message`` if the bot should answer it; ``None`` for chatter or a redelivery.

        The message to answer and settle is the one returned: a message whose id another
        message already used is recorded under a fresh id rather than dropped.
        """
        caller = await asyncio.to_thread(self._directory.identify, message.address)
        route = self._skills.route(message)
        if not _addressed(message, caller, route) and not await self._awaited(message):
            return None
        return await asyncio.to_thread(self._log.record, message)

    async def respond(self, message: IncomingMessage) -> list[OutgoingMessage]:
        """The replies to a recorded message; a failure becomes a polite apology."""
        try:
            caller = await asyncio.to_thread(self._directory.identify, message.address)
            route = self._skills.route(message)
            return await asyncio.to_thread(self._answer, message, caller, route)
        except Exception:
            log.exception("answering %s message %s failed", message.address.platform, message.id)
            return [OutgoingMessage(texts.CH_FAILED)]

    async def settle(self, message: IncomingMessage, *, delivered: bool) -> None:
        """Mark a recorded message answered (or failed, when its reply could not be sent)."""
        status = "answered" if delivered else "failed"
        await asyncio.to_thread(self._log.settle, message, status=status, now=self._clock())

    async def recover(self, deliver: Deliver) -> int:
        """Answer (or apologise for) messages recorded before a crash; how many were handled."""
        pending = await asyncio.to_thread(self._log.unsettled)
        for message in pending:
            if self._clock() - message.received_at <= LATE_ANSWER_GRACE:
                replies = await self.respond(message)
                replies[0] = OutgoingMessage(
                    f"{texts.CH_LATE_PREFIX}\n\n{replies[0].text}",
                    replies[0].buttons,
                    replies[0].links,
                )
            else:
                question = message.text if len(message.text) <= 40 else message.text[:40] + "…"
                replies = [OutgoingMessage(texts.CH_MISSED.format(question=question))]
            try:
                for reply in replies:
                    await deliver(message.address, reply)
            except Exception:
                log.exception("could not deliver a recovered reply on %s", message.address.platform)
                await self.settle(message, delivered=False)
                continue
            await self.settle(message, delivered=True)
        return len(pending)

    def _answer(
        self, message: IncomingMessage, caller: Caller, route: Route
    ) -> list[OutgoingMessage]:
        """Run the skill the message is for (in a worker thread).

        A plain message first uses up the address's pending step, so a step never swallows more
        than the one message that follows it; commands and buttons leave it waiting. When the
        step has lapsed or its skill does not take this answer (an offer takes only a yes or a
        no), the message is read as something new.
        """
        now = self._clock()
        handler, argument = route.handler, route.argument
        if route.is_plain_text:
            taken = self.services.dialog.take(message.address)
            found = self._skills.step(taken.action) if taken is not None else None
            if taken is not None and found is not None:
                step, payload = found
                if taken.live(now, step.ttl) and step.accepts(message.text):
                    handler, argument = step.handle, payload
        return handler(Turn(message, caller, now, argument, self.services))

    async def _awaited(self, message: IncomingMessage) -> bool:
        """Whether the bot asked this address a question its next message answers.

        A button's step (대리참석's name, an 애로사항) takes whatever comes next; an offer takes
        only a yes or a no, so a pending offer does not make the bot answer a room's chatter.
        """
        if message.action is not None:
            return False
        pending = await asyncio.to_thread(self.services.dialog.pending, message.address)
        found = self._skills.step(pending.action) if pending is not None else None
        if pending is None or found is None:
            return False
        step, _ = found
        return pending.live(self._clock(), step.ttl) and step.accepts(message.text)


def _addressed(message: IncomingMessage, caller: Caller, route: Route) -> bool:
    """DMs get every message answered; group rooms follow their ``answer_mode``."""
    if not message.address.is_group or route.kind != "text":
        return True  # a button press or a command is always for the bot
    if caller.answer_mode == "all":
        return True
    return caller.answer_mode == "mention" and message.mentioned
