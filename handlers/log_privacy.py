"""What no log line may hold: secrets, personal data, whole request bodies.

:func:`install` puts a scrubber into the record factory, so every record of every logger (ours,
libraries', uvicorn's, a test's capture) is cleaned when it is made, before any handler or
formatter sees it:

* configured secrets (:func:`add_secret`) and anything shaped like a token (Telegram's
  ``/bot<id>:<key>/`` URLs, Slack ``xox…`` tokens, ``sk-…`` keys, bearer headers);
* phone, business and resident registration numbers and e-mail addresses
  (:func:`knowledge.masking.mask_personal`);
* length: a message is cut to :data:`MAX_MESSAGE_CHARS` and each traceback line to
  :data:`MAX_LINE_CHARS`, so no request body is ever written whole.

It also quiets the libraries that write secrets or bodies at INFO or DEBUG (httpx logs each
URL, with Telegram's token in it; bolt logs the body of every refused request). Message texts
are never passed to a logger by Gyoryu's own code; SQL parameters are hidden by the engine
(``hide_parameters``).
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections.abc import Callable
from typing import Any

from knowledge.masking import mask_personal

MAX_MESSAGE_CHARS = 600
MAX_LINE_CHARS = 300
REDACTED = "[비공개]"
QUIET_LOGGERS: dict[str, int] = {
    "httpx": logging.WARNING,  # logs every request URL: /bot<TOKEN>/sendMessage
    "httpcore": logging.WARNING,
    "telegram": logging.WARNING,  # logs updates and API parameters at DEBUG
    "slack_bolt": logging.WARNING,  # logs whole bodies of refused requests at INFO
    "slack_sdk": logging.WARNING,  # logs API arguments at DEBUG
    "openai": logging.WARNING,
    "sqlalchemy.engine": logging.WARNING,
}

_TOKENS = re.compile(
    r"(?<=/bot)[^/\s]+"  # Telegram API URLs carry the token in the path
    r"|\b\d{5,12}:[A-Za-z0-9_-]{30,}"  # a Telegram bot token anywhere else
    r"|\bxox[a-z]-[A-Za-z0-9-]{8,}|\bxapp-[A-Za-z0-9-]{8,}"  # Slack tokens
    r"|\bsk-[A-Za-z0-9_-]{12,}"  # OpenAI-style keys
    r"|(?<=Bearer )\S+",
)
_secrets: set[str] = set()
_lock = threading.Lock()
_installed: list[Callable[..., logging.LogRecord]] = []


def add_secret(value: str | None) -> None:
    """Never log ``value`` (a token, a signing secret); short values are ignored as too common."""
    if value and len(value) >= 8:
        with _lock:
            _secrets.add(value)


def scrub(text: str, *, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` without secrets or personal data, cut to ``limit`` characters."""
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = mask_personal(_TOKENS.sub(REDACTED, text))
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text) - limit}자 생략)"
    return text


def install() -> None:
    """Scrub every log record from now on and quiet the noisy libraries (idempotent)."""
    for name, level in QUIET_LOGGERS.items():
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < level:
            logger.setLevel(level)
    with _lock:
        if _installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            _clean(record)
            return record

        _installed.append(previous)
        logging.setLogRecordFactory(factory)


def _clean(record: logging.LogRecord) -> None:
    """Render the message and traceback now, scrubbed; nothing raw stays on the record."""
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: keep what can be said safely
        message = str(record.msg)
    record.msg, record.args = scrub(message), None
    if record.exc_info and record.exc_info[1] is not None:
        lines = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n").splitlines()
        record.exc_text = "\n".join(scrub(line, limit=MAX_LINE_CHARS) for line in lines)
        record.exc_info = None
    if record.stack_info:
        record.stack_info = scrub(record.stack_info, limit=MAX_LINE_CHARS * 20)
