"""네트워킹: each group's monthly health (as ``gyoryu network report``) and the introductions
members asked for, with their states. A group's 회장/간사 sees their group only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation.admins import ConsoleUser
from bot.federation.errors import FederationError
from bot.secretariat import networking
from handlers.admin.common import Console, Page


def routes(console: Console) -> Sequence[BaseRoute]:
    """``/admin/networking?month=YYYY-MM&state=…``."""

    async def networking_page(request: Request, user: ConsoleUser) -> Response:
        month = request.query_params.get("month", "").strip() or None
        state = request.query_params.get("state", "")
        state = state if state in texts.ADM_INTRO_STATES else ""
        now = console.clock()

        def read(session: Session) -> dict[str, Any]:
            try:
                shown, report = networking.health(session, month=month, now=now, scope=user.groups)
                error = None
            except FederationError as refused:
                shown, report = networking.health(session, month=None, now=now, scope=user.groups)
                error = str(refused)
            intros = networking.introductions(session, scope=user.groups, state=state or None)
            return {"month": shown, "report": report, "intros": intros, "error": error}

        found = await console.read(read)
        return console.render(
            request,
            "networking.html",
            user=user,
            state=state,
            header=texts.NET_REPORT_HEADER,
            states=texts.ADM_INTRO_STATES,
            sources=texts.ADM_INTRO_SOURCES,
            outcomes=texts.NET_OUTCOME_LABELS,
            advise=texts.net_subgroup_advice,
            status=400 if found["error"] else 200,
            **found,
        )

    return [Route("/networking", console.page(networking_page), name="networking")]


PAGE = Page(name="networking", label=texts.ADM_NAV_NETWORKING, routes=routes)
