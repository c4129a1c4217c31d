"""Needs (``/구해요``): sent privately to the best-matching consenting companies, whose interest
reaches the asker; listed, closed, renewed, and expired after 30 days.
"""

from __future__ import annotations

from bot import texts
from bot.messages import Button, OutgoingMessage
from tests.bot.network.world import World

DIECASTING = "알루미늄 다이캐스팅 시제품 10개 만들어 줄 곳"


def button(message: OutgoingMessage, label: str) -> Button:
    return next(b for b in message.buttons if b.label == label)


def to(sent: list[tuple[str, OutgoingMessage]], user: str) -> list[OutgoingMessage]:
    return [m for who, m in sent if who == user]


async def test_a_need_reaches_matching_companies_and_interest_reaches_the_asker(
    world: World,
) -> None:
    [posted] = await world.chat.say("u-kim", f"/구해요 {DIECASTING}")
    assert posted.text.startswith("구해요 글(1번)을 맞는 회원사")

    sent = await world.deliver()
    [note] = to(sent, "u-jang")  # 동진금속주물: 주물·주조
    assert DIECASTING in note.text
    assert "(주)한빛정밀" in note.text
    assert to(sent, "u-kim") == []

    [thanks] = await world.chat.press("u-jang", button(note, texts.NET_NEED_YES))
    assert thanks.text == texts.NET_NEED_THANKS_YES
    [interest] = to(await world.deliver(), "u-kim")
    assert interest.text.startswith(f"'{DIECASTING}'에 동진금속주물(주) (선철 주물 주조업")
    assert [b.label for b in interest.buttons] == [
        texts.NET_INTRO_BUTTON.format(company="동진금속주물(주)")
    ]
    assert "010-" not in interest.text

    [listing] = await world.chat.say("u-kim", "/구해요 목록")
    assert "1. 알루미늄 다이캐스팅" in listing.text
    assert "관심: 동진금속주물(주)" in listing.text


async def test_not_interested_tells_the_asker_nothing(world: World) -> None:
    await world.chat.say("u-kim", f"/구해요 {DIECASTING}")
    [note] = to(await world.deliver(), "u-jang")

    [reply] = await world.chat.press("u-jang", button(note, texts.NET_NEED_NO))

    assert reply.text == texts.NET_NEED_THANKS_NO
    assert to(await world.deliver(), "u-kim") == []
    [listing] = await world.chat.say("u-kim", "/구해요 목록")
    assert "관심:" not in listing.text


async def test_a_need_reaches_only_companies_that_consented_to_the_asker(world: World) -> None:
    await world.chat.say("u-choi", "/구해요 기장 세무 신고 대행해 줄 곳")  # 가온세무: 비공개
    await world.chat.say("u-choi", "/구해요 생산직 채용 대행")  # 한마음인력: 동행교류회만
    await world.chat.say("u-koo", "/구해요 생산직 채용 대행")  # 구민석 is in 동행교류회

    sent = await world.deliver()

    assert to(sent, "u-ahn") == []
    [note] = to(sent, "u-eom")
    assert "한빛하이텍(주)" in note.text  # from 구민석's company, not 최준호's


async def test_expiry_closing_and_renewing(world: World) -> None:
    await world.chat.say("u-kim", f"/구해요 {DIECASTING}")
    [note] = to(await world.deliver(), "u-jang")

    world.wait(days=31)
    [late] = await world.chat.press("u-jang", button(note, texts.NET_NEED_YES))
    [expired] = await world.chat.say("u-kim", "/구해요 목록")
    [renewed] = await world.chat.say("u-kim", "/구해요 연장 1")
    [answered] = await world.chat.press("u-jang", button(note, texts.NET_NEED_YES))
    [closed] = await world.chat.say("u-kim", "/구해요 마감 1")
    [listing] = await world.chat.say("u-kim", "/구해요 목록")
    [others] = await world.chat.say("u-jang", "/구해요 마감 1")

    assert late.text == texts.NET_NEED_CLOSED
    assert f"({texts.NET_NEED_STATE_EXPIRED}," in expired.text
    assert renewed.text.startswith("구해요 글 1번을 5월 3일(일)")
    assert answered.text == texts.NET_NEED_THANKS_YES
    assert closed.text == texts.net_need_closed(1)
    assert f"({texts.NET_NEED_STATE_CLOSED}," in listing.text
    assert others.text == texts.NET_NEED_NOT_FOUND  # only the author closes a need


async def test_usage(world: World) -> None:
    [usage] = await world.chat.say("u-kim", "/구해요")
    [short] = await world.chat.say("u-kim", "/구해요 금")
    [number] = await world.chat.say("u-kim", "/구해요 마감 첫번째")

    assert usage.text == texts.NET_NEED_USAGE
    assert short.text == texts.NET_NEED_USAGE
    assert number.text == texts.NET_NEED_NUMBER_USAGE
