"""What a member opts into: ``/짝만남`` (monthly pairing rounds with another industry) and
``/추천`` (suggestions of newly findable companies, and others' needs).
"""

from __future__ import annotations

from bot import texts
from bot.messages import OutgoingMessage
from bot.network import pairing, suggest
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


SUGGEST_OFF_WORDS = frozenset({"그만", "끄기", "중지"})
SUGGEST_ON_WORDS = frozenset({"받기", "켜기", "다시"})


@skill.command("추천", "suggestions")
def suggestions_command(turn: Turn) -> list[OutgoingMessage]:
    """``/추천 그만`` or ``/추천 받기``: suggestions and others' needs, off or on."""
    word = turn.argument.strip()
    if word not in SUGGEST_OFF_WORDS | SUGGEST_ON_WORDS:
        return reply(texts.NET_SUGGEST_ABOUT)
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.NET_NOT_LINKED)
        suggest.set_suggestions(session, member, wanted=word in SUGGEST_ON_WORDS)
    return reply(texts.NET_SUGGEST_ON if word in SUGGEST_ON_WORDS else texts.NET_SUGGEST_OFF)
