"""Fixtures of the routing tests: the desk (a federation with advisors and a secretariat)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.bot.routing.desk import Desk, make_desk


@pytest.fixture
def desk(session_factory: sessionmaker[Session]) -> Desk:
    return make_desk(session_factory)
