"""전문가 상담 for the secretariat: tickets with SLA status by scope, cards due, advisors."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import advisors, members
from bot.federation.errors import FederationError, NotFoundError
from bot.messages import Address
from bot.routing import cards, tickets
from bot.secretariat import expert
from bot.storage.identity_models import ChatIdentity

from .conftest import NOW, Hanbit

ROOM = Address("telegram", "-1001", "-1001", is_group=True)  # 새벽교류회's room


def ask(session: Session, hanbit: Hanbit, question: str, field: str, days_ago: int) -> int:
    asker = members.add_member(
        session, federation=hanbit.federation, name=f"회원{days_ago}", actor="t"
    )
    asked = Address("telegram", f"u{days_ago}", ROOM.conversation, is_group=True)
    return tickets.open_ticket(
        session,
        question=question,
        asked_at=asked,
        member_id=asker.id,
        now=NOW - timedelta(days=days_ago),
        actor="t",
        field=field,
    ).id


def test_tickets_carry_their_sla_status_and_filter_by_state_field_and_scope(
    session: Session, hanbit: Hanbit
) -> None:
    tax = advisors.add_advisor(
        session, federation=hanbit.federation, name="최세무", fields=["세무"], actor="t"
    )
    session.add(
        ChatIdentity(
            platform="telegram", platform_user_id="9", status="verified", member_id=tax.member_id
        )
    )
    fresh = ask(session, hanbit, "부가세 환급은 언제 되나요?", "세무", 0)
    late = ask(session, hanbit, "법인세 분납이 되나요?", "세무", 7)

    everyone = {t.id: t for t in expert.ticket_list(session, now=NOW, scope=None)}
    labour = expert.ticket_list(session, now=NOW, scope=None, field="노무")
    assigned = expert.ticket_list(session, now=NOW, scope=None, state="assigned")
    dawn = expert.ticket_list(session, now=NOW, scope=frozenset({hanbit.dawn.id}))
    future = expert.ticket_list(session, now=NOW, scope=frozenset({hanbit.future.id}))

    assert (everyone[fresh].sla, everyone[fresh].advisor) == ("ok", "최세무")
    assert everyone[late].sla == "late"
    assert everyone[late].business_days >= tickets.ANSWER_DAYS
    assert everyone[late].group == "새벽교류회"
    assert labour == []
    assert [t.id for t in expert.late_tickets(session, now=NOW, scope=None)] == [late]
    assert {t.id for t in assigned} == {fresh, late}
    assert {t.id for t in dawn} == {fresh, late}
    assert future == []


def test_cards_expired_or_expiring_within_a_month_are_due(session: Session, hanbit: Hanbit) -> None:
    today = NOW.date()
    for question, expires in (
        ("지난 카드", today - timedelta(days=1)),
        ("곧 만료", today + timedelta(days=20)),
        ("한참 남음", today + timedelta(days=200)),
    ):
        cards.write_card(
            session,
            question=question,
            answer="답",
            field="기타",
            actor="t",
            now=NOW,
            expires=expires,
        )

    due = expert.cards_due(session, now=NOW)
    this_week = expert.cards_due(session, now=NOW, within=timedelta(days=7))

    assert [(c.question, c.expired) for c in due] == [("지난 카드", True), ("곧 만료", False)]
    assert [c.question for c in this_week] == ["지난 카드"]


def test_advisors_show_their_load_and_away_periods(session: Session, hanbit: Hanbit) -> None:
    labour = advisors.add_advisor(
        session, federation=hanbit.federation, name="정노무", fields=["노무"], actor="t"
    )

    days = expert.set_away(
        session, advisor_id=labour.id, start="2026-03-01", end="2026-03-05", actor="t"
    )
    expert.set_away(session, advisor_id=labour.id, start="2026-01-01", end="2026-01-02", actor="t")

    assert days == (date(2026, 3, 1), date(2026, 3, 5))
    [line] = expert.advisor_list(session, now=NOW)
    assert (line.name, line.fields, line.open_tickets) == ("정노무", ("노무",), 0)
    assert line.away_today  # NOW is 2 March
    assert line.away == ((date(2026, 3, 1), date(2026, 3, 5)),)  # January's is over


def test_bad_days_and_unknown_advisors_are_refused_in_korean(
    session: Session, hanbit: Hanbit
) -> None:
    labour = advisors.add_advisor(
        session, federation=hanbit.federation, name="정노무", fields=["노무"], actor="t"
    )

    with pytest.raises(FederationError, match=re.escape(texts.adm_bad_day("3월 1일"))):
        expert.set_away(session, advisor_id=labour.id, start="3월 1일", end="2026-03-05", actor="t")
    with pytest.raises(FederationError, match=re.escape(texts.ADM_AWAY_END_BEFORE_START)):
        expert.set_away(
            session, advisor_id=labour.id, start="2026-03-05", end="2026-03-01", actor="t"
        )
    with pytest.raises(NotFoundError):
        expert.set_away(session, advisor_id=999, start="2026-03-01", end="2026-03-05", actor="t")
