"""Routes of the web console: log-in by link, sessions, CSRF, and the pages.

Every page runs its database work in a worker thread. A page is served to a live session only;
a POST must carry the session's CSRF token (else 403), and a page outside the admin's groups is
refused with 403. Cookies are HttpOnly and SameSite=Lax, Secure when the console is reached over
HTTPS.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot import texts
from bot.clock import KST, utcnow
from bot.federation import admins
from bot.federation.admins import ConsoleUser, LinkRefusedError
from bot.federation.errors import FederationError
from bot.question_log import QuestionFilter, QuestionRow, question, questions
from bot.routing import cards, fields
from bot.storage.models import Group
from bot.today import today

HERE = Path(__file__).parent
COOKIE = "gyoryu_admin"
LOGIN_COOKIE = "gyoryu_admin_login"  # the log-in form's CSRF value, before any session
PREFIX = "/admin"
NAV = (("today", "오늘"), ("questions", "질문 기록"))

Clock = Callable[[], datetime]
Page = Callable[[Request, ConsoleUser], Awaitable[Response]]


def console_routes(
    sessions: sessionmaker[Session], *, public_url: str | None = None, clock: Clock = utcnow
) -> list[Route | Mount]:
    """The console's routes: ``/admin`` itself (오늘) and every page under it."""
    console = _Console(sessions, public_url=public_url, clock=clock)
    return [
        Route(PREFIX, console.page(console.today_page), name="home"),
        Mount(PREFIX, routes=console.routes()),
    ]


