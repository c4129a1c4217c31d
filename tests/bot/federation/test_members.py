from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from bot.federation import audit, companies, events, linking, members
from bot.storage.federation_models import Member
from bot.storage.identity_models import ChatIdentity

from .conftest import NOW, Hanbit


def _kim(session: Session, hanbit: Hanbit) -> Member:
    company = companies.add_company(session, actor="admin", name="(주)한빛정밀")
    kim = members.add_member(
        session,
        federation=hanbit.federation,
        name="김도현",
        title="대표이사",
        company_id=company.id,
        phone="010-0000-0001",
        actor="admin",
    )
    members.join_group(session, member=kim, group=hanbit.dawn, role="leader", actor="admin")
    return kim


def test_a_member_can_see_everything_stored_about_them(session: Session, hanbit: Hanbit) -> None:
    kim = _kim(session, hanbit)
    members.record_consent(session, kim, when=NOW, scope="연락처·행사 알림")
    code, _ = linking.issue_invite(session, member=kim, actor="admin", now=NOW)
    linking.redeem_invite(session, platform="telegram", platform_user_id="42", code=code, now=NOW)

    data = members.data_of(session, kim)

    assert data["회원"]["연락처"] == "010-0000-0001"
    assert data["회원"]["회사"] == "(주)한빛정밀"
    assert data["회원"]["동의 범위"] == "연락처·행사 알림"
    assert data["소속"] == [{"교류회": "새벽교류회", "역할": "회장", "가입일": None}]
    [account] = data["대화 계정"]
    shown = (account["플랫폼"], account["사용자 ID"], account["상태"])
    assert shown == ("telegram", "42", "verified")
    assert members.roles_of(session, kim) == {"leader"}


def test_erasing_a_member_removes_personal_data_but_keeps_attendance_counts(
    session: Session, hanbit: Hanbit
) -> None:
    kim = _kim(session, hanbit)
    code, _ = linking.issue_invite(session, member=kim, actor="admin", now=NOW)
    linking.redeem_invite(session, platform="telegram", platform_user_id="42", code=code, now=NOW)
    meeting = events.add_event(
        session,
        federation=hanbit.federation,
        group=hanbit.dawn,
        kind="정례회",
        title="3월 정례회",
        starts_at=NOW,
        actor="admin",
    )
    events.set_rsvp(session, event=meeting, member=kim, status="참석", now=NOW)
    kim_id = kim.id

    members.erase_member(session, kim, actor="admin")
    session.commit()

    assert session.get(Member, kim_id) is None
    assert session.scalars(select(ChatIdentity)).all() == []
    assert linking.resolve_identity(session, platform="telegram", platform_user_id="42") is None
    assert events.rsvp_counts(session, meeting)["참석"] == 1
    history = audit.entries_for(session, entity="member", entity_id=kim_id)
    assert [e.detail for e in history[:-1]] == [{}] * (len(history) - 1)
    assert history[-1].action == "erase"


def test_two_concurrent_edits_of_one_member_do_not_silently_overwrite(
    session_factory: sessionmaker[Session], hanbit: Hanbit, session: Session
) -> None:
    kim_id = _kim(session, hanbit).id
    session.commit()

    with session_factory() as first, session_factory() as second:
        mine, theirs = first.get_one(Member, kim_id), second.get_one(Member, kim_id)
        members.edit_member(first, mine, actor="a", title="회장")
        first.commit()
        members.edit_member(second, theirs, actor="b", phone="010-0000-0099")
        with pytest.raises(StaleDataError):
            second.commit()
