"""The offline answer: the sentence of the top passages that holds what the question asks.

A question is read first (:mod:`knowledge.question`): its kind (date, amount, place, yes/no, list
…), its content words and its constraints. Every sentence, list item and table row of the top
passages is then scored by

* the question's words it contains, weighted by how rare they are in the documents (a passage's
  heading, its document title and, in a FAQ, the question it answers count at a lower weight);
* whether it holds the kind of fact asked (a 언제 question needs a date);
* the rank of its passage.

The best one is composed into the answer by kind: a table row shows the cells asked about with
their labels, a list or procedure shows its items, a yes/no question gets 네 or 아니요 when the
sentence decides it, a sentence starting with "다만" brings the one before it. Boilerplate
(purpose articles, date lines) and instructions addressed to an AI are never quoted. Alongside
the text comes :class:`Support`, the evidence the confidence judgement needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from knowledge.facts import (
    COMPANY_WORDS,
    counts_with,
    figured_items,
    is_boilerplate,
    is_instruction,
    is_place_type,
    mentions_year,
    names_role,
    people_in,
    places_in,
    polarity,
    states_superlative,
    strength,
)
from knowledge.josa import with_particle
from knowledge.lexical import kiwi_tokens, normalize
from knowledge.masking import EMAIL
from knowledge.matching import Analysed, analyse_many, compact
from knowledge.question import (
    KIND_WORDS,
    NEGATIVE_CONDITION,
    TIME_WORDS,
    TYPED_KINDS,
    Question,
    read_question,
)
from knowledge.types import Chunk, Hit

Synonyms = Callable[[str], Iterable[str]]
"""Returns the glossary synonyms of a term (empty when it has none)."""
Rarity = Callable[[str], "float | None"]
"""How rare a term is in the documents (its IDF), ``None`` when no document uses it."""
Following = Callable[[Chunk, int], Sequence[Chunk]]
"""Up to ``n`` chunks that follow a chunk in its document, in order."""
Phrases = Callable[[str], "Sequence[tuple[str, tuple[str, ...]]]"]
"""Glossary words found in a text, each with the other words of its group."""

DEPTH = 8
"""Passages whose sentences compete for the answer."""
_RANK_WEIGHT = (1.0, 0.9, 0.8, 0.72, 0.65, 0.6, 0.55, 0.5)
_SYNONYM_CREDIT = 0.8
_CONTEXT_CREDIT = 0.6  # a word found only in the heading, title or FAQ question
_FAQ_CREDIT = 0.9  # a word found only in the FAQ question an answer belongs to
_ASKS_HOUR = re.compile(r"몇\s*시(?!간|작|즌)|몇\s*시\s*(?:부터|까지|에)")
_HOUR = re.compile(r"\d{1,2}\s*시|\d{1,2}:\d{2}|정오|자정|[한두세네]\s*시\b")
_ASKS_COUNTRY = re.compile(r"(?:어느|무슨|어떤|어디)\s*(?:나라|국가)")
_COUNTRY = re.compile(
    r"한국|우리나라|일본|중국|대만|미국|캐나다|독일|영국|프랑스|이탈리아|스페인|네덜란드|스위스|"
    r"베트남|태국|인도네시아|말레이시아|필리핀|싱가포르|인도|러시아|호주|멕시코|브라질|홍콩"
)
_HEAD_COUNTERS = frozenset({"명"})
_HEADS = re.compile(
    r"(?:\d[\d,]*(?:\s*[만천백억]\s*[\d,]*)*|[한두세네]|다섯|여섯|일곱|여덟|아홉|열)\s*(?:여\s*)?명"
    r"|\d+\s*인(?!\s*(?:당|\d[\d,]*\s*[만천백억]*\s*원|[만천백억]))"
)
_BEFORE_CREDIT = 0.5  # a word found only in the sentence before, in the same paragraph
_BEFORE_CHARS = 300  # how much of the paragraph before a sentence still gives its subject
_MAX_CHARS = 260
_MAX_ITEMS = 10

YES = "네."
NO = "아니요."

_SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?。])\s+(?=\S)")
_ITEM = re.compile(r"^\s*(?:[-*·•]\s*)?(?:\d{1,2}[.)]|[①-⑳]|[가-하][.)]|[-*·•▶▷○●◆■□※])\s*")
_LEAD = re.compile(
    r"다음과\s*같|다음\s*(?:\S+\s*){0,3}(?:둔다|한다|을|를|과|와)|아래와\s*같|[:：]\s*$"
)
_CONNECTIVE = re.compile(
    r"^(?:다만|또한|또|단[,\s]|그러나|하지만|이때|이 경우|따라서|그래서|그러므로|이는|이것|그 |"
    r"이와|여기에|그중|그 중|이 중|이 가운데|나머지)"
)
# The plain written register of rules and articles ("…한다.", "…단체다."), not 합니다체.
_PLAIN_ENDING = re.compile(r"(?<![니])다[.。]?[」』\"')]?$")
_FAQ_HEADING = re.compile(r"^(?:Q\s*\d*[.:)]?|질문\s*\d*[.:)]?)|[?？]\s*$")
_LABELLED_LINE = re.compile(r"^[^\s:：.]{1,14}(?:\s[^\s:：.]{1,10})?\s*[:：]\s")
# Markers of items listed inside one sentence: "1. … 2. …", "① … ② …".
_INLINE_ITEM = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}\.(?=\s)|[①-⑳])")
# What a sentence that says how to do something contains: steps, instructions, addresses.
_HOW = re.compile(
    r"해야|하면|하세요|주세요|바랍니다|바람직|필요하|것이다|것이 좋|방법|절차|순서|신청|보내|제출|"
    r"알리|연락|@|\d{2,4}-\d{3,4}-\d{4}|첫째|둘째|먼저|다음으로"
)
_DEADLINE = re.compile(r"\d+\s*일(?:\([월화수목금토일]\))?\s*까지|마감")
_UNTIL = re.compile(r"마감|이내|(?<!\d시)(?<!\d분)(?<!\d 시)(?<!\d 분)까지")
"""A time limit ("12월 4일까지", "2년 이내", "마감"), not the end of an hour ("오후 5시까지")."""
_DEADLINE_SPAN = re.compile(
    r"(?:[가-힣]*\s*)?마감[^,·.]*|[^,·.]*\d+\s*일(?:\([월화수목금토일]\))?\s*까지[^,·.]*"
)
_ENUMERATION = re.compile(
    r"[^,，]+,[^,，]+,[^,，]+|\S+·\S+·\S+|"
    # "프린스전자와 디자인설계업체(삼화엔지니어링), 금형설계업체(칠성정밀)가": two joined, a third
    r"[가-힣)]+(?:와|과)\s[가-힣()]+,\s[가-힣()]+(?:가|이|는|은|등)\s"
)
_ROLE_ONLY = re.compile(r"회장|대표|간사|사무총장|위원장|이사|감사")
_RECURRING = re.compile(r"정례회|월례회|정기\s*모임|정모|모임")
_DAY_ASKED = re.compile(r"\d+\s*[월일]|이번|다음|지난|언제|날짜|며칠")
# The word a place question asks the place of ("호텔" in "호텔 어디 잡아줘요?").
_ASKED_PLACE = re.compile(
    r"([가-힣A-Za-z]{2,}?)(?:은|는|이|가|도|를|을)?\s*어디|어느\s*([가-힣]{2,}?)(?:에서|으로|로|에|$)"
)
# "주소 어디야?" wants an address: a street or a district with a number, not the place's name.
_ASKS_ADDRESS = re.compile(r"주소")
_ASKS_NAME = re.compile(r"이름|성함")
# A fee a member pays or receives by its name; a 지원금 is told as "…까지 지원합니다".
_FEE = re.compile(r"회비|참가비|수수료|보험료|축의금|조의금")
_REGION = re.compile(
    r"서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
)
_ASKS_ACCOUNT = re.compile(r"계좌|통장")
_ASKS_SUPPORT = re.compile(r"지원|대\s?(?:주|줘|준)|내\s?(?:주|줘|준)|보조")
# A bank account number: digits in dashed groups that are not a telephone number.
_ACCOUNT = re.compile(r"(?<![\d-])(?!0\d{1,2}-\d{3,4}-\d{4}(?![\d-]))\d{2,6}-\d{2,6}-\d{2,8}")
_ADDRESS = re.compile(
    r"[가-힣]+(?:로|길)\s*\d+|\d+\s*번지|[가-힣]+(?:시|군|구)\s+[가-힣]+(?:읍|면|동|로|길)"
)
# A limit on what a sentence allows ("한 해 한 번만 가능합니다", "3회까지만 인정됩니다").
_LIMIT = re.compile(
    r"[가-힣)]만\s*(?:가능|할\s*수|됩니|인정|지원|받)|까지만|에\s*한하|에\s*한해|경우에만"
)
_PRICE = "값"
_CLAUSE = re.compile(r"\s*[①-⑳]")
# A sentence that qualifies the one before it: part of what that one says.
_QUALIFIER = re.compile(r"\s*(?:다만|단,|단 |하지만|그러나|그렇지만|대신|이 경우|이때|그럴 때)")
_ROW_CELL = " · "
_LABEL = ": "


@dataclass(frozen=True, slots=True)
class Unit:
    """One quotable piece of a passage: a sentence, a list item or a table row."""

    text: str
    rank: int
    chunk: Chunk
    index: int
    item: bool = False
    row: bool = False
    heading: bool = False
    before: str = ""
    """The sentences before this one in the same paragraph (context for an elided subject)."""


@dataclass(frozen=True, slots=True)
class Support:
    """How well the chosen sentence answers the question, for the confidence judgement."""

    coverage: float = 0.0
    """Rarity-weighted share of the question's words found in the sentence or its heading."""
    kind_found: bool = False
    """The sentence holds the kind of fact asked (always true for untyped questions)."""
    numbers_found: bool = True
    """Every number-with-unit of the question ("5월", "2차") is in the sentence or its heading."""
    time_found: bool = True
    """A question about last or next year has a sentence about that year."""
    compounds_found: bool = True
    """Every multi-morpheme word of the question ("동행교류회") is found whole."""
    key_found: bool = True
    """The question's rarest noun is found in the sentence, its heading or its title."""
    one_occasion: bool = False
    """The sentence is about one day of something held on several, and no day was asked."""
    unknown: tuple[str, ...] = ()
    """Question words no document uses (and no synonym of which any document uses)."""
    passage: int = 0
    """1-based rank of the passage the sentence came from (0: none)."""
    direct: float = 0.0
    """Rarity-weighted share of the question's words found in the sentence itself."""
    kind_strength: float = 0.0
    """How clearly the sentence holds the kind of fact asked (0 to 1; 0 for untyped questions)."""
    missing: tuple[str, ...] = ()
    """Question words found neither in the sentence nor around it, rarest first."""
    margin: float = 0.0
    """The best sentence of another passage, its score as a share of the chosen one's (0: none)."""
    exception: bool = False
    """A yes/no question answered "no" by a sentence matching more of it than its rival does
    ("이미 출원한 건은 지원하지 않습니다" against the general "출원 비용을 지원합니다") or as
    much of it, all of it, when the rival says neither yes nor no; or a
    question about not doing something answered by the sentence that states that condition
    ("…내지 않으면 제명될 수 있습니다" against "연회비 60만원을 냅니다"); or a question asking a
    date, sum, count, place, person or contact answered by a sentence holding every word asked,
    against a rival holding fewer of them."""


@dataclass(frozen=True, slots=True)
class Extract:
    """The extractive answer text, the source numbers it cites and its support."""

    text: str
    cited: tuple[int, ...]
    support: Support = field(default_factory=Support)
    related: str = ""
    """The best sentence even when it does not answer, to show as a pointer."""
    rival: str = ""
    """The best sentence of another passage that gives a different answer ("" when none)."""


@dataclass(slots=True)
class _Scored:
    unit: Unit
    score: float
    coverage: float
    direct: float
    kind_strength: float
    found: list[str]
    steps: int = 0
    """How many ordinal steps ("첫 번째 단계는 …") this stands for (0: one unit)."""


