"""What a member asked for: commands, free text and button actions, read from a message.

Commands are the same on every platform (Korean and English names). Button actions are short
strings such as ``fb+:12`` so that they fit Telegram's 64-byte callback data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "ask",
    "help",
    "sources",
    "expert",
    "link",
    "feedback",
    "stale_button",
    "schedule",
    "difficulty",
    "attendance",
    "meeting_button",
]

_NAMES: dict[str, Kind] = {
    "질문": "ask",
    "ask": "ask",
    "도움말": "help",
    "help": "help",
    "start": "help",
    "시작": "help",
    "출처": "sources",
    "sources": "sources",
    "전문가": "expert",
    "expert": "expert",
    "연결": "link",
    "link": "link",
    "일정": "schedule",
    "schedule": "schedule",
    "애로": "difficulty",
    "애로사항": "difficulty",
    "참석현황": "attendance",
}
SCHEDULE_ACTION = "mtg:schedule"
EXPERT_PREFIX = "ex:"
MEETING_PREFIXES = ("rsvp:", "diff:")
_BUTTONS: dict[str, Kind] = {"fb+": "feedback", "fb-": "feedback", "ex": "expert", "src": "sources"}


@dataclass(frozen=True, slots=True)
class Command:
    """One request: its kind, the text after the command, and the answer a button points at."""

    kind: Kind
    argument: str = ""
    answer_id: int | None = None
    verdict: int = 0


def parse(text: str, action: str | None = None) -> Command:
    """Read a button action if there is one, else a ``/command`` or plain text (a question)."""
    if action is not None:
        return _button(action)
    name, argument = _split_command(text)
    if name is None:
        return Command("ask", text.strip())
    return Command(_NAMES[name], argument)


def is_command(text: str) -> bool:
    """Whether ``text`` starts with one of the bot's commands."""
    return _split_command(text)[0] is not None


def feedback_action(answer_id: int, helpful: bool) -> str:
    """The action of a 👍 or 👎 button under an answer."""
    return f"{'fb+' if helpful else 'fb-'}:{answer_id}"


def expert_action(answer_id: int) -> str:
    """The action of the "전문가에게 묻기" button under an answer."""
    return f"{EXPERT_PREFIX}{answer_id}"


def sources_action(answer_id: int) -> str:
    """The action of the "출처 보기" button under an answer."""
    return f"src:{answer_id}"


def _split_command(text: str) -> tuple[str | None, str]:
    stripped = text.strip()
    if not stripped.startswith("/"):
        return None, stripped
    head, _, rest = stripped[1:].partition(" ")
    # Telegram groups send "/ask@GyoryuBot"; the suffix names the bot, not the command.
    name = head.split("@", 1)[0].lower()
    if name not in _NAMES:
        return None, stripped
    return name, rest.strip()


def _button(action: str) -> Command:
    if action == SCHEDULE_ACTION:
        return Command("schedule")
    if action.startswith(MEETING_PREFIXES):
        # RSVP and 애로사항 buttons carry their own format, read by bot.meetings.
        return Command("meeting_button", argument=action)
    prefix, _, raw_id = action.partition(":")
    kind = _BUTTONS.get(prefix)
    if kind is None or not raw_id.isdigit():
        return Command("stale_button")
    verdict = {"fb+": 1, "fb-": -1}.get(prefix, 0)
    return Command(kind, answer_id=int(raw_id), verdict=verdict)
