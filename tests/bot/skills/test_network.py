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
