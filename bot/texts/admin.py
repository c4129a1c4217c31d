"""What the secretariat's web console and its log-in links say (``/관리``, ``gyoryu admins``)."""

from __future__ import annotations

from bot.texts.josa import particle

ADM_KIND_ADMIN = "콘솔 관리자"
ADM_ALREADY = "{name}님은 이미 {scope} 콘솔 관리자예요."
ADM_SCOPE_FEDERATION = "연합회 전체"
ADM_ADDED = "{name}님을 {scope} 콘솔 관리자로 등록했어요."
ADM_NOT_ADMIN = (
    "{name}님은 콘솔 관리자가 아니에요. 먼저 'gyoryu admins add {name}'으로 등록해 주세요."
)
ADM_NOT_GROUP_LEADER = (
    "{name}님은 {group}의 회장이나 간사가 아니에요. "
    "교류회 관리자는 그 교류회의 회장·간사만 될 수 있어요."
)
ADM_LINK_PRINTED = "{name}님의 1회용 로그인 링크예요({minutes}분 동안, 한 번만 쓸 수 있어요):"
ADM_LINK_NO_PUBLIC_URL = (
    "GYORYU_PUBLIC_URL이 설정되지 않아 이 컴퓨터(127.0.0.1)에서만 열리는 링크예요."
)
ADM_CHAT_NOT_ADMIN = (
    "관리 콘솔은 사무국 관리자와 교류회 회장·간사만 쓸 수 있어요. "
    "필요하시면 사무국에 요청해 주세요."
)
ADM_CHAT_DM_ONLY = (
    "관리 콘솔 링크는 1:1 대화에서만 보내 드려요. 저에게 1:1로 /관리 라고 보내 주세요."
)
ADM_CHAT_NO_PUBLIC_URL = (
    "아직 관리 콘솔의 인터넷 주소(GYORYU_PUBLIC_URL)가 설정되지 않았어요. 사무국 컴퓨터에서 "
    "'gyoryu admins link <이름>'으로 링크를 받아 주세요."
)


def adm_chat_link(url: str, minutes: int) -> str:
    """The DM that carries a one-time log-in link."""
    return (
        f"관리 콘솔 로그인 링크예요. {minutes}분 안에 한 번만 쓸 수 있어요.\n{url}\n"
        "다른 분께 전달하지 마세요."
    )


# The web pages' own messages (the templates hold the page wording).
ADM_PAGE_LOGIN_TITLE = "관리 콘솔 로그인"
ADM_LINK_UNKNOWN = "로그인 링크가 올바르지 않아요. 채팅에서 /관리 를 보내 새 링크를 받아 주세요."
ADM_LINK_USED = "이미 사용한 로그인 링크예요. 채팅에서 /관리 를 보내 새 링크를 받아 주세요."
ADM_LINK_EXPIRED = (
    "로그인 링크의 유효 시간(15분)이 지났어요. 채팅에서 /관리 를 보내 새 링크를 받아 주세요."
)
ADM_CSRF_REFUSED = (
    "보안 확인 값이 없거나 맞지 않아 요청을 처리하지 않았어요. "
    "페이지를 새로 고친 뒤 다시 시도해 주세요."
)
ADM_DATABASE_UNAVAILABLE = (
    "지금 데이터베이스에 연결할 수 없어 요청을 처리하지 못했어요. 잠시 후 다시 시도해 주세요."
)
ADM_FORBIDDEN = "이 페이지는 볼 수 있는 권한이 없어요. 담당 교류회의 페이지만 볼 수 있어요."
ADM_SIGNED_OUT = "로그아웃했어요."
ADM_FAQ_EMPTY = "질문과 답변을 모두 적어 주세요."
ADM_FAQ_SAVED = "FAQ 답변을 저장했어요. 지금부터 비슷한 질문에 이 답변을 드려요."
ADM_FAQ_FEDERATION_ONLY = "FAQ 답변은 연합회 전체에 쓰이므로 사무국 관리자만 쓸 수 있어요."


def adm_faq_bad_field(field: str, known: tuple[str, ...]) -> str:
    """An FAQ card's field that is not one of the advisor fields."""
    return f"'{field}'은(는) 없는 분야예요. 다음 중에서 골라 주세요: {', '.join(known)}"


ADM_NOT_FOUND = "찾으시는 질문이 없거나 볼 수 있는 권한이 없어요."


