from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from bot.federation import events
from bot.schedule import content, rsvp
from tests.bot.schedule.conftest import MEETING, World

NOW = MEETING - timedelta(days=1)


def press(session: Session, world: World, answer: str, **extra: str) -> str:
    action = rsvp.rsvp_action(world.meeting, answer)
    return rsvp.apply_rsvp(session, action=action, member=world.member, now=NOW, **extra)


def test_button_actions_are_short_and_name_the_occurrence(world: World) -> None:
    buttons = content.rsvp_buttons(world.meeting)

    assert [b.label for b in buttons] == ["참석", "불참", "미정", "대리참석"]
    assert buttons[0].action == f"rsvp:{world.meeting.id}:20260310:yes"
    assert max(len(b.action.encode()) for b in buttons) < 40


def test_pressing_attend_records_it_and_confirms(session: Session, world: World) -> None:
    reply = press(session, world, "yes")

    assert reply == (
        "참석으로 알려 주셨어요. 3월 10일(화) 오후 7시 새벽교류회 3월 정례회에서 뵐게요!"
    )
    assert events.rsvp_counts(session, world.meeting)["참석"] == 1


def test_changing_ones_mind_keeps_one_answer(session: Session, world: World) -> None:
    press(session, world, "yes")
    reply = press(session, world, "no")

    assert reply.startswith("불참으로 기록했어요.")
    counts = events.rsvp_counts(session, world.meeting)
    assert (counts["참석"], counts["불참"]) == (0, 1)


def test_proxy_needs_a_name(session: Session, world: World) -> None:
    assert press(session, world, "proxy") == "대리참석하실 분의 성함을 알려 주세요."
    assert press(session, world, "proxy", proxy_name="박전무").startswith("박전무님의 대리참석")


def test_refusals_are_explained(session: Session, world: World) -> None:
    action = rsvp.rsvp_action(world.meeting, "yes")

    assert "계정을 연결" in rsvp.apply_rsvp(session, action=action, member=None, now=NOW)
    late = MEETING + timedelta(minutes=5)
    assert "이미 시작된" in rsvp.apply_rsvp(session, action=action, member=world.member, now=late)
    gone = f"rsvp:{world.meeting.id + 99}:20260310:yes"
    assert "취소되었거나" in rsvp.apply_rsvp(session, action=gone, member=world.member, now=NOW)
    assert "버튼 정보" in rsvp.apply_rsvp(session, action="rsvp:x", member=world.member, now=NOW)


def test_a_button_from_before_a_date_change_still_works_and_says_so(
    session: Session, world: World
) -> None:
    action = rsvp.rsvp_action(world.meeting, "maybe")
    world.meeting.starts_at = MEETING + timedelta(days=2)

    reply = rsvp.apply_rsvp(session, action=action, member=world.member, now=NOW)

    assert "미정으로 기록했어요" in reply
    assert reply.endswith("참고로 이 행사는 3월 12일(목) 오후 7시로 일정이 바뀌었어요.")


def test_the_leaders_list_shows_every_answer_and_who_is_silent(
    session: Session, world: World
) -> None:
    press(session, world, "yes")
    events.set_rsvp(
        session,
        event=world.meeting,
        member=world.secretary,
        status="대리참석",
        now=NOW,
        proxy_name="홍과장",
    )

    assert rsvp.rsvp_list(session, world.meeting).splitlines() == [
        "[참석 현황] 3월 10일(화) 오후 7시 새벽교류회 3월 정례회",
        "· 참석 1명: 박대표",
        "· 불참 0명: 없음",
        "· 미정 0명: 없음",
        "· 대리참석 1명: 이간사(대리: 홍과장)",
        "· 미응답 2명: 김회장, 최대표",
    ]
