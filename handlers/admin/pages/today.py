"""오늘: what needs the secretariat now, on one screen (also served at ``/admin`` itself).

Besides :func:`bot.today.today`, the tickets past their promised days and (for the federation
admin) the FAQ cards expiring this week, from :mod:`bot.secretariat.expert`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation.admins import ConsoleUser
from bot.secretariat import expert
from bot.today import today
from handlers.admin.common import Console, Page

WEEK = timedelta(days=7)


def routes(console: Console) -> Sequence[BaseRoute]:
    """``/admin/``: unanswered questions, tickets past their days, missing RSVPs, new 애로사항,
    expiring FAQ cards, failed deliveries."""

    async def today_page(request: Request, user: ConsoleUser) -> Response:
        now = console.clock()

        def read(session: Session) -> dict[str, Any]:
            return {
                "today": today(session, now=now, scope=user.groups),
                "late": expert.late_tickets(session, now=now, scope=user.groups),
                # A card answers the whole federation: its admin re-checks it.
                "expiring": (
                    expert.cards_due(session, now=now, within=WEEK) if user.groups is None else []
                ),
            }

        found = await console.read(read)
        return console.render(
            request,
            "today.html",
            user=user,
            states=texts.ADM_TICKET_STATES,
            kinds=texts.ADM_SEND_KINDS,
            **found,
        )

    return [Route("/", console.page(today_page), name="today")]


PAGE = Page(name="today", label=texts.ADM_NAV_TODAY, routes=routes)
