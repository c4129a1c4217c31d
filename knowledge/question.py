"""What a member's question asks for: the kind of answer, its content words and its constraints.

"연회비 언제까지 내요?" wants a date (a deadline), "자문위원 몇 명이에요?" a count,
"PL보험 꼭 들어야 돼요?" a yes or no. The kind decides which sentence of a passage answers the
question and whether the passage answers it at all: a passage without any date cannot say when
something happens.
Recognition is a handful of Korean cue patterns, checked on the question without spaces because
members type "몇곳이나", "얼마나걸려요" and "어디서 받아요" alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from knowledge.facts import COMPANY_WORDS, PLACE_TYPES, names_role
from knowledge.lexical import QUESTION_WORDS, kiwi_tokens, normalize

Kind = Literal[
    "contact",
    "person",
    "place",
    "date",
    "amount",
    "count",
    "list",
    "procedure",
    "definition",
    "reason",
    "yesno",
    "other",
]

TYPED_KINDS: frozenset[Kind] = frozenset(("contact", "person", "place", "date", "amount", "count"))
"""Kinds whose answer is a specific fact a sentence either holds or does not."""

# Cues per kind, tried in this order on the question without spaces; the first kind that
# matches is the main one, but every matching kind is kept ("얼마이고 언제까지" asks for both).
_CUES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "contact",
        re.compile(
            r"연락처|전화번호|번호(?:가|는|좀|요|알)|이메일|메일.{0,10}주소|계좌|통장번호|"
            r"연락(?:해|하|드)|어디.{0,6}(?:연락|알리|알려|문의|신고|보내|제출|내(?:면|야)|전화)"
        ),
    ),
    (
        "person",
        re.compile(
            r"누구|누가|성함|(?:분|사람|님)(?:이|의)?이름|어느분|어떤분|담당자(?:가|는)|"
            # "변리사 이름좀": the name of someone named by a title is a person's.
            r"(?:세무사|변호사|노무사|변리사|관세사|위원|위원장|회장|간사|사무총장|교수|기자|강사)"
            r"(?:이|의)?이름"
        ),
    ),
    (
        "place",
        re.compile(
            rf"어디|장소|위치|주소|어느(?:나라|지역|곳|도시|{PLACE_TYPES})|(?:식당|호텔|건물|학교)(?:의)?이름"
        ),
    ),
    (
        "date",
        re.compile(
            r"언제|며칠|몇일|몇시|몇월|몇년도|날짜|일시|기한|마감|얼마나걸|오래걸|걸려|걸리|"
            r"얼마나(?:지나|지났|됐|되었|기다|남았|오래)|요일|"
            r"몇주|몇달|몇개월|기간|몇년(?:까지|이내|안에|지나|만에|동안|후|이에|이야|임|인가|이죠)"
        ),
    ),
    ("amount", re.compile(r"얼마|금액|가격|요금|몇프로|몇퍼|몇%|비율|한도")),
    ("count", re.compile(r"몇(?:명|곳|개|건|번|회|분|가지|군데|팀|사|차|배)|몇이나|인원|규모")),
)
# Nouns that name an amount ask for one unless the question is a yes/no one ("회비 돌려받을 수
# 있어요?" is about a refund, not a sum).
_AMOUNT_NOUNS = re.compile(r"비용|참가비|회비|수수료|지원금|축의금|조의금|부담금|보험료")
# "사람 얼마나 왔어요?", "인원 얼마나 돼요?": 얼마나 after people asks how many, not how much.
_PEOPLE_HOW_MANY = re.compile(r"(?:사람|인원|참가자|참석자)(?:들)?(?:은|는|이|가)?얼마나")
_WHAT_ALL = re.compile(r"뭐뭐|무엇무엇|어떤것들|뭐(?:가|가다|다)?포함")
# "만든 회사들 어디어디야?": which companies, a list of names, not a place.
_WHICH_ONES = re.compile(
    r"(?:회사|업체|기업|개사|곳|데)들?(?:이|가|는|은)?어디어디|어디어디(?:가|서|랑|와)"
)
_LIST = re.compile(
    r"어떻게나[누눠뉘]|어디어디|뭐뭐|뭐(?:가|가다|다)?포함|무엇무엇|어떤것들|종류|혜택|뭐가(?:있|좋)|뭐(?:가)?있|뭐배[우워]|뭘배[우워]|뭐해|뭐하는|"
    r"무슨(?:일|활동|사업|행사|유형)|어떤유형|유형들|구성|항목|목록|준비물|서류|뭐(?:를|뭐)?(?:내|보내|제출|준비|챙기)|어떤경우|"
    r"어떤(?:게|것|거|전문가|지원|사업|행사|활동|혜택|업종)|"
    r"무슨([가-힣]{1,3})무슨\1"  # "무슨형무슨형": the types, one by one
)
_PROCEDURE = re.compile(
    r"어떻게(?:해|하|신청|내|알리|알려|보내|가입|등록|받|접수|처리|진행)|방법|절차|하려면|순서|신청은"
)
_DEFINITION = re.compile(
    r"(?:뭐|무엇|뭔)(?:예요|에요|이에요|인가요|이죠|야|지|임)|(?:이)?란\?|뜻|의미|(?:뭔|무슨)말"
)
# "조직형 그룹은 뭐하는 모임임": what a kind of group is, its definition, not a list.
_WHAT_IT_DOES = re.compile(
    r"(?:은|는)뭐하는(모임|곳|단체|데|회|그룹|조직|거|건)|"
    r"뭐하는(보험|제도|사업|모임|단체)(?:이에요|이예요|예요|에요|이야|임|인가요|이죠)"
)
_REASON = re.compile(r"왜|이유|때문")
_WH = re.compile(r"언제|얼마|몇|어디|누구|누가|무엇|뭐|뭘|어떻게|어떤|무슨|왜|어느|며칠")
# "…괜찮아요?", "…낫다는 거 아녀?": asks whether something is a good idea.
_JUDGEMENT = re.compile(r"괜찮(?:다|은|아|나|을|지)|낫다|나은가|나을까|좋다고|좋은가|좋을까|바람직")
# A question that ends like "…되나요?", "…있어요?", "…맞죠?" without asking what, when or who.
_YESNO = re.compile(
    r"(?:되나|돼|되요|될까|되는거|되는건|있나|있어|있을까|있는거|없나|없어|가능|맞죠|맞나|맞아|"
    r"나와|나오나|받나|해야|하나요|하나\?|인가요|건가요|거예요|거에요|할까|보나|봐요|줘요|주나|"
    r"주시나|되죠|되지|돼죠|들어야|내야|가도|써도|해도|받아도|해요|하죠|할까요|이에요|에요|예요|"
    r"인가|이죠|죠|나요|어요|아요|여요|래요|대요|있음|없음|됨|함|는거지|는건가|는건지)[요?？!.]*$"
)
_NEGATED = re.compile(r"(?:못|안|않|없)")
NEGATIVE_CONDITION = re.compile(
    r"(?<![가-힣])(?:안\s+|못\s*)[가-힣]{1,4}?면(?![가-힣])|(?:않|없)\s*으면|못\s*하면"
)
"""A negative condition ("안 내면", "내지 않으면", "못 가게 되면"), in a question or a sentence."""
# "만들려는 법 이름 뭐라고?", "식당 이름이 뭐예요?": the name of a kind of thing.
_NAME_OF = re.compile(
    r"(?<![가-힣])([가-힣]{1,4}?)(?:의)?\s*(?:이름|명칭)(?:이|은|는)?\s*(?:뭐|무엇|뭔)"
)
_PEOPLE = frozenset({"분", "사람", "님", "그분", "이분"})  # a person's name: see "person"
# "회비 안 내면 어떻게 돼요?" asks what follows from a condition, not what the fee is.
_CONSEQUENCE = re.compile(r"면어떻게(?:돼|되)")
_PAST = re.compile(r"작년|지난해|재작년|전년|지난번")
# "작년에 수출한 거", "작년에 탈퇴했었는데 …": a year that dates what the member did, followed by
# the question proper.
_OWN_PAST = re.compile(
    r"(?:작년|지난해|재작년|전년)(?:"
    r"에?[가-힣]{0,12}?(?:한거|한건|한것|었는데|았는데|했는데)(?=[가-힣])|"
    # "작년꺼 수출건", "작년에 탈퇴한 회사가": the member's own thing or act of that year.
    r"(?:꺼|거|것)|에?(?:탈퇴|가입|수출|수입|출원|신청|납부|구입|구매|계약)한(?=[가-힣]))"
)
_NEXT = re.compile(r"내년|다음해|후년")
_THIS = re.compile(r"올해|금년|이번해|올\s?[1-9]")
# Numbers with their unit ("5월", "2차", "11월") and amounts the question sets as a condition
# ("5억 한도로 하면"); the answer must be about the same one.
_BARE_YEAR = re.compile(r"(?<![\d.,-])(?:19|20)\d{2}(?![\d.,년-])")
_NUMBER = re.compile(
    r"\d+\s*(?:월|차|회|기|년|분기|호)|\d+(?:,\d{3})*\s*(?:억|천만|백만|만)(?!\s*명)"
)

# Content words that carry no topic in a question: they ask, hedge or point back.
GENERIC_TERMS = frozenset(
    {
        "우리",
        "저희",
        "다시",
        "나중",
        "보통",
        "혹시",
        "그냥",
        "정말",
        "알리",
        "정확히",
        "실제로",
        "원래",
        "그것",
        "거기",
        "그때",
        "이거",
        "저거",
        "가능",
        "궁금",
        "문의",
        "성함",
        "이름",
        "제일",
        "문제",
        "사람",
        "실제",
        "처음",
        "지난달",
        "다음",
        "그럼",
        "이번달",
        "다음달",
        "오늘",
        "내일",
        "어제",
        "요즘",
        "요새",
        "예전",
        "사정",
        "기억",
        "까먹",
        "깜빡",
        "논문",
        "기사",
        "까지",
        "같이",
        "따로",
        "아무",
        "가장",
        "얼마",
        "뭐뭐",
        "하나",
        "주시",
        "알다",
        "싶",
        "되",
        "좀",
        "정도",
        "전부",
        "당하",
        # "X 관련해서", "Y랑 뭐가 달라": how the question is put, not what it is about.
        "관련",
        "다르",
        # "궁금한 거 물어볼라면": asking about asking, not the topic.
        "궁금하",
        "물어보",
        "여쭈",
        "알아보",
        # "얼마라 그럼", "아까 말한 거", "120만원 안에": talk around the question, not its topic.
        "그러",
        "아까",
        "방금",
        "안",
        # "최소 몇 개", "지인이 가입하려는데": the member's circumstances, not the topic.
        "최소",
        "지인",
        # "하는 일 기준으로 나누면": how the member sorts, not what is sorted.
        "기준",
    }
)

# How or when something is done ("직접 찾아가서", "서로 왔다갔다", "아직 못 받았는데"): no topic
# of a question asking a fact, but the very point of a yes/no one ("연합회가 직접 대출해 줘요?").
_MANNER_WORDS = frozenset({"직접", "서로", "바로", "아직"})

KIND_WORDS: dict[Kind, frozenset[str]] = {
    "date": frozenset({"날짜", "일시", "마감", "마감일", "기한", "일정", "시간", "기간", "요일"}),
    "place": frozenset({"장소", "위치", "주소", "곳", "나라", "지역", "도시", "모이", "열리"}),
    "contact": frozenset(
        {"연락처", "전화번호", "전화", "번호", "이메일", "메일", "계좌번호", "계좌", "담당"}
    ),
    "amount": frozenset(
        {"금액", "가격", "요금", "얼마", "비용", "참가비", "회비", "규모", "돈", "비율", "퍼센트"}
    ),
    "count": frozenset({"인원", "개수", "규모"}),
    "person": frozenset({"성함", "이름", "담당자", "담당", "강사", "연사", "발표자", "사회자"}),
    "procedure": frozenset({"절차", "순서", "방법", "단계", "과정", "처리"}),
}
"""Words that only name the kind of answer asked ("마감일", "장소"): a sentence holding such a
fact answers them even when it does not repeat the word."""

# One-letter words that still carry a topic ("돈", "돕다" in "도와주나요").
_SHORT_TERMS = frozenset({"돈", "돕"})
_MONTHS = frozenset(
    {"다음달", "이번달", "지난달", "저번달", "이달", "담달", "다음주", "이번주", "지난주", "담주"}
)
"""Months and weeks named from today ("다음달 정례회"): when something is, never a name of it."""
TIME_WORDS = frozenset({"내년", "작년", "올해", "지난해", "금년", "재작년", "다음해", "전년"})
"""Words that only place the question in time; a passage about that year answers them."""

_COMPOUND_TAGS = frozenset({"NNG", "NNP", "NR", "SN", "SL", "SH", "MM", "XPN", "XSN", "NNB"})
_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH"})
_CONTENT_TAGS = frozenset(
    {"NNG", "NNP", "NR", "SL", "SH", "VV", "VA", "XR", "MAG", "VV-R", "VV-I", "VA-R", "VA-I"}
)


@dataclass(frozen=True, slots=True)
class Question:
    """A question read for answering."""

    text: str
    kind: Kind
    kinds: tuple[Kind, ...]
    """Every typed kind the question asks for, main one first (empty when untyped)."""
    terms: tuple[str, ...]
    """Content morphemes of two or more letters, in order, question words left out."""
    compounds: tuple[str, ...]
    """Words of several morphemes as typed ("동행교류회", "1인실"), which must match whole."""
    numbers: tuple[str, ...]
    """Numbers with a unit ("5월", "2차"): the answer must be about the same one."""
    nouns: frozenset[str]
    """The terms that are nouns (topics and names), as opposed to verbs and adverbs."""
    soft: frozenset[str]
    """Terms recovered from words the analyser broke apart ("분과"); dropped when unknown."""
    names: tuple[str, ...]
    """Proper names and multi-morpheme words: what the question is about, specifically."""
    counter: str | None
    """The counter of a count question ("곳" in "몇 곳"), which the answer's number must use."""
    counted: str | None
    """The noun right before 몇 ("회원사" in "회원사 몇 곳"), which the number must count."""
    deadline: bool
    """The question asks until when ("마감", "언제까지")."""
    negated: bool
    """The question itself is negative ("가입 못 하나요?"), so yes and no swap."""
    must: bool
    """The question asks whether something is required ("꼭 들어야 돼요?")."""
    when: Literal["past", "this", "next"] | None
    """A question about last, this or next year needs a passage about that year."""
    unless: bool = False
    """The question's condition is negative ("안 내면", "못 가면"): what follows from not doing."""
    goal: str | None = None
    """What a "how do I …" question wants done ("바꾸려면" → 바꾸): the steps must be for it."""
    dated: str | None = None
    """What a "when" question asks the date of ("발표" in "선정 발표 언제해요?")."""
    named: str | None = None
    """What the question asks the name of ("법" in "만들려는 법 이름 뭐라고?")."""
    superlative: Literal["most", "least"] | None = None
    """The question asks which is the most or the least ("업종 제일 많은 게 뭐예요?")."""


