"""What the secretariat does, as plain use-case functions: one module per subject.

Each function takes a session and keyword arguments, validates (raising a
:class:`~bot.federation.errors.FederationError` with a Korean message), changes the rows, writes
its audit entry in the same transaction and returns a small frozen dataclass that outlives the
session. The command line (``handlers/cli_*.py``) parses, calls one and prints; the web console
will call the same functions.
"""

from __future__ import annotations

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "difficulties",
    "documents",
    "events",
    "expert",
    "groups",
    "members",
    "networking",
    "questions",
    "roster",
    "schedule",
]
