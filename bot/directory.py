"""Who is asking and what they may see: the core's view of the federation directory.

The core codes against :class:`Directory`; :class:`MemoryDirectory` serves tests and demos and
``bot.directory_sql.SqlDirectory`` the federation database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot import texts
from bot.messages import Address

PUBLIC = frozenset({"public"})


@dataclass(frozen=True, slots=True)
class Caller:
    """The person behind an address and the rules of the room they wrote in.

    ``answer_mode`` is the room's setting ("mention", "quiet" or "all"); a 1:1 chat is "all".
    ``audience`` is what the answer may draw on: in a group room, only what everyone there may see.
    """

    member_id: int | None = None
    name: str | None = None
    audience: frozenset[str] = PUBLIC
    answer_mode: str = "all"
    tone: str = "polite"


class LinkRefusedError(Exception):
    """An invite code was refused; ``str(error)`` is a polite sentence for the user."""


class Directory(Protocol):
    """Identity, linking and room settings, as the core needs them."""

    def identify(self, address: Address) -> Caller:
        """The member (or guest) at ``address`` with their audience and room rules."""
        ...

    def link(self, address: Address, code: str, *, display_name: str | None, now: datetime) -> str:
        """Link ``address`` to the member an invite ``code`` was issued for; their name."""
        ...


@dataclass(frozen=True, slots=True)
class Person:
    """A member known to :class:`MemoryDirectory`."""

    member_id: int
    name: str
    audience: frozenset[str] = frozenset({"public", "members"})


@dataclass
class MemoryDirectory:
    """An in-memory directory: linked accounts, one-time invite codes and room settings."""

    accounts: dict[tuple[str, str], Person] = field(default_factory=dict)
    invites: dict[str, Person] = field(default_factory=dict)
    rooms: dict[tuple[str, str], Caller] = field(default_factory=dict)
    seen: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def identify(self, address: Address) -> Caller:
        """The linked member or a guest; group rooms use their own settings and audience,
        capped by what everyone seen writing there may see (a guest makes it public)."""
        person = self.accounts.get((address.platform, address.user))
        if address.is_group:
            key = (address.platform, address.conversation or "")
            # An unconfigured room behaves like the federation default: answer when addressed.
            room = self.rooms.get(key, Caller(answer_mode="mention"))
            self.seen.setdefault(key, set()).add(address.user)
            audience = room.audience
            for user in self.seen[key]:
                seen = self.accounts.get((address.platform, user))
                audience &= seen.audience if seen else PUBLIC
            return Caller(
                member_id=person.member_id if person else None,
                name=person.name if person else None,
                audience=audience,
                answer_mode=room.answer_mode,
                tone=room.tone,
            )
        if person is None:
            return Caller()
        return Caller(member_id=person.member_id, name=person.name, audience=person.audience)

    def link(self, address: Address, code: str, *, display_name: str | None, now: datetime) -> str:
        """Redeem a code once; an unknown or used code is refused."""
        person = self.invites.pop(code.strip().upper(), None)
        if person is None:
            raise LinkRefusedError(texts.FED_INVITE_UNKNOWN)
        self.accounts[(address.platform, address.user)] = person
        return person.name
