"""회원: roster import with its row report, export, members and companies, invite codes,
consent and its withdrawal, and each member's data (PIPA 열람권 download, 삭제권 after a
confirmation).

A group admin sees the members and companies of their own groups and issues their invite codes;
importing, exporting and a member's data are the federation's secretariat's (the roster spans
every group, and the data controller is the federation).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from bot import clock, texts
from bot.federation.admins import ConsoleUser
from bot.federation.errors import FederationError, NotFoundError
from bot.secretariat import members, networking, roster
from bot.secretariat.roster import RosterImport
from handlers.admin.common import Console, Page, download

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def routes(console: Console) -> Sequence[BaseRoute]:
    """The roster page, import, export, invites and each member's data."""

    async def show(
        request: Request,
        user: ConsoleUser,
        *,
        status: int = 200,
        report: RosterImport | None = None,
        message: str | None = None,
        error: str | None = None,
    ) -> Response:
        now = console.clock()
        people, firms = await console.read(
            lambda session: (
                roster.member_lines(session, scope=user.groups, now=now),
                roster.company_lines(session, scope=user.groups),
            )
        )
        return console.render(
            request,
            "members.html",
            user=user,
            status=status,
            members=people,
            companies=firms,
            report=report,
            imported=texts.roster_imported(
                report.members, report.companies, report.groups, len(report.problems)
            )
            if report
            else None,
            nothing_written=texts.ROSTER_NOTHING_WRITTEN,
            no_consent=texts.ROSTER_NO_CONSENT,
            consent_default=texts.ROSTER_CONSENT_DEFAULT,
            consent_withdrawn=texts.ROSTER_CONSENT_WITHDRAWN,
            scope_words=roster.SCOPE_CHOICES,
            message=message,
            error=error,
        )

    async def members_page(request: Request, user: ConsoleUser) -> Response:
        return await show(request, user)

    async def import_roster(request: Request, user: ConsoleUser) -> Response:
        if user.groups is not None:
            return console.problem(request, texts.ROSTER_FEDERATION_ONLY, 403, user)
        form = await request.form(max_files=1)
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return await show(request, user, status=400, error=texts.ROSTER_NO_FILE)
        name, data = upload.filename, await upload.read()
        skip = form.get("skip_invalid") == "1"
        create = form.get("create_groups") == "1"
        try:
            report = await console.write(
                lambda session: roster.import_file(
                    session,
                    name=name,
                    data=data,
                    actor=user.actor,
                    skip_invalid=skip,
                    create_groups=create,
                )
            )
        except FederationError as refused:
            return await show(request, user, status=400, error=str(refused))
        return await show(request, user, status=200 if report.written else 400, report=report)

    async def export(request: Request, user: ConsoleUser) -> Response:
        if user.groups is not None:
            return console.problem(request, texts.ROSTER_FEDERATION_ONLY, 403, user)
        suffix = "." + request.path_params["suffix"]
        if suffix not in roster.SUFFIXES:
            return console.problem(request, texts.ROSTER_BAD_SUFFIX, 404, user)
        body, _ = await console.read(lambda session: roster.export_file(session, suffix=suffix))
        media = XLSX if suffix == ".xlsx" else "text/csv; charset=utf-8"
        return download(body, f"roster{suffix}", media)

    async def invite(request: Request, user: ConsoleUser) -> Response:
        member_id: int = request.path_params["member_id"]
        if not await console.read(
            lambda session: roster.in_scope(session, member_id=member_id, scope=user.groups)
        ):
            return console.problem(request, texts.ROSTER_MEMBER_NOT_FOUND, 404, user)
        issued = await console.write(
            lambda session: members.issue_invite(
                session, member=str(member_id), actor=user.actor, now=console.clock()
            )
        )
        shown = texts.roster_invite(issued.member, issued.code, clock.format_kst(issued.expires_at))
        return await show(request, user, message=shown)

    async def consent(request: Request, user: ConsoleUser) -> Response:
        """Record a company's networking consent (비공개 · 교류회 · 연합회) and who gave it."""
        company_id: int = request.path_params["company_id"]
        form = await request.form()
        word = str(form.get("scope", ""))
        given = str(form.get("by", "")).strip()
        try:
            found = await console.write(
                lambda session: networking.record_company_consent(
                    session,
                    company_id=company_id,
                    scope=word,
                    given_by=int(given) if given.isdigit() else None,
                    within=user.groups,
                    now=console.clock(),
                    actor=user.actor,
                )
            )
        except NotFoundError as missing:
            return console.problem(request, str(missing), 404, user)
        except FederationError as refused:
            return await show(request, user, status=400, error=str(refused))
        shown = texts.net_consent_line(found.company, found.label, found.since, found.by)
        return await show(request, user, message=shown)

    async def privacy_consent(request: Request, user: ConsoleUser) -> Response:
        """Record a member's personal-data consent (e.g. a signed form), dated and audited."""
        if user.groups is not None:
            return console.problem(request, texts.ROSTER_FEDERATION_ONLY, 403, user)
        member_id: int = request.path_params["member_id"]
        form = await request.form()
        scope = str(form.get("scope", ""))
        now = console.clock()
        try:
            recorded = await console.write(
                lambda session: members.record_privacy_consent(
                    session, member=str(member_id), scope=scope, now=now, actor=user.actor
                )
            )
        except NotFoundError:
            return console.problem(request, texts.ROSTER_MEMBER_NOT_FOUND, 404, user)
        except FederationError as refused:
            return await show(request, user, status=400, error=str(refused))
        shown = texts.roster_consent_recorded(
            recorded.name, " ".join(scope.split()), clock.format_kst(now)
        )
        return await show(request, user, message=shown)

    async def withdraw_consent(request: Request, user: ConsoleUser) -> Response:
        """GET asks to confirm; POST records the member's withdrawal of consent, dated and
        audited (who may record consent may record its withdrawal: the federation's
        secretariat)."""
        if user.groups is not None:
            return console.problem(request, texts.ROSTER_FEDERATION_ONLY, 403, user)
        member_id: int = request.path_params["member_id"]
        now = console.clock()
        lines = await console.read(
            lambda session: [
                m for m in roster.member_lines(session, scope=None, now=now) if m.id == member_id
            ]
        )
        if not lines:
            return console.problem(request, texts.ROSTER_MEMBER_NOT_FOUND, 404, user)
        if request.method == "GET":
            return console.render(
                request, "member_consent_withdraw.html", user=user, member=lines[0]
            )
        try:
            withdrawn = await console.write(
                lambda session: members.record_consent_withdrawal(
                    session, member=str(member_id), now=now, actor=user.actor
                )
            )
        except FederationError as refused:
            return await show(request, user, status=400, error=str(refused))
        shown = texts.roster_consent_withdrawn(withdrawn.name, clock.format_kst_stamp(now))
        return await show(request, user, message=shown)

    async def data(request: Request, user: ConsoleUser) -> Response:
        if user.groups is not None:
            return console.problem(request, texts.ROSTER_FEDERATION_ONLY, 403, user)
        member_id: int = request.path_params["member_id"]
        try:
            _, stored = await console.write(
                lambda session: roster.member_data(session, member_id=member_id, actor=user.actor)
            )
        except FederationError:
            return console.problem(request, texts.ROSTER_MEMBER_NOT_FOUND, 404, user)
        body = json.dumps(stored, ensure_ascii=False, indent=2).encode()
        return download(body, f"member-{member_id}.json", "application/json; charset=utf-8")

    async def erase(request: Request, user: ConsoleUser) -> Response:
        """GET asks to confirm (the word 삭제 typed); POST with it erases."""
        if user.groups is not None:
            return console.problem(request, texts.ROSTER_FEDERATION_ONLY, 403, user)
        member_id: int = request.path_params["member_id"]
        lines = await console.read(
            lambda session: [
                m
                for m in roster.member_lines(session, scope=None, now=console.clock())
                if m.id == member_id
            ]
        )
        if not lines:
            return console.problem(request, texts.ROSTER_MEMBER_NOT_FOUND, 404, user)
        error = None
        if request.method == "POST":
            form = await request.form()
            if str(form.get("confirm", "")).strip() == texts.ROSTER_ERASE_CONFIRM_WORD:
                erased = await console.write(
                    lambda session: members.erase_member(
                        session, member=str(member_id), actor=user.actor
                    )
                )
                return await show(request, user, message=texts.roster_erased(erased.name))
            error = texts.ROSTER_ERASE_NOT_CONFIRMED
        return console.render(
            request,
            "member_erase.html",
            user=user,
            member=lines[0],
            word=texts.ROSTER_ERASE_CONFIRM_WORD,
            error=error,
            status=400 if error else 200,
        )

    return [
        Route("/members", console.page(members_page), name="members"),
        Route(
            "/members/import", console.page(import_roster), methods=["POST"], name="members_import"
        ),
        Route("/members/roster.{suffix:str}", console.page(export), name="members_export"),
        Route(
            "/members/{member_id:int}/invite",
            console.page(invite),
            methods=["POST"],
            name="members_invite",
        ),
        Route(
            "/members/companies/{company_id:int}/consent",
            console.page(consent),
            methods=["POST"],
            name="members_consent",
        ),
        Route(
            "/members/{member_id:int}/consent",
            console.page(privacy_consent),
            methods=["POST"],
            name="members_privacy_consent",
        ),
        Route(
            "/members/{member_id:int}/consent/withdraw",
            console.page(withdraw_consent),
            methods=["GET", "POST"],
            name="members_consent_withdraw",
        ),
        Route("/members/{member_id:int}/data", console.page(data), name="members_data"),
        Route(
            "/members/{member_id:int}/erase",
            console.page(erase),
            methods=["GET", "POST"],
            name="members_erase",
        ),
    ]


PAGE = Page(
    name="members", label=texts.ADM_NAV_MEMBERS, routes=routes, uploads=("/members/import",)
)
