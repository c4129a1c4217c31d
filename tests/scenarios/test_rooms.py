"""Transcripts in group rooms: when the bot speaks up, and redelivered messages."""

from __future__ import annotations

import logging

import pytest

from bot.core import Bot
from handlers.memory import MemoryChannel
from tests.scenarios.answerer import FakeAnswerer


async def test_in_a_group_the_bot_answers_only_when_addressed(chat: MemoryChannel) -> None:
    chatter = await chat.say("u1", "오늘 회의 몇 시죠?", room="g1")
    mentioned = await chat.say("u1", "연회비는 얼마인가요?", room="g1", mentioned=True)
    commanded = await chat.say("u1", "/질문 연회비는 얼마인가요?", room="g1")

    assert chatter == []
    assert mentioned[0].text.startswith("연회비는 60만 원")
    assert commanded[0].text.startswith("연회비는 60만 원")


async def test_a_quiet_room_hears_only_commands(chat: MemoryChannel) -> None:
    mentioned = await chat.say("u1", "연회비는?", room="quiet-room", mentioned=True)
    commanded = await chat.say("u1", "/도움말", room="quiet-room")

    assert mentioned == []
    assert len(commanded) == 1


async def test_an_open_room_hears_everything(chat: MemoryChannel) -> None:
    [reply] = await chat.say("u1", "연회비는 얼마인가요?", room="open-room")

    assert reply.text.startswith("연회비는 60만 원")


async def test_a_group_only_sees_what_the_room_may_see(
    chat: MemoryChannel, answerer: object
) -> None:
    await chat.say("u1", "/연결 ABCD-EFGH")
    await chat.say("u1", "회원 지원사업은?", room="g1", mentioned=True)

    from tests.scenarios.answerer import FakeAnswerer

    assert isinstance(answerer, FakeAnswerer)
    assert answerer.asked[-1][1] == frozenset({"public"})


async def test_a_redelivered_message_is_answered_once_and_the_drop_is_logged(
    chat: MemoryChannel, caplog: pytest.LogCaptureFixture
) -> None:
    first = await chat.say("u1", "연회비는 얼마인가요?", message_id="upd-7")
    with caplog.at_level(logging.INFO, logger="bot.conversation"):
        again = await chat.say("u1", "연회비는 얼마인가요?", message_id="upd-7")

    assert len(first) == 1
    assert again == []
    assert "redelivery of memory message upd-7" in caplog.text


async def test_another_message_under_an_id_already_used_is_answered(
    chat: MemoryChannel, answerer: FakeAnswerer, caplog: pytest.LogCaptureFixture
) -> None:
    await chat.say("u1", "연회비는 얼마인가요?", message_id="1")
    with caplog.at_level(logging.WARNING, logger="bot.conversation"):
        [later] = await chat.say("u2", "회비 납부 기한은요?", message_id="1")
    [sources] = await chat.say("u2", "/출처")

    assert later.text.startswith("연회비는 60만 원")
    assert [question for question, _ in answerer.asked] == [
        "연회비는 얼마인가요?",
        "회비 납부 기한은요?",
    ]
    assert "message id 1 was already used" in caplog.text
    assert "한빛연합회 정관" in sources.text  # its answer was saved against the right message


async def test_every_message_of_the_memory_channel_gets_its_own_id(bot: Bot) -> None:
    # Two channels stand for two console sessions on one data directory.
    first, second = MemoryChannel(bot, name="console"), MemoryChannel(bot, name="console")

    assert len(await first.say("local", "연회비는 얼마인가요?")) == 1
    assert len(await second.say("local", "연회비는 얼마인가요?")) == 1
