"""The router: which skill answers a message, decided once per message.

A button goes to the skill that declared the longest matching prefix (``diff:share:7`` →
``diff:share``), a ``/command`` to the skill that declared its name, a pending step to the skill
that declared its kind, and free text to the one skill that takes text. Free text that replies
to one of the bot's messages is first offered to the skills that take replies
(:meth:`Registry.with_replies`). Every name, prefix and step kind has exactly one owner:
registering it twice is an error, not a silent override.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, TypeVar

from bot import texts
from bot.messages import Button, IncomingMessage, OutgoingMessage
from bot.skills.skill import Handler, ReplyHandler, Skill, Step, Turn


class SkillConflictError(ValueError):
    """Two skills declared the same command name, button prefix, step kind or text handler."""


RouteKind = Literal["button", "command", "text"]


@dataclass(frozen=True, slots=True)
class Route:
    """Where one message goes: its kind, the handler and the argument left for it."""

    kind: RouteKind
    handler: Handler
    argument: str

    @property
    def is_plain_text(self) -> bool:
        """Free text (no button, no command): the kind of message that can answer a step."""
        return self.kind == "text"


def _stale_button(turn: Turn) -> list[OutgoingMessage]:
    return [OutgoingMessage(texts.CH_UNKNOWN_BUTTON)]


def _no_reply(turn: Turn) -> list[OutgoingMessage]:
    return []


class Registry:
    """The skills of one bot, indexed by command name, button prefix and step kind."""

    def __init__(self, skills: Iterable[Skill] = ()) -> None:
        self._skills: list[Skill] = []
        self._commands: dict[str, Handler] = {}
        self._buttons: dict[str, Handler] = {}
        self._steps: dict[str, Step] = {}
        self._fallback: Handler | None = None
        self._replies: list[ReplyHandler] = []
        self._postscripts: list[Handler] = []
        for skill in skills:
            self.add(skill)

    def add(self, skill: Skill) -> None:
        """Register ``skill``; :class:`SkillConflictError` if it claims what another owns."""
        for table, claimed, what in (
            (self._commands, skill.commands, "command"),
            (self._buttons, skill.buttons, "button prefix"),
            (self._steps, skill.steps, "step kind"),
        ):
            taken = sorted(set(table) & set(claimed))
            if taken:
                raise SkillConflictError(f"{skill.name}: {what} {', '.join(taken)} is taken")
        if skill.fallback is not None and self._fallback is not None:
            raise SkillConflictError(f"{skill.name}: free text already has a skill")
        self._commands.update(skill.commands)
        self._buttons.update(skill.buttons)
        self._steps.update(skill.steps)
        self._fallback = skill.fallback or self._fallback
        self._replies.extend(skill.replies)
        self._postscripts.extend(skill.postscripts)
        self._skills.append(skill)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self._skills)

    @property
    def menu(self) -> tuple[Button, ...]:
        """The help reply's buttons: every skill's ``menu``, in registration order."""
        return tuple(button for skill in self._skills for button in skill.menu)

    def route(self, message: IncomingMessage) -> Route:
        """The handler for ``message`` (a button's action, a ``/command`` or free text)."""
        if message.action is not None:
            found = _longest(self._buttons, message.action)
            if found is None:
                return Route("button", _stale_button, message.action)
            handler, payload = found
            return Route("button", handler, payload)
        name, argument = split_command(message.text)
        if name is not None and name in self._commands:
            return Route("command", self._commands[name], argument)
        return Route("text", self._fallback or _no_reply, message.text.strip())

    def with_replies(self, handler: Handler) -> Handler:
        """``handler`` behind the skills that take replies: the first that recognises the
        replied-to message answers; when none does, ``handler`` does."""
        if not self._replies:
            return handler
        replies = tuple(self._replies)

        def first_taker(turn: Turn) -> list[OutgoingMessage]:
            for taker in replies:
                taken = taker(turn)
                if taken is not None:
                    return taken
            return handler(turn)

        return first_taker

    def postscripts(self, turn: Turn) -> list[OutgoingMessage]:
        """What the skills add after the answer to ``turn`` (see ``Skill.postscript``)."""
        return [message for handler in self._postscripts for message in handler(turn)]

    def is_command(self, text: str) -> bool:
        """Whether ``text`` starts with a command some skill declared."""
        name, _ = split_command(text)
        return name is not None and name in self._commands

    def step(self, action: str) -> tuple[Step, str] | None:
        """The step that completes a stored step ``action``, with its payload."""
        return _longest(self._steps, action)


def split_command(text: str) -> tuple[str | None, str]:
    """``("질문", "연회비는?")`` for ``"/질문 연회비는?"``; ``(None, text)`` without a slash.

    Telegram groups send ``/ask@GyoryuBot``: the suffix names the bot, not the command.
    """
    stripped = text.strip()
    if not stripped.startswith("/"):
        return None, stripped
    head, _, rest = stripped[1:].partition(" ")
    return head.split("@", 1)[0].lower(), rest.strip()


T = TypeVar("T")


def _longest(table: dict[str, T], action: str) -> tuple[T, str] | None:
    """The entry of the longest prefix ``p`` with ``action == p`` or ``p + ":"`` starting it."""
    parts = action.split(":")
    for cut in range(len(parts), 0, -1):
        entry = table.get(":".join(parts[:cut]))
        if entry is not None:
            return entry, ":".join(parts[cut:])
    return None
