"""The 문서 page: upload through the ingest pipeline, the bot answers at once, relabel, remove."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.qa import DocumentQA
from bot.storage.audit_models import AuditEntry
from handlers.admin import UPLOAD_LIMIT
from handlers.memory import MemoryChannel
from ingest.pipeline import ingest_paths
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore
from tests.bot.secretariat.test_documents import BROKEN, RULES
from tests.handlers.admin.test_web import csrf_of, log_in
from tests.handlers.admin.world import World, build, link
from tests.handlers.conftest import NOW, build_server, running, settings

QUESTION = "연회비는 얼마인가요?"


@dataclass
class Served:
    client: httpx.AsyncClient
    chat: MemoryChannel
    world: World


@pytest.fixture
async def served(sessions: sessionmaker[Session]) -> AsyncIterator[Served]:
    world = build(sessions)
    qa = DocumentQA.open(KnowledgeSettings())
    bot = Bot(
        answerer=qa,
        directory=SqlDirectory(sessions),
        log=ConversationLog(sessions),
        clock=lambda: NOW,
    )
    app = build_server(
        bot,
        settings(),
        sessions=sessions,
        console=True,
        knowledge=KnowledgeSettings(),
        refresh=qa.refresh,
    )
    async with running(app) as client:
        yield Served(client, MemoryChannel(bot, clock=lambda: NOW), world)


async def upload(
    client: httpx.AsyncClient, *files: tuple[str, bytes], visibility: str = "public"
) -> httpx.Response:
    page = await client.get("/admin/documents")
    return await client.post(
        "/admin/documents/upload",
        data={"csrf": csrf_of(page), "kind": "", "visibility": visibility},
        files=[("files", (name, body)) for name, body in files],
    )


async def test_an_uploaded_document_is_answered_by_the_running_bot_at_once(
    served: Served, sessions: sessionmaker[Session]
) -> None:
    await log_in(served.client, link(sessions, "사무국장"))
    [before] = await served.chat.say("501", QUESTION)

    response = await upload(served.client, ("회칙.txt", RULES.encode()), ("깨진.docx", BROKEN))
    [after] = await served.chat.say("501", QUESTION)

    assert response.status_code == 200
    assert "회칙.txt" in response.text
    assert "넣음" in response.text
    assert "깨진.docx" in response.text  # its own Korean line
    assert "손상" in response.text
    assert texts.doc_uploaded(1, 0, 1) in response.text
    assert "60만 원" not in before.text
    assert "60만 원" in after.text
    listed = await served.client.get("/admin/documents")
    assert "새벽교류회 회칙" in listed.text
    assert texts.DOC_KIND_NAMES["rules"] in listed.text


async def test_relabelling_and_removing_change_the_answers_without_a_restart(
    served: Served, sessions: sessionmaker[Session]
) -> None:
    await log_in(served.client, link(sessions, "사무국장"))
    await upload(served.client, ("회칙.txt", RULES.encode()))
    listed = await served.client.get("/admin/documents")
    source = listed.text.split('name="source" value="')[1].split('"')[0]

    changed = await served.client.post(
        "/admin/documents/change",
        data={
            "csrf": csrf_of(listed),
            "source": source,
            "kind": "rules",
            "visibility": f"group:{served.world.future_id}",
        },
    )
    [hidden] = await served.chat.say("501", QUESTION)  # 김회장 is of 새벽교류회, not 미래
    confirm = await served.client.get("/admin/documents/remove", params={"source": source})
    removed = await served.client.post(
        "/admin/documents/remove", data={"csrf": csrf_of(confirm), "source": source}
    )

    assert texts.DOC_CHANGED.format(name="회칙.txt") in html.unescape(changed.text)
    assert "60만 원" not in hidden.text
    assert "회칙.txt" in confirm.text
    assert confirm.status_code == 200
    assert texts.DOC_REMOVED.format(name="회칙.txt") in html.unescape(removed.text)
    assert "새벽교류회 회칙" not in removed.text.split("챗봇이 답할 때 쓰는 문서")[1]
    with sessions() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "document")
        ).all()
    assert actions == ["document_add", "document_change", "document_remove"]


async def test_a_group_admin_manages_only_their_groups_documents(
    served: Served, sessions: sessionmaker[Session]
) -> None:
    await log_in(served.client, link(sessions, "사무국장"))
    await upload(served.client, ("회칙.txt", RULES.encode()))
    await served.client.post(
        "/admin/logout", data={"csrf": csrf_of(await served.client.get("/admin/"))}
    )
    await log_in(served.client, link(sessions, "김회장"))

    page = await served.client.get("/admin/documents")
    refused = await upload(served.client, ("공지.txt", "공지".encode()), visibility="public")
    own = await upload(
        served.client, ("공지.txt", RULES.encode()), visibility=f"group:{served.world.dawn_id}"
    )

    assert "회칙.txt" in page.text  # seen, not theirs to change
    assert "빼기</a>" not in page.text
    assert refused.status_code == 403
    assert texts.DOC_GROUP_ONLY in refused.text
    assert own.status_code == 200
    assert "공지.txt" in own.text


async def test_an_upload_over_the_limit_gets_a_korean_page_and_other_posts_keep_the_small_limit(
    served: Served, sessions: sessionmaker[Session]
) -> None:
    await log_in(served.client, link(sessions, "사무국장"))
    page = await served.client.get("/admin/documents")

    too_big = await served.client.post(
        "/admin/documents/upload",
        data={"csrf": csrf_of(page)},
        files=[("files", ("큰파일.txt", b"x" * (UPLOAD_LIMIT + 1)))],
    )
    large_elsewhere = await served.client.post(
        "/admin/documents/change", data={"csrf": csrf_of(page), "pad": "x" * 300_000}
    )
    fine = await upload(served.client, ("회칙.txt", RULES.encode() + b" " * 400_000))

    assert too_big.status_code == 413
    assert texts.DOC_TOO_LARGE.format(limit_mb=20) in too_big.text
    assert large_elsewhere.status_code == 413
    assert fine.status_code == 200


async def test_removing_a_document_ingested_from_a_folder_keeps_its_file(
    served: Served, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    folder = tmp_path / "규정"
    folder.mkdir()
    (folder / "회칙.txt").write_text(RULES, encoding="utf-8")
    ingest_paths([str(folder)], store=ChunkStore.open(KnowledgeSettings()))
    await log_in(served.client, link(sessions, "사무국장"))
    listed = await served.client.get("/admin/documents")
    source = listed.text.split('name="source" value="')[1].split('"')[0]

    confirm = await served.client.get("/admin/documents/remove", params={"source": source})
    await served.client.post(
        "/admin/documents/remove", data={"csrf": csrf_of(confirm), "source": source}
    )

    assert "원본 파일은 그대로 남아요" in confirm.text
    assert (folder / "회칙.txt").exists()
    assert ChunkStore.open(KnowledgeSettings()).documents() == []
