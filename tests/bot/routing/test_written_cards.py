from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.clock import KST
from bot.federation import audit
from bot.routing import cards
from bot.routing.tickets import TicketError

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=KST)
MEMBERS = frozenset({"public", "members"})


def test_a_written_card_answers_members_at_once_signed_by_the_secretariat(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as session:
        card = cards.write_card(
            session,
            question="정례회 회비는 얼마인가요?",
            answer="정례회 회비는 1회 3만 원이에요. 문의 010-1234-5678",
            field="기타",
            actor="member:1",
            now=NOW,
        )
        entries = audit.entries_for(session, entity="faq_card", entity_id=card.id)

    found = cards.lookup(session_factory, "정례회 회비는 얼마인가요", audience=MEMBERS, now=NOW)

    assert found is not None
    assert found.answer.startswith("정례회 회비는 1회 3만 원이에요.")
    assert "010-1234-5678" not in found.answer  # masked before it is stored
    assert found.title.startswith(texts.RT_SECRETARIAT)
    assert (
        cards.lookup(
            session_factory, "정례회 회비는 얼마인가요?", audience=frozenset({"public"}), now=NOW
        )
        is None
    )
    assert [(e.actor, e.action) for e in entries] == [("member:1", "write_card")]


def test_tax_cards_expire_at_the_years_end(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as session:
        card = cards.write_card(
            session,
            question="부가세 신고 기한은?",
            answer="1월 25일까지예요.",
            field="세무",
            actor="t",
            now=NOW,
        )

    assert card.expires_on == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("question", "answer", "field"),
    [("", "답", "기타"), ("질문", " ", "기타"), ("질문", "답", "점성술")],
)
def test_an_empty_text_or_unknown_field_is_refused_in_korean(
    session_factory: sessionmaker[Session], question: str, answer: str, field: str
) -> None:
    with session_factory.begin() as session, pytest.raises(TicketError) as refused:
        cards.write_card(session, question=question, answer=answer, field=field, actor="t", now=NOW)

    assert str(refused.value) in (
        texts.ADM_FAQ_EMPTY,
        texts.adm_faq_bad_field(field, cards.fields.FIELDS),
    )
