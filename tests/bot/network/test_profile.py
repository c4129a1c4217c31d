"""``/프로필``: a member walks through their company's profile by buttons and answers; the
consent they choose is recorded with the date and decides who finds the company.
"""

from __future__ import annotations

from sqlalchemy import select

from bot import texts
from bot.messages import Button, OutgoingMessage
from bot.storage.federation_models import Company, Member
from bot.storage.network_models import NetworkProfile
from tests.bot.network.world import NOW, World


def button(message: OutgoingMessage, label: str) -> Button:
    return next(b for b in message.buttons if b.label == label)


async def test_a_private_company_fills_its_profile_and_opens_it_to_the_federation(
    world: World,
) -> None:
    [before] = await world.chat.say("u-choi", "/찾기 가업승계 컨설팅")
    [profile] = await world.chat.say("u-ahn", "/프로필")
    assert "• 공개 범위: 비공개" in profile.text

    [products] = await world.chat.press("u-ahn", button(profile, texts.NET_PROFILE_EDIT))
    assert products.text.startswith("1/7 주요제품을 적어 주세요.\n지금: 기장, 세무 신고 대행")
    [processes] = await world.chat.say("u-ahn", "기장, 세무 신고 대행, 가업승계 컨설팅")
    assert processes.text.startswith("2/7 공정/설비를 적어 주세요.")
    [certifications] = await world.chat.press("u-ahn", button(processes, texts.NET_PROFILE_KEEP))
    assert certifications.text.startswith("3/7 인증을")
    [patents] = await world.chat.say("u-ahn", "세무사 등록")
    assert patents.text.startswith("4/7 특허를")
    [looking] = await world.chat.say("u-ahn", "없음")
    assert looking.text.startswith("5/7 찾는 것을")
    [tags] = await world.chat.say("u-ahn", "제조업 고객사")
    assert tags.text.startswith("6/7 어떤 협력 상대를 찾으세요?")
    [toggled] = await world.chat.press("u-ahn", button(tags, "판로"))
    assert toggled.edits_origin
    assert "✓ 판로" in [b.label for b in toggled.buttons]
    [scope] = await world.chat.press("u-ahn", button(toggled, texts.NET_PROFILE_NEXT))
    [saved] = await world.chat.press("u-ahn", button(scope, "연합회 전체"))

    assert saved.text.startswith(texts.NET_PROFILE_SAVED)
    assert "• 찾는 협력: 판로" in saved.text
    assert "• 공개 범위: 연합회 전체 (3월 3일(화)" in saved.text
    with world.sessions() as session:
        ahn = session.scalars(select(Member).where(Member.name == "안지호")).one()
        company = session.get_one(Company, ahn.company_id)
        stored = session.get_one(NetworkProfile, company.id)
        assert company.products == "기장, 세무 신고 대행, 가업승계 컨설팅"
        assert company.certifications == "세무사 등록"
        assert stored.patents is None
        assert (stored.scope, stored.scope_at, stored.scope_by) == ("federation", NOW, ahn.id)
        assert stored.seeking == ["판로"]
    [after] = await world.chat.say("u-choi", "/찾기 가업승계 컨설팅")
    assert "가온세무회계서비스" not in before.text
    assert "(주)가온세무회계서비스" in after.text


async def test_confirming_an_unchanged_profile(world: World) -> None:
    [profile] = await world.chat.say("u-noh", "/프로필")
    [confirmed] = await world.chat.press("u-noh", button(profile, texts.NET_PROFILE_OK))

    assert "• 주요제품: BLDC 모터, 감속기 일체형 모터" in profile.text
    assert "• 특허: 감속기 일체형 BLDC 모터 방열 구조" in profile.text
    assert confirmed.text == texts.NET_PROFILE_CONFIRMED
    with world.sessions() as session:
        noh = session.scalars(select(Member).where(Member.name == "노승우")).one()
        assert session.get_one(NetworkProfile, noh.company_id).confirmed_at == NOW


async def test_guests_are_asked_to_link(world: World) -> None:
    [reply] = await world.chat.say("stranger", "/프로필")

    assert reply.text == texts.NET_NOT_LINKED


async def test_a_profile_unconfirmed_for_a_year_gets_one_prompt(world: World) -> None:
    from datetime import timedelta

    with world.sessions.begin() as session:
        noh = session.scalars(select(Member).where(Member.name == "노승우")).one()
        profile = session.get_one(NetworkProfile, noh.company_id)
        profile.confirmed_at = NOW - timedelta(days=400)

    [(to, prompt)] = await world.deliver()
    again = await world.deliver()
    [confirmed] = await world.chat.press("u-noh", button(prompt, texts.NET_PROFILE_OK))

    assert to == "u-noh"
    assert prompt.text == texts.net_stale_prompt("(주)드림모터")
    assert again == []
    assert confirmed.text == texts.NET_PROFILE_CONFIRMED
    with world.sessions() as session:
        assert session.get_one(NetworkProfile, noh.company_id).confirmed_at == NOW
