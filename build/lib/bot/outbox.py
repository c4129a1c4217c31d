"""The postman: routes proactive messages to the channel of their address, rate-limited.

Each channel registers a sender for its platform name with how many messages one destination
(a chat, a channel, a person) may receive per period; pushes beyond that wait their turn.

Senders raise the errors of :mod:`bot.delivery`; a push to a platform no channel serves raises
:class:`~bot.delivery.UndeliverableError` here.
"""

from __future__ import annotations

from aiolimiter import AsyncLimiter

from bot.delivery import Outbox, UndeliverableError
from bot.messages import Address, OutgoingMessage


class Postman:
    """An :class:`~bot.delivery.Outbox` that hands each push to its platform's sender."""

    def __init__(self) -> None:
        self._senders: dict[str, tuple[Outbox, float, float]] = {}
        self._limiters: dict[tuple[str, str], AsyncLimiter] = {}

    def register(
        self, platform: str, sender: Outbox, *, per_destination: tuple[float, float] = (1, 1.0)
    ) -> None:
        """Serve ``platform`` with ``sender``: at most ``(messages, seconds)`` per destination."""
        messages, seconds = per_destination
        self._senders[platform] = (sender, messages, seconds)

    @property
    def platforms(self) -> frozenset[str]:
        """The platforms a push can reach."""
        return frozenset(self._senders)

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        """Deliver through the platform's sender once the destination's rate allows it."""
        entry = self._senders.get(to.platform)
        if entry is None:
            raise UndeliverableError(to.platform)
        sender, messages, seconds = entry
        key = (to.platform, to.conversation or to.user)
        limiter = self._limiters.get(key)
        if limiter is None:
            limiter = self._limiters[key] = AsyncLimiter(messages, seconds)
        async with limiter:
            await sender.push(to, message)
