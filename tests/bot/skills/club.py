"""The club the meetings and 애로사항 skill tests talk to: 새벽교류회 and its March 정례회."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.clock import KST
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation import events, groups, members, rooms
from bot.messages import Button
from bot.schedule import content
from bot.schedule.feeds import CalendarLinks
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event, Rsvp
from bot.storage.identity_models import ChatIdentity
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
    clock = [NOW]
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=SqlDirectory(session_factory),
        log=ConversationLog(session_factory),
        clock=lambda: clock[0],
        calendar=CalendarLinks("https://gyoryu.example.kr/", "calendar-key"),
    )
    return Club(MemoryChannel(bot, clock=lambda: clock[0]), session_factory, meeting, clock)


def add_event(
    club: Club, title: str, starts_at: datetime, place: str, *, group: str | None, kind: str
) -> None:
    """One more event in the calendar: ``group``'s (by name), or federation-wide with None."""
    with club.sessions.begin() as session:
        events.add_event(
            session,
            federation=groups.the_federation(session),
            group=groups.find_group(session, group) if group else None,
            kind=kind,
            title=title,
            starts_at=starts_at,
            place=place,
            agenda=None,
            actor="t",
        )


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
