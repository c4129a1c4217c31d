from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot.federation import members, rooms
from bot.federation.errors import FederationError

from .conftest import Hanbit


def test_room_settings_fall_back_to_the_group_then_the_federation(
    session: Session, hanbit: Hanbit
) -> None:
    rooms.attach_room(session, platform="kakao", chat_id="room-1", group=hanbit.dawn, actor="a")
    hanbit.federation.settings = {"tone": "friendly"}
    hanbit.dawn.settings = {"answer_mode": "all"}
    rooms.set_room_setting(
        session, platform="kakao", chat_id="room-1", key="visibility", value="members", actor="a"
    )

    settings = rooms.effective_settings(session, platform="kakao", chat_id="room-1")

    assert settings == rooms.RoomSettings(answer_mode="all", tone="friendly", visibility="members")


def test_an_unknown_room_uses_the_defaults_and_sees_only_public_documents(
    session: Session, hanbit: Hanbit
) -> None:
    assert rooms.effective_settings(session, platform="telegram", chat_id="-100") == (
        rooms.RoomSettings(answer_mode="mention", tone="polite", visibility="group")
    )
    assert rooms.audience_of_room(session, platform="telegram", chat_id="-100") == {"public"}
    assert rooms.group_of_room(session, platform="telegram", chat_id="-100") is None


def test_a_group_room_sees_its_group_documents_unless_narrowed(
    session: Session, hanbit: Hanbit
) -> None:
    rooms.attach_room(session, platform="telegram", chat_id="-100", group=hanbit.future, actor="a")
    assert rooms.group_of_room(session, platform="telegram", chat_id="-100") == hanbit.future
    assert rooms.audience_of_room(session, platform="telegram", chat_id="-100") == {
        "public",
        "members",
        f"group:{hanbit.future.id}",
    }

    rooms.set_room_setting(
        session, platform="telegram", chat_id="-100", key="visibility", value="public", actor="a"
    )

    assert rooms.audience_of_room(session, platform="telegram", chat_id="-100") == {"public"}


def test_an_unknown_setting_value_is_refused(session: Session, hanbit: Hanbit) -> None:
    with pytest.raises(FederationError, match="answer_mode"):
        rooms.set_room_setting(
            session, platform="slack", chat_id="C1", key="answer_mode", value="loud", actor="a"
        )


def test_an_admin_sees_every_group(session: Session, hanbit: Hanbit) -> None:
    admin = members.add_member(
        session, federation=hanbit.federation, name="사무국장", is_admin=True, actor="a"
    )

    assert rooms.audience_of_member(session, admin) == {
        "public",
        "members",
        *(f"group:{g.id}" for g in (hanbit.dawn, hanbit.future, hanbit.together)),
    }
