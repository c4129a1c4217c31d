from __future__ import annotations

import asyncio
import threading
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.delivery import OutcomeUnknownError, PermanentDeliveryError, UndeliverableError
from bot.federation import events, rooms
from bot.messages import Address, OutgoingMessage
from bot.schedule import queue
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from bot.secretariat.events import EventBoard, event_board
from bot.storage.schedule_models import ScheduledMessage
from tests.bot.schedule.conftest import MEETING, RecordingOutbox, World

WEEK_BEFORE = MEETING - timedelta(days=7)
TWO_HOURS_BEFORE = MEETING - timedelta(hours=2)


def no_holidays(_day: date) -> bool:
    return False


def dispatcher(sessions: sessionmaker[Session], outbox: object, **options: object) -> Dispatcher:
    return Dispatcher(sessions, outbox, compose=MessageComposer(), **options)  # type: ignore[arg-type]


def reminders_only(session: Session, world: World) -> None:
    world.meeting.kind = "세미나"  # no 애로사항 sends: the reminders alone are easier to follow
    queue.plan_event(session, world.meeting, now=WEEK_BEFORE - timedelta(days=1))
    session.commit()


def board_of(session: Session, world: World) -> EventBoard:
    session.expire_all()
    return event_board(session, event_id=world.meeting.id)


def states(session: Session) -> dict[str, list[str]]:
    session.expire_all()
    found: dict[str, list[str]] = {}
    for row in session.scalars(select(ScheduledMessage).order_by(ScheduledMessage.id)):
        found.setdefault(row.state, []).append(f"{row.key.rsplit(':', 1)[1]}@{row.platform}")
    return found


