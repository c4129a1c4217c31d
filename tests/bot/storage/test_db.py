"""The SQLite engine: what each connection is set to."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from bot.storage.db import make_engine

NORMAL = 1  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL


def test_a_sqlite_file_is_written_ahead_and_synced_at_checkpoints_not_every_commit(
    tmp_path: Path,
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'gyoryu.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == NORMAL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_a_result_left_unread_does_not_keep_a_pooled_connection_in_the_past(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'gyoryu.db'}"
    engine, other_process = make_engine(url), make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY)"))
        connection.execute(text("INSERT INTO notes DEFAULT VALUES"))
        connection.execute(text("INSERT INTO notes DEFAULT VALUES"))
    with engine.connect() as connection:
        # Kept alive past its connection, as an error's traceback keeps a frame's locals.
        left_unread = connection.execute(text("SELECT id FROM notes"))
    with other_process.begin() as connection:
        connection.execute(text("INSERT INTO notes DEFAULT VALUES"))

    with engine.connect() as connection:  # the pool's one connection, the same as above
        seen = connection.execute(text("SELECT count(*) FROM notes")).scalar()
        connection.execute(text("INSERT INTO notes DEFAULT VALUES"))  # not "database is locked"
        connection.commit()

    assert seen == 3
    left_unread.close()
    engine.dispose()
    other_process.dispose()
