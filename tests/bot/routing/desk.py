"""The federation the routing tests talk to: a member, two 세무 advisors, the secretariat.

새벽교류회 (room ``room-1``) has 박대표 of 한빛정밀 (``m1``) and 이대표 of 동행산업 (``m2``);
세무사 김세무 (``a1``) and 세무사 최세무 (``a2``) serve the whole federation; 정간사 (``s1``) is the
secretariat. Documents cover dues and meetings only, so a tax question is "not covered".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.chores import CHORES
from bot.clock import KST
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation import advisors, companies, groups, members, rooms
from bot.federation.audit import entries_for
from bot.messages import OutgoingMessage
from bot.qa import DocumentQA
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.schedule.runner import run_once
from bot.storage.identity_models import ChatIdentity
from bot.storage.ticket_models import Ticket
from handlers.memory import MemoryChannel
from tests.bot.test_qa import DUES, MEETING, ListSearcher

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=KST)  # a Wednesday
ROOM = "room-1"
MEMBER, OTHER, KIM, CHOI, SECRETARY = "m1", "m2", "a1", "a2", "s1"
UNCOVERED = "법인세 중간예납은 언제 하나요?"


@dataclass
class Desk:
    chat: MemoryChannel
    sessions: sessionmaker[Session]
    clock: list[datetime]
    ids: dict[str, int]

    def at(self, moment: datetime) -> None:
        """Set the bot's and the scheduler's clock."""
        self.clock[0] = moment

    def wait(self, **delta: float) -> None:
        self.clock[0] += timedelta(**delta)

    async def deliver(self) -> list[tuple[str, OutgoingMessage]]:
        """One scheduler round at the current time: the messages it pushed, by chat user."""
        before = len(self.chat.pushed)
        dispatcher = Dispatcher(self.sessions, self.chat, MessageComposer())
        await run_once(self.sessions, dispatcher, self.clock[0], CHORES)
        return [(to.user, message) for to, message in self.chat.pushed[before:]]

    def pushed_id(self, user: str) -> str:
        """The id of the last message pushed to ``user`` (what a reply to it names)."""
        last = max(i for i, (to, _) in enumerate(self.chat.pushed) if to.user == user)
        return self.chat.pushed_id(last)

    def ticket(self, number: int) -> Ticket:
        with self.sessions() as session:
            found = session.get_one(Ticket, number)
            session.expunge(found)
            return found

    def history(self, number: int) -> list[tuple[str, str, object]]:
        """The ticket's audit trail: (actor, action, reason)."""
        with self.sessions() as session:
            return [
                (e.actor, e.action, e.detail.get("reason"))
                for e in entries_for(session, entity="ticket", entity_id=number)
            ]


def make_desk(
    sessions: sessionmaker[Session],
    now: datetime = NOW,
    *,
    field_guesser: Callable[[str], str | None] | None = None,
) -> Desk:
    """The desk with its clock at ``now`` (the command line's tests use the real time), and a
    chat model guessing fields if ``field_guesser`` is given."""
    ids: dict[str, int] = {}
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        rooms.attach_room(session, platform="memory", chat_id=ROOM, group=group, actor="t")
        for user, name, firm in ((MEMBER, "박대표", "한빛정밀"), (OTHER, "이대표", "동행산업")):
            company = companies.add_company(session, name=firm, actor="t")
            person = members.add_member(
                session, federation=federation, name=name, company_id=company.id, actor="t"
            )
            members.join_group(session, member=person, group=group, actor="t")
            _link(session, user, person.id)
            ids[user] = person.id
            ids[firm] = company.id
        for user, name, office in ((KIM, "김세무", "김세무회계"), (CHOI, "최세무", "최세무회계")):
            advisor = advisors.add_advisor(
                session,
                federation=federation,
                name=name,
                fields=["세무"],
                title="세무사",
                affiliation=office,
                actor="t",
            )
            _link(session, user, advisor.member_id)
            ids[user] = advisor.id
        secretary = members.add_member(
            session, federation=federation, name="정간사", is_admin=True, actor="t"
        )
        _link(session, SECRETARY, secretary.id)
    clock = [now]
    bot = Bot(
        answerer=DocumentQA(ListSearcher(DUES, MEETING)),
        directory=SqlDirectory(sessions),
        log=ConversationLog(sessions),
        clock=lambda: clock[0],
        field_guesser=field_guesser,
    )
    return Desk(MemoryChannel(bot, clock=lambda: clock[0]), sessions, clock, ids)


def _link(session: Session, user: str, member_id: int) -> None:
    session.add(
        ChatIdentity(
            platform="memory", platform_user_id=user, member_id=member_id, status="verified"
        )
    )


def only(pushed: list[tuple[str, OutgoingMessage]], user: str) -> OutgoingMessage:
    """The one message ``user`` received in ``pushed``."""
    [message] = [m for to, m in pushed if to == user]
    return message


def tickets_of(desk: Desk) -> list[Ticket]:
    with desk.sessions() as session:
        found = list(session.scalars(select(Ticket).order_by(Ticket.id)))
        session.expunge_all()
        return found
