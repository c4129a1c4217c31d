"""Fixtures of the skill tests: a club with a meeting, and a talk with the real answerer."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.bot.skills.club import Club, make_club
from tests.bot.skills.talk import Talk, make_talk


@pytest.fixture
def club(session_factory: sessionmaker[Session]) -> Club:
    return make_club(session_factory)


@pytest.fixture
def talk(session_factory: sessionmaker[Session]) -> Talk:
    return make_talk(session_factory)
