"""A served console over the test federation of :mod:`tests.handlers.admin.world`, and log-in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest
from markupsafe import escape
from sqlalchemy.orm import Session, sessionmaker

from bot.core import Bot
from tests.handlers.admin.world import World, build, link
from tests.handlers.conftest import NOW, build_server, running, settings


@pytest.fixture
def clock() -> list[datetime]:
    return [NOW]


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    return build(sessions)


@pytest.fixture
async def client(
    sessions: sessionmaker[Session], bot: Bot, clock: list[datetime], world: World
) -> AsyncIterator[httpx.AsyncClient]:
    bot.clock = lambda: clock[0]
    app = build_server(bot, settings(), sessions=sessions, console=True)
    async with running(app) as client:
        yield client


async def sign_in(client: httpx.AsyncClient, sessions: sessionmaker[Session], name: str) -> None:
    """Log ``name`` in with a fresh link (the session cookie stays in the client)."""
    token = link(sessions, name)
    page = await client.get(f"/admin/login/{token}")
    response = await client.post(f"/admin/login/{token}", data={"csrf": csrf_of(page)})
    assert response.status_code == 303


def csrf_of(page: httpx.Response) -> str:
    """The CSRF token of the first form on a page."""
    return page.text.split('name="csrf" value="')[1].split('"')[0]


def shown(text: str) -> str:
    """``text`` as a page shows it (HTML-escaped by the templates)."""
    return str(escape(text))
