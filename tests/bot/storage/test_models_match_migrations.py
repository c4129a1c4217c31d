"""The models and the migrations describe the same database, on SQLite and PostgreSQL.

Alembic runs to head on an empty database; autogenerate's comparison with the models' metadata
must find nothing to add, drop or alter. A model changed without a migration (or the reverse)
fails here with the difference spelled out.
"""

from __future__ import annotations

import importlib
import pkgutil

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import bot.storage
from bot.storage.base import Base
from bot.storage.db import make_engine, upgrade


def every_model() -> None:
    """Import each models module, so that every table is in ``Base.metadata``."""
    for module in pkgutil.iter_modules(bot.storage.__path__):
        if module.name.endswith("models"):
            importlib.import_module(f"bot.storage.{module.name}")


def test_the_migrated_database_is_what_the_models_say(database_url: str) -> None:
    every_model()
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()

    assert differences == []
    assert len(Base.metadata.tables) > 20
