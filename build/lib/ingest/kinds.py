"""Document kind and visibility labels: guessing the kind, checking what the user typed."""

from __future__ import annotations

import re

from knowledge.types import KINDS

# Checked in this order; the first family whose word appears in the file name or title wins.
_KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rules", ("규정", "정관", "회칙", "규칙", "세칙")),
    ("events", ("일정", "행사", "정례회", "총회", "세미나", "송년회", "간담회", "워크숍")),
    ("programs", ("지원", "사업", "공모", "모집")),
    ("faq", ("faq", "질문", "문답", "q&a")),
)
KIND_GUESS_HELP = (
    "생략하면 파일 이름과 제목으로 짐작해요: 규정·정관→rules, 일정·행사→events, "
    "지원·사업→programs, FAQ·질문→faq, 그 밖에는 news."
)
_VISIBILITY = re.compile(r"^(?:public|members|group:[\w.\-]+)$")


def guess_kind(file_name: str, title: str) -> str:
    """The kind a document most likely is, from words in its file name and title."""
    haystack = f"{file_name} {title}".lower()
    for kind, words in _KIND_WORDS:
        if any(word in haystack for word in words):
            return kind
    return "news"


def is_kind(value: str) -> bool:
    """Whether ``value`` is one of the known document kinds."""
    return value in KINDS


def is_visibility(value: str) -> bool:
    """Whether ``value`` is ``public``, ``members`` or ``group:<id>``."""
    return bool(_VISIBILITY.match(value))