class _Console:
    def __init__(
        self, sessions: sessionmaker[Session], *, public_url: str | None, clock: Clock
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.https = bool(public_url and public_url.startswith("https://"))
        self.templates = Jinja2Templates(directory=HERE / "templates")
        self.templates.env.filters["kst"] = _kst

    def routes(self) -> list[Route | Mount]:
        return [
            Route("/", self.page(self.today_page), name="today"),
            Route("/questions", self.page(self.questions_page), name="questions"),
            Route("/questions.csv", self.page(self.questions_csv), name="questions_csv"),
            Route("/questions.xlsx", self.page(self.questions_xlsx), name="questions_xlsx"),
            Route(
                "/questions/{answer_id:int}/faq",
                self.page(self.faq_page),
                methods=["GET", "POST"],
                name="faq",
            ),
            Route("/login", self.login_help, name="login"),
            Route("/login/{token}", self.login_link, methods=["GET", "POST"], name="login_link"),
            Route("/logout", self.page(self.logout), methods=["POST"], name="logout"),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ]

    # ── rendering ────────────────────────────────────────────────────────────────────────

    def render(
        self,
        request: Request,
        name: str,
        *,
        user: ConsoleUser | None = None,
        status: int = 200,
        **context: Any,
    ) -> Response:
        context.update(user=user, nav=NAV, current=name.removesuffix(".html"))
        response = self.templates.TemplateResponse(request, name, context, status_code=status)
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def problem(
        self, request: Request, message: str, status: int, user: ConsoleUser | None = None
    ) -> Response:
        """A plain Korean page saying why, with the right status."""
        return self.render(request, "problem.html", user=user, status=status, message=message)

    def secure(self, request: Request) -> bool:
        return self.https or request.url.scheme == "https"

    # ── sessions ─────────────────────────────────────────────────────────────────────────

    def page(self, handler: Page) -> Callable[[Request], Awaitable[Response]]:
        """Wrap a page: a live session is required, and a POST must carry its CSRF token."""

        async def endpoint(request: Request) -> Response:
            cookie = request.cookies.get(COOKIE, "")
            user = await run_in_threadpool(self._user, cookie) if cookie else None
            if user is None:
                return RedirectResponse(request.url_for("login"), status_code=303)
            if request.method == "POST":
                form = await request.form()
                sent = form.get("csrf")
                if not isinstance(sent, str) or not secrets.compare_digest(sent, user.csrf_token):
                    return self.problem(request, texts.ADM_CSRF_REFUSED, 403, user)
            return await handler(request, user)

        return endpoint

    def _user(self, cookie: str) -> ConsoleUser | None:
        with self.sessions() as session:
            return admins.user_of(session, cookie=cookie, now=self.clock())

    async def login_help(self, request: Request) -> Response:
        return self.render(request, "login.html")

    async def login_link(self, request: Request) -> Response:
        token = request.path_params["token"]
        if request.method == "GET":
            # Showing the page does not use the link (chat apps open links to preview them);
            # the button below does.
            try:
                await run_in_threadpool(self._check, token)
            except LinkRefusedError as refused:
                return self.problem(request, str(refused), refused.status)
            nonce = secrets.token_urlsafe(24)
            response = self.render(request, "login_link.html", csrf=nonce)
            response.set_cookie(
                LOGIN_COOKIE,
                nonce,
                max_age=int(admins.LINK_LIFETIME.total_seconds()),
                path=PREFIX,
                httponly=True,
                samesite="strict",
                secure=self.secure(request),
            )
            return response
        form = await request.form()
        sent, expected = form.get("csrf"), request.cookies.get(LOGIN_COOKIE)
        if not isinstance(sent, str) or not expected or not secrets.compare_digest(sent, expected):
            return self.problem(request, texts.ADM_CSRF_REFUSED, 403)
        try:
            cookie = await run_in_threadpool(self._redeem, token)
        except LinkRefusedError as refused:
            return self.problem(request, str(refused), refused.status)
        response = RedirectResponse(request.url_for("today"), status_code=303)
        response.delete_cookie(LOGIN_COOKIE, path=PREFIX)
        response.set_cookie(
            COOKIE,
            cookie,
            max_age=int(admins.SESSION_LIFETIME.total_seconds()),
            path=PREFIX,
            httponly=True,
            samesite="lax",
            secure=self.secure(request),
        )
        return response

    def _check(self, token: str) -> None:
        with self.sessions() as session:
            admins.check_link(session, token=token, now=self.clock())

    def _redeem(self, token: str) -> str:
        with self.sessions.begin() as session:
            cookie, _ = admins.redeem_link(session, token=token, now=self.clock())
            return cookie

    async def logout(self, request: Request, user: ConsoleUser) -> Response:
        cookie = request.cookies.get(COOKIE, "")

        def end() -> None:
            with self.sessions.begin() as session:
                admins.end_session(session, cookie=cookie, now=self.clock())

        await run_in_threadpool(end)
        response = self.render(request, "login.html", message=texts.ADM_SIGNED_OUT)
        response.delete_cookie(COOKIE, path=PREFIX)
        return response

    # ── pages ────────────────────────────────────────────────────────────────────────────

    async def today_page(self, request: Request, user: ConsoleUser) -> Response:
        def read() -> Any:
            with self.sessions() as session:
                return today(session, now=self.clock(), scope=user.groups)

        return self.render(request, "today.html", user=user, today=await run_in_threadpool(read))

    async def questions_page(self, request: Request, user: ConsoleUser) -> Response:
        where = _filter(request, self.clock())
        if where.group_id is not None and not user.may_see(where.group_id):
            return self.problem(request, texts.ADM_FORBIDDEN, 403, user)
        rows, groups = await run_in_threadpool(self._questions, user, where)
        return self.render(
            request,
            "questions.html",
            user=user,
            rows=rows,
            groups=groups,
            where=where,
            query=request.url.query,
            days=request.query_params.get("days", "30"),
        )

    def _questions(
        self, user: ConsoleUser, where: QuestionFilter
    ) -> tuple[list[QuestionRow], list[tuple[int, str]]]:
        with self.sessions() as session:
            rows = questions(session, where=where, scope=user.groups)
            groups = [
                (g.id, g.name)
                for g in session.query(Group).order_by(Group.name)
                if user.may_see(g.id)
            ]
            return rows, groups

    async def faq_page(self, request: Request, user: ConsoleUser) -> Response:
        """Write an FAQ answer for a question of the log; the bot answers from it at once."""
        if user.groups is not None:  # a card answers every member of the federation
            return self.problem(request, texts.ADM_FAQ_FEDERATION_ONLY, 403, user)
        answer_id: int = request.path_params["answer_id"]

        def read() -> QuestionRow | None:
            with self.sessions() as session:
                return question(session, answer_id=answer_id, scope=user.groups)

        row = await run_in_threadpool(read)
        if row is None:
            return self.problem(request, texts.ADM_NOT_FOUND, 404, user)
        draft = {"question": row.question, "answer": "", "field": fields.OTHER}
        error = None
        if request.method == "POST":
            form = await request.form()
            draft = {key: str(form.get(key, "")) for key in draft}

            def write() -> None:
                with self.sessions.begin() as session:
                    cards.write_card(
                        session,
                        question=draft["question"],
                        answer=draft["answer"],
                        field=draft["field"],
                        actor=user.actor,
                        now=self.clock(),
                    )

            try:
                await run_in_threadpool(write)
            except FederationError as refused:
                error = str(refused)
            else:
                return self.render(
                    request,
                    "faq.html",
                    user=user,
                    row=row,
                    saved=texts.ADM_FAQ_SAVED,
                    draft=draft,
                    fields=fields.FIELDS,
                )
        return self.render(
            request,
            "faq.html",
            user=user,
            row=row,
            draft=draft,
            error=error,
            fields=fields.FIELDS,
            status=400 if error else 200,
        )

    async def questions_csv(self, request: Request, user: ConsoleUser) -> Response:
        where = _filter(request, self.clock())
        if where.group_id is not None and not user.may_see(where.group_id):
            return self.problem(request, texts.ADM_FORBIDDEN, 403, user)
        rows, _ = await run_in_threadpool(self._questions, user, where)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(EXPORT_HEADER)
        writer.writerows(_export_row(row) for row in rows)
        # The BOM makes Excel read the file as UTF-8 (Korean otherwise turns to mojibake).
        body = "\ufeff" + buffer.getvalue()
        return _download(body.encode(), "questions.csv", "text/csv; charset=utf-8")

    async def questions_xlsx(self, request: Request, user: ConsoleUser) -> Response:
        from openpyxl import Workbook

        where = _filter(request, self.clock())
        if where.group_id is not None and not user.may_see(where.group_id):
            return self.problem(request, texts.ADM_FORBIDDEN, 403, user)
        rows, _ = await run_in_threadpool(self._questions, user, where)
        book = Workbook()
        sheet = book.active
        sheet.title = "질문 기록"
        sheet.append(list(EXPORT_HEADER))
        for row in rows:
            sheet.append(list(_export_row(row)))
        buffer = io.BytesIO()
        book.save(buffer)
        return _download(
            buffer.getvalue(),
            "questions.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


EXPORT_HEADER = ("일시(KST)", "채널", "교류회", "질문", "답변", "출처", "문서 근거", "👍", "👎")


def _export_row(row: QuestionRow) -> tuple[object, ...]:
    return (
        _kst(row.asked_at),
        row.channel,
        ", ".join(row.groups),
        row.question,
        row.answer,
        "; ".join(row.sources),
        "예" if row.confident else "아니요",
        row.helpful,
        row.unhelpful,
    )


def _download(body: bytes, name: str, media_type: str) -> Response:
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _filter(request: Request, now: datetime) -> QuestionFilter:
    """The 질문 기록 filters from the query string (a malformed value filters nothing)."""
    params = request.query_params
    days = params.get("days", "30")
    since = now - timedelta(days=int(days)) if days.isdigit() and int(days) > 0 else None
    group = params.get("group", "")
    return QuestionFilter(
        since=since,
        unconfident=params.get("unconfident") == "1",
        thumbs_down=params.get("down") == "1",
        group_id=int(group) if group.isdigit() else None,
        keyword=params.get("q", "")[:100],
    )


def _kst(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment.astimezone(KST):%Y-%m-%d %H:%M}"
