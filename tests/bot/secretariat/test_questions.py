"""From a question of the log: a glossary synonym the bot uses, or a ticket for an advisor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation.errors import FederationError, NotFoundError
from bot.qa import DocumentQA
from bot.secretariat import documents, questions
from bot.secretariat.documents import Upload
from bot.storage.audit_models import AuditEntry
from bot.storage.conversation_models import AnswerRecord
from bot.storage.ticket_models import Ticket
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore
from tests.bot.secretariat.conftest import NOW, Hanbit
from tests.bot.secretariat.test_documents import RULES

YEAR_END = RULES + "\n## 제7조 (송년회)\n송년회는 매년 12월 셋째 주 금요일 저녁에 연다.\n"
ASKED = "망년회는 언제예요?"


def test_a_synonym_makes_the_bot_understand_a_members_word(
    session: Session, isolated_env: Path
) -> None:
    store = ChunkStore.open(KnowledgeSettings())
    documents.add_documents(
        session,
        store=store,
        folder=isolated_env / documents.FOLDER,
        files=[Upload("회칙.txt", YEAR_END.encode())],
        actor="t",
    )
    qa = DocumentQA.open(KnowledgeSettings())
    before = qa.answer(ASKED)

    added = questions.add_synonym(
        session, settings=KnowledgeSettings(), word="송년회", synonym="망년회", actor="member:1"
    )
    qa.refresh()
    after = qa.answer(ASKED)

    assert not before.confident
    assert after.confident
    assert "12월 셋째 주 금요일" in after.text
    assert "망년회" in added.words
    assert "송년의 밤" in added.words  # joined the packaged 송년회 group
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "glossary_add")).one()
    assert entry.actor == "member:1"
    assert entry.detail["words"] == ["송년회", "망년회"]


@pytest.mark.parametrize(
    ("word", "synonym", "message"),
    [
        ("송년회", " ", texts.GLOSSARY_EMPTY),
        ("송년회", "송년회", texts.GLOSSARY_SAME),
        ("송년회", "가" * 31, texts.glossary_too_long(30)),
    ],
)
def test_a_synonym_that_is_not_one_is_refused(
    session: Session, word: str, synonym: str, message: str
) -> None:
    with pytest.raises(FederationError, match=re.escape(message)):
        questions.add_synonym(
            session, settings=KnowledgeSettings(), word=word, synonym=synonym, actor="t"
        )


def asked(session: Session, room: str | None) -> int:
    record = AnswerRecord(
        platform="telegram",
        user_id="777",
        conversation=room,
        question="수출 바우처 정산 서류는 무엇인가요?",
        text="문서에서 찾지 못했어요.",
        confident=False,
        sources=[],
        created_at=NOW,
    )
    session.add(record)
    session.flush()
    return record.id


def test_a_question_handed_to_an_advisor_becomes_one_anonymous_ticket_for_its_asker(
    session: Session, hanbit: Hanbit
) -> None:
    answer_id = asked(session, "-1001")

    handed = questions.hand_to_advisor(session, answer_id=answer_id, actor="member:1", now=NOW)
    again = questions.hand_to_advisor(session, answer_id=answer_id, actor="member:1", now=NOW)

    ticket = session.get(Ticket, handed.ticket_id)
    assert ticket is not None
    assert ticket.question == "수출 바우처 정산 서류는 무엇인가요?"
    assert (ticket.platform, ticket.user_id, ticket.conversation) == ("telegram", "777", "-1001")
    assert ticket.is_group
    assert ticket.anonymous
    assert ticket.answer_id == answer_id
    assert ticket.group_id == hanbit.dawn.id  # the room's group
    assert again.already
    assert again.ticket_id == handed.ticket_id
    opened = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "ticket", AuditEntry.action == "open")
    ).one()
    assert opened.actor == "member:1"


def test_a_direct_question_is_answered_in_the_direct_chat(session: Session, hanbit: Hanbit) -> None:
    handed = questions.hand_to_advisor(
        session, answer_id=asked(session, None), actor="member:1", now=NOW
    )

    ticket = session.get(Ticket, handed.ticket_id)
    assert ticket is not None
    assert not ticket.is_group


def test_an_unknown_question_is_not_handed_on(session: Session) -> None:
    with pytest.raises(NotFoundError):
        questions.hand_to_advisor(session, answer_id=999, actor="t", now=NOW)
