"""What the bot says about answers from the documents: empty questions, nothing loaded,
off-topic, "not covered" with the advisor field, and the numbered sources.
"""

from __future__ import annotations

from bot.texts.josa import particle

QA_EMPTY_QUESTION = (
    "궁금한 점을 글로 적어 주세요. 예를 들어 '연회비는 얼마인가요?'처럼 물어보시면 돼요."
)
QA_NO_DOCUMENTS = (
    "아직 불러온 연합회 문서가 없어서 답해 드릴 수 없어요. "
    "사무국에서 'gyoryu ingest'로 문서를 먼저 등록해 주세요."
)
QA_OFF_TOPIC = (
    "그 이야기는 제가 잘 몰라요. 저는 연합회 문서를 바탕으로 회칙과 회비, 정례회와 행사 일정, "
    "지원사업, 경조사 규정 같은 궁금한 점에 답해 드리는 도우미예요. 편하게 물어봐 주세요."
)
QA_SOURCES_HEADING = "출처"
QA_OFFER_EXPERT = "전문가에게 질문을 전달해 드릴까요?"


def qa_not_covered(field: str | None, *, related: tuple[str, str] | None = None) -> str:
    """Say plainly that the documents do not (clearly) answer, and point to who could.

    ``related`` (document title, sentence) is the closest passage found, shown as a pointer
    that is clearly not the answer.
    """
    who = f"{field} 분야 자문위원께" if field else "사무국이나 자문위원께"
    if related is None:
        return (
            "연합회 자료에서는 이 질문에 대한 내용을 찾지 못했어요. 확인되지 않은 내용은 "
            f"답해 드리지 않을게요. {who} 여쭤보시면 도움을 받으실 수 있어요. {QA_OFFER_EXPERT}"
        )
    title, sentence = related
    # The copula agrees with the quote's last word ("…사무총장 1인"이에요, "…엽니다."예요).
    copula = particle(sentence.rstrip(".。!? "), "이에요/예요")
    return (
        "연합회 자료로는 이 질문에 분명하게 답하기 어려워요. 확인되지 않은 내용은 답해 드리지 "
        f'않을게요. 관련 있어 보이는 자료는 「{title}」의 "{sentence}"{copula}. 답이 아닐 수 '
        f"있어요. {who} 여쭤보시면 도움을 받으실 수 있어요. {QA_OFFER_EXPERT}"
    )


def qa_source_line(number: int, title: str, section: str) -> str:
    """One numbered source under an answer: ``[1] 한빛연합회 정관 · 제8조(회비)``."""
    if section and section != title:
        return f"[{number}] {title} · {section}"
    return f"[{number}] {title}"


def qa_written_on(title: str, year: int, month: int, day: int, number: int) -> str:
    """When a document came out ("이 논문 언제 나온 거예요?")."""
    topic = particle(title, "은/는")
    return f"「{title}」{topic} {year}년 {month}월 {day}일에 나온 자료예요 [{number}]."


def qa_written_by(
    title: str,
    number: int,
    *,
    writer: str,
    affiliation: str | None = None,
    reporter: bool = False,
    page: str | None = None,
    did: str | None = None,
) -> str:
    """Who wrote a document: a reporter, a scholar with their institution, or an office."""
    if reporter:
        said = f"「{title}」 기사는 {writer} 기자가 썼어요"
        return f"{said}(블로그: {page}) [{number}]." if page else f"{said} [{number}]."
    if affiliation is not None:
        return (
            f"「{title}」{particle(title, '은/는')} {writer}({affiliation})"
            f"{particle(writer, '이/가')} 쓴 글이에요 [{number}]."
        )
    done = {"게시": "올렸어요", "발행": "펴냈어요", "편집": "만들어요"}.get(did or "", "작성했어요")
    return f"「{title}」{particle(title, '은/는')} {writer}에서 {done} [{number}]."
