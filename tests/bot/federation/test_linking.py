from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from bot.federation import linking, members, rooms
from bot.federation.errors import FederationError

from .conftest import NOW, Hanbit


def _member(session: Session, hanbit: Hanbit, name: str = "김도현") -> members.Member:
    member = members.add_member(session, federation=hanbit.federation, name=name, actor="admin")
    members.join_group(session, member=member, group=hanbit.dawn, actor="admin")
    return member


def test_an_unknown_chat_user_is_a_guest_who_sees_only_public_documents(
    session: Session, hanbit: Hanbit
) -> None:
    guest = linking.resolve_identity(session, platform="telegram", platform_user_id="555")

    assert guest is None
    assert rooms.audience_of_member(session, guest) == {"public"}


def test_an_invite_code_links_the_chat_account_once(session: Session, hanbit: Hanbit) -> None:
    member = _member(session, hanbit)
    code, expires = linking.issue_invite(session, member=member, actor="admin", now=NOW)
    assert expires == NOW + linking.INVITE_LIFETIME

    linked = linking.redeem_invite(
        session, platform="telegram", platform_user_id="555", code=code.lower(), now=NOW
    )

    assert linked.id == member.id
    assert linking.resolve_identity(session, platform="telegram", platform_user_id="555") == member
    assert rooms.audience_of_member(session, member) == {
        "public",
        "members",
        f"group:{hanbit.dawn.id}",
    }
    with pytest.raises(FederationError, match="이미 사용된"):
        linking.redeem_invite(session, platform="kakao", platform_user_id="k-1", code=code, now=NOW)


def test_an_expired_or_unknown_code_links_nothing(session: Session, hanbit: Hanbit) -> None:
    member = _member(session, hanbit)
    code, expires = linking.issue_invite(session, member=member, actor="admin", now=NOW)

    with pytest.raises(FederationError, match="유효 기간"):
        linking.redeem_invite(
            session,
            platform="telegram",
            platform_user_id="555",
            code=code,
            now=expires + timedelta(seconds=1),
        )
    with pytest.raises(FederationError, match="찾을 수 없어요"):
        linking.redeem_invite(
            session, platform="telegram", platform_user_id="555", code="AAAA-BBBB", now=NOW
        )
    assert linking.resolve_identity(session, platform="telegram", platform_user_id="555") is None


def test_a_pending_request_links_only_after_an_admin_approves(
    session: Session, hanbit: Hanbit
) -> None:
    member = _member(session, hanbit)
    request = linking.request_link(
        session,
        platform="slack",
        platform_user_id="U1",
        now=NOW,
        display_name="김 대표",
        note="새벽교류회 김도현입니다",
    )
    assert linking.resolve_identity(session, platform="slack", platform_user_id="U1") is None
    assert [r.display_name for r in linking.pending_requests(session)] == ["김 대표"]

    linking.approve_request(session, request_id=request.id, member=member, actor="admin", now=NOW)

    assert linking.resolve_identity(session, platform="slack", platform_user_id="U1") == member
    assert linking.pending_requests(session) == []


def test_a_rejected_request_stays_a_guest(session: Session, hanbit: Hanbit) -> None:
    request = linking.request_link(session, platform="slack", platform_user_id="U9", now=NOW)

    linking.reject_request(session, request_id=request.id, actor="admin")

    assert linking.pending_requests(session) == []
    assert linking.resolve_identity(session, platform="slack", platform_user_id="U9") is None
