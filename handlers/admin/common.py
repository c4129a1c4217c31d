"""What every page of the console shares: sessions, roles, CSRF, rendering and downloads.

A page module (in :mod:`handlers.admin.pages`) declares one :class:`Page` whose ``routes`` take
the :class:`Console` and wrap each endpoint with :meth:`Console.page`: a live session is required
(else a redirect to the log-in page) and a POST must carry the session's CSRF token (else 403).
Database work runs in a worker thread through :meth:`Console.read` and :meth:`Console.write`.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute
from starlette.templating import Jinja2Templates

from bot import texts
from bot.clock import KST
from bot.federation import admins
from bot.federation.admins import ConsoleUser
from knowledge.settings import KnowledgeSettings

HERE = Path(__file__).parent
COOKIE = "gyoryu_admin"
LOGIN_COOKIE = "gyoryu_admin_login"  # the log-in form's CSRF value, before any session
PREFIX = "/admin"
UPLOAD_LIMIT = 20 * 1024 * 1024
"""The largest body an upload form may send (the rest of the server keeps its small limit)."""

WRITE_ATTEMPTS = 3
"""How often a write is tried when SQLite says another writer holds the file."""

log = logging.getLogger(__name__)
T = TypeVar("T")
Clock = Callable[[], datetime]
Handler = Callable[[Request, ConsoleUser], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Page:
    """One page module's contribution: its routes and, when it is in the navigation, its label.

    ``name`` is the route name the navigation links to; ``label`` ``None`` keeps it out of the
    navigation (the log-in pages).
    """

    name: str
    label: str | None
    routes: Callable[[Console], Sequence[BaseRoute]]
    uploads: tuple[str, ...] = ()
    """Paths (under ``/admin``) whose forms carry files: they get :data:`UPLOAD_LIMIT`."""


@dataclass
class Console:
    """The console's shared state and helpers, handed to every page module's ``routes``.

    ``knowledge`` locates the document store (``None``: the 문서 page says it cannot manage
    documents here); ``refresh`` makes the running bot reload its documents and glossary.
    """

    sessions: sessionmaker[Session]
    clock: Clock
    https: bool = False
    nav: tuple[tuple[str, str], ...] = ()
    knowledge: KnowledgeSettings | None = None
    refresh: Callable[[], None] = lambda: None
    templates: Jinja2Templates = field(init=False)

    def __post_init__(self) -> None:
        self.templates = Jinja2Templates(directory=HERE / "templates")
        self.templates.env.filters["kst"] = kst
        self.templates.env.filters["channel"] = channel_name

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
        """A template of ``templates/`` with the navigation, never cached nor framed."""
        context.update(user=user, nav=self.nav, current=name.removesuffix(".html"))
        response = self.templates.TemplateResponse(request, name, context, status_code=status)
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def problem(
        self, request: Request, message: str, status: int, user: ConsoleUser | None = None
    ) -> Response:
        """A plain Korean page saying why, with the right status."""
        return self.render(request, "problem.html", user=user, status=status, message=message)

    def forbidden(self, request: Request, user: ConsoleUser) -> Response:
        """The 403 page for something outside the admin's groups."""
        return self.problem(request, texts.ADM_FORBIDDEN, 403, user)

    def secure(self, request: Request) -> bool:
        """Whether cookies must be Secure (the console is reached over HTTPS)."""
        return self.https or request.url.scheme == "https"

    # ── sessions and the database ────────────────────────────────────────────────────────

    def page(self, handler: Handler) -> Endpoint:
        """Wrap a page: a live session is required, and a POST must carry its CSRF token."""

        async def endpoint(request: Request) -> Response:
            cookie = request.cookies.get(COOKIE, "")
            user: ConsoleUser | None = None
            try:
                user = await run_in_threadpool(self._user, cookie) if cookie else None
                if user is None:
                    return RedirectResponse(request.url_for("login"), status_code=303)
                if request.method == "POST" and not await csrf_ok(request, user.csrf_token):
                    return self.problem(request, texts.ADM_CSRF_REFUSED, 403, user)
                return await handler(request, user)
            except DBAPIError as error:
                # The database is down or busy: a plain Korean page, not a 500 (the write that
                # failed was one transaction, rolled back).
                log.warning("console: database unavailable (%s)", type(error.orig).__name__)
                return self.problem(request, texts.ADM_DATABASE_UNAVAILABLE, 503, user)
            finally:
                await request.close()  # an uploaded file's temporary copy is closed here

        return endpoint

    def _user(self, cookie: str) -> ConsoleUser | None:
        with self.sessions() as session:
            return admins.user_of(session, cookie=cookie, now=self.clock())

    async def read(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a worker thread with a read-only session."""

        def run() -> T:
            with self.sessions() as session:
                return work(session)

        return await run_in_threadpool(run)

    async def write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a worker thread inside one transaction (committed if it returns)."""

        def run() -> T:
            for attempt in range(1, WRITE_ATTEMPTS + 1):
                try:
                    with self.sessions.begin() as session:
                        return work(session)
                except DBAPIError as error:
                    # SQLite refuses at once (without waiting out its busy timeout) a read
                    # transaction that turns into a write after another writer committed, as
                    # the serving scheduler does every few seconds: a unit of work that writes
                    # while one of its SELECTs is still unfinished. A refused statement (or
                    # COMMIT) commits nothing and the transaction was rolled back, so running it
                    # again in a fresh session is safe; the pool never hands that connection out
                    # still reading the old snapshot (see bot/storage/db.py).
                    if attempt == WRITE_ATTEMPTS or not _sqlite_busy(error):
                        raise
                    time.sleep(0.2 * attempt)
            raise AssertionError("unreachable")  # the loop returns or raises

        return await run_in_threadpool(run)


def _sqlite_busy(error: DBAPIError) -> bool:
    """Whether ``error`` is SQLite's "database is locked" (another writer holds the file)."""
    return "database is locked" in str(error.orig)


async def csrf_ok(request: Request, expected: str) -> bool:
    """Whether the form's ``csrf`` field matches ``expected`` (compared in constant time)."""
    form = await request.form()
    sent = form.get("csrf")
    return isinstance(sent, str) and bool(expected) and secrets.compare_digest(sent, expected)


def too_large() -> Response:
    """The page an upload over :data:`UPLOAD_LIMIT` gets (413), before any session is read."""
    message = texts.DOC_TOO_LARGE.format(limit_mb=UPLOAD_LIMIT // (1024 * 1024))
    return HTMLResponse(
        f'<!doctype html><html lang="ko"><meta charset="utf-8"><title>{texts.ADM_TOO_LARGE_TITLE}'
        f'</title><main><h1>{texts.ADM_TOO_LARGE_TITLE}</h1><p role="alert">{message}</p>'
        f'<p><a href="javascript:history.back()">{texts.ADM_BACK}</a></p></main></html>',
        status_code=413,
    )


def download(body: bytes, name: str, media_type: str) -> Response:
    """A file the browser saves as ``name``."""
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def kst(moment: datetime | None) -> str:
    """A moment as KST for a page or an export (empty for none)."""
    return "" if moment is None else f"{moment.astimezone(KST):%Y-%m-%d %H:%M}"


def channel_name(platform: str) -> str:
    """A chat channel's Korean name (텔레그램, 카카오톡, 슬랙) for a page or an export."""
    return texts.ADM_CHANNEL_NAMES.get(platform, platform)
