"""Partner search and introductions in chat: ``/찾기``, ``/소개`` and their buttons.

``/찾기 <무엇>`` lists the companies the member may see (consent decides), their own group's
first, with the capability that matched and never a contact. Contacts are exchanged only
through an introduction both sides accept.
"""

from __future__ import annotations

from bot import texts
from bot.messages import OutgoingMessage
from bot.network import search
from bot.network.profiles import Viewer
from bot.skills.membership import member_of
from bot.skills.skill import Skill, Turn, reply

skill = Skill("network")


@skill.command("찾기", "find")
def find(turn: Turn) -> list[OutgoingMessage]:
    """``/찾기 <무엇>``: the best-matching companies the member may see, ranked."""
    query = turn.argument.strip()
    if not query:
        return reply(texts.NET_SEARCH_USAGE)
    with turn.services.sessions() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.NET_NOT_LINKED)
        viewer = Viewer.of(member)
        hits = search.search(session, viewer, query)
    if not hits:
        return reply(texts.NET_SEARCH_NONE.format(query=query))
    lines = [
        texts.net_search_line(rank, hit.company, hit.industry, hit.group, hit.matched)
        for rank, hit in enumerate(hits, start=1)
    ]
    text = "\n".join(
        [texts.NET_SEARCH_HEADING.format(query=query), *lines, "", texts.NET_SEARCH_FOOT]
    )
    return reply(text)