async def test_a_due_reminder_goes_to_every_room_once(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    worker = dispatcher(session_factory, outbox)

    first = await worker.tick(WEEK_BEFORE)
    second = await worker.tick(WEEK_BEFORE + timedelta(minutes=1))

    assert (first.sent, second.sent) == (2, 0)
    (text,) = outbox.texts_to("-1001")
    assert text.startswith("[모임 안내] 새벽교류회 3월 정례회가 일주일 뒤 열려요.")
    assert "· 일시: 3월 10일(화) 오후 7시" in text
    assert "· 장소: 수원컨벤션센터 3층" in text
    _, message = outbox.pushed[0]
    assert [b.label for b in message.buttons] == ["참석", "불참", "미정", "대리참석"]
    assert all(len(b.action.encode()) < 40 for b in message.buttons)


async def test_after_downtime_sends_within_grace_go_and_older_ones_are_missed(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)

    # Down from before the 7-day reminder until an hour after the day-before one.
    report = await dispatcher(session_factory, outbox).tick(MEETING - timedelta(hours=23))

    assert report.sent == 2
    assert report.missed == 2
    assert states(session)["missed"] == ["7d@telegram", "7d@slack"]
    assert sorted(states(session)["sent"]) == ["1d@slack", "1d@telegram"]
    assert all("내일" in text for text in outbox.texts_to("C0001"))


async def test_no_reminder_ever_goes_out_after_the_meeting_started(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)

    report = await dispatcher(session_factory, outbox).tick(MEETING + timedelta(minutes=1))

    assert report.sent == 0
    assert outbox.pushed == []
    assert set(states(session)) == {"missed"}


async def test_the_two_hour_reminder_has_a_thirty_minute_grace(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    worker = dispatcher(session_factory, outbox)
    await worker.tick(MEETING - timedelta(hours=23))  # the day-before ones
    outbox.pushed.clear()

    report = await worker.tick(TWO_HOURS_BEFORE + timedelta(minutes=31))

    assert (report.sent, report.missed) == (0, 2)


async def test_transient_errors_are_retried_with_back_off(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    worker = dispatcher(session_factory, outbox)
    outbox.fail["C0001"] = ConnectionError("slack 503")

    first = await worker.tick(WEEK_BEFORE)
    early = await worker.tick(WEEK_BEFORE + timedelta(seconds=30))
    del outbox.fail["C0001"]
    later = await worker.tick(WEEK_BEFORE + timedelta(minutes=1))

    assert (first.sent, first.retried) == (1, 1)
    assert (early.sent, early.retried) == (0, 0)  # backing off for a minute
    assert later.sent == 1
    assert len(outbox.texts_to("C0001")) == len(outbox.texts_to("-1001")) == 1
    session.expire_all()
    row = session.scalars(
        select(ScheduledMessage).where(
            ScheduledMessage.platform == "slack", ScheduledMessage.key.endswith(":7d")
        )
    ).one()
    assert row.attempts == 2


async def test_a_room_that_removed_the_bot_is_failed_and_listed_for_the_secretariat(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    outbox.fail["-1001"] = PermanentDeliveryError("Forbidden: bot was kicked from the group chat")
    worker = dispatcher(session_factory, outbox)

    report = await worker.tick(WEEK_BEFORE)
    again = await worker.tick(WEEK_BEFORE + timedelta(hours=1))

    assert (report.sent, report.failed, again.sent, again.failed) == (1, 1, 0, 0)
    (failed,) = queue.failed_messages(session)
    assert (failed.platform, failed.conversation) == ("telegram", "-1001")
    assert queue.failures_report(session).splitlines() == [
        "보내지 못한 예약 메시지가 1건 있어요. 건마다 적힌 사유를 보고 조치해 주세요.",
        "· 3월 3일(화) 오후 7시 telegram -1001 (reminder): "
        "봇이 대화방에서 내보내졌거나 대화방에 없어요. "
        "대화방에 봇을 다시 초대해 주시면 다음 메시지부터 전해져요.",
        # the platform's words, for whoever looks into it, below the reason
        "  기술 정보: PermanentDeliveryError: Forbidden: bot was kicked from the group chat",
    ]


async def test_a_room_no_running_channel_reaches_is_failed_with_a_korean_reason(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    outbox.fail["-1001"] = UndeliverableError("telegram")
    worker = dispatcher(session_factory, outbox)

    report = await worker.tick(WEEK_BEFORE)

    assert report.failed == 1
    (failed,) = queue.failed_messages(session)
    assert failed.last_error == texts.MTG_NO_CHANNEL
    assert "Error" not in queue.failures_report(session)


def test_no_failures_is_said_plainly(session: Session, world: World) -> None:
    assert queue.failures_report(session) == "보내지 못한 예약 메시지가 없어요."


async def test_giving_up_after_too_many_transient_errors(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    outbox.fail["C0001"] = TimeoutError("read timeout")
    worker = dispatcher(session_factory, outbox, max_attempts=3)

    for minutes in (0, 1, 3, 7):
        await worker.tick(WEEK_BEFORE + timedelta(minutes=minutes))

    assert [r.attempts for r in queue.failed_messages(session)] == [3]
    assert queue.failures_report(session).splitlines()[1:] == [
        f"· 3월 3일(화) 오후 7시 slack C0001 (reminder): {texts.MTG_REASON_GAVE_UP}",
        "  기술 정보: TimeoutError: read timeout",
    ]


async def test_a_send_waiting_for_another_try_says_it_will_be_retried(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    outbox.fail["C0001"] = ConnectionError("slack 503")

    await dispatcher(session_factory, outbox).tick(WEEK_BEFORE)

    (board,) = [s for s in board_of(session, world).sends if s.error]
    assert (board.state, board.error) == ("pending", texts.MTG_REASON_RETRYING)
    assert board.detail == "ConnectionError: slack 503"


async def test_a_send_that_may_have_arrived_is_listed_in_korean_with_the_platforms_words_apart(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    outbox.fail["-1001"] = OutcomeUnknownError("telegram: Timed out")

    await dispatcher(session_factory, outbox).tick(WEEK_BEFORE)

    assert queue.failures_report(session).splitlines()[1:] == [
        f"· 3월 3일(화) 오후 7시 telegram -1001 (reminder): {texts.MTG_OUTCOME_UNKNOWN}",
        "  기술 정보: OutcomeUnknownError: telegram: Timed out",
    ]


class Killed(BaseException):
    """Stands for the process dying: nothing below catches it."""


class DyingOutbox(RecordingOutbox):
    """Delivers ``survive`` messages, then the process dies during the next push."""

    def __init__(self, survive: int) -> None:
        super().__init__()
        self.survive = survive

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        if len(self.pushed) == self.survive:
            raise Killed
        await super().push(to, message)


async def test_a_process_killed_mid_batch_loses_nothing_and_resends_nothing(
    session: Session, session_factory: sessionmaker[Session], world: World
) -> None:
    world.meeting.kind = "세미나"
    for n in range(4):  # four more rooms: six reminders due at once
        rooms.attach_room(
            session, platform="telegram", chat_id=f"-20{n}", group=world.group, actor="t"
        )
    reminders_only(session, world)
    dying = DyingOutbox(survive=3)

    with pytest.raises(Killed):
        await dispatcher(session_factory, dying).tick(WEEK_BEFORE)
    assert len(states(session)["sent"]) == 3
    assert len(states(session)["sending"]) == 1  # claimed, never delivered

    survivor = RecordingOutbox()
    during_lease = await dispatcher(session_factory, survivor).tick(
        WEEK_BEFORE + timedelta(seconds=30)
    )
    after_lease = await dispatcher(session_factory, survivor).tick(
        WEEK_BEFORE + timedelta(seconds=61)  # a crashed worker's row resumes within a minute
    )

    assert (during_lease.sent, after_lease.sent) == (2, 1)
    delivered = [to.conversation for to, _ in dying.pushed + survivor.pushed]
    assert len(delivered) == len(set(delivered)) == 6
    assert "sending" not in states(session)
    assert len(states(session)["sent"]) == 6


class HeldOutbox(RecordingOutbox):
    """A platform that holds the first send until released (slower than any lease)."""

    def __init__(self) -> None:
        super().__init__()
        self.receiving = asyncio.Event()
        self.release = asyncio.Event()

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        await super().push(to, message)
        if not self.release.is_set():
            self.receiving.set()
            await self.release.wait()


class Clock:
    """A worker's clock, moved by the test (it measures how long the send has run)."""

    def __init__(self) -> None:
        self.now = WEEK_BEFORE

    def __call__(self) -> datetime:
        return self.now


def lease_until(sessions: sessionmaker[Session]) -> datetime | None:
    with sessions() as fresh:
        return fresh.scalar(
            select(ScheduledMessage.lease_until).where(ScheduledMessage.state == "sending")
        )


async def test_a_send_slower_than_the_lease_is_not_taken_by_another_worker(
    session: Session, session_factory: sessionmaker[Session], world: World
) -> None:
    reminders_only(session, world)  # one reminder for each of the group's two rooms
    lease = timedelta(seconds=0.3)  # renewed every 0.1 s while the send runs
    clock, slow = Clock(), HeldOutbox()
    first = Dispatcher(session_factory, slow, compose=MessageComposer(), lease=lease, clock=clock)
    sending = asyncio.create_task(first.tick(WEEK_BEFORE))
    await slow.receiving.wait()

    clock.now = WEEK_BEFORE + timedelta(minutes=10)  # the send has been running ten minutes
    later = WEEK_BEFORE + timedelta(minutes=5)
    for _ in range(600):  # until the renewal lands (a guard, not a measurement)
        held = lease_until(session_factory)
        if held is not None and held > later:
            break
        await asyncio.sleep(0.05)
    other = RecordingOutbox()
    taken = await dispatcher(session_factory, other, lease=lease).tick(later)
    slow.release.set()
    await sending

    delivered = [to.conversation for to, _ in slow.pushed + other.pushed]
    assert sorted(delivered) == ["-1001", "C0001"]  # each room once: the held one not taken
    assert taken.sent == 1
    assert "sending" not in states(session)


async def test_nothing_is_composed_for_a_deleted_event(
    session: Session, session_factory: sessionmaker[Session], world: World, outbox: RecordingOutbox
) -> None:
    reminders_only(session, world)
    events.remove_event(session, world.meeting, actor="test")
    session.commit()

    report = await dispatcher(session_factory, outbox).tick(WEEK_BEFORE)

    assert outbox.pushed == []
    assert report.skipped == 2


@pytest.mark.postgres
async def test_two_workers_on_postgresql_send_every_row_exactly_once(
    migrated_database_url: str,
    session: Session,
    session_factory: sessionmaker[Session],
    world: World,
) -> None:
    if not migrated_database_url.startswith("postgresql"):
        pytest.skip("concurrent workers need PostgreSQL's row locks")
    for n in range(60):
        rooms.attach_room(
            session, platform="slack", chat_id=f"C9{n:03}", group=world.group, actor="t"
        )
    reminders_only(session, world)
    outboxes = [RecordingOutbox(), RecordingOutbox()]

    def work(outbox: RecordingOutbox) -> None:
        from bot.storage.db import make_engine

        engine = make_engine(migrated_database_url)
        try:
            worker = Dispatcher(sessionmaker(engine), outbox, compose=MessageComposer())
            asyncio.run(worker.tick(WEEK_BEFORE))
        finally:
            engine.dispose()

    threads = [threading.Thread(target=work, args=(box,)) for box in outboxes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    delivered = [to.conversation for box in outboxes for to, _ in box.pushed]
    assert len(delivered) == len(set(delivered)) == 62
    assert len(states(session)["sent"]) == 62
    assert "sending" not in states(session)
