"""What a chat feature is: a :class:`Skill` declares its commands, buttons and dialog steps.

A skill module builds one ``Skill`` and decorates its handlers, much like a bolt app's
listeners or python-telegram-bot's handlers, except that a handler *returns* its replies::

    skill = Skill("link")

    @skill.command("연결", "link")
    def link(turn: Turn) -> list[OutgoingMessage]: ...

A handler is a plain synchronous function of one :class:`Turn` (the message, the caller
identified once, ``now``, the parsed argument and the core's :class:`Services`); the core runs
it in a worker thread and routes to it through a :class:`~bot.skills.registry.Registry`:

* ``command(*names)``: ``/name argument`` (Korean and English names, ``/name@Bot`` too);
* ``button(*prefixes)``: a button whose action is ``prefix`` or ``prefix:payload``;
* ``step(kind)``: the next message of an address the skill asked something (:mod:`bot.dialog`),
  with ``accepts`` to take only some answers (an offer takes only a yes or a no) and a time-out;
* ``text()``: free text nobody else claimed (one skill in a registry: asking a question);
* ``menu``: buttons the help reply shows for this skill.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.answers import QuestionAnswerer
from bot.conversation import ConversationLog
from bot.dialog import STEP_TTL, DialogSteps
from bot.directory import Caller, Directory
from bot.messages import Address, Button, IncomingMessage, OutgoingMessage
from bot.schedule.feeds import CalendarLinks


@dataclass(frozen=True, slots=True)
class Services:
    """What skills may use, built once by the core and shared by every turn."""

    sessions: sessionmaker[Session]
    log: ConversationLog
    answerer: QuestionAnswerer
    directory: Directory
    dialog: DialogSteps
    calendar: CalendarLinks = field(default_factory=CalendarLinks)
    top_k: int = 5
    menu: tuple[Button, ...] = ()
    """The buttons under the help reply, gathered from every registered skill's ``menu``."""
    field_guesser: Callable[[str], str | None] | None = None
    """A chat model's guess of a question's advisor field (:mod:`bot.routing.fields`), if any."""
    pull_only: frozenset[str] = frozenset()
    """Platforms whose one-to-one chats the bot cannot write to first (a Kakao 1:1 chat): what
    was meant for someone there waits for their next message."""


@dataclass(frozen=True, slots=True)
class Turn:
    """One message as a skill sees it.

    ``argument`` is what the route left over: the text after a command, a button's payload
    after its prefix, a step's payload, or the whole free text. For a step, ``message.text``
    is the answer the member gave.
    """

    message: IncomingMessage
    caller: Caller
    now: datetime
    argument: str
    services: Services

    @property
    def address(self) -> Address:
        """Where the message came from (and where a reply goes)."""
        return self.message.address

    @property
    def number(self) -> int | None:
        """The argument as a record id (``fb+:12`` → 12), or ``None`` when it is not one."""
        return int(self.argument) if self.argument.isdigit() else None


Handler = Callable[[Turn], list[OutgoingMessage]]
"""A skill's answer to one turn: the replies, in order."""

ReplyHandler = Callable[[Turn], list[OutgoingMessage] | None]
"""A skill's answer to a message replying to one of the bot's (``message.reply_to``), or
``None`` when the replied-to message is none of its own (the message is then read as usual)."""


def reply(text: str, *buttons: Button) -> list[OutgoingMessage]:
    """A single text reply (with buttons): what most handlers return."""
    return [OutgoingMessage(text, buttons=buttons)]


def _anything(text: str) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Step:
    """How a skill completes one kind of pending step."""

    handle: Handler
    accepts: Callable[[str], bool] = _anything
    """Whether a message answers the step; another message lets it lapse and is read anew."""
    ttl: timedelta = STEP_TTL


class Skill:
    """One chat feature: its commands, button prefixes, dialog steps and menu buttons."""

    def __init__(self, name: str, *, menu: tuple[Button, ...] = ()) -> None:
        self.name = name
        self.menu = menu
        self.commands: dict[str, Handler] = {}
        self.buttons: dict[str, Handler] = {}
        self.steps: dict[str, Step] = {}
        self.fallback: Handler | None = None
        self.replies: list[ReplyHandler] = []
        self.postscripts: list[Handler] = []

    def command(self, *names: str) -> Callable[[Handler], Handler]:
        """Register the decorated handler for ``/name`` in each of ``names``."""

        def register(handler: Handler) -> Handler:
            for name in names:
                self.commands[name.lower()] = handler
            return handler

        return register

    def button(self, *prefixes: str) -> Callable[[Handler], Handler]:
        """Register the decorated handler for buttons whose action starts with a prefix."""

        def register(handler: Handler) -> Handler:
            for prefix in prefixes:
                self.buttons[prefix] = handler
            return handler

        return register

    def step(
        self, kind: str, *, accepts: Callable[[str], bool] = _anything, ttl: timedelta = STEP_TTL
    ) -> Callable[[Handler], Handler]:
        """Register the decorated handler for the answer to a step of ``kind``."""

        def register(handler: Handler) -> Handler:
            self.steps[kind] = Step(handler, accepts, ttl)
            return handler

        return register

    def on_reply(self) -> Callable[[ReplyHandler], ReplyHandler]:
        """Register the decorated handler for free text replying to one of the bot's messages
        (before any pending step: a reply names what it answers)."""

        def register(handler: ReplyHandler) -> ReplyHandler:
            self.replies.append(handler)
            return handler

        return register

    def postscript(self) -> Callable[[Handler], Handler]:
        """Register the decorated handler to add messages after every answered turn (what was
        waiting for the person: usually nothing)."""

        def register(handler: Handler) -> Handler:
            self.postscripts.append(handler)
            return handler

        return register

    def text(self) -> Callable[[Handler], Handler]:
        """Register the decorated handler for free text (and unknown ``/words``)."""

        def register(handler: Handler) -> Handler:
            self.fallback = handler
            return handler

        return register
