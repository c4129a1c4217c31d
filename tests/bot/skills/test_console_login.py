from __future__ import annotations

import re

from bot import texts
from bot.federation import admins
from tests.bot.skills.club import GUEST, LEADER, MEMBER, NOW, ROOM, Club

LINK = re.compile(r"https://gyoryu\.example\.kr/admin/login/(\S+)")


def make_admin(club: Club, name: str = "김회장") -> None:
    with club.sessions.begin() as session:
        admins.add_admin(session, name=name, group="새벽교류회", actor="t", now=NOW)


async def test_a_linked_admin_gets_a_one_time_console_link_in_a_dm(club: Club) -> None:
    make_admin(club)

    [reply] = await club.chat.say(LEADER, "/관리")

    found = LINK.search(reply.text)
    assert found is not None, reply.text
    assert "15분" in reply.text
    with club.sessions.begin() as session:
        _, user = admins.redeem_link(session, token=found.group(1), now=NOW)
    assert user.name == "김회장"


async def test_the_link_never_goes_to_a_room(club: Club) -> None:
    make_admin(club)

    [reply] = await club.chat.say(LEADER, "/관리", room=ROOM)

    assert reply.text == texts.ADM_CHAT_DM_ONLY
    assert "admin/login" not in reply.text


async def test_members_and_guests_are_told_the_console_is_not_theirs(club: Club) -> None:
    make_admin(club)

    replies = [await club.chat.say(user, "/관리") for user in (MEMBER, GUEST)]

    assert [r.text for [r] in replies] == [texts.ADM_CHAT_NOT_ADMIN] * 2
