"""Persistence: SQLAlchemy engine, declarative base and Alembic migrations."""

# What the edge (handlers/) may import from here: see docs/architecture.md.
__all__ = [
    "db",
    "models",
    "ticket_models",
]