def extract_answer(
    question: str,
    hits: Sequence[Hit],
    synonyms: Synonyms | None = None,
    *,
    rarity: Rarity | None = None,
    following: Following | None = None,
    phrases: Phrases | None = None,
) -> Extract:
    """The best answer the top passages give to ``question``, with its support.

    Sentence citations are the hits' 1-based ranks, matching the numbered source list.
    """
    read = read_question(question)
    units = [unit for rank, hit in enumerate(hits[:DEPTH], start=1) for unit in _units(hit, rank)]
    if not units:
        return Extract(text="", cited=())
    scorer = _Scorer(read, units, synonyms, rarity, phrases(question) if phrases else ())
    ranked = sorted(
        (scorer.score(unit) for unit in units if _quotable(unit, read)),
        key=lambda item: (-item.score, item.unit.rank, item.unit.index),
    )
    if not ranked:
        return Extract(text="", cited=())
    best = _holding_key(ranked, scorer)
    steps = _ordinal_steps(best, ranked) if read.kind in ("procedure", "list") else []
    if steps:
        # "첫 번째 단계는 … 다섯 번째 단계는 …" told in prose: the steps are the answer, and the
        # passages they span are one answer, not rivals of each other.
        best = scorer.together(steps)
        text, cited = _steps_text(steps), tuple(sorted({step.unit.rank for step in steps}))
        spanned = {step.unit.chunk.id for step in steps}
        competing = [best, *(other for other in ranked if other.unit.chunk.id not in spanned)]
    else:
        text, cited = _compose(best, ranked, read, units, following, scorer)
        competing = list(ranked)
        listed = text.count("\n- ")
        if (
            best.unit.item
            and read.kind in ("procedure", "list")
            and listed >= _MIN_STEPS
            # …under a heading naming steps ("가입 절차"), not a list of terms ("지원 내용")
            and _under_steps(best.unit)
        ):
            # "가입 절차:" and its five steps answer as a whole, like steps told in prose.
            best = replace(best, steps=listed)
    # When the chosen sentence itself matches only kind words, any rival may compete with it.
    topical = scorer.topical if scorer.topical(best) else None
    rival = _rival(best, competing, read, topical)
    support = scorer.support(best, rival)
    return Extract(
        text=text,
        cited=cited,
        support=support,
        related=best.unit.text,
        rival=rival.unit.text if rival is not None else "",
    )


_ORDINAL = re.compile(
    r"^(?:(?P<counted>첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*번째\s*(?P<what>[가-힣]+?)(?:은|는|로|으로)?\s|"
    r"(?P<plain>첫째|둘째|셋째|넷째|다섯째|여섯째|일곱째|여덟째|아홉째|열째)\s*[,，]?\s)"
)
_ORDINAL_NUMBERS = {
    word: number
    for number, words in enumerate(
        (
            ("첫", "첫째"),
            ("두", "둘째"),
            ("세", "셋째"),
            ("네", "넷째"),
            ("다섯", "다섯째"),
            ("여섯", "여섯째"),
            ("일곱", "일곱째"),
            ("여덟", "여덟째"),
            ("아홉", "아홉째"),
            ("열", "열째"),
        ),
        start=1,
    )
    for word in words
}
_MIN_STEPS = 3


def _ordinal(text: str) -> tuple[int, str] | None:
    """The place a sentence says it has in a sequence ("두 번째 단계는 …" → 2, "단계")."""
    match = _ORDINAL.match(_strip_marker(text))
    if match is None:
        return None
    word = match.group("counted") or match.group("plain")
    return _ORDINAL_NUMBERS[word], match.group("what") or ""


def _ordinal_steps(best: _Scored, ranked: Sequence[_Scored]) -> list[_Scored]:
    """The sentences "첫 번째 단계는 …", "두 번째 단계는 …" … of the best one's document, when
    the best one is among the passages they span and there are at least three of them."""
    source = best.unit.chunk.source
    found = sorted(
        (
            (scored.unit.chunk.position, scored.unit.index, place, scored)
            for scored in ranked
            if scored.unit.chunk.source == source
            and (place := _ordinal(scored.unit.text)) is not None
        ),
        key=lambda item: (item[0], item[1]),
    )
    steps: list[_Scored] = []
    what = ""
    for _, _, (number, word), scored in found:
        if number == 1 and not steps:
            steps, what = [scored], word
        elif steps and number == len(steps) + 1 and word == what:
            steps.append(scored)
    if len(steps) < _MIN_STEPS or best.unit.chunk.id not in {s.unit.chunk.id for s in steps}:
        return []
    return steps


def _steps_text(steps: Sequence[_Scored]) -> str:
    """Each step numbered, by its first clause ("1. 교류그룹 결성 단계"), one a line."""
    lines = []
    for number, step in enumerate(steps, start=1):
        sentence = _strip_marker(step.unit.text)
        told = _ORDINAL.match(sentence)
        rest = sentence[told.end() :] if told is not None else sentence
        clause = re.match(r"(.+?)\s*(?:로서|으로서)[,\s]", rest)
        lines.append(_cite(f"{number}. {clause.group(1) if clause else rest}", step.unit.rank))
    return "\n".join(lines)


KEY_SWITCH = 0.8
"""A sentence holding the question's key noun is chosen over a better-scoring one that does not
when it scores at least this share of it (development sets: one right answer more, none wrong)."""


def _holding_key(ranked: Sequence[_Scored], scorer: _Scorer) -> _Scored:
    """The best unit, or a close one that holds the question's key noun when the best does not.

    "관세환급 대신 해주는 거 수수료 몇 프로?": the FAQ's "수수료는 환급액의 2%" scores higher
    through its heading, but "일반 수수료는 3%이지만 회원사는 2%" is the one about 대신 (대행).
    """
    best = ranked[0]
    if scorer.read.kind == "procedure" and not _under_steps(best.unit):
        # "특허 출원비 지원 신청 어떻게 해?": the items under "신청 방법", not the condition
        # "지원 신청 후에 출원한 건만 지원합니다" that holds more of the words.
        for other in ranked[1:]:
            if other.score < STEPS_SWITCH * best.score:
                break
            if _under_steps(other.unit):
                return other
    if scorer.read.kind == "definition" and not _defines_asked(best.unit.text, scorer.read):
        # "간이정액환급 이게 뭐임": "간이정액환급은 … 돌려받는 방법입니다" says what it is;
        # a sentence about who may use it, under a heading naming it, does not.
        for other in ranked[1:]:
            if other.score < KEY_SWITCH * best.score:
                break
            if _defines_asked(other.unit.text, scorer.read):
                return other
    key = scorer.key
    if key is not None and key not in best.found:
        for other in ranked[1:]:
            if other.score < KEY_SWITCH * best.score:
                break
            if key in other.found:
                return other
    if scorer.read.kind in TYPED_KINDS and not scorer.holds_all(best):
        # "공동기술개발 한 과제에 최대 얼마?": the rule stating "과제당 최대 3,000만원" holds
        # every word asked and the sum, though its passage ranks lower than the cost list's.
        for other in ranked[1:]:
            if other.score < ALL_SWITCH * best.score:
                break
            if (
                other.kind_strength == 1.0
                and scorer.holds_all(other)
                # …and the name asked where the best holds it: "784개 업체" beside the
                # heading does not hold the "전기전자" of "전기·전자 301개사".
                and scorer.holds_itself(other, best)
                and scorer.about_dated(other.unit)
            ):
                return other
    return best


STEPS_SWITCH = 0.7
"""For a how-to question, an item under a heading naming steps ("신청 방법") is chosen over a
better-scoring unit that is not one when it scores at least this share of it."""


def _under_steps(unit: Unit) -> bool:
    """True for an item of a list under a heading naming steps ("가입 절차", "신청 방법")."""
    heading = compact(unit.chunk.section)
    return unit.item and any(word in heading for word in KIND_WORDS["procedure"])


ALL_SWITCH = 0.6
"""For a date, sum, count, place, person or contact question, a sentence holding every word asked
and the fact is chosen over a better-scoring one that leaves a word out when it scores at least
this share of it (development sets: 5 right answers more, none wrong, alike from 0.5 to 0.7)."""


_OWN_MONEY = re.compile(r"(?:우리|내|제|저희|자기)\s*돈")
# "보험사 전화번호": whose number is asked; "사무국(031-000-1237)": whose number is given.
_ASKED_OWNER = re.compile(
    r"([가-힣A-Za-z]{2,})\s*(?:의)?\s*(?:전화번호|연락처|전화|번호|이메일|메일)"
)
_GIVEN_OWNER = re.compile(r"([가-힣A-Za-z]{2,})\s*\(\s*(?:전화\s*)?\d{2,4}-\d{3,4}-\d{4}")
_PHONE = re.compile(r"\d{2,4}-\d{3,4}-\d{4}")


def _owns_number(text: str, read: Question) -> bool:
    """False when the question asks for someone's number and every number of ``text`` is given
    in brackets after another owner the question does not name."""
    asked = _ASKED_OWNER.search(read.text)
    if (
        asked is None
        or asked.group(1).startswith(("어디", "무슨", "몇", "누구", "뭐", "알려"))
        # "어디로 연락해야돼 전화번호좀": a verb before the number names no owner.
        or re.search(r"(?:돼|되|요|해|줘|죠|나|까|지|고|면|데)$", asked.group(1)) is not None
    ):
        return True
    owners = [match.group(1) for match in _GIVEN_OWNER.finditer(text)]
    if not owners or len(owners) < len(_PHONE.findall(text)):
        return True
    question = compact(read.text)
    return any(owner in question for owner in owners)


_ASKS_PRODUCT = re.compile(r"(?:뭐|뭘|무엇을?)\s?(?:만드|만들|생산|제조)|무슨\s?제품")
_MAKES = re.compile(r"만들|만드|제조|생산|제작|개발|제품|부품|설비|장비|소재")
_ASKS_FOUNDING = re.compile(
    r"(?:만들어지|만들어진|만들어졌|생긴|생겼|생기|설립|창립|결성|시작된|시작했|출범|발족)"
    r"[가-힣]*\s*(?:게|건|것이?|거)?\s*(?:언제|몇\s?년)|"
    r"(?:언제|몇\s?년[가-힣]*)\s*(?:처음\s*)?"
    r"(?:만들어졌|만들어진|생겼|생긴|설립|창립|결성|시작됐|시작되었|시작된|출범|발족)"
)
"""A question about when something was founded ("처음 만들어진게 몇년도임?")."""
_FOUNDING = re.compile(r"결성|설립|창립|발족|출범|창설|만들어|생겼|생긴|시작")
"""Words saying something was founded or began."""
_AGENT = re.compile(r"(연합회|사무국|교류회)(?:에서|서|가|는|이)\s")
"""Who a yes/no question asks will do it ("연합회에서 운영자금 대출해주나요?")."""
_OTHER_AGENT = re.compile(
    r"(?:정부|지방자치단체|지자체|은행|공단|관세청|보험사|[가-힣]+시)(?:와|과|가|이|는|에서)\s"
)
"""Someone other than the federation doing something ("정부와 지방자치단체가 … 빌려주거나")."""
_ASKS_DAYS = re.compile(r"며칠\s?(?:만에|안에|이내|걸|후|뒤)")
"""A question about how many days something takes ("신청하면 며칠만에 연락와요")."""
_DAYS = re.compile(r"\d+\s*(?:영업일|일|주|개월|달)|(?:다음|이튿|당)\s?날|하루|이틀|사흘")
"""A span of days (or longer) in a sentence; "1시간" is none."""
_REASON_WORDS = frozenset({"계기", "이유", "원인", "까닭"})
"""Words that only ask why ("생긴 계기가 뭐였음?")."""
_GIVES_REASON = re.compile(r"때문|위하여|위해|하고자|보고자|으로 인해|로 인해|계기로|덕분|목적으로")
"""A sentence giving a reason or a purpose."""
_LAST_WORDS = frozenset({"마지막", "끝"})
"""Words asking for the last of a sequence ("맨 마지막 단계는 뭐임?")."""
_ASKS_FIRST = re.compile(r"(?:젤|제일|맨|가장)\s?처음|최초")
"""A question about the very first of something ("젤 처음 상품화한게 뭐였어요?")."""
_FIRST = re.compile(r"최초|처음으로|첫\s?번째|첫\s?사례")
"""A sentence telling which was the first ("…상용화 한 것을 최초로")."""
_PAST_LIMIT = re.compile(r"넘기|넘으|넘어가|넘게|초과")
"""A question about going past a limit ("4시간 넘기면 요금 얼마")."""
_COUNTED = re.compile(r"(\d+)\s*(시간|명|회|번|개|일|개월|달|년|만원|원|곳|건|분)")
_BEYOND = re.compile(r"넘|초과|이상|부터|이후")
"""A sentence about what lies past a limit, not only the limit itself."""
"""What a company makes, said of it ("정밀 부품을 만드는", "○○ 제조")."""
_ASKS_POSTS = re.compile(r"누구(?:누구)?(?:를|부터)?\s*(?:[가-힣]+\s+)?(?:뽑|선출|세우|선임)")
"""Which posts a group must fill ("또 누구 뽑아야 돼요?", "제일 먼저 누구누구 뽑아야")."""
# "이업종교류회 누가 만들었어?": who did something asks for someone, not the roles a rule names.
_WHO_DID = re.compile(r"누가\s*(?:[가-힣]+\s*){0,2}?[가-힣]*(?:었|았|했|였)")


