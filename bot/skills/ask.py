"""Asking: free text and ``/질문`` answered from the documents, ``/출처``, and 👍/👎 under answers.

An answer to a real question is kept (its id goes into the buttons under it); small talk is
answered and forgotten, so ``/출처`` or ``/전문가`` afterwards still mean the last real question.
An honest "not covered" offers an expert, and a yes to that offer is the expert skill's step.
"""

from __future__ import annotations

from datetime import timedelta

from bot import calendar_questions, texts
from bot.answers import Citation, QaAnswer
from bot.conversation import SavedAnswer
from bot.messages import Address, Button, Link, OutgoingMessage
from bot.routing import cards
from bot.skills import expert
from bot.skills.membership import groups_of, member_of
from bot.skills.skill import Services, Skill, Turn, reply
from knowledge.question import could_follow_up, in_context

MAX_QUESTION_CHARS = 2000
FOLLOW_UP_WINDOW = timedelta(minutes=30)
"""A short follow-up ("5월은요?") continues the last question asked here within this time."""
HELPFUL, UNHELPFUL, SOURCES = "fb+", "fb-", "src"

skill = Skill("ask")


def feedback_action(answer_id: int, helpful: bool) -> str:
    """The action of a 👍 or 👎 button under an answer."""
    return f"{HELPFUL if helpful else UNHELPFUL}:{answer_id}"


def sources_action(answer_id: int) -> str:
    """The action of the "출처 보기" button under an answer."""
    return f"{SOURCES}:{answer_id}"


@skill.text()
def free_text(turn: Turn) -> list[OutgoingMessage]:
    """A message that is no command: a question for the documents."""
    return [ask(turn, turn.argument)]


@skill.command("질문", "ask")
def ask_command(turn: Turn) -> list[OutgoingMessage]:
    """``/질문 <question>``: the same as writing the question."""
    return [ask(turn, turn.argument)]


@skill.command("출처", "sources")
def sources_command(turn: Turn) -> list[OutgoingMessage]:
    """``/출처``: the sources of the last answer given here."""
    return [_sources(saved(turn.services, turn.address, None))]


@skill.button(SOURCES)
def sources_button(turn: Turn) -> list[OutgoingMessage]:
    """The sources of the answer a button sits under."""
    if turn.number is None:
        return reply(texts.CH_UNKNOWN_BUTTON)
    return [_sources(saved(turn.services, turn.address, turn.number))]


@skill.button(HELPFUL)
def helpful(turn: Turn) -> list[OutgoingMessage]:
    """👍 under an answer: stored (pressing again replaces the earlier verdict)."""
    return feedback(turn, verdict=1)


@skill.button(UNHELPFUL)
def unhelpful(turn: Turn) -> list[OutgoingMessage]:
    """👎 under an answer: stored, and an expert is offered instead."""
    return feedback(turn, verdict=-1)


def feedback(turn: Turn, *, verdict: int) -> list[OutgoingMessage]:
    """Store the verdict on the answer the button sits under."""
    found = saved(turn.services, turn.address, turn.number) if turn.number is not None else None
    if found is None:
        return reply(texts.CH_UNKNOWN_BUTTON)
    turn.services.log.feedback(found.id, turn.address, verdict, turn.now)
    if verdict > 0:
        return reply(texts.CH_FEEDBACK_HELPFUL)
    offer = Button(texts.CH_BUTTON_EXPERT, expert.expert_action(found.id))
    return reply(texts.CH_FEEDBACK_UNHELPFUL, offer)


def ask(turn: Turn, question: str) -> OutgoingMessage:
    """Answer ``question`` from what the caller may see, keep it, and offer what fits."""
    if not question:
        return OutgoingMessage(texts.QA_EMPTY_QUESTION)
    if len(question) > MAX_QUESTION_CHARS:
        return OutgoingMessage(texts.CH_TOO_LONG.format(limit=MAX_QUESTION_CHARS))
    services, caller = turn.services, turn.caller
    # "5월은요?" or "그럼 신청은 어디서 해요?" continues the last question in this conversation;
    # it is answered, logged and forwarded to an expert as the whole question it means.
    last = services.log.last_answer(turn.address) if could_follow_up(question) else None
    if last is not None and turn.now - last.asked_at <= FOLLOW_UP_WINDOW:
        question = in_context(question, last.question)
    # An approved advisor answer to the same question comes first: it is the most specific.
    card = cards.lookup(services.sessions, question, audience=caller.audience, now=turn.now)
    if card is not None:
        answer = cards.as_answer(card)
    elif (upcoming := from_calendar(turn, question)) is not None:
        answer = upcoming
    else:
        answer = services.answerer.answer(question, allowed=caller.audience, top_k=services.top_k)
    if not answer.answers_a_question:
        # Small talk and the like are not kept: they are no unanswered question for the
        # secretariat, and "/전문가" or "/출처" afterwards refer to the last real one.
        return OutgoingMessage(answer.text)
    answer_id = services.log.save_answer(turn.message, question, answer)
    if answer.offers_expert:
        expert.offer(turn, answer_id)
    return render_answer(answer, answer_id, brief=caller.tone == "brief")


def from_calendar(turn: Turn, question: str) -> QaAnswer | None:
    """ "다음 정례회 언제예요?": the next fitting event the caller may see, from the calendar."""
    asked = calendar_questions.read(question)
    if asked is None:
        return None
    with turn.services.sessions() as session:
        mine = groups_of(session, turn.address, member_of(session, turn.caller))
        if asked.meeting and not mine:
            # Whose meeting? Only a linked member's group is known; the documents cannot say.
            return QaAnswer(texts.CALENDAR_LINK_FIRST, confident=True)
        return calendar_questions.answer(
            session, asked, groups=mine, now=turn.now, event_link=turn.services.calendar.event_link
        )


def saved(services: Services, address: Address, answer_id: int | None) -> SavedAnswer | None:
    """The answer a button points at (if it was shown at ``address``), or the last one there."""
    if answer_id is None:
        return services.log.last_answer(address)
    return services.log.answer_shown_to(answer_id, address)


def render_answer(answer: QaAnswer, answer_id: int, *, brief: bool) -> OutgoingMessage:
    """The answer with its sources (unless the room is brief) and the buttons that fit it."""
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
        buttons.append(Button(texts.CH_BUTTON_EXPERT, expert.expert_action(answer_id)))
    return OutgoingMessage(text, buttons=tuple(buttons), links=links(cited))


def links(sources: tuple[Citation, ...]) -> tuple[Link, ...]:
    """Sources that live on the web become links; local files are named in the text only."""
    return tuple(
        Link(c.title, c.source) for c in sources if c.source.startswith(("https://", "http://"))
    )


def _sources(found: SavedAnswer | None) -> OutgoingMessage:
    if found is None:
        return OutgoingMessage(texts.CH_NO_ANSWER_YET)
    if not found.sources:
        return OutgoingMessage(texts.CH_NO_SOURCES)
    lines = [texts.QA_SOURCES_HEADING]
    lines += [texts.qa_source_line(c.number, c.title, c.section) for c in found.sources]
    return OutgoingMessage("\n".join(lines), links=links(found.sources))
