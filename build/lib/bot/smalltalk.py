"""Small talk: greetings, thanks, goodbyes, idle chatter, and short yes/no replies.

Cheap to spot without the documents, and never a question for them: each kind gets a fitting
reply of its own (:func:`reply`), is not kept as an unanswered question, and a yes or no right
after the bot offered something answers that offer (see :mod:`bot.dialog`).
"""

from __future__ import annotations

import re
from typing import Literal

from bot import texts

Kind = Literal["thanks", "goodbye", "greeting", "chatter"]

# Checked in this order; goodbyes first, since "안녕히 계세요" also starts like a greeting.
_PATTERNS: dict[Kind, re.Pattern[str]] = {
    "goodbye": re.compile(
        r"안녕히 ?(?:계세요|가세요|계십시오|가십시오|주무세요)?|"
        r"수고 ?(?:하세요|하십시오|하셨어요|하셨습니다|많으셨어요|많으셨습니다|많으세요)|"
        r"잘 ?(?:있어요|계세요|가요)|"
        r"(?:다음에 ?)?(?:또 ?)?(?:올게요|봬요|뵐게요|뵙겠습니다|찾을게요|물어볼게요)|"
        r"이만 ?(?:갈게요|가볼게요|가 볼게요|들어갈게요|마칠게요)|"
        r"좋은 ?하루 ?(?:보내세요|되세요)?|들어가세요|"
        r"\b(?:bye|goodbye|see you)\b",
        re.IGNORECASE,
    ),
    "thanks": re.compile(
        r"고마[워웠운]|고맙|감사(?:해요|합니다|드려요|드립니다|히|했어요|했습니다)|땡큐|덕분에|"
        r"도움이 ?(?:많이 ?)?(?:됐|되었|돼)|\b(?:thanks?|thank you|thx)\b",
        re.IGNORECASE,
    ),
    "greeting": re.compile(
        r"안녕(?!히)|반가[워웠운]|반갑|좋은 ?아침|처음 ?뵙|잘 ?지내|"
        r"너는 ?누구|넌 ?누구|누구세요|이름이 ?뭐|(?<![가-힣])(?:하이|헬로)(?![가-힣])|"
        r"\b(?:hi|hello|hey)\b",
        re.IGNORECASE,
    ),
    "chatter": re.compile(
        r"날씨|농담|심심|웃긴|재밌는 ?얘기|ㅋㅋ|ㅎㅎ|사랑해|배고[파프]|졸려|기분이|"
        r"점심|저녁 ?메뉴|뭐 ?먹"
    ),
}

_YES_WORDS = (
    "네",
    "넵",
    "넹",
    "네네",
    "예",
    "응",
    "웅",
    "어",
    "ㅇㅇ",
    "ㅇㅋ",
    "오케이",
    "좋아요",
    "좋아",
    "좋습니다",
    "그래요",
    "그래",
    "그럼요",
    "물론이죠",
    "yes",
    "ok",
    "okay",
    "sure",
)
_YES_ASKS = (
    "부탁해요",
    "부탁합니다",
    "부탁드려요",
    "부탁드립니다",
    "전달해주세요",
    "전달해줘요",
    "전달해줘",
    "해주세요",
    "해줘요",
    "해줘",
    "그렇게해주세요",
    "그렇게해줘요",
    "please",
)
_NO_WORDS = (
    "아니요",
    "아뇨",
    "아니",
    "아니에요",
    "아닙니다",
    "괜찮아요",
    "괜찮습니다",
    "괜찮아",
    "됐어요",
    "됐습니다",
    "됐어",
    "안할게요",
    "안해도돼요",
    "안해도됩니다",
    "필요없어요",
    "필요없습니다",
    "ㄴㄴ",
    "노노",
    "no",
    "nope",
)
_ACK_WORDS = (
    "알겠어요",
    "알겠습니다",
    "알았어요",
    "확인했어요",
    "확인했습니다",
    "그렇군요",
    "그렇구나",
    "아하",
    "오",
    "와",
)
_POLITE_TAILS = ("", "감사해요", "감사합니다", "고마워요", "고맙습니다")
_YES = frozenset(
    {
        f"{word}{ask}{tail}"
        for word in ("", *_YES_WORDS)
        for ask in ("", *_YES_ASKS)
        for tail in _POLITE_TAILS
    }
    - set(_POLITE_TAILS)
)
_NO = frozenset(
    {
        f"{word}{more}{tail}"
        for word in _NO_WORDS
        for more in ("", *_NO_WORDS)
        for tail in _POLITE_TAILS
    }
)
_ACK = frozenset(
    {
        f"{word}{ack}{tail}"
        for word in ("", *_YES_WORDS)
        for ack in _ACK_WORDS
        for tail in _POLITE_TAILS
    }
)
# What makes a message a question, even with thanks or a greeting around it.
_QUESTION = re.compile(
    r"\?|언제|얼마|어떻게|어디|무엇|뭐|왜|누가|누구|몇|어떤|어느|"
    r"알려|가르쳐|궁금|문의|여쭤|알고 ?싶|설명해|주세요|"
    r"(?:나요|까요|가요|은요|는요|ㄴ가요|니까|인지|있어요|되나요|돼요)\s*$"
)
# Spaces, punctuation, emoji and trailing laughter do not change a yes or a no.
_NOISE = re.compile(r"[^\w]|_|[ㅋㅎ]+$")


def kinds(text: str) -> set[Kind]:
    """The kinds of small talk in ``text`` (empty when there is none)."""
    return {kind for kind, pattern in _PATTERNS.items() if pattern.search(text)}


def without_small_talk(text: str) -> str:
    """``text`` with its small-talk phrases blanked out, to see what question is left."""
    for pattern in _PATTERNS.values():
        text = pattern.sub(" ", text)
    return text


def yes_or_no(text: str) -> bool | None:
    """``True`` for a plain yes ("네", "응 부탁해요"), ``False`` for a no ("아니요 괜찮아요")."""
    plain = _NOISE.sub("", text.lower())
    if plain in _YES:
        return True
    if plain in _NO:
        return False
    return None


def is_acknowledgement(text: str) -> bool:
    """Whether ``text`` only acknowledges something ("알겠습니다", "네 확인했어요")."""
    return _NOISE.sub("", text.lower()) in _ACK


def asks_something(text: str) -> bool:
    """Whether ``text`` reads as a question (a question mark, word or ending)."""
    return _QUESTION.search(text.strip()) is not None


def reply(found: set[Kind]) -> str:
    """The reply to a message made only of small talk of the ``found`` kinds."""
    if "thanks" in found:
        return texts.TALK_THANKS_BYE if "goodbye" in found else texts.TALK_THANKS
    if "goodbye" in found:
        return texts.TALK_GOODBYE
    if "greeting" in found:
        return texts.TALK_GREETING
    return texts.QA_OFF_TOPIC
