"""A new chat feature is one skill module: a throw-away ``/파트너`` skill, registered in a fresh
registry beside the real asking skill, is driven through the memory channel with its command,
its button and its dialog step, without any change to the core."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import Caller, MemoryDirectory, Person
from bot.messages import Address, Button, IncomingMessage, OutgoingMessage
from bot.skills import Registry, Skill, SkillConflictError, Turn, ask, reply
from handlers.memory import MemoryChannel
from tests.scenarios.answerer import FakeAnswerer

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

partners = Skill("partners", menu=(Button("파트너 찾기", "partner:menu"),))
seen: list[tuple[str, str, int | None]] = []


@partners.command("파트너", "partner")
def find(turn: Turn) -> list[OutgoingMessage]:
    seen.append(("command", turn.argument, turn.caller.member_id))
    return reply(f"'{turn.argument}' 파트너를 찾았어요.", Button("소개 요청", "partner:intro:7"))


@partners.button("partner:intro")
def intro(turn: Turn) -> list[OutgoingMessage]:
    seen.append(("button", turn.argument, turn.caller.member_id))
    turn.services.dialog.ask(turn.address, "partner:why", turn.argument, turn.now)
    return reply("소개를 요청하는 이유를 적어 주세요.")


@partners.step("partner:why", ttl=timedelta(minutes=5))
def why(turn: Turn) -> list[OutgoingMessage]:
    seen.append(("step", turn.argument, turn.caller.member_id))
    return reply(f"{turn.argument}번 회원에게 전할게요: {turn.message.text}")


@pytest.fixture
def chat(session_factory: sessionmaker[Session]) -> tuple[MemoryChannel, list[datetime]]:
    seen.clear()
    clock = [NOW]
    directory = MemoryDirectory(
        accounts={("memory", "u1"): Person(41, "김대표")},
        rooms={("memory", "room-1"): Caller(answer_mode="mention")},
    )
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=directory,
        log=ConversationLog(session_factory),
        clock=lambda: clock[0],
        skills=Registry([ask.skill, partners]),
    )
    return MemoryChannel(bot, clock=lambda: clock[0]), clock


async def test_a_new_skill_answers_its_command_button_and_step(
    chat: tuple[MemoryChannel, list[datetime]],
) -> None:
    channel, _ = chat
    [found] = await channel.say("u1", "/파트너 금형")
    [asked] = await channel.press("u1", found.buttons[0])
    [done] = await channel.say("u1", "공동 수주를 의논하고 싶어요")
    [question] = await channel.say("u1", "연회비는 얼마인가요?")

    assert found.text == "'금형' 파트너를 찾았어요."
    assert asked.text == "소개를 요청하는 이유를 적어 주세요."
    assert done.text == "7번 회원에게 전할게요: 공동 수주를 의논하고 싶어요"
    assert question.text.startswith("연회비는 60만 원")  # the step took one message only
    # The caller was identified for the skill: the linked member, on every turn.
    assert seen == [("command", "금형", 41), ("button", "7", 41), ("step", "7", 41)]


async def test_a_step_lapses_after_its_own_time_out(
    chat: tuple[MemoryChannel, list[datetime]],
) -> None:
    channel, clock = chat
    await channel.press("u1", Button("소개 요청", "partner:intro:7"))
    clock[0] += timedelta(minutes=6)

    [reply_] = await channel.say("u1", "연회비는 얼마인가요?")

    assert reply_.text.startswith("연회비는 60만 원")
    assert [kind for kind, _, _ in seen] == ["button"]


async def test_in_a_room_the_step_makes_the_next_message_addressed(
    chat: tuple[MemoryChannel, list[datetime]],
) -> None:
    channel, _ = chat
    assert await channel.say("u1", "다들 점심 드셨어요?", room="room-1") == []

    await channel.press("u1", Button("소개 요청", "partner:intro:3"), room="room-1")
    [done] = await channel.say("u1", "협력 제안이요", room="room-1")

    assert done.text == "3번 회원에게 전할게요: 협력 제안이요"


async def test_unknown_commands_buttons_and_prefix_lookalikes(
    chat: tuple[MemoryChannel, list[datetime]],
) -> None:
    channel, _ = chat
    [stale] = await channel.press("u1", Button("?", "partnerx:1"))
    [old] = await channel.press("u1", Button("?", "ex:5"))  # the expert skill is not registered
    [asked] = await channel.say("u1", "/도움말 연회비는?")  # nor is help: a question then

    assert stale.text == texts.CH_UNKNOWN_BUTTON
    assert old.text == texts.CH_UNKNOWN_BUTTON
    assert asked.text.startswith("연회비는 60만 원")
    assert seen == []


def test_a_command_prefix_or_step_has_one_owner() -> None:
    registry = Registry([partners])
    rival = Skill("rival")
    rival.command("파트너")(find)

    with pytest.raises(SkillConflictError, match="파트너"):
        registry.add(rival)
    chatty = Skill("chatty")
    chatty.text()(find)
    with pytest.raises(SkillConflictError, match="free text"):
        Registry([ask.skill, chatty])


def test_routing_is_decided_once_by_the_longest_prefix() -> None:
    registry = Registry([partners])

    def route(action: str) -> tuple[str, str]:
        message = IncomingMessage("1", Address("memory", "u1"), "", NOW, action=action)
        found = registry.route(message)
        return found.handler.__name__, found.argument

    assert route("partner:intro:7") == ("intro", "7")
    assert route("partner:intro") == ("intro", "")
    assert route("partner") == ("_stale_button", "partner")
    assert registry.menu == (Button("파트너 찾기", "partner:menu"),)


async def test_a_step_no_skill_owns_any_more_does_not_swallow_a_message(
    chat: tuple[MemoryChannel, list[datetime]],
) -> None:
    channel, _ = chat
    channel.bot.services.dialog.ask(channel.address("u1"), "retired:kind", "1", NOW)

    [answer] = await channel.say("u1", "연회비는 얼마인가요?")

    assert answer.text.startswith("연회비는 60만 원")
