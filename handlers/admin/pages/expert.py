"""전문가 상담: tickets by state and field with their SLA status, reassigning one, approving an
answer as an FAQ card, cards due for re-verification, advisors with their away periods and office
hours, and each field's response deadlines (SLA).

Tickets, cards and away periods go through the routing use-cases ``gyoryu tickets`` and
``gyoryu advisors`` call. A group's 회장/간사 sees their group's tickets; reassigning, approving
(a card answers the whole federation), away periods, office hours and deadlines are the
federation admin's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation.admins import ConsoleUser
from bot.federation.errors import FederationError, NotFoundError
from bot.routing import cards, fields, tickets
from bot.secretariat import expert
from handlers.admin.common import Console, Page

STATES = tuple(texts.ADM_TICKET_STATES)


def routes(console: Console) -> Sequence[BaseRoute]:
    """The page, and the reassign, approve, away, hours and deadline forms."""

    async def overview(
        request: Request, user: ConsoleUser, *, note: str | None = None, error: str | None = None
    ) -> Response:
        params = request.query_params
        state = params.get("state") if params.get("state") in STATES else None
        field = params.get("field") if params.get("field") in fields.FIELDS else None
        now = console.clock()

        def read(session: Session) -> dict[str, Any]:
            return {
                "rows": expert.ticket_list(
                    session, now=now, scope=user.groups, state=state, field=field
                ),
                "due": expert.cards_due(session, now=now),
                "advisors": expert.advisor_list(session, now=now),
                "sla_lines": expert.sla_settings(session),
            }

        found = await console.read(read)
        return console.render(
            request,
            "expert.html",
            user=user,
            state=state,
            field=field,
            states=texts.ADM_TICKET_STATES,
            sla=texts.ADM_SLA_LABELS,
            fields=fields.FIELDS,
            note=note,
            error=error,
            status=400 if error else 200,
            **found,
        )

    async def expert_page(request: Request, user: ConsoleUser) -> Response:
        return await overview(request, user)

    async def act(
        request: Request,
        user: ConsoleUser,
        work: Callable[[Session], str],
        saved: Callable[[str], str],
    ) -> Response:
        """Run a federation admin's change and show the page with what it did, or why not."""
        if user.groups is not None:
            return console.problem(request, texts.ADM_FEDERATION_ONLY, 403, user)
        try:
            done = await console.write(work)
        except NotFoundError:
            return console.problem(request, texts.ADM_RECORD_NOT_FOUND, 404, user)
        except FederationError as refused:
            return await overview(request, user, error=str(refused))
        return await overview(request, user, note=saved(done))

    async def assign(request: Request, user: ConsoleUser) -> Response:
        ticket_id: int = request.path_params["ticket_id"]
        form = await request.form()
        chosen = str(form.get("advisor", ""))
        now = console.clock()

        def work(session: Session) -> str:
            if not chosen.isdigit():
                raise FederationError(texts.ADM_ADVISOR_NOT_CHOSEN)
            tickets.assign(
                session,
                ticket_id=ticket_id,
                advisor_id=int(chosen),
                actor=user.actor,
                now=now,
            )
            return expert.find_advisor(session, int(chosen)).member.name

        return await act(
            request, user, work, lambda name: texts.adm_ticket_reassigned(ticket_id, name)
        )

    async def approve(request: Request, user: ConsoleUser) -> Response:
        ticket_id: int = request.path_params["ticket_id"]
        now = console.clock()

        def work(session: Session) -> str:
            card = cards.approve(session, ticket_id=ticket_id, actor=user.actor, now=now)
            return card.expires_on.isoformat()

        return await act(
            request,
            user,
            work,
            lambda expires: texts.ADM_CARD_APPROVED.format(ticket=ticket_id, expires=expires),
        )

    async def away(request: Request, user: ConsoleUser) -> Response:
        advisor_id: int = request.path_params["advisor_id"]
        form = await request.form()
        start, end = str(form.get("start", "")), str(form.get("end", ""))

        def work(session: Session) -> str:
            expert.set_away(session, advisor_id=advisor_id, start=start, end=end, actor=user.actor)
            return expert.find_advisor(session, advisor_id).member.name

        return await act(
            request,
            user,
            work,
            lambda name: texts.ADM_AWAY_SAVED.format(name=name, start=start, end=end),
        )

    async def hours(request: Request, user: ConsoleUser) -> Response:
        advisor_id: int = request.path_params["advisor_id"]
        form = await request.form()
        wanted = " ".join(str(form.get("hours", "")).split()) or None

        def work(session: Session) -> str:
            saved = expert.set_hours(session, advisor_id=advisor_id, hours=wanted, actor=user.actor)
            return texts.rt_hours_set(expert.find_advisor(session, advisor_id).member.name, saved)

        return await act(request, user, work, lambda said: said)

    async def sla(request: Request, user: ConsoleUser) -> Response:
        form = await request.form()
        field = str(form.get("field", ""))
        given = [str(form.get(step, "")).strip() for step in ("remind", "reassign", "escalate")]

        def work(session: Session) -> str:
            if not all(value.isdigit() for value in given):
                raise FederationError(texts.ADM_SLA_NOT_NUMBER)
            remind, reassign, escalate = (int(value) for value in given)
            line = expert.set_sla(
                session,
                field=field,
                remind=remind,
                reassign=reassign,
                escalate=escalate,
                actor=user.actor,
            )
            return texts.ADM_SLA_SAVED.format(
                field=line.field,
                remind=line.remind,
                reassign=line.reassign,
                escalate=line.escalate,
            )

        return await act(request, user, work, lambda said: said)

    return [
        Route("/expert", console.page(expert_page), name="expert"),
        Route(
            "/expert/tickets/{ticket_id:int}/assign",
            console.page(assign),
            methods=["POST"],
            name="ticket_assign",
        ),
        Route(
            "/expert/tickets/{ticket_id:int}/approve",
            console.page(approve),
            methods=["POST"],
            name="ticket_approve",
        ),
        Route(
            "/expert/advisors/{advisor_id:int}/away",
            console.page(away),
            methods=["POST"],
            name="advisor_away",
        ),
        Route(
            "/expert/advisors/{advisor_id:int}/hours",
            console.page(hours),
            methods=["POST"],
            name="advisor_hours",
        ),
        Route("/expert/sla", console.page(sla), methods=["POST"], name="sla_settings"),
    ]


PAGE = Page(name="expert", label=texts.ADM_NAV_EXPERT, routes=routes)
