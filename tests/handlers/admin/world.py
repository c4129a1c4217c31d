"""A federation for the console tests: two groups, a federation admin, a group admin, questions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.federation import admins, events, groups, members, rooms
from bot.storage.conversation_models import AnswerFeedback, AnswerRecord
from bot.storage.identity_models import ChatIdentity
from tests.handlers.conftest import NOW

DAWN_ROOM, FUTURE_ROOM = "dawn-room", "future-room"
UNSURE = "외국인 근로자 고용 허가는 얼마나 걸리나요?"
DISLIKED = "정례회 회비는 얼마인가요?"
FINE = "미래교류회 다음 모임은 어디서 하나요?"


@dataclass
class World:
    dawn_id: int
    future_id: int


def build(sessions: sessionmaker[Session]) -> World:
    """사무국장 (federation admin), 김회장 (새벽교류회's admin), 박대표 and three answers."""
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛연합회")
        dawn = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        future = groups.add_group(session, federation=federation, name="미래교류회", actor="t")
        rooms.attach_room(session, platform="memory", chat_id=DAWN_ROOM, group=dawn, actor="t")
        rooms.attach_room(session, platform="memory", chat_id=FUTURE_ROOM, group=future, actor="t")
        people = {}
        for name, group, role in (
            ("사무국장", None, None),
            ("김회장", dawn, "leader"),
            ("박대표", dawn, "member"),
        ):
            member = members.add_member(session, federation=federation, name=name, actor="t")
            people[name] = member.id
            if group is not None and role is not None:
                members.join_group(session, member=member, group=group, role=role, actor="t")
        session.add(
            ChatIdentity(
                platform="memory",
                platform_user_id="501",
                status="verified",
                member_id=people["김회장"],
            )
        )
        admins.add_admin(session, name="사무국장", actor="t", now=NOW)
        admins.add_admin(session, name="김회장", group="새벽교류회", actor="t", now=NOW)
        events.add_event(
            session,
            federation=federation,
            group=dawn,
            kind="정례회",
            title="새벽교류회 12월 정례회",
            starts_at=NOW + timedelta(days=5),
            actor="t",
        )
        answers = [
            AnswerRecord(
                platform="memory",
                user_id="501",
                conversation=room,
                question=question,
                text=answer,
                confident=confident,
                sources=sources,
                created_at=NOW - timedelta(hours=hours),
            )
            for room, question, answer, confident, sources, hours in (
                (DAWN_ROOM, UNSURE, "문서에서 찾지 못했어요.", False, [], 3),
                (
                    DAWN_ROOM,
                    DISLIKED,
                    "연회비는 60만 원이에요.",
                    True,
                    [{"title": "회칙", "section": "제5조"}],
                    2,
                ),
                (FUTURE_ROOM, FINE, "미래교류회 정례회는 수원에서 열려요.", True, [], 1),
            )
        ]
        session.add_all(answers)
        session.flush()
        session.add(
            AnswerFeedback(
                answer_id=answers[1].id,
                platform="memory",
                user_id="501",
                verdict=-1,
                created_at=NOW,
            )
        )
        return World(dawn.id, future.id)


def link(sessions: sessionmaker[Session], name: str) -> str:
    """A fresh one-time log-in token for ``name``."""
    with sessions.begin() as session:
        token, _ = admins.issue_link(session, name=name, actor="t", now=NOW)
        return token
