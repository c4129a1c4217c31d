"""The 회원 page: roster import with its row report, export, invites, PIPA export and erasure."""

from __future__ import annotations

import html
import json
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.core import Bot
from bot.storage.audit_models import AuditEntry
from bot.storage.federation_models import Company, Member
from tests.bot.secretariat.test_roster import ROSTER
from tests.handlers.admin.test_web import csrf_of, log_in
from tests.handlers.admin.world import build, link
from tests.handlers.conftest import build_server, running, settings


@pytest.fixture
async def client(sessions: sessionmaker[Session], bot: Bot) -> AsyncIterator[httpx.AsyncClient]:
    build(sessions)
    app = build_server(bot, settings(), sessions=sessions, console=True)
    async with running(app) as client:
        yield client


async def import_roster(
    client: httpx.AsyncClient, body: bytes, name: str = "명부.csv", **options: str
) -> httpx.Response:
    page = await client.get("/admin/members")
    return await client.post(
        "/admin/members/import",
        data={"csrf": csrf_of(page), **options},
        files={"file": (name, body)},
    )


def id_named(
    sessions: sessionmaker[Session], name: str, kind: type[Member | Company] = Member
) -> int:
    """The number of the member (or, with ``kind=Company``, the company) named ``name``."""
    with sessions() as session:
        return session.scalars(select(kind.id).where(kind.name == name)).one()


async def imported_then_group_admin(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    """사무국장 imports the roster and logs out; 김회장 (새벽교류회's admin) logs in."""
    await log_in(client, link(sessions, "사무국장"))
    await import_roster(client, ROSTER, skip_invalid="1")
    today = await client.get("/admin/")
    await client.post("/admin/logout", data={"csrf": csrf_of(today)})
    await log_in(client, link(sessions, "김회장"))


async def test_a_roster_with_a_bad_row_saves_the_rest_and_names_the_row(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))

    response = await import_roster(client, ROSTER, skip_invalid="1")

    assert response.status_code == 200
    assert texts.roster_imported(2, 2, 2, 1) in html.unescape(response.text)
    assert "<td>3행</td>" in response.text
    assert "성명" in response.text.split("<td>3행</td>")[1].split("</tr>")[0]
    assert "김도현" in response.text
    assert "(주)미래식품" in response.text


async def test_without_skipping_nothing_is_saved_and_the_page_says_so(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))

    response = await import_roster(client, ROSTER)
    broken = await import_roster(client, b"PK not really", name="명부.xlsx")

    assert response.status_code == 400
    assert texts.ROSTER_NOTHING_WRITTEN in html.unescape(response.text)
    assert "김도현" not in response.text
    assert broken.status_code == 400
    assert texts.ROSTER_BAD_SPREADSHEET in broken.text


