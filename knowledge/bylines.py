"""Who wrote a document and when it came out: what members ask about a paper, an article or a
notice itself ("이 논문 누가 썼어요?", "그 기사 쓴 기자 블로그 있어?", "이 공지 언제 나온 거예요?").

These facts stand in a document's byline, not in its sentences: a name with an affiliation under
the title ("박노국 (상지대학교 …)"), a reporter at the end ("/김형수기자 blog…"), a labelled line
("작성: 사무국 행사팀"), and the date found at ingest (:attr:`knowledge.types.Chunk.date`). A
sentence-matching answer cannot find them, because a question about the author shares no word
with a byline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from knowledge.types import Chunk, Hit

Asked = Literal["author", "date"]
Document = Callable[[str], Sequence[Chunk]]
"""The chunks of one document (by source), in order."""

_DOCUMENT_WORD = re.compile(r"논문|기사|자료|안내문|공지|문서|보고서|뉴스레터|소식지|공고|글(?!자)")
_ASKS_DATE = re.compile(
    r"(?:언제|몇\s*년도?|날짜).{0,10}(?:나온|나왔|나오|작성|쓴|썼|발행|올라온|올라왔|게시|만든|만들어)|"
    r"(?:나온|나왔|작성된|작성한|쓴|발행된|올라온|게시된)\s*(?:거|게|건|날|때|날짜).{0,6}(?:언제|몇)|"
    r"작성일|발행일|게시일"
)
_ASKS_AUTHOR = re.compile(
    r"(?:쓴|썼|작성한|작성했|지은|올린|올렸|만든)\s*(?:사람|분|교수|기자|곳|데)|저자|작성자|글쓴이|"
    r"필자|누가\s*(?:썼|쓴|써|작성|올렸|올린|올려|만들|만드)|기자\s*(?:이름|누구|블로그|연락처|메일|이메일)|"
    r"기자(?:가|는)\s*누구"
)
_PAPER = re.compile(r"논문|보고서|연구")
_ARTICLE = re.compile(r"기사|뉴스|신문|기자")

# "박노국 (상지대학교 시스템경영공학과)": a name with an institution under the title.
_SCHOLAR = re.compile(
    r"(?<![가-힣])([가-힣]{2,4})\s*\(([^)]*(?:대학교?|학과|학부|연구소|연구원)[^)]*)\)"
)
# "/김형수기자 blog.itimes.co.kr/vodokim", "김형수 기자": a reporter, with their page if given.
_REPORTER = re.compile(
    r"(?<![가-힣])([가-힣]{2,4})\s*기자(?![가-힣])(?:\s+((?:https?://|www\.|blog\.)\S+))?"
)
# "작성: (사)한빛… 수출지원센터 (031-…)", "게시: 사무국 행사팀", "글: 홍길동".
_LABELLED = re.compile(
    r"(?:^|·\s*)(작성|작성자|게시|발행|편집|글)\s*[:：]\s*([^·\n]+)", re.MULTILINE
)
_TOP_CHARS = 600
_END_CHARS = 400


@dataclass(frozen=True, slots=True)
class Written:
    """What a document says about itself: its writer or its date, for the answer to compose."""

    title: str
    number: int
    """The 1-based number of the listed passage from the document, for the citation."""
    date: str | None = None
    """ISO date the document came out (``about == "date"``)."""
    writer: str | None = None
    """A person ("박노국") or an office ("사무국 행사팀")."""
    affiliation: str | None = None
    """The person's institution ("상지대학교 시스템경영공학과")."""
    reporter: bool = False
    page: str | None = None
    """A reporter's blog or page."""
    did: Literal["작성", "게시", "발행", "편집"] | None = None
    """What an office's labelled line says it did; ``None`` for a person."""


def asked(question: str) -> Asked | None:
    """What a question asks about a document itself, if anything: its writer or its date."""
    if not _DOCUMENT_WORD.search(question):
        return None  # "이업종교류회 누가 만들었어?" asks who founded it, not who wrote a text
    if _ASKS_DATE.search(question):
        return "date"
    if _ASKS_AUTHOR.search(question):
        return "author"
    return None


def answer(question: str, about: Asked, hits: Sequence[Hit], document: Document) -> Written | None:
    """What the document the question means says about ``about``; ``None`` when no listed
    document has it.

    The document is the best-ranked one whose kind the question names (a paper for 논문, an
    article for 기사) and that holds the fact; failing that, the best-ranked one holding it.
    """
    wants_paper = _PAPER.search(question) is not None
    wants_article = _ARTICLE.search(question) is not None
    found: list[tuple[Written, bool]] = []  # and whether it is of the kind named
    seen: set[str] = set()
    for number, hit in enumerate(hits, start=1):
        chunk = hit.chunk
        if chunk.source in seen:
            continue
        seen.add(chunk.source)
        text = "\n".join(c.text for c in (list(document(chunk.source)) or [chunk]))
        top, end = text[:_TOP_CHARS], text[-_END_CHARS:]
        kind_named = (wants_paper and _SCHOLAR.search(top) is not None) or (
            wants_article and _REPORTER.search(end) is not None
        )
        written = (
            (Written(chunk.title, number, date=chunk.date) if chunk.date else None)
            if about == "date"
            else _writer(chunk.title, number, top, end, prefer_reporter=wants_article)
        )
        if written is not None:
            found.append((written, kind_named))
    if not found:
        return None
    return next((written for written, named in found if named), found[0][0])


def _writer(
    title: str, number: int, top: str, end: str, *, prefer_reporter: bool
) -> Written | None:
    """Who wrote the document, from its byline (``None`` when it has none)."""
    scholar = _SCHOLAR.search(top)
    reporter = _REPORTER.search(end) or _REPORTER.search(top)
    labelled = _LABELLED.search(top)
    if reporter is not None and (prefer_reporter or scholar is None):
        return Written(
            title, number, writer=reporter.group(1), reporter=True, page=reporter.group(2)
        )
    if scholar is not None:
        where = " ".join(scholar.group(2).split())
        return Written(title, number, writer=scholar.group(1), affiliation=where)
    if labelled is not None:
        writer = " ".join(labelled.group(2).split()).strip(" ,")
        writer = re.sub(r"\s*\([^)]*\)$", "", writer)  # its telephone and e-mail, said elsewhere
        return Written(title, number, writer=writer, did=_DID.get(labelled.group(1), "작성"))
    return None


_DID: dict[str, Literal["작성", "게시", "발행", "편집"]] = {
    "게시": "게시",
    "발행": "발행",
    "편집": "편집",
}
