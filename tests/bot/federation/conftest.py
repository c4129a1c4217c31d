"""A small federation with three groups, built through the services under test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from bot.clock import KST
from bot.federation import groups
from bot.storage.federation_models import Federation, Group

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=KST)


@dataclass
class Hanbit:
    federation: Federation
    dawn: Group
    future: Group
    together: Group


@pytest.fixture
def hanbit(session: Session) -> Hanbit:
    federation = groups.the_federation(session, create_as="(사)한빛중소기업이업종교류연합회")
    made = [
        groups.add_group(session, federation=federation, name=name, actor="test")
        for name in ("새벽교류회", "미래교류회", "동행교류회")
    ]
    session.commit()
    return Hanbit(federation, *made)
