"""행사: events by group, adding, changing and cancelling one, its RSVP board, its reminder
schedule and what could not be delivered.

Everything goes through :mod:`bot.secretariat.events` and :mod:`bot.secretariat.schedule`, the
same use-cases as ``gyoryu events``: a change re-plans the reminders and tells the rooms already
reminded. A group's 회장/간사 sees and changes only their group's events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation.admins import ConsoleUser
from bot.federation.errors import FederationError, NotFoundError
from bot.federation.events import KINDS
from bot.secretariat import events, schedule
from bot.storage.federation_models import Group
from handlers.admin.common import Console, Page

EVENT_FIELDS = ("title", "kind", "group", "start", "end", "place", "agenda")
SCHEDULE_FIELDS = (
    "reminders",
    "quiet_hours",
    "prompt_before",
    "nudge_before",
    "digest_before",
    "rsvp_list_before",
)


def routes(console: Console) -> Sequence[BaseRoute]:
    """The list with the add form, one event's board, and its edit, cancel and schedule forms."""

    def groups_of(session: Session, user: ConsoleUser) -> list[tuple[int, str]]:
        return [
            (g.id, g.name)
            for g in session.scalars(select(Group).order_by(Group.name))
            if user.may_see(g.id)
        ]

    async def listing(
        request: Request,
        user: ConsoleUser,
        *,
        note: str | None = None,
        error: str | None = None,
        draft: dict[str, str] | None = None,
    ) -> Response:
        now = console.clock()
        chosen = request.query_params.get("group", "")
        shown = int(chosen) if chosen.isdigit() else None
        if shown is not None and not user.may_see(shown):
            return console.forbidden(request, user)
        scope = frozenset({shown}) if shown is not None else user.groups

        def read(session: Session) -> dict[str, Any]:
            return {
                "rows": events.upcoming_events(session, now=now, scope=scope),
                "groups": groups_of(session, user),
                # Deliveries name no group: only federation admins see them (as on 오늘).
                "failures": events.failed_sends(session) if user.groups is None else [],
            }

        found = await console.read(read)
        return console.render(
            request,
            "events.html",
            user=user,
            kinds=texts.ADM_SEND_KINDS,
            states=texts.ADM_SEND_STATES,
            event_kinds=KINDS,
            shown=shown,
            draft=draft or {"kind": KINDS[0]},
            note=note,
            error=error,
            status=400 if error else 200,
            **found,
        )

    async def events_page(request: Request, user: ConsoleUser) -> Response:
        if request.method == "GET":
            return await listing(request, user)
        form = await request.form()
        draft = {key: str(form.get(key, "")).strip() for key in EVENT_FIELDS}
        group_id = int(draft["group"]) if draft["group"].isdigit() else None
        if group_id is None and user.groups is not None:
            return await listing(request, user, error=texts.ADM_EVENT_GROUP_REQUIRED, draft=draft)
        if group_id is not None and not user.may_see(group_id):
            return console.forbidden(request, user)

        def add(session: Session) -> str:
            return events.add_event(
                session,
                title=draft["title"],
                kind=draft["kind"],
                start=draft["start"],
                end=draft["end"] or None,
                group=str(group_id) if group_id is not None else None,
                place=draft["place"] or None,
                agenda=draft["agenda"] or None,
                actor=user.actor,
            ).title

        try:
            title = await console.write(add)
        except FederationError as refused:
            return await listing(request, user, error=str(refused), draft=draft)
        return await listing(request, user, note=texts.adm_event_saved(title))

    async def board(
        request: Request,
        user: ConsoleUser,
        *,
        note: str | None = None,
        error: str | None = None,
    ) -> Response:
        event_id: int = request.path_params["event_id"]
        try:
            found = await console.read(lambda s: events.event_board(s, event_id=event_id))
        except NotFoundError:
            return console.problem(request, texts.ADM_RECORD_NOT_FOUND, 404, user)
        if not user.may_see(found.event.group_id):
            return console.forbidden(request, user)
        return console.render(
            request,
            "event.html",
            user=user,
            board=found,
            note=note,
            error=error,
            states=texts.ADM_SEND_STATES,
            kinds=texts.ADM_SEND_KINDS,
            status=400 if error else 200,
        )

    async def event_page(request: Request, user: ConsoleUser) -> Response:
        return await board(request, user)

    async def guarded(request: Request, user: ConsoleUser) -> Response | None:
        """The 404/403 page when the event is gone or not the admin's, else ``None``."""
        event_id: int = request.path_params["event_id"]
        try:
            found = await console.read(lambda s: events.event_board(s, event_id=event_id))
        except NotFoundError:
            return console.problem(request, texts.ADM_RECORD_NOT_FOUND, 404, user)
        return None if user.may_see(found.event.group_id) else console.forbidden(request, user)

    async def edit(request: Request, user: ConsoleUser) -> Response:
        if (refused := await guarded(request, user)) is not None:
            return refused
        form = await request.form()
        given = {key: str(form.get(key, "")).strip() or None for key in EVENT_FIELDS}
        now = console.clock()

        def change(session: Session) -> events.EventChange:
            return events.edit_event(
                session,
                event_id=request.path_params["event_id"],
                title=given["title"],
                start=given["start"],
                end=given["end"],
                place=given["place"],
                agenda=given["agenda"],
                actor=user.actor,
                now=now,
            )

        try:
            changed = await console.write(change)
        except FederationError as refused_change:
            return await board(request, user, error=str(refused_change))
        note = texts.adm_event_saved(changed.title)
        if changed.notified:
            note += texts.ADM_EVENT_NOTIFIED.format(count=changed.notified)
        return await board(request, user, note=note)

    async def cancel(request: Request, user: ConsoleUser) -> Response:
        if (refused := await guarded(request, user)) is not None:
            return refused
        form = await request.form()
        if form.get("confirm") != "1":  # a cancellation tells every room: never by a slip
            return await board(request, user, error=texts.ADM_EVENT_CANCEL_UNCONFIRMED)
        now = console.clock()

        def remove(session: Session) -> events.EventChange:
            return events.remove_event(
                session, event_id=request.path_params["event_id"], actor=user.actor, now=now
            )

        removed = await console.write(remove)
        note = texts.adm_event_cancelled(removed.title)
        if removed.notified:
            note += texts.ADM_EVENT_NOTIFIED.format(count=removed.notified)
        return await listing(request, user, note=note)

    async def plan(request: Request, user: ConsoleUser) -> Response:
        if (refused := await guarded(request, user)) is not None:
            return refused
        form = await request.form()
        given: dict[str, str | bool | None] = {
            key: str(form.get(key, "")).strip() or None for key in SCHEDULE_FIELDS
        }
        holidays = str(form.get("holidays", ""))
        given["skip_holidays"] = {"skip": True, "send": False}.get(holidays)
        now = console.clock()

        def change(session: Session) -> schedule.ScheduleChange:
            return schedule.change_schedule(
                session,
                given=given,
                event=request.path_params["event_id"],
                reset=form.get("reset") == "1",
                actor=user.actor,
                now=now,
            )

        try:
            changed = await console.write(change)
        except FederationError as refused_change:
            return await board(request, user, error=str(refused_change))
        events_count, sends = changed.replanned or (0, 0)
        return await board(
            request, user, note=texts.ADM_SCHEDULE_SAVED.format(events=events_count, sends=sends)
        )

    return [
        Route("/events", console.page(events_page), methods=["GET", "POST"], name="events"),
        Route("/events/{event_id:int}", console.page(event_page), name="event"),
        Route(
            "/events/{event_id:int}/edit", console.page(edit), methods=["POST"], name="event_edit"
        ),
        Route(
            "/events/{event_id:int}/cancel",
            console.page(cancel),
            methods=["POST"],
            name="event_cancel",
        ),
        Route(
            "/events/{event_id:int}/schedule",
            console.page(plan),
            methods=["POST"],
            name="event_schedule",
        ),
    ]


PAGE = Page(name="events", label=texts.ADM_NAV_EVENTS, routes=routes)
