"""The advisor fields a ticket can have, and the guess of a question's field.

With a chat model configured (``GYORYU_CHAT_MODEL``), the model picks the field first
(:func:`model_guesser`, :func:`by_model`); a failure, a slow reply, an answer that names no
single field, or ``기타`` leaves it to the offline guess. Offline, the keyword lexicon of
:mod:`knowledge.fields` comes first; when it finds nothing, the field of the most similar past
ticket is taken; else ``기타``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from knowledge.fields import guess_field

if TYPE_CHECKING:
    from knowledge.settings import KnowledgeSettings

FIELDS = ("세무", "법률", "특허", "노무", "자금", "수출", "기술", "정부지원", "기타")
OTHER = "기타"
# The lexicon knows two more kinds of help that no ticket field names.
_LEXICON_TO_FIELD = {"판로": OTHER, "인력": "노무"}
_SIMILAR_ENOUGH = 0.35


FieldGuesser = Callable[[str], str | None]
"""A model's guess of a question's field: one of :data:`FIELDS`, or ``None`` when it has none."""


def model_guesser(settings: KnowledgeSettings) -> FieldGuesser | None:
    """The configured chat model as a field guesser; ``None`` when no model is configured."""
    if not settings.llm_enabled:
        return None
    from knowledge.llm import LlmChooser

    chooser = LlmChooser.from_settings(settings)

    def guess_with_model(question: str) -> str | None:
        return normalised(chooser.choose(question, FIELDS))

    return guess_with_model


def by_model(guesser: FieldGuesser | None, question: str) -> str | None:
    """The model's field for ``question``; ``None`` without a model, or when it could only say
    기타 (the offline guess may still find a field)."""
    if guesser is None:
        return None
    found = normalised(guesser(question))
    return found if found != OTHER else None


def normalised(field: str | None) -> str | None:
    """``field`` if it is one of :data:`FIELDS` (after mapping the lexicon's extra kinds)."""
    if field is None:
        return None
    field = _LEXICON_TO_FIELD.get(field, field)
    return field if field in FIELDS else None


def guess(question: str, past: Iterable[tuple[str, str]] = ()) -> str:
    """The field of ``question``: by keyword, else by the most similar past (question, field)."""
    found = normalised(guess_field(question))
    if found is not None:
        return found
    best, best_score = OTHER, _SIMILAR_ENOUGH
    for text, field in past:
        score = similarity(question, text)
        if score >= best_score and field in FIELDS:
            best, best_score = field, score
    return best


def bigrams(text: str) -> set[str]:
    """The character pairs of ``text`` without spaces or punctuation (how Korean is compared
    without a tokenizer: particles change a word's end, not its pairs)."""
    compact = "".join(ch for ch in text.casefold() if ch.isalnum())
    return {compact[i : i + 2] for i in range(len(compact) - 1)}


def similarity(one: str, other: str) -> float:
    """Dice coefficient of the two texts' character pairs (0 to 1)."""
    a, b = bigrams(one), bigrams(other)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
