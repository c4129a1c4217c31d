"""The networking tests' world: the sample federation (한빛연합회) with some members linked to chat.

The sample roster's 공개 범위 column gives every consent level: most companies 연합회, a few
교류회 (한마음인력 in 동행교류회, 한빛광고기획 in 새벽교류회) and two 비공개 (가온세무회계서비스,
정담한정식). Members talk through the in-memory channel; the scheduler's outbox is run by hand
(:meth:`World.deliver`), with the clock the test moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import KST
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation.sample import load_sample_federation
from bot.messages import Address, OutgoingMessage
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.storage.federation_models import Company, Member
from bot.storage.identity_models import ChatIdentity
from handlers.memory import MemoryChannel
from tests.scenarios.answerer import FakeAnswerer

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=KST)
PEOPLE = {
    "김도현": "u-kim",  # (주)한빛정밀, 새벽교류회 회장
    "최준호": "u-choi",  # 한결플라스틱(주), 새벽교류회
    "장영수": "u-jang",  # 동진금속주물(주), 새벽교류회
    "신동욱": "u-shin",  # (주)미래로봇, 미래교류회 회장
    "노승우": "u-noh",  # (주)드림모터, 미래교류회
    "구민석": "u-koo",  # 한빛하이텍(주), 동행교류회
    "엄태호": "u-eom",  # (주)한마음인력, 동행교류회 (교류회 공개)
    "안지호": "u-ahn",  # (주)가온세무회계서비스, 미래교류회 (비공개)
}


@dataclass
class World:
    chat: MemoryChannel
    sessions: sessionmaker[Session]
    clock: list[datetime]

    def wait(self, **delta: float) -> None:
        """Let time pass for the bot and the scheduler."""
        self.clock[0] += timedelta(**delta)

    async def deliver(self) -> list[tuple[str, OutgoingMessage]]:
        """Run the scheduler once at the current time; the DMs it sent, by chat user."""
        from bot.chores import CHORES
        from bot.schedule.runner import run_once

        before = len(self.chat.pushed)
        dispatcher = Dispatcher(self.sessions, self.chat, MessageComposer())
        await run_once(self.sessions, dispatcher, self.clock[0], CHORES)
        return [(to.user, message) for to, message in self.chat.pushed[before:]]

    def member(self, name: str) -> Member:
        with self.sessions() as session:
            found = session.scalars(select(Member).where(Member.name == name)).one()
            session.expunge(found)
            return found

    def company(self, name: str) -> Company:
        with self.sessions() as session:
            found = session.scalars(select(Company).where(Company.name == name)).one()
            session.expunge(found)
            return found


def make_world(session_factory: sessionmaker[Session]) -> World:
    """The sample federation with :data:`PEOPLE` linked to the in-memory channel."""
    load_sample_federation(session_factory)
    with session_factory.begin() as session:
        for name, user in PEOPLE.items():
            member = session.scalars(select(Member).where(Member.name == name)).one()
            session.add(
                ChatIdentity(
                    platform="memory", platform_user_id=user, member_id=member.id, status="verified"
                )
            )
    clock = [NOW]
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=SqlDirectory(session_factory),
        log=ConversationLog(session_factory),
        clock=lambda: clock[0],
    )
    return World(MemoryChannel(bot, clock=lambda: clock[0]), session_factory, clock)


def dm(user: str) -> Address:
    """The in-memory channel's DM address of a chat user."""
    return Address("memory", user)
