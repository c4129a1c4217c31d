"""Neutral cleaning of what a member sent, before anything is stored or answered.

Platforms (and forgers with valid credentials) can send text no database column takes: NUL
bytes and other control characters, lone UTF-16 surrogates (PostgreSQL refuses both), and ids
or names longer than their columns. :func:`sanitised` returns a message every store accepts:

* text: control characters other than tab and newlines dropped, lone surrogates replaced by
  U+FFFD, cut to :data:`MAX_TEXT_CHARS` (the asking skill still says politely what is too long);
* ids (user, room, thread, message) cleaned the same way; one longer than :data:`MAX_ID_CHARS`
  is replaced by a digest, so two different long ids never become the same one;
* button data and display names cut to their columns.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from bot.messages import Address, IncomingMessage

MAX_ID_CHARS = 200
MAX_TEXT_CHARS = 10_000
MAX_NAME_CHARS = 200
MAX_ACTION_CHARS = 200

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: object) -> str:
    """``text`` as a string any database stores: no control characters, no lone surrogates."""
    if isinstance(text, str):
        value = text
    elif isinstance(text, int | float) and not isinstance(text, bool):
        value = str(text)  # a platform that sends an id as a number
    else:
        value = ""
    value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _CONTROL.sub("", value)


def clean_id(value: object) -> str:
    """An id as stored: cleaned, and a digest of it when it is longer than the column."""
    cleaned = clean(value)
    if len(cleaned) <= MAX_ID_CHARS:
        return cleaned
    digest = hashlib.sha256(cleaned.encode()).hexdigest()
    return f"{cleaned[: MAX_ID_CHARS - 66]}#{digest}"


def sanitised(message: IncomingMessage) -> IncomingMessage:
    """``message`` with every field in a shape storage accepts (see the module docstring)."""
    address = message.address
    name = clean(message.display_name)[:MAX_NAME_CHARS] if message.display_name else None
    action = clean(message.action)[:MAX_ACTION_CHARS] if message.action is not None else None
    return replace(
        message,
        id=clean_id(message.id),
        address=Address(
            platform=address.platform,
            user=clean_id(address.user),
            conversation=clean_id(address.conversation) if address.conversation else None,
            thread=clean_id(address.thread) if address.thread else None,
            is_group=bool(address.is_group),
        ),
        text=clean(message.text)[:MAX_TEXT_CHARS],
        action=action,
        display_name=name or None,
        mentioned=bool(message.mentioned),
    )
