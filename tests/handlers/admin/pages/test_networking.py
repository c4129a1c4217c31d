"""네트워킹 in the console: the groups' health for a month and introductions by state."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from tests.handlers.admin.world import World

from .conftest import shown, sign_in
from .more_world import More, build_more


@pytest.fixture
def more(sessions: sessionmaker[Session], world: World) -> More:
    return build_more(sessions, world)


async def test_the_health_report_and_introductions_show(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")

    page = await client.get("/admin/networking?month=2026-11")
    declined = await client.get("/admin/networking?state=declined")

    assert page.status_code == 200
    report = page.text.split("교류회 활동")[1].split("</table>")[0]
    assert "2026-11" in report
    assert "새벽교류회" in report
    assert "미래교류회" in report
    intros = page.text.split("소개 요청 <small>")[1]
    assert "새벽정밀" in intros
    assert "미래소재" in intros
    assert texts.ADM_INTRO_STATES["accepted"] in intros
    assert "새벽정밀" not in declined.text.split("소개 요청 <small>")[1]


async def test_a_malformed_month_is_explained_and_this_month_shown(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")

    page = await client.get("/admin/networking?month=11월")

    assert page.status_code == 400
    assert shown(texts.net_bad_month("11월")) in page.text
    assert "새벽교류회" in page.text


async def test_a_group_admin_sees_only_their_group(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "김회장")

    page = await client.get("/admin/networking")

    report = page.text.split("교류회 활동")[1].split("</table>")[0]
    assert "새벽교류회" in report
    assert "미래교류회" not in report
    assert "새벽정밀" in page.text  # 박대표 of 새벽교류회 asked
