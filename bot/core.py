"""The neutral core: an incoming message goes in, the replies come out.

The core imports no platform SDK and never sends anything itself; adapters deliver the replies
it returns. A message is recorded by :meth:`Bot.receive` before the platform is acknowledged,
answered by :meth:`Bot.respond` and settled once the reply went out, so a crash in between is
caught up by :meth:`Bot.recover` on the next start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from bot import smalltalk, texts
from bot.answers import Citation, QaAnswer, QuestionAnswerer
from bot.clock import Clock, utcnow
from bot.commands import (
    EXPERT_PREFIX,
    SCHEDULE_ACTION,
    Command,
    expert_action,
    feedback_action,
    is_command,
    parse,
)
from bot.conversation import ConversationLog, SavedAnswer
from bot.dialog import DialogSteps
from bot.directory import Caller, Directory, LinkRefusedError
from bot.messages import Address, Button, IncomingMessage, Link, OutgoingMessage

if TYPE_CHECKING:
    from bot.meetings import Meetings

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000
# A question older than this when the server comes back is apologised for, not answered late.
LATE_ANSWER_GRACE = timedelta(minutes=30)
# "/전문가" alone forwards the last question only while the conversation is still about it.
EXPERT_RECENT_QUESTION = timedelta(hours=1)

Deliver = Callable[[Address, OutgoingMessage], Awaitable[None]]


class Bot:
    """Answers members' messages with the injected answerer, directory and conversation log."""

    def __init__(
        self,
        *,
        answerer: QuestionAnswerer,
        directory: Directory,
        log: ConversationLog,
        clock: Clock = utcnow,
        top_k: int = 5,
        meetings: Meetings | None = None,
        dialog: DialogSteps | None = None,
    ) -> None:
        self._answerer = answerer
        self._meetings = meetings
        self._directory = directory
        self._log = log
        self._steps = dialog
        self._clock = clock
        self._top_k = top_k

    @property
    def _dialog(self) -> DialogSteps:
        """Pending steps; by default beside the conversation log, in the same database."""
        if self._steps is None:
            self._steps = DialogSteps(self._log.sessions)
        return self._steps

    async def handle(self, message: IncomingMessage) -> list[OutgoingMessage]:
        """Record, answer and settle in one go (console, memory channel, Kakao skill)."""
        recorded = await self.receive(message)
        if recorded is None:
            return []
        replies = await self.respond(recorded)
        await self.settle(recorded, delivered=True)
        return replies

    async def receive(self, message: IncomingMessage) -> IncomingMessage | None:
        """Record ``message`` if the bot should answer it; ``None`` for chatter or a redelivery.

        The message to answer and settle is the one returned: a message whose id another
        message already used is recorded under a fresh id rather than dropped.
        """
        caller = await asyncio.to_thread(self._directory.identify, message.address)
        if not _addressed(message, caller) and not await self._awaited(message):
            return None
        return await asyncio.to_thread(self._log.record, message)

    async def respond(self, message: IncomingMessage) -> list[OutgoingMessage]:
        """The replies to a recorded message; a failure becomes a polite apology."""
        try:
            caller = await asyncio.to_thread(self._directory.identify, message.address)
            follow_up = await self._follow_up(message, caller)
            if follow_up is not None:
                return follow_up
            return await self._dispatch(message, caller, parse(message.text, message.action))
        except Exception:
            log.exception("answering %s message %s failed", message.address.platform, message.id)
            return [OutgoingMessage(texts.CH_FAILED)]

    async def settle(self, message: IncomingMessage, *, delivered: bool) -> None:
        """Mark a recorded message answered (or failed, when its reply could not be sent)."""
        status = "answered" if delivered else "failed"
        await asyncio.to_thread(self._log.settle, message, status=status, now=self._clock())

    async def recover(self, deliver: Deliver) -> int:
        """Answer (or apologise for) messages recorded before a crash; how many were handled."""
        pending = await asyncio.to_thread(self._log.unsettled)
        for message in pending:
            if self._clock() - message.received_at <= LATE_ANSWER_GRACE:
                replies = await self.respond(message)
                replies[0] = OutgoingMessage(
                    f"{texts.CH_LATE_PREFIX}\n\n{replies[0].text}",
                    replies[0].buttons,
                    replies[0].links,
                )
            else:
                question = message.text if len(message.text) <= 40 else message.text[:40] + "…"
                replies = [OutgoingMessage(texts.CH_MISSED.format(question=question))]
            try:
                for reply in replies:
                    await deliver(message.address, reply)
            except Exception:
                log.exception("could not deliver a recovered reply on %s", message.address.platform)
                await self.settle(message, delivered=False)
                continue
            await self.settle(message, delivered=True)
        return len(pending)

    async def _dispatch(
        self, message: IncomingMessage, caller: Caller, command: Command
    ) -> list[OutgoingMessage]:
        match command.kind:
            case "ask":
                return [await self._ask(message, caller, command.argument)]
            case "help":
                return [self._help()]
            case "sources":
                return [await self._sources(message.address, command.answer_id)]
            case "feedback":
                return [await self._feedback(message.address, command)]
            case "expert":
                return [await self._expert(message.address, command)]
            case "link":
                return [await self._link(message, command.argument)]
            case "stale_button":
                return [OutgoingMessage(texts.CH_UNKNOWN_BUTTON)]
            case "schedule" | "difficulty" | "attendance" | "meeting_button":
                return await self._meeting(message, command)

    def _help(self) -> OutgoingMessage:
        if self._meetings is None:
            return OutgoingMessage(texts.CH_HELP)
        return OutgoingMessage(
            texts.CH_HELP, buttons=(Button(texts.CH_BUTTON_SCHEDULE, SCHEDULE_ACTION),)
        )

    async def _meeting(self, message: IncomingMessage, command: Command) -> list[OutgoingMessage]:
        """Meeting and 애로사항 requests, answered by :class:`bot.meetings.Meetings`."""
        meetings, address, now = self._meetings, message.address, self._clock()
        if meetings is None:
            return [OutgoingMessage(texts.CH_UNKNOWN_BUTTON)]
        match command.kind:
            case "schedule":
                text = await asyncio.to_thread(meetings.schedule, address, now)
            case "attendance":
                text = await asyncio.to_thread(meetings.attendance, address, now)
            case "difficulty":
                return [
                    await asyncio.to_thread(meetings.difficulties, address, command.argument, now)
                ]
            case _:
                text = await asyncio.to_thread(meetings.press, address, command.argument, now)
                refreshed = await asyncio.to_thread(
                    meetings.refreshed, address, command.argument, now
                )
                return [OutgoingMessage(text), *([refreshed] if refreshed else [])]
        return [OutgoingMessage(text)]

    async def _awaited(self, message: IncomingMessage) -> bool:
        """Whether the bot asked this address a question its next message answers.

        A button's step (대리참석's name, an 애로사항) takes whatever comes next; an offer takes
        only a yes or a no, so a pending offer does not make the bot answer a room's chatter.
        """
        if message.action is not None:
            return False
        step = await asyncio.to_thread(self._dialog.pending, message.address, self._clock())
        if step is None:
            return False
        return not _is_offer(step) or smalltalk.yes_or_no(message.text) is not None

    async def _follow_up(
        self, message: IncomingMessage, caller: Caller
    ) -> list[OutgoingMessage] | None:
        """The replies when a plain message completes a pending step, else ``None``.

        Commands leave a step waiting; any other message uses it up, so a step never swallows
        more than the one message that follows it.
        """
        if message.action is not None or is_command(message.text):
            return None
        now, address = self._clock(), message.address
        step = await asyncio.to_thread(self._dialog.take, address, now)
        if step is None:
            return None
        if _is_offer(step):
            agreed = smalltalk.yes_or_no(message.text)
            if agreed is None:
                return None  # something else: the offer lapses and the message is read anew
            if not agreed:
                return [OutgoingMessage(texts.TALK_OFFER_DECLINED)]
            # A yes does what the offered button does.
            return await self._dispatch(message, caller, parse("", step))
        if self._meetings is None:
            return None
        text = await asyncio.to_thread(self._meetings.complete, address, step, message.text, now)
        return [OutgoingMessage(text)]

    async def _ask(
        self, message: IncomingMessage, caller: Caller, question: str
    ) -> OutgoingMessage:
        if not question:
            return OutgoingMessage(texts.QA_EMPTY_QUESTION)
        if len(question) > MAX_QUESTION_CHARS:
            return OutgoingMessage(texts.CH_TOO_LONG.format(limit=MAX_QUESTION_CHARS))
        answer = await asyncio.to_thread(
            self._answerer.answer, question, allowed=caller.audience, top_k=self._top_k
        )
        if not answer.answers_a_question:
            # Small talk and the like are not kept: they are no unanswered question for the
            # secretariat, and "/전문가" or "/출처" afterwards refer to the last real one.
            return OutgoingMessage(answer.text)
        answer_id = await asyncio.to_thread(self._log.save_answer, message, question, answer)
        if answer.offers_expert:
            await asyncio.to_thread(
                self._dialog.ask, message.address, expert_action(answer_id), self._clock()
            )
        return _render_answer(answer, answer_id, brief=caller.tone == "brief")

    async def _sources(self, address: Address, answer_id: int | None) -> OutgoingMessage:
        saved = await self._saved(address, answer_id)
        if saved is None:
            return OutgoingMessage(texts.CH_NO_ANSWER_YET)
        if not saved.sources:
            return OutgoingMessage(texts.CH_NO_SOURCES)
        lines = [texts.QA_SOURCES_HEADING]
        lines += [texts.qa_source_line(c.number, c.title, c.section) for c in saved.sources]
        return OutgoingMessage("\n".join(lines), links=_links(saved.sources))

    async def _feedback(self, address: Address, command: Command) -> OutgoingMessage:
        saved = await self._saved(address, command.answer_id)
        if saved is None:
            return OutgoingMessage(texts.CH_UNKNOWN_BUTTON)
        await asyncio.to_thread(
            self._log.feedback, saved.id, address, command.verdict, self._clock()
        )
        helpful = command.verdict > 0
        text = texts.CH_FEEDBACK_HELPFUL if helpful else texts.CH_FEEDBACK_UNHELPFUL
        buttons = () if helpful else (Button(texts.CH_BUTTON_EXPERT, expert_action(saved.id)),)
        return OutgoingMessage(text, buttons=buttons)

    async def _expert(self, address: Address, command: Command) -> OutgoingMessage:
        """File an expert request: the question given, the answer a button points at, or the
        last real question asked here (recently); otherwise ask what to forward."""
        now = self._clock()
        # Whichever way the request comes, a pending "shall I forward it?" is settled by it.
        await asyncio.to_thread(self._dialog.drop, address, prefix=EXPERT_PREFIX)
        if command.argument:
            await asyncio.to_thread(
                self._log.request_expert,
                address,
                command.argument,
                field=None,
                answer_id=None,
                now=now,
            )
            return OutgoingMessage(texts.ch_expert_recorded(None))
        saved = await self._saved(address, command.answer_id)
        if saved is None or (
            command.answer_id is None and now - saved.asked_at > EXPERT_RECENT_QUESTION
        ):
            return OutgoingMessage(texts.CH_EXPERT_NEEDS_QUESTION)
        filed = await asyncio.to_thread(
            self._log.request_expert,
            address,
            saved.question,
            field=saved.route,
            answer_id=saved.id,
            now=now,
        )
        if filed is None:
            return OutgoingMessage(texts.ch_expert_already(saved.question))
        return OutgoingMessage(texts.ch_expert_recorded(saved.route, saved.question))

    async def _link(self, message: IncomingMessage, code: str) -> OutgoingMessage:
        if not code:
            return OutgoingMessage(texts.CH_LINK_USAGE)
        try:
            name = await asyncio.to_thread(
                self._directory.link,
                message.address,
                code,
                display_name=message.display_name,
                now=self._clock(),
            )
        except LinkRefusedError as refused:
            return OutgoingMessage(str(refused))
        return OutgoingMessage(texts.ch_linked(name))

    async def _saved(self, address: Address, answer_id: int | None) -> SavedAnswer | None:
        if answer_id is None:
            return await asyncio.to_thread(self._log.last_answer, address)
        return await asyncio.to_thread(self._log.answer, answer_id)