# "How long": a time, never a sum, though it says 얼마.
_HOW_LONG = re.compile(r"얼마나(?:걸|지나|지났|됐|되었|기다|남았)|오래걸|걸려|걸리")

# Chat misspellings that change what a word is ("몇 군대" is 몇 군데, not an army).
_RIEUL_FINAL = "".join(chr(0xAC00 + 28 * vowel_onset + 8) for vowel_onset in range(399))
"""Every Hangul syllable ending in ㄹ ("열", "할", "볼")."""

_TYPOS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"몇\s*군대"), "몇 군데"),
    # "몇개회사": 몇 개 회사 (how many companies), not 개회사 (an opening address).
    (re.compile(r"몇\s?개(?=회사|기업|업체|업종|그룹|과제)"), "몇 개 "),
    (re.compile(r"(?<![가-힣])어케(?=\s|$|[?.!]|해|하|돼|되)"), "어떻게"),
    (re.compile(r"(?<=[가-힣])에여(?=\s|$|[?.!])"), "예요"),
    # "볼수있나여", "되나여", "했어여": the chat spelling of the polite -요 that ends a question.
    (re.compile(r"(?<=[나까어아해돼되봐줘와워])여(?=\s*[?.!]*$)"), "요"),
    # "알려주소": the dialect's "please", not an address (주소).
    (
        re.compile(r"(?:(?<=알려)|(?<=가르쳐)|(?<=말해)|(?<=보여)|(?<=해))\s?주소(?=\s|$|[?.!~])"),
        "주세요",
    ),
    # "생기믄", "가믄": the spoken -면 ("if"), which the analyser does not know.
    (re.compile(r"(?<=[가-힣])믄(?=\s|$|[?.!,])"), "면"),
    # Spoken and dialect forms the analyser reads as unknown nouns, which then weigh as
    # topics no document covers: "우째" (how), "할라면" (to do), "델꼬" (taking along),
    # "땜에" (because of), "있는교" (is there?), "담달" (next month), "먼 소리" (what does it mean).
    (re.compile(r"(?<![가-힣])(?:우째|우찌|어찌)(?=\s|$|[?.!]|해|하|돼|되)"), "어떻게"),
    (re.compile(r"(?<=[되하있없])노(?=\s|$|[?.!])"), "나요"),
    (re.compile(r"바꼈"), "바뀌었"),
    # "붙었는지 언제 알려줘?": passing a selection, which the documents call 선정.
    (re.compile(r"(?<![가-힣])붙었(?=는지|나|어|니|으면|을까)"), "선정됐"),
    (re.compile(r"(?<![가-힣])붙으면"), "선정되면"),
    (re.compile(r"(?<![가-힣])맹글"), "만들"),
    (re.compile(r"할(?:라|려)\s?(?:카)?(?=면|는데|고)"), "하려"),
    (re.compile(r"(?<![가-힣])(?:델|데|댈)(?:꼬|꾸|구)(?=\s|가|와|갈|올|오|$)"), "데리고 "),
    (re.compile(r"(?<![가-힣])땜(?:에|시)(?=\s|$)"), "때문에"),
    (re.compile(r"(?<=[가-힣])[능는]교(?=\s|$|[?.!])"), "나요"),
    (re.compile(r"(?<![가-힣])담(?=달|주)"), "다음"),
    (re.compile(r"(?<![가-힣])(?:먼|뭔|무슨)\s?소리(?:에요|예요|여|야|임|요)?"), "뭔 뜻이에요"),
    (re.compile(r"(?<![가-힣])머머"), "뭐뭐"),
    # "정례회때", "수출할때": 때 (the time of) glued to its word hides the word from the analyser.
    (re.compile(r"(?<=[가-힣]{2})(?<!어)때(?=\s|$|[?.!,]|에|는|도|마다|부터|까지)"), " 때"),
    (re.compile(r"(?<![가-힣])머(?=임|야|여|에요|예요|였)"), "뭐"),
    # "첨에", "맨첨": the chat spelling of 처음 (first).
    (re.compile(r"(?<![가-힣])(맨\s?)?첨(?=에|엔|으로|부터|\s|$)"), r"\1처음"),
    # "1년에 몇 번까지": per year, which the documents write 한 해에 (no year of its own).
    (re.compile(r"(?<![\d가-힣])1\s?년에(?=\s|$)"), "한 해에"),
    # "변리사 누구셈", "자문위원이 누구심": chat endings the analyser glues into a name.
    (re.compile(r"(?<![가-힣])(누구|어디)(?:셈|심)(?=\s|$|[?.!])"), r"\1예요"),
    # "열라면": the spoken -ㄹ라면 of a verb ending in ㄹ (열려면), read as a noun (라면) otherwise.
    (re.compile(rf"(?<=[{_RIEUL_FINAL}])라면(?=\s|$|[?.!,])"), "려면"),
    # "지난달에": the analyser reads 지나(다) + 달 with the particle, without it the month before.
    (re.compile(r"(?<![가-힣])(지난달|이번달|다음달|저번달)(?:에는|에|엔)(?![가-힣])"), r"\1"),
    # "일이 생겨서 못 갈 수도": the member's circumstances, not a topic (생기다 is 결성 too).
    (re.compile(r"(?<![가-힣])(?:급한\s?)?일이?\s?생겨서?(?![가-힣])"), "사정이 있어서"),
    # "납품한 제품 때문에 사고": the member's own product, whoever it went to.
    (re.compile(r"(?<![가-힣])(?:납품|판매|출고)한\s?(?=제품|물건)"), ""),
    # "제일 먼저 누구 뽑아요?": first of all, not 먼저 as already (이미) nor as a topic.
    (re.compile(r"(?<![가-힣])(?:제일|젤|맨|가장)\s?먼저(?![가-힣])"), "처음에"),
    # "몇일날 해요?": the common misspelling of 며칠 (which day), with its glued 날.
    (re.compile(r"(?<![가-힣])(?:몇\s?일|며칠)날?(?![가-힣])"), "며칠"),
)


