"""The field of a ticket guessed by the configured chat model (the local fake OpenAI server),
with the offline guess when the model fails or answers nonsense."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.routing import fields
from knowledge.settings import KnowledgeSettings
from tests.bot.routing.desk import MEMBER, UNCOVERED, Desk, make_desk
from tests.fakes.openai_server import FakeOpenAI, Mode, serve_fake_openai

NO_KEYWORD = "외국인 직원 체류 연장 서류가 궁금해요"  # offline: 기타


@pytest.fixture
def model(request: pytest.FixtureRequest) -> Iterator[FakeOpenAI]:
    mode: Mode = getattr(request, "param", "cited")
    with serve_fake_openai(mode) as server:
        yield server


def desk_with(sessions: sessionmaker[Session], model: FakeOpenAI) -> Desk:
    settings = KnowledgeSettings(GYORYU_CHAT_MODEL="fake-model", OPENAI_BASE_URL=model.base_url)
    return make_desk(sessions, field_guesser=fields.model_guesser(settings))


async def test_the_model_picks_the_field_the_keywords_miss(
    session_factory: sessionmaker[Session], model: FakeOpenAI
) -> None:
    model.reply = "노무"
    desk = desk_with(session_factory, model)

    [receipt] = await desk.chat.say(MEMBER, f"/전문가 {NO_KEYWORD}")

    assert "분야: 노무" in receipt.text
    assert desk.ticket(1).field == "노무"
    assert NO_KEYWORD in model.requests[-1]["body"]["messages"][-1]["content"]


@pytest.mark.parametrize("reply", ["잘 모르겠어요", "세무 또는 법률", "기타"])
async def test_nonsense_or_no_opinion_leaves_the_offline_guess(
    session_factory: sessionmaker[Session], model: FakeOpenAI, reply: str
) -> None:
    model.reply = reply
    desk = desk_with(session_factory, model)

    [receipt] = await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")

    assert "분야: 세무" in receipt.text
    assert len(model.requests) == 1  # the model was asked


@pytest.mark.parametrize("model", ["error"], indirect=True)
async def test_a_failing_model_leaves_the_offline_guess(
    session_factory: sessionmaker[Session], model: FakeOpenAI
) -> None:
    desk = desk_with(session_factory, model)

    [receipt] = await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")

    assert "분야: 세무" in receipt.text


def test_no_model_configured_means_no_guesser() -> None:
    assert fields.model_guesser(KnowledgeSettings(GYORYU_CHAT_MODEL=None)) is None
