from __future__ import annotations

import io
import sqlite3
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.routing import cards
from handlers.memory import MemoryChannel
from tests.handlers.admin.world import DISLIKED, FINE, UNSURE, World, build, link
from tests.handlers.conftest import NOW, build_server, running, settings
from tests.scenarios.answerer import FakeAnswerer


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


async def log_in(client: httpx.AsyncClient, token: str) -> httpx.Response:
    page = await client.get(f"/admin/login/{token}")
    assert page.status_code == 200
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    return await client.post(f"/admin/login/{token}", data={"csrf": csrf})


def csrf_of(page: httpx.Response) -> str:
    return page.text.split('name="csrf" value="')[1].split('"')[0]


async def test_without_a_session_the_console_sends_you_to_a_korean_log_in_page(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/admin")

    assert response.status_code in (303, 307)
    page = await client.get("/admin", follow_redirects=True)
    assert page.status_code == 200
    assert "관리 콘솔 로그인" in page.text
    assert "/관리" in page.text


async def test_a_link_logs_in_once_and_shows_today(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    token = link(sessions, "사무국장")

    response = await log_in(client, token)

    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Path=/admin" in cookie
    today = await client.get("/admin")
    assert today.status_code == 200
    assert "오늘 확인할 일" in today.text
    assert UNSURE in today.text  # not confident, in the last 7 days
    assert "<td>시험용 대화</td>" in today.text  # its channel, in Korean
    assert "새벽교류회 12월 정례회" in today.text
    assert "박대표" in today.text  # has not answered the RSVP
    again = await client.get(f"/admin/login/{token}")
    assert again.status_code == 410
    assert texts.ADM_LINK_USED in again.text


async def test_an_expired_or_wrong_link_gets_a_korean_page_and_its_status(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], clock: list[datetime]
) -> None:
    token = link(sessions, "사무국장")
    clock[0] = NOW + timedelta(minutes=16)

    expired = await client.get(f"/admin/login/{token}")
    wrong = await client.get("/admin/login/nothing-like-a-token")

    assert (expired.status_code, wrong.status_code) == (410, 404)
    assert texts.ADM_LINK_EXPIRED in expired.text
    assert texts.ADM_LINK_UNKNOWN in wrong.text
    assert (await client.get("/admin")).status_code == 303  # not logged in


async def test_a_post_without_its_csrf_token_is_refused(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    token = link(sessions, "사무국장")
    refused_login = await client.post(f"/admin/login/{token}", data={})
    await log_in(client, token)

    refused = await client.post("/admin/logout", data={})
    forged = await client.post("/admin/logout", data={"csrf": "guess"})

    assert refused_login.status_code == 403
    assert (refused.status_code, forged.status_code) == (403, 403)
    assert texts.ADM_CSRF_REFUSED in refused.text
    assert (await client.get("/admin")).status_code == 200  # still logged in


async def test_log_out_ends_the_session(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    today = await client.get("/admin")

    response = await client.post("/admin/logout", data={"csrf": csrf_of(today)})

    assert response.status_code == 200
    assert texts.ADM_SIGNED_OUT in response.text
    assert (await client.get("/admin")).status_code == 303


async def test_questions_are_filtered_and_exported(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))

    everything = await client.get("/admin/questions")
    disliked = await client.get("/admin/questions", params={"down": "1"})
    unsure = await client.get("/admin/questions", params={"unconfident": "1"})
    keyword = await client.get("/admin/questions", params={"q": "수원"})
    csv = await client.get("/admin/questions.csv", params={"down": "1"})
    xlsx = await client.get("/admin/questions.xlsx")

    assert all(q in everything.text for q in (UNSURE, DISLIKED, FINE))
    assert DISLIKED in disliked.text
    assert UNSURE not in disliked.text
    assert FINE not in disliked.text
    assert UNSURE in unsure.text
    assert DISLIKED not in unsure.text
    assert FINE in keyword.text
    assert DISLIKED not in keyword.text
    assert "회칙 › 제5조" in everything.text
    assert "<td>시험용 대화</td>" in everything.text  # the channel in Korean, not "memory"
    assert ">memory<" not in everything.text
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("일시(KST),채널,교류회,질문")
    assert len(lines) == 2
    assert DISLIKED in lines[1]
    assert "새벽교류회" in lines[1]
    assert ",시험용 대화," in lines[1]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert {row[3] for row in sheet.iter_rows(min_row=2, values_only=True)} == {
        UNSURE,
        DISLIKED,
        FINE,
    }


async def test_a_group_admin_sees_only_their_group(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    await log_in(client, link(sessions, "김회장"))

    mine = await client.get("/admin/questions")
    other = await client.get("/admin/questions", params={"group": str(world.future_id)})
    other_csv = await client.get("/admin/questions.csv", params={"group": str(world.future_id)})

    assert UNSURE in mine.text
    assert DISLIKED in mine.text
    assert FINE not in mine.text
    assert (other.status_code, other_csv.status_code) == (403, 403)
    assert texts.ADM_FORBIDDEN in other.text


async def test_the_console_is_not_served_unless_asked(
    sessions: sessionmaker[Session], bot: Bot
) -> None:
    app = build_server(bot, settings(), sessions=sessions)
    async with running(app) as client:
        assert (await client.get("/admin")).status_code == 404


async def test_cookies_are_secure_behind_https(
    sessions: sessionmaker[Session], bot: Bot, world: World
) -> None:
    app = build_server(
        bot, settings(public_url="https://gyoryu.example.kr"), sessions=sessions, console=True
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://gyoryu.test") as client:
            response = await log_in(client, link(sessions, "사무국장"))

    assert response.status_code == 303
    assert "Secure" in response.headers["set-cookie"]


async def test_a_thumbs_down_question_becomes_an_faq_answer_the_bot_uses_at_once(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], world: World
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    listed = await client.get("/admin/questions", params={"down": "1"})
    form_url = next(link.split('"')[0] for link in listed.text.split('href="') if '/faq"' in link)
    form = await client.get(form_url)
    assert DISLIKED in form.text

    saved = await client.post(
        form_url,
        data={
            "csrf": csrf_of(form),
            "question": DISLIKED,
            "answer": "정례회 회비는 1회 3만 원이에요.",
            "field": "기타",
        },
    )
    chat = MemoryChannel(
        Bot(
            answerer=FakeAnswerer(),
            directory=SqlDirectory(sessions),
            log=ConversationLog(sessions),
            clock=lambda: NOW,
        ),
        clock=lambda: NOW,
    )
    [reply] = await chat.say("501", DISLIKED)

    assert saved.status_code == 200
    assert texts.ADM_FAQ_SAVED in saved.text
    assert reply.text.startswith("정례회 회비는 1회 3만 원이에요.")


async def test_only_a_federation_admin_writes_faq_answers(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "김회장"))
    listed = await client.get("/admin/questions")

    refused = await client.get("/admin/questions/1/faq")

    assert "FAQ 답변 쓰기" not in listed.text
    assert refused.status_code == 403
    assert texts.ADM_FAQ_FEDERATION_ONLY in refused.text


def _faq_form_data(form: httpx.Response) -> dict[str, str]:
    return {
        "csrf": csrf_of(form),
        "question": DISLIKED,
        "answer": "정례회 회비는 1회 3만 원이에요.",
        "field": "기타",
    }


async def _faq_form(client: httpx.AsyncClient) -> tuple[str, httpx.Response]:
    listed = await client.get("/admin/questions", params={"down": "1"})
    form_url = next(link.split('"')[0] for link in listed.text.split('href="') if '/faq"' in link)
    return form_url, await client.get(form_url)


def _locked() -> OperationalError:
    return OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))


async def test_a_write_that_meets_a_busy_database_is_tried_again_and_saved(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    form_url, form = await _faq_form(client)
    refusals = [_locked()]  # the scheduler held the file once
    write_card = cards.write_card

    def busy_once(*args: Any, **kwargs: Any) -> Any:
        if refusals:
            raise refusals.pop()
        return write_card(*args, **kwargs)

    monkeypatch.setattr(cards, "write_card", busy_once)

    saved = await client.post(form_url, data=_faq_form_data(form))

    assert saved.status_code == 200
    assert texts.ADM_FAQ_SAVED in saved.text
    assert refusals == []


async def test_a_database_that_stays_unavailable_gets_a_korean_page_not_a_500(
    client: httpx.AsyncClient, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    form_url, form = await _faq_form(client)

    def always_locked(*args: Any, **kwargs: Any) -> Any:
        raise _locked()

    monkeypatch.setattr(cards, "write_card", always_locked)

    refused = await client.post(form_url, data=_faq_form_data(form))

    assert refused.status_code == 503
    assert texts.ADM_DATABASE_UNAVAILABLE in refused.text
    assert "Traceback" not in refused.text
