"""Passing questions to an expert: the offer under a "not covered" answer (yes, no, lapse,
time-out, in a room), its button, and ``/전문가`` alone or with a question.

The real document answerer and conversation log, reached through the in-memory channel.
"""

from __future__ import annotations

import pytest

from bot import texts
from tests.bot.skills.talk import UNCOVERED, Talk, is_receipt


@pytest.mark.parametrize("yes", ["네", "응", "부탁해요", "좋아요", "네, 부탁드려요!", "넵 ㅎㅎ"])
async def test_a_yes_to_the_expert_offer_files_that_question(talk: Talk, yes: str) -> None:
    [offer] = await talk.chat.say("u1", UNCOVERED)
    assert offer.text.endswith(texts.QA_OFFER_EXPERT)

    [reply] = await talk.chat.say("u1", yes)

    assert is_receipt(reply.text, 1, "세무", UNCOVERED)
    assert talk.requests() == [(UNCOVERED, "세무")]
    assert len(talk.searcher.queries) == 1  # the yes was not searched for as a question


@pytest.mark.parametrize("no", ["아니요", "아뇨 괜찮아요", "괜찮습니다!", "아니요, 됐어요"])
async def test_a_no_to_the_offer_is_taken_politely(talk: Talk, no: str) -> None:
    await talk.chat.say("u1", UNCOVERED)

    [reply] = await talk.chat.say("u1", no)

    assert reply.text == texts.TALK_OFFER_DECLINED
    assert talk.requests() == []


async def test_a_new_question_after_the_offer_lets_the_offer_lapse(talk: Talk) -> None:
    await talk.chat.say("u1", UNCOVERED)

    [answer] = await talk.chat.say("u1", "연회비는 얼마인가요?")
    [later] = await talk.chat.say("u1", "네")

    assert answer.text.startswith("연회비는 60만 원")
    assert later.text == texts.TALK_ACK
    assert talk.requests() == []


async def test_the_offer_times_out(talk: Talk) -> None:
    await talk.chat.say("u1", UNCOVERED)
    talk.wait(minutes=45)

    [reply] = await talk.chat.say("u1", "네")

    assert reply.text == texts.TALK_ACK
    assert talk.requests() == []


async def test_pressing_the_button_then_saying_yes_files_once(talk: Talk) -> None:
    [offer] = await talk.chat.say("u1", UNCOVERED)

    [pressed] = await talk.chat.press("u1", offer.buttons[-1])
    [again] = await talk.chat.press("u1", offer.buttons[-1])
    [yes] = await talk.chat.say("u1", "네")

    assert is_receipt(pressed.text, 1, "세무", UNCOVERED)
    assert again.text == texts.rt_already(1)
    assert yes.text == texts.TALK_ACK
    assert talk.requests() == [(UNCOVERED, "세무")]


async def test_in_a_room_a_yes_without_mention_answers_the_offer_but_chatter_is_ignored(
    talk: Talk,
) -> None:
    await talk.chat.say("u1", UNCOVERED, room="room-1", mentioned=True)

    chatter = await talk.chat.say("u1", "다들 점심 드셨어요?", room="room-1")
    other = await talk.chat.say("u2", "네", room="room-1")  # someone else's yes is not theirs
    [reply] = await talk.chat.say("u1", "네 부탁해요", room="room-1")

    assert chatter == other == []
    assert is_receipt(reply.text, 1, "세무", UNCOVERED)
    assert talk.requests() == [(UNCOVERED, "세무")]


async def test_expert_command_alone_forwards_the_last_real_question_not_small_talk(
    talk: Talk,
) -> None:
    await talk.chat.say("u1", UNCOVERED)
    [thanks] = await talk.chat.say("u1", "고마워요!")

    [reply] = await talk.chat.say("u1", "/전문가")

    assert thanks.text == texts.TALK_THANKS
    assert is_receipt(reply.text, 1, "세무", UNCOVERED)
    assert talk.requests() == [(UNCOVERED, "세무")]


async def test_expert_command_alone_asks_what_to_forward_without_a_recent_question(
    talk: Talk,
) -> None:
    await talk.chat.say("u1", "안녕하세요")
    [small_talk_only] = await talk.chat.say("u1", "/전문가")
    await talk.chat.say("u1", UNCOVERED)
    talk.wait(minutes=120)
    [stale] = await talk.chat.say("u1", "/전문가")

    assert small_talk_only.text == texts.CH_EXPERT_NEEDS_QUESTION
    assert stale.text == texts.CH_EXPERT_NEEDS_QUESTION
    assert talk.requests() == []
