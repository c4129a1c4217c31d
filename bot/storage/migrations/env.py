"""Alembic environment: runs against the engine handed over by ``bot.storage.db``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from bot.storage import (  # noqa: F401  (all tables)
    admin_models,
    audit_models,
    conversation_models,
    dialog_models,
    difficulty_models,
    event_models,
    federation_models,
    identity_models,
    network_models,
    ratelimit_models,
    room_models,
    schedule_models,
    ticket_models,
)
from bot.storage.base import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
