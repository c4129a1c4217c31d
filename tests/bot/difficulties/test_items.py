from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from bot.difficulties import items
from bot.difficulties.items import DifficultyError
from tests.bot.schedule.conftest import MEETING, World

NOW = MEETING - timedelta(days=8)


def test_a_shared_difficulty_gets_a_field_guess(session: Session, world: World) -> None:
    item = items.share(
        session,
        group_id=world.group.id,
        member_id=world.member.id,
        text="외국인 근로자 고용허가 연장이 자꾸 늦어져요",
        now=NOW,
    )

    assert item.field == "노무"
    assert items.saved_reply(item) == (
        "애로사항을 잘 받았어요(분야: 노무). 정례회 전에 회장님과 간사님께 정리해 전달할게요."
    )
    assert item.created_at == NOW
    assert items.items_before(session, group_id=world.group.id, meeting_at=MEETING) == [item]


def test_only_the_author_can_edit_or_withdraw(session: Session, world: World) -> None:
    item = items.share(
        session,
        group_id=world.group.id,
        member_id=world.member.id,
        text="대출 금리가 부담돼요",
        now=NOW,
    )

    with pytest.raises(DifficultyError, match="본인이 쓰신"):
        items.withdraw(session, item_id=item.id, member_id=world.leader.id, now=NOW)
    edited = items.edit(
        session,
        item_id=item.id,
        member_id=world.member.id,
        text="수출 바이어 발굴이 어려워요",
        now=NOW,
    )
    assert (edited.field, edited.updated_at) == ("수출", NOW)

    reply = items.withdraw(session, item_id=item.id, member_id=world.member.id, now=NOW)
    assert reply == "애로사항을 철회했어요. 정리본에서도 빠져요."
    assert items.items_before(session, group_id=world.group.id, meeting_at=MEETING) == []
    with pytest.raises(DifficultyError, match="찾을 수 없어요"):
        items.edit(session, item_id=item.id, member_id=world.member.id, text="다시", now=NOW)


def test_an_empty_share_is_refused(session: Session, world: World) -> None:
    with pytest.raises(DifficultyError, match="한두 문장"):
        items.share(session, group_id=world.group.id, member_id=None, text="  ", now=NOW)


def test_an_anonymous_share_says_who_can_see_the_name(session: Session, world: World) -> None:
    item = items.share(
        session,
        group_id=world.group.id,
        member_id=world.member.id,
        text="요즘 너무 힘들어요",
        now=NOW,
        anonymous=True,
    )

    assert items.saved_reply(item) == (
        "애로사항을 잘 받았어요. 정례회 전에 회장님과 간사님께 정리해 전달할게요. "
        "이름은 사무국만 볼 수 있어요."
    )
