"""애로사항 for the secretariat: the board by group and field, the digest, the hand-over."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.difficulties import items
from bot.federation import advisors, audit, members
from bot.federation.errors import FederationError, NotFoundError
from bot.secretariat import difficulties
from bot.storage.db import make_engine
from bot.storage.identity_models import ChatIdentity
from bot.storage.ticket_models import Ticket

from .conftest import NOW, Hanbit

TAX = "종합소득세 신고 때 가산세가 걱정돼요."
HIRING = "외국인 근로자 고용 허가가 늦어요."


def shared(session: Session, hanbit: Hanbit) -> tuple[int, int]:
    """박대표's 세무 item and an anonymous 노무 one in 새벽교류회, shared yesterday."""
    park = members.add_member(session, federation=hanbit.federation, name="박대표", actor="t")
    yesterday = NOW - timedelta(days=1)
    tax = items.share(session, group_id=hanbit.dawn.id, member_id=park.id, text=TAX, now=yesterday)
    hiring = items.share(
        session,
        group_id=hanbit.dawn.id,
        member_id=park.id,
        text=HIRING,
        now=yesterday,
        anonymous=True,
    )
    return tax.id, hiring.id


def linked_admin(session: Session, hanbit: Hanbit) -> int:
    chief = members.add_member(session, federation=hanbit.federation, name="사무국장", actor="t")
    session.add(
        ChatIdentity(
            platform="telegram", platform_user_id="42", status="verified", member_id=chief.id
        )
    )
    session.flush()
    return chief.id


def test_the_board_groups_each_groups_items_by_field(session: Session, hanbit: Hanbit) -> None:
    shared(session, hanbit)

    board = difficulties.board(session, now=NOW, scope=None)
    dawn_only = difficulties.board(session, now=NOW, scope=frozenset({hanbit.dawn.id}))

    assert [g.group for g in board] == ["미래교류회", "새벽교류회"]
    [future, dawn] = board
    assert (future.count, future.meeting_at) == (0, None)
    assert dawn.meeting_title == hanbit.meeting.title
    assert dawn.count == 2
    by_field = {field: [(i.text, i.author) for i in found] for field, found in dawn.by_field}
    assert by_field["세무"] == [(TAX, "박대표")]
    assert [author for found in by_field.values() for _, author in found].count(
        texts.DIFF_ANONYMOUS
    ) == 1
    assert [g.group for g in dawn_only] == ["새벽교류회"]


def test_the_digest_is_the_one_the_leaders_receive(session: Session, hanbit: Hanbit) -> None:
    shared(session, hanbit)

    text = difficulties.digest_text(session, group_id=hanbit.dawn.id, now=NOW)

    assert text is not None
    assert TAX in text
    assert hanbit.meeting.title.split()[0] in text
    assert difficulties.digest_text(session, group_id=hanbit.future.id, now=NOW) is None


def test_a_handed_item_becomes_a_ticket_answered_to_the_admin(
    session: Session, hanbit: Hanbit
) -> None:
    tax, _ = shared(session, hanbit)
    advisors.add_advisor(
        session, federation=hanbit.federation, name="최세무", fields=["세무"], actor="t"
    )
    chief = linked_admin(session, hanbit)

    handed = difficulties.hand_to_advisor(
        session, item_id=tax, member_id=chief, now=NOW, actor=f"member:{chief}"
    )

    ticket = session.get_one(Ticket, handed.ticket_id)
    assert (ticket.question, ticket.field, ticket.user_id) == (TAX, "세무", "42")
    assert ticket.state == "assigned"
    [entry] = audit.entries_for(session, entity="difficulty", entity_id=tax)
    assert (entry.action, entry.detail["ticket"]) == ("hand_over", ticket.id)
    board = difficulties.board(session, now=NOW, scope=None)
    [line] = [i for g in board for _, found in g.by_field for i in found if i.id == tax]
    assert line.ticket_id == ticket.id
    with pytest.raises(FederationError, match=re.escape(texts.ADM_DIFF_ALREADY_HANDED)):
        difficulties.hand_to_advisor(
            session, item_id=tax, member_id=chief, now=NOW, actor=f"member:{chief}"
        )


def test_an_item_handed_over_while_another_process_writes_still_becomes_a_ticket(
    session: Session, hanbit: Hanbit, migrated_database_url: str
) -> None:
    tax, hiring = shared(session, hanbit)
    advisors.add_advisor(
        session, federation=hanbit.federation, name="최세무", fields=["세무"], actor="t"
    )
    chief = linked_admin(session, hanbit)
    difficulties.hand_to_advisor(session, item_id=hiring, member_id=chief, now=NOW, actor="t")
    session.commit()
    other_process = make_engine(migrated_database_url)

    def scheduler_commits(*_: object) -> None:
        with sessionmaker(other_process).begin() as other:
            audit.record(other, actor="system", action="tick", entity="schedule", entity_id=None)

    # Just before the ticket is written, as the serving scheduler does every few seconds.
    event.listen(session, "before_flush", scheduler_commits, once=True)
    handed = difficulties.hand_to_advisor(
        session, item_id=tax, member_id=chief, now=NOW, actor=f"member:{chief}"
    )
    session.commit()
    other_process.dispose()

    ticket = session.get_one(Ticket, handed.ticket_id)
    assert (ticket.question, ticket.field) == (TAX, "세무")


def test_an_admin_without_a_chat_account_or_a_withdrawn_item_is_refused(
    session: Session, hanbit: Hanbit
) -> None:
    tax, hiring = shared(session, hanbit)
    unlinked = members.add_member(session, federation=hanbit.federation, name="총무", actor="t")
    park = members.find_member(session, "박대표")
    items.withdraw(session, item_id=hiring, member_id=park.id, now=NOW)

    with pytest.raises(FederationError, match=re.escape(texts.ADM_DIFF_NOT_LINKED)):
        difficulties.hand_to_advisor(
            session, item_id=tax, member_id=unlinked.id, now=NOW, actor="t"
        )
    with pytest.raises(NotFoundError):
        difficulties.group_of(session, hiring)
    assert session.scalars(select(Ticket)).all() == []
