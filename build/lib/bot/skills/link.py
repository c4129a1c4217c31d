"""``/연결 <코드>``: link this chat account to the member the secretariat's invite code names."""

from __future__ import annotations

from bot import texts
from bot.directory import LinkRefusedError
from bot.messages import OutgoingMessage
from bot.skills.skill import Skill, Turn, reply

skill = Skill("link")


@skill.command("연결", "link")
def link(turn: Turn) -> list[OutgoingMessage]:
    """Redeem the invite code; a refused code is explained politely."""
    if not turn.argument:
        return reply(texts.CH_LINK_USAGE)
    try:
        name = turn.services.directory.link(
            turn.address, turn.argument, display_name=turn.message.display_name, now=turn.now
        )
    except LinkRefusedError as refused:
        return reply(str(refused))
    return reply(texts.ch_linked(name))
