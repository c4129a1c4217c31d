"""애로사항: each group's items before its next 정례회 by field, the digest its leaders receive, and
handing an item to an advisor (a ticket, as the digest's button opens in chat).

A group's 회장/간사 sees and hands over only their group's items.
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
from bot.federation.errors import FederationError, NotFoundError
from bot.secretariat import difficulties
from handlers.admin.common import Console, Page


def routes(console: Console) -> Sequence[BaseRoute]:
    """The board (optionally one group's) and the hand-over of one item."""

    async def board(
        request: Request, user: ConsoleUser, *, note: str | None = None, error: str | None = None
    ) -> Response:
        chosen = request.query_params.get("group", "")
        group_id = int(chosen) if chosen.isdigit() else None
        if group_id is not None and not user.may_see(group_id):
            return console.forbidden(request, user)
        now = console.clock()

        def read(session: Session) -> dict[str, Any]:
            everyone = difficulties.board(session, now=now, scope=user.groups)
            found = [g for g in everyone if group_id is None or g.group_id == group_id]
            return {
                "groups": found,
                "digests": {
                    g.group_id: difficulties.digest_text(session, group_id=g.group_id, now=now)
                    for g in found
                },
                "choices": [(g.group_id, g.group) for g in everyone],
            }

        shown = await console.read(read)
        return console.render(
            request,
            "difficulties.html",
            user=user,
            chosen=group_id,
            note=note,
            error=error,
            status=400 if error else 200,
            **shown,
        )

    async def difficulties_page(request: Request, user: ConsoleUser) -> Response:
        return await board(request, user)

    async def hand_over(request: Request, user: ConsoleUser) -> Response:
        item_id: int = request.path_params["item_id"]
        try:
            group_id = await console.read(lambda s: difficulties.group_of(s, item_id))
        except NotFoundError:
            return console.problem(request, texts.ADM_RECORD_NOT_FOUND, 404, user)
        if not user.may_see(group_id):
            return console.forbidden(request, user)
        now = console.clock()

        def hand(session: Session) -> difficulties.HandedOver:
            return difficulties.hand_to_advisor(
                session, item_id=item_id, member_id=user.member_id, now=now, actor=user.actor
            )

        try:
            handed = await console.write(hand)
        except FederationError as refused:
            return await board(request, user, error=str(refused))
        return await board(
            request, user, note=texts.adm_difficulty_handed(handed.ticket_id, handed.field)
        )

    return [
        Route("/difficulties", console.page(difficulties_page), name="difficulties"),
        Route(
            "/difficulties/{item_id:int}/advisor",
            console.page(hand_over),
            methods=["POST"],
            name="difficulty_advisor",
        ),
    ]


PAGE = Page(name="difficulties", label=texts.ADM_NAV_DIFFICULTIES, routes=routes)
