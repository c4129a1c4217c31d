"""What the secretariat sees in ``gaps``, and relays that survive a failed send or a crash."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot import texts
from bot.delivery import DeliveryError
from bot.messages import Address, OutgoingMessage
from bot.routing import gaps
from bot.schedule.compose import MessageComposer
from bot.schedule.dispatcher import Dispatcher
from tests.bot.routing.desk import KIM, MEMBER, UNCOVERED, Desk, only


async def test_gaps_lists_unanswered_low_rated_and_overdue(desk: Desk) -> None:
    [weak] = await desk.chat.say(MEMBER, UNCOVERED)
    await desk.chat.press(MEMBER, weak.buttons[-1])  # ticket 1, answered and rated 부족해요
    await desk.chat.say(MEMBER, "/전문가 부가세 환급은 언제 들어오나요?")  # ticket 2, left waiting
    await desk.chat.say(KIM, "/답변 1 8월 31일까지예요.")
    answer = only(await desk.deliver(), MEMBER)
    [weak_rating] = await desk.chat.press(MEMBER, answer.buttons[1])

    with desk.sessions() as session:
        now = gaps.gaps(session, now=desk.clock[0])
        later = gaps.gaps(session, now=desk.clock[0] + timedelta(days=7))

    assert weak_rating.text == texts.RT_RATED_WEAK
    assert [(q["question"], q["field"]) for q in now["unanswered"]] == [(UNCOVERED, "세무")]
    assert [(r["kind"], r["id"]) for r in now["low_rated"]] == [("ticket", 1)]
    assert now["overdue"] == []
    assert [t["id"] for t in later["overdue"]] == [2]


@dataclass
class Flaky:
    """An outbox whose first ``failures`` sends fail, then delivers like the channel."""

    desk: Desk
    failures: int
    sent: list[tuple[Address, OutgoingMessage]] = field(default_factory=list)

    async def push(self, to: Address, message: OutgoingMessage) -> None:
        if self.failures:
            self.failures -= 1
            raise DeliveryError("platform hiccup")
        self.sent.append((to, message))


async def test_an_answer_whose_first_send_fails_reaches_the_member_exactly_once(
    desk: Desk,
) -> None:
    await desk.chat.say(MEMBER, f"/전문가 {UNCOVERED}")
    await desk.deliver()
    await desk.chat.say(KIM, "/답변 1 8월 31일까지예요.")
    # The process that took the answer stops here; a new one starts with a flaky platform.
    flaky = Flaky(desk, failures=1)
    dispatcher = Dispatcher(desk.sessions, flaky, MessageComposer())

    first = await dispatcher.tick(desk.clock[0])
    desk.wait(minutes=5)
    second = await dispatcher.tick(desk.clock[0])
    desk.wait(minutes=5)
    third = await dispatcher.tick(desk.clock[0])

    assert (first.retried, second.sent, third.sent) == (1, 1, 0)
    [(to, message)] = flaky.sent
    assert to.user == MEMBER
    assert "8월 31일까지예요." in message.text
