"""애로사항 in the console: items by group and field, the digest, handing one to an advisor."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.storage.ticket_models import Ticket
from tests.handlers.admin.world import World

from .conftest import csrf_of, shown, sign_in
from .more_world import FUTURE_ITEM, TAX_ITEM, VISA_ITEM, More, build_more


@pytest.fixture
def more(sessions: sessionmaker[Session], world: World) -> More:
    return build_more(sessions, world)


async def test_items_show_by_group_and_field_with_the_digest(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")

    page = await client.get("/admin/difficulties")

    assert page.status_code == 200
    dawn = page.text.split("<h2>새벽교류회")[1].split("</section>")[0]
    assert shown(TAX_ITEM) in dawn
    assert "박대표" in dawn
    assert VISA_ITEM in dawn
    assert texts.DIFF_ANONYMOUS in dawn
    assert "회장·간사가 받는 정리본" in dawn
    assert FUTURE_ITEM in page.text


async def test_an_item_handed_to_an_advisor_becomes_a_ticket_once(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")
    page = await client.get("/admin/difficulties")

    handed = await client.post(
        f"/admin/difficulties/{more.tax_item}/advisor", data={"csrf": csrf_of(page)}
    )

    assert handed.status_code == 200
    with sessions() as session:
        ticket = session.scalars(select(Ticket).where(Ticket.question == TAX_ITEM)).one()
        assert (ticket.field, ticket.user_id) == ("세무", "900")  # the answer comes to 사무국장
    assert shown(texts.adm_difficulty_handed(ticket.id, "세무")) in handed.text
    assert f"넘김(상담 #{ticket.id})" in handed.text
    again = await client.post(
        f"/admin/difficulties/{more.tax_item}/advisor", data={"csrf": csrf_of(page)}
    )
    assert again.status_code == 400
    assert texts.ADM_DIFF_ALREADY_HANDED in again.text


async def test_a_group_admin_sees_and_hands_over_only_their_group(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World, more: More
) -> None:
    await sign_in(client, sessions, "김회장")

    page = await client.get("/admin/difficulties")
    other = await client.get(f"/admin/difficulties?group={world.future_id}")
    handed = await client.post(
        f"/admin/difficulties/{more.future_item}/advisor", data={"csrf": csrf_of(page)}
    )
    missing = await client.post("/admin/difficulties/9999/advisor", data={"csrf": csrf_of(page)})

    assert shown(TAX_ITEM) in page.text
    assert FUTURE_ITEM not in page.text
    assert other.status_code == 403
    assert handed.status_code == 403
    assert missing.status_code == 404