_FIGURE = re.compile(
    r"\d[\d,.]*\s*(?:[만천억]\s*)?(?:원|%|명|곳|개사|개|건|회|일|월|년|시|인|차|번)|"
    r"\d{2,6}-\d{2,6}-\d{2,8}|[\w.+-]+@[\w-]+\.[\w.]+"  # an account, a phone, an address
)


MIN_DIRECT = 0.6
"""A sentence standing against a close rival must itself hold this share of the question's words
(not only through its heading or the sentences before it). On the development sets: one wrong
answer fewer, one right one fewer."""


def _rival(
    best: _Scored,
    ranked: Sequence[_Scored],
    read: Question,
    topical: Callable[[_Scored], bool] | None = None,
) -> _Scored | None:
    """The best sentence of another passage that does not state the same figure as ``best``.

    Two passages giving the same date, amount or place agree (a FAQ and the rule it quotes);
    one giving another figure, or another sentence altogether, competes with the chosen answer,
    provided it shares the question's topic (``topical``), not only a date for "마감 날짜".
    """
    figures = _figures(best.unit.text, read)
    for other in ranked[1:]:
        if other.unit.chunk.id == best.unit.chunk.id:
            continue
        if topical is not None and not topical(other):
            continue
        if figures and figures & _figures(other.unit.text, read):
            continue
        if (
            read.kinds == ("place",)
            and _places(best.unit.text, read)
            and not _places(other.unit.text, read)
        ):
            continue  # "일본 어디쪽": a sentence naming no place but 일본 offers no other answer
        if read.superlative is not None and not (
            states_superlative(other.unit.text) or figured_items(other.unit.text)
        ):
            continue  # "업종 제일 많은게 뭐에요?": a sentence ranking nothing offers no answer
        if _restates(other.unit.text, best.unit.text):
            continue
        if read.kind in ("list", "procedure") and _same_items(best.unit.text, other.unit.text):
            continue
        return other
    return None


SAME_WORDING = 0.6
"""Share of a sentence's letter pairs another must hold to say the same thing in other words."""


def _restates(text: str, other: str) -> bool:
    """True when ``text`` says what ``other`` says: a FAQ answer restating a rule ("같은
    교류회에는 한 업종에 한 회사만 들어갈 수 있습니다" and "하나의 교류회에는 한 업종에 한 회사만
    가입할 수 있다") agrees with it rather than competing."""
    pairs = _pairs(text)
    return bool(pairs) and len(pairs & _pairs(other)) / len(pairs) >= SAME_WORDING


_LIST_RUN = re.compile(r"[^,.\n]+(?:,[^,.\n]+){2,}")
"""Three or more items separated by commas, with the words around them."""
_ITEM_PARTICLE = re.compile(r"(?:을|를|이|가|와|과|및|등)$")
SAME_ITEMS = 2
"""How many listed items two sentences must share to give the same list."""


def _same_items(text: str, other: str) -> bool:
    """True when two sentences list the same things: a rule's "입회신청서, 사업자등록증 사본,
    회사소개서를 제출" and the guide's "입회신청서, 사업자등록증 사본, 회사소개서를 내고" agree."""
    mine, theirs = _list_items(text), _list_items(other)
    return len(mine & theirs) >= SAME_ITEMS


def _list_items(text: str) -> set[str]:
    """The items of the comma lists in ``text``: the last word before the first comma, every
    part between commas, the first word after the last one (without its particle)."""
    items: set[str] = set()
    for run in _LIST_RUN.finditer(text):
        parts = run.group().split(",")
        first, last = parts[0].split(), parts[-1].split()
        named = [first[-1] if first else "", *parts[1:-1], last[0] if last else ""]
        items.update(_ITEM_PARTICLE.sub("", compact(part)) for part in named)
    items.discard("")
    return items


_WEAK_SHARE = 0.2
"""A phrase's words weighing under this share of the question's heaviest word are no topic on
their own ("업종" in a corpus about 이업종교류): the phrase stands as a word of its own."""
_COMPANIES_COUNTED = re.compile(r"\d\s*개사")
_FIRMS_COUNTED = re.compile(r"\d\s*개\s*(?:사|회사|기업|업체)")
"""A number of firms, whichever plain word counts them ("10~20개 기업" for "회사 몇 개");
회원사 is not among them: "784개 업체 참여" does not count members."""
_FIRM_WORDS = frozenset({"회사", "기업", "업체"})
_MEMBERS = frozenset({"회원", "회원사"})
# "2개사" and "2곳" count the same companies.
_COMPANIES = re.compile(r"(?<=\d)(?:개사|곳)$")


_YEAR_OR_DECADE = re.compile(r"(?<!\d)(?:(\d{4})\s*년|([1-9]0)\s*년대)")


def _earliest_year(text: str) -> int | None:
    """The earliest year a sentence names ("70년대" is 1970; "10년이 지나" is none), or None."""
    years = [
        int(year) if year else 1900 + int(decade) for year, decade in _YEAR_OR_DECADE.findall(text)
    ]
    return min(years, default=None)


def _places(text: str, read: Question) -> set[str]:
    """The places a sentence names that the question does not."""
    asked = compact(read.text)
    return {place for place in places_in(text) if place not in asked}


def _figures(text: str, read: Question) -> set[str]:
    """The figures of a sentence and, for 어디, the places it names that the question does not
    ("시즈오카"), for 누구 the people it names: two sentences naming them agree."""
    found = {_COMPANIES.sub("곳", compact(m.group())) for m in _FIGURE.finditer(text)}
    if read.kind == "person":
        found |= people_in(text)
    if read.kind == "place":
        found |= _places(text, read)
    return found


# ── Units ─────────────────────────────────────────────────────────────────────────────────


