"""Grounded answers (and a pick among labels) from an OpenAI-compatible chat model, under a hard
wall-clock deadline.

The caller always holds an extractive answer in reserve: this module returns ``None`` whenever
the model's answer cannot be used (no valid citation, too slow, an error) and logs why, without
the question, passages or any secret.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Self, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from knowledge.prompting import (
    CHOICE_PROMPT,
    SYSTEM_PROMPT,
    choice_prompt,
    chosen_option,
    drop_invalid_citations,
    ungrounded_numbers,
    user_prompt,
    valid_citations,
)
from knowledge.settings import KnowledgeSettings
from knowledge.types import Hit

log = logging.getLogger(__name__)

_T = TypeVar("_T")
_DUMMY_KEY = "not-needed"  # local OpenAI-compatible servers ignore the key but the client wants one


class DeadlineExceeded(Exception):
    """The model did not answer within the deadline."""


class _ModelCaller:
    """A chat model called under a wall-clock deadline, failures logged (never the text)."""

    def __init__(self, model: BaseChatModel, *, deadline_seconds: float) -> None:
        """Use ``model`` and give up on it after ``deadline_seconds``."""
        self._model = model
        self._deadline = deadline_seconds

    @classmethod
    def from_settings(cls, settings: KnowledgeSettings) -> Self:
        """Build the ChatOpenAI client from ``GYORYU_CHAT_MODEL`` and the OpenAI settings."""
        return cls(chat_model(settings), deadline_seconds=settings.answer_deadline_seconds)

    def _reply(self, messages: list[BaseMessage], purpose: str) -> str | None:
        """The model's reply text, or ``None`` (the reason logged) when it fails or is late."""
        try:
            reply = within_deadline(self._deadline, lambda: self._model.invoke(messages))
        except DeadlineExceeded:
            log.warning("LLM %s skipped: no reply within %.1f s", purpose, self._deadline)
            return None
        except Exception as exc:  # any client or server failure means: the caller's fallback
            log.warning("LLM %s skipped: %s%s", purpose, type(exc).__name__, _status(exc))
            return None
        return reply.text


class LlmAnswerer(_ModelCaller):
    """Asks a chat model for a cited Korean answer to a question over numbered passages."""

    def answer(self, question: str, hits: Sequence[Hit]) -> str | None:
        """The model's cited answer, or ``None`` (with the reason logged) when unusable."""
        if not hits:
            return None
        messages = [SystemMessage(SYSTEM_PROMPT), HumanMessage(user_prompt(question, hits))]
        replied = self._reply(messages, "answer")
        if replied is None:
            return None
        text = replied.strip()
        cited = valid_citations(text, len(hits))
        if not cited:
            log.warning("LLM answer skipped: it cites none of the %d sources", len(hits))
            return None
        # Every figure must come from the passages it cites: a model that invents an amount
        # or a date gives way to the extractive answer.
        invented = ungrounded_numbers(text, [hits[number - 1].chunk.text for number in cited])
        if invented:
            log.warning("LLM answer skipped: %d number(s) not in the cited sources", len(invented))
            return None
        return drop_invalid_citations(text, len(hits))


class LlmChooser(_ModelCaller):
    """Asks a chat model which one of a few labels fits a text (e.g. a question's field)."""

    def choose(self, text: str, options: Sequence[str]) -> str | None:
        """The option the model picks for ``text``; ``None`` (the reason logged, never the
        text) when it fails, is too slow, or answers anything but exactly one option."""
        messages = [SystemMessage(CHOICE_PROMPT), HumanMessage(choice_prompt(text, options))]
        replied = self._reply(messages, "choice")
        if replied is None:
            return None
        chosen = chosen_option(replied, options)
        if chosen is None:
            log.warning("LLM choice skipped: the reply names none of the %d options", len(options))
        return chosen


def chat_model(settings: KnowledgeSettings) -> BaseChatModel:
    """The ChatOpenAI client of ``GYORYU_CHAT_MODEL`` and the OpenAI settings."""
    from langchain_openai import ChatOpenAI

    if settings.chat_model is None:
        raise ValueError("GYORYU_CHAT_MODEL is not set")
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else _DUMMY_KEY
    return ChatOpenAI(
        model=settings.chat_model,
        base_url=settings.openai_base_url,
        api_key=key,
        timeout=settings.answer_deadline_seconds,
        max_retries=0,
        use_responses_api=False,
        temperature=0,
    )


def within_deadline(seconds: float, call: Callable[[], _T]) -> _T:
    """Run ``call`` in a daemon thread and return its result, or raise after ``seconds``.

    The client's own timeout covers each HTTP read; this wall-clock bound also covers connect,
    DNS and slow streaming, which is what a 5-second chat platform needs. A late call finishes in
    the background and its result is dropped.
    """
    results: list[_T] = []
    errors: list[Exception] = []
    done = threading.Event()

    def run() -> None:
        try:
            results.append(call())
        except Exception as exc:  # handed to the caller's thread below
            errors.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name="gyoryu-llm", daemon=True).start()
    if not done.wait(seconds):
        raise DeadlineExceeded
    if errors:
        raise errors[0]
    return results[0]


def _status(exc: Exception) -> str:
    status = getattr(exc, "status_code", None)
    return f" (HTTP {status})" if isinstance(status, int) else ""
