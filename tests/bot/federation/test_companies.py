from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot.federation import audit, companies
from bot.federation.companies import IndustryConflictError
from bot.federation.errors import FederationError

from .conftest import Hanbit


def _company(session: Session, name: str, code: str) -> companies.Company:
    return companies.add_company(session, actor="admin", name=name, ksic_code=code)


def test_second_company_of_the_same_industry_is_refused_naming_the_first(
    session: Session, hanbit: Hanbit
) -> None:
    first = _company(session, "(주)한빛정밀", "C25924")
    companies.seat_company(session, group=hanbit.dawn, company=first, actor="admin")
    rival = _company(session, "(주)대성열처리", "C25921")  # same 3-digit class C259

    with pytest.raises(IndustryConflictError) as refused:
        companies.seat_company(session, group=hanbit.dawn, company=rival, actor="admin")

    assert "(주)한빛정밀" in str(refused.value)
    assert "새벽교류회" in str(refused.value)


def test_the_same_industry_is_fine_in_another_group(session: Session, hanbit: Hanbit) -> None:
    first = _company(session, "(주)한빛정밀", "C25924")
    companies.seat_company(session, group=hanbit.dawn, company=first, actor="admin")
    other = _company(session, "(주)대성열처리", "C25921")

    seat = companies.seat_company(session, group=hanbit.future, company=other, actor="admin")

    assert seat.override_reason is None


def test_an_admin_override_needs_a_reason_and_is_audited(session: Session, hanbit: Hanbit) -> None:
    first = _company(session, "(주)한빛정밀", "C25924")
    companies.seat_company(session, group=hanbit.dawn, company=first, actor="admin")
    rival = _company(session, "(주)대성열처리", "C25921")

    with pytest.raises(IndustryConflictError):
        companies.seat_company(
            session, group=hanbit.dawn, company=rival, actor="admin", override_reason="  "
        )
    seat = companies.seat_company(
        session,
        group=hanbit.dawn,
        company=rival,
        actor="admin",
        override_reason="열처리 전문으로 가공업과 경쟁하지 않음",
    )

    assert seat.override_reason == "열처리 전문으로 가공업과 경쟁하지 않음"
    [entry] = [
        e
        for e in audit.entries_for(session, entity="company", entity_id=rival.id)
        if e.action == "seat_override"
    ]
    assert entry.detail["reason"] == "열처리 전문으로 가공업과 경쟁하지 않음"
    assert entry.detail["rival_id"] == first.id


def test_a_finer_granularity_lets_neighbouring_industries_share_a_group(
    session: Session, hanbit: Hanbit
) -> None:
    hanbit.federation.industry_digits = 5
    first = _company(session, "(주)한빛정밀", "C25924")
    companies.seat_company(session, group=hanbit.dawn, company=first, actor="admin")
    neighbour = _company(session, "(주)대성열처리", "C25921")

    companies.seat_company(session, group=hanbit.dawn, company=neighbour, actor="admin")

    names = [c.name for c in companies.list_companies(session)]
    assert names == ["(주)대성열처리", "(주)한빛정밀"]


def test_a_bad_business_number_is_refused(session: Session) -> None:
    with pytest.raises(FederationError, match="사업자등록번호"):
        companies.add_company(
            session, actor="admin", name="가짜상사", business_number="123-45-67890"
        )
