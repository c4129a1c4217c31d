"""Asking: small talk is answered in kind and not kept, an English question is asked for in Korean.

The real document answerer and conversation log, reached through the in-memory channel.
"""

from __future__ import annotations

import pytest

from bot import texts
from tests.bot.skills.talk import Talk


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("고마워요!", texts.TALK_THANKS),
        ("안녕하세요~", texts.TALK_GREETING),
        ("안녕히 계세요", texts.TALK_GOODBYE),
        ("감사합니다, 수고하세요", texts.TALK_THANKS_BYE),
    ],
)
async def test_small_talk_gets_a_fitting_reply_and_is_not_kept_as_a_question(
    talk: Talk, said: str, reply: str
) -> None:
    [answer] = await talk.chat.say("u1", said)

    assert answer.text == reply
    assert answer.buttons == ()
    assert talk.saved_answers() == 0
    assert talk.searcher.queries == []


async def test_an_english_question_is_asked_for_in_korean_without_an_expert_offer(
    talk: Talk,
) -> None:
    [reply] = await talk.chat.say("u1", "When is the regular meeting?")
    [yes] = await talk.chat.say("u1", "yes")

    assert reply.text == texts.TALK_KOREAN_ONLY
    assert reply.buttons == ()
    assert yes.text == texts.TALK_ACK
    assert talk.requests() == []
