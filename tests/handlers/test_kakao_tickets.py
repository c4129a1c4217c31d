"""전문가 상담 for a KakaoTalk 1:1 member, whom the bot cannot write to first: the answer waits
and goes out with the reply to their next message (or when they press 답변 확인), through the
real skill endpoint."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette

from bot import texts
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.lifecycle import Runner
from bot.outbox import Postman
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.storage.schedule_models import ScheduledMessage
from handlers import wiring
from handlers.base import ChannelContext
from handlers.kakao_skill import SECRET_HEADER, build
from handlers.memory import MemoryChannel
from handlers.settings import ChannelSettings
from tests.handlers.conftest import NOW
from tests.handlers.ticket_desk import seat
from tests.scenarios.answerer import FakeAnswerer

PAYLOAD = Path(__file__).resolve().parents[1] / "payloads" / "kakao" / "text_message.json"
SECRET = "skill-secret-for-tests"
ADVISOR = "a1"
ANSWER = "8월 31일까지 직전 사업연도 법인세의 절반을 내시면 돼요."


def said(text: str) -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(json.loads(PAYLOAD.read_text(encoding="utf-8")))
    body["userRequest"]["utterance"] = text
    return body


def pressed(label: str, action: str) -> dict[str, Any]:
    body = said(label)
    body["action"]["clientExtra"] = {"action": action}
    return body


def bubbles(response: dict[str, Any]) -> list[str]:
    return [o["simpleText"]["text"] for o in response["template"]["outputs"]]


def labels(response: dict[str, Any]) -> list[str]:
    return [r["label"] for r in response["template"].get("quickReplies", [])]


@pytest.mark.parametrize("failed_before", ["", "UndeliverableError: kakao"])
async def test_the_answer_waits_for_the_kakao_members_next_message(
    sessions: sessionmaker[Session], log: ConversationLog, failed_before: str
) -> None:
    """``failed_before``: a row that failed as rows did before their reason was Korean."""
    body = said("")
    member = body["userRequest"]["user"]["id"]
    seat(sessions, "kakao", member=member, advisor=ADVISOR, advisor_platform="memory")
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=SqlDirectory(sessions),
        log=log,
        clock=lambda: NOW,
        pull_only=wiring.PULL_ONLY,
    )
    settings = ChannelSettings(kakao_skill_secret=SecretStr(SECRET), max_body_bytes=16_384)
    skill = build(ChannelContext(runner=Runner(bot), settings=settings))
    advisor = MemoryChannel(bot, clock=lambda: NOW)
    postman = Postman()
    postman.register("kakao", skill)
    postman.register("memory", advisor)
    dispatcher = Dispatcher(sessions, postman, MessageComposer())
    await skill.start()
    transport = httpx.ASGITransport(app=Starlette(routes=skill.routes()))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://gyoryu") as client:

            async def say(body: dict[str, Any]) -> dict[str, Any]:
                response = await client.post(
                    "/kakao/skill", json=body, headers={SECRET_HEADER: SECRET}
                )
                assert response.status_code == 200
                result: dict[str, Any] = response.json()
                return result

            receipt = await say(said("/전문가 법인세 중간예납은 언제 하나요?"))
            await dispatcher.tick(NOW)
            await advisor.say(ADVISOR, f"/답변 1 {ANSWER}")
            report = await dispatcher.tick(NOW)
            if failed_before:
                with sessions.begin() as session:
                    session.execute(update(ScheduledMessage).values(last_error=failed_before))
            next_turn = await say(said("연회비는 얼마인가요?"))
            after = await say(said("연회비는 얼마인가요?"))
            checked = await say(pressed(texts.RT_BUTTON_CHECK, "tk:see:1"))
    finally:
        await skill.stop()

    assert "전문가 상담 #1로 접수했어요" in bubbles(receipt)[0]
    assert texts.RT_BUTTON_CHECK in labels(receipt)
    assert report.failed == 1  # Kakao would not take the answer unprompted
    assert len(bubbles(next_turn)) == 2
    assert bubbles(next_turn)[0].startswith("연회비는")  # the reply to what was asked
    assert ANSWER in bubbles(next_turn)[1]  # then the answer that was waiting
    assert texts.RT_BUTTON_GOOD in labels(next_turn)
    assert not any(ANSWER in text for text in bubbles(after))  # handed over once
    assert ANSWER in bubbles(checked)[0]  # and still there on request
