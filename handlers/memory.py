"""An in-process channel: say something as a member, get the bot's replies back.

Scenario tests drive the whole bot through it, and the console uses it with ``platform="console"``.
Each message goes through the same lifecycle runner as every other channel; the replies are
delivered by returning them. Proactive pushes are collected in :attr:`MemoryChannel.pushed`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from starlette.routing import BaseRoute

from bot.clock import utcnow
from bot.core import Bot
from bot.lifecycle import Runner
from bot.messages import Address, Button, IncomingMessage, OutgoingMessage


@dataclass
class MemoryChannel:
    """A chat channel that lives in memory; implements the :class:`~handlers.base.Adapter`."""

    bot: Bot
    name: str = "memory"
    clock: Callable[[], datetime] = utcnow
    mode: str = "in-process"
    pushed: list[tuple[Address, OutgoingMessage]] = field(default_factory=list)
    runner: Runner = field(init=False)

    def __post_init__(self) -> None:
        self.runner = Runner(self.bot)

    async def say(
        self,
        user: str,
        text: str,
        *,
        room: str | None = None,
        thread: str | None = None,
        mentioned: bool = False,
        name: str | None = None,
        message_id: str | None = None,
        reply_to: str | None = None,
    ) -> list[OutgoingMessage]:
        """``user`` writes ``text`` in a DM (or in ``room``), as a reply to the message whose
        id is ``reply_to`` if given; the replies the bot gives."""
        return await self._send(
            user, text, None, room, thread, mentioned, name, message_id, reply_to
        )

    async def press(
        self, user: str, button: Button, *, room: str | None = None
    ) -> list[OutgoingMessage]:
        """``user`` presses ``button`` under one of the bot's messages."""
        return await self._send(user, "", button.action, room, None, False, None, None, None)

    def address(self, user: str, room: str | None = None, thread: str | None = None) -> Address:
        """The address of ``user`` in a DM or a room of this channel."""
        return Address(self.name, user, room, thread, is_group=room is not None)

    def routes(self) -> Sequence[BaseRoute]:
        """No HTTP routes: messages arrive by method call."""
        return ()

    async def start(self) -> None:
        """Nothing to connect."""

    async def stop(self) -> None:
        """Nothing to release."""

    async def push(self, to: Address, message: OutgoingMessage) -> str:
        """Keep a proactive message for the test (or console) to read; its id is
        :meth:`pushed_id` of its place in :attr:`pushed`."""
        self.pushed.append((to, message))
        return self.pushed_id(len(self.pushed) - 1)

    def pushed_id(self, index: int) -> str:
        """The id of the ``index``-th pushed message (what ``say(reply_to=…)`` names)."""
        return f"{self.name}-out-{index}"

    async def _send(
        self,
        user: str,
        text: str,
        action: str | None,
        room: str | None,
        thread: str | None,
        mentioned: bool,
        name: str | None,
        message_id: str | None,
        reply_to: str | None,
    ) -> list[OutgoingMessage]:
        message = IncomingMessage(
            # Unique for the life of the data directory: a counter would restart with every
            # process, and the log would take a new session's messages for redeliveries.
            id=message_id or f"{self.name}-{uuid.uuid4().hex}",
            address=self.address(user, room, thread),
            text=text,
            received_at=self.clock(),
            action=action,
            display_name=name,
            mentioned=mentioned,
            reply_to=reply_to,
        )
        return await self.runner.handle(message)