async def test_the_roster_exports_as_excel_and_csv(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    await import_roster(client, ROSTER, skip_invalid="1")

    xlsx = await client.get("/admin/members/roster.xlsx")
    csv = await client.get("/admin/members/roster.csv")

    assert xlsx.status_code == 200
    assert xlsx.content.startswith(b"PK")
    assert "김도현" in csv.content.decode("utf-8-sig")


async def test_an_invite_code_is_shown_once_and_the_member_marked(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    page = await client.get("/admin/members")
    park = id_named(sessions, "박대표")

    issued = await client.post(f"/admin/members/{park}/invite", data={"csrf": csrf_of(page)})
    again = await client.get("/admin/members")

    assert "박대표님의 초대 코드는" in issued.text
    assert "/연결 " in issued.text
    assert "초대 코드는" not in again.text
    assert "까지 유효한 코드 있음" in again.text


async def test_a_members_data_downloads_and_erasure_needs_the_word(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    park = id_named(sessions, "박대표")

    data = await client.get(f"/admin/members/{park}/data")
    confirm = await client.get(f"/admin/members/{park}/erase")
    unconfirmed = await client.post(
        f"/admin/members/{park}/erase", data={"csrf": csrf_of(confirm), "confirm": "네"}
    )
    erased = await client.post(
        f"/admin/members/{park}/erase", data={"csrf": csrf_of(confirm), "confirm": "삭제"}
    )

    assert "attachment" in data.headers["content-disposition"]
    assert "박대표" in json.dumps(data.json(), ensure_ascii=False)
    assert "박대표" in confirm.text
    assert unconfirmed.status_code == 400
    assert texts.ROSTER_ERASE_NOT_CONFIRMED in html.unescape(unconfirmed.text)
    assert texts.roster_erased("박대표") in erased.text
    with sessions() as session:
        assert session.get(Member, park) is None
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == park)
        ).all()
    assert "data_export" in actions
    assert "erase" in actions


async def test_a_group_admin_sees_their_group_only_and_no_roster_or_data_rights(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await imported_then_group_admin(client, sessions)
    park, future = id_named(sessions, "박대표"), id_named(sessions, "박서준")

    page = await client.get("/admin/members")
    own = await client.post(f"/admin/members/{park}/invite", data={"csrf": csrf_of(page)})
    other = await client.post(f"/admin/members/{future}/invite", data={"csrf": csrf_of(page)})
    data = await client.get(f"/admin/members/{park}/data")
    imported = await import_roster(client, ROSTER)

    assert "박대표" in page.text
    assert "박서준" not in page.text  # 미래교류회
    assert "명부 가져오기" not in page.text
    assert "박대표님의 초대 코드는" in own.text
    assert other.status_code == 404
    assert data.status_code == 403
    assert imported.status_code == 403


async def test_a_companys_networking_consent_is_recorded_with_who_gave_it(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    await import_roster(client, ROSTER, skip_invalid="1")
    page = await client.get("/admin/members")
    firm, kim = id_named(sessions, "(주)한빛정밀", Company), id_named(sessions, "김도현")

    recorded = await client.post(
        f"/admin/members/companies/{firm}/consent",
        data={"csrf": csrf_of(page), "scope": "연합회", "by": str(kim)},
    )
    refused = await client.post(
        f"/admin/members/companies/{firm}/consent",
        data={"csrf": csrf_of(page), "scope": "아무나"},
    )
    forged = await client.post(f"/admin/members/companies/{firm}/consent", data={"scope": "비공개"})

    assert recorded.status_code == 200
    assert "(주)한빛정밀: 공개 범위 연합회 전체" in recorded.text
    assert "김도현 회원님 동의" in recorded.text
    assert refused.status_code == 400
    assert forged.status_code == 403
    with sessions() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "network_scope", AuditEntry.entity_id == firm
            )
        ).one()
    assert entry.actor == f"member:{id_named(sessions, '사무국장')}"


async def test_a_group_admin_cannot_record_another_groups_company_consent(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await imported_then_group_admin(client, sessions)
    page = await client.get("/admin/members")
    own, other = (
        id_named(sessions, "(주)한빛정밀", Company),
        id_named(sessions, "(주)미래식품", Company),
    )

    allowed = await client.post(
        f"/admin/members/companies/{own}/consent", data={"csrf": csrf_of(page), "scope": "교류회"}
    )
    refused = await client.post(
        f"/admin/members/companies/{other}/consent",
        data={"csrf": csrf_of(page), "scope": "연합회"},
    )

    assert "(주)한빛정밀: 공개 범위 우리 교류회" in allowed.text
    assert refused.status_code == 404
    assert "(주)미래식품" not in refused.text


async def test_a_members_privacy_consent_is_recorded_by_the_federation_only(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    park = id_named(sessions, "박대표")
    page = await client.get("/admin/members")

    recorded = await client.post(
        f"/admin/members/{park}/consent",
        data={"csrf": csrf_of(page), "scope": "개인정보 수집·이용, 행사 알림"},
    )
    empty = await client.post(
        f"/admin/members/{park}/consent", data={"csrf": csrf_of(page), "scope": " "}
    )
    await client.post("/admin/logout", data={"csrf": csrf_of(page)})
    await log_in(client, link(sessions, "김회장"))
    group_page = await client.get("/admin/members")
    by_group_admin = await client.post(
        f"/admin/members/{park}/consent", data={"csrf": csrf_of(group_page), "scope": "동의"}
    )

    assert recorded.status_code == 200
    assert "박대표님의 개인정보 동의를 기록했어요: 개인정보 수집·이용, 행사 알림" in html.unescape(
        recorded.text
    )
    assert empty.status_code == 400
    assert texts.ROSTER_CONSENT_NO_SCOPE in html.unescape(empty.text)
    assert by_group_admin.status_code == 403
    with sessions() as session:
        stored = session.get(Member, park)
        assert stored is not None
        assert stored.consent_scope == "개인정보 수집·이용, 행사 알림"


def consent_cell(page: httpx.Response, name: str) -> str:
    """The 개인정보 동의 cell of ``name``'s row on the 회원 page, as text."""
    row = next(r for r in page.text.split("<tr>") if f"<td>{name}</td>" in r)
    cell = row.split("</td>")[6]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())


async def test_a_withdrawal_of_consent_is_confirmed_recorded_and_shown_until_consent_is_given(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    park = id_named(sessions, "박대표")
    before = await client.get("/admin/members")
    await client.post(
        f"/admin/members/{park}/consent",
        data={"csrf": csrf_of(before), "scope": "개인정보 수집·이용"},
    )
    consented = await client.get("/admin/members")

    confirm = await client.get(f"/admin/members/{park}/consent/withdraw")
    withdrawn = await client.post(
        f"/admin/members/{park}/consent/withdraw", data={"csrf": csrf_of(confirm)}
    )
    again = await client.post(
        f"/admin/members/{park}/consent/withdraw", data={"csrf": csrf_of(confirm)}
    )

    assert "동의 철회 기록" in consent_cell(consented, "박대표")
    assert confirm.status_code == 200
    asked = " ".join(html.unescape(re.sub(r"<[^>]+>", "", confirm.text)).split())
    assert "박대표님(" in asked
    assert "개인정보 수집·이용 동의를 철회했다고 기록해요" in asked
    assert withdrawn.status_code == 200
    shown = html.unescape(withdrawn.text)
    stamp = re.search(
        r"박대표님의 개인정보 수집·이용 동의 철회를 기록했어요\((\d{4}-\d\d-\d\d \d\d:\d\d) KST\)",
        shown,
    )
    assert stamp is not None
    cell = consent_cell(withdrawn, "박대표")
    assert cell.startswith(f"{texts.ROSTER_CONSENT_WITHDRAWN} {stamp.group(1)}")
    assert "동의 철회 기록" not in cell  # nothing left to withdraw
    assert cell.endswith("동의 기록")  # consent can be recorded again
    assert again.status_code == 400
    assert "이미" in html.unescape(again.text)
    with sessions() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "consent_withdrawn", AuditEntry.entity_id == park
            )
        ).one()
        assert entry.actor == f"member:{id_named(sessions, '사무국장')}"  # who recorded it

    regiven = await client.post(
        f"/admin/members/{park}/consent",
        data={"csrf": csrf_of(confirm), "scope": "개인정보 수집·이용"},
    )

    assert consent_cell(regiven, "박대표").startswith(f"{stamp.group(1)} (개인정보 수집·이용)")
    assert "동의 철회 기록" in consent_cell(regiven, "박대표")


async def test_only_the_federation_records_a_withdrawal_and_never_without_its_token(
    client: httpx.AsyncClient, sessions: sessionmaker[Session]
) -> None:
    await log_in(client, link(sessions, "사무국장"))
    park = id_named(sessions, "박대표")
    page = await client.get("/admin/members")
    await client.post(
        f"/admin/members/{park}/consent",
        data={"csrf": csrf_of(page), "scope": "개인정보 수집·이용"},
    )
    forged = await client.post(f"/admin/members/{park}/consent/withdraw", data={"csrf": "x"})
    await client.post("/admin/logout", data={"csrf": csrf_of(page)})
    await log_in(client, link(sessions, "김회장"))
    group_page = await client.get("/admin/members")

    asked = await client.get(f"/admin/members/{park}/consent/withdraw")
    posted = await client.post(
        f"/admin/members/{park}/consent/withdraw", data={"csrf": csrf_of(group_page)}
    )

    assert forged.status_code == 403
    assert (asked.status_code, posted.status_code) == (403, 403)
    assert "동의 철회 기록" not in group_page.text
    with sessions() as session:
        stored = session.get(Member, park)
        assert stored is not None
        assert stored.consent_withdrawn_at is None
        assert stored.consent_scope == "개인정보 수집·이용"
