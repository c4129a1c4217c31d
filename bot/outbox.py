"""The postman: routes proactive messages to the channel of their address.

Each channel registers a sender for its platform name. Rate limits are not counted here: every
adapter takes its platform's send slots (:mod:`bot.ratelimit`) before each call, for pushes and
replies alike, shared by every process on the database.

Senders raise the errors of :mod:`bot.delivery`; a push to a platform no channel serves raises
:class:`~bot.delivery.UndeliverableError` here.
"""

from __future__ import annotations

from bot.delivery import Outbox, UndeliverableError
from bot.messages import Address, OutgoingMessage


class Postman:
    """An :class:`~bot.delivery.Outbox` that hands each push to its platform's sender."""

    def __init__(self) -> None:
        self._senders: dict[str, Outbox] = {}

    def register(self, platform: str, sender: Outbox) -> None:
        """Serve ``platform`` with ``sender``."""
        self._senders[platform] = sender

    @property
    def platforms(self) -> frozenset[str]:
        """The platforms a push can reach."""
        return frozenset(self._senders)

    async def push(self, to: Address, message: OutgoingMessage) -> str | None:
        """Deliver through the platform's sender; the platform's id of the message sent, if it
        gives one."""
        sender = self._senders.get(to.platform)
        if sender is None:
            raise UndeliverableError(to.platform)
        return await sender.push(to, message)
