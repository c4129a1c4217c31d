"""The group health report on a seeded federation: attendance, 애로사항, questions, tickets,
introductions and outcomes per group and month, and 분과 advice above 15 members.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot import texts
from bot.clock import KST
from bot.federation import events, groups, members
from bot.messages import Button
from bot.network import report
from bot.storage.event_models import Event
from bot.storage.federation_models import Member
from tests.bot.network.world import World

END_OF_MARCH = datetime(2026, 3, 31, 23, 0, tzinfo=KST)


async def seed(world: World) -> None:
    """March in 새벽교류회: two RSVPs, one 애로사항, one question, one ticket, one introduction
    to 미래교류회's 드림모터 that was accepted and led to a meeting."""
    with world.sessions.begin() as session:
        meeting = session.scalars(
            select(Event)
            .where(Event.title.contains("새벽교류회"), Event.kind == "정례회")
            .where(Event.starts_at >= world.clock[0])
            .order_by(Event.starts_at)
        ).first()
        assert meeting is not None
        for name in ("김도현", "최준호"):
            person = session.scalars(select(Member).where(Member.name == name)).one()
            events.set_rsvp(
                session, event=meeting, member=person, status="참석", now=world.clock[0]
            )
    await world.chat.say("u-kim", "/애로 공유 외국인 근로자 고용 허가가 오래 걸려요")
    await world.chat.say("u-kim", "연회비는 얼마인가요?")
    await world.chat.say("u-kim", "/전문가 수출 계약서 검토를 받고 싶어요")
    await world.chat.say("u-choi", "/소개 드림모터 모터 공동개발")
    [request] = [m for to, m in await world.deliver() if to == "u-noh"]
    await world.chat.press("u-noh", next(b for b in request.buttons if b.label == texts.NET_ACCEPT))
    world.wait(days=14)
    [met] = [m for to, m in await world.deliver() if to == "u-choi"]
    await world.chat.press("u-choi", Button("", met.buttons[0].action))


async def test_figures_per_group_for_the_month(world: World) -> None:
    await seed(world)

    with world.sessions() as session:
        figures = {h.group: h for h in report.report(session, month="2026-03", now=END_OF_MARCH)}

    dawn, future, together = figures["새벽교류회"], figures["미래교류회"], figures["동행교류회"]
    assert (dawn.members, dawn.meetings, dawn.attendance_rate) == (14, 1, 0.14)
    assert (dawn.difficulties, dawn.questions, dawn.tickets) == (1, 1, 1)
    assert (dawn.intros_requested, dawn.intros_accepted, dawn.outcomes) == (1, 1, 1)
    assert (future.intros_requested, future.intros_accepted, future.outcomes) == (1, 1, 1)
    assert (together.intros_requested, together.questions, together.difficulties) == (0, 0, 0)
    assert dawn.subgroups == {}  # 14 members: no 분과 needed yet
    with world.sessions() as session:
        april = {h.group: h for h in report.report(session, month="2026-04", now=END_OF_MARCH)}
    assert april["새벽교류회"].intros_requested == 0
    assert april["새벽교류회"].outcomes == 1  # an outcome counts whenever it is reached


async def test_a_group_above_fifteen_members_gets_subgroup_advice(world: World) -> None:
    with world.sessions.begin() as session:
        dawn = groups.find_group(session, "새벽교류회")
        federation = groups.the_federation(session)
        for name in ("신입회원1", "신입회원2"):
            person = members.add_member(session, federation=federation, name=name, actor="t")
            members.join_group(session, member=person, group=dawn, actor="t")

    with world.sessions() as session:
        [health] = report.report(
            session, month="2026-03", group=groups.find_group(session, "새벽교류회")
        )

    assert health.members == 16
    assert health.subgroups["금속·기계"] == ["(주)한빛정밀", "동진금속주물(주)"]
    assert "(주)누리전자" in health.subgroups["전기·전자"]
    assert "(주)하람소프트" in health.subgroups[texts.NET_THEME_OTHER]


async def test_attendance_counts_only_meetings_held_and_the_groups_own_members(
    world: World,
) -> None:
    with world.sessions.begin() as session:
        meeting = session.scalars(
            select(Event)
            .where(Event.title.contains("새벽교류회"), Event.kind == "정례회")
            .where(Event.starts_at >= world.clock[0])
            .order_by(Event.starts_at)
        ).first()
        assert meeting is not None
        held_at = meeting.starts_at
        for name in ("김도현", "최준호", "신동욱"):  # 신동욱 is of 미래교류회: a guest here
            person = session.scalars(select(Member).where(Member.name == name)).one()
            events.set_rsvp(
                session, event=meeting, member=person, status="참석", now=world.clock[0]
            )
        dawn = groups.find_group(session, "새벽교류회")

        [before] = report.report(session, month="2026-03", group=dawn, now=world.clock[0])
        [after] = report.report(session, month="2026-03", group=dawn, now=held_at)

    # Answers to a meeting still ahead are promises, not attendance.
    assert (before.meetings, before.attendance_rate) == (0, None)
    assert (after.meetings, after.attendance_rate) == (1, round(2 / 14, 2))
