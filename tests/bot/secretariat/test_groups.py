"""Groups, rooms and companies as the secretariat keeps them."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.federation import audit, companies
from bot.federation import groups as directory
from bot.federation.errors import FederationError, NotFoundError
from bot.secretariat import groups
from bot.storage.room_models import ChatRoom

from .conftest import Hanbit


def test_a_group_is_added_renamed_and_removed_with_an_audit_trail(
    session: Session, hanbit: Hanbit
) -> None:
    added = groups.add_group(
        session, name="동행교류회", rule="매월 첫째 주 목요일 오후 7시", actor="t"
    )
    group_id = directory.find_group(session, "동행교류회").id

    renamed = groups.edit_group(session, group="동행교류회", name="함께교류회", actor="cli:kim")
    removed = groups.remove_group(session, group=str(group_id), actor="cli:kim")

    assert (added.name, renamed.name, removed.name) == ("동행교류회", "함께교류회", "함께교류회")
    with pytest.raises(NotFoundError):
        directory.find_group(session, "함께교류회")
    actions = [e.action for e in audit.entries_for(session, entity="group", entity_id=group_id)]
    assert actions[-2:] == ["edit", "delete"]


def test_a_rule_that_cannot_be_read_is_refused(session: Session, hanbit: Hanbit) -> None:
    with pytest.raises(FederationError):
        groups.edit_group(session, group="새벽교류회", rule="가끔", actor="t")


def test_a_room_without_a_group_is_the_federations(session: Session, hanbit: Hanbit) -> None:
    attached = groups.attach_room(session, platform="telegram", chat_id="-1009", actor="t")

    assert attached.name == "-1009"
    room = session.scalars(select(ChatRoom).where(ChatRoom.chat_id == "-1009")).one()
    assert room.group_id is None


def test_a_second_company_of_an_industry_needs_a_reason(session: Session, hanbit: Hanbit) -> None:
    groups.add_company(session, name="가나정밀", ksic="C25924", group="새벽교류회", actor="t")
    session.commit()

    with pytest.raises(FederationError):
        groups.add_company(session, name="다라정밀", ksic="C25924", group="새벽교류회", actor="t")
    session.rollback()
    seated = groups.add_company(
        session,
        name="다라정밀",
        ksic="C25924",
        group="새벽교류회",
        override_reason="회장 승인",
        actor="t",
    )

    assert seated.name == "다라정밀"
    assert [c.name for c in companies.list_companies(session)] == ["가나정밀", "다라정밀"]


def test_a_company_edit_keeps_what_was_not_given(session: Session, hanbit: Hanbit) -> None:
    groups.add_company(session, name="가나정밀", region="수원", actor="t")

    groups.edit_company(session, company="가나정밀", products="금형", region=None, actor="t")
    removed = groups.remove_company(session, company="가나정밀", actor="t")

    assert removed.name == "가나정밀"
    assert companies.list_companies(session) == []
