from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, text

from bot.settings import BotSettings
from bot.storage.db import (
    DatabaseTooNewError,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)


def test_upgrade_creates_every_table_on_an_empty_database(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None

    upgrade(engine)

    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"members", "companies", "groups", "events", "rsvps", "chat_identities"} <= tables
    engine.dispose()


def test_revisions_form_one_line_starting_at_the_federation_tables(engine: Engine) -> None:
    from alembic.script import ScriptDirectory

    from bot.storage.db import alembic_config

    script = ScriptDirectory.from_config(alembic_config(engine))
    assert script.get_heads() == [head_revision()]
    assert script.get_base() == "0001_federation"


def test_upgrade_from_the_previous_revision_and_back_again(engine: Engine) -> None:
    from alembic import command

    from bot.storage.db import alembic_config

    command.downgrade(alembic_config(engine), "base")
    assert "members" not in inspect(engine).get_table_names()

    upgrade(engine)

    assert "members" in inspect(engine).get_table_names()
    upgrade(engine)  # running it twice is harmless
    assert current_revision(engine) == head_revision()


def test_upgrade_from_the_previous_revision_keeps_the_data(engine: Engine) -> None:
    from alembic import command

    from bot.storage.db import alembic_config

    command.downgrade(alembic_config(engine), "-1")
    assert current_revision(engine) != head_revision()
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO federations (name, industry_digits, settings)"
                " VALUES ('한빛연합회', 3, '{}')"
            )
        )

    upgrade(engine)

    assert current_revision(engine) == head_revision()
    with engine.begin() as connection:
        names = connection.execute(text("SELECT name FROM federations")).scalars().all()
    assert names == ["한빛연합회"]


def test_a_database_from_a_newer_version_is_refused(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0042_future'"))

    with pytest.raises(DatabaseTooNewError) as refused:
        upgrade(engine)

    assert "최신 버전으로 업데이트" in str(refused.value)
    assert "upgrade Gyoryu" in str(refused.value)


def test_open_database_migrates_the_default_sqlite_file(isolated_env: object) -> None:
    settings = BotSettings()

    sessions = open_database(settings)

    assert (settings.data_dir / "gyoryu.db").exists()
    engine = sessions.kw["bind"]
    assert current_revision(engine) == head_revision()
    engine.dispose()