# The navigation, one label a page, in the order of handlers/admin/pages.PAGES.
ADM_NAV_TODAY = "오늘"
ADM_NAV_QUESTIONS = "질문 기록"
ADM_NAV_DOCUMENTS = "문서"
ADM_NAV_MEMBERS = "회원"
ADM_TOO_LARGE_TITLE = "파일이 너무 커요"
ADM_BACK = "돌아가기"
ADM_YES = "예"
ADM_NO = "아니요"
ADM_CHANNEL_NAMES = {
    "telegram": "텔레그램",
    "slack": "슬랙",
    "kakao": "카카오톡",
    "kakao_bridge": "카카오톡 단체방",
    "console": "터미널 대화",
    "memory": "시험용 대화",
}
"""Each chat channel's name as the console shows it (an unknown one is shown as stored)."""

# ── 질문 기록 ──────────────────────────────────────────────────────────────────────────
ADM_QUESTIONS_EXPORT_HEADER = (
    "일시(KST)",
    "채널",
    "교류회",
    "질문",
    "답변",
    "출처",
    "문서 근거",
    "👍",
    "👎",
)

GLOSSARY_EMPTY = "문서에 쓰인 말과 회원이 쓴 말을 모두 적어 주세요."
GLOSSARY_SAME = "두 말이 같아요. 회원이 쓴 다른 표현을 적어 주세요."
GLOSSARY_FEDERATION_ONLY = "용어집은 연합회 전체에 쓰이므로 사무국 관리자만 고칠 수 있어요."


def glossary_too_long(limit: int) -> str:
    """A word or phrase too long to be a synonym."""
    return f"낱말이나 짧은 표현({limit}자 이내)만 넣을 수 있어요."


def glossary_saved(words: tuple[str, ...]) -> str:
    """After a synonym was added: the group it is in now."""
    joined = " · ".join(words)
    return f"이제 {joined}{particle(joined, '을/를')} 같은 뜻으로 알아들어요. 챗봇이 바로 반영해요."


def handed_to_advisor(ticket_id: int, field: str, *, already: bool) -> str:
    """After a question was handed to an advisor (or had been before)."""
    if already:
        return f"이 질문은 이미 전문가 상담 #{ticket_id}({field})로 전달되어 있어요."
    return (
        f"전문가 상담 #{ticket_id}({field})로 전달했어요. 전문가의 답변은 질문한 회원에게 "
        "질문한 곳으로 전해져요. 진행 상황은 전문가 상담 페이지에서 볼 수 있어요."
    )


# ── 문서 ──────────────────────────────────────────────────────────────────────
DOC_NO_FILES = "올릴 파일을 하나 이상 골라 주세요."
DOC_BAD_NAME = "파일 이름을 쓸 수 없어요. 이름을 바꿔 다시 올려 주세요."
DOC_BAD_KIND = "문서 종류를 목록에서 골라 주세요."
DOC_BAD_VISIBILITY = "공개 범위를 목록에서 골라 주세요."
DOC_NOT_FOUND = "그 문서는 색인에 없어요. 이미 뺐을 수 있어요."
DOC_KIND_NAMES = {
    "rules": "규정·회칙",
    "events": "행사·일정",
    "programs": "지원사업",
    "faq": "자주 묻는 질문",
    "news": "소식·기타",
}
DOC_VISIBILITY_PUBLIC = "누구나"
DOC_VISIBILITY_MEMBERS = "회원만"
DOC_STATUS_NAMES = {"ingested": "넣음", "unchanged": "이미 있음(그대로)", "failed": "넣지 못함"}
DOC_CHANGED = "'{name}' 문서의 종류와 공개 범위를 바꿨어요. 챗봇이 바로 반영해요."
DOC_REMOVED = "'{name}' 문서를 뺐어요. 챗봇이 더는 이 문서로 답하지 않아요."
DOC_GROUP_ONLY = (
    "교류회 관리자는 담당 교류회에만 공개하는 문서만 올리거나 바꿀 수 있어요. "
    "공개 범위를 담당 교류회로 골라 주세요."
)
DOC_NO_KNOWLEDGE = "이 서버에서는 문서를 관리할 수 없어요(문서 저장소가 연결되지 않았어요)."
DOC_TOO_LARGE = "한 번에 올릴 수 있는 크기({limit_mb}MB)를 넘었어요. 파일을 나눠 올려 주세요."


def doc_visibility_group(group: str) -> str:
    """A document visible in one group's rooms only."""
    return f"{group}만"


def doc_uploaded(ingested: int, unchanged: int, failed: int) -> str:
    """The summary above the per-file lines of an upload."""
    parts = [f"{ingested}개를 넣었어요"]
    if unchanged:
        parts.append(f"{unchanged}개는 이미 같은 내용이 있어요")
    if failed:
        parts.append(f"{failed}개는 넣지 못했어요(아래 이유를 확인해 주세요)")
    summary = ", ".join(parts) + "."
    return summary + " 챗봇이 바로 새 문서로 답해요." if ingested else summary


