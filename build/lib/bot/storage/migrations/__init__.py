"""Alembic migrations of the Gyoryu database, run in code by ``bot.storage.db``."""
