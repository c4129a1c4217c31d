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
_DID = {"게시": "올렸어요", "발행": "펴냈어요", "편집": "만들어요"}
_TOP_CHARS = 600
_END_CHARS = 400


@dataclass(frozen=True, slots=True)
class Byline:
    """A document's writer as the answer names them, and the source it comes from."""

    text: str
    source: str


def asked(question: str) -> Asked | None:
    """What a question asks about a document itself, if anything: its writer or its date."""
    if not _DOCUMENT_WORD.search(question):
        return None  # "이업종교류회 누가 만들었어?" asks who founded it, not who wrote a text
    if _ASKS_DATE.search(question):
        return "date"
    if _ASKS_AUTHOR.search(question):
        return "author"
    return None


def answer(
    question: str, about: Asked, hits: Sequence[Hit], document: Document
) -> tuple[str, int] | None:
    """The sentence answering ``about`` for the document the question means, with the 1-based
    number of the hit it cites; ``None`` when no listed document has that fact.

    The document is the best-ranked one whose kind the question names (a paper for 논문, an
    article for 기사) and that holds the fact; failing that, the best-ranked one holding it.
    """
    wants_paper = _PAPER.search(question) is not None
    wants_article = _ARTICLE.search(question) is not None
    found: list[tuple[int, str, str, bool]] = []  # (number, title, said, of the kind named)
    seen: set[str] = set()
    for number, hit in enumerate(hits, start=1):
        chunk = hit.chunk
        if chunk.source in seen:
            continue
        seen.add(chunk.source)
        chunks = list(document(chunk.source)) or [chunk]
        top = "\n".join(c.text for c in chunks)[:_TOP_CHARS]
        end = "\n".join(c.text for c in chunks)[-_END_CHARS:]
        kind_named = (wants_paper and _SCHOLAR.search(top) is not None) or (
            wants_article and _REPORTER.search(end) is not None
        )
        said = (
            _dated(chunk.title, chunk.date)
            if about == "date"
            else _written(chunk.title, top, end, prefer_reporter=wants_article)
        )
        if said:
            found.append((number, chunk.title, said, kind_named))
    if not found:
        return None
    number, _, said, _ = next((entry for entry in found if entry[3]), found[0])
    return said, number


def _dated(title: str, date: str | None) -> str:
    """ "「…」은 2006년 11월 24일에 나온 자료예요." (empty without a date)."""
    if not date:
        return ""
    year, month, day = (int(part) for part in date.split("-"))
    return f"「{title}」{_topic(title)} {year}년 {month}월 {day}일에 나온 자료예요"


def _written(title: str, top: str, end: str, *, prefer_reporter: bool) -> str:
    """Who wrote the document, as a sentence (empty when no byline is found)."""
    scholar = _SCHOLAR.search(top)
    reporter = _REPORTER.search(end) or _REPORTER.search(top)
    labelled = _LABELLED.search(top)
    if reporter is not None and (prefer_reporter or scholar is None):
        name, page = reporter.group(1), reporter.group(2)
        said = f"「{title}」 기사는 {name} 기자가 썼어요"
        return f"{said}(블로그: {page})" if page else said
    if scholar is not None:
        name, where = scholar.group(1), " ".join(scholar.group(2).split())
        return f"「{title}」{_topic(title)} {name}({where}){_subject(name)} 쓴 글이에요"
    if labelled is not None:
        writer = " ".join(labelled.group(2).split()).strip(" ,")
        writer = re.sub(r"\s*\([^)]*\)$", "", writer)  # its telephone and e-mail, said elsewhere
        did = _DID.get(labelled.group(1), "작성했어요")
        return f"「{title}」{_topic(title)} {writer}에서 {did}"
    return ""


def _final_consonant(word: str) -> bool:
    syllables = [char for char in word if "가" <= char <= "힣"]
    return bool(syllables) and (ord(syllables[-1]) - 0xAC00) % 28 != 0


def _topic(word: str) -> str:
    return "은" if _final_consonant(word) else "는"


def _subject(word: str) -> str:
    return "이" if _final_consonant(word) else "가"
