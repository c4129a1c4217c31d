"""Meetings in chat: RSVP buttons, 대리참석 names, 애로사항, /일정, /애로 and /참석현황.

Each test reads like a short conversation through the in-memory channel, on SQLite and (with
TEST_DATABASE_URL) PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.clock import KST
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.difficulties import nudges
from bot.directory_sql import SqlDirectory
from bot.federation import events, groups, members, rooms
from bot.meetings import Meetings, feed_token
from bot.messages import Button
from bot.schedule import content
from bot.storage.conversation_models import ExpertRequest
from bot.storage.models import ChatIdentity, Event, Rsvp
from bot.storage.schedule_models import Difficulty
from handlers.memory import MemoryChannel
from tests.scenarios.answerer import FakeAnswerer

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=KST)
MEETING = datetime(2026, 3, 10, 19, 0, tzinfo=KST)
ROOM = "room-1"
LEADER, MEMBER, GUEST = "501", "503", "999"


@dataclass
class Club:
    chat: MemoryChannel
    sessions: sessionmaker[Session]
    meeting: Event
    clock: list[datetime]

    def wait(self, minutes: int) -> None:
        """Let time pass for the bot."""
        self.clock[0] += timedelta(minutes=minutes)


@pytest.fixture
def club(session_factory: sessionmaker[Session]) -> Club:
    return make_club(session_factory)


def make_club(session_factory: sessionmaker[Session]) -> Club:
    """새벽교류회 with its room, 김회장 (leader) and 박대표 (member), and the March 정례회."""
    with session_factory.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        rooms.attach_room(session, platform="memory", chat_id=ROOM, group=group, actor="t")
        for name, role, user in (("김회장", "leader", LEADER), ("박대표", "member", MEMBER)):
            person = members.add_member(session, federation=federation, name=name, actor="t")
            members.join_group(session, member=person, group=group, role=role, actor="t")
            session.add(
                ChatIdentity(
                    platform="memory",
                    platform_user_id=user,
                    member_id=person.id,
                    status="verified",
                )
            )
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="새벽교류회 3월 정례회",
            starts_at=MEETING,
            place="수원컨벤션센터 3층",
            agenda=None,
            actor="t",
        )
    meetings = Meetings(
        session_factory, public_url="https://gyoryu.example.kr/", calendar_secret="calendar-key"
    )
    clock = [NOW]
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=SqlDirectory(session_factory),
        log=ConversationLog(session_factory),
        clock=lambda: clock[0],
        meetings=meetings,
    )
    return Club(MemoryChannel(bot, clock=lambda: clock[0]), session_factory, meeting, clock)


def button(club: Club, answer: str) -> Button:
    """One RSVP button of the reminder posted for the meeting."""
    reminder = content.reminder_message(club.meeting, now=NOW)
    label = texts.MTG_RSVP_LABELS[answer]
    return next(b for b in reminder.buttons if b.label == label)


def rsvps(club: Club) -> list[tuple[str, str | None]]:
    with club.sessions() as session:
        return [(r.status, r.proxy_name) for r in session.scalars(select(Rsvp))]


def shared(club: Club) -> list[tuple[str, bool]]:
    with club.sessions() as session:
        return [(d.text, d.anonymous) for d in session.scalars(select(Difficulty))]


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


async def test_sharing_a_difficulty_by_button_and_by_command(club: Club) -> None:
    with club.sessions() as session:
        prompt = nudges.prompt_message(session, session.get(Event, club.meeting.id) or club.meeting)
    assert prompt is not None

    [ask] = await club.chat.press(MEMBER, prompt.buttons[0], room=ROOM)
    assert ask.text == texts.DIFF_SHARE_ASK
    [saved] = await club.chat.say(MEMBER, "외국인 근로자 고용 허가 절차가 너무 길어요", room=ROOM)
    assert saved.text.startswith("애로사항을 잘 받았어요")

    [by_command] = await club.chat.say(MEMBER, "/애로 공유 수출 대금 환전 수수료가 부담돼요")
    [anonymous] = await club.chat.say(MEMBER, "/애로 익명 대표 가업 승계 세금이 걱정이에요")

    assert by_command.text.startswith("애로사항을 잘 받았어요")
    assert "이름은 사무국만 볼 수 있어요" in anonymous.text
    assert shared(club) == [
        ("외국인 근로자 고용 허가 절차가 너무 길어요", False),
        ("수출 대금 환전 수수료가 부담돼요", False),
        ("대표 가업 승계 세금이 걱정이에요", True),
    ]


async def test_the_leader_sees_the_digest_and_a_member_sees_their_own_items(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 수출 대금 환전 수수료가 부담돼요")

    [digest] = await club.chat.say(LEADER, "/애로")
    [own] = await club.chat.say(MEMBER, "/애로")

    assert "새벽교류회" in digest.text
    assert "수출 대금 환전 수수료가 부담돼요" in digest.text
    assert digest.buttons  # one "hand to an advisor" button per item
    assert own.text.startswith(texts.DIFF_OWN_HEADING)
    assert "수출 대금 환전 수수료가 부담돼요" in own.text


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


async def test_opting_out_of_nudges(club: Club) -> None:
    [reply] = await club.chat.press(MEMBER, Button("안내 그만 받기", nudges.OPT_OUT_ACTION))

    assert reply.text == texts.DIFF_OPTED_OUT


async def test_the_leader_hands_a_digest_item_to_an_advisor(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 부가세 신고를 처음 해 봐서 막막해요")
    [digest] = await club.chat.say(LEADER, "/애로")

    [refused] = await club.chat.press(MEMBER, digest.buttons[0])
    [handed] = await club.chat.press(LEADER, digest.buttons[0])

    assert refused.text == texts.DIFF_ADVISE_LEADERS_ONLY
    assert handed.text.startswith("질문을 ")
    with club.sessions() as session:
        requests = session.scalars(select(ExpertRequest)).all()
    assert [r.question for r in requests] == ["부가세 신고를 처음 해 봐서 막막해요"]