_ASIDE = re.compile(
    r"(?<=[?？!])\s*[^?？!.]+?"
    r"(?:(?:려구|려고|라고|라구)요?|라서|이라|이라서|해서|어서|니까|길래)[~.]*\s*$"
)
"""A clause after the question giving the member's reason ("…어디에요? 택배 보낼려구"): what
they will do with the answer, not what they ask."""


_REQUEST_ASIDE = re.compile(
    r"((?:세요|해요|돼요|되요|나요|까요|어요|에요|예요|아요)[~.]*)\s+[^?？!.]+?"
    r"(?:려구|려고|라고|라구|할라고|하려고)[~.]*\s*$"
)
"""The same aside after a request without a question mark ("주소좀 알려주세요 서류 직접
갖다드릴라고")."""


def corrected(text: str) -> str:
    """``text`` with the chat misspellings that would mislead the search put right, and without
    an aside after the question ("택배 보낼려구")."""
    text = _REQUEST_ASIDE.sub(r"\1", _ASIDE.sub("", text))
    for typo, right in _TYPOS:
        text = typo.sub(right, text)
    if _SYLLABLE.search(_LAUGHTER.sub("", text)):
        # "회장님 성함좀 ㅎㅎ": laughter beside a question is no word of it.
        text = " ".join(_LAUGHTER.sub(" ", text).split())
    return text


