"""Meetings engine: reminder planning, the durable message queue, its dispatcher, RSVP and .ics."""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "compose",
    "dispatcher",
    "feeds",
    "ics",
    "queue",
    "runner",
]
