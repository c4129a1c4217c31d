"""Log-in by a one-time link, and log-out (not in the navigation)."""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot import texts
from bot.federation import admins
from bot.federation.admins import ConsoleUser, LinkRefusedError
from handlers.admin.common import COOKIE, LOGIN_COOKIE, PREFIX, Console, Page, csrf_ok


def routes(console: Console) -> Sequence[BaseRoute]:
    """The log-in help page, the link's page and its button, and log-out."""

    async def login_help(request: Request) -> Response:
        return console.render(request, "login.html")

    async def login_link(request: Request) -> Response:
        token = request.path_params["token"]
        if request.method == "GET":
            # Showing the page does not use the link (chat apps open links to preview them);
            # the button below does.
            try:
                await console.read(
                    lambda session: admins.check_link(session, token=token, now=console.clock())
                )
            except LinkRefusedError as refused:
                return console.problem(request, str(refused), refused.status)
            nonce = secrets.token_urlsafe(24)
            response = console.render(request, "login_link.html", csrf=nonce)
            response.set_cookie(
                LOGIN_COOKIE,
                nonce,
                max_age=int(admins.LINK_LIFETIME.total_seconds()),
                path=PREFIX,
                httponly=True,
                samesite="strict",
                secure=console.secure(request),
            )
            return response
        if not await csrf_ok(request, request.cookies.get(LOGIN_COOKIE, "")):
            return console.problem(request, texts.ADM_CSRF_REFUSED, 403)
        try:
            cookie, _ = await console.write(
                lambda session: admins.redeem_link(session, token=token, now=console.clock())
            )
        except LinkRefusedError as refused:
            return console.problem(request, str(refused), refused.status)
        response = RedirectResponse(request.url_for("today"), status_code=303)
        response.delete_cookie(LOGIN_COOKIE, path=PREFIX)
        response.set_cookie(
            COOKIE,
            cookie,
            max_age=int(admins.SESSION_LIFETIME.total_seconds()),
            path=PREFIX,
            httponly=True,
            samesite="lax",
            secure=console.secure(request),
        )
        return response

    async def logout(request: Request, user: ConsoleUser) -> Response:
        cookie = request.cookies.get(COOKIE, "")
        await console.write(
            lambda session: admins.end_session(session, cookie=cookie, now=console.clock())
        )
        response = console.render(request, "login.html", message=texts.ADM_SIGNED_OUT)
        response.delete_cookie(COOKIE, path=PREFIX)
        return response

    return [
        Route("/login", login_help, name="login"),
        Route("/login/{token}", login_link, methods=["GET", "POST"], name="login_link"),
        Route("/logout", console.page(logout), methods=["POST"], name="logout"),
    ]


PAGE = Page(name="login", label=None, routes=routes)
