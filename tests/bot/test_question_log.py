from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.question_log import QuestionFilter, QuestionRow, questions
from tests.handlers.admin.world import DISLIKED, FINE, UNSURE, build
from tests.handlers.conftest import NOW


def asked(rows: list[QuestionRow]) -> list[str]:
    return [row.question for row in rows]


def test_questions_newest_first_with_sources_rating_channel_and_group(
    session_factory: sessionmaker[Session],
) -> None:
    build(session_factory)

    with session_factory() as session:
        rows = questions(session, where=QuestionFilter(), scope=None)

    assert asked(rows) == [FINE, DISLIKED, UNSURE]
    disliked = rows[1]
    assert disliked.sources == ("회칙 › 제5조",)
    assert (disliked.helpful, disliked.unhelpful) == (0, 1)
    assert (disliked.channel, disliked.groups) == ("memory", ("새벽교류회",))


def test_each_filter_narrows_the_questions(session_factory: sessionmaker[Session]) -> None:
    world = build(session_factory)

    def where(**given: Any) -> list[str]:
        with session_factory() as session:
            return asked(questions(session, where=QuestionFilter(**given), scope=None))

    assert where(unconfident=True) == [UNSURE]
    assert where(thumbs_down=True) == [DISLIKED]
    assert where(group_id=world.future_id) == [FINE]
    assert where(keyword="회비") == [DISLIKED]
    assert where(keyword="60만") == [DISLIKED]  # the answer's words count too
    assert where(since=NOW - timedelta(hours=2, minutes=30)) == [FINE, DISLIKED]


def test_a_group_admin_sees_only_their_groups_questions(
    session_factory: sessionmaker[Session],
) -> None:
    world = build(session_factory)

    with session_factory() as session:
        rows = questions(session, where=QuestionFilter(), scope=frozenset({world.dawn_id}))

    assert asked(rows) == [DISLIKED, UNSURE]
