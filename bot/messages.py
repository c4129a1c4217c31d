"""The neutral vocabulary that crosses the boundary between the core and every channel.

No Markdown or HTML here: each adapter in ``handlers/`` renders these for its platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Address:
    """Where a message comes from or goes to.

    ``platform`` is the channel name ("telegram", "slack", "kakao", "kakao_bridge", "console",
    "memory"); ``user`` the platform's user id; ``conversation`` the chat/room/channel id (``None``
    for a 1:1 chat where the user id is enough); ``thread`` a topic or thread id inside it.
    """

    platform: str
    user: str
    conversation: str | None = None
    thread: str | None = None
    is_group: bool = False


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """One update from a member: free text or a button press.

    ``id`` is unique per platform and is what de-duplicates redelivered updates. ``mentioned``
    tells the core the bot was addressed in a group (mention, reply to the bot, or command).
    ``reply_to`` is the platform's id of the message this one replies to (a Telegram reply, a
    message in a Slack thread), as a push returned it (:class:`bot.delivery.Outbox`).
    """

    id: str
    address: Address
    text: str
    received_at: datetime
    action: str | None = None
    display_name: str | None = None
    mentioned: bool = False
    reply_to: str | None = None


@dataclass(frozen=True, slots=True)
class Button:
    """A button under a message; ``action`` comes back as ``IncomingMessage.action``."""

    label: str
    action: str


@dataclass(frozen=True, slots=True)
class Link:
    """A titled link (e.g. a cited source) shown with a message."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """A reply or a proactive message, rendered by each adapter for its platform.

    ``edits_origin`` marks a reply that replaces the message whose button was pressed (e.g. a
    reminder showing fresh RSVP counts). Platforms that can edit messages do so; the others drop
    it, since a confirmation always goes out beside it.
    """

    text: str
    buttons: tuple[Button, ...] = field(default=())
    links: tuple[Link, ...] = field(default=())
    edits_origin: bool = False
