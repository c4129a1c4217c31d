"""행사 in the console: add, change and cancel an event, its RSVP board, schedule and refusals."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.delivery import PermanentDeliveryError
from bot.federation import events, groups, members
from bot.schedule import queue, reasons
from bot.storage.event_models import Event
from bot.storage.schedule_models import ScheduledMessage
from tests.handlers.admin.world import World
from tests.handlers.conftest import NOW

from .conftest import csrf_of, shown, sign_in

MEETING = "새벽교류회 12월 정례회"


def meeting_id(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalars(select(Event.id).where(Event.title == MEETING)).one()


async def test_the_board_shows_who_answered_what_and_who_has_not(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    event_id = meeting_id(sessions)
    with sessions.begin() as session:
        kim = members.find_member(session, "김회장")
        events.set_rsvp(
            session,
            event=session.get_one(Event, event_id),
            member=kim,
            status="대리참석",
            proxy_name="김부장",
            now=NOW,
        )
    await sign_in(client, sessions, "사무국장")

    page = await client.get(f"/admin/events/{event_id}")

    assert page.status_code == 200
    board = page.text.split("참석 응답")[1].split("</table>")[0]
    assert "김회장" in board
    assert "김부장" in board
    silent = board.split("아직 응답 안 함")[1]
    assert "박대표" in silent
    assert "김회장" not in silent


async def test_an_event_is_added_moved_keeping_its_length_and_cancelled(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    await sign_in(client, sessions, "사무국장")
    listing = await client.get("/admin/events")
    added = await client.post(
        "/admin/events",
        data={
            "csrf": csrf_of(listing),
            "title": "미래교류회 송년회",
            "kind": "간담회",
            "group": str(world.future_id),
            "start": "2026-12-18 18:30",
            "end": "21:00",
            "place": "수원",
        },
    )
    assert added.status_code == 200
    assert texts.adm_event_saved("미래교류회 송년회") in added.text
    with sessions() as session:
        event = session.scalars(select(Event).where(Event.title == "미래교류회 송년회")).one()
        assert event.group_id == world.future_id
        event_id = event.id
    dawn = await client.get(f"/admin/events?group={world.dawn_id}")
    future = await client.get(f"/admin/events?group={world.future_id}")
    assert "미래교류회 송년회" not in dawn.text.split("행사 추가")[0]
    assert MEETING in dawn.text
    assert "미래교류회 송년회" in future.text

    moved = await client.post(
        f"/admin/events/{event_id}/edit",
        data={"csrf": csrf_of(listing), "start": "2026-12-19 18:30", "place": "화성"},
    )
    assert moved.status_code == 200
    assert "12-19 18:30" in moved.text
    assert "화성" in moved.text

    unconfirmed = await client.post(
        f"/admin/events/{event_id}/cancel", data={"csrf": csrf_of(listing)}
    )
    assert unconfirmed.status_code == 400
    assert shown(texts.ADM_EVENT_CANCEL_UNCONFIRMED) in unconfirmed.text
    cancelled = await client.post(
        f"/admin/events/{event_id}/cancel", data={"csrf": csrf_of(listing), "confirm": "1"}
    )
    assert texts.adm_event_cancelled("미래교류회 송년회") in cancelled.text
    with sessions() as session:
        assert session.get(Event, event_id) is None


async def test_a_wrong_date_gets_a_polite_korean_message(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    await sign_in(client, sessions, "사무국장")
    listing = await client.get("/admin/events")

    refused = await client.post(
        "/admin/events",
        data={
            "csrf": csrf_of(listing),
            "title": "세미나",
            "kind": "세미나",
            "group": "",
            "start": "언젠가",
        },
    )

    assert refused.status_code == 400
    assert shown(texts.fed_bad_when("언젠가")) in refused.text
    assert 'value="세미나"' in refused.text  # what was typed stays in the form


async def test_the_reminder_schedule_is_replanned_from_the_page(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    event_id = meeting_id(sessions)
    await sign_in(client, sessions, "사무국장")
    page = await client.get(f"/admin/events/{event_id}")

    saved = await client.post(
        f"/admin/events/{event_id}/schedule",
        data={"csrf": csrf_of(page), "reminders": "3d,2h"},
    )

    assert saved.status_code == 200
    assert "3일 전" in saved.text
    with sessions() as session:
        kinds = session.scalars(
            select(ScheduledMessage.key).where(ScheduledMessage.event_id == event_id)
        ).all()
    assert any(key.endswith(":3d") for key in kinds)

    bad = await client.post(
        f"/admin/events/{event_id}/schedule", data={"csrf": csrf_of(page), "reminders": "모레"}
    )
    assert bad.status_code == 400
    assert "모레" in bad.text


async def test_a_group_admin_sees_and_changes_only_their_group(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    with sessions.begin() as session:
        other = events.add_event(
            session,
            federation=groups.the_federation(session),
            group=None,
            kind="총회",
            title="연합회 정기총회",
            starts_at=NOW + timedelta(days=20),
            actor="t",
        )
        other_id = other.id
    await sign_in(client, sessions, "김회장")

    listing = await client.get("/admin/events")
    other_group = await client.get(f"/admin/events?group={world.future_id}")
    assert other_group.status_code == 403
    assert MEETING in listing.text
    assert "연합회 정기총회" not in listing.text
    refused = await client.get(f"/admin/events/{other_id}")
    assert refused.status_code == 403
    assert texts.ADM_FORBIDDEN in refused.text
    cancel = await client.post(f"/admin/events/{other_id}/cancel", data={"csrf": csrf_of(listing)})
    assert cancel.status_code == 403
    added = await client.post(
        "/admin/events",
        data={
            "csrf": csrf_of(listing),
            "title": "몰래",
            "kind": "세미나",
            "group": str(world.future_id),
            "start": "2026-12-20 10:00",
        },
    )
    assert added.status_code == 403
    missing = await client.get("/admin/events/9999")
    assert missing.status_code == 404


KICKED = "PermanentDeliveryError: telegram: Forbidden: bot was kicked from the group chat"


async def test_a_failed_send_says_in_korean_what_happened_with_the_platforms_words_folded_away(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    event_id = meeting_id(sessions)
    with sessions.begin() as session:
        queue.plan_event(session, session.get_one(Event, event_id), now=NOW)
        first, second = session.scalars(
            select(ScheduledMessage)
            .where(ScheduledMessage.event_id == event_id)
            .order_by(ScheduledMessage.id)
            .limit(2)
        ).all()
        first.state, first.last_error = "failed", KICKED  # as rows failed before: in English
        second.state = "failed"
        second.last_error = reasons.recorded(
            PermanentDeliveryError("slack: channel_not_found"), final=True
        )
    await sign_in(client, sessions, "사무국장")

    pages = [
        (await client.get("/admin/events")).text.split("보내지 못한 예약 메시지")[1],
        (await client.get(f"/admin/events/{event_id}")).text.split("예약 메시지 <small>")[1],
        (await client.get("/admin")).text.split("전달하지 못한 메시지")[1],
    ]

    for page in pages:
        table = page.split("</table>")[0]
        assert shown(texts.MTG_REASON_REMOVED) in table
        assert shown(texts.MTG_REASON_ROOM_GONE) in table
        english = [cell.split("</details>")[0] for cell in table.split("<details")[1:]]
        assert sorted(cell.split("<code>")[1] for cell in english) == [
            "PermanentDeliveryError: slack: channel_not_found</code>",
            f"{KICKED}</code>",
        ]
        outside = "".join(cell.split("</details>")[-1] for cell in table.split("<details"))
        assert "Error" not in outside
