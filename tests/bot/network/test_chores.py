"""The scheduler's networking chores: profile prompts (yearly, and once to each newcomer on the
roster) and the monthly pairing round, each done once and cheaply whatever the federation's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.federation.sample import SAMPLE_DIR
from bot.network import chores
from bot.secretariat import members as secretariat
from bot.storage.federation_models import Member
from bot.storage.identity_models import ChatIdentity
from bot.storage.network_models import NetworkProfile
from tests.bot.network.world import NOW, World


@contextmanager
def counted(sessions: sessionmaker[Session]) -> Iterator[list[str]]:
    """The SQL statements run inside the block, as the database received them."""
    engine = sessions.kw["bind"]
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def link(sessions: sessionmaker[Session], name: str, user: str) -> None:
    with sessions.begin() as session:
        member = session.scalars(select(Member).where(Member.name == name)).one()
        session.add(
            ChatIdentity(
                platform="memory", platform_user_id=user, member_id=member.id, status="verified"
            )
        )


def make_everything_stale(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        session.execute(update(NetworkProfile).values(confirmed_at=NOW - timedelta(days=400)))


def quiet_round(sessions: sessionmaker[Session], at: Any) -> list[str]:
    with counted(sessions) as seen, sessions.begin() as session:
        assert chores.run_due(session, at) == 0
    return seen


async def test_a_quiet_round_costs_the_same_few_statements_whatever_the_size(
    world: World,
) -> None:
    make_everything_stale(world.sessions)
    first = await world.deliver()
    small = quiet_round(world.sessions, world.clock[0])
    # Link every other member of the sample federation too: four times the people to look at.
    with world.sessions() as session:
        others = session.scalars(
            select(Member.name).where(~Member.id.in_(select(ChatIdentity.member_id)))
        ).all()
    for number, name in enumerate(others):
        link(world.sessions, name, f"u-extra-{number}")
    world.wait(minutes=1)
    second = await world.deliver()
    big = quiet_round(world.sessions, world.clock[0])

    # Each linked member's company was stale: one prompt each, but 가온세무회계서비스 chose
    # 비공개 on the roster and is left alone.
    assert "u-ahn" not in [to for to, _ in first]
    assert len(first) == 7
    assert len(second) > 7  # the newly linked companies' representatives, once
    # Before batching, a quiet round re-read every stale profile with per-member queries (138
    # statements with 8 linked members, 196 with all 40) and re-ran the empty pairing round;
    # now one query per chore, whatever the size.
    assert len(small) == len(big) <= 4


async def test_nobody_is_asked_about_the_profile_twice_in_a_year(world: World) -> None:
    make_everything_stale(world.sessions)
    first = await world.deliver()
    world.wait(days=200)
    later = await world.deliver()
    world.wait(days=166)
    next_year = await world.deliver()

    assert {to for to, _ in first} == {to for to, _ in next_year}
    assert later == []
    assert [m.text for to, m in next_year if to == "u-noh"] == [
        texts.net_stale_prompt("(주)드림모터")
    ]


async def test_a_member_who_withdrew_consent_is_not_asked_about_the_profile(world: World) -> None:
    make_everything_stale(world.sessions)
    with world.sessions.begin() as session:
        secretariat.record_consent_withdrawal(session, member="노승우", now=NOW, actor="test")

    asked = await world.deliver()

    assert asked  # the others are asked as before
    assert "u-noh" not in {to for to, _ in asked}


async def test_a_newcomer_is_asked_once_to_fill_in_the_profile_after_linking(
    world: World,
) -> None:
    with world.sessions.begin() as session:
        added = secretariat.add_member(
            session,
            name="문새롬",
            company="한결플라스틱(주)",
            title="이사",
            group="새벽교류회",
            actor="test",
        )
    before_linking = await world.deliver()
    link(world.sessions, "문새롬", "u-moon")
    world.wait(minutes=1)
    [(to, prompt)] = await world.deliver()
    world.wait(days=1)
    again = await world.deliver()
    [walk] = await world.chat.press("u-moon", prompt.buttons[0])

    assert before_linking == []
    assert to == "u-moon"
    assert prompt.text == texts.net_welcome_prompt("한결플라스틱(주)", "연합회 전체")
    assert [b.label for b in prompt.buttons] == [texts.NET_PROFILE_FILL]
    assert again == []
    assert walk.text.startswith("1/")  # the /프로필 walk begins
    with world.sessions() as session:
        assert session.get_one(Member, added.id).name == "문새롬"


async def test_newcomers_of_a_private_company_or_who_want_no_suggestions_are_not_asked(
    world: World,
) -> None:
    with world.sessions.begin() as session:
        for name, company in (("하지민", "(주)가온세무회계서비스"), ("변수아", "(주)드림모터")):
            secretariat.add_member(session, name=name, company=company, actor="test")
    link(world.sessions, "하지민", "u-ha")  # 가온세무회계서비스 chose 비공개 on the roster
    link(world.sessions, "변수아", "u-byun")
    await world.chat.say("u-byun", "/추천 그만")

    pushed = await world.deliver()

    assert pushed == []


async def test_a_roster_import_asks_only_the_members_it_created(
    world: World, tmp_path: Path
) -> None:
    sample = (SAMPLE_DIR / "hanbit_roster.csv").read_text(encoding="utf-8-sig")
    header, first = sample.splitlines()[:2]
    newcomer = first.replace("김도현", "유하늘").replace("010-0000-0001", "010-0000-0999")
    roster = tmp_path / "roster.csv"
    roster.write_text(f"{header}\n{first}\n{newcomer}\n", encoding="utf-8")

    with world.sessions.begin() as session:
        report = secretariat.import_roster(session, roster, actor="test")
    link(world.sessions, "유하늘", "u-yoo")
    pushed = await world.deliver()

    assert len(report.members) == 2
    assert [to for to, _ in pushed] == ["u-yoo"]  # 김도현 was already on the roster
    assert pushed[0][1].text == texts.net_welcome_prompt("(주)한빛정밀", "연합회 전체")


async def test_the_pairing_round_is_looked_at_once_a_month(world: World) -> None:
    with world.sessions.begin() as session:
        assert chores.run_due(session, NOW) == 0  # nobody opted in: the round is done anyway
    await world.chat.say("u-kim", "/짝만남 참여")
    await world.chat.say("u-noh", "/짝만남 참여")
    world.wait(days=1)
    same_month = await world.deliver()
    world.wait(days=28)  # 4월 1일 오전 10시
    next_month = await world.deliver()

    assert same_month == []
    assert sorted(to for to, _ in next_month) == ["u-kim", "u-noh"]
