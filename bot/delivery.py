"""How messages leave the core, and what can go wrong on the way: the delivery contracts.

Two paths, each with its own shape:

* a **reply** answers one incoming message. The channel hands the lifecycle runner a
  :data:`Replier` for it (which may answer a button press, reply in a thread or edit the message
  under a pressed button); a reply is delivered once, never retried.
* a **push** is proactive (a reminder, a prompt, a caught-up answer after a restart): anything
  implementing :class:`Outbox` sends it to an address, and the scheduler retries it.

Every adapter raises the errors below, so the core never sees a platform's own exceptions:
:class:`PermanentDeliveryError` when the bot was removed or blocked (never retry),
:class:`UndeliverableError` when no channel serves the address, :class:`OutcomeUnknownError`
when the request left but its answer never came (it may have arrived: never send it again
blindly), and :class:`DeliveryError` for anything else worth another try later (nothing reached
the platform, or it refused).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from bot.messages import Address, OutgoingMessage

Replier = Callable[[list[OutgoingMessage]], Awaitable[None]]
"""Delivers the replies to one incoming message, in order, on the channel it came from."""


class DeliveryError(Exception):
    """A message could not be delivered this time; trying again later may work."""


class PermanentDeliveryError(DeliveryError):
    """The platform refused for good (bot removed, chat deleted, user blocked): do not retry."""


class UndeliverableError(PermanentDeliveryError, LookupError):
    """No channel can reach the address (its platform is switched off or cannot send first)."""


class OutcomeUnknownError(DeliveryError):
    """The request was sent but no answer came (a read timeout, the connection dropped after
    sending): the platform may have delivered it. Resending risks a second copy, so callers
    record the message as outcome-unknown instead of trying again."""


class TakenOverError(DeliveryError):
    """Another process took the message over while this one waited to send its reply (this
    one stalled past the claim's lease): the reply must not leave from here."""


class Departure(Protocol):
    """Where the reply to one message stands: waiting to leave, or leaving.

    The lifecycle runner marks a reply "sending" before handing it to the channel, so that a
    crash from then on never sends it twice. A reply that then waits (for a rate-limit slot, or
    out a 429) has not left: :meth:`held` says so, and :meth:`leaving` marks it "sending" again
    when the request goes out. A crash during the wait then leaves a reply that is certainly
    not on the member's screen, which the next start answers, instead of one "in doubt".
    """

    async def held(self) -> None:
        """The request waits before it leaves (nothing of it reached the platform yet)."""
        ...

    async def leaving(self) -> None:
        """The request leaves now; raises :class:`TakenOverError` when it must not."""
        ...


_DEPARTURE: ContextVar[Departure | None] = ContextVar("departure", default=None)


@contextmanager
def departure(watch: Departure) -> Iterator[None]:
    """Report the waits and departures of the sends made inside the block to ``watch``."""
    token = _DEPARTURE.set(watch)
    try:
        yield
    finally:
        _DEPARTURE.reset(token)


async def held() -> None:
    """Called by the code that makes a send wait before its request leaves (a rate-limit
    slot, a 429): a reply being delivered is then not "sending" while it waits."""
    watch = _DEPARTURE.get()
    if watch is not None:
        await watch.held()


async def leaving() -> None:
    """Called right before a send's request leaves, after any wait (see :func:`held`)."""
    watch = _DEPARTURE.get()
    if watch is not None:
        await watch.leaving()


class Outbox(Protocol):
    """Sends proactive messages (reminders, prompts, advisor relays) to an address."""

    async def push(self, to: Address, message: OutgoingMessage) -> str | None:
        """Deliver ``message`` to ``to``; raises a :class:`DeliveryError` when it cannot.

        Returns the platform's id of the message sent (the last piece, when the platform
        needed several), which a reply to it carries back as ``IncomingMessage.reply_to``;
        ``None`` where the platform gives none.
        """
        ...