# ── 회원 ──────────────────────────────────────────────────────────────────────
ROSTER_BAD_SUFFIX = "명부는 .xlsx 또는 .csv 파일로 올려 주세요."
ROSTER_BAD_ENCODING = (
    "명부 파일의 글자 인코딩을 읽지 못했어요. UTF-8 또는 CP949(엑셀 기본)로 저장해 주세요."
)
ROSTER_BAD_SPREADSHEET = "명부 파일을 열지 못했어요. 손상되지 않은 .xlsx 파일인지 확인해 주세요."
ROSTER_NO_FILE = "올릴 명부 파일을 골라 주세요."
ROSTER_NOTHING_WRITTEN = (
    "잘못된 행이 있어 아무것도 저장하지 않았어요. 아래 행을 고치거나 "
    "'잘못된 행은 건너뛰고 나머지 저장'을 고른 뒤 다시 올려 주세요."
)
ROSTER_FEDERATION_ONLY = (
    "명부 가져오기·내보내기와 개인정보 열람·삭제는 사무국 관리자만 할 수 있어요."
)
ROSTER_NO_CONSENT = "동의 기록 없음"
ROSTER_ERASE_CONFIRM_WORD = "삭제"
ROSTER_ERASE_NOT_CONFIRMED = "확인란에 '삭제'라고 적어야 삭제해요. 아무것도 지우지 않았어요."
ROSTER_MEMBER_NOT_FOUND = "찾으시는 회원이 없거나 볼 수 있는 권한이 없어요."
ROSTER_CONSENT_NO_SCOPE = "회원이 무엇에 동의했는지 적어 주세요. 예: 개인정보 수집·이용"
ROSTER_CONSENT_DEFAULT = "개인정보 수집·이용"
ROSTER_CONSENT_WITHDRAWN = "동의 철회"
"""How the 회원 page shows a member who withdrew consent, before the date."""
ADM_CONSENT_COMPANY_NOT_FOUND = (
    "찾으시는 회사가 없거나, 고른 회원이 그 회사 소속이 아니거나, 볼 수 있는 권한이 없어요."
)


def roster_imported(members: int, companies: int, groups: int, refused: int) -> str:
    """The summary above the row report of an import that saved."""
    text = f"회원 {members}명, 회사 {companies}곳, 교류회 {groups}곳을 저장했어요."
    return text + f" 잘못된 {refused}개 행은 건너뛰었어요(아래 표)." if refused else text


def roster_row(line: int, reason: str) -> str:
    """One refused row of an import."""
    return f"{line}행: {reason}"


def roster_invite(member: str, code: str, expires: str) -> str:
    """A new invite code, shown once."""
    return (
        f"{member}님의 초대 코드는 {code} 예요({expires}까지, 한 번만 쓸 수 있어요). "
        f"회원께 전해 주시면 챗봇에게 /연결 {code} 라고 보내 계정을 연결할 수 있어요. "
        "이 코드는 지금 한 번만 보여 드려요."
    )


def roster_consent_too_long(limit: int) -> str:
    """The consent wording is longer than the roster keeps."""
    return f"동의 내용은 {limit}자까지 적을 수 있어요. 줄여서 다시 적어 주세요."


def roster_consent_recorded(member: str, scope: str, when: str) -> str:
    """A member's personal-data consent, recorded from the 회원 page."""
    return f"{member}님의 개인정보 동의를 기록했어요: {scope}, {when}."


def roster_consent_withdrawn(member: str, when: str) -> str:
    """A member's withdrawal of their personal-data consent, recorded from the 회원 page."""
    return (
        f"{member}님의 개인정보 수집·이용 동의 철회를 기록했어요({when}). "
        f"이제 소개·짝만남·추천 같은 네트워킹에 {member}님의 정보를 쓰지 않아요. "
        "다시 동의하시면 '동의 기록'으로 기록해 주세요."
    )


def roster_consent_already_withdrawn(member: str, when: str) -> str:
    """A withdrawal asked for twice: the first one stands."""
    return f"{member}님의 동의 철회는 이미 {when}에 기록되어 있어요. 아무것도 바꾸지 않았어요."


def roster_erased(member: str) -> str:
    """After a member's personal data was erased."""
    return f"{member}님의 개인정보를 모든 곳에서 삭제했어요. 참석·답변 통계는 익명으로 남아요."


# ── 전문가 상담 ────────────────────────────────────────────────────────────────

# ── 행사 ──────────────────────────────────────────────────────────────────────

# ── 애로사항 ──────────────────────────────────────────────────────────────────

# ── 네트워킹 ──────────────────────────────────────────────────────────────────
