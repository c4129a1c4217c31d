"""Monthly pairing rounds: opted-in companies meet another industry, never the same pair twice;
an odd count makes one party of three; the round runs once a month from the scheduler.
"""

from __future__ import annotations

from itertools import combinations

from sqlalchemy import select

from bot import texts
from bot.network import pairing
from bot.secretariat import members
from bot.storage.federation_models import Company
from bot.storage.network_models import Pairing
from tests.bot.network.world import World

FIVE = ("u-kim", "u-choi", "u-jang", "u-shin", "u-noh")  # five companies, five industries


async def join(world: World, *users: str) -> None:
    for user in users:
        [joined] = await world.chat.say(user, "/짝만남 참여")
        assert joined.text == texts.NET_PAIRING_JOINED


def pairs(world: World) -> list[frozenset[int]]:
    with world.sessions() as session:
        return [
            frozenset((p.first_id, p.second_id))
            for p in session.scalars(select(Pairing).order_by(Pairing.id))
        ]


async def test_an_odd_round_makes_one_party_of_three_and_tells_everyone_once(
    world: World,
) -> None:
    await join(world, *FIVE)

    sent = await world.deliver()  # 3월 3일 10:00 KST: the March round runs
    again = await world.deliver()

    assert sorted(to for to, _ in sent) == sorted(FIVE)
    partners = {to: message.text.count("\n• ") for to, message in sent}
    assert sorted(partners.values()) == [1, 1, 2, 2, 2]  # a pair and a party of three
    assert again == []  # one round a month
    assert len(pairs(world)) == 4  # the pair, and the three pairs inside the party
    for _, message in sent:
        assert message.text.startswith("이번 달 짝만남 상대예요.")
        assert "010-" not in message.text
        assert message.buttons  # introductions still need both to accept


async def test_rounds_never_repeat_a_pair_and_leave_out_who_has_met_everyone(
    world: World,
) -> None:
    await join(world, *FIVE)
    seen: list[frozenset[int]] = []
    for _ in range(4):  # March to June
        await world.deliver()
        seen = pairs(world)
        world.wait(days=31)

    assert len(seen) == len(set(seen))  # never the same pair twice
    assert len(seen) >= 8  # and rounds went on pairing as long as new pairs were left
    assert len(set(seen)) <= 10  # five companies make ten pairs at most
    with world.sessions() as session:
        ids = list(session.scalars(select(Company.id)))
    assert all(frozenset(p) <= set(ids) for p in seen)


def test_the_matching_handles_odd_counts_and_impossible_pairs() -> None:
    everyone = {frozenset(p) for p in combinations(range(1, 8), 2)}

    parties, waiting = pairing.best_parties(list(range(1, 8)), everyone, seed="t")
    assert sorted(len(p) for p in parties) == [2, 2, 3]
    assert waiting == []

    lonely = everyone - {frozenset((1, other)) for other in range(2, 8)}
    parties, waiting = pairing.best_parties(list(range(1, 8)), lonely, seed="t")
    assert waiting == [1]  # 1 may meet nobody new
    assert all(1 not in party for party in parties)


async def test_leaving_the_rounds(world: World) -> None:
    await join(world, "u-kim", "u-choi")
    [left] = await world.chat.say("u-choi", "/짝만남 그만")
    [about] = await world.chat.say("u-choi", "/짝만남")

    assert left.text == texts.NET_PAIRING_LEFT
    assert about.text == texts.NET_PAIRING_ABOUT
    assert await world.deliver() == []  # one company alone is not paired


async def test_a_member_who_withdrew_consent_is_left_out_of_the_round(world: World) -> None:
    await join(world, *FIVE)
    with world.sessions.begin() as session:
        members.record_consent_withdrawal(session, member="장영수", now=world.clock[0], actor="t")

    sent = await world.deliver()

    assert sorted(to for to, _ in sent) == sorted(set(FIVE) - {"u-jang"})
    assert all("동진금속주물" not in message.text for _, message in sent)
