"""오늘 with routing's part: tickets past their promised days and FAQ cards expiring this week."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.handlers.admin.world import World

from .conftest import sign_in
from .more_world import ANSWERED, LATE, More, build_more


@pytest.fixture
def more(sessions: sessionmaker[Session], world: World) -> More:
    return build_more(sessions, world)


async def test_today_lists_late_tickets_and_cards_expiring_this_week(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")

    page = await client.get("/admin")

    late = page.text.split("기한이 지난 전문가 상담")[1].split("</section>")[0]
    assert LATE in late
    assert ANSWERED not in late
    expiring = page.text.split("이번 주에 만료되는 FAQ 카드")[1].split("</section>")[0]
    assert "정례회 회비 납부 기한은?" in expiring
    assert "2026-11-30" in expiring  # five days after NOW: due, not yet expired
    assert "(만료)" not in expiring


async def test_a_group_admin_sees_their_groups_late_tickets_and_no_cards(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "김회장")

    page = await client.get("/admin")

    assert LATE in page.text  # asked in 새벽교류회's room
    assert "이번 주에 만료되는 FAQ 카드" not in page.text
