"""Kakao i Open Builder skill responses (version "2.0"), built within Kakao's published limits.

Kakao drops, and may restrict the chatbot for, bubbles that break its limits
(https://kakaobusiness.gitbook.io/main/tool/chatbot/skill_guide/answer_json_format), so every
response leaves this module already inside them: at most 3 outputs, 10 quick replies, 1000
characters per ``simpleText``, 14 characters per label and 30 KB of JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bot import texts
from bot.messages import Button, OutgoingMessage
from handlers.base import split_text

MAX_OUTPUTS = 3
MAX_QUICK_REPLIES = 10
MAX_TEXT_CHARS = 1000
MAX_LABEL_CHARS = 14
MAX_RESPONSE_BYTES = 30 * 1024

# Kakao's own texts (bot/texts/channels.py) under the names this module's callers use.
WAITING_TEXT = texts.CH_KAKAO_WAITING
TRY_AGAIN_TEXT = texts.CH_KAKAO_TRY_AGAIN
CUT_NOTICE = texts.CH_KAKAO_CUT_NOTICE

_ELLIPSIS = "…"


def skill_response(
    messages: Sequence[OutgoingMessage], *, with_buttons: bool = True
) -> dict[str, Any]:
    """The SkillResponse that shows ``messages`` as text bubbles with quick-reply buttons.

    ``with_buttons=False`` leaves the quick replies out: Kakao's group chatbot rejects them.
    """
    # KakaoTalk cannot edit a sent bubble, so a reply meant to replace one is left out.
    messages = [m for m in messages if not m.edits_origin]
    bubbles = [t for t in (_plain_text(m) for m in messages) if t]
    template: dict[str, Any] = {
        "outputs": [{"simpleText": {"text": t}} for t in pack_texts(bubbles)],
    }
    buttons = [b for m in messages for b in m.buttons] if with_buttons else []
    replies = quick_replies(buttons)
    if replies:
        template["quickReplies"] = replies
    response = {"version": "2.0", "template": template}
    return _fit_size(response)


def callback_ack(text: str = WAITING_TEXT) -> dict[str, Any]:
    """The immediate answer that tells Kakao the real one will come through the callback URL."""
    return {"version": "2.0", "useCallback": True, "data": {"text": text}}


def text_response(text: str) -> dict[str, Any]:
    """A SkillResponse with one plain text bubble."""
    return skill_response([OutgoingMessage(text=text)])


def pack_texts(texts: Sequence[str]) -> list[str]:
    """Lay ``texts`` out over at most 3 bubbles of at most 1000 characters each.

    Each text keeps its own bubble while that fits; otherwise everything is joined and split at
    natural breaks, and what does not fit in three bubbles is cut with a polite notice.
    """
    pieces = [p for t in texts for p in split_text(t, MAX_TEXT_CHARS)]
    if len(pieces) <= MAX_OUTPUTS:
        return pieces
    pieces = split_text("\n\n".join(texts), MAX_TEXT_CHARS)
    if len(pieces) <= MAX_OUTPUTS:
        return pieces
    room = MAX_TEXT_CHARS - len(CUT_NOTICE) - 1
    last = split_text(pieces[MAX_OUTPUTS - 1], room)[0]
    return [*pieces[: MAX_OUTPUTS - 1], f"{last}\n{CUT_NOTICE}"]


def quick_replies(buttons: Sequence[Button]) -> list[dict[str, Any]]:
    """Buttons as Kakao quick replies; the action comes back as ``action.clientExtra.action``."""
    seen: set[str] = set()
    replies: list[dict[str, Any]] = []
    for button in buttons:
        label = short_label(button.label)
        if label in seen or len(replies) == MAX_QUICK_REPLIES:
            continue
        seen.add(label)
        replies.append(
            {
                "label": label,
                "action": "message",
                "messageText": button.label,
                "extra": {"action": button.action},
            }
        )
    return replies


def short_label(label: str) -> str:
    """A button label of at most 14 characters (longer ones end with an ellipsis)."""
    label = " ".join(label.split())
    if len(label) <= MAX_LABEL_CHARS:
        return label
    return label[: MAX_LABEL_CHARS - 1].rstrip() + _ELLIPSIS


def encoded_size(response: dict[str, Any]) -> int:
    """Bytes of ``response`` as sent on the wire (UTF-8 JSON)."""
    return len(json.dumps(response, ensure_ascii=False).encode())


def _plain_text(message: OutgoingMessage) -> str:
    """The message text with its links on their own lines (KakaoTalk makes URLs tappable)."""
    lines = [message.text.strip()]
    if message.links:
        lines.append("")
        lines += [f"{link.title} {link.url}" for link in message.links]
    return "\n".join(lines).strip()


def _fit_size(response: dict[str, Any]) -> dict[str, Any]:
    """Drop quick replies from the end until the whole response fits in 30 KB.

    Three full bubbles of Korean text take about 9 KB, so only long button actions can push a
    response past the limit; losing the last buttons is better than Kakao dropping the answer.
    """
    replies: list[dict[str, Any]] = response["template"].get("quickReplies", [])
    while replies and encoded_size(response) > MAX_RESPONSE_BYTES:
        replies.pop()
    if not replies:
        response["template"].pop("quickReplies", None)
    return response
