"""Suggestions nobody asked for: when a company opens its profile, the companies whose 찾는 것 it
answers hear of it once, unless they turned suggestions off (which also stops others' needs).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot import texts
from bot.network import profiles
from bot.storage.federation_models import Company, Member
from tests.bot.network.world import World


def reopen(world: World, company: str, by: str) -> None:
    """The company closes its profile and opens it again to the federation."""
    with world.sessions.begin() as session:
        found = session.scalars(select(Company).where(Company.name == company)).one()
        member = session.scalars(select(Member).where(Member.name == by)).one()
        now = world.clock[0]
        profiles.set_scope(session, found, "private", now=now, actor="t", by=member)
        profiles.set_scope(session, found, "federation", now=now, actor="t", by=member)


async def test_a_company_that_opens_its_profile_is_suggested_to_who_seeks_it(
    world: World,
) -> None:
    reopen(world, "(주)드림모터", "노승우")  # BLDC 모터; 한빛하이텍 seeks 디자인·모터 협력사

    sent = await world.deliver()

    [(to, suggestion)] = sent
    assert to == "u-koo"
    assert suggestion.text.startswith("찾으시는 '디자인·모터 협력사'에 맞을 만한 회원사가")
    assert "(주)드림모터 (전동기 및 발전기 제조업, 미래교류회)" in suggestion.text
    assert [b.label for b in suggestion.buttons] == [
        texts.NET_INTRO_BUTTON.format(company="(주)드림모터")
    ]
    reopen(world, "(주)드림모터", "노승우")
    assert await world.deliver() == []  # once per pair


async def test_turning_suggestions_off_stops_them_and_others_needs(world: World) -> None:
    [off] = await world.chat.say("u-koo", "/추천 그만")
    reopen(world, "(주)드림모터", "노승우")
    await world.chat.say("u-choi", "/구해요 소형 가전 전기 히터 OEM")  # 한빛하이텍 would match

    sent = await world.deliver()
    [on] = await world.chat.say("u-koo", "/추천 받기")

    assert off.text == texts.NET_SUGGEST_OFF
    assert [to for to, _ in sent if to == "u-koo"] == []
    assert on.text == texts.NET_SUGGEST_ON


async def test_a_company_new_on_the_roster_is_suggested_once_it_is_imported(
    world: World, tmp_path: Path
) -> None:
    from bot.federation.sample import SAMPLE_DIR
    from bot.secretariat import members as secretariat

    lines = (SAMPLE_DIR / "hanbit_roster.csv").read_text(encoding="utf-8-sig").splitlines()
    header = lines[0]
    [motors] = [line for line in lines if "(주)드림모터" in line]
    newcomer = (
        motors.replace("미래교류회", "새봄교류회")
        .replace("(주)드림모터", "(주)새별모터")
        .replace("318-86-00512", "123-45-00003")
        .replace("노승우", "윤새별")
    )
    roster = tmp_path / "roster.csv"
    roster.write_text(f"{header}\n{motors}\n", encoding="utf-8")
    with world.sessions.begin() as session:
        secretariat.import_roster(session, roster, actor="test", now=world.clock[0])
    unchanged = await world.deliver()  # 드림모터 was already there: nothing new to suggest
    roster.write_text(f"{header}\n{newcomer}\n", encoding="utf-8")
    with world.sessions.begin() as session:
        secretariat.import_roster(
            session, roster, actor="test", create_groups=True, now=world.clock[0]
        )

    [(to, suggestion)] = await world.deliver()

    assert unchanged == []
    assert to == "u-koo"  # 한빛하이텍 seeks 디자인·모터 협력사
    assert "(주)새별모터 (전동기 및 발전기 제조업, 새봄교류회)" in suggestion.text
