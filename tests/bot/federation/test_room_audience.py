"""A group room answers only from what everyone seen in it may see.

새벽교류회's room is set to group-level answers. A guest or a member of another group writing
there lowers it; the secretariat finds one audit entry per lowering. On SQLite and (with
TEST_DATABASE_URL) PostgreSQL, through the whole bot and the SQL directory.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation import groups, linking, members, rooms
from bot.storage.audit_models import AuditEntry
from bot.storage.federation_models import Group, Member
from bot.storage.identity_models import ChatIdentity
from handlers.memory import MemoryChannel
from tests.bot.skills.club import NOW
from tests.scenarios.answerer import MEMBERS_ONLY_ANSWER, FakeAnswerer

ROOM = "room-1"
OWN, OTHER, GUEST = "501", "601", "999"
QUESTION = "회원 지원사업 알려 주세요"


@dataclass
class Room:
    chat: MemoryChannel
    answerer: FakeAnswerer
    sessions: sessionmaker[Session]
    group_id: int

    async def ask(self, user: str) -> tuple[str, frozenset[str] | None]:
        """``user`` asks in the room; the reply and what the answer could draw on."""
        [reply] = await self.chat.say(user, QUESTION, room=ROOM, mentioned=True)
        return reply.text, self.answerer.asked[-1][1]

    def told(self) -> list[str]:
        """The levels the secretariat was told the room dropped to."""
        with self.sessions() as session:
            entries = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "room_audience_lowered")
                .order_by(AuditEntry.id)
            )
            return [str(entry.detail["level"]) for entry in entries]


@pytest.fixture
def room(session_factory: sessionmaker[Session]) -> Room:
    """새벽교류회 (room-1, group-level) with 김회장; 저녁교류회 with 이대표; a guest."""
    with session_factory.begin() as session:
        federation = groups.the_federation(session, create_as="한빛연합회")
        own = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        other = groups.add_group(session, federation=federation, name="저녁교류회", actor="t")
        rooms.attach_room(session, platform="memory", chat_id=ROOM, group=own, actor="t")
        for name, group, user in (("김회장", own, OWN), ("이대표", other, OTHER)):
            person = members.add_member(session, federation=federation, name=name, actor="t")
            members.join_group(session, member=person, group=group, actor="t")
            session.add(
                ChatIdentity(
                    platform="memory", platform_user_id=user, member_id=person.id, status="verified"
                )
            )
        group_id = own.id
    answerer = FakeAnswerer()
    bot = Bot(
        answerer=answerer,
        directory=SqlDirectory(session_factory),
        log=ConversationLog(session_factory),
        clock=lambda: NOW,
    )
    return Room(MemoryChannel(bot, clock=lambda: NOW), answerer, session_factory, group_id)


async def test_a_room_of_its_own_members_answers_at_group_level(room: Room) -> None:
    text, allowed = await room.ask(OWN)

    assert allowed == {"public", "members", f"group:{room.group_id}"}
    assert text.startswith(MEMBERS_ONLY_ANSWER.text[:10])
    assert room.told() == []


async def test_a_guest_in_the_room_gets_neither_members_only_nor_group_passages(
    room: Room,
) -> None:
    await room.ask(OWN)
    await room.chat.say(GUEST, "안녕하세요, 구경 왔어요", room=ROOM)  # chatter is enough

    guest_text, guest_allowed = await room.ask(GUEST)
    member_text, member_allowed = await room.ask(OWN)  # the guest may still be reading

    assert guest_allowed == member_allowed == {"public"}
    assert "지원사업은" not in guest_text
    assert "지원사업은" not in member_text
    assert room.told() == ["public"]  # told once, however often the guest writes


async def test_a_member_of_another_group_lowers_the_room_to_members_only(room: Room) -> None:
    await room.ask(OWN)

    _, other_allowed = await room.ask(OTHER)
    _, own_allowed = await room.ask(OWN)

    assert other_allowed == own_allowed == {"public", "members"}
    assert room.told() == ["members"]
    await room.chat.say(GUEST, "저도 왔어요", room=ROOM)
    assert room.told() == ["members", "public"]


async def test_a_guest_who_links_to_the_group_lifts_the_cap(room: Room) -> None:
    await room.chat.say(GUEST, "안녕하세요", room=ROOM)
    with room.sessions.begin() as session:
        group = session.get_one(Group, room.group_id)
        federation = groups.the_federation(session)
        person = members.add_member(session, federation=federation, name="박신입", actor="t")
        members.join_group(session, member=person, group=group, actor="t")
        code, _ = linking.issue_invite(session, member=person, actor="t", now=NOW)
        linking.redeem_invite(
            session, platform="memory", platform_user_id=GUEST, code=code, now=NOW
        )
        assert session.get(Member, person.id) is not None

    _, allowed = await room.ask(OWN)

    assert allowed == {"public", "members", f"group:{room.group_id}"}
