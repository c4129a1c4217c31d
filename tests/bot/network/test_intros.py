"""Introductions with double opt-in, through the in-memory channel and the scheduler's outbox.

한결플라스틱's 최준호 (새벽교류회) finds 드림모터 and asks for an introduction; 드림모터's 노승우
(미래교류회) gets a DM with who asks and why, without a contact, and 수락 / 거절 buttons. Contacts
travel only on 수락; on 거절 or seven days of silence the asker hears only that it did not work
out, and the pair is never proposed again. Follow-ups come two weeks and three months later.
"""

from __future__ import annotations

from sqlalchemy import select

from bot import texts
from bot.messages import Button, OutgoingMessage
from bot.network import intros
from bot.secretariat import members
from bot.storage.federation_models import Member
from bot.storage.network_models import Introduction
from tests.bot.network.world import World

CHOI_PHONE, NOH_PHONE = "010-0000-0005", "010-0000-0022"


def button(message: OutgoingMessage, label: str) -> Button:
    return next(b for b in message.buttons if b.label == label)


def only(sent: list[tuple[str, OutgoingMessage]], user: str) -> OutgoingMessage:
    [message] = [m for to, m in sent if to == user]
    return message


async def ask_for_noh(world: World, reason: str = "로봇 그리퍼용 모터 공동개발 문의") -> None:
    [found] = await world.chat.say("u-choi", "/찾기 BLDC 모터")
    ask = button(found, texts.NET_INTRO_BUTTON.format(company="(주)드림모터"))
    [why] = await world.chat.press("u-choi", ask)
    assert why.text == texts.NET_WHY_ASK
    [sent] = await world.chat.say("u-choi", reason)
    assert sent.text == texts.net_intro_sent("(주)드림모터")


async def test_an_accepted_introduction_exchanges_contacts_and_follows_up(world: World) -> None:
    await ask_for_noh(world)

    request = only(await world.deliver(), "u-noh")
    assert "한결플라스틱(주) (운송장비 조립용 플라스틱제품 제조업)" in request.text
    assert "새벽교류회" in request.text
    assert "로봇 그리퍼용 모터 공동개발 문의" in request.text
    assert CHOI_PHONE not in request.text  # no contact before 수락

    [accepted] = await world.chat.press("u-noh", button(request, texts.NET_ACCEPT))
    assert "최준호" in accepted.text
    assert CHOI_PHONE in accepted.text
    assert "정례회" in accepted.text
    to_choi = only(await world.deliver(), "u-choi")
    assert "노승우 대표" in to_choi.text
    assert NOH_PHONE in to_choi.text

    world.wait(days=14)
    asked = await world.deliver()
    assert {to for to, _ in asked} == {"u-choi", "u-noh"}
    met = only(asked, "u-choi")
    assert met.text == texts.net_met_question("(주)드림모터")
    [thanks] = await world.chat.press("u-choi", button(met, texts.NET_MET_YES))
    assert thanks.text == texts.NET_MET_THANKS

    world.wait(days=76)
    ladder = only(await world.deliver(), "u-noh")
    assert ladder.text == texts.net_ladder_question("한결플라스틱(주)")
    await world.chat.press("u-noh", button(ladder, "견적·샘플"))
    with world.sessions() as session:
        intro = session.scalars(select(Introduction)).one()
        assert (intro.state, intro.met, intro.outcome) == ("accepted", True, "quote")


async def test_a_declined_introduction_reveals_nothing_and_is_not_proposed_again(
    world: World,
) -> None:
    await ask_for_noh(world)
    request = only(await world.deliver(), "u-noh")

    [declined] = await world.chat.press("u-noh", button(request, texts.NET_DECLINE))

    assert declined.text == texts.NET_DECLINED_OK
    told = only(await world.deliver(), "u-choi")
    assert told.text == texts.net_intro_not_this_time("(주)드림모터")
    assert NOH_PHONE not in told.text
    assert "노승우" not in told.text
    [again] = await world.chat.say("u-choi", "/소개 드림모터 다시 부탁드려요")
    assert again.text == texts.net_intro_not_again("(주)드림모터")
    [back] = await world.chat.say("u-noh", "/소개 한결플라스틱")
    assert back.text == texts.net_intro_not_again("한결플라스틱(주)")
    [found] = await world.chat.say("u-choi", "/찾기 BLDC 모터")
    assert "(주)드림모터" in found.text  # still findable, just not proposed
    assert all("드림모터" not in b.label for b in found.buttons)
    assert await world.deliver() == []  # and 노승우 is asked nothing more