_LAUGHTER = re.compile(r"[ㅋㅎㅠㅜ]{2,}")
_SYLLABLE = re.compile(r"[가-힣]")


# "…라고 나와 있어?": where the member read it, not what they ask about.
_HEARSAY = re.compile(r"(?<=[가-힣])\s*(?:이)?라고\s*(?:나와|적혀|쓰여|되어|돼)\s*있\S*")


def read_question(text: str) -> Question:
    """Read ``text`` (one member question) into a :class:`Question`."""
    normalized = normalize(text)
    squeezed = "".join(normalized.split())
    kinds = tuple(kind for kind, cue in _CUES if cue.search(squeezed))
    judged = not _WH.search(squeezed) and _JUDGEMENT.search(squeezed) is not None
    if judged:
        # "모임장소 밥집으로 잡는 거 괜찮다고 함?": whether a choice is good, not which place.
        kinds = ()
    if _WHICH_ONES.search(squeezed):
        kinds = tuple(kind for kind in kinds if kind != "place")
    yesno_form = not _WH.search(squeezed) and bool(_YESNO.search(squeezed))
    consequence = _CONSEQUENCE.search(squeezed) is not None
    asks_how = _PROCEDURE.search(squeezed) is not None
    if (
        "amount" not in kinds
        and _AMOUNT_NOUNS.search(squeezed)
        # "비용지원 신청 어떻게 해요?" asks the steps; the cost is only what is applied for.
        and not (yesno_form or consequence or asks_how)
        # "참가비에 뭐뭐 포함돼?" asks what it covers, not how much it is.
        and not _WHAT_ALL.search(squeezed)
    ):
        kinds = (*kinds, "amount")
    if _PEOPLE_HOW_MANY.search(squeezed):
        kinds = ("count", *(kind for kind in kinds if kind not in ("count", "amount")))
    if "date" in kinds and _HOW_LONG.search(squeezed):
        kinds = ("date", *(kind for kind in kinds if kind not in ("date", "amount")))
    kind: Kind
    if kinds:
        kind = kinds[0]
    elif _WHAT_IT_DOES.search(squeezed):
        kind = "definition"
    elif _LIST.search(squeezed):
        kind = "list"
    elif _PROCEDURE.search(squeezed):
        kind = "procedure"
    elif _REASON.search(squeezed):
        kind = "reason"
    elif _DEFINITION.search(squeezed) and _asks_what_a_noun_is(normalized):
        kind = "definition"
    elif yesno_form or judged:
        kind = "yesno"
    else:
        kind = "other"
    if kind in ("place", "contact") and _LIST.search(squeezed) and re.search("보내|제출", squeezed):
        kind = "procedure"  # "뭐 내야 돼요? 어디로 보내요": the whole procedure answers both
    terms, compounds, nouns, proper, soft = _terms(_HEARSAY.sub(" ", normalized))
    if kind != "yesno":
        terms = tuple(term for term in terms if term not in _MANNER_WORDS)
    does = _WHAT_IT_DOES.search(squeezed)
    if does is not None and does.group(1):
        # "뭐하는 모임": 모임 is what it is, the thing asked about is named before it.
        terms = tuple(term for term in terms if term != does.group(1))
    past, upcoming, current = _PAST.search(squeezed), _NEXT.search(squeezed), _THIS.search(squeezed)
    if past and _OWN_PAST.search(squeezed):
        # "작년에 수출한 거 환급 기한 있어요?": the member's own past, not the year asked about.
        past = None
        terms = tuple(term for term in terms if term not in TIME_WORDS)
    return Question(
        text=text,
        kind=kind,
        kinds=kinds,
        terms=terms,
        compounds=compounds,
        numbers=tuple(
            dict.fromkeys(
                [_compact(match.group()) for match in _NUMBER.finditer(text)]
                # A bare year ("2027 신년하례회") is a year all the same.
                + [f"{match.group()}년" for match in _BARE_YEAR.finditer(text)]
            )
        ),
        counter=counter.group(1) if (counter := _COUNTER.search(squeezed)) else None,
        counted=_counted_thing(normalized),
        dated=_dated(normalized, terms) if kind == "date" else None,
        deadline=bool(re.search(r"마감|기한|언제까지|까지(?:내|신청|접수|알려|해야)", squeezed)),
        negated=kind == "yesno" and bool(_NEGATED.search(_strip_polite(squeezed))),
        unless=NEGATIVE_CONDITION.search(normalized) is not None,
        must=bool(re.search(r"꼭|반드시|의무|필수|무조건", squeezed)),
        when="past" if past else "next" if upcoming else "this" if current else None,
        nouns=frozenset(nouns),
        soft=frozenset(soft),
        names=tuple(dict.fromkeys([*proper, *compounds])),
        goal=_goal(normalized, terms) if kind == "procedure" else None,
        named=named.group(1)
        if (named := _NAME_OF.search(normalized))
        and named.group(1) not in _PEOPLE
        and not named.group(1).endswith("님")  # "변리사님 이름이 뭐였지" asks a person
        and not names_role(named.group(1))  # …and so does "회장 이름이 뭐야"
        else None,
        superlative="most"
        if _MOST.search(squeezed)
        else "least"
        if _LEAST.search(squeezed)
        else None,
    )


