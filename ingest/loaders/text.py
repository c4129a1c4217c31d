"""Plain text and Markdown: UTF-8 first, then the Korean legacy encoding CP949 (EUC-KR)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ingest import texts
from ingest.document import Block, promote_title_line, text_blocks
from ingest.loaders.errors import LoadError

# CP949 is a superset of EUC-KR, so it also reads files saved as EUC-KR.
_ENCODINGS = ("utf-8-sig", "cp949")


# Markdown emphasis and code marks carry no meaning once the text is quoted in a chat reply.
_MARKDOWN_MARKS = re.compile(r"\*\*|__|`")


def load(path: Path) -> list[Block]:
    """Blocks of a .txt/.md file; Markdown ``#`` lines become headings."""
    # Text copied from web pages keeps their character references ("&lt;표 4&gt;"): a member
    # must read "<표 4>".
    text = html.unescape(decode(path.read_bytes()))
    if path.suffix.lower() != ".txt":
        text = _MARKDOWN_MARKS.sub("", text)
    return promote_title_line(text_blocks(text))


def decode(data: bytes) -> str:
    """Decode Korean text whatever the usual encoding it was saved in."""
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError(texts.BAD_ENCODING)
