"""Fixtures of the networking tests: the sample federation with linked members."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.bot.network.world import World, make_world


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return make_world(session_factory)
