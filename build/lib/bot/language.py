"""Whether a question is written in Korean, the only language the bot answers in.

The decision is Korean or not, which the script answers exactly and offline: Hangul is Korean,
and a question with (almost) no Hangul among its letters is in another language. A statistical
language detector would add a model for no better answer to that one question.
"""

from __future__ import annotations

# Letters of another script that name things inside a Korean sentence ("PL보험", "KSIC 코드")
# keep it Korean; a question needs at least this many letters to count as foreign at all.
MIN_FOREIGN_LETTERS = 3
MAX_HANGUL_SHARE = 0.15


def is_hangul(char: str) -> bool:
    """Hangul syllables and jamo (compatibility jamo included)."""
    code = ord(char)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def is_foreign(text: str) -> bool:
    """Whether ``text`` is written in another language than Korean (e.g. English)."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < MIN_FOREIGN_LETTERS:
        return False
    hangul = sum(1 for char in letters if is_hangul(char))
    return hangul / len(letters) < MAX_HANGUL_SHARE