def _units(hit: Hit, rank: int) -> list[Unit]:
    """The sentences, list items and table rows of a passage.

    A heading is a unit only when it carries a date ("신년하례회 및 정기총회 (1월 16일)"); it
    competes like a sentence but only answers questions of a typed kind.
    """
    chunk = hit.chunk
    headings = {compact(chunk.title), compact(chunk.section)}
    units: list[Unit] = []
    if chunk.section and re.search(r"\d+\s*월\s*\d+\s*일", chunk.section):
        units.append(Unit(chunk.section, rank, chunk, 0, heading=True))
    lines = [line.strip() for line in chunk.text.split("\n")]
    lines = _unwrapped([line for line in lines if not line or compact(line) not in headings])
    pending = ""  # "네." or "아닙니다." alone joins the sentence after it
    previous = ""  # the last sentence of the line before, for a line that goes on from it
    for number, line in enumerate(lines):
        line = _without_label(line, chunk.section)
        if not line or _is_title(line, lines, number):
            continue
        if _ROW_CELL in line and _LABEL in line:
            units.append(Unit(line, rank, chunk, len(units), row=True))
            previous = ""
            continue
        # "새벽교류회: 매월 … 대회의실. 간사 연락처 …" stays whole: the label is its subject;
        # so does a numbered step with a second sentence ("2. … 참관합니다. 참관은 무료이며 …").
        whole = _LABELLED_LINE.match(line) or (_ITEM.match(line) and len(line) <= 160)
        pieces = [line] if whole else _SENTENCE_END.split(line)
        # A line that is not an item of its own goes on from the line before, whose subject it
        # often leaves out ("- 한빛시 육성자금: 이차보전 방식입니다." / "2026년에는 연 2%p를 …").
        before = "" if _ITEM.match(line) or _LABELLED_LINE.match(line) else previous
        for sentence in pieces:
            for piece, item in _inline_items(sentence.strip()):
                if re.fullmatch(r"(?:네|예|아닙니다|아니요|됩니다)[.!]?", piece):
                    pending = piece + " "
                    continue
                if len(piece) < 4:
                    continue
                text = pending + piece
                units.append(Unit(text, rank, chunk, len(units), item=item, before=before))
                pending, before = "", f"{before} {text}".strip()
                previous = before[-_BEFORE_CHARS:]
    return units


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines with the breaks that PDF, Markdown and text files put inside sentences removed.

    A line is continued by the next when it is long, ends inside a sentence (on a letter or a
    comma, not on a full stop, a colon or a number) and the next line does not open an item, a
    table row or a labelled line.
    """
    joined: list[str] = []
    paragraph_ended = False  # an empty line ends a paragraph: nothing runs on across it
    for line in lines:
        if not line:
            paragraph_ended = True
        elif joined and not paragraph_ended and _continues(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
            paragraph_ended = False
    return joined


def _continues(previous: str, line: str) -> bool:
    return (
        len(previous) >= 30
        and re.search(r"[가-힣A-Za-z,]$", previous) is not None
        and not _ITEM.match(line)
        and not _LABELLED_LINE.match(line)
        and not (_ROW_CELL in line and _LABEL in line)
        and not re.match(r"제\s*\d+\s*[조장]", line)
    )


def _without_label(line: str, section: str) -> str:
    """A line without the article label it starts with ("제9조(탈퇴) 회원은 …" → "회원은 …")."""
    label = " ".join(section.split())
    if label and re.match(r"제\s*\d+\s*조", label) and line.startswith(label + " "):
        return line[len(label) + 1 :].strip()
    return line


def _is_title(line: str, lines: Sequence[str], number: int) -> bool:
    """A short numbered heading left inside the text ("2. 두 가지 방법: 개별환급과 …").

    A short line next to another numbered line is an item of a list ("1. 대표 본인 결혼: …"),
    not a title.
    """
    if len(line) > 40 or re.search(r"[.!?。]$|(?:다|요)$", line):
        return False
    if not re.match(r"^(?:\d{1,2}\.|[IVX]{1,4}\.|[■◆□◇▶])\s*\S", line):
        return False
    neighbours = [lines[i] for i in (number - 1, number + 1) if 0 <= i < len(lines)]
    return not any(_ITEM.match(other) for other in neighbours)


def _inline_items(sentence: str) -> list[tuple[str, bool]]:
    """A sentence split into the items it lists inline ("1. 회장 1인 2. 수석부회장 1인 …").

    Returns (text, is_item) pairs; a sentence without an inline list is returned whole.
    """
    markers = list(_INLINE_ITEM.finditer(sentence))
    starts_as_item = bool(_ITEM.match(sentence))
    if len(markers) < 2:
        return [(sentence, starts_as_item)]
    pieces: list[tuple[str, bool]] = []
    head = sentence[: markers[0].start()].strip()
    if head:
        pieces.append((head, False))
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(sentence)
        pieces.append((sentence[marker.start() : end].strip(), True))
    return pieces


def _quotable(unit: Unit, read: Question) -> bool:
    if is_instruction(unit.text):
        return False
    if unit.heading:
        return read.kind in TYPED_KINDS
    if "목적" in read.terms:
        return True
    return not is_boilerplate(_strip_marker(unit.text), unit.chunk.section)


# ── Scoring ───────────────────────────────────────────────────────────────────────────────


class _Scorer:
    """Scores units against one question, with every text analysed once."""

    def __init__(
        self,
        read: Question,
        units: Sequence[Unit],
        synonyms: Synonyms | None,
        rarity: Rarity | None,
        phrases: Sequence[tuple[str, tuple[str, ...]]] = (),
    ) -> None:
        self.read = read
        self._synonyms = synonyms
        self._units = units
        self._compacts: dict[int, str] = {}
        contexts = {unit.chunk.id: _context_text(unit.chunk, units) for unit in units}
        befores = sorted({unit.before for unit in units if unit.before})
        texts = [unit.text for unit in units] + list(contexts.values()) + befores
        analysed = analyse_many(texts)
        self._unit = {id(unit): found for unit, found in zip(units, analysed, strict=False)}
        offset = len(units)
        self._context = dict(zip(contexts, analysed[offset : offset + len(contexts)], strict=True))
        self._before = dict(zip(befores, analysed[offset + len(contexts) :], strict=True))
        self._weights, self.unknown = _weights(read, synonyms, rarity)
        self._extra = [w for w in read.soft if w not in self._weights and len(w) >= 3]
        self._key = _key_noun(read, self._weights, self._kind_words_of(read))
        self.key = self._key
        self._asks_account = read.kind == "contact" and _ASKS_ACCOUNT.search(read.text) is not None
        self._asks_address = read.kind == "place" and _ASKS_ADDRESS.search(read.text) is not None
        # The names a figure must not merely be listed with, regions however written included.
        self._listed_names = (*read.names, *_REGION.findall(read.text))
        self._counted_by = _counted_by(read, self._weights)
        # The half-year a date is asked for, and whether a day or a length of time is asked.
        self._half = _HALF.search(read.text) if read.kind == "date" else None
        self._asks_day = self._half is not None and _ASKS_DAY.search(read.text) is not None
        self._asks_length = read.kind == "date" and _ASKS_LENGTH.search(read.text) is not None
        self._asks_founding = read.kind == "date" and _ASKS_FOUNDING.search(read.text) is not None
        self._asks_days = _ASKS_DAYS.search(read.text) is not None
        self._asks_first = _ASKS_FIRST.search(read.text) is not None
        # The (document, passage) pairs naming a region the question gives.
        self._naming: dict[str, set[tuple[str, str]]] = {}
        self._total = sum(self._weights.values()) or 1.0
        self._kind_words = {
            word: kind
            for kind in (*read.kinds[::-1], read.kind)
            for word in KIND_WORDS.get(kind, ())
            # "우리 돈은 얼마나 넣어야": one's own money (자부담) is a topic, not just a sum.
            if not (word == "돈" and _OWN_MONEY.search(read.text))
        }
        # A glossary phrase of the question ("혼자 방") vouches for the terms inside it when a
        # sentence holds another word of its group ("1인 1실"); a phrase holding no term ("뭐가
        # 좋은데") becomes a term of its own, found through its group ("효과", "혜택").
        self._phrases: list[tuple[list[str], tuple[str, ...]]] = []
        heaviest = max(self._weights.values(), default=0.0)
        own: list[frozenset[str]] = []
        for member, others in phrases:
            covered = [t for t in self._weights if t in compact(member)]
            # "같은 업종": a phrase whose words every passage uses means more than they do.
            weak = bool(covered) and all(self._weights[t] < heaviest * _WEAK_SHARE for t in covered)
            # "중진공", which Kiwi reads as 중 + 진공, vouches for 진공 like a phrase does.
            if covered and (" " in member or all(t != compact(member) for t in covered)):
                self._phrases.append((covered, others))
            elif not covered and len(compact(member)) >= 3:
                self._weights[member] = sorted(self._weights.values() or [5.0])[
                    len(self._weights) // 2
                ]
                self._phrases.append(([member], others))
            group = frozenset((member, *others))
            if weak and " " in member and len(compact(member)) >= 3 and group not in own:
                own.append(group)
                self._weights[member] = sorted(self._weights.values())[len(self._weights) // 2]
                self._phrases.append(([member], others))
        self._total = sum(self._weights.values()) or 1.0
        # Each labelled item's label ("2. 대표 자녀 결혼:") as the question words it holds.
        self._labels = {
            id(unit): self._label_terms(found.group(1))
            for unit in units
            if unit.item and (found := _ITEM_LABEL.match(unit.text)) is not None
        }

    def score(self, unit: Unit) -> _Scored:
        """The unit's score for the question (higher is better)."""
        read = self.read
        text = self._unit[id(unit)]
        context = self._context[unit.chunk.id]
        before = self._before.get(unit.before) if unit.before else None
        kind_strength = self._kind_strength(unit)
        if unit.heading and (read.kind not in TYPED_KINDS or kind_strength == 0):
            kind_strength = 0.0
        direct = context_credit = 0.0
        found: list[str] = []
        for term, weight in self._weights.items():
            credit = self._credit(term, text)
            if not credit and term in self._kind_words and not self._unknown_sum(term):
                # "마감일" is answered by any deadline; a sum no document names ("회비" asked of
                # an article that never mentions fees) by none.
                credit = 1.0 if strength(self._kind_words[term], unit.text) > 0 else 0.0
            if not credit and read.kind == "reason" and term in _REASON_WORDS:
                # "생긴 계기가 뭐였음?": a sentence giving a reason or purpose ("…를 극복해
                # 보고자") answers it without the word.
                credit = 1.0 if _GIVES_REASON.search(unit.text) else 0.0
            if not credit and term in _LAST_WORDS and self._last_step(unit):
                # "맨 마지막 단계": the step with the highest number ("다섯 번째 단계는 …").
                credit = 1.0
            if not credit and term in _FIRM_WORDS:
                # "회사가 몇 개": "10개사" counts companies, whatever it calls them.
                credit = 1.0 if _COMPANIES_COUNTED.search(unit.text) else 0.0
            if not credit and term in TIME_WORDS and read.when is not None:
                # "내년" is answered by a sentence about next year.
                about = f"{unit.text} {unit.chunk.section}"
                credit = 1.0 if _time_matches(read, about, unit.chunk) else 0.0
            if not credit:
                for covered, others in self._phrases:
                    if term in covered and text.contains_any(others):
                        credit = _SYNONYM_CREDIT
            if credit:
                direct += weight * credit
                found.append(term)
            elif self._credit(term, context):
                # In a FAQ the heading is the question the answer answers, subject included.
                share = _FAQ_CREDIT if _is_faq(unit.chunk) else _CONTEXT_CREDIT
                context_credit += weight * share
                found.append(term)
            elif before is not None and self._credit(term, before):
                context_credit += weight * _BEFORE_CREDIT
                found.append(term)
            elif self._only_document_naming(unit, term):
                # "강원도 조사에서": the region a study is about, named elsewhere in it.
                context_credit += weight * _CONTEXT_CREDIT
                found.append(term)
        coverage = min(1.0, (direct + context_credit) / self._total)
        score = coverage * _RANK_WEIGHT[unit.rank - 1]
        if read.kind in TYPED_KINDS:
            score *= 0.15 + 0.85 * kind_strength
            for extra in read.kinds[1:]:
                score *= 0.9 + 0.1 * strength(extra, unit.text)
        elif read.kinds:  # "뭐 내야 돼요? 어디로 보내요": the procedure holding an address wins
            score *= 0.7 + 0.3 * strength(read.kinds[0], unit.text)
        score *= 0.7 + 0.3 * self._names_share(unit)
        if read.deadline and _UNTIL.search(unit.text):
            score *= 1.15
        elif read.deadline and read.kind == "date":
            score *= 0.8  # "언제까지 신청해요?" asks a deadline, not when a class is held
        if read.superlative is not None:
            # "업종 제일 많은 게 뭐예요?": the sentence saying which is the most, or the one
            # listing each with its figure, not the one naming the topic.
            if states_superlative(unit.text):
                score *= 1.3
            elif figured_items(unit.text):
                score *= 1.2
            else:
                score *= 0.5
        if self._asks_account and not _ACCOUNT.search(unit.text):
            score *= 0.7  # "계좌번호": a telephone number is not where to send the money
        if read.named is not None and not _names_one(unit.text, read):
            score *= 0.15  # "법 이름 뭐라고?": a sentence naming no 법 cannot answer it
        if read.kind == "definition" and _defines(unit.text, read.terms):
            score *= 1.3
        if read.kind in ("list", "procedure") and (unit.item or _LEAD.search(unit.text)):
            score *= 1.1
        if read.kind == "procedure":
            # Steps, addresses and instructions answer "어떻게 신청해요?", under a 방법 heading.
            score *= 0.85 + 0.15 * strength("contact", unit.text)
            if not (unit.item or _HOW.search(unit.text)):
                score *= 0.6
            if re.search(r"방법|절차|신청|순서|접수", unit.chunk.section):
                score *= 1.1
        if read.kind == "yesno" and not read.negated and self.decides(unit):
            score *= 1.1  # "네"/"아니요" beats a sentence that only mentions the topic
        if unit.row and read.kind not in TYPED_KINDS:
            score *= 0.6  # a table row states facts, it does not say yes or explain
        if read.kind == "list" and _ENUMERATION.search(unit.text):
            score *= 1.35
        if not _numbers_in(read, unit.text + " " + unit.chunk.section, unit.chunk):
            score *= 0.5
        if not _time_matches(read, f"{unit.text} {unit.chunk.section}", unit.chunk):
            score *= 0.5
        if unit.text.endswith("…"):
            score *= 0.6
        if unit.index == 0 and not unit.heading:
            score *= 1.05  # a section's first sentence usually states what the heading names
        if self._one_of_many(unit):
            score *= 0.5  # one meeting's place does not say where the meetings are held
        if not self.about_dated(unit):
            score *= 0.5  # "연합회 언제 만들어졌어요?": a date of something else
        if self._date_of_another_kind(unit):
            score *= 0.5  # …or a date, or a span, of another kind than the one asked
        if self._asks_first and _FIRST.search(unit.text):
            score *= 1.3  # "젤 처음 상품화한게": the sentence saying which was the first
        if self._another_label_asked(unit):
            score *= 0.5  # "딸 결혼" asks the item "대표 자녀 결혼:", not "대표 본인 결혼:"
        if unit.heading:
            score *= 0.9  # a heading's date is shorter than the sentence or row that gives it
        if not read.numbers and self._specific_instance(unit):
            score *= 0.8  # "12월 정례회는 …" is one occasion, not what "정례회 언제?" asks
        if read.kind == "date" and not read.deadline and _only_deadline(unit.text):
            score *= 0.8  # "언제 해요?" asks when it happens, not until when to send something
        elif read.kind == "date" and not read.deadline and _HOUR.search(unit.text):
            score *= 1.1  # "3월 12일(목) 오후 2시" says when better than "(3월 12일)" alone
        if _is_faq(unit.chunk):
            # A FAQ question worded like the member's ("회비를 안 내면 어떻게 되나요?") marks
            # the answer even when the content words alone do not tell two entries apart.
            score *= 1 + max(0.0, self._resemblance(unit.chunk.section) - 0.4)
        for word in self._extra:
            if word in compact(unit.text):
                score *= 1.15  # "첫번째" typed as the document writes it ("첫 번째")
        return _Scored(unit, score, coverage, direct / self._total, kind_strength, found)

    def _only_document_naming(self, unit: Unit, name: str) -> bool:
        """True when ``name``, a region the question gives ("강원도"), is found in passages of
        ``unit``'s document and in no passage of another: the region the document is about."""
        if name not in self.read.names or _REGION.match(name) is None:
            return False
        if name not in self._naming:
            self._naming[name] = {
                (other.chunk.source, other.chunk.id)
                for other in self._units
                if self._credit(name, self._unit[id(other)])
                or self._credit(name, self._context[other.chunk.id])
            }
        naming = self._naming[name]
        # Named in two passages or more: the study is about it, not mentioning it once
        # ("서울, 경기, 부산 등 13개 지역연합회").
        return {source for source, _ in naming} == {unit.chunk.source} and len(naming) >= 2

    def _last_step(self, unit: Unit) -> bool:
        """True when ``unit`` tells the last of two or more numbered steps among the units."""
        mine = _ordinal(unit.text)
        if mine is None or mine[0] < 2:
            return False
        return all(
            (other := _ordinal(u.text)) is None or other[1] != mine[1] or other[0] <= mine[0]
            for u in self._units
            if u.chunk.source == unit.chunk.source
        )

    def _date_of_another_kind(self, unit: Unit) -> bool:
        """True when the question asks a founding year or a number of days and the unit holds
        neither: "경기연합회 처음 만들어진게 몇년도" is not answered by a product's year, "며칠만에
        연락와요" not by "첫 상담 1시간"."""
        if self._asks_founding and not _FOUNDING.search(f"{unit.text} {unit.chunk.section}"):
            return True
        return self._asks_days and _DAYS.search(unit.text) is None

    def _other_agent(self, unit: Unit) -> bool:
        """True when a yes/no question names who would do it ("연합회에서") and the unit, which
        does not name them, says someone else does it ("정부와 지방자치단체가 …")."""
        if self.read.kind != "yesno":
            return False
        asked = _AGENT.search(self.read.text)
        return (
            asked is not None
            and asked.group(1) not in f"{unit.before} {unit.text}"
            and _OTHER_AGENT.search(unit.text) is not None
        )

    def _only_the_limit(self, unit: Unit) -> bool:
        """True when the question asks past a limit it names and the unit states only that limit
        ("4시간까지"), nothing beyond it."""
        read = self.read
        if _PAST_LIMIT.search(read.text) is None:
            return False
        text = compact(unit.text)
        limits = [
            "".join(found) + "까지"
            for found in _COUNTED.findall(read.text)
            if "".join(found) + "까지" in text
        ]
        return bool(limits) and _BEYOND.search(unit.text) is None

    def _unknown_sum(self, term: str) -> bool:
        """True when ``term`` names a sum ("회비", "참가비") that no document uses."""
        return term in self.unknown and self._kind_words.get(term) == "amount"

    def together(self, parts: Sequence[_Scored]) -> _Scored:
        """Several units answering as one (the steps of a sequence): the words any of them holds,
        the best score among them, standing as the first unit."""
        found = list(dict.fromkeys(word for part in parts for word in part.found))
        held = sum(self._weights.get(word, 0.0) for word in found) / self._total
        return _Scored(
            parts[0].unit,
            max(part.score for part in parts),
            min(1.0, max(held, *(part.coverage for part in parts))),
            max(part.direct for part in parts),
            max(part.kind_strength for part in parts),
            found,
            steps=len(parts),
        )

    def topical(self, scored: _Scored) -> bool:
        """True when a unit matches a question word other than those naming the kind asked
        ("공동R&D 접수 마감 날짜": a workshop's row matching only 마감 and 날짜 is not), or
        all the question's compound words."""
        if self.read.compounds and self._names_share(scored.unit) == 1.0:
            return True  # "입회비" whole, though its 회비 only names an amount
        return any(term not in self._kind_words for term in scored.found)

    def support(self, best: _Scored, rival: _Scored | None = None) -> Support:
        """The evidence behind the chosen unit (``rival``: the best one of another passage)."""
        unit, read = best.unit, self.read
        missing = sorted(
            (term for term in self._weights if term not in best.found),
            key=lambda term: -self._weights[term],
        )
        surroundings = f"{unit.text} {unit.chunk.section} {unit.chunk.title}"
        kind_found = best.kind_strength > 0
        if read.kind == "procedure":
            kind_found = (
                unit.item or _HOW.search(unit.text) is not None or bool(_ordinal(unit.text))
            )
            # Steps for paying are no steps for changing the account ("통장 바꾸려면").
            kind_found = kind_found and (read.goal is None or read.goal in best.found)
        if read.kind == "place":
            # "호텔 어디 잡아줘요?" wants a hotel: the fair's city does not answer it.
            asked = _ASKED_PLACE.search(read.text)
            place = asked.group(1) or asked.group(2) if asked is not None else None
            if place is not None and is_place_type(place):
                kind_found = kind_found and place in best.found
        if read.superlative is not None:
            kind_found = kind_found and bool(
                states_superlative(unit.text) or figured_items(unit.text)
            )
        if read.kind == "contact" and not _owns_number(unit.text, read):
            # "보험사 사고접수 전화번호": "사무국(031-000-1237)" is the secretariat's number.
            kind_found = False
        if self._asks_account:
            # "계좌번호 뭐예요?" wants the number to send money to, not whom to tell.
            kind_found = kind_found and _ACCOUNT.search(unit.text) is not None
        if not self.about_dated(unit):
            # "선정 발표 언제해요?" wants the date of the 발표, not the fair's or the deadline;
            # in the sentence or under its heading, not only in the document's title.
            kind_found = False
        if read.kind == "amount" and any(
            _FEE.search(term) for term in self._weights if term not in best.found
        ):
            # "연회비 얼마?" asks the sum of 연회비: a sentence without it states another sum.
            kind_found = False
        if read.kind == "person" and _ASKS_NAME.search(read.text):
            # "사무총장님 이름이 뭐였더라" wants a person's name: "담당 간사" names a role only.
            kind_found = kind_found and bool(people_in(unit.text))
        if _ASKS_PRODUCT.search(read.text):
            # "대성정밀은 뭐 만드는 회사예요?" wants its products: a schedule naming the company
            # for a factory visit does not say what it makes.
            kind_found = kind_found and _MAKES.search(unit.text) is not None
        if self._date_of_another_kind(unit):
            kind_found = False
        if self._other_agent(unit):
            # "연합회에서 대출해주나요?": what the government lends does not say what 연합회 does.
            kind_found = False
        if self._only_the_limit(unit):
            # "4시간 넘기면 요금 얼마": "4시간까지 무료" states the limit, not the cost past it.
            kind_found = False
        if read.named is not None:
            # "법 이름 뭐라고?" wants a name: a word ending in 법 ("…촉진법") or a quoted one.
            kind_found = kind_found and _names_one(unit.text, read)
        if read.kind == "list":
            # "서류 뭐뭐 내요?" wants the items: a sentence naming none does not answer it.
            # One row of a table is one item, unless a cell lists several itself.
            text = unit.text.replace(_ROW_CELL, " | ") if unit.row else unit.text
            kind_found = bool(
                (unit.item and not unit.row)
                or _ENUMERATION.search(text)
                or _LEAD.search(text)
                # "단계 어떻게 나눠?": steps told in prose ("첫 번째 단계는 …") are the items.
                or best.steps >= _MIN_STEPS
            )
        # "아들 장가가는데 축의금도 나오나요": the case asked ("2. 대표 자녀 결혼: 축하 화환")
        # answers by leaving out what another case of the same list has ("…축의금 10만원").
        absent = self.left_out(best)
        return Support(
            coverage=min(1.0, best.coverage + sum(self._weights[t] for t in absent) / self._total),
            key_found=self._key is None
            or self._key in best.found
            # "강원도 조사에서": a study of 강원도 names it in other passages, not in each sentence.
            or self._only_document_naming(unit, self._key)
            # "회사 몇 개 모여야": "10개사" counts companies without the word.
            or (self._key in COMPANY_WORDS and bool(_COMPANIES_COUNTED.search(unit.text))),
            kind_found=kind_found,
            numbers_found=_numbers_in(read, self._numbered_in(unit, surroundings), unit.chunk),
            time_found=_time_matches(read, surroundings, unit.chunk),
            compounds_found=self._names_share(unit) == 1.0,
            one_occasion=self._one_of_many(unit),
            unknown=self.unknown,
            passage=unit.rank,
            direct=best.direct,
            kind_strength=best.kind_strength,
            missing=tuple(missing),
            margin=rival.score / best.score if rival is not None and best.score > 0 else 0.0,
            exception=rival is not None and self._stands_against(best, rival, missing),
        )

    def _numbered_in(self, unit: Unit, surroundings: str) -> str:
        """Where the question's numbers must be: the sentence with its heading and title, and
        for a question not asking a figure, the sentences before it too ("210만원 내면 뭐뭐
        포함돼?" is answered by "…이 포함됩니다" after "1인 참가비는 210만원입니다"); a sum
        asked under a condition ("5억 한도로 하면 얼마") needs the condition in the sentence."""
        if self.read.kind in TYPED_KINDS:
            return surroundings
        return f"{surroundings} {unit.before}"

    def _stands_against(self, best: _Scored, rival: _Scored, missing: Sequence[str]) -> bool:
        """True when ``best`` answers the question although ``rival`` comes close (see
        :attr:`Support.exception`)."""
        read, mine, theirs = self.read, set(best.found), set(rival.found)
        if best.steps and theirs <= mine:
            # "어떤 단계 거치는지 순서대로": the five steps hold more of the question together
            # than any one sentence elsewhere.
            return True
        if read.kind == "yesno" and self.polarity(best.unit) == "no":
            # "이미 출원한 건은 지원하지 않습니다" matches more than "출원 비용을 지원합니다";
            # "다른 회원들도 봐요?" — "아닙니다. … 자문위원만 봅니다" against a rule that
            # matches the same words and says neither yes nor no.
            same_but_undecided = not missing and theirs == mine and not self.decides(rival.unit)
            if theirs < mine or same_but_undecided:
                return True
        # A word no document uses cannot tell the two apart ("깜빡했는데").
        unmatched = [word for word in missing if word not in self.unknown]
        if (
            # …and for "뭐뭐 보내야 돼?", the sentence listing them with every word asked
            (read.kind in TYPED_KINDS or read.kind == "list")
            and not unmatched
            and theirs < mine
            and best.direct >= MIN_DIRECT
        ):
            # "가입 승인 결과는 언제 알려줘요?": "승인 결과는 이사회 다음 날 알려 드립니다"
            # holds a date and every word asked; "가입 승인은 … 3개월 가까이 걸릴 수 있고"
            # holds a date but leaves out 결과, so it answers another question.
            return True
        if (
            read.kind == "definition"
            and _defines_asked(best.unit.text, read)
            and not _defines_asked(rival.unit.text, read)
            and theirs <= mine
        ):
            # "수출바우처 그게 뭐예요?": "수출바우처는 …사업입니다" says what it is; a list that
            # names it among others does not.
            return True
        if read.kind == "date" and self._asks_first:
            # "맨처음 시작된게 언제": "70년대 초에 … 시작된" is earlier than "90년대 중반에 시작된".
            mine_year, their_year = _earliest_year(best.unit.text), _earliest_year(rival.unit.text)
            if mine_year is not None and their_year is not None and mine_year < their_year:
                return True
        # "연회비 안 내면 어떻게 돼요?": "…내지 않으면 제명될 수 있습니다" against "연회비
        # 60만원을 냅니다", which says nothing about not paying.
        return bool(
            read.unless
            and theirs <= mine
            and NEGATIVE_CONDITION.search(best.unit.text) is not None
            and NEGATIVE_CONDITION.search(rival.unit.text) is None
        )

    def _one_of_many(self, unit: Unit) -> bool:
        """True when the unit is about one day of something that happens on several days.

        "미래교류회 모임 장소 어디예요?" answered with the row "미래교류회 6월 18일(목):
        시제품제작실" is the place of one meeting; other passages name the same 미래교류회 on other
        days. A question that names no day and asks no date is not answered by that one day.
        """
        read = self.read
        if read.numbers or read.kind not in ("place", "person", "contact", "count"):
            return False
        days = _days(unit.text)
        if not days:
            return False
        if _RECURRING.search(read.text) and not _DAY_ASKED.search(read.text):
            return True  # "정례회 장소": a meeting held every month; a dated row is one of them
        nouns = (t for t in read.terms if t in read.nouns)
        names = [n for n in (*read.names, *nouns) if len(n) > 1]
        subject = [n for n in names if n in self._compact(unit)]
        if not subject:
            return False
        for other in self._units:
            if other is unit or not all(n in self._compact(other) for n in subject):
                continue
            if _days(other.text) - days:
                return True
        return False

    def _compact(self, unit: Unit) -> str:
        found = self._compacts.get(id(unit))
        if found is None:
            found = self._compacts[id(unit)] = compact(unit.text)
        return found

    def _specific_instance(self, unit: Unit) -> bool:
        """True when a question word appears right after a number ("12월 정례회")."""
        return any(
            re.search(rf"\d+\s*[월차회년]\s*{re.escape(term)}", unit.text)
            for term in self.read.terms
            if len(term) >= 2
        )

    def _resemblance(self, heading: str) -> float:
        """Share of the question's letter pairs (spaces ignored) that a heading repeats."""
        mine = _pairs(self.read.text)
        return len(mine & _pairs(heading)) / len(mine) if mine else 0.0

    @staticmethod
    def _kind_words_of(read: Question) -> set[str]:
        return {word for kind in (read.kind, *read.kinds) for word in KIND_WORDS.get(kind, ())}

    def decides(self, unit: Unit) -> bool:
        """True when the unit itself (not its heading) says yes or no to the question."""
        return (
            polarity(
                _strip_marker(unit.text),
                self.found_terms(unit),
                must=self.read.must,
                own_words_only=True,
            )
            is not None
        )

    def polarity(self, unit: Unit) -> str | None:
        """ "yes", "no" or ``None`` for a unit, as :func:`knowledge.facts.polarity` reads it."""
        return polarity(
            _strip_marker(unit.text),
            self.found_terms(unit),
            unit.chunk.section,
            must=self.read.must,
            asks_support=_ASKS_SUPPORT.search(self.read.text) is not None,
        )

    def about_dated(self, unit: Unit) -> bool:
        """False when the question asks the date of something ("연합회 언제 만들어졌어요?")
        that neither the unit nor its heading names."""
        return self.read.dated is None or self._near(unit, self.read.dated)

    def holds_itself(self, scored: _Scored, than: _Scored) -> bool:
        """False when ``than`` holds a name the question asks about ("전기전자") whole in its
        own words and ``scored`` does not."""
        own = set(self.found_terms(scored.unit))
        theirs = set(self.found_terms(than.unit))
        for name in self.read.compounds:
            parts = {term for term in self._weights if term in name}
            if parts and parts <= theirs and not parts <= own:
                return False
        return True

    def holds_all(self, scored: _Scored) -> bool:
        """True when every question word some document uses is found for ``scored``."""
        return all(term in scored.found or term in self.unknown for term in self._weights)

    def _near(self, unit: Unit, term: str) -> bool:
        """True when ``term`` (or a synonym) is in the unit or its heading, or in the title of the
        table a row belongs to ("2026년 교류회 정례회 일정"), not only in an article's title."""
        words = [term, *(self._synonyms(term) if self._synonyms is not None else ())]
        analysed = self._unit.get(id(unit))
        section = compact(unit.chunk.section)
        if unit.row:
            section += compact(unit.chunk.title)
        return any(
            (analysed is not None and analysed.contains(word)) or compact(word) in section
            for word in words
        )

    def found_terms(self, unit: Unit) -> list[str]:
        """Question words (or their synonyms) in the unit itself, as written there."""
        analysed = self._unit.get(id(unit))
        if analysed is None:
            return []
        words: list[str] = []
        for term in self._weights:
            if analysed.contains(term):
                words.append(term)
            elif self._synonyms is not None:
                words.extend(s for s in self._synonyms(term) if analysed.contains(s))
        return words

    def _kind_strength(self, unit: Unit) -> float:
        """How well the unit holds the kind of fact asked, 0 when it cannot answer it."""
        read = self.read
        if read.kind not in TYPED_KINDS:
            return 1.0
        text = unit.text
        if read.kind in ("place", "person"):
            # "경기이업종연합회 사무실 어디?" is not answered by a sentence whose only place is
            # the 경기 the member named.
            for word in sorted((*read.names, *read.terms), key=len, reverse=True):
                if read.kind == "person" and names_role(word):
                    continue  # the title the name stands before ("한지원 공인노무사")
                # Only where a word starts: "노무" asked leaves "공인노무사" whole, and the kind of
                # place asked stays where a name ends in it ("그랜드호텔").
                text = re.sub(
                    rf"(?<![가-힣A-Za-z]){re.escape(word)}(?P<rest>[가-힣]*)",
                    lambda found: (
                        # …but never a title it begins: "세무" asked leaves "김세현 세무사가"
                        # whole, "사무" leaves "김하늘 사무총장이".
                        found.group()
                        if read.kind == "person" and names_role(found.group())
                        else " " + found.group("rest")
                    ),
                    text,
                )
        if self._half is not None:
            # "하반기 접수 며칠부터?": the clause about 하반기, not 상반기's dates before it.
            half = self._half.group()
            text = " ".join(c for c in re.split(r",\s|;\s", text) if half in c) or text
        value = strength(read.kind, text)
        if value and self._asks_day and not _DAY.search(text):
            value = 0.0  # "며칠부터?" asks the day: "7월 중에 공고됩니다" does not give it
        if not value and self._asks_length:
            # "임기 몇 년이에요?" asks a length of time: "임기는 2년으로 하며" gives it.
            value = 1.0 if _LENGTH.search(text) else 0.0
        if read.kind == "person" and value and _ASKS_POSTS.search(read.text):
            # "회장 말고 또 누구 뽑아야 돼요?" asks which posts to fill: the roles answer it.
            value = 1.0
        elif read.kind == "person" and value < 1.0:
            # "회장님 성함이?" asks for a name: a sentence naming only roles does not answer it.
            # "노무사 자문위원 누구예요?" names the role already: it wants the person in it.
            asks_name = re.search(r"성함|이름|누구|누가", read.text) and (
                any(_ROLE_ONLY.search(term) for term in read.terms) or names_role(read.text)
            )
            roles = {match.group() for match in _ROLE_ONLY.finditer(unit.text)}
            if asks_name or (roles and roles <= set(read.terms)) or _WHO_DID.search(read.text):
                value = 0.0
        if value and _ASKS_COUNTRY.search(read.text) and not _COUNTRY.search(text):
            value = 0.0  # "어느 나라에서 시작됐어요?" wants a country, not an agency or a hall
        if value and read.kind == "date" and _ASKS_WEEKDAY.search(read.text):
            # "무슨 요일에 가야 돼요?" asks the day of the week: "2영업일 이내" does not give it.
            value = value if _WEEKDAY.search(text) else 0.0
        if value and _ASKS_HOUR.search(read.text) and not _HOUR.search(text):
            value = 0.0  # "몇 시에 해요?" asks the hour: a date alone does not answer it
        if value and self._asks_address and not _ADDRESS.search(unit.text):
            value = 0.0  # "사무국 주소 알려주세요": a hall or "현장" is no address
        # "회원 몇 명 넘으면": the members are companies, which "15개사" counts.
        counter = (
            "개사"
            if read.counter in _HEAD_COUNTERS
            and read.counted in _MEMBERS
            and _COMPANIES_COUNTED.search(unit.text)
            else read.counter
        )
        if value and counter in _HEAD_COUNTERS and not _HEADS.search(text):
            value = 0.0  # "몇 명 왔어요?" is not answered by "1인 15만원", a price per head
        if value and read.kind in ("count", "amount", "place") and self._only_listed(unit):
            value = 0.0  # "서울, 경기, 부산 등 13개 지역연합회": the number is not Busan's
        if value and read.kind == "count" and counter:
            # "회원사 몇 곳" needs a number of 곳 (or 개사 …) in a sentence about 회원사.
            if not counts_with(counter, unit.text, read.text):
                value = 0.0
            elif read.counted and read.counted in read.terms + read.compounds:
                analysed = self._unit[id(unit)]
                if not (
                    analysed.contains(read.counted)
                    or self._synonym_found(read.counted, analysed)
                    # "4개사" counts companies: "몇 개 회사" needs no 회사 besides.
                    or (read.counted in COMPANY_WORDS and _COMPANIES_COUNTED.search(unit.text))
                    or (read.counted in _FIRM_WORDS and _FIRMS_COUNTED.search(unit.text))
                ):
                    value = 0.0
            if value and not all(self._near(unit, verb) for verb in self._counted_by):
                value = 0.0  # "개성공단에 들어간 회원사 몇 개": not the ones that visited it
        return value

    def _label_terms(self, label: str) -> frozenset[str]:
        """The question words (or their synonyms) an item's label holds."""
        label = compact(label)
        return frozenset(
            term
            for term in self._weights
            for word in (term, *(self._synonyms(term) if self._synonyms is not None else ()))
            if compact(word) in label
        )

    def left_out(self, best: _Scored) -> list[str]:
        """The question words a yes/no question's own case (a labelled item) leaves out while a
        sibling case of the same list holds them: its answer is that they are not given."""
        unit = best.unit
        missing = [term for term in self._weights if term not in best.found]
        if self.read.kind != "yesno" or not self._labels.get(id(unit)):
            return []
        if self._another_label_asked(unit):
            return []
        siblings = [
            self._unit[id(other)]
            for other in self._units
            if id(other) in self._labels and other.chunk.id == unit.chunk.id and other is not unit
        ]
        return [
            term
            for term in missing
            if term not in self.unknown and any(self._credit(term, other) for other in siblings)
        ]

    def _another_label_asked(self, unit: Unit) -> bool:
        """True when a sibling item's label ("2. 대표 자녀 결혼:") holds every question word this
        item's label ("1. 대표 본인 결혼:") holds, and more: the sibling is the case asked."""
        mine = self._labels.get(id(unit))
        # A label holding no question word ("조건:") is no case of what is asked at all.
        if not mine:
            return False
        return any(
            mine < self._labels[id(other)]
            for other in self._units
            if id(other) in self._labels and other.chunk.id == unit.chunk.id and other is not unit
        )

    def _only_listed(self, unit: Unit) -> bool:
        """True when a name the question asks about appears only as one of several listed.

        A region the question names counts too, however it is written ("경기도쪽", "경기연합회"
        ask about 경기, which "서울, 경기, 부산 등 13개 지역연합회" only lists).
        """
        for name in self._listed_names:
            places = [m.start() for m in re.finditer(re.escape(name), unit.text)]
            if places and all(_listed(unit.text, start, len(name)) for start in places):
                return True
        return False

    def _names_share(self, unit: Unit) -> float:
        """Share of the question's compounds found whole (or by all their parts) near the unit."""
        names = self.read.compounds
        if not names:
            return 1.0
        analysed = self._unit[id(unit)]
        context = self._context[unit.chunk.id]
        before = self._before.get(unit.before) if unit.before else None
        # "접수기간": a part naming the kind asked (기간) is there when the unit holds a date
        # (dates, sums and numbers only: a place is found too readily, "국내" being one).
        held = frozenset(
            word
            for word, kind in self._kind_words.items()
            if kind in ("date", "amount", "contact") and strength(kind, unit.text) > 0
        )
        if strength("amount", unit.text) > 0:
            held |= {_PRICE}
        if EMAIL.search(unit.text):
            held |= {"주소"}  # "메일주소": an e-mail address is the 주소 asked for
        found = sum(
            1
            for name in names
            if not _names_another(unit.text, name)
            and (
                self._name_found(name, analysed, context, held)
                or (before is not None and self._name_found(name, before, context, held))
            )
        )
        return found / len(names)

    def _name_found(
        self, name: str, analysed: Analysed, context: Analysed, held: frozenset[str] = frozenset()
    ) -> bool:
        for place in (analysed, context):
            if place.contains(name) or self._synonym_found(name, place):
                return True
        if name.endswith(_PRICE) and _PRICE in held and len(name) >= 3:
            # "부스값" is what the 부스 costs: the booth and a sum answer it.
            return self._name_found(name[: -len(_PRICE)], analysed, context)
        if name.endswith("비") and len(name) >= 3 and (_PRICE in held or analysed.contains("비용")):
            # "출원비" is the 출원 비용: the filing and its cost (or a sum) answer it.
            return self._name_found(name[:-1], analysed, context)
        parts = _parts(name)
        return len(parts) > 1 and all(
            part in held
            or analysed.contains(part)
            or context.contains(part)
            or self._synonym_found(part, analysed)
            for part in parts
        )

    def _credit(self, term: str, analysed: Analysed) -> float:
        if analysed.contains(term):
            return 1.0
        return _SYNONYM_CREDIT if self._synonym_found(term, analysed) else 0.0

    def _synonym_found(self, term: str, analysed: Analysed) -> bool:
        return self._synonyms is not None and analysed.contains_any(self._synonyms(term))


