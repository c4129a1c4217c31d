"""Meetings in chat: RSVP buttons, 대리참석 names, /일정 and /참석현황, and what a guest is told.

Each test reads like a short conversation through the in-memory channel, on SQLite and (with
TEST_DATABASE_URL) PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime

from bot import texts
from bot.clock import KST
from bot.difficulties import nudges
from bot.messages import Button
from bot.schedule.feeds import feed_token
from bot.storage.event_models import Event
from tests.bot.skills.club import (
    GUEST,
    LEADER,
    MEMBER,
    ROOM,
    Club,
    add_event,
    button,
    rsvps,
    shared,
)


async def test_a_member_presses_attend_on_the_reminder(club: Club) -> None:
    [reply, reminder] = await club.chat.press(MEMBER, button(club, "yes"), room=ROOM)

    assert reply.text.startswith("참석으로 알려 주셨어요.")
    assert "3월 10일(화) 오후 7시" in reply.text
    assert rsvps(club) == [("참석", None)]
    # The reminder itself is replaced (where the platform can edit) to show the answers so far.
    assert reminder.edits_origin
    assert "지금까지 응답: 참석 1명 · 불참 0명" in reminder.text
    assert [b.label for b in reminder.buttons] == list(texts.MTG_RSVP_LABELS.values())


async def test_proxy_attendance_asks_for_the_name_and_takes_the_next_message(
    club: Club,
) -> None:
    [question] = await club.chat.press(MEMBER, button(club, "proxy"), room=ROOM)
    assert question.text == texts.MTG_PROXY_ASK
    assert rsvps(club) == []

    # The room answers only mentions, but the awaited name is heard all the same.
    [reply] = await club.chat.say(MEMBER, "정과장", room=ROOM)

    assert reply.text.startswith("정과장님의 대리참석으로 기록했어요.")
    assert rsvps(club) == [("대리참석", "정과장")]
    [later] = await club.chat.say(MEMBER, "연회비는 얼마예요?")
    assert later.text.startswith("연회비는 60만 원")  # the step is used up: a question again


async def test_a_forgotten_question_does_not_swallow_a_later_message(club: Club) -> None:
    await club.chat.press(MEMBER, button(club, "proxy"))
    club.wait(minutes=90)

    [reply] = await club.chat.say(MEMBER, "연회비는 얼마예요?")

    assert reply.text.startswith("연회비는 60만 원")
    assert rsvps(club) == []


async def test_a_guest_pressing_rsvp_is_asked_to_link_first(club: Club) -> None:
    [reply] = await club.chat.press(GUEST, button(club, "yes"), room=ROOM)

    assert reply.text == texts.MTG_NOT_LINKED
    assert rsvps(club) == []


async def test_a_guest_is_told_what_each_meeting_request_needs_and_how_to_link(
    club: Club,
) -> None:
    with club.sessions() as session:
        prompt = nudges.prompt_message(session, session.get(Event, club.meeting.id) or club.meeting)
    assert prompt is not None
    await club.chat.say(MEMBER, "/애로 공유 부가세 신고를 처음 해 봐서 막막해요")
    [digest] = await club.chat.say(LEADER, "/애로")

    said = {
        text: await club.chat.say(GUEST, text, room=ROOM)
        for text in (
            "/애로 수출 대금 환전 수수료가 부담돼요",
            "/애로 공유 인력 구하기가 어려워요",
            "/애로 익명 가업 승계가 걱정이에요",
            "/애로",
            "/애로 목록",
            "/애로 수정 1 새 내용",
            "/애로 철회 1",
            "/참석현황",
        )
    }
    pressed = {
        name: await club.chat.press(GUEST, pressed_button, room=ROOM)
        for name, pressed_button in (
            ("share", prompt.buttons[0]),
            ("opt_out", Button("안내 그만 받기", nudges.OPT_OUT_ACTION)),
            ("advise", digest.buttons[0]),
            ("rsvp", button(club, "yes")),
            ("proxy", button(club, "proxy")),
        )
    }

    replies = {key: reply.text for key, [reply] in {**said, **pressed}.items()}
    difficulty_commands = [key for key in said if key.startswith("/애로")]
    assert {replies[key] for key in difficulty_commands} == {texts.DIFF_NOT_LINKED}
    assert replies["share"] == texts.DIFF_NOT_LINKED
    assert replies["/참석현황"] == texts.MTG_ATTENDANCE_NOT_LINKED
    assert replies["advise"] == texts.DIFF_ADVISE_NOT_LINKED
    assert replies["opt_out"] == texts.DIFF_OPT_OUT_NOT_LINKED
    # Only an attendance answer is refused with the attendance sentence.
    assert [key for key, text in replies.items() if text == texts.MTG_NOT_LINKED] == [
        "rsvp",
        "proxy",
    ]
    needs_an_account = [key for key in replies if key != "opt_out"]
    assert all("/연결" in replies[key] and "사무국" in replies[key] for key in needs_an_account)
    assert shared(club) == [("부가세 신고를 처음 해 봐서 막막해요", False)]
    assert rsvps(club) == []


async def test_attendance_is_for_the_leader_only(club: Club) -> None:
    await club.chat.press(MEMBER, button(club, "no"), room=ROOM)

    [listing] = await club.chat.say(LEADER, "/참석현황")
    [refused] = await club.chat.say(MEMBER, "/참석현황")

    assert "새벽교류회 3월 정례회" in listing.text
    assert "박대표" in listing.text
    assert refused.text == texts.MTG_LEADERS_ONLY


async def test_schedule_lists_upcoming_events_with_calendar_links(club: Club) -> None:
    [reply] = await club.chat.say(MEMBER, "/일정")

    token = feed_token("calendar-key", "event", club.meeting.id)
    assert reply.text.splitlines()[0] == texts.MTG_SCHEDULE_HEADING
    assert "3월 10일(화) 오후 7시 새벽교류회 3월 정례회 (수원컨벤션센터 3층)" in reply.text
    assert f"https://gyoryu.example.kr/events/{club.meeting.id}.ics?t={token}" in reply.text
    feed = f"https://gyoryu.example.kr/calendar/{club.meeting.group_id}.ics?t="
    assert feed + feed_token("calendar-key", "group", club.meeting.group_id or 0) in reply.text


async def test_help_offers_a_schedule_button(club: Club) -> None:
    [help_] = await club.chat.say(MEMBER, "/도움말")
    [schedule] = await club.chat.press(MEMBER, help_.buttons[0])

    assert help_.buttons[0].label == texts.CH_BUTTON_SCHEDULE
    assert schedule.text.startswith(texts.MTG_SCHEDULE_HEADING)


async def test_a_member_asking_for_the_next_meeting_gets_it_from_the_calendar(club: Club) -> None:
    [reply] = await club.chat.say(MEMBER, "다음 정례회 언제예요?")

    assert reply.text.startswith(
        "새벽교류회 3월 정례회는 3월 10일(화) 오후 7시 수원컨벤션센터 3층에서 열려요."
    )
    assert "연합회 일정(사무국 등록) · 새벽교류회 3월 정례회" in reply.text
    # The source is the event's calendar file, to add it in one tap.
    assert [link.url.split("?")[0] for link in reply.links] == [
        f"https://gyoryu.example.kr/events/{club.meeting.id}.ics"
    ]
    # The same in the group's room, and for "this month's" meeting; next month has none yet.
    [in_room] = await club.chat.say(MEMBER, "이번달 모임 어디서 해요?", room=ROOM, mentioned=True)
    assert "수원컨벤션센터 3층에서 열려요" in in_room.text
    [next_month] = await club.chat.say(MEMBER, "담달 정례회 언제예요?")
    assert "3월 10일" not in next_month.text


async def test_a_guest_is_not_told_a_groups_meeting_but_hears_federation_events(
    club: Club,
) -> None:
    [meeting] = await club.chat.say(GUEST, "다음 정례회 언제예요?")
    assert "수원컨벤션센터" not in meeting.text
    assert meeting.text == texts.CALENDAR_LINK_FIRST

    party_night = datetime(2026, 12, 11, 18, 0, tzinfo=KST)
    add_event(
        club,
        "2026 송년회 '한빛인의 밤'",
        party_night,
        "한빛컨벤션센터 2층 그랜드홀",
        group=None,
        kind="기타",
    )
    [party] = await club.chat.say(GUEST, "다음 송년회 언제 어디서 해요?")
    assert party.text.startswith(
        "2026 송년회 '한빛인의 밤'은 12월 11일(금) 오후 6시 한빛컨벤션센터 2층 그랜드홀에서 열려요."
    )


async def test_this_months_meeting_already_held_is_said_with_the_next_one(club: Club) -> None:
    april = datetime(2026, 4, 14, 19, 0, tzinfo=KST)
    add_event(
        club,
        "새벽교류회 4월 정례회",
        april,
        "한빛테크노파크 본관",
        group="새벽교류회",
        kind="정례회",
    )
    club.wait(minutes=60 * 24 * 10)  # 13 March: the March meeting was on the 10th

    [reply] = await club.chat.say(MEMBER, "이번달 모임 어디서 해요?")

    assert reply.text.startswith(
        "새벽교류회 3월 정례회는 이미 3월 10일(화) 오후 7시에 열렸어요. "
        "다음은 새벽교류회 4월 정례회가 4월 14일(화) 오후 7시 한빛테크노파크 본관에서 열려요."
    )
