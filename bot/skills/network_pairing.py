"""``/짝만남``: join or leave the monthly pairing rounds (a company from another industry)."""

from __future__ import annotations

from bot import texts
from bot.messages import OutgoingMessage
from bot.network import pairing
from bot.skills.membership import member_of
from bot.skills.skill import Skill, Turn, reply

JOIN_WORDS = frozenset({"참여", "신청", "시작", "할래요"})
LEAVE_WORDS = frozenset({"그만", "해지", "중지", "취소"})

skill = Skill("network_pairing")


@skill.command("짝만남", "pairing")
def pairing_command(turn: Turn) -> list[OutgoingMessage]:
    """``/짝만남 참여`` or ``/짝만남 그만``; without a word, what it is."""
    word = turn.argument.strip()
    if word not in JOIN_WORDS | LEAVE_WORDS:
        return reply(texts.NET_PAIRING_ABOUT)
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.NET_NOT_LINKED)
        if member.company_id is None:
            return reply(texts.NET_NO_COMPANY)
        pairing.opt_in(session, member, joined=word in JOIN_WORDS)
    return reply(texts.NET_PAIRING_JOINED if word in JOIN_WORDS else texts.NET_PAIRING_LEFT)
