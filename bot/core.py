"""The neutral core: what to answer. An incoming message goes in, the replies come out.

The core imports no platform SDK and never sends anything itself; the lifecycle runner
(:mod:`bot.lifecycle`) records, delivers and settles around it. Each message is looked at once:

* :meth:`Bot.admit` identifies the caller, routes the message (a button to the skill owning its
  prefix, a ``/command`` to its skill, free text to the asking skill), decides whether the bot
  is addressed, and records it, reading the dialog step it may answer in the same transaction;
* :meth:`Bot.answer` runs the skill, or the skill that asked when the message answers a pending
  step (:mod:`bot.dialog`), and turns any failure into a polite apology;
* :meth:`Bot.settle` marks it answered or failed.

The methods are synchronous (database and answerer work); the runner calls them in a worker
thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from bot import texts
from bot.answers import QuestionAnswerer
from bot.clock import Clock, utcnow
from bot.conversation import ConversationLog, Reclaimed
from bot.dialog import DialogSteps, Pending
from bot.directory import Caller, Directory
from bot.messages import IncomingMessage, OutgoingMessage
from bot.sanitise import sanitised
from bot.schedule.feeds import CalendarLinks
from bot.skills import Handler, Registry, Route, Services, Turn, default_skills

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Admission:
    """A message the bot answers: as recorded, its caller and its route, each decided once.

    ``step`` is the dialog step that was waiting for the address when a plain message arrived
    (the message uses it up, answering it or letting it lapse).
    """

    message: IncomingMessage
    caller: Caller
    route: Route
    step: Pending | None = None


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
        field_guesser: Callable[[str], str | None] | None = None,
        pull_only: frozenset[str] = frozenset(),
    ) -> None:
        self._answerer = answerer
        self._directory = directory
        self._log = log
        self.clock = clock
        self._top_k = top_k
        self._skills = skills if skills is not None else default_skills()
        self._calendar = calendar or CalendarLinks()
        self._steps = dialog
        self._field_guesser = field_guesser
        self._pull_only = pull_only
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
                field_guesser=self._field_guesser,
                pull_only=self._pull_only,
            )
        return self._services

    def admit(self, message: IncomingMessage) -> Admission | None:
        """Record ``message`` if the bot should answer it; ``None`` for chatter or a redelivery.

        The message to answer and settle is the admission's: it is sanitised first (no NUL
        bytes, lone surrogates or over-long ids reach storage), and a message whose id another
        message already used is recorded under a fresh id rather than dropped.
        """
        message = sanitised(message)
        caller = self._directory.identify(message.address)
        route = self._skills.route(message)
        if _addressed(message, caller, route):
            recorded = self._log.record(message, read_step=route.is_plain_text, now=self.clock())
            step = recorded.step if recorded is not None else None
        else:
            # Unaddressed chatter in a room, unless it answers what the bot asked this person.
            step = self._awaited(message)
            recorded = self._log.record(message, now=self.clock()) if step is not None else None
        if recorded is None:
            return None
        return Admission(recorded.message, caller, route, step)

    def revisit(self, message: IncomingMessage) -> Admission:
        """The admission of a message recorded earlier (recovery after a restart)."""
        route = self._skills.route(message)
        step = self.services.dialog.pending(message.address) if route.is_plain_text else None
        return Admission(message, self._directory.identify(message.address), route, step)

    def answer(self, admission: Admission) -> list[OutgoingMessage]:
        """The replies to an admitted message; a failure becomes a polite apology."""
        message = admission.message
        try:
            handler, argument = self._handler(admission)
            turn = Turn(message, admission.caller, self.clock(), argument, self.services)
            return handler(turn) + self._skills.postscripts(turn)
        except Exception:
            log.exception("answering %s message %s failed", message.address.platform, message.id)
            return [OutgoingMessage(texts.CH_FAILED)]

    def settle(self, message: IncomingMessage, *, delivered: bool) -> None:
        """Mark a recorded message answered (or failed, when its reply could not be sent)."""
        status = "answered" if delivered else "failed"
        self._log.settle(message, status=status, now=self.clock())

    def settle_unknown(self, message: IncomingMessage) -> None:
        """Mark a recorded message whose reply may or may not have arrived (never resent)."""
        self._log.settle(message, status="unknown", now=self.clock())

    def mark_sending(self, message: IncomingMessage) -> bool:
        """Record that the reply to ``message`` is leaving (a crash now must not resend it);
        ``False`` when another process took the message over and this reply must not leave."""
        return self._log.mark_sending(message, now=self.clock())

    def hold(self, message: IncomingMessage) -> bool:
        """Record that the reply marked "sending" waits before it leaves (see
        :meth:`ConversationLog.hold`); ``False`` when another process took the message over."""
        return self._log.hold(message, now=self.clock())

    def renew_claims(self) -> int:
        """Keep the claims of the messages this process works on fresh; how many."""
        return self._log.renew(now=self.clock())

    def reclaim(self, lease: timedelta) -> Reclaimed:
        """Take over messages whose process died (see :meth:`ConversationLog.reclaim`)."""
        return self._log.reclaim(now=self.clock(), lease=lease)

    def unsettled(self) -> list[IncomingMessage]:
        """Messages recorded but never settled (the process stopped in between), oldest first."""
        return self._log.unsettled()

    def _handler(self, admission: Admission) -> tuple[Handler, str]:
        """The route's handler, or the step's when the message answers the step waiting for it.

        A plain message uses up the step, so a step never swallows more than the one message
        that follows it; commands and buttons leave it waiting. When the step has lapsed or its
        skill does not take this answer (an offer takes only a yes or a no), the message is read
        as something new.
        """
        handler, argument = self._step_or_route(admission)
        if admission.route.is_plain_text and admission.message.reply_to is not None:
            handler = self._skills.with_replies(handler)  # a reply names what it answers
        return handler, argument

    def _step_or_route(self, admission: Admission) -> tuple[Handler, str]:
        route = admission.route
        if admission.step is None:
            return route.handler, route.argument
        taken = self.services.dialog.take(admission.message.address)
        live = self._live(taken, admission.message.text)
        if taken is None or live is None:
            return route.handler, route.argument
        return live

    def _awaited(self, message: IncomingMessage) -> Pending | None:
        """The step a room message answers though the bot was not addressed, if any.

        A button's step (대리참석's name, an 애로사항) takes whatever comes next; an offer takes
        only a yes or a no, so a pending offer does not make the bot answer a room's chatter.
        """
        if message.action is not None:
            return None
        pending = self.services.dialog.pending(message.address)
        if pending is None or self._live(pending, message.text) is None:
            return None
        return pending

    def _live(self, pending: Pending | None, text: str) -> tuple[Handler, str] | None:
        """The owning skill's handler and payload when ``pending`` is live and takes ``text``."""
        found = self._skills.step(pending.action) if pending is not None else None
        if pending is None or found is None:
            return None
        step, payload = found
        if not pending.live(self.clock(), step.ttl) or not step.accepts(text):
            return None
        return step.handle, payload


def _addressed(message: IncomingMessage, caller: Caller, route: Route) -> bool:
    """DMs get every message answered; group rooms follow their ``answer_mode``."""
    if not message.address.is_group or not route.is_plain_text:
        return True  # a button press or a command is always for the bot
    if caller.answer_mode == "all":
        return True
    return caller.answer_mode == "mention" and message.mentioned
