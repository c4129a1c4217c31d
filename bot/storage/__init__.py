"""Persistence: SQLAlchemy engine, declarative base, Alembic migrations and the tables.

Tables live in one ``*_models.py`` module per domain (federation directory, chat accounts, rooms,
events, audit, schedule, 애로사항, conversations, dialogs, networking, tickets, console admins); the
shared ``UtcDateTime`` column type is in ``base.py``.
"""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "db",
    "event_models",
    "federation_models",
    "ticket_models",
]
