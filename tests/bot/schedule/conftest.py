"""A small federation with one group, two rooms on two platforms and four members."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pytest
from sqlalchemy.orm import Session

from bot.clock import KST
from bot.federation import events, groups, members, rooms
from bot.messages import Address, OutgoingMessage
from bot.storage.event_models import Event
from bot.storage.federation_models import Group, Member
from bot.storage.identity_models import ChatIdentity

MEETING = datetime(2026, 3, 10, 19, 0, tzinfo=KST)  # a Tuesday, no holiday near it


@dataclass
class World:
    group: Group
    leader: Member
    secretary: Member
    member: Member
    offline: Member
    meeting: Event
    telegram_room: Address = field(
        default_factory=lambda: Address("telegram", "-1001", conversation="-1001", is_group=True)
    )
    slack_room: Address = field(
        default_factory=lambda: Address("slack", "C0001", conversation="C0001", is_group=True)
    )


@pytest.fixture
def world(session: Session) -> World:
    federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
    group = groups.add_group(session, federation=federation, name="새벽교류회", actor="test")
    other = groups.add_group(session, federation=federation, name="미래교류회", actor="test")
    rooms.attach_room(session, platform="telegram", chat_id="-1001", group=group, actor="test")
    rooms.attach_room(session, platform="slack", chat_id="C0001", group=group, actor="test")
    rooms.attach_room(session, platform="telegram", chat_id="-1009", group=other, actor="test")
    people = []
    for name, role, account in (
        ("김회장", "leader", ("telegram", "501")),
        ("이간사", "secretary", ("slack", "U0002")),
        ("박대표", "member", ("telegram", "503")),
        ("최대표", "member", None),
    ):
        person = members.add_member(session, federation=federation, name=name, actor="test")
        members.join_group(session, member=person, group=group, role=role, actor="test")
        if account:
            session.add(
                ChatIdentity(
                    platform=account[0],
                    platform_user_id=account[1],
                    member_id=person.id,
                    status="verified",
                )
            )
        people.append(person)
    meeting = events.add_event(
        session,
        federation=federation,
        group=group,
        kind="정례회",
        title="새벽교류회 3월 정례회",
        starts_at=MEETING,
        place="수원컨벤션센터 3층",
        agenda="신입 회원 소개, 공동 구매 논의",
        actor="test",
    )
    session.commit()
    return World(group, *people, meeting)


class RecordingOutbox:
    """Records every push; ``fail`` maps a conversation to the error its pushes raise."""

    def __init__(self) -> None:
        self.pushed: list[tuple[Address, OutgoingMessage]] = []
        self.fail: dict[str, Exception] = {}

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        error = self.fail.get(to.conversation or to.user)
        if error is not None:
            raise error
        self.pushed.append((to, message))

    def texts_to(self, conversation: str) -> list[str]:
        return [m.text for a, m in self.pushed if (a.conversation or a.user) == conversation]


@pytest.fixture
def outbox() -> RecordingOutbox:
    return RecordingOutbox()