def _only_deadline(text: str) -> bool:
    """True when the dates of ``text`` are deadlines only ("3월 6일까지 신청", "마감: 3월 6일"),
    not when it also says when the thing itself happens ("날짜: 3월 12일(목) … 신청 마감: …")."""
    if not _DEADLINE.search(text):
        return False
    return strength("date", _DEADLINE_SPAN.sub(" ", text)) == 0


def _names_one(sentence: str, read: Question) -> bool:
    """True when ``sentence`` gives the name the question asks for (see ``Question.named``):
    a quoted name, or a longer word ending in the thing named that the question does not use."""
    quoted = re.findall(r"['‘「『\"“]([^'’」』\"”]{2,})['’」』\"”]", sentence)
    # A law's name always ends in 법: a quoted product is not the "법 이름" asked for.
    if any(read.named != "법" or name.endswith("법") for name in quoted):
        return True
    thing = re.escape(read.named or "")
    asked = compact(read.text)
    # "관련법", "특별법" are kinds of law, not the name of one ("제조물책임법").
    shortest = 4 if read.named == "법" else 2
    return any(
        word not in asked and len(word) >= shortest
        for word in re.findall(rf"[가-힣A-Za-z0-9·]+{thing}", sentence)
    )


def _names_another(sentence: str, name: str) -> bool:
    """True when ``sentence`` names a sibling of ``name`` and not ``name`` itself.

    "동행교류회 5월 27일: …" does not answer "새벽교류회 5월 모임 어디서 해요?", though the
    passage around it names 새벽교류회 too: a sibling shares the name's last three characters
    (교류회, 지원사업's 원사업) and not one letter before them. A longer or shorter form of the
    same name shares letters ("경기이업종교류연합회" for "이업종연합회") and is no sibling.
    """
    if len(name) < 4 or name in sentence:
        return False
    ending, stem = name[-3:], set(name[:-3])
    return any(
        not stem & set(found.group(1))
        for found in re.finditer(rf"([가-힣A-Za-z0-9]+){re.escape(ending)}", sentence)
    )