_MOST = re.compile(r"(?:젤|제일|가장|젤루|최고로)(?:많|크|큰|높|비싸|길|오래|인기)|1위|일등|최다")
# "젤 적은", not "젤 적당한" (the most suitable) or "제일 작년" …
_LEAST = re.compile(r"(?:젤|제일|가장)(?:적(?:은|게|어|고|다|음)|작(?:은|게|아|고|다)|낮|싸|싼|짧)")


def _goal(normalized: str, terms: tuple[str, ...]) -> str | None:
    """The action a "…려면 어떻게 해요?" question is about, when it is one of its terms."""
    tokens = kiwi_tokens([normalized])[0]
    for index, token in enumerate(tokens[1:], start=1):
        if token.form in ("려면", "으려면"):
            action = tokens[index - 1]
            if action.tag == "XSV" and index >= 2:  # "신청하려면": the noun is the action
                action = tokens[index - 2]
            return action.form if action.form in terms else None
    return None


def _asks_what_a_noun_is(normalized: str) -> bool:
    """True for "X가 뭐예요?" where X is a noun, not "제일 많은 게 뭐예요?"."""
    tokens = kiwi_tokens([normalized])[0]
    for index, token in enumerate(tokens):
        if token.form not in ("뭐", "무엇", "뭔"):
            continue
        # "X 이게 뭐임", "X라는 게 뭔 뜻이야": the pronoun and the quoting words point back to X.
        skipped = ("MAG", "JKS", "JX", "JKB", "NP", "VCP", "ETM", "NNB", "JKQ")
        before = [t for t in tokens[:index] if t.tag not in skipped]
        return bool(before) and before[-1].tag in ("NNG", "NNP", "XSN", "SL")
    return False


