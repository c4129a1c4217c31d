"""Personal data that never leaves for a model or a log: phone, registration numbers, e-mail.

:func:`mask_personal` replaces each with a short placeholder. Numbers are found in every way
people write them: ``010-1234-5678``, ``01012345678``, ``+82-10-1234-5678``, ``+82 (0)2 …``,
``(02) 123-4567``, with full-width digits and dashes (``０１０－…``), business registration
numbers (``123-45-67890``) and resident or corporate registration numbers (``900101-1234567``).
The text is otherwise returned unchanged, full-width characters included.
"""

from __future__ import annotations

import re

PHONE_MASK = "[전화번호 생략]"
NUMBER_MASK = "[등록번호 생략]"
EMAIL_MASK = "[이메일 생략]"

# One character for one character, so a match in the folded text has the same span in the
# original: full-width digits and signs, and every dash people (and word processors) type.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "＋": "+",
        "（": "(",
        "）": ")",
        "．": ".",
        "　": " ",
        **dict.fromkeys("‐‑‒–—―−－﹣ㅡ", "-"),
        "＠": "@",
    }
)

_SEP = r"[-.\s]{0,2}"
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:\+\s?82" + _SEP + r"(?:\(0\)" + _SEP + r")?0?\d{1,2}"  # +82-10, +82 (0)2, +8210
    r"|\(\s?0\d{1,2}\s?\)"  # (02), (031)
    r"|0\d{1,2})"  # 02, 010, 031
     + _SEP + r"\d{3,4}" + _SEP + r"\d{4}(?!\d)"
)
_RESIDENT = re.compile(r"(?<!\d)\d{6}\s?-\s?[1-8][\d*]{6}(?![\d*])")
_RESIDENT_BARE = re.compile(r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[1-8]\d{6}(?!\d)")
_BUSINESS = re.compile(r"(?<!\d)\d{3}[-.\s]\d{2}[-.\s]\d{5}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
"""An e-mail address."""
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (EMAIL, EMAIL_MASK),
    (_RESIDENT, NUMBER_MASK),
    (_RESIDENT_BARE, NUMBER_MASK),
    (_BUSINESS, NUMBER_MASK),
    (_PHONE, PHONE_MASK),
)


def mask_personal(text: str) -> str:
    """``text`` with every phone number, registration number and e-mail address masked."""
    for pattern, mask in _PATTERNS:
        text = _substitute(pattern, mask, text)
    return text


def _substitute(pattern: re.Pattern[str], mask: str, text: str) -> str:
    """Replace ``pattern``'s matches in the folded text at the same spans of ``text``."""
    folded = text.translate(_FOLD)
    pieces: list[str] = []
    end = 0
    for match in pattern.finditer(folded):
        pieces += [text[end : match.start()], mask]
        end = match.end()
    if not pieces:
        return text
    pieces.append(text[end:])
    return "".join(pieces)
