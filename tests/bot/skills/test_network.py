"""Networking in chat: ``/찾기`` through the in-memory channel, as members of different groups.

The sample federation's consent levels decide what each member sees; no reply carries a phone
number or an e-mail address.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from tests.bot.network.world import World, make_world

PHONE = re.compile(r"01\d-?\d{3,4}-?\d{4}")


@pytest.fixture
def world(session_factory: sessionmaker[Session]) -> World:
    return make_world(session_factory)


async def test_finding_partners_shows_company_industry_group_and_what_matched(
    world: World,
) -> None:
    [reply] = await world.chat.say("u-choi", "/찾기 사출 가능한 곳")

    lines = reply.text.splitlines()
    assert lines[0] == texts.NET_SEARCH_HEADING.format(query="사출 가능한 곳")
    assert "(주)한빛메디텍 (그 외 기타 의료용 기기 제조업 · 미래교류회)" in reply.text
    assert "공정/설비: 사출, 조립 클린룸" in reply.text
    assert "한결플라스틱" not in reply.text  # his own company
    assert not PHONE.search(reply.text)
    assert "@" not in reply.text


async def test_each_member_sees_what_consent_allows(world: World) -> None:
    [same_group] = await world.chat.say("u-koo", "/찾기 생산직 채용 대행")
    [other_group] = await world.chat.say("u-choi", "/찾기 생산직 채용 대행")
    [private] = await world.chat.say("u-shin", "/찾기 기장 세무 신고 대행")

    assert "(주)한마음인력" in same_group.text  # 교류회: its own group (동행) finds it
    assert "(주)한마음인력" not in other_group.text  # another group does not
    assert "가온세무회계서비스" not in private.text  # 비공개: not even its own group


async def test_usage_nothing_found_and_guests(world: World) -> None:
    [usage] = await world.chat.say("u-choi", "/찾기")
    [none] = await world.chat.say("u-choi", "/찾기 우주선 엔진")
    [guest] = await world.chat.say("stranger", "/찾기 금형")

    assert usage.text == texts.NET_SEARCH_USAGE
    assert none.text == texts.NET_SEARCH_NONE.format(query="우주선 엔진")
    assert guest.text == texts.NET_NOT_LINKED


async def test_in_a_group_room_the_room_decides_what_is_shown(world: World) -> None:
    from bot.federation import groups, rooms

    with world.sessions.begin() as session:
        together = groups.find_group(session, "동행교류회")
        rooms.attach_room(session, platform="memory", chat_id="room-dh", group=together, actor="t")

    [own_room] = await world.chat.say("u-koo", "/찾기 생산직 채용 대행", room="room-dh")
    await world.chat.say("u-choi", "안녕하세요", room="room-dh")  # 새벽교류회 member
    [mixed_room] = await world.chat.say("u-koo", "/찾기 생산직 채용 대행", room="room-dh")
    await world.chat.say("stranger", "처음 뵙겠습니다", room="room-dh")  # not a member
    [with_guest] = await world.chat.say("u-koo", "/찾기 생산직 채용 대행", room="room-dh")

    assert "(주)한마음인력" in own_room.text  # 교류회 공개, and only 동행교류회 reads the room
    assert "(주)한마음인력" not in mixed_room.text  # another group's member reads it too
    assert with_guest.text == texts.NET_SEARCH_DM_ONLY
