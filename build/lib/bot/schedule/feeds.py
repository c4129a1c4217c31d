"""Public calendar links: a group's feed and one event's ``.ics``, each with an unguessable token.

The links are public to whoever holds them, so the token is an HMAC of what the link shows under
the server's calendar secret; without a public URL and a secret there are no links at all.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass


def feed_token(secret: str, kind: str, ident: int) -> str:
    """The unguessable part of a calendar link (``kind`` is ``group`` or ``event``)."""
    mac = hmac.new(secret.encode(), f"{kind}:{ident}".encode(), hashlib.sha256)
    return mac.hexdigest()[:32]


def feed_token_ok(secret: str, kind: str, ident: int, given: str) -> bool:
    """Whether ``given`` is the token of that feed (compared in constant time)."""
    return hmac.compare_digest(feed_token(secret, kind, ident), given)


@dataclass(frozen=True, slots=True)
class CalendarLinks:
    """Builds the links the server's calendar routes answer (none without URL and secret)."""

    public_url: str | None = None
    secret: str | None = None

    def event_link(self, event_id: int) -> str | None:
        """The public ``.ics`` link of one event."""
        return self._link("events", "event", event_id)

    def group_link(self, group_id: int) -> str | None:
        """The public calendar feed of one group."""
        return self._link("calendar", "group", group_id)

    def _link(self, folder: str, kind: str, ident: int) -> str | None:
        if not (self.public_url and self.secret):
            return None
        base = self.public_url.rstrip("/")
        return f"{base}/{folder}/{ident}.ics?t={feed_token(self.secret, kind, ident)}"
