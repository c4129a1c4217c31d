"""Advisor fields (세무, 법률, 특허 …) and a cheap guess of which one a question belongs to.

When the federation's documents cannot answer a question, the bot names the kind of expert who
could; the guess is a keyword lexicon, because a wrong field costs one redirect while a model call
would cost the whole answer deadline.
"""

from __future__ import annotations

import re

_LEXICON: dict[str, str] = {
    "세무": (
        "세금, 세무, 부가세, 부가가치세, 법인세, 소득세, 종합소득, 원천징수, "
        "세액, 공제, 절세, 세무조사, 연말정산, 세금계산서, 신고납부, 가산세, "
        "세율"
    ),
    "법률": (
        "법률, 소송, 계약서, 계약 해지, 손해배상, 변호사, 고소, 분쟁, 합의서, "
        "내용증명, 위약금, 채권, 미수금, 법적, 법무, 약관, 가압류, 하도급"
    ),
    "특허": (
        "특허, 상표, 실용신안, 디자인권, 지식재산, 지재권, 변리사, 출원, "
        "기술 탈취, 영업비밀, 라이선스, 침해, 디자인, 모방, 베낀, 도용, 위조"
    ),
    "노무": (
        "노무, 근로, 임금, 퇴직금, 해고, 4대보험, 사대보험, 연차, 주휴, "
        "근로계약, 최저임금, 산재, 노동, 수당, 취업규칙, 노무사, 고용허가, "
        "외국인 근로자"
    ),
    "자금": (
        "자금, 대출, 융자, 보증, 신용보증, 기보, 신보, 투자 유치, 운전자금, "
        "시설자금, 금리, 이자, 정책자금, 담보, 유동성, 재무"
    ),
    "수출": (
        "수출, 해외, 바이어, 통관, 관세, 무역, FTA, 원산지, 수입, 선적, "
        "해외 전시회, 코트라, KOTRA, 인코텀즈, 신용장, FDA, CE인증, "
        "해외 인증"
    ),
    "기술": (
        "기술 개발, 기술개발, R&D, 연구개발, 시제품, 공정 개선, 불량, 설비, "
        "자동화, 품질, 인증, ISO, KC인증, 소재, 금형, 시험 분석, 연구소"
    ),
    "정부지원": (
        "정부지원, 지원사업, 보조금, 바우처, 공고, 중진공, 중소기업진흥공단, "
        "소상공인, 지자체 지원, 정책 지원, 국비, 지원금, 창업 지원, 스마트공장, "
        "자부담, 장려금, 고용장려금"
    ),
    "판로": (
        "판로, 판매처, 거래처, 마케팅, 홍보, 온라인 판매, 유통, 납품, 조달, "
        "나라장터, 공공구매, 입점, 영업, 전시회"
    ),
    "인력": ("인력, 채용, 구인, 인재, 일손, 교육훈련, 직업훈련, 인턴, 고용, 일자리"),
}

FIELDS: dict[str, tuple[str, ...]] = {
    field: tuple(keyword.strip() for keyword in keywords.split(","))
    for field, keywords in _LEXICON.items()
}
"""Keyword lexicon per advisor field; a question's field is the one with the most matches."""

_SPACES = re.compile(r"\s+")


def guess_field(question: str) -> str | None:
    """The advisor field a question most likely belongs to, or ``None`` when nothing matches.

    Keywords are matched with and without spaces so "기술개발" and "기술 개발" count alike; longer
    keywords weigh more because they are more specific ("세금계산서" over "공고").
    """
    text = question.casefold()
    compact = _SPACES.sub("", text)
    best: str | None = None
    best_score = 0
    for field, keywords in FIELDS.items():
        score = sum(
            len(keyword)
            for keyword in keywords
            if keyword.casefold() in text or _SPACES.sub("", keyword.casefold()) in compact
        )
        if score > best_score:
            best, best_score = field, score
    return best
