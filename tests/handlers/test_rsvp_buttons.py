"""RSVP buttons pressed through the Slack and Kakao skill adapters reach the meeting skills.

Slack: a signed ``block_actions`` payload posted to the Events route, handled by slack-bolt,
the confirmation posted back through the fake Web API. Kakao skill: a quick reply whose
``action.clientExtra.action`` carries the RSVP action, the confirmation in the SkillResponse.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.clock import KST
from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory_sql import SqlDirectory
from bot.federation import events, groups, members
from bot.schedule import rsvp
from bot.storage.event_models import Rsvp
from bot.storage.identity_models import ChatIdentity
from handlers.server import build_server
from handlers.settings import ChannelSettings
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, fake_slack
from tests.handlers.conftest import NOW, running
from tests.handlers.drivers import DRIVER_TYPES, DRIVERS, ButtonDriver, SlackDriver
from tests.scenarios.answerer import FakeAnswerer

CONFIRMED = "참석으로 알려 주셨어요. 12월 8일(화) 오후 7시 새벽교류회 12월 정례회에서 뵐게요!"
ABSENT = "불참으로 기록했어요."


def _club(sessions: sessionmaker[Session], platform: str, user: str) -> tuple[int, int, str]:
    """A group with one linked member and its next 정례회: member id, event id, a "yes" action."""
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        minsu = members.add_member(session, federation=federation, name="김민수", actor="t")
        members.join_group(session, member=minsu, group=group, role="member", actor="t")
        session.add(
            ChatIdentity(
                platform=platform, platform_user_id=user, member_id=minsu.id, status="verified"
            )
        )
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="새벽교류회 12월 정례회",
            starts_at=datetime(2026, 12, 8, 19, 0, tzinfo=KST),
            place=None,
            agenda=None,
            actor="t",
        )
        return minsu.id, meeting.id, rsvp.rsvp_action(meeting, "yes")


def _bot(sessions: sessionmaker[Session], log: ConversationLog) -> Bot:
    return Bot(
        answerer=FakeAnswerer(),
        directory=SqlDirectory(sessions),
        log=log,
        clock=lambda: NOW,
    )


def _answers(sessions: sessionmaker[Session]) -> list[tuple[int | None, str]]:
    with sessions() as session:
        return [(r.member_id, r.status) for r in session.scalars(select(Rsvp))]


@pytest.mark.parametrize("channel", ["slack", "kakao_skill"])
async def test_an_rsvp_press_is_recorded_and_confirmed(
    channel: str, sessions: sessionmaker[Session], log: ConversationLog
) -> None:
    member = DRIVER_TYPES[channel].member
    member_id, _, action = _club(sessions, member.platform, member.user)

    async with DRIVERS[channel](_bot(sessions, log)) as driver:
        assert isinstance(driver, ButtonDriver)
        await driver.press(action)
        received = [driver.plain(piece) for piece in driver.pieces()]

    assert received == [CONFIRMED]
    assert _answers(sessions) == [(member_id, "참석")]


@pytest.mark.parametrize("channel", ["slack", "kakao_skill"])
async def test_pressing_again_changes_the_answer(
    channel: str, sessions: sessionmaker[Session], log: ConversationLog
) -> None:
    member = DRIVER_TYPES[channel].member
    member_id, _, action = _club(sessions, member.platform, member.user)

    async with DRIVERS[channel](_bot(sessions, log)) as driver:
        assert isinstance(driver, ButtonDriver)
        await driver.press(action)
        await driver.press(action.removesuffix(":yes") + ":no")
        received = [driver.plain(piece) for piece in driver.pieces()]

    assert received[0] == CONFIRMED
    assert received[1].startswith(ABSENT)
    assert _answers(sessions) == [(member_id, "불참")]


@pytest.mark.parametrize("channel", ["slack", "kakao_skill"])
async def test_an_unlinked_member_is_asked_to_link_first(
    channel: str, sessions: sessionmaker[Session], log: ConversationLog
) -> None:
    _, _, action = _club(sessions, DRIVER_TYPES[channel].member.platform, "someone-else")

    async with DRIVERS[channel](_bot(sessions, log)) as driver:
        assert isinstance(driver, ButtonDriver)
        await driver.press(action)
        received = [driver.plain(piece) for piece in driver.pieces()]

    assert received == [texts.MTG_NOT_LINKED]
    assert _answers(sessions) == []


async def test_slack_posts_the_confirmation_in_the_pressed_message_thread(
    sessions: sessionmaker[Session], log: ConversationLog
) -> None:
    member_id, _, action = _club(sessions, "slack", SlackDriver.member.user)
    with fake_slack() as api:
        config = ChannelSettings(
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_BASE_URL=api.base_url + "/api/",
        )
        app = build_server(_bot(sessions, log), config, channels=("handlers.slack",))
        async with running(app) as client:
            await SlackDriver(app, client, api.posted).press(action)
        [post] = api.posted()

    # block_action.json: pressed in C0SECRETARIAT under a message in thread 1764061200.000100.
    assert (post["channel"], post["thread_ts"]) == ("C0SECRETARIAT", "1764061200.000100")
    assert post["text"] == CONFIRMED
    assert _answers(sessions) == [(member_id, "참석")]
    # The reminder message itself is updated in place with the answers so far.
    [update] = api.calls("/chat.update")
    assert update["channel"] == "C0SECRETARIAT"
    assert update["ts"] == "1764061201.000300"  # the pressed message's ts in block_action.json
    assert "지금까지 응답: 참석 1명" in update["text"]