def _terms(
    normalized: str,
) -> tuple[tuple[str, ...], tuple[str, ...], set[str], list[str], list[str]]:
    """Content morphemes, multi-morpheme words, nouns, proper names and recovered words."""
    tokens = kiwi_tokens([normalized])[0]
    terms: dict[str, None] = {}
    nouns: set[str] = set()
    proper: list[str] = []
    compounds: dict[str, None] = {}
    group: list[Any] = []

    def close() -> None:
        # Plural and honorific suffixes and bound nouns at the end add nothing ("회원들").
        # …and so do words that are no topic ("신청가능" is 신청, "가입문의" is 가입).
        while group and (
            group[-1].tag == "NNB"
            or group[-1].form in _TRAILING_FORMS
            or (len(group) >= 2 and group[-1].form in GENERIC_TERMS)
        ):
            if group[-1].tag == "NNB" and len(group) >= 2 and group[-2].tag == "SN":
                break  # a number's unit: "1인", "2차"
            group.pop()
        while group and group[0].form in _LEADING_FORMS:
            group.pop(0)
        # "한사람", "그행사", "다른업종", "새기술": a numeral or a determiner before a noun is no
        # part of its name ("이업종" and "동행" begin with determiners too, so only these); nor
        # is a date before one
        # ("9월모임" is the 모임 of 9월, which the numbers carry).
        if len(group) >= 2 and group[0].form in _DETERMINERS and group[1].tag in ("NNG", "NNP"):
            group.pop(0)
        if len(group) >= 3 and group[0].tag == "SN" and group[1].form in _DATE_UNITS:
            del group[:2]
        end = group[-1].start + group[-1].len if group else 0
        if len(group) >= 2 and normalized[end : end + 1] not in _JOINING_SYMBOLS:
            first, last = group[0], group[-1]
            word = _compact(normalized[first.start : last.start + last.len])
            if (
                len(word) >= 3
                and any(t.tag in _NOUN_TAGS for t in group)
                and word not in TIME_WORDS  # "재작년" is a year, read as one
                and word not in _MONTHS  # "다음달 정례회": a month is when, not what
            ):
                compounds[word] = None
        group.clear()

    previous_end = -1
    for token in tokens:
        form = token.form
        long_enough = len(form) >= 2 or form in _SHORT_TERMS
        keep = token.tag in _CONTENT_TAGS and long_enough and form not in QUESTION_WORDS
        # The analyser sometimes reads a word with its particle as a name ("하나에").
        bare = _PARTICLE.sub("", form) if token.tag == "NNP" else form
        if token.tag == "NNP" and len(form) >= 3 and form[-1] in _GLUED_SUFFIXES:
            form = bare = form[:-1]  # …or with its bound noun ("노무쪽" is 노무)
        if keep and form not in GENERIC_TERMS and bare not in GENERIC_TERMS:
            terms[form] = None
            if token.tag in _NOUN_TAGS:
                nouns.add(form)
            if token.tag == "NNP":
                proper.append(form)
        joins = token.tag in _COMPOUND_TAGS and form not in QUESTION_WORDS and form != "몇"
        if joins and group and token.start == previous_end:
            group.append(token)
        else:
            close()
            if joins:
                group.append(token)
        previous_end = token.start + token.len
    close()
    soft = _unsplit_words(normalized, tokens, terms)
    for word in soft:
        terms[word] = None
        nouns.add(word)
    # A compound made only of a number and its unit ("9월") is a number, not a topic.
    kept = tuple(c for c in compounds if not _NUMBER_ONLY.fullmatch(c))
    return tuple(terms), kept, nouns, proper, soft


_COUNTER = re.compile(
    r"몇\s*(개사|개국|가지|군데|명|곳|개|건|번|회|분|팀|사|차|배|년|달|주|시간|퍼|프로)"
)


# "직원 몇 명": 명 counts people already; the sentence need not say whose ("회사당 2명").
_PEOPLE_COUNTED = frozenset({"직원", "사람", "인원", "참석자", "참가자", "식구", "가족"})
_PER_COMPANY = COMPANY_WORDS | {"우리회사"}


def _counted_thing(normalized: str) -> str | None:
    """:func:`_counted`, except the people a number of 명 counts ("직원 몇 명": no thing)."""
    counted = _counted(normalized)
    if counted is not None and counted.removesuffix("들") in _PEOPLE_COUNTED and "명" in normalized:
        return None
    return counted


def _counted(normalized: str) -> str | None:
    """The noun a "몇" question counts: "몇 개 회사" → 회사, else "자문위원 몇 명" → 자문위원."""
    after = re.search(
        r"몇\s*(?:개|명|곳|건)\s+([가-힣]{2,})(?:가|이|를|을|만|은|는|도)?", normalized
    )
    if after is not None and not re.match(
        r"(?:이나|정도|쯤|이에|인가|이었|였|에요|예요)", after.group(1)
    ):
        word = _PARTICLE.sub("", after.group(1))
        # "몇 개 있어야", "몇 곳 뽑아요": a verb after the count, not the thing counted.
        if len(word) >= 2 and kiwi_tokens([word])[0][0].tag in _NOUN_TAGS:
            return word
    match = re.search(r"([가-힣A-Za-z]{2,})\s*(?:은|는|이|가|도)?\s*몇", normalized)
    if match is not None and _LOCATIVE.search(match.group(1)):
        if _PARTICLE.sub("", match.group(1)) in _PER_COMPANY:
            # "회사에서 몇 명까지": so many people per company ("회사당 2명까지").
            return "회사"
        # "회원사는 경기에 몇 개사": the word with 에 says where; the thing counted comes before.
        match = re.search(
            r"([가-힣A-Za-z]{2,})\s*(?:은|는|이|가|도)?\s*$", normalized[: match.start()]
        )
    if match is None:
        return None
    word = _PARTICLE.sub("", match.group(1))
    return word if len(word) >= 2 and word not in QUESTION_WORDS else None


_YEARS = "|".join(sorted(TIME_WORDS, key=len, reverse=True))
_BEFORE_WHEN = re.compile(
    r"([가-힣A-Za-z]{2,})\s*(?:은|는|이|가|도|을|를)?\s*(?:(?:" + _YEARS + r")\s*)?"
    r"(?:(?:맨\s?)?처음(?:에|엔)?\s*)?(?:언제|며칠)"
)
"""The word before 언제 or 며칠, past a year between them ("정기총회 올해 며칠")."""


