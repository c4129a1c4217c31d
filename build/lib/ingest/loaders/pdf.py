"""PDF files through pypdf: page text with visual line wraps undone; encrypted files refused."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from ingest import texts
from ingest.document import Block, heading_of, promote_title_line, text_blocks
from ingest.loaders.errors import LoadError

# A line that starts one of these is a new item even when the previous line did not end a
# sentence: a bullet, a circled number, "1." / "가." numbering, a schedule line "10월 20일".
_ITEM_START = re.compile(
    r"^(?:[-•·○●□■◦▪※*]|[①-⑳]|\d{1,2}[.)]|[가-하][.)]|\(\d{1,2}\)|\d{1,2}월\s*\d{1,2}일)"
)
_SENTENCE_END = (".", "?", "!", ":", "다", "요", "함", "음", "임")


def load(path: Path) -> list[Block]:
    """Blocks of a PDF's extracted text."""
    reader = PdfReader(path)
    if reader.is_encrypted and not _opens_without_password(reader):
        raise LoadError(texts.ENCRYPTED_PDF)
    try:
        pages = [page.extract_text() or "" for page in reader.pages]
    except (DependencyError, FileNotDecryptedError) as error:
        raise LoadError(texts.ENCRYPTED_PDF) from error
    return promote_title_line(text_blocks(unwrap("\n\n".join(pages))))


def _opens_without_password(reader: PdfReader) -> bool:
    """Some PDFs only carry an owner password and open with an empty one."""
    try:
        return bool(reader.decrypt(""))
    except (DependencyError, FileNotDecryptedError, NotImplementedError):
        return False


def unwrap(text: str) -> str:
    """Join lines the PDF wrapped at the page width back into their sentence."""
    raw_lines = [raw.strip() for raw in text.splitlines()]
    # A wrapped line fills the page; one well short of the widest line ended on purpose.
    # Counted in characters, which only approximates width, hence the generous margin.
    full = 0.75 * max((len(line) for line in raw_lines), default=0)
    lines: list[str] = []
    for line in raw_lines:
        previous = lines[-1] if lines else ""
        if line and previous and len(previous) >= full and not _stands_alone(previous, line):
            lines[-1] = f"{previous} {line}"
        else:
            lines.append(line)
    return "\n".join(lines)


def _stands_alone(previous: str, line: str) -> bool:
    """Whether ``line`` begins a new paragraph, heading or item rather than continuing."""
    return (
        previous.endswith(_SENTENCE_END)
        or heading_of(previous) == previous
        or heading_of(line) is not None
        or bool(_ITEM_START.match(line))
    )
