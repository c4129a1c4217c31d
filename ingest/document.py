"""The loaded form of a file: title, date and heading-delimited sections.

Loaders turn each format into a flat list of ``Block`` values (headings and paragraphs); this
module turns blocks into a ``Document``, recognising the headings that plain text carries
(Markdown ``#`` lines, ``제1장`` chapters, ``제3조(회비)`` articles) and the document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.tables import is_row

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_CHAPTER = re.compile(r"^제\s*\d+\s*[편장절관]\s*\S.{0,40}$")
_ARTICLE = re.compile(r"^(제\s*\d+\s*조(?:의\s*\d+)?\s*(?:\([^)\n]{1,30}\))?)")
_BRACKETED = re.compile(r"^【[^】\n]{1,40}】$")
# A short numbered or bulleted title line ("3. 지원 규모", "■ 신청 방법", "◆ 기술융합화 성공",
# "II. 유형"): no sentence ending, no colon (a colon makes it an item, "1. 서류 검토: 4월 1일").
_TITLE_LINE = re.compile(r"^(?:\d{1,2}\.|[IVX]{1,4}\.|[■◆□◇▶▣●○◎])\s*[^.:?!。\s][^.:?!。]{0,34}$")
_SENTENCE_LIKE = re.compile(r"(?:다|요|함|음|임|됨)\s*$")

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})(?!\d)"
)
_DATE_LABEL = re.compile(r"(작성일|시행일|공고일|게시일|등록일|개정일|일자|날짜)")
# Dates further down are usually event dates inside the body, not the document's own date.
_DATE_WINDOW = 400
_TITLE_MAX = 60


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading as it appears in the file; ``level`` is set for real headings."""

    text: str
    level: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """Text under one heading; ``text`` starts with the heading line itself when there is one."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """A file's content ready for chunking."""

    title: str
    sections: tuple[Section, ...]
    date: str | None

    @property
    def text(self) -> str:
        """The whole document as one string."""
        return "\n\n".join(section.text for section in self.sections)


def text_blocks(text: str) -> list[Block]:
    """Split plain text into paragraph blocks, recognising Markdown headings."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("\n".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        heading = _MARKDOWN_HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block(heading.group(2), level=len(heading.group(1))))
        elif line:
            paragraph.append(line)
        else:
            flush()
    flush()
    return blocks


def build_document(blocks: list[Block], fallback_title: str) -> Document:
    """Group blocks into sections and find the title (first heading) and the date."""
    lines, openings = _lines_with_headings(blocks)
    title = next((text for text, heading in lines if heading is not None), "") or fallback_title
    sections: list[Section] = []
    heading = ""
    body: list[str] = []
    for index, (text, line_heading) in enumerate(lines):
        if line_heading is not None:
            if body:
                sections.append(Section(heading, "\n".join(body)))
            heading, body = line_heading, []
        elif index in openings and body and not (is_row(body[-1]) and is_row(text)):
            # A blank line keeps the paragraph break: a subheading without a full stop
            # ("1994년 결성 784개 업체 참여") must not run into the caption under it. The rows
            # of a table (one paragraph each in HTML) stay one table.
            body.append("")
        body.append(text)
    if body:
        sections.append(Section(heading, "\n".join(body)))
    date = find_date("\n".join(text for text, _ in lines))
    return Document(title=title, sections=tuple(sections), date=date)


def promote_title_line(blocks: list[Block]) -> list[Block]:
    """Treat a short first line that is not a sentence as the title heading.

    Plain text, PDF and HWPX carry no heading markup, but their first line is nearly always
    the document's title (``2026년 정례회 일정 안내``).
    """
    if not blocks or blocks[0].level is not None:
        return blocks
    first, _, rest = blocks[0].text.strip().partition("\n")
    if not first or len(first) > _TITLE_MAX or first.endswith((".", "?", "!")) or heading_of(first):
        return blocks
    promoted = [Block(first, level=1)]
    if rest.strip():
        promoted.append(Block(rest))
    return promoted + blocks[1:]


def _lines_with_headings(
    blocks: list[Block],
) -> tuple[list[tuple[str, str | None]], set[int]]:
    """Every non-empty line with the heading it opens (``None`` for an ordinary line), and the
    indices of the lines that open a paragraph."""
    lines: list[tuple[str, str | None]] = []
    openings: set[int] = set()
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.level is not None:
            lines.append((" ".join(text.split()), " ".join(text.split())))
            continue
        openings.add(len(lines))
        for line in text.splitlines():
            line = line.strip()
            if line:
                lines.append((line, heading_of(line)))
    return _numbered_titles(lines), openings


def _numbered_titles(lines: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Promote short numbered or bulleted title lines ("3. 지원 규모") to headings.

    Such a line is a heading only when ordinary text follows it: two title-like lines in a row
    are a list of short items ("1. 회장 1인", "2. 감사 2인"), which must stay together.
    """
    promoted = list(lines)
    for index, (line, heading) in enumerate(lines):
        if heading is not None or not is_title_line(line):
            continue
        following = lines[index + 1][0] if index + 1 < len(lines) else None
        previous = lines[index - 1][0] if index else None
        if following is None or lines[index + 1][1] is not None:
            continue  # a title with nothing under it, or right before another heading
        if _same_list(line, following) or (previous is not None and _same_list(previous, line)):
            continue
        promoted[index] = (line, " ".join(line.split()))
    return promoted


def is_title_line(line: str) -> bool:
    """True for a short numbered or bulleted line that reads as a title, not a sentence."""
    return bool(_TITLE_LINE.match(line)) and not _SENTENCE_LIKE.search(line)


def _same_list(first: str, second: str) -> bool:
    """True when two title-like lines are neighbouring items of one list ("1. …", "2. …")."""
    if not (is_title_line(first) and is_title_line(second)):
        return False
    numbers = [re.match(r"(\d{1,2})\.", line) for line in (first, second)]
    if numbers[0] and numbers[1]:
        return int(numbers[1].group(1)) == int(numbers[0].group(1)) + 1
    return first[0] == second[0]  # the same bullet mark


def heading_of(line: str) -> str | None:
    """The heading a plain-text line opens (an article label, chapter or bracketed title)."""
    article = _ARTICLE.match(line)
    if article:
        return " ".join(article.group(1).split())
    if _CHAPTER.match(line) or _BRACKETED.match(line):
        return line
    return None


def find_date(text: str) -> str | None:
    """The document's own date (ISO ``YYYY-MM-DD``) from the top of its text, if any.

    A date on a line labelled 작성일/시행일/공고일 … wins; otherwise the first date near the top.
    """
    top = text[:_DATE_WINDOW]
    candidates = [line for line in top.splitlines() if _DATE_LABEL.search(line)] + [top]
    for candidate in candidates:
        for match in _DATE.finditer(candidate):
            year, month, day = (int(part) for part in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None