def _dated(normalized: str, terms: Sequence[str]) -> str | None:
    """The noun right before 언제 or 며칠 (or right after 언제): the thing whose date is asked."""
    match = _BEFORE_WHEN.search(normalized)
    if match is not None:
        word = _PARTICLE.sub("", match.group(1))
        if word in ("날짜", "일시", "일정"):
            # "정기총회 날짜 언제": the thing is the word before 날짜 (but "신청 마감 언제" asks
            # a deadline, which any deadline of the passage may be).
            before = re.search(r"([가-힣A-Za-z]{2,})\s*(?:의)?\s*$", normalized[: match.start(1)])
            word = _PARTICLE.sub("", before.group(1)) if before is not None else word
        if word not in terms:
            # "정기총회" read as 정기 + 총회: the thing is its last part; "신년하례회" read as
            # 신년 + 하례 (the 회 dropped): the last part it holds.
            parts = [term for term in terms if len(term) >= 2 and term in word]
            word = max(parts, key=word.rindex, default=word)
        nouns: list[str] = [t.form for t in kiwi_tokens([word])[0] if t.tag in _NOUN_TAGS]
        if word in terms and len(word) >= 5 and nouns and len(nouns[-1]) >= 2:
            # "경기이업종연합회" glued: the thing is its last noun (연합회), which headings
            # write in their own longer ways ("경기중소기업이업종교류연합회").
            return nouns[-1]
        if (
            word in terms
            and word not in KIND_WORDS["date"]  # "그럼 언제": no thing of its own
            and kiwi_tokens([word])[0][0].tag in _NOUN_TAGS
        ):
            return word
    # "뽑힌 거 언제 발표나요": the 발표, not the fair itself.
    after = _AFTER_WHEN.search(normalized)
    if after is None:
        return None
    first = kiwi_tokens([after.group(1)])[0][0]
    form: str = first.form
    if form in terms and first.tag in _NOUN_TAGS and form not in _ANY_EVENT:
        return form
    return None


_AFTER_WHEN = re.compile(r"언제\s*([가-힣]{2,})")
# Words for the thing itself happening: "언제 시작해요?" asks when it is held.
_ANY_EVENT = frozenset({"시작", "개최", "진행", "마감", "마감일", "날짜", "일정", "시간", "기간"})


_NUMBER_ONLY = re.compile(r"\d+(?:월|차|회|기|년|분기|호|일|시|명|개|인|곳|건)당?")
# Endings of a run of nouns that add nothing to what it names: plurals and honorifics
# ("회원들", "위원님", "업종끼리"), and the time words members glue on ("정례회때", "당일날").
_TRAILING_FORMS = frozenset({"들", "님", "때", "날", "전", "후", "중", "서", "쪽", "끼리"})
_DATE_UNITS = frozenset({"년", "월", "일"})
_DETERMINERS = frozenset({"한", "두", "세", "네", "그", "다른", "이런", "그런", "저런", "새"})
# The ones the analyser leaves glued to a word it takes for a name ("노무쪽", "위원님").
_GLUED_SUFFIXES = frozenset({"들", "님", "쪽"})
# …and at the start, an intensifier ("맨처음" is 처음).
_LEADING_FORMS = frozenset({"맨"})
# A run of nouns cut by one of these ("공동R&D") is part of a longer word: no compound of it.
_JOINING_SYMBOLS = frozenset("&-/+")
# A word marked as a place or time ("경기에", "한 해에"), not as the subject of a count.
_LOCATIVE = re.compile(r"[가-힣](?:에서|에게|에는|에선|에)$")
# Particles members attach to a word; stripped to find the word as typed.
_PARTICLE = re.compile(
    r"(?:에서|으로|까지|부터|이랑|에게|은|는|이|가|을|를|에|도|만|랑|과|와|로|의)$"
)


_VERBAL = re.compile(r"[VE].*|XSV|XSA|VCP|NP")
"""Tags of a verb, an ending or a pronoun: no noun the analyser broke."""
_PIECE_TAGS = frozenset({"XPN", "NNG", "NNB", "XSN"})
"""Tags of the one-letter pieces a broken noun leaves ("가점" → 가 + 점)."""


def _unsplit_words(normalized: str, tokens: list[Any], terms: dict[str, None]) -> list[str]:
    """Nouns as typed that the analyser broke into one-letter pieces ("분과" → 분 + 과).

    A word of two to four letters (particle removed), without any verb or ending in it, none of
    whose letters made it into a term, would otherwise vanish from the question.
    """
    found: list[str] = []
    for match in re.finditer(r"(?<![\d가-힣])[가-힣]{2,}", normalized):
        start, typed = match.start(), match.group()
        inside = [t for t in tokens if start <= t.start < match.end()]
        verb = next((n for n, t in enumerate(inside) if _VERBAL.fullmatch(t.tag)), None)
        if verb is not None:
            # "가점있어요" (가 + 점 + 있다): the noun the analyser broke, before its verb.
            pieces = inside[:verb]
            if len(pieces) < 2 or any(t.tag not in _PIECE_TAGS for t in pieces):
                continue  # a verb or a pronoun
            typed = normalized[start : pieces[-1].start + pieces[-1].len]
            inside = pieces
        if re.match(r"몇|며칠|언제|어디|얼마|누구|무슨|어느|어떤", typed):
            continue
        if re.search(r"몇\s*$", normalized[:start]):
            continue  # the counter of "몇 시부터", "몇 개씩": what is asked, not a topic
        if inside and inside[0].tag == "MM" and len(_PARTICLE.sub("", typed)) < 3:
            continue  # a determiner with its noun: "한 건", "그날"
        stripped = _PARTICLE.sub("", typed)
        before = [t for t in tokens if t.start + t.len <= start]
        if len(stripped) < 2 and before and before[-1].tag == "MM":
            continue  # a determiner's one-letter noun with its particle: "한 해에", "두 달에"
        if stripped in _TRAILING_FORMS:
            continue  # a bound noun with its particle: "자문위원 중에"
        if len(stripped) >= 3 and stripped[-1] in _GLUED_SUFFIXES:
            stripped = stripped[:-1]  # "노무쪽", "회원들": the word without its bound noun
        word = stripped if len(stripped) >= 2 else typed
        if {word, stripped} & (QUESTION_WORDS | GENERIC_TERMS) or len(word) > 4:
            continue
        if not any(term in word or word in term for term in terms):
            found.append(word)
    return found


