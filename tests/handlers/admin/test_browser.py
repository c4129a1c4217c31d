"""The console in a real browser: Debian's chromium driven by Playwright (no browser download).

One browser for the module; each test serves Gyoryu with uvicorn on a free local port. A
screenshot of every page goes to ``build/screenshots/`` (git-ignored) for review.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.qa import DocumentQA
from handlers.memory import MemoryChannel
from knowledge.settings import KnowledgeSettings
from tests.bot.secretariat.test_documents import BROKEN, RULES
from tests.bot.secretariat.test_roster import ROSTER
from tests.conftest import REPO_ROOT
from tests.handlers.admin.world import DISLIKED, UNSURE, World, build, link
from tests.handlers.conftest import NOW, build_server, settings

CHROMIUM = "/usr/bin/chromium"
SHOTS = REPO_ROOT / "build" / "screenshots"
HANGUL = re.compile(r"[가-힣]")
STRAY = re.compile(
    r"(?<![.\w/@-])(?:None|True|False|null|undefined|NaN|[a-z]{3,}(?:_[a-z]+)*)\b(?![-./@])"
)
"""English a template leaks: Python's None/True, a raw state or channel name (``pending``,
``telegram``). Proper names and abbreviations (CSV, FAQ, PIPA) are capitalised and file
suffixes (.docx) dotted or identifiers (dawn-room) joined, so not caught; the formats named in
a hint are allowed (FORMATS)."""
FORMATS = {"txt", "md", "htm", "html", "pdf", "docx", "hwpx", "xlsx", "csv"}


def stray_english(text: str) -> list[str]:
    """The words of a page's visible text that a template leaked in English (see STRAY)."""
    return [word for word in STRAY.findall(text) if word not in FORMATS]


pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None,
    reason="Debian's chromium is not installed (apt-get install chromium fonts-noto-cjk; "
    ".ci/run installs it)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One browser for the module; closed before other modules run, since the sync API keeps
    an event loop running in this thread (pytest-asyncio's tests would find it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@dataclass
class Served:
    url: str
    sessions: sessionmaker[Session]
    world: World
    clock: list[datetime]
    chat: MemoryChannel


@pytest.fixture
def served(sessions: sessionmaker[Session]) -> Iterator[Served]:
    """Gyoryu with the real document answerer (no documents yet) and the console."""
    import uvicorn

    world = build(sessions)
    clock = [NOW]
    qa = DocumentQA.open(KnowledgeSettings())
    bot = Bot(
        answerer=qa,
        directory=SqlDirectory(sessions),
        log=ConversationLog(sessions),
        clock=lambda: clock[0],
    )
    app = build_server(
        bot,
        settings(),
        sessions=sessions,
        console=True,
        knowledge=KnowledgeSettings(),
        refresh=qa.refresh,
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws="none")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    started = threading.Event()
    while not started.wait(0.05):  # waits for start-up, asserts nothing about time
        if server.started:
            started.set()
        assert thread.is_alive(), "the server did not start"
    chat = MemoryChannel(bot, clock=lambda: clock[0])
    yield Served(f"http://127.0.0.1:{port}", sessions, world, clock, chat)
    server.should_exit = True
    thread.join()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def ask(served: Served, question: str) -> list[Any]:
    """Ask the served bot as 김회장 (a member of 새벽교류회) through the memory channel.

    In another thread: Playwright's sync API keeps an event loop running in this one.
    """
    with ThreadPoolExecutor(1) as worker:
        return worker.submit(asyncio.run, served.chat.say("501", question)).result()


def log_in(page: Any, served: Served, name: str) -> None:
    page.goto(f"{served.url}/admin/login/{link(served.sessions, name)}")
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(f"{served.url}/admin/")


def test_an_admin_logs_in_with_a_link_and_visits_every_page(page: Any, served: Served) -> None:
    page.goto(f"{served.url}/admin")
    assert "관리 콘솔 로그인" in page.inner_text("main")
    shot(page, "login")

    log_in(page, served, "사무국장")
    links = page.locator("header nav a")
    labels = links.all_inner_texts()
    assert labels[:2] == ["오늘", "질문 기록"]
    for index, label in enumerate(labels):
        page.locator("header nav a").nth(index).click()
        page.wait_for_load_state()
        body = page.inner_text("main")
        assert HANGUL.search(body), label
        assert stray_english(body) == [], label
        assert page.locator("h1").first.is_visible()
        shot(page, f"page-{index}-" + page.url.rstrip("/").rsplit("/", 1)[-1])
    page.goto(f"{served.url}/admin/")
    assert UNSURE in page.inner_text("main")

    page.goto(f"{served.url}/admin/questions")
    page.get_by_label("👎 받은 답변만").check()
    page.get_by_role("button", name="보기").click()
    assert DISLIKED in page.inner_text("table")
    assert UNSURE not in page.inner_text("table")
    shot(page, "questions-thumbs-down")
    assert page.errors == []


def test_a_group_admin_is_refused_another_groups_page(page: Any, served: Served) -> None:
    log_in(page, served, "김회장")

    response = page.goto(f"{served.url}/admin/questions?group={served.world.future_id}")

    assert response.status == 403
    assert texts.ADM_FORBIDDEN in page.inner_text("main")
    shot(page, "refused-other-group")


def test_an_expired_link_is_refused(page: Any, served: Served) -> None:
    token = link(served.sessions, "사무국장")
    served.clock[0] = NOW + timedelta(minutes=16)

    response = page.goto(f"{served.url}/admin/login/{token}")

    assert response.status == 410
    assert texts.ADM_LINK_EXPIRED in page.inner_text("main")
    shot(page, "expired-link")


def test_an_uploaded_document_is_answered_in_chat(
    page: Any, served: Served, tmp_path: Path
) -> None:
    (tmp_path / "회칙.txt").write_text(RULES, encoding="utf-8")
    (tmp_path / "깨진.docx").write_bytes(BROKEN)
    log_in(page, served, "사무국장")
    page.get_by_role("link", name="문서").click()
    assert "아직 넣은 문서가 없어요" in page.inner_text("main")

    page.get_by_label("올릴 파일").set_input_files([tmp_path / "회칙.txt", tmp_path / "깨진.docx"])
    page.get_by_role("button", name="올리기").click()
    page.get_by_role("region", name="올린 결과").wait_for()
    results = page.inner_text("section.results")
    shot(page, "documents-uploaded")
    [reply] = ask(served, "연회비는 얼마인가요?")

    assert "회칙.txt" in results
    assert "넣음" in results
    assert "깨진.docx" in results
    assert "손상" in results
    assert "새벽교류회 회칙" in page.inner_text("table.documents")
    assert "60만 원" in reply.text
    assert page.errors == []


def test_a_roster_with_a_bad_row_shows_the_row_report(
    page: Any, served: Served, tmp_path: Path
) -> None:
    (tmp_path / "명부.csv").write_bytes(ROSTER)
    log_in(page, served, "사무국장")
    page.get_by_role("link", name="회원").click()

    page.get_by_label("명부 파일").set_input_files(tmp_path / "명부.csv")
    page.get_by_role("button", name="가져오기").click()
    page.get_by_role("region", name="명부 가져오기 결과").wait_for()
    report = page.inner_text("section.results")
    shot(page, "members-roster-report")

    assert "3행" in report
    assert "성명" in report
    assert "회원 2명" in report
    assert "(주)미래식품" in page.inner_text("table.companies")

    page.get_by_label("(주)한빛정밀 공개 범위", exact=True).select_option("연합회")
    page.get_by_label("(주)한빛정밀 동의한 회원").select_option(label="김도현")
    page.get_by_role("button", name="(주)한빛정밀 공개 범위 기록하기").click()
    recorded = page.get_by_role("status").inner_text()
    shot(page, "members-consent-recorded")
    assert "(주)한빛정밀: 공개 범위 연합회 전체" in recorded
    assert "김도현 회원님 동의" in recorded
    assert stray_english(page.inner_text("main")) == []
    assert page.errors == []


def test_from_a_question_line_a_synonym_and_an_advisor(page: Any, served: Served) -> None:
    log_in(page, served, "사무국장")
    page.goto(f"{served.url}/admin/questions?q={UNSURE[:6]}")

    page.get_by_role("link", name="동의어 추가").first.click()
    page.get_by_label("회원이 쓴 말").fill("외국인 고용")
    page.get_by_label("문서에 쓰인 말").fill("고용허가제")
    page.get_by_role("button", name="추가").click()
    saved = page.inner_text("main")
    shot(page, "questions-synonym-saved")
    page.goto(f"{served.url}/admin/questions?q={UNSURE[:6]}")
    page.get_by_role("button", name="전문가에게 넘기기").first.click()
    handed = page.inner_text("main")
    shot(page, "questions-handed-to-advisor")

    assert "같은 뜻으로 알아들어요" in saved
    assert "외국인 고용" in saved
    assert "전문가 상담 #1" in handed
    assert UNSURE in handed
    assert page.errors == []
