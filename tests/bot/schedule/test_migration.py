from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, inspect

from bot.storage.db import alembic_config, current_revision, upgrade

SCHEDULE_TABLES = {
    "scheduled_messages",
    "event_schedule_overrides",
    "difficulties",
    "nudge_opt_outs",
}


def test_the_schedule_revision_adds_its_tables_and_removes_them_again(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= SCHEDULE_TABLES

    command.downgrade(alembic_config(engine), "0002_conversations")
    assert not SCHEDULE_TABLES & set(inspect(engine).get_table_names())

    upgrade(engine, "0003_schedule")
    assert current_revision(engine) == "0003_schedule"
    assert set(inspect(engine).get_table_names()) >= SCHEDULE_TABLES