def _compact(text: str) -> str:
    return "".join(text.split())


def _strip_polite(squeezed: str) -> str:
    """The question without the 안/못 of set phrases that are not negations ("안녕")."""
    return re.sub(r"안녕|안내|안에|안쪽", "", squeezed)


_HINTS: dict[Kind, str] = {
    "procedure": "절차 방법",
    "place": "장소",
    "date": "일시",
    "contact": "연락처 문의",
    "amount": "비용",
    "person": "담당",
}


def kind_hints(question: str) -> str:
    """Words headings use for the kind of answer ``question`` asks ("" when none apply)."""
    read = read_question(question)
    hints = _HINTS.get(read.kind, "")
    if read.deadline:
        hints = f"{hints} 마감".strip()
    return " ".join(word for word in hints.split() if word not in read.text)


# ── Follow-ups ────────────────────────────────────────────────────────────────────────────

# "그럼 신청은 어디서 해요?", "거기 숙박비도 나와요?": words that point back to the last question.
_OPENER = re.compile(r"^(?:그럼|그러면|그렇다면|그건|그거는?|그것은|거기는?|거긴|그때는?)\s+")
# "5월은요?", "연회비는요?", "미래교류회도요?": only a new topic, the rest is the last question.
_ELLIPSIS = re.compile(r"(?P<topic>[^\s?？]{2,15}?)(?:은|는|도|이랑|랑)\s*요?\s*[?？.]*")
_NUMBER_WITH_UNIT = re.compile(r"(\d+)\s*(월|일|차|회|기|년|분기|호|시)")
_PARTICLE_END = re.compile(r"(?:은|는|이|가|을|를|도|의|에서|에|으로|로|와|과)$")


def could_follow_up(question: str) -> bool:
    """Whether ``question`` is shaped like a follow-up ("5월은요?", "그럼 …") at all.

    Only then is the previous question worth reading: most questions stand alone, and looking up
    the conversation for each of them would cost every question a database round trip.
    """
    text = " ".join(question.split())
    return _ELLIPSIS.fullmatch(text) is not None or _OPENER.match(text) is not None


def in_context(question: str, previous: str) -> str:
    """``question`` read in the context of ``previous`` when it is a short follow-up.

    "5월은요?" after "새벽교류회 4월 모임 언제예요?" means "새벽교류회 5월 모임 언제예요?";
    "그럼 신청은 어디서 해요?" after "수출 첫걸음 교실 언제 해요?" asks where to apply for that
    class. A question that names its own topic (a proper name, a multi-part word) or is no
    follow-up is returned as asked.
    """
    text = " ".join(question.split())
    before = " ".join(previous.split())
    if not before or not text:
        return text
    ellipsis = _ELLIPSIS.fullmatch(text)
    if ellipsis is not None:
        return _with_topic(ellipsis.group("topic"), before)
    opener = _OPENER.match(text)
    if opener is None:
        return text
    rest = text[opener.end() :]
    if read_question(rest).names:
        return text  # "그럼 PL보험 가입은 어떻게 해요?" says what it is about
    # "중간예납은 신청은" reads badly: the topic words lose a topic or object particle.
    topic = [re.sub(r"(?<=[가-힣A-Za-z0-9])(?:은|는|을|를)$", "", w) for w in _topic_words(before)]
    return f"{' '.join(topic)} {rest}" if topic else rest


def _with_topic(topic: str, previous: str) -> str:
    """The previous question about ``topic`` instead ("연회비" for "입회비 얼마에요?")."""
    words = previous.split()
    number = _NUMBER_WITH_UNIT.fullmatch(topic)
    if number is not None:
        unit = number.group(2)
        for index, word in enumerate(words):
            if re.match(rf"\d+\s*{unit}", word):
                words[index] = re.sub(rf"^\d+\s*{unit}", topic, word)
                return " ".join(words)
        at = len(_topic_words(previous))
        return " ".join([*words[:at], topic, *words[at:]]) if at else f"{topic} {previous}"
    topic_words = _topic_words(previous)
    for index, word in enumerate(words[: len(topic_words)]):
        stem = _PARTICLE_END.sub("", word)
        if len(stem) >= 2 and _shared_end(stem, topic) >= 2:
            words[index] = topic + word[len(stem) :]  # 입회비 → 연회비, 새벽교류회 → 미래교류회
            return " ".join(words)
    # Nothing alike: the new topic takes the place of the whole old one.
    return " ".join([topic, *words[len(topic_words) :]])


def _topic_words(question: str) -> list[str]:
    """The leading words of a question that name its topic ("수출 첫걸음 교실" of "… 언제 해요?").

    Words before the first question word that start with a noun or hold a number; verbs and
    adverbs ("꼭 들어야") are left out.
    """
    read = read_question(question)
    nouns = {*read.nouns, *read.names}
    topic: list[str] = []
    for word in question.split():
        squeezed = normalize(word).casefold()
        if _WH.search(squeezed) or re.search(r"[?？]$", word):
            break
        if any(squeezed.startswith(noun) for noun in nouns) or re.search(r"\d", squeezed):
            topic.append(word)
    return topic


def _shared_end(one: str, other: str) -> int:
    count = 0
    while count < min(len(one), len(other)) and one[-1 - count] == other[-1 - count]:
        count += 1
    return count
