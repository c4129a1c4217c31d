from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import admins, audit, members
from bot.federation.errors import FederationError
from bot.storage.admin_models import ConsoleLoginLink, ConsoleSession
from bot.storage.federation_models import Member
from tests.bot.federation.conftest import NOW, Hanbit


def person(session: Session, hanbit: Hanbit, name: str, role: str | None = None) -> Member:
    member = members.add_member(session, federation=hanbit.federation, name=name, actor="t")
    if role is not None:
        members.join_group(session, member=member, group=hanbit.dawn, role=role, actor="t")
    return member


def test_a_federation_admin_sees_every_group_and_a_leader_only_theirs(
    session: Session, hanbit: Hanbit
) -> None:
    person(session, hanbit, "사무국장")
    person(session, hanbit, "김회장", "leader")
    admins.add_admin(session, name="사무국장", actor="cli:kim", now=NOW)
    admins.add_admin(session, name="김회장", group="새벽교류회", actor="cli:kim", now=NOW)

    users = {}
    for name in ("사무국장", "김회장"):
        token, _ = admins.issue_link(session, name=name, actor="cli:kim", now=NOW)
        _, users[name] = admins.redeem_link(session, token=token, now=NOW)

    assert users["사무국장"].groups is None
    assert users["사무국장"].may_see(hanbit.future.id)
    assert users["김회장"].groups == frozenset({hanbit.dawn.id})
    assert not users["김회장"].may_see(hanbit.future.id)


def test_only_a_groups_leader_or_secretary_becomes_its_admin(
    session: Session, hanbit: Hanbit
) -> None:
    person(session, hanbit, "박대표", "member")

    with pytest.raises(FederationError, match="회장이나 간사가 아니에요"):
        admins.add_admin(session, name="박대표", group="새벽교류회", actor="t", now=NOW)


def test_an_admin_is_added_once_and_the_change_is_audited(session: Session, hanbit: Hanbit) -> None:
    member = person(session, hanbit, "사무국장")
    admins.add_admin(session, name="사무국장", actor="cli:kim", now=NOW)

    with pytest.raises(FederationError, match="이미 연합회 전체 콘솔 관리자"):
        admins.add_admin(session, name="사무국장", actor="cli:kim", now=NOW)
    entries = audit.entries_for(session, entity="member", entity_id=member.id)
    assert [(e.actor, e.action) for e in entries][-1] == ("cli:kim", "console_admin_add")


def test_a_link_for_someone_who_is_no_admin_is_refused(session: Session, hanbit: Hanbit) -> None:
    person(session, hanbit, "박대표", "member")

    with pytest.raises(FederationError, match="콘솔 관리자가 아니에요"):
        admins.issue_link(session, name="박대표", actor="t", now=NOW)


def test_a_link_opens_one_session_once_and_only_its_hash_is_stored(
    session: Session, hanbit: Hanbit
) -> None:
    person(session, hanbit, "사무국장")
    admins.add_admin(session, name="사무국장", actor="t", now=NOW)
    token, expires = admins.issue_link(session, name="사무국장", actor="t", now=NOW)

    cookie, user = admins.redeem_link(session, token=token, now=NOW + timedelta(minutes=1))

    assert expires == NOW + timedelta(minutes=15)
    assert admins.user_of(session, cookie=cookie, now=NOW + timedelta(hours=1)) == user
    with pytest.raises(admins.LinkRefusedError) as used:
        admins.redeem_link(session, token=token, now=NOW + timedelta(minutes=2))
    assert (str(used.value), used.value.status) == (texts.ADM_LINK_USED, 410)
    stored = [*session.scalars(select(ConsoleLoginLink.token_hash))]
    stored += [*session.scalars(select(ConsoleSession.token_hash))]
    assert token not in stored
    assert cookie not in stored
    assert audit.entries_for(session, entity="member", entity_id=user.member_id)[-1].actor == (
        user.actor
    )


def test_an_expired_or_unknown_link_is_refused_with_its_status(
    session: Session, hanbit: Hanbit
) -> None:
    person(session, hanbit, "사무국장")
    admins.add_admin(session, name="사무국장", actor="t", now=NOW)
    token, _ = admins.issue_link(session, name="사무국장", actor="t", now=NOW)

    with pytest.raises(admins.LinkRefusedError) as late:
        admins.redeem_link(session, token=token, now=NOW + timedelta(minutes=15))
    with pytest.raises(admins.LinkRefusedError) as unknown:
        admins.redeem_link(session, token="not-a-token", now=NOW)

    assert (str(late.value), late.value.status) == (texts.ADM_LINK_EXPIRED, 410)
    assert (str(unknown.value), unknown.value.status) == (texts.ADM_LINK_UNKNOWN, 404)


def test_a_session_ends_when_it_expires_or_on_log_out(session: Session, hanbit: Hanbit) -> None:
    person(session, hanbit, "사무국장")
    admins.add_admin(session, name="사무국장", actor="t", now=NOW)
    cookies = []
    for _ in range(2):
        token, _ = admins.issue_link(session, name="사무국장", actor="t", now=NOW)
        cookies.append(admins.redeem_link(session, token=token, now=NOW)[0])

    admins.end_session(session, cookie=cookies[0], now=NOW)

    assert admins.user_of(session, cookie=cookies[0], now=NOW) is None
    assert admins.user_of(session, cookie=cookies[1], now=NOW) is not None
    assert admins.user_of(session, cookie=cookies[1], now=NOW + admins.SESSION_LIFETIME) is None
    assert admins.user_of(session, cookie="forged", now=NOW) is None
