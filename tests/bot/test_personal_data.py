"""PIPA: a member's export shows, and their erasure removes, what every table holds about them.

The schema test walks every table the project declares and fails when one that can hold a
member's data (a member id, or a chat account's platform and user id) is not registered in
``bot.personal_data.HOLDINGS``. The round trip gives one member data in every registered table
through the real chat paths, then checks the export and that no trace is left after erasure.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session, sessionmaker

import bot.storage
from bot import personal_data, texts
from bot.clock import KST
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.difficulties import nudges
from bot.directory_sql import SqlDirectory
from bot.federation import admins, events, groups, linking, members, rooms
from bot.messages import Button
from bot.qa import DocumentQA
from bot.storage.base import Base
from bot.storage.conversation_models import AnswerFeedback, AnswerRecord, ExpertRequest
from bot.storage.event_models import Event
from bot.storage.federation_models import Advisor, Company, Member
from bot.storage.identity_models import ChatIdentity
from bot.storage.network_models import Introduction, Need, NeedNote, NetworkPrefs, NetworkProfile
from bot.storage.schedule_models import ScheduledMessage
from handlers.memory import MemoryChannel
from tests.bot.test_qa import DUES, MEETING, ListSearcher

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=KST)
ROOM = "room-1"
MINSU, YOUNGHEE = "minsu-7001", "younghee-8002"
# Columns that name a chat account next to a ``platform`` column.
ACCOUNT_COLUMNS = frozenset({"user_id", "platform_user_id", "user"})


def all_tables() -> dict[str, Table]:
    """Every table of every model module under ``bot.storage`` (a new module included)."""
    for module in pkgutil.iter_modules(bot.storage.__path__, "bot.storage."):
        if not module.ispkg:
            importlib.import_module(module.name)
    return dict(Base.metadata.tables)


def holds_member_data(table: Table) -> bool:
    """A member id (a foreign key to members), or a chat account's platform and user id."""
    if table.name == "members":
        return True
    if any(fk.column.table.name == "members" for fk in table.foreign_keys):
        return True
    names = set(table.columns.keys())
    return "platform" in names and bool(names & ACCOUNT_COLUMNS)


def test_every_table_that_can_hold_a_members_data_is_exported_and_erased() -> None:
    tables = all_tables()
    registered = {holding.table: holding for holding in personal_data.HOLDINGS}

    holding_data = {name for name, table in tables.items() if holds_member_data(table)}

    assert holding_data - set(registered) == set(), "add these tables to HOLDINGS"
    assert set(registered) - set(tables) == set()
    assert "audit_log" in registered  # entries about a member name them by id, not by key
    assert set(texts.PIPA_SECTIONS) == set(registered)  # each has a heading in the export


def test_the_schema_check_notices_a_new_table_with_a_member_or_an_account() -> None:
    tables = all_tables()

    assert holds_member_data(tables["difficulties"])  # member id
    assert holds_member_data(tables["dialog_steps"])  # platform + user_id
    assert holds_member_data(tables["scheduled_messages"])  # platform + user
    assert not holds_member_data(tables["chat_rooms"])  # a room is no person
    assert not holds_member_data(tables["events"])


@dataclass
class World:
    sessions: sessionmaker[Session]
    minsu: MemoryChannel
    meeting_id: int
    minsu_id: int
    younghee_id: int


