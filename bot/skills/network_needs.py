"""Needs in chat: ``/구해요 <내용>`` posts one, ``/구해요 목록`` lists them with who is
interested, ``/구해요 마감 <번호>`` and ``/구해요 연장 <번호>`` close or renew one; the
관심 있어요 / 아니에요 buttons of the private note come back here.
"""

from __future__ import annotations

from bot import texts
from bot.messages import OutgoingMessage
from bot.network import needs
from bot.network.intros import IntroRefused
from bot.skills.membership import member_of
from bot.skills.skill import Skill, Turn, reply

skill = Skill("network_needs")


@skill.command("구해요", "need")
def need(turn: Turn) -> list[OutgoingMessage]:
    """Post, list, close or renew a need."""
    verb, _, rest = turn.argument.strip().partition(" ")
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.NET_NOT_LINKED)
        try:
            if not verb:
                return reply(texts.NET_NEED_USAGE)
            if verb == "목록":
                return reply(needs.listing(session, member=member, now=turn.now))
            if verb in ("마감", "연장"):
                number = rest.strip().removesuffix("번").lstrip("#")
                if not number.isdigit():
                    return reply(texts.NET_NEED_NUMBER_USAGE)
                change = needs.close if verb == "마감" else needs.renew
                return reply(change(session, member=member, need_id=int(number), now=turn.now))
            posted = needs.post(session, member=member, text=turn.argument, now=turn.now)
        except IntroRefused as refused:
            session.rollback()
            return reply(str(refused))
    return reply(texts.net_need_posted(posted.need_id, posted.sent))


@skill.button(needs.ANSWER_PREFIX)
def answered(turn: Turn) -> list[OutgoingMessage]:
    """관심 있어요 / 아니에요 under a need's private note."""
    raw_id, _, said = turn.argument.partition(":")
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.NET_NOT_LINKED)
        if not raw_id.isdigit():
            return reply(texts.NET_NEED_GONE)
        try:
            text = needs.answer(
                session, note_id=int(raw_id), member=member, interested=said == "y", now=turn.now
            )
        except IntroRefused as refused:
            session.rollback()
            return reply(str(refused))
    return reply(text)
