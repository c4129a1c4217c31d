"""``/관리``: a console admin asks in a 1:1 chat for a one-time log-in link to the web console."""

from __future__ import annotations

from bot import texts
from bot.federation import admins
from bot.messages import OutgoingMessage
from bot.skills.skill import Skill, Turn, reply

skill = Skill("console_login")

LOGIN_PATH = "/admin/login/"


def login_url(public_url: str, token: str) -> str:
    """The link that opens a console session (the server mounts the console under /admin)."""
    return f"{public_url.rstrip('/')}{LOGIN_PATH}{token}"


@skill.command("관리", "admin")
def console_link(turn: Turn) -> list[OutgoingMessage]:
    """Send the link in a DM to a linked admin; everyone else is told politely why not."""
    if turn.address.is_group:  # the link opens the console: it never goes to a room
        return reply(texts.ADM_CHAT_DM_ONLY)
    member_id = turn.caller.member_id
    if member_id is None:
        return reply(texts.ADM_CHAT_NOT_ADMIN)
    # The server's public address is the one the calendar links are built on.
    public_url = turn.services.calendar.public_url
    with turn.services.sessions.begin() as session:
        if not admins.is_admin(session, member_id=member_id):
            return reply(texts.ADM_CHAT_NOT_ADMIN)
        if not public_url:
            return reply(texts.ADM_CHAT_NO_PUBLIC_URL)
        token, _ = admins.issue_link_for(
            session, member_id=member_id, actor=f"member:{member_id}", now=turn.now
        )
    minutes = int(admins.LINK_LIFETIME.total_seconds() // 60)
    return reply(texts.adm_chat_link(login_url(public_url, token), minutes))