def _days(text: str) -> set[tuple[str, str]]:
    """The calendar days a text names ("6월 18일" → ("6", "18"))."""
    return set(re.findall(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일", text))


def _pairs(text: str) -> set[str]:
    letters = "".join(re.findall(r"[가-힣A-Za-z0-9]", text.casefold()))
    return {letters[i : i + 2] for i in range(len(letters) - 1)}


def _key_noun(read: Question, weights: dict[str, float], kind_words: set[str]) -> str | None:
    """The question's most specific noun: the rarest one that does not just name the kind.

    An answer that never mentions it, not even in its heading, is about something else
    ("교류회 운영비 계좌번호" answered with the 회비 account).
    """
    nouns = [
        term
        for term in weights
        if term in read.nouns
        and term not in kind_words
        and term not in TIME_WORDS
        and term not in _NEVER_KEY
        and not (read.kind == "reason" and term in _REASON_WORDS)
    ]
    return max(nouns, key=lambda term: weights[term], default=None)


# Nouns that say what is wanted, never what it is about: "신청서류 어디로 보내요" is answered by
# the list of forms, which need not say 서류; "순서대로 알려줘" by the steps; "내는 돈" by a sum.
_NEVER_KEY = frozenset(
    {"돈", "서류", "순서", "절차", "방법", "단계", "관련", "때문", "경우", "기준"}
)


@lru_cache(maxsize=4096)
def _parts(name: str) -> tuple[str, ...]:
    """A multi-morpheme word in parts of two or more letters ("동행교류회" → 동행, 교류회)."""
    tokens = [t.form for t in kiwi_tokens([normalize(name)])[0] if t.tag[0] not in "JE"]
    parts: list[str] = []
    carry = ""
    for index, form in enumerate(tokens):
        if len(form) == 1 and index + 1 < len(tokens):
            carry += form  # a one-letter piece joins the next ("이" + "업종")
            continue
        if len(form) == 1 and parts:
            parts[-1] += form  # …or, at the end, the one before ("교류" + "회")
            continue
        parts.append(carry + form)
        carry = ""
    return tuple(parts)


_HALF = re.compile(r"상반기|하반기")
_ASKS_WEEKDAY = re.compile(r"(?:무슨|몇|어느|어떤|무순)\s?요일")
_WEEKDAY = re.compile(r"[월화수목금토일]요일|\([월화수목금토일]\)")
_ASKS_DAY = re.compile(r"며칠|몇\s?일(?!\s?동안|\s?걸|\s?전|\s?이내|\s?안)")
_DAY = re.compile(r"\d{1,2}\s*일|[월화수목금토일]요일|당일|전날|다음\s*날")
_ASKS_LENGTH = re.compile(r"몇\s?(?:년|개월|달|주)(?!도)|얼마\s?(?:동안|간)|기간")
_LENGTH = re.compile(r"\d+\s*(?:년|개월|달|주일?)\s*(?:으로|이다|입니다|이며|간|동안)")
"""A length of time stated as such ("임기는 2년으로 하며", "2년이다")."""

_ITEM_LABEL = re.compile(r"^\s*(?:\d{1,2}[.)]\s*|[-•·]\s*)?([^:：\n]{2,24})[:：]")
"""An item's label: the words before its colon ("1. 대표 본인 결혼: 축하 화환…")."""


def _counted_by(read: Question, weights: dict[str, float]) -> tuple[str, ...]:
    """The verb a "몇" question's counted noun is qualified by ("들어간 회원사" → 들어가),
    as question words: the count asked is of those that did it."""
    if read.kind != "count" or not read.counted:
        return ()
    before = re.search(rf"(\S+)\s+{re.escape(read.counted)}", read.text)
    if before is None:
        return ()
    tokens = kiwi_tokens([normalize(before.group(1))])[0]
    if not tokens or tokens[-1].tag != "ETM":
        return ()
    return tuple(t.form for t in tokens if t.tag.startswith("V") and t.form in weights)


def _listed(text: str, start: int, length: int) -> bool:
    """True when the word at ``start`` is one of a list ("A, B, C 세 곳", "서울, 경기, 부산 등")."""
    if re.search(r"\d\s*[가-힣]{0,2}\s*$", text[max(0, start - 6) : start]):
        return False  # "13개 지역연합회, 272개 그룹": the word is what the number counts
    before = text[max(0, start - 3) : start]
    after = text[start + length : start + length + 8]
    if re.search(r"[을를]\s+[가-힣]+\s*,\s*$", text[max(0, start - 30) : start]):
        return False  # "개성공업지역을 방문, 개성공단 진출을": the comma follows a verb's object
    # "·" lists only without spaces ("전기·전자"); " · " separates the cells of a table row;
    # "원경 교류회를 포함하여 20여 개" counts a whole of which the word is one part. A comma after
    # a particle or an ending closes a clause, not an item ("연 2%포인트를, 업체당 최대 5억원").
    return bool(
        re.search(r"(?<![를을는은며고서])\s*,\s*$|\S·$", before)
        or re.match(r"\s*(?:,|등\s)|·\S|[을를]?\s*(?:포함|비롯)", after)
    )


def _weights(
    read: Question, synonyms: Synonyms | None, rarity: Rarity | None
) -> tuple[dict[str, float], tuple[str, ...]]:
    """Weight of every question term, and the terms no document uses.

    A noun no document uses is the best sign the documents are about something else, so it
    weighs more than any word that is used; an unknown verb or adverb is usually a paraphrase
    ("다녀오다" for "방문하다") and weighs half a middling word. An unknown long noun made of
    two known words ("경기연합회" = 경기 + 연합회) is replaced by them.
    """
    if rarity is None:
        return {term: float(len(term)) for term in read.terms}, ()
    known: dict[str, float] = {}
    unknown: list[str] = []
    for term in read.terms:
        value = _rarity_of(term, synonyms, rarity)
        if value is not None:
            known[term] = value
            continue
        split = _known_split(term, rarity) if term in read.nouns else None
        if split is None and term in read.soft:
            continue  # a word recovered from a broken analysis that no document uses
        if split is None:
            unknown.append(term)
        else:
            known.update(split)
    ordinary = sorted(known.values())[len(known) // 2] if known else 5.0
    rarest = max(known.values(), default=5.0) * 1.2
    weights = dict(known)
    for term in unknown:
        weights[term] = rarest if term in read.nouns else ordinary * 0.2
    return weights, tuple(unknown)


def _rarity_of(term: str, synonyms: Synonyms | None, rarity: Rarity) -> float | None:
    value = rarity(term)
    if value is None and synonyms is not None:
        values = [v for s in synonyms(term) if (v := rarity(compact(s))) is not None]
        value = max(values) if values else None
    return value


def _known_split(term: str, rarity: Rarity) -> dict[str, float] | None:
    """Two known words that make up an unknown one, if there are such."""
    for cut in range(2, len(term) - 1):
        head, tail = term[:cut], term[cut:]
        head_value, tail_value = rarity(head), rarity(tail)
        if head_value is not None and tail_value is not None:
            return {head: head_value, tail: tail_value}
    return None


def _context_text(chunk: Chunk, units: Sequence[Unit]) -> str:
    """What stands around every sentence of a chunk: its title and heading, and in a FAQ the
    whole (short) answer, whose question is the heading."""
    parts = [chunk.title, chunk.section]
    if _is_faq(chunk):
        parts.extend(unit.text for unit in units if unit.chunk.id == chunk.id)
    return "\n".join(parts)


def _is_faq(chunk: Chunk) -> bool:
    return bool(chunk.section) and _FAQ_HEADING.search(chunk.section) is not None


def _defines(text: str, terms: Sequence[str]) -> bool:
    """True when the sentence opens with a question word as its subject ("광장형 : …")."""
    head = compact(_strip_marker(text))[:24]
    return any(head.startswith(term) or f"{term}이란" in head for term in terms) or bool(
        re.match(r"^[^,.]{1,20}(?:은|는|이란|란|:)", _strip_marker(text))
        and any(term in head[:12] for term in terms)
    )


def _defines_asked(text: str, read: Question) -> bool:
    """True when the sentence says what the question's first word is ("수출바우처는 …")."""
    subject = re.match(r"^([^,.]{1,24}?)(?:은|는|이란|란|\s*:)\s", _strip_marker(text))
    asked = (*read.compounds, *read.terms)
    return subject is not None and bool(asked) and compact(asked[0]) in compact(subject.group(1))


_YEAR = re.compile(r"(?<![\d-])(?:19|20)\d{2}(?![\d-])")


def _numbers_in(read: Question, text: str, chunk: Chunk | None = None) -> bool:
    """Every number of the question is in ``text`` (a year may be anywhere in the chunk)."""
    squeezed = compact(text)
    for number in read.numbers:
        if number in squeezed:
            continue
        year = re.fullmatch(r"(\d{4})년", number)
        if year is None:
            return False
        years = set(_YEAR.findall(squeezed))
        if year.group(1) in years:
            continue  # "2026 송년회" for "2026년 송년회"
        if years:
            # "2027년 송년회" is not answered by a line about "2026 송년회", though the next
            # line of the same schedule names 2027.
            return False
        place = squeezed if chunk is None else squeezed + compact(chunk.text)
        if re.search(rf"{year.group(1)}(?:년|\.)", place) is None:
            return False
    return True


def _time_matches(read: Question, text: str, chunk: Chunk) -> bool:
    """A question about last (next) year needs a sentence about that year."""
    if read.when is None:
        return True
    year = int(chunk.date[:4]) if chunk.date else None
    if read.when == "this":
        years = {int(y) for y in re.findall(r"(?<!\d)(20\d{2})(?=\s*년|\s|$)", text)}
        return year is None or not years or year in years
    if read.when == "past":
        if re.search(r"작년|지난해|전년|지난\s*\d{4}", text):
            return True
        return year is not None and mentions_year(text, year - 1)
    if re.search(r"내년|다음\s*해", text):
        return True
    return year is not None and mentions_year(text, year + 1)


# ── Composing ─────────────────────────────────────────────────────────────────────────────


def _compose(
    best: _Scored,
    ranked: Sequence[_Scored],
    read: Question,
    units: Sequence[Unit],
    following: Following | None,
    scorer: _Scorer,
) -> tuple[str, tuple[int, ...]]:
    """The answer text for the best unit, shaped by the kind of question."""
    unit = best.unit
    siblings = [u for u in units if u.chunk.id == unit.chunk.id]
    if unit.row:
        return _cite(_row_cells(unit.text, read), unit.rank), (unit.rank,)
    listing = _listing(unit, siblings, read, following)
    if listing:
        return listing, (unit.rank,)
    parts: list[Unit] = []
    if _CONNECTIVE.match(_strip_marker(unit.text)) and unit.index > 0:
        previous = next((u for u in siblings if u.index == unit.index - 1), None)
        if previous is not None and not previous.row:
            parts.append(previous)
    parts.append(unit)
    second = _second(best, ranked, read)
    if second is not None and second.unit not in parts:
        parts.append(second.unit)
    if read.kind == "list":
        # "'수출 첫걸음 교실'을 엽니다." and then the sentence that lists what it covers; "…
        # 크게 두 가지로 나눌 수 있다." and then the one that lists the first kind's types.
        after = next((u for u in siblings if u.index == unit.index + 1), None)
        if (
            after is not None
            and after not in parts
            and _ENUMERATION.search(after.text)
            and (not _ENUMERATION.search(unit.text) or scorer.found_terms(after))
        ):
            parts.append(after)
    after = next((u for u in siblings if u.index == unit.index + 1), None)
    if after is not None and after not in parts and not after.row and _QUALIFIER.match(after.text):
        # "한 업종에 한 회사만 들어갈 수 있습니다. 다만 다른 교류회에는 …": without its "다만"
        # the sentence says less than the document does.
        parts.append(after)
    if read.kind == "yesno":
        # "옮길 수 있습니다" and then "옮기는 것은 한 해 한 번만 가능합니다": a yes with its limit.
        after = next((u for u in siblings if u.index == unit.index + 1), None)
        if (
            after is not None
            and after not in parts
            and not after.row
            and _LIMIT.search(after.text)
            and scorer.found_terms(after)
        ):
            parts.append(after)
    body = " ".join(_quote(part) for part in _joined_rules(parts))
    ranking = _superlative(unit, read)
    if ranking:
        return f"{ranking} {body}", tuple(sorted({part.rank for part in parts}))
    if read.kind == "yesno" and not read.negated:
        said = scorer.polarity(unit)
        if said is None and scorer.left_out(best):
            said = "no"  # the case asked leaves out what the question asks for
        if said is not None:
            body = f"{YES if said == 'yes' else NO} {body}"
    return body, tuple(sorted({part.rank for part in parts}))


def _joined_rules(parts: Sequence[Unit]) -> list[Unit]:
    """Parts with consecutive sentences of one rule joined, so the rule is quoted once
    ("규정 제4조에 「…알린다. 이때 …알려 준다」고 되어 있어요", not the article twice)."""
    joined: list[Unit] = []
    for part in parts:
        before = joined[-1] if joined else None
        text = f"{_strip_marker(before.text).rstrip()} {_strip_marker(part.text)}" if before else ""
        if (
            before is not None
            and before.chunk.id == part.chunk.id
            and _is_rule(before)
            and _is_rule(part)
            and len(text) <= _MAX_CHARS  # a longer quote would be cut short
        ):
            joined[-1] = replace(before, text=text, item=False)
        else:
            joined.append(part)
    return joined


def _is_rule(unit: Unit) -> bool:
    """True when the unit is quoted as a rule (plain "-한다" register, see :func:`_quote`)."""
    sentence = _strip_marker(unit.text)
    return bool(_PLAIN_ENDING.search(sentence)) and (
        not unit.item or bool(_CLAUSE.match(unit.text))
    )


def _superlative(unit: Unit, read: Question) -> str:
    """ "전기·전자가 301개사로 가장 많아요." for a superlative question answered by a sentence
    listing each item with its figure (empty when the question asks none or the sentence says
    which is the most itself)."""
    if read.superlative is None or states_superlative(unit.text):
        return ""
    items = figured_items(unit.text)
    if not items:
        return ""
    most = read.superlative == "most"
    label, _, figure = (max if most else min)(items, key=lambda item: item[1])
    said = f"{with_particle(label, '이/가')} {figure}로 가장 {'많아요' if most else '적어요'}."
    if read.kind == "yesno" or re.search(r"맞[지죠나아]", read.text):
        # "기계금속이 젤 많은 거 맞지?": yes when the one asked about is the one on top.
        named = [compact(re.sub(r"[·\s]", "", item[0])) for item in items]
        top = compact(re.sub(r"[·\s]", "", label))
        # Only the words naming an item tell which one is asked about ("기계", "금속").
        asked = {
            word
            for term in (*read.terms, *read.compounds)
            if (word := compact(term)) and any(word in name for name in named)
        }
        if asked and all(word in top for word in asked):
            said = f"{YES} {said}"
        elif asked:
            said = f"{NO} {said}"
    return said


def _second(best: _Scored, ranked: Sequence[_Scored], read: Question) -> _Scored | None:
    """A neighbouring sentence that adds what a two-part question also asks, if any."""
    if len(read.kinds) < 2:
        return None
    wanted = read.kinds[1]
    if strength(wanted, best.unit.text) > 0:
        return None
    for other in ranked[1:6]:
        if (
            other.unit.chunk.id == best.unit.chunk.id
            and abs(other.unit.index - best.unit.index) <= 2
            and strength(wanted, other.unit.text) > 0
            and other.direct > 0
        ):
            return other
    return None


def _listing(
    unit: Unit, siblings: Sequence[Unit], read: Question, following: Following | None
) -> str:
    """A list lead or item shown with its items, else "" (typed questions want one fact, and a
    yes/no question the item that decides it: "1개 업종에 1개사로 제한된다", not the list of
    features it belongs to)."""
    if read.kind in TYPED_KINDS or (read.kind == "yesno" and unit.item):
        return ""
    position = siblings.index(unit)
    lead: Unit | None = None
    items: list[str] = []
    led = position > 0 and any(
        _LEAD.search(s.text) for s in siblings[:position] if not s.item and s.index < unit.index
    )
    if unit.item and (read.kind in ("list", "procedure") or led):
        start = position
        while start > 0 and siblings[start - 1].item:
            start -= 1
        if start > 0 and _LEAD.search(siblings[start - 1].text):
            lead = siblings[start - 1]
        end = position
        while end + 1 < len(siblings) and siblings[end + 1].item:
            end += 1
        items = [sibling.text for sibling in siblings[start : end + 1]]
        if end == len(siblings) - 1 and following is not None:
            items.extend(_items_continued(unit.chunk, following))  # the list goes on
        if len(items) < 2:
            return ""
    elif _LEAD.search(unit.text):
        lead = unit
        items = [s.text for s in siblings[position + 1 :] if s.item][:_MAX_ITEMS]
        if not items and following is not None:
            items = _items_in_following(unit.chunk, following)
        if not items:
            return ""
    else:
        return ""
    if lead is not None:
        lines = [_quote(lead, cite=False)]
    elif unit.chunk.section and unit.chunk.section != unit.chunk.title:
        lines = [f"{_strip_marker(unit.chunk.section)}:"]  # "가입 절차:" then the steps
    else:
        lines = []
    lines.extend(f"- {_strip_marker(item)}" for item in items[:_MAX_ITEMS])
    lines[-1] = _cite(lines[-1], unit.rank)
    return "\n".join(lines)


def _items_continued(chunk: Chunk, following: Following) -> list[str]:
    """Items at the start of the next chunk of the same section (a list cut by chunking)."""
    later = following(chunk, 1)
    if not later or later[0].section != chunk.section:
        return []
    items: list[str] = []
    for line in later[0].text.split("\n")[1:]:
        line = line.strip()
        if not _ITEM.match(line):
            break
        items.append(line)
    return items


def _items_in_following(chunk: Chunk, following: Following) -> list[str]:
    """Items that open the sections after a lead ("다음 6가지" then "① …", "② …")."""
    items: list[str] = []
    for later in following(chunk, _MAX_ITEMS):
        if later.section == chunk.section or not _ITEM.match(later.section):
            if items:
                break
            continue
        items.append(later.section)
    return items


def _row_cells(row: str, read: Question) -> str:
    """The cells of a labelled table row that answer the question, with the row's key."""
    cells = row.split(_ROW_CELL)
    if len(cells) <= 2:
        return row
    key = cells[0]
    chosen: list[str] = []
    # A column named in the question ("동행교류회") is the cell asked about; else any cell
    # naming a question word or holding the kind of fact asked.
    named = [c for c in cells[1:] if any(n in compact(c.partition(_LABEL)[0]) for n in read.names)]
    if named:
        return _ROW_CELL.join([key, *named])
    asked = [term for term in read.terms if len(term) >= 2]
    for cell in cells[1:]:
        label, _, value = cell.partition(_LABEL)
        squeezed = compact(cell)
        names_term = any(term in squeezed for term in asked)
        holds_kind = read.kind in TYPED_KINDS and strength(read.kind, value) > 0
        if names_term or holds_kind or _label_asked(label, read):
            chosen.append(cell)
    if not chosen or len(chosen) == len(cells) - 1:
        return row
    return _ROW_CELL.join([key, *chosen])


def _label_asked(label: str, read: Question) -> bool:
    """True when a column label is what the question asks about (참가비 for 얼마)."""
    hints = {
        "date": ("날짜", "일시", "일정", "기간"),
        "amount": ("참가비", "비용", "금액", "회비", "지원"),
        "place": ("장소", "위치", "주소"),
        "contact": ("연락처", "전화", "문의"),
        "person": ("담당", "강사", "위원"),
        "count": ("인원", "정원", "수"),
    }
    if read.deadline:
        return "마감" in label
    return any(hint in label for hint in hints.get(read.kind, ()))


def _strip_marker(text: str) -> str:
    """A sentence without a leading list number or bullet ("4. ", "① ", "■ ")."""
    return _ITEM.sub("", text, count=1).strip()


def _quote(unit: Unit, *, cite: bool = True) -> str:
    """A sentence as said by the bot: plain "-한다" register quoted with its source label."""
    sentence = _strip_marker(unit.text)
    if len(sentence) > _MAX_CHARS:
        sentence = sentence[: _MAX_CHARS - 1].rstrip() + "…"
    # A clause of a rule ("① … 납부한다.") is quoted as the rule it is, like a sentence of one;
    # a step of a list is said as written.
    if _is_rule(unit):
        label = _label(unit.chunk)
        quoted = sentence.rstrip(".。")
        particle = "고" if quoted.endswith("다") else "라고"
        text = f"{label}에 「{quoted}」{particle} 되어 있어요"
        return f"{text} [{unit.rank}]." if cite else text + "."
    return _cite(sentence, unit.rank) if cite else sentence


def _label(chunk: Chunk) -> str:
    """How to name where a quoted rule comes from ("정관 제9조(탈퇴)", "자료")."""
    article = re.match(r"제\s*\d+\s*조(?:의\s*\d+)?\s*(?:\([^)]*\))?", chunk.section)
    if article:
        kind = re.search(r"정관|규정|규칙|회칙|세칙|지침", chunk.title)
        return f"{kind.group() + ' ' if kind else ''}{article.group()}"
    return "자료"


def _cite(sentence: str, number: int) -> str:
    """Put the citation marker before the sentence's final punctuation (or add a full stop)."""
    marker = f" [{number}]"
    terminal = re.search(r"([.!?。]+)$", sentence)
    if terminal:
        return sentence[: terminal.start()] + marker + terminal.group(1)
    return sentence + marker + "."


# ── Older helpers kept for the judge and tests ───────────────────────────────────────────


def content_terms(text: str) -> list[str]:
    """The content words of a question (Kiwi morphemes of two or more letters), in order.

    Particles, endings, question words (언제, 얼마 …) and words that only ask or hedge are
    dropped, so "연회비는 얼마이고 언제까지 납부해야 하나요?" gives ``["연회비", "납부"]``.
    """
    return list(read_question(text).terms)
