"""The console's routes: every page module's, under ``/admin``, with the static files.

Cookies are HttpOnly and SameSite=Lax, Secure when the console is reached over HTTPS (the
session, CSRF and role checks are in :mod:`handlers.admin.common`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.clock import utcnow
from handlers.admin.common import HERE, PREFIX, Clock, Console
from handlers.admin.pages import PAGES


def console_routes(
    sessions: sessionmaker[Session], *, public_url: str | None = None, clock: Clock = utcnow
) -> list[BaseRoute]:
    """The console's routes: ``/admin`` itself (오늘) and every page under it."""
    console = Console(
        sessions,
        clock=clock,
        https=bool(public_url and public_url.startswith("https://")),
        nav=tuple((page.name, page.label) for page in PAGES if page.label is not None),
    )
    routes = [route for page in PAGES for route in page.routes(console)]
    home = next(r for r in routes if isinstance(r, Route) and r.name == "today")
    return [
        Route(PREFIX, home.endpoint, name="home"),
        Mount(
            PREFIX,
            routes=[
                *routes,
                Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
            ],
        ),
    ]
