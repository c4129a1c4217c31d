"""Members, invites, account links and advisors as the secretariat keeps them."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit, linking
from bot.federation import members as directory
from bot.federation.errors import FederationError, NotFoundError
from bot.secretariat import members
from bot.storage.audit_models import AuditEntry

from .conftest import NOW, Hanbit


def test_a_member_joins_a_group_with_a_korean_role(session: Session, hanbit: Hanbit) -> None:
    added = members.add_member(
        session,
        name="김철수",
        group="새벽교류회",
        role="간사",
        phone="010-1234-5678",
        actor="cli:kim",
    )

    found = directory.find_member(session, str(added.id))
    assert (found.name, found.phone) == ("김철수", "010-1234-5678")
    assert [(s.group.name, s.role) for s in found.memberships] == [("새벽교류회", "secretary")]
    assert {e.action for e in audit.entries_for(session, entity="member", entity_id=added.id)} == {
        "create",
        "join",
    }


def test_an_unknown_role_is_refused_before_anything_is_written(
    session: Session, hanbit: Hanbit
) -> None:
    with pytest.raises(FederationError, match=re.escape(texts.fed_bad_role("부회장님"))):
        members.add_member(session, name="김철수", role="부회장님", actor="t")

    with pytest.raises(NotFoundError):
        directory.find_member(session, "김철수")


def test_an_edit_keeps_what_was_not_given_and_erasure_forgets_the_name(
    session: Session, hanbit: Hanbit
) -> None:
    added = members.add_member(session, name="김철수", title="대표", actor="t")

    edited = members.edit_member(session, member="김철수", phone="010-0000-0000", actor="t")
    erased = members.erase_member(session, member=str(added.id), actor="t")

    assert edited == erased == members.MemberRef(added.id, "김철수")
    with pytest.raises(NotFoundError):
        directory.find_member(session, "김철수")


def test_an_invite_links_the_account_that_redeems_it(session: Session, hanbit: Hanbit) -> None:
    members.add_member(session, name="김철수", actor="t")

    invite = members.issue_invite(session, member="김철수", days=3, actor="t", now=NOW)
    who = linking.redeem_invite(
        session, platform="telegram", platform_user_id="42", code=invite.code, now=NOW
    )

    assert invite.member == who.name == "김철수"
    assert (invite.expires_at - NOW).days == 3


def test_an_approved_request_links_the_member(session: Session, hanbit: Hanbit) -> None:
    members.add_member(session, name="김철수", actor="t")
    request = linking.request_link(session, platform="slack", platform_user_id="U1", now=NOW)

    linked = members.approve_link(
        session, request_id=request.id, member="김철수", actor="t", now=NOW
    )

    assert linked == members.Linked("김철수", "slack")
    found = linking.resolve_identity(session, platform="slack", platform_user_id="U1")
    assert found is not None
    assert found.name == "김철수"


def test_an_advisor_is_added_and_removed_by_number(session: Session, hanbit: Hanbit) -> None:
    added = members.add_advisor(
        session, name="박세무", fields=["세무"], groups_served=["미래교류회"], actor="t"
    )

    removed = members.remove_advisor(session, advisor_id=added.id, actor="t")

    assert removed.name == "박세무"
    with pytest.raises(NotFoundError, match="자문위원"):
        members.remove_advisor(session, advisor_id=added.id, actor="t")


def test_a_signed_privacy_consent_is_recorded_dated_and_audited_by_who_recorded_it(
    session: Session, hanbit: Hanbit
) -> None:
    park = directory.add_member(session, federation=hanbit.federation, name="박동의", actor="t")

    recorded = members.record_privacy_consent(
        session, member=str(park.id), scope="  개인정보 수집·이용 ", now=NOW, actor="member:1"
    )

    assert recorded.name == "박동의"
    assert (park.consent_at, park.consent_scope) == (NOW, "개인정보 수집·이용")
    entry = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "consent", AuditEntry.entity_id == park.id)
    ).one()
    assert entry.actor == "member:1"


def test_a_privacy_consent_without_wording_is_refused_in_korean(
    session: Session, hanbit: Hanbit
) -> None:
    park = directory.add_member(session, federation=hanbit.federation, name="박동의", actor="t")

    with pytest.raises(FederationError, match="동의했는지"):
        members.record_privacy_consent(
            session, member=str(park.id), scope="   ", now=NOW, actor="member:1"
        )
    assert park.consent_at is None


def test_a_withdrawn_consent_no_longer_counts_and_is_dated_and_audited(
    session: Session, hanbit: Hanbit
) -> None:
    park = directory.add_member(session, federation=hanbit.federation, name="박동의", actor="t")
    members.record_privacy_consent(
        session, member=str(park.id), scope="개인정보 수집·이용", now=NOW, actor="member:1"
    )
    later = NOW + timedelta(days=30)

    withdrawn = members.record_consent_withdrawal(
        session, member="박동의", now=later, actor="member:2"
    )
    session.commit()

    assert withdrawn.name == "박동의"
    assert (park.consent_at, park.consent_scope, park.consent_withdrawn_at) == (None, None, later)
    assert directory.withdrew_consent(park)
    entry = session.scalars(
        select(AuditEntry).where(
            AuditEntry.action == "consent_withdrawn", AuditEntry.entity_id == park.id
        )
    ).one()
    assert entry.actor == "member:2"
    exported = directory.data_of(session, park)
    assert json.dumps(exported, ensure_ascii=False).count("2026-04-01 09:00 KST") == 1


def test_a_second_withdrawal_is_refused_naming_the_first_and_consent_can_be_given_again(
    session: Session, hanbit: Hanbit
) -> None:
    park = directory.add_member(session, federation=hanbit.federation, name="박동의", actor="t")
    members.record_consent_withdrawal(session, member=str(park.id), now=NOW, actor="member:1")

    with pytest.raises(FederationError, match="이미 2026-03-02 09:00 KST에"):
        members.record_consent_withdrawal(
            session, member=str(park.id), now=NOW + timedelta(days=1), actor="member:1"
        )
    members.record_privacy_consent(
        session,
        member=str(park.id),
        scope="개인정보 수집·이용",
        now=NOW + timedelta(days=2),
        actor="member:1",
    )

    assert park.consent_at == NOW + timedelta(days=2)
    assert park.consent_withdrawn_at is None
    assert not directory.withdrew_consent(park)
    actions = [e.action for e in audit.entries_for(session, entity="member", entity_id=park.id)]
    assert actions == ["create", "consent_withdrawn", "consent"]