def _is_offer(step: str) -> bool:
    """Whether a pending step is the bot's offer to pass a question to an expert."""
    return step.startswith(EXPERT_PREFIX)


def _addressed(message: IncomingMessage, caller: Caller) -> bool:
    """DMs get every message answered; group rooms follow their ``answer_mode``."""
    if not message.address.is_group or message.action is not None:
        return True
    if is_command(message.text):
        return True
    if caller.answer_mode == "all":
        return True
    return caller.answer_mode == "mention" and message.mentioned


def _render_answer(answer: QaAnswer, answer_id: int, *, brief: bool) -> OutgoingMessage:
    text = answer.text
    # A "not in the documents" answer still carries what was retrieved (for /출처 and the
    # secretariat), but it must not look as if those passages answered the question.
    cited = answer.sources if answer.confident else ()
    if cited and not brief:
        lines = [texts.qa_source_line(c.number, c.title, c.section) for c in cited]
        text = "\n".join([text, "", texts.QA_SOURCES_HEADING, *lines])
    buttons: list[Button] = []
    if cited:
        buttons += [
            Button(texts.CH_BUTTON_HELPFUL, feedback_action(answer_id, helpful=True)),
            Button(texts.CH_BUTTON_UNHELPFUL, feedback_action(answer_id, helpful=False)),
        ]
    if not answer.confident:  # "not covered", or nothing loaded yet: an expert can still help
        buttons.append(Button(texts.CH_BUTTON_EXPERT, expert_action(answer_id)))
    return OutgoingMessage(text, buttons=tuple(buttons), links=_links(cited))


def _links(sources: tuple[Citation, ...]) -> tuple[Link, ...]:
    """Sources that live on the web become links; local files are named in the text only."""
    return tuple(
        Link(c.title, c.source) for c in sources if c.source.startswith(("https://", "http://"))
    )
