from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.difficulties import items, nudges
from bot.schedule import queue
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from tests.bot.schedule.conftest import MEETING, RecordingOutbox, World

PLANNED = MEETING - timedelta(days=20)
PROMPT_TIME = MEETING - timedelta(days=10)
NUDGE_TIME = MEETING - timedelta(days=6)
DIGEST_TIME = MEETING - timedelta(days=3)


async def test_prompt_nudge_and_digest_over_a_meeting_cycle(
    session: Session, session_factory: sessionmaker[Session], world: World
) -> None:
    queue.plan_event(session, world.meeting, now=PLANNED)
    session.commit()
    outbox = RecordingOutbox()
    worker = Dispatcher(session_factory, outbox, compose=MessageComposer())

    await worker.tick(PROMPT_TIME)
    (prompt,) = outbox.texts_to("-1001")
    assert prompt.startswith("[애로사항 나눔] 새벽교류회 여러분, 3월 10일(화) 오후 7시 정례회를")
    _, message = outbox.pushed[0]
    assert message.buttons[0].action == f"diff:share:{world.meeting.id}"

    # 박대표 shares; 김회장 opts out; 이간사 stays silent and gets the one nudge.
    items.share(
        session,
        group_id=world.group.id,
        member_id=world.member.id,
        text="판로 개척이 어려워요",
        now=PROMPT_TIME + timedelta(hours=1),
    )
    nudges.opt_out(session, member_id=world.leader.id, now=PROMPT_TIME)
    session.commit()
    outbox.pushed.clear()
    report = await worker.tick(NUDGE_TIME)
    again = await worker.tick(NUDGE_TIME + timedelta(hours=1))

    assert (report.sent, report.skipped, again.sent) == (1, 2, 0)
    (nudge,) = outbox.texts_to("U0002")
    assert nudge.startswith("이간사님, 3월 10일(화) 오후 7시 정례회 전에")

    outbox.pushed.clear()
    await worker.tick(DIGEST_TIME)
    digests = outbox.texts_to("501") + outbox.texts_to("U0002")
    assert len(digests) == 2
    assert "1. 판로 개척이 어려워요 — 박대표" in digests[0]


def test_opting_out_twice_is_harmless(session: Session, world: World) -> None:
    first = nudges.opt_out(session, member_id=world.member.id, now=MEETING)
    second = nudges.opt_out(session, member_id=world.member.id, now=MEETING)

    assert first == second == "알겠어요. 앞으로 애로사항 안내는 따로 보내 드리지 않을게요."
    assert nudges.nudge_message(session, world.meeting, world.member.id) is None
