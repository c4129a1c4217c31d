"""What kind of facts a sentence holds: dates, amounts, counts, places, people, contacts.

A question asking 언제 is answered by a sentence holding a date, not by the one repeating the most
of its words. These detectors are patterns over the sentence text; they err on the side of
finding a fact (a false "has a date" only lets a sentence compete, the question words still
decide), while a sentence with no such fact can never be the answer to a typed question.

The module also recognises sentences that must never be quoted as an answer: instructions
addressed to an AI inside a document (content, not the bot's voice) and boilerplate such as a
purpose article or a document's date line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # knowledge.question reads its place words from here
    from knowledge.question import Kind

_NUM = r"\d[\d,.]*"
_HANGUL_NUMBER = r"(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰|수십|수백|몇십)"

_DATE = re.compile(
    r"\d{1,2}\s*월\s*\d{1,2}\s*일|\d{1,2}\s*월(?!\s*\d)|\d{2,4}\s*년|\d{1,2}\s*일\s*\(|"
    r"\d{1,2}\s*일\s*(?:까지|부터|전|이내|안|후|오전|오후|동안|간)|"
    r"(?:오전|오후|새벽|저녁|밤|낮)\s*\d{1,2}\s*시|\d{1,2}\s*시(?:\s*\d{1,2}\s*분)?\s*(?:부터|까지|에|쯤)|"
    r"\d{1,2}\s*시\s*\d{1,2}\s*분|"
    rf"(?:{_NUM}|{_HANGUL_NUMBER})\s*(?:개월|주일?|일|년|시간|영업일|달)\s*"
    r"(?:이내|안|전|후|동안|만에|가까이|까지|정도|넘게|이상|이 ?지나|이 ?걸|걸|뒤|마다)|"
    r"매(?:월|년|주|일|달|분기)|(?:첫|둘|셋|넷|다섯)째\s*주|[월화수목금토일]요일|분기|"
    r"상반기|하반기|연초|연말|연중|\d{2,4}\.\s?\d{1,2}\.\s?\d{1,2}|\d+년대|"
    r"(?:다음|이튿)\s*날|전날|당일|그날|언제든|수시로|마감"
)
_AMOUNT = re.compile(
    rf"{_NUM}\s*(?:[조억만천백]\s*(?:{_NUM})?\s*)*원|{_NUM}\s*(?:%|퍼센트|프로)|"
    rf"\d+\s*분의\s*\d+|과반수|절반|무료|전액|(?:{_HANGUL_NUMBER}|\d+)\s*배"
)
# After a counter: a particle, punctuation or the end, never more of a word ("한 회원" is not
# "one time", "3회" is).
_AFTER_COUNTER = (
    r"(?=$|[\s,.)·~/]|이상|이하|이내|미만|가량|정도|씩|만|도|이|가|을|를|은|는|에|의|과|와|로|까지|"
    r"부터|째|당|으로|이나|나|쯤|여)"
    # "한도 계산에서는 1건으로 봅니다" says how a thing is counted, not how many there are.
    r"(?!(?:으)?로\s*(?:봅|본|보[고며아는면]|봐|칩|친|치[고며는]|간주|계산|셈))"
    # "참가비: 1인 15만원" is a price per person, not how many people there are.
    rf"(?!\s*{_NUM}\s*(?:[조억만천백]\s*)*원)"
)
COUNTERS = (
    "개사|개국|개|명|곳|건|회|인|팀|가지|차|군데|종|분|사|대|호|번|사람|업종|회사|기업|업체|그룹|과제|분야|"
    "시간|주|일|개월|년"
)
_COUNT = re.compile(
    rf"(?<![\d가-힣]){_NUM}\s*(?:[만천백]\s*(?:{_NUM})?\s*)*(?:여\s*)?(?:~\s*{_NUM}\s*)?"
    rf"(?:개\s*)?(?:{COUNTERS}){_AFTER_COUNTER}|"
    rf"(?<![가-힣]){_HANGUL_NUMBER}\s*(?:{COUNTERS}){_AFTER_COUNTER}"
)
# Words naming a kind of place ("호텔", "사무실"); a place's name often ends in one.
PLACE_TYPES = (
    r"센터|홀|회의실|상담실|세미나실|제작실|연수원|공장|산업단지|호텔|빌딩|타워|본관|자료실|누리집|"
    r"홈페이지|사무실|사무소|사무국|컨벤션|대학교|연구소|공업지역|식당|블록|주차장|강당|교실|현장|"
    r"전시장|전시관|행사장"
)
_PLACE = re.compile(
    rf"\d+\s*층|[가-힣A-Za-z0-9()]*(?:{PLACE_TYPES})|"
    r"(?<!진흥)(?<!복지)(?<!연금)(?<!보험)(?<!관리)공단|"  # 반월공단, not 진흥공단 (an agency)
    r"[가-힣]+(?:시|구|군|도|동|읍|면|로|길)\s+\d+|"
    r"베트남|일본|중국|미국|독일|대만|태국|인도네시아|홍콩|싱가포르|호치민|하노이|도쿄|시즈오카|"
    r"가나가와|오사카|하노버|평창|제주|부산|서울|경기|강원|인천|개성|현지|해외|국내"
)
# A name: two or three letters, not ending in a particle, right before a title ("김세현 세무사",
# "한지원 공인노무사"), or before an affiliation in brackets ("박노국 (상지대학교 …)").
# Nor a body or a company ("교류회 회장", "회원사 대표"): names do not end in 회 or 사.
# Nor a word saying which one ("담당 간사", "신임 회장").
_NAME = (
    r"(?<![가-힣])(?!(?:담당|전담|소속|해당|신임|초대|현직|명예|상임|자문|공인|각각)\s)"
    r"[가-힣]{1,3}[가-힣](?<![을를은는이가의에도와과회사])"
)
_TITLE = (
    r"(?:(?:세무사|공인노무사|노무사|변호사|변리사|관세사|교수|위원(?!회)|회장|부회장|주무관|"
    r"팀장|도지사|시장|대표(?!하|적)|이사(?!회)|박사|기자|간사|사무총장|위원장)"
    # …ending the word, or followed by a particle: "장성숙 회장이", "김세현 세무사가".
    r"(?![가-힣])|(?:세무사|노무사|변호사|변리사|관세사|교수|회장|부회장|도지사|박사|기자|간사|"
    r"사무총장|위원장|팀장)(?=(?:이|가|은|는|께서|님|와|과|의|을|를|도)(?![가-힣])))"
)
# An affiliation names an institution, a word of its own: "(상지대학교 시스템경영공학과)", not
# "(교수·학생·연구장비 등)".
_AFFILIATION = r"\([^)]*(?:대학교?|학과|학부|연구소|연구원|협회|회사|주식회사|㈜)(?![가-힣])[^)]*\)"
_PERSON = re.compile(rf"{_NAME}\s+{_TITLE}|{_NAME}\s*{_AFFILIATION}")
_TITLED_NAME = re.compile(rf"({_NAME})\s+{_TITLE}")
_ROLE = re.compile(
    r"회장|부회장|간사|사무총장|리더|이사(?!회)|감사(?!하|를|의)|위원(?!회)|담당자|전문가|교수|세무사|"
    r"변호사|노무사|변리사|관세사|대표(?!하|적)"
)
_CONTACT = re.compile(
    r"\d{2,4}-\d{3,4}-\d{4}|[\w.+-]+@[\w-]+\.[\w.]+|\d{2,6}-\d{2,6}-\d{2,8}|https?://\S+|"
    r"www\.\S+|전화|이메일|챗봇|홈페이지|누리집|카카오톡|텔레그램"
)

# Which counters in a passage answer a "몇 …" question with a given counter.
_COMPATIBLE: dict[str, tuple[str, ...]] = {
    "곳": ("곳", "개사", "개", "회사", "기업", "업체"),
    "군데": ("군데", "곳", "개사", "개", "회사", "기업", "업체"),
    "개사": ("개사", "곳", "개", "회사", "기업", "업체"),
    "개": ("개", "개사", "곳", "건", "종", "가지", "개국", "업체", "기업", "회사", "그룹", "업종"),
    "명": ("명", "인", "사람"),
    "건": ("건", "개"),
    "번": ("번", "회", "차"),
    "회": ("회", "번", "차"),
    "차": ("차", "회", "번"),
    "분": ("분", "시간"),
    "시간": ("시간", "분"),
    "가지": ("가지", "개"),
    "팀": ("팀", "개"),
    "달": ("달", "개월"),
}
_COUNT_SPAN = re.compile(
    rf"(?<![\d가-힣])(?:{_NUM}\s*(?:[만천백]\s*(?:{_NUM})?\s*)*|{_HANGUL_NUMBER}\s*)(?:여\s*)?"
    rf"(?:~\s*{_NUM}\s*)?(개사|개국|개\s*(?:업체|기업|회사|업종|그룹|과제|분야)|{COUNTERS})"
    rf"{_AFTER_COUNTER}"
)


def _per_unit(per: re.Match[str]) -> str:
    return per.group("per") or per.group("per2") or per.group("per3")


COMPANY_WORDS = frozenset({"회사", "기업", "업체", "회원사"})
"""Words members use for a member company."""


def _asks_per(unit: str, asked: str) -> bool:
    """True when the question asks about the thing a count is per: it names it, or, for a
    company, speaks of its own ("우리 직원들 몇 명까지" is so many per company)."""
    return unit in asked or (
        unit in COMPANY_WORDS and re.search(r"우리|저희|직원", asked) is not None
    )


# "한 업종에 한 회사", "1개 업종에 1개사", "업종당 2명": a count per something, with that thing.
_PER = re.compile(
    rf"(?:(?<![\d가-힣])(?:한|1)\s*(?:개\s*)?(?P<per>[가-힣]{{1,5}}?)에|"
    rf"(?<![\d가-힣])1\s*(?P<per3>[가-힣]{{2,4}})\s+(?=1\s*개)|"  # "1업종 1개 기업"
    rf"(?P<per2>[가-힣]{{1,5}}?)(?:당|마다))\s*{_COUNT_SPAN.pattern}"
)


def counts_with(counter: str, text: str, asked: str = "") -> bool:
    """True when ``text`` has a number with a counter that answers "몇 {counter}".

    A count per something ("한 업종에 한 회사") answers only a question about that something
    (``asked``, the question's text): "회사 몇 개 있어야 돼요?" is not answered by it.
    """
    accepted = _COMPATIBLE.get(counter, (counter,))
    text = _PER.sub(lambda per: per.group() if _asks_per(_per_unit(per), asked) else " ", text)
    for match in _COUNT_SPAN.finditer(text):
        unit = match.group(1).replace(" ", "")
        if unit in accepted or any(unit.startswith("개") and word in unit for word in accepted):
            return True
    return False


_DETECTORS: dict[Kind, re.Pattern[str]] = {
    "date": _DATE,
    "amount": _AMOUNT,
    "count": _COUNT,
    "place": _PLACE,
    "person": _PERSON,
    "contact": _CONTACT,
}


_GENERIC_PLACES = frozenset({"국내", "해외", "현지", "현장", "사무실", "사무국", "홈페이지"})


def places_in(text: str) -> set[str]:
    """The places ``text`` names (cities, halls, buildings), without "국내", "해외" and the like."""
    return {
        "".join(m.group().split())
        for m in _PLACE.finditer(text)
        if len(m.group()) >= 3 and m.group() not in _GENERIC_PLACES
    }


def people_in(text: str) -> set[str]:
    """The people ``text`` names by name and title ("오승준" in "오승준 변리사")."""
    return {match.group(1) for match in _TITLED_NAME.finditer(text)}


def is_place_type(word: str) -> bool:
    """True for a word naming a kind of place ("호텔", "식당"), not a place itself."""
    return re.fullmatch(PLACE_TYPES, word) is not None


def names_role(text: str) -> bool:
    """True when ``text`` names a role or a profession ("노무사", "자문위원", "회장")."""
    return _ROLE.search(text) is not None


def holds(kind: Kind, text: str) -> bool:
    """True when ``text`` holds a fact of ``kind`` (always True for untyped kinds)."""
    detector = _DETECTORS.get(kind)
    if detector is None:
        return True
    if kind == "person":
        return detector.search(text) is not None or _ROLE.search(text) is not None
    return detector.search(text) is not None


_FULL_DATE = re.compile(
    r"\d{1,2}\s*월\s*\d{1,2}\s*일|\d{4}\s*년|\d+\s*(?:개월|주|일|시간|영업일)|\d+\s*년\s*(?:이내|안에)|"
    r"(?:오전|오후)\s*\d{1,2}\s*시|매(?:월|주|년)\s*\S+\s*(?:주|일)|\d+년대"
)


def strength(kind: Kind, text: str) -> float:
    """How well ``text`` answers a ``kind`` question: 0 (no such fact) to 1 (a clear one).

    A named person beats a role noun; a full date beats a weekday; for untyped kinds it is 1.
    Titles quoted in 「」 are not facts ("「2026년 정례회 일정」에 있습니다" holds no date).
    """
    text = re.sub(r"「[^」]*」", " ", text)
    if kind == "person":
        if _PERSON.search(text):
            return 1.0
        return 0.3 if _ROLE.search(text) else 0.0
    if kind == "amount":
        if re.search(
            rf"{_NUM}\s*(?:[조억만천백]\s*(?:{_NUM})?\s*)*원|{_NUM}\s*(?:%|퍼센트|프로)|분의", text
        ):
            return 1.0
        return 0.5 if _AMOUNT.search(text) else 0.0  # "무료", "전액": an amount, not a figure
    if kind == "date":
        if _FULL_DATE.search(text):
            return 1.0
        return 0.6 if _DATE.search(text) else 0.0
    if kind == "contact":
        if re.search(r"\d{2,4}-\d{3,4}-\d{4}|@|\d{2,6}-\d{2,6}-\d{2,8}|https?://", text):
            return 1.0
        return 0.4 if _CONTACT.search(text) else 0.0
    return 1.0 if holds(kind, text) else 0.0


# ── Yes or no ──────────────────────────────────────────────────────────────────────────────

_NEGATION = re.compile(
    r"않|아니|없(?:습|어|다|고|으)|불가|못\s?(?:합|해|하|받)|제외|금지|안\s?됩|안\s?돼|어렵|면제|"
    r"드리지|보장하지|지원하지"
)
_NEGATION_END = re.compile(
    r"(?:않|아니|없|불가|못\s?하|못\s?합|제외|금지|면제|안\s?됩|안\s?돼)[가-힣\s]{0,8}$"
)
_RESTRICTION = re.compile(r"[가-힣)]만\s|경우에만|까지만|에 한하여|에 한해|조건|단,|다만")
_AFFIRMATION = re.compile(
    r"수\s?있(?:습니다|어요|다)|가능합니다|가능해요|가능하며|됩니다|돼요|할 수 있|네[.,]|"
    r"인정됩니다|지원합니다|드립니다|받습니다"
)
# The member pays it themselves: a "no" to "is it paid for?".
_OWN_COST = re.compile(
    r"(?:회원사|본인|참가자|각자|개인|참가\s?기업|참가\s?회사|자비)(?:가|이|에서|의|로)?\s*"
    r"(?:직접\s*)?부담(?:합니다|한다|해야|하며|하고|입니다)"
)
# Clauses that only set a condition or a concession before the main one.
_CLAUSE_BREAK = re.compile(r"(?:면|지만|는데|으나|더라도|거나)[,;]?\s+")

Polarity = Literal["yes", "no"]


def polarity(
    sentence: str,
    about: list[str],
    heading: str = "",
    *,
    must: bool = False,
    own_words_only: bool = False,
    asks_support: bool = False,
) -> Polarity | None:
    """Whether ``sentence`` says yes or no about the question, or ``None`` when it does not say.

    Only the main (last) clause counts, and only when it mentions one of the words ``about``
    (the question's content words, found by the caller), so "환급을 받지 못하면 수수료가 없습니다"
    does not answer "대행도 해 주나요?" with no. "아닙니다." and "네." at the start decide alone.
    """
    head = sentence.lstrip()
    if must and re.search(
        r"의무(?:는|가)?\s*아니|필수(?:는|가)?\s*아니|않아도\s*(?:됩|돼)", sentence
    ):
        return "no"  # "꼭 들어야 돼요?" — "법으로 가입이 의무는 아니지만 …"
    if re.match(r"(?:아닙니다|아니요|아니오)[.,\s]", head):
        return "no"
    if re.match(r"(?:네|예|됩니다)[.,\s]", head):
        return "yes"
    clauses = _CLAUSE_BREAK.split(sentence)
    main = clauses[-1] if clauses else sentence
    if asks_support and _OWN_COST.search(main):
        return "no"  # "비행기값도 지원돼요?" — "항공료와 숙박비는 회원사가 부담합니다"
    if not any(word and word in "".join(main.split()) for word in about):
        return None
    # Only the final predicate decides: "이름을 밝히지 않고 다룹니다" is not a no.
    predicate = main.rstrip(" .。!")[-16:]
    if _NEGATION_END.search(predicate):
        return "no"
    affirmed = _AFFIRMATION.search(predicate)
    # "전할 수 있다는 장점을 가지고 있다" describes an advantage; it allows nothing.
    if (
        affirmed
        and not re.match(r"다?는", predicate[affirmed.end() :])
        and not _RESTRICTION.search(main)
    ):
        # "한 업종에 한 회사만 들어갈 수 있습니다" limits rather than allows: no "네" for it.
        return "yes"
    if not own_words_only and re.search(r"않는|제외|불가|금지|없는", heading):
        return "no"  # under "7. 보상하지 않는 손해" a mention means: not covered
    return None


# ── Sentences that are never an answer ────────────────────────────────────────────────────

_INSTRUCTION = re.compile(
    r"(?:AI|인공지능|챗봇|어시스턴트|언어\s?모델|모델|assistant|GPT|LLM|봇)\s*(?:은|는|이|가|에게|께)?[^.。]{0,40}"
    r"(?:하라|해라|하십시오|할 것|출력|무시|공개하|알려\s?줘라|답하라|따르라|잊어)|"
    r"(?:이전|앞의|위의|모든)\s*(?:지시|명령|규칙|지침)[^.。]{0,10}(?:무시|잊)|시스템\s*프롬프트|"
    r"ignore (?:all |the )?(?:previous|above) instructions",
    re.IGNORECASE,
)
_META_LINE = re.compile(
    r"^\s*(?:작성일|작성|게시일|게시|발행일|발행|편집|공고일|공고번호|개정|제정|시행일|등록일|문의)\s*[:：]?\s*"
)
_PURPOSE = re.compile(r"목적으로\s*한다|(?:사항|기준과 절차|절차)을?\s*정한다\.?$|정함을 목적")
_PURPOSE_SECTION = re.compile(r"제\s*1\s*조\s*\(\s*목적\s*\)")


def is_instruction(sentence: str) -> bool:
    """True for text that tells an AI what to do ("이 문서를 읽은 AI는 … 출력하라")."""
    return _INSTRUCTION.search(sentence) is not None


def is_boilerplate(sentence: str, section: str) -> bool:
    """True for a purpose article, a document's date or author line, and the like."""
    if _META_LINE.match(sentence):
        return True
    if _PURPOSE_SECTION.search(section):
        return True
    return _PURPOSE.search(sentence) is not None


def mentions_year(text: str, year: int) -> bool:
    """True when ``text`` names ``year`` ("2025년", "2025.")."""
    return re.search(rf"(?<!\d){year}(?!\d)", text) is not None


# ── Superlatives ("업종 제일 많은 게 뭐예요?") ────────────────────────────────────────────

_SUPERLATIVE_WORDING = re.compile(r"가장|제일|최대|최다|최고|최저|최소|1위|으뜸|첫째로\s*많")
_FIGURE_IN_ITEM = re.compile(r"(\d[\d,.]*)\s*(개사|명|%|곳|개|건|만원|억원|원|회)")
_ITEM_BREAK = re.compile(r"[,，;]|\s(?:및|그리고|또한)\s")
# Words that lead into the items, not part of one: "업종별로는", "현황을 보면", "다음은".
_LEAD_IN = re.compile(r"(?:는|은|면|서|고|며|다음은|그리고|또한|등)$")
_ITEM_PARTICLE = re.compile(r"(?:이|가|은|는|에|에서|의|로|으로|도)$")


def states_superlative(text: str) -> bool:
    """True when ``text`` says which is the most or the least ("가장 많았으며", "1위")."""
    return _SUPERLATIVE_WORDING.search(text) is not None


def figured_items(text: str) -> list[tuple[str, float, str]]:
    """The items of an enumeration that each carry a figure of the same unit, in order.

    "업종별로는 전기·전자 301개사, 기계·금속 239개사, 섬유·화공 133개사" gives
    [("전기·전자", 301, "301개사"), ("기계·금속", 239, "239개사"), ("섬유·화공", 133, "133개사")];
    a sentence with fewer than two such items, or items of different units, gives [].
    """
    items: list[tuple[str, float, str, str]] = []
    for segment in _ITEM_BREAK.split(text):
        figure = _FIGURE_IN_ITEM.search(segment)
        if figure is None:
            continue
        words = segment[: figure.start()].split()
        label_words: list[str] = []
        for word in reversed(words[-4:]):
            if label_words and (_LEAD_IN.search(word) or not re.search(r"[가-힣A-Za-z]", word)):
                break
            label_words.insert(0, word)
        label = _ITEM_PARTICLE.sub("", " ".join(label_words)).strip()
        if not label or not re.search(r"[가-힣A-Za-z]", label):
            continue
        try:
            value = float(figure.group(1).replace(",", ""))
        except ValueError:
            continue
        items.append((label, value, figure.group(0), figure.group(2)))
    units = {unit for *_, unit in items}
    if len(items) < 2 or len(units) != 1:
        return []
    return [(label, value, shown) for label, value, shown, _ in items]