async def test_seven_days_without_an_answer_closes_the_request_quietly(world: World) -> None:
    await ask_for_noh(world)
    request = only(await world.deliver(), "u-noh")

    world.wait(days=7, minutes=1)
    told = only(await world.deliver(), "u-choi")
    [late] = await world.chat.press("u-noh", button(request, texts.NET_ACCEPT))

    assert told.text == texts.net_intro_not_this_time("(주)드림모터")
    assert late.text == texts.NET_INTRO_ANSWERED
    assert NOH_PHONE not in " ".join(m.text for _, m in world.chat.pushed if _.user == "u-choi")


async def test_the_monthly_limit_counts_requests_and_the_secretariat_can_change_it(
    world: World,
) -> None:
    with world.sessions.begin() as session:
        intros.set_quota(session, quota=1, actor="test")  # the federation's default
    [first] = await world.chat.say("u-choi", "/소개 드림모터")
    [second] = await world.chat.say("u-choi", "/소개 (주)미래로봇 협동로봇 그리퍼 문의")

    assert first.text == texts.net_intro_sent("(주)드림모터")
    assert second.text == texts.net_intro_quota(1)

    with world.sessions.begin() as session:
        choi = session.scalars(select(Member).where(Member.name == "최준호")).one()
        intros.set_quota(session, quota=3, member=choi, actor="test")
    [allowed] = await world.chat.say("u-choi", "/소개 (주)미래로봇 협동로봇 그리퍼 문의")
    assert allowed.text == texts.net_intro_sent("(주)미래로봇")

    with world.sessions.begin() as session:
        intros.set_quota(session, quota=0, member=choi, actor="test")
    world.wait(days=30)  # April: a new month, but his own limit is now 0
    [refused] = await world.chat.say("u-choi", "/소개 동진금속주물")
    assert refused.text == texts.net_intro_quota(0)


async def test_only_the_asked_company_can_answer_and_a_private_company_cannot_be_asked(
    world: World,
) -> None:
    await world.chat.say("u-choi", "/소개 드림모터")
    request = only(await world.deliver(), "u-noh")

    [forged] = await world.chat.press("u-kim", button(request, texts.NET_ACCEPT))
    [private] = await world.chat.say("u-shin", "/소개 가온세무회계서비스")

    assert forged.text == texts.NET_INTRO_GONE
    assert private.text == texts.net_unknown_company("가온세무회계서비스")


def withdraw(world: World, name: str) -> None:
    """The secretariat records that ``name`` withdrew their personal-data consent."""
    with world.sessions.begin() as session:
        members.record_consent_withdrawal(session, member=name, now=world.clock[0], actor="t")


async def test_a_member_who_withdrew_consent_is_neither_asked_nor_may_ask(world: World) -> None:
    withdraw(world, "노승우")
    withdraw(world, "장영수")

    [found] = await world.chat.say("u-choi", "/찾기 BLDC 모터")
    await world.chat.press(
        "u-choi", button(found, texts.NET_INTRO_BUTTON.format(company="(주)드림모터"))
    )
    [to_noh] = await world.chat.say("u-choi", "로봇 그리퍼용 모터 공동개발 문의")
    [from_jang] = await world.chat.say("u-jang", "/소개 드림모터 모터 문의드려요")

    assert "(주)드림모터" in found.text  # the company's own consent still stands
    assert to_noh.text == texts.net_intro_unreachable("(주)드림모터")  # nobody else to ask there
    assert "철회" not in to_noh.text  # the reason is not the asker's to know
    assert "연결되어 있지 않" not in to_noh.text
    assert from_jang.text == texts.NET_CONSENT_WITHDRAWN
    assert await world.deliver() == []  # 노승우 hears nothing
    with world.sessions() as session:
        assert session.scalars(select(Introduction)).all() == []


async def test_who_withdrew_consent_after_being_asked_cannot_accept_and_no_card_travels(
    world: World,
) -> None:
    await ask_for_noh(world)
    request = only(await world.deliver(), "u-noh")
    withdraw(world, "노승우")

    [answer] = await world.chat.press("u-noh", button(request, texts.NET_ACCEPT))

    assert answer.text == texts.NET_CONSENT_WITHDRAWN
    assert all(NOH_PHONE not in m.text for _, m in await world.deliver())
    with world.sessions() as session:
        assert session.scalars(select(Introduction.state)).one() == "pending"
