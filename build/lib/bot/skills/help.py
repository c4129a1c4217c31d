"""``/도움말`` and ``/시작``: what the bot can do, with the menu buttons other skills declare."""

from __future__ import annotations

from bot import texts
from bot.messages import OutgoingMessage
from bot.skills.skill import Skill, Turn

skill = Skill("help")


@skill.command("도움말", "help", "시작", "start")
def show_help(turn: Turn) -> list[OutgoingMessage]:
    """The help text and every registered skill's menu buttons."""
    return [OutgoingMessage(texts.CH_HELP, buttons=turn.services.menu)]
