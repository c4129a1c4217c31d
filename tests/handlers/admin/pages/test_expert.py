"""전문가 상담 in the console: tickets with SLA status, reassign, approve, cards due, advisors."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.federation import audit
from bot.storage.ticket_models import AdvisorAway, FaqCard
from tests.handlers.admin.world import World

from .conftest import csrf_of, shown, sign_in
from .more_world import ANSWERED, LATE, More, build_more


@pytest.fixture
def more(sessions: sessionmaker[Session], world: World) -> More:
    return build_more(sessions, world)


def row_of(page: httpx.Response, question: str, *, after_heading: str = "") -> str:
    """The table row that shows ``question`` (in the section under ``after_heading``)."""
    text = page.text.split(after_heading, 1)[-1] if after_heading else page.text
    before, _, after = text.partition(question)
    return before.rsplit("<tr", 1)[1] + after.split("</tr>", 1)[0]


async def test_tickets_show_their_state_and_sla_and_filter_by_state_and_field(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")

    page = await client.get("/admin/expert")
    answered = await client.get("/admin/expert?state=answered&field=세무")
    labour = await client.get("/admin/expert?field=노무")

    assert page.status_code == 200
    late = row_of(page, LATE)
    assert texts.ADM_SLA_LABELS["late"] in late
    assert 'class="unsure"' in late
    assert re.search(r"\d+영업일, \d{4}-\d\d-\d\d \d\d:\d\d까지", late), late
    assert texts.ADM_TICKET_STATES["answered"] in row_of(page, ANSWERED)
    assert ANSWERED in answered.text
    assert LATE not in answered.text
    assert LATE in labour.text
    assert ANSWERED not in labour.text


async def test_a_ticket_is_reassigned_and_an_answer_approved_as_a_card(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")
    page = await client.get("/admin/expert")

    moved = await client.post(
        f"/admin/expert/tickets/{more.late_ticket}/assign",
        data={"csrf": csrf_of(page), "advisor": str(more.tax_advisor)},
    )
    approved = await client.post(
        f"/admin/expert/tickets/{more.answered_ticket}/approve", data={"csrf": csrf_of(page)}
    )
    not_answered = await client.post(
        f"/admin/expert/tickets/{more.late_ticket}/approve", data={"csrf": csrf_of(page)}
    )

    assert shown(texts.adm_ticket_reassigned(more.late_ticket, "최세무")) in moved.text
    with sessions() as session:
        # The audit, not the row: the served scheduler runs on the wall clock and may escalate
        # the ticket again meanwhile (the world's days are in its past).
        entries = audit.entries_for(session, entity="ticket", entity_id=more.late_ticket)
        assert any(
            e.detail.get("reason") == "manual" and e.detail.get("advisor") == more.tax_advisor
            for e in entries
        )
        card = session.scalars(
            select(FaqCard).where(FaqCard.ticket_id == more.answered_ticket)
        ).one()
    assert f"#{more.answered_ticket}" in approved.text
    assert card.expires_on.isoformat() in approved.text
    assert not_answered.status_code == 400
    assert shown(texts.rt_not_answered(more.late_ticket)) in not_answered.text


async def test_cards_due_and_advisors_with_their_away_periods(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")
    page = await client.get("/admin/expert")
    assert "정례회 회비 납부 기한은?" in page.text.split("다시 확인할 FAQ 카드")[1]

    saved = await client.post(
        f"/admin/expert/advisors/{more.labour_advisor}/away",
        data={"csrf": csrf_of(page), "start": "2026-11-24", "end": "2026-11-30"},
    )
    backwards = await client.post(
        f"/admin/expert/advisors/{more.labour_advisor}/away",
        data={"csrf": csrf_of(page), "start": "2026-12-10", "end": "2026-12-01"},
    )

    assert "2026-11-24 ~ 2026-11-30" in saved.text
    assert "부재" in row_of(saved, "정노무", after_heading="<h2>자문위원")
    assert backwards.status_code == 400
    assert texts.ADM_AWAY_END_BEFORE_START in backwards.text
    with sessions() as session:
        assert len(session.scalars(select(AdvisorAway)).all()) == 1


async def test_a_group_admin_sees_their_groups_tickets_and_changes_nothing(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "김회장")

    page = await client.get("/admin/expert")
    refused = await client.post(
        f"/admin/expert/tickets/{more.answered_ticket}/approve", data={"csrf": csrf_of(page)}
    )

    assert ANSWERED in page.text  # asked in 새벽교류회's room
    assert "FAQ 카드로 승인" not in page.text
    assert refused.status_code == 403
    assert texts.ADM_FEDERATION_ONLY in refused.text


async def test_an_advisors_office_hours_are_set_and_put_back_to_the_default(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")
    page = await client.get("/admin/expert")
    assert 'value="09:00-18:00"' in row_of(page, "정노무", after_heading="<h2>자문위원")

    saved = await client.post(
        f"/admin/expert/advisors/{more.labour_advisor}/hours",
        data={"csrf": csrf_of(page), "hours": "10:00-17:00"},
    )
    backwards = await client.post(
        f"/admin/expert/advisors/{more.labour_advisor}/hours",
        data={"csrf": csrf_of(page), "hours": "17:00-10:00"},
    )

    assert shown(texts.rt_hours_set("정노무", "10:00-17:00")) in saved.text
    assert 'value="10:00-17:00"' in row_of(saved, "정노무", after_heading="<h2>자문위원")
    assert backwards.status_code == 400
    assert shown(texts.RT_HOURS_BAD) in backwards.text

    reset = await client.post(
        f"/admin/expert/advisors/{more.labour_advisor}/hours",
        data={"csrf": csrf_of(page), "hours": ""},
    )
    assert shown(texts.rt_hours_set("정노무", None)) in reset.text
    assert 'value="09:00-18:00"' in row_of(reset, "정노무", after_heading="<h2>자문위원")


async def test_a_fields_response_deadlines_are_changed_and_wrong_ones_refused(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "사무국장")
    page = await client.get("/admin/expert")
    token = csrf_of(page)

    saved = await client.post(
        "/admin/expert/sla",
        data={"csrf": token, "field": "세무", "remind": "2", "reassign": "4", "escalate": "6"},
    )
    out_of_order = await client.post(
        "/admin/expert/sla",
        data={"csrf": token, "field": "세무", "remind": "5", "reassign": "3", "escalate": "6"},
    )
    not_a_number = await client.post(
        "/admin/expert/sla",
        data={"csrf": token, "field": "세무", "remind": "이틀", "reassign": "4", "escalate": "6"},
    )

    said = texts.ADM_SLA_SAVED.format(field="세무", remind=2, reassign=4, escalate=6)
    assert shown(said) in saved.text
    tax = saved.text.split("분야별 응답 기한", 1)[1].split('value="세무"', 1)[1].split("</tr>")[0]
    assert 'name="remind" min="1" value="2"' in tax
    assert 'name="escalate" min="1" value="6"' in tax
    assert out_of_order.status_code == 400
    assert shown(texts.RT_SLA_BAD_ORDER) in out_of_order.text
    assert not_a_number.status_code == 400
    assert shown(texts.ADM_SLA_NOT_NUMBER) in not_a_number.text


async def test_a_group_admin_sees_deadlines_and_hours_but_cannot_change_them(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], more: More
) -> None:
    await sign_in(client, sessions, "김회장")
    page = await client.get("/admin/expert")

    refused = await client.post(
        "/admin/expert/sla",
        data={
            "csrf": csrf_of(page),
            "field": "세무",
            "remind": "1",
            "reassign": "2",
            "escalate": "3",
        },
    )

    assert "분야별 응답 기한" in page.text
    assert "평일 09:00-18:00" in page.text
    assert 'name="remind"' not in page.text
    assert refused.status_code == 403
