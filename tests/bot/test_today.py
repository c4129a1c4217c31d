from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.federation import events
from bot.storage.conversation_models import InboundMessage
from bot.storage.difficulty_models import Difficulty
from bot.storage.federation_models import Member
from bot.today import today
from tests.handlers.admin.world import UNSURE, build
from tests.handlers.conftest import NOW


def test_today_lists_unsure_questions_missing_rsvps_new_difficulties_and_failures(
    session_factory: sessionmaker[Session],
) -> None:
    world = build(session_factory)
    with session_factory.begin() as session:
        leader = session.query(Member).filter_by(name="김회장").one()
        [meeting] = events.upcoming(session, now=NOW, limit=1)
        events.set_rsvp(session, event=meeting, member=leader, status="참석", now=NOW)
        session.add(Difficulty(group_id=world.dawn_id, text="판로 개척이 어려워요", created_at=NOW))
        session.add(
            InboundMessage(
                platform="telegram",
                message_key="1",
                user_id="7",
                text="안녕하세요",
                received_at=NOW - timedelta(hours=1),
                status="failed",
            )
        )

    with session_factory() as session:
        seen = today(session, now=NOW, scope=None)
        leaders = today(session, now=NOW, scope=frozenset({world.future_id}))

    assert [q.question for q in seen.unconfident] == [UNSURE]
    [rsvps] = seen.rsvps
    assert (rsvps.title, rsvps.answered, rsvps.missing) == (
        "새벽교류회 12월 정례회",
        1,
        ("박대표",),
    )
    assert [d.text for d in seen.difficulties] == ["판로 개척이 어려워요"]
    assert [(f.kind, f.channel) for f in seen.failed] == [("answer", "telegram")]
    # 미래교류회's admin sees nothing of 새벽교류회, nor the deliveries
    assert (leaders.unconfident, leaders.rsvps, leaders.difficulties, leaders.failed) == (
        [],
        [],
        [],
        [],
    )


def test_an_answer_that_may_not_have_arrived_is_listed_with_the_reason(
    session_factory: sessionmaker[Session],
) -> None:
    build(session_factory)
    with session_factory.begin() as session:
        session.add(  # serve was killed while Telegram was receiving this answer
            InboundMessage(
                platform="telegram",
                message_key="2",
                user_id="7",
                text="회비는요?",
                received_at=NOW - timedelta(minutes=5),
                status="unknown",
            )
        )

    with session_factory() as session:
        seen = today(session, now=NOW, scope=None)

    assert [(f.kind, f.channel, f.reason) for f in seen.failed] == [
        ("answer", "telegram", texts.MTG_OUTCOME_UNKNOWN)
    ]
