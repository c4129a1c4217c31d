"""오늘: what needs the secretariat now, on one screen (also served at ``/admin`` itself)."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation.admins import ConsoleUser
from bot.today import today
from handlers.admin.common import Console, Page


def routes(console: Console) -> Sequence[BaseRoute]:
    """``/admin/``: unanswered questions, missing RSVPs, new 애로사항, failed deliveries."""

    async def today_page(request: Request, user: ConsoleUser) -> Response:
        now = console.clock()
        board = await console.read(lambda session: today(session, now=now, scope=user.groups))
        return console.render(request, "today.html", user=user, today=board)

    return [Route("/", console.page(today_page), name="today")]


PAGE = Page(name="today", label=texts.ADM_NAV_TODAY, routes=routes)