def build_world(sessions: sessionmaker[Session]) -> World:
    """김민수 (member) and 박영희 (the group's leader) with data in every registered table."""
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        rooms.attach_room(session, platform="memory", chat_id=ROOM, group=group, actor="t")
        minsu = members.add_member(
            session,
            federation=federation,
            name="김민수",
            phone="010-1234-5678",
            email="minsu@example.kr",
            actor="t",
        )
        younghee = members.add_member(session, federation=federation, name="박영희", actor="t")
        members.join_group(session, member=minsu, group=group, actor="t")
        members.join_group(session, member=younghee, group=group, role="leader", actor="t")
        members.record_consent(session, minsu, when=NOW, scope="행사 알림")
        session.add(Advisor(member_id=minsu.id, fields=["세무"], affiliation="민수세무회계"))
        # A request from before tickets existed (nothing writes this table any more).
        session.add(
            ExpertRequest(
                platform="memory",
                user_id=MINSU,
                question="법인세 중간예납은 언제 하나요?",
                status="open",
                created_at=NOW,
            )
        )
        code, _ = linking.issue_invite(session, member=minsu, actor="t", now=NOW)
        linking.redeem_invite(
            session,
            platform="memory",
            platform_user_id=MINSU,
            code=code,
            now=NOW,
            display_name="민수",
        )
        session.add(
            ChatIdentity(
                platform="memory",
                platform_user_id=YOUNGHEE,
                member_id=younghee.id,
                status="verified",
            )
        )
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="새벽교류회 3월 정례회",
            starts_at=NOW + timedelta(days=8),
            actor="t",
        )
        events.set_rsvp(
            session, event=meeting, member=minsu, status="대리참석", now=NOW, proxy_name="정과장"
        )
        events.set_rsvp(session, event=meeting, member=younghee, status="참석", now=NOW)
        for user, member_id in ((MINSU, minsu.id), (YOUNGHEE, younghee.id)):
            session.add(
                ScheduledMessage(
                    key=f"nudge:{meeting.id}:{member_id}",
                    kind="nudge",
                    event_id=meeting.id,
                    member_id=member_id,
                    target=f"memory|{user}",
                    platform="memory",
                    user=user,
                    due_at=NOW + timedelta(days=2),
                    expires_at=NOW + timedelta(days=3),
                )
            )
        _networking(session, minsu, younghee)
        admins.add_admin(session, name="김민수", actor="t", now=NOW)  # he opens the web console
        token, _ = admins.issue_link(session, name="김민수", actor="t", now=NOW)
        admins.redeem_link(session, token=token, now=NOW)
        ids = (meeting.id, minsu.id, younghee.id)
    bot = Bot(
        answerer=DocumentQA(ListSearcher(DUES, MEETING)),
        directory=SqlDirectory(sessions),
        log=ConversationLog(sessions),
        clock=lambda: NOW,
    )
    return World(sessions, MemoryChannel(bot, clock=lambda: NOW), *ids)


def _networking(session: Session, minsu: Member, younghee: Member) -> None:
    """김민수's company consents to search, he asked 박영희's company for an introduction,
    posted a need and received hers; his settings hold a quota."""
    own = Company(name="가람정밀")
    other = Company(name="나래금형")
    session.add_all([own, other])
    session.flush()
    minsu.company_id, younghee.company_id = own.id, other.id
    session.add(
        NetworkProfile(company_id=own.id, scope="federation", scope_at=NOW, scope_by=minsu.id)
    )
    session.add(NetworkPrefs(member_id=minsu.id, intro_quota=7))
    session.add(
        Introduction(
            asker_id=minsu.id,
            asker_company_id=own.id,
            target_company_id=other.id,
            target_id=younghee.id,
            reason="사출 금형 협력 문의",
        )
    )
    session.add(
        Need(
            member_id=minsu.id, company_id=own.id, text="알루미늄 다이캐스팅 시제품", expires_at=NOW
        )
    )
    theirs = Need(member_id=younghee.id, company_id=other.id, text="금형 수리", expires_at=NOW)
    session.add(theirs)
    session.flush()
    session.add(NeedNote(need_id=theirs.id, company_id=own.id, member_id=minsu.id))


async def converse(world: World) -> None:
    """Both members talk to the bot; 박영희 hands 김민수's 애로사항 to an advisor."""
    chat = world.minsu
    await chat.say(MINSU, "법인세 중간예납은 언제 하나요?", name="민수")
    await chat.say(MINSU, "네 부탁해요")  # files the expert request
    [fee] = await chat.say(MINSU, "연회비는 얼마인가요?")
    await chat.press(MINSU, fee.buttons[0])  # 👍
    await chat.say(MINSU, "/애로 공유 외국인 근로자 고용 허가 절차가 너무 길어요")
    await chat.press(MINSU, Button("", nudges.OPT_OUT_ACTION))
    await chat.say(MINSU, "부가세 환급 절차가 궁금해요")  # leaves the expert offer pending
    await chat.say(MINSU, "다들 안녕하세요", room=ROOM)  # chatter: he is seen in the group room
    await chat.say(YOUNGHEE, "정례회는 언제 열리나요?", name="영희")
    await chat.say(YOUNGHEE, "/애로 공유 판로 개척이 어려워요")
    [digest] = await chat.say(YOUNGHEE, "/애로")
    for advise in digest.buttons:
        await chat.press(YOUNGHEE, advise)


