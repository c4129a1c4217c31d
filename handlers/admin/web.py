"""The console's routes: every page module's, under ``/admin``, with the static files.

Cookies are HttpOnly and SameSite=Lax, Secure when the console is reached over HTTPS (the
session, CSRF and role checks are in :mod:`handlers.admin.common`).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from bot.clock import utcnow
from handlers.admin.common import HERE, PREFIX, Clock, Console
from handlers.admin.pages import PAGES
from knowledge.settings import KnowledgeSettings


def console_routes(
    sessions: sessionmaker[Session],
    *,
    public_url: str | None = None,
    clock: Clock = utcnow,
    knowledge: KnowledgeSettings | None = None,
    refresh: Callable[[], None] | None = None,
) -> list[BaseRoute]:
    """The console's routes: ``/admin`` itself (오늘) and every page under it.

    ``knowledge`` locates the documents the 문서 page manages; ``refresh`` reloads the running
    bot's documents and glossary after a change there.
    """
    console = Console(
        sessions,
        clock=clock,
        https=bool(public_url and public_url.startswith("https://")),
        nav=tuple((page.name, page.label) for page in PAGES if page.label is not None),
        knowledge=knowledge,
        refresh=refresh or (lambda: None),
    )
    routes = [route for page in PAGES for route in page.routes(console)]
    home = next(r for r in routes if isinstance(r, Route) and r.name == "today")
    static = Mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return [Route(PREFIX, home.endpoint, name="home"), Mount(PREFIX, routes=[*routes, static])]


def upload_paths() -> list[str]:
    """The console's paths whose forms carry files (they get the larger body limit)."""
    return [PREFIX + path for page in PAGES for path in page.uploads]
