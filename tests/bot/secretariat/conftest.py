"""A small federation (two groups, one with a Telegram room) for the secretariat use-cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from bot.clock import KST
from bot.federation import events, groups, rooms
from bot.storage.event_models import Event
from bot.storage.federation_models import Federation, Group

# A Monday morning; the meeting below is on a working-day evening two weeks later.
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=KST)


@dataclass
class Hanbit:
    federation: Federation
    dawn: Group
    future: Group
    meeting: Event


@pytest.fixture
def hanbit(session: Session) -> Hanbit:
    federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
    dawn = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
    future = groups.add_group(session, federation=federation, name="미래교류회", actor="t")
    rooms.attach_room(session, platform="telegram", chat_id="-1001", group=dawn, actor="t")
    meeting = events.add_event(
        session,
        federation=federation,
        group=dawn,
        kind="정례회",
        title="새벽교류회 3월 정례회",
        starts_at=(NOW + timedelta(days=14)).replace(hour=19),
        place="수원컨벤션센터",
        agenda=None,
        actor="t",
    )
    session.commit()
    return Hanbit(federation, dawn, future, meeting)
