"""네트워킹 for the secretariat: the health report by scope and introductions with their states."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import companies, members
from bot.federation.errors import FederationError
from bot.secretariat import networking
from bot.storage.network_models import Introduction

from .conftest import NOW, Hanbit


def introduce(session: Session, hanbit: Hanbit) -> None:
    """새벽정밀 (새벽교류회) asked to meet 미래소재 (미래교류회), accepted; another pending."""
    maker = companies.add_company(session, actor="t", name="새벽정밀")
    buyer = companies.add_company(session, actor="t", name="미래소재")
    other = companies.add_company(session, actor="t", name="한빛물산")
    park = members.add_member(
        session, federation=hanbit.federation, name="박대표", actor="t", company_id=maker.id
    )
    kang = members.add_member(
        session, federation=hanbit.federation, name="강대표", actor="t", company_id=buyer.id
    )
    members.join_group(session, member=park, group=hanbit.dawn, role="member", actor="t")
    members.join_group(session, member=kang, group=hanbit.future, role="member", actor="t")
    session.add_all(
        [
            Introduction(
                asker_id=park.id,
                asker_company_id=maker.id,
                target_company_id=buyer.id,
                target_id=kang.id,
                state="accepted",
                created_at=NOW - timedelta(days=2),
                answered_at=NOW - timedelta(days=1),
            ),
            Introduction(
                asker_id=None,
                asker_company_id=other.id,
                target_company_id=buyer.id,
                target_id=None,
                state="pending",
                created_at=NOW - timedelta(days=1),
            ),
        ]
    )
    session.flush()


def test_the_report_covers_the_groups_in_scope_for_the_month(
    session: Session, hanbit: Hanbit
) -> None:
    month, everyone = networking.health(session, month=None, now=NOW, scope=None)
    _, dawn = networking.health(
        session, month="2026-02", now=NOW, scope=frozenset({hanbit.dawn.id})
    )

    assert month == "2026-03"
    assert [h.group for h in everyone] == ["미래교류회", "새벽교류회"]
    assert [(h.group, h.month) for h in dawn] == [("새벽교류회", "2026-02")]


def test_a_malformed_month_is_refused_in_korean(session: Session, hanbit: Hanbit) -> None:
    with pytest.raises(FederationError, match=re.escape(texts.net_bad_month("3월"))):
        networking.health(session, month="3월", now=NOW, scope=None)


def test_introductions_show_companies_and_states_within_scope(
    session: Session, hanbit: Hanbit
) -> None:
    introduce(session, hanbit)

    everyone = networking.introductions(session, scope=None)
    pending = networking.introductions(session, scope=None, state="pending")
    dawn = networking.introductions(session, scope=frozenset({hanbit.dawn.id}))

    assert [(i.asker_company, i.target_company, i.state) for i in everyone] == [
        ("한빛물산", "미래소재", "pending"),
        ("새벽정밀", "미래소재", "accepted"),
    ]
    assert [i.asker for i in everyone] == [None, "박대표"]
    assert [i.asker_company for i in pending] == ["한빛물산"]
    assert [i.asker_company for i in dawn] == ["새벽정밀"]


def test_the_console_records_a_companys_consent_dated_and_given_by_its_member(
    session: Session, hanbit: Hanbit
) -> None:
    maker = companies.add_company(session, actor="t", name="새벽정밀")
    companies.seat_company(session, group=hanbit.dawn, company=maker, actor="t")
    park = members.add_member(
        session, federation=hanbit.federation, name="박대표", actor="t", company_id=maker.id
    )

    given = networking.record_company_consent(
        session,
        company_id=maker.id,
        scope="연합회",
        given_by=park.id,
        within=frozenset({hanbit.dawn.id}),
        now=NOW,
        actor="admin:1",
    )
    for_company = networking.record_company_consent(
        session,
        company_id=maker.id,
        scope="비공개",
        given_by=None,
        within=None,
        now=NOW + timedelta(days=1),
        actor="admin:1",
    )

    assert (given.label, given.since, given.by) == ("연합회 전체", NOW, "박대표")
    assert (for_company.label, for_company.by) == ("비공개", None)
    assert networking.consent_of(session, who="새벽정밀").since == NOW + timedelta(days=1)


def test_consent_outside_the_admins_groups_or_by_a_stranger_is_not_found(
    session: Session, hanbit: Hanbit
) -> None:
    maker = companies.add_company(session, actor="t", name="새벽정밀")
    companies.seat_company(session, group=hanbit.dawn, company=maker, actor="t")
    stranger = members.add_member(session, federation=hanbit.federation, name="남", actor="t")

    with pytest.raises(FederationError, match="권한"):
        networking.record_company_consent(
            session,
            company_id=maker.id,
            scope="연합회",
            given_by=None,
            within=frozenset({hanbit.future.id}),
            now=NOW,
            actor="admin:2",
        )
    with pytest.raises(FederationError, match="소속이 아니"):
        networking.record_company_consent(
            session,
            company_id=maker.id,
            scope="연합회",
            given_by=stranger.id,
            within=None,
            now=NOW,
            actor="admin:1",
        )
    assert networking.consent_of(session, who="새벽정밀").label == "비공개"
