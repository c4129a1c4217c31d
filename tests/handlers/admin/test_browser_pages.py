"""The console's 행사, 애로사항, 전문가 상담 and 네트워킹 pages (and every other one) in chromium.

Served as :mod:`tests.handlers.admin.test_browser` serves it (its fixtures), over the richer
federation of :mod:`tests.handlers.admin.pages.more_world`. Screenshots go to
``build/screenshots/`` with the prefix ``pages-``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot import texts
from bot.federation import events, groups
from bot.storage.event_models import Event
from tests.handlers.admin import test_browser as served_console
from tests.handlers.admin.pages.more_world import TAX_ITEM, build_more
from tests.handlers.admin.test_browser import HANGUL, Served, ask, log_in, shot, stray_english
from tests.handlers.admin.world import DISLIKED, link
from tests.handlers.conftest import NOW

# The browser, the served Gyoryu and the page of test_browser (fixtures are looked up by name).
browser = served_console.browser
served = served_console.served
page = served_console.page

FAQ_ANSWER = "정례회 회비는 한 번에 3만 원이고, 연회비는 따로 없어요."


def visit_every_page(page: Any, served: Served, who: str) -> list[str]:
    """Click every link of the navigation; each page is Korean, has a heading and no error."""
    labels: list[str] = page.locator("header nav a").all_inner_texts()
    for index, label in enumerate(labels):
        page.locator("header nav a").nth(index).click()
        page.wait_for_load_state()
        text = page.inner_text("main")
        assert HANGUL.search(text), label
        assert stray_english(text) == [], label
        assert page.locator("h1").first.is_visible(), label
        assert page.locator("header nav a[aria-current=page]").inner_text() == label
        shot(page, f"pages-{who}-{index}-" + page.url.rstrip("/").rsplit("/", 1)[-1])
    return labels


def test_every_page_of_the_navigation_renders_in_korean_without_errors(
    page: Any, served: Served
) -> None:
    more = build_more(served.sessions, served.world)
    log_in(page, served, "사무국장")

    labels = visit_every_page(page, served, "federation")

    for label in ("오늘", "질문 기록", "행사", "애로사항", "전문가 상담", "네트워킹"):
        assert label in labels
    page.get_by_role("link", name="행사").click()
    page.get_by_role("link", name="새벽교류회 12월 정례회").click()
    board = page.inner_text("main")
    assert "아직 응답 안 함" in board
    assert "박대표" in board
    assert stray_english(board) == []
    shot(page, "pages-event-board")

    page.get_by_role("link", name="애로사항").click()
    row = page.locator("tr", has_text=TAX_ITEM)
    row.get_by_role("button", name="자문위원에게 넘기기").click()
    assert "상담 #" in page.get_by_role("status").inner_text()
    shot(page, "pages-difficulty-handed")

    page.get_by_role("link", name="전문가 상담").click()
    assert TAX_ITEM in page.inner_text("main")  # the handed item is a ticket now
    page.locator("tr", has_text="퇴직금 중간정산").get_by_role("button", name="배정").click()
    assert "배정했어요" in page.get_by_role("status").inner_text()
    shot(page, "pages-ticket-assigned")
    assert more.late_ticket
    assert page.errors == []


def test_a_group_admin_sees_their_pages_and_is_refused_another_groups(
    page: Any, served: Served
) -> None:
    build_more(served.sessions, served.world)
    with served.sessions.begin() as session:
        other = events.add_event(
            session,
            federation=groups.the_federation(session),
            group=groups.find_group(session, "미래교류회"),
            kind="정례회",
            title="미래교류회 12월 정례회",
            starts_at=NOW + timedelta(days=6),
            actor="t",
        )
        other_id = other.id
    log_in(page, served, "김회장")
    visit_every_page(page, served, "group")
    assert page.errors == []

    page.get_by_role("link", name="행사").click()
    assert "미래교류회 12월 정례회" not in page.inner_text("main")
    refused = page.goto(f"{served.url}/admin/events/{other_id}")
    assert refused.status == 403
    assert texts.ADM_FORBIDDEN in page.inner_text("main")
    shot(page, "pages-group-refused-event")
    other_group = page.goto(f"{served.url}/admin/difficulties?group={served.world.future_id}")
    assert other_group.status == 403
    missing = page.goto(f"{served.url}/admin/events/99999")
    assert missing.status == 404
    assert texts.ADM_RECORD_NOT_FOUND in page.inner_text("main")


def test_a_wrong_date_is_explained_then_the_event_added_and_cancelled(
    page: Any, served: Served
) -> None:
    log_in(page, served, "사무국장")
    page.get_by_role("link", name="행사").click()
    page.get_by_label("제목").fill("미래교류회 송년회")
    page.get_by_label("구분").select_option("간담회")
    page.get_by_label("주관").select_option("미래교류회")
    page.get_by_label("시작(KST)").fill("다음 주쯤")

    page.get_by_role("button", name="행사 추가").click()

    assert texts.fed_bad_when("다음 주쯤") in page.get_by_role("alert").inner_text()
    assert page.get_by_label("제목").input_value() == "미래교류회 송년회"
    shot(page, "pages-event-wrong-date")
    page.get_by_label("시작(KST)").fill("12월 18일 오후 6시 30분")
    page.get_by_role("button", name="행사 추가").click()
    assert texts.adm_event_saved("미래교류회 송년회") in page.get_by_role("status").inner_text()
    assert "2026-12-18 18:30" in page.locator("tr", has_text="미래교류회 송년회").inner_text()
    with served.sessions() as session:
        assert session.scalars(select(Event).where(Event.title == "미래교류회 송년회")).one()

    page.get_by_role("link", name="미래교류회 송년회").click()
    page.get_by_label("알림을 받은 방에 취소 안내가 나가요").check()
    page.get_by_role("button", name="이 행사 취소").click()
    assert texts.adm_event_cancelled("미래교류회 송년회") in page.get_by_role("status").inner_text()
    assert "미래교류회 송년회" not in page.inner_text("table")
    # The refused form comes back with 400, which chromium logs; nothing else may be logged.
    assert [e for e in page.errors if "status of 400" not in e] == []


def test_a_thumbs_down_question_becomes_the_answer_the_bot_gives(page: Any, served: Served) -> None:
    log_in(page, served, "사무국장")
    page.get_by_role("link", name="질문 기록").click()
    page.get_by_label("👎 받은 답변만").check()
    page.get_by_role("button", name="보기").click()
    page.locator("tr", has_text=DISLIKED).get_by_role("link", name="FAQ 답변 쓰기").click()

    page.get_by_label("답변", exact=True).fill(FAQ_ANSWER)
    page.get_by_role("button", name="저장").click()
    page.wait_for_load_state()
    shot(page, "pages-faq-written")
    [reply] = ask(served, DISLIKED)

    assert texts.ADM_FAQ_SAVED in page.inner_text("main")
    assert reply.text.startswith(FAQ_ANSWER)
    assert page.errors == []


def test_a_used_or_expired_link_is_refused(page: Any, served: Served) -> None:
    token = link(served.sessions, "사무국장")
    page.goto(f"{served.url}/admin/login/{token}")
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(f"{served.url}/admin/")
    page.context.clear_cookies()

    again = page.goto(f"{served.url}/admin/login/{token}")
    assert again.status == 410
    assert HANGUL.search(page.inner_text("main"))
    shot(page, "pages-used-link")

    late = link(served.sessions, "김회장")
    served.clock[0] = NOW + timedelta(minutes=16)
    expired = page.goto(f"{served.url}/admin/login/{late}")
    assert expired.status == 410
    assert texts.ADM_LINK_EXPIRED in page.inner_text("main")
    shot(page, "pages-expired-link")