MINSU_TRACES = (
    "김민수",
    "010-1234-5678",
    "minsu@example.kr",
    MINSU,
    "민수",
    "정과장",
    "법인세 중간예납",
    "연회비는 얼마",
    "외국인 근로자 고용",
    "부가세 환급",
    "네 부탁해요",
    "사출 금형 협력 문의",
    "알루미늄 다이캐스팅 시제품",
)
YOUNGHEE_TRACES = ("박영희", YOUNGHEE, "정례회는 언제 열리나요", "판로 개척")


def everything_stored(session: Session) -> str:
    """Every value of every row of every table, as one text to search for traces."""
    return "\n".join(
        json.dumps(
            [list(row) for row in session.execute(select(table))], default=str, ensure_ascii=False
        )
        for table in all_tables().values()
    )


def counts(session: Session) -> dict[str, int]:
    return {
        model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
        for model in (AnswerRecord, AnswerFeedback)
    }


async def test_the_export_shows_every_kind_of_data_about_the_member_and_nothing_of_others(
    session_factory: sessionmaker[Session],
) -> None:
    world = build_world(session_factory)
    await converse(world)

    with session_factory() as session:
        data = members.data_of(session, session.get_one(Member, world.minsu_id))
    shown = json.dumps(data, ensure_ascii=False)

    assert list(data) == [
        "회원",
        "소속",
        "자문위원",
        "대화 계정",
        *(
            texts.PIPA_SECTIONS[h.table]
            for h in personal_data.HOLDINGS
            if h.table not in ("members", "memberships", "advisors", "chat_identities")
        ),
    ]
    empty = [heading for heading, rows in data.items() if not rows]
    assert empty == []  # the world gives him something in every table
    assert data["회원"]["연락처"] == "010-1234-5678"
    assert data["애로사항"][0]["내용"] == "외국인 근로자 고용 허가 절차가 너무 길어요"
    assert [m["내용"] for m in data["보낸 메시지"]][:2] == [
        "법인세 중간예납은 언제 하나요?",
        "네 부탁해요",
    ]
    assert data["질문과 답변"][1]["질문"] == "연회비는 얼마인가요?"
    assert data["질문과 답변"][1]["답변"].startswith("연회비는 60만 원")
    assert data["전문가 요청"][0]["질문"] == "법인세 중간예납은 언제 하나요?"
    assert data["참석 응답"][0]["대리참석자"] == "정과장"
    assert data["답변 평가"][0]["평가"] == texts.PIPA_HELPFUL
    assert "KST" in data["회원"]["동의 일시"]
    assert not any(trace in shown for trace in YOUNGHEE_TRACES)


def test_the_export_shows_a_withdrawn_consent_with_its_date_and_no_consent_left(
    session_factory: sessionmaker[Session],
) -> None:
    world = build_world(session_factory)
    with session_factory.begin() as session:
        minsu = session.get_one(Member, world.minsu_id)
        members.withdraw_consent(session, minsu, when=NOW + timedelta(days=3), actor="t")

    with session_factory() as session:
        shown = members.data_of(session, session.get_one(Member, world.minsu_id))["회원"]

    assert shown["동의 철회 일시"] == "2026-03-05 10:00 KST"
    assert (shown["동의 일시"], shown["동의 범위"]) == (None, None)


async def test_erasure_leaves_no_trace_of_the_member_but_keeps_anonymous_counts(
    session_factory: sessionmaker[Session],
) -> None:
    world = build_world(session_factory)
    await converse(world)
    with session_factory() as session:
        before = counts(session)
        assert all(trace in everything_stored(session) for trace in MINSU_TRACES)

    with session_factory.begin() as session:
        members.erase_member(session, session.get_one(Member, world.minsu_id), actor="cli:admin")

    with session_factory() as session:
        stored = everything_stored(session)
        meeting = session.get_one(Event, world.meeting_id)
        assert [trace for trace in MINSU_TRACES if trace in stored] == []
        assert f"member:{world.minsu_id}" not in stored
        assert all(trace in stored for trace in YOUNGHEE_TRACES)  # the others keep theirs
        assert counts(session) == before  # answers and 👍 kept, anonymised
        assert events.rsvp_counts(session, meeting)["대리참석"] == 1
        assert events.rsvp_counts(session, meeting)["참석"] == 1
    # The erased account is a guest again: the bot does not know it any more.
    [reply] = await world.minsu.say(MINSU, "/애로 목록")
    assert reply.text == texts.DIFF_NOT_LINKED
