"""Every user-facing Korean text of Gyoryu, in one place (polite 해요체/합니다체).

Each area keeps its own clearly headed section below; edit only your section.
"""

from __future__ import annotations

# ── Q&A (answers, don't-know, off-topic) ────────────────────────────────────────────────

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
    """Say plainly that the documents do not answer, and point to who could.

    ``related`` (document title, sentence) is the closest passage found, shown as a pointer
    that is clearly not the answer.
    """
    who = f"{field} 분야 자문위원께" if field else "사무국이나 자문위원께"
    pointer = ""
    if related is not None:
        title, sentence = related
        pointer = f' 관련 있어 보이는 자료는 「{title}」의 "{sentence}"예요. 답이 아닐 수 있어요.'
    return (
        "연합회 자료에서는 이 질문에 대한 내용을 찾지 못했어요. 확인되지 않은 내용은 "
        f"답해 드리지 않을게요.{pointer} {who} 여쭤보시면 도움을 받으실 수 있어요. "
        f"{QA_OFFER_EXPERT}"
    )


def qa_source_line(number: int, title: str, section: str) -> str:
    """One numbered source under an answer: ``[1] 한빛연합회 정관 · 제8조(회비)``."""
    if section and section != title:
        return f"[{number}] {title} · {section}"
    return f"[{number}] {title}"


# ── Conversation (small talk, offers, language) ────────────────────────────────────────

TALK_GREETING = (
    "안녕하세요! 연합회 도우미 '교류'예요. 회칙과 회비, 정례회와 행사 일정, 지원사업처럼 "
    "궁금한 점을 편하게 물어봐 주세요."
)
TALK_THANKS = "천만에요, 도움이 되었다니 기뻐요. 더 궁금한 점이 생기면 언제든 물어봐 주세요."
TALK_GOODBYE = "네, 좋은 하루 보내세요! 궁금한 점이 생기면 언제든 다시 찾아 주세요."
TALK_THANKS_BYE = (
    "도움이 되었다니 다행이에요. 좋은 하루 보내시고, 궁금한 점이 생기면 언제든 다시 찾아 주세요."
)
TALK_ACK = "네, 궁금한 점이 있으면 편하게 물어봐 주세요."
TALK_OFFER_DECLINED = "알겠어요, 전달하지 않을게요. 다른 궁금한 점이 있으면 언제든 물어봐 주세요."
TALK_KOREAN_ONLY = (
    "죄송해요, 저는 한국어 질문에만 답해 드릴 수 있어요. 한국어로 다시 물어봐 주시겠어요?\n"
    "(Sorry, I can only answer questions asked in Korean. Please ask again in Korean.)"
)

CHAT_PROMPT = "질문> "
CHAT_QUIT = "/종료"
CHAT_SAMPLE_LOADED = "데이터 폴더에 문서가 없어서 예시 연합회 문서를 불러왔어요."
CHAT_GREETING = (
    "안녕하세요, 이업종교류연합회 도우미 '교류'예요. 회칙, 행사 일정, 지원사업에 대해 "
    f"물어보세요. 마치시려면 {CHAT_QUIT} 라고 입력해 주세요."
)
CHAT_GOODBYE = "이용해 주셔서 감사합니다. 또 찾아 주세요."

# ── Federation data (secretariat commands, roster import) ──────────────────────────────

FED_WEEKDAYS = "월화수목금토일"
FED_SEVERAL_FEDERATIONS = (
    "데이터베이스에 연합회가 여러 개 있어요. 하나의 연합회만 다룰 수 있습니다."
)
FED_NO_FEDERATION = (
    "아직 연합회가 등록되지 않았어요. "
    "'gyoryu members import 명부.xlsx --create-groups --federation 연합회이름'으로 "
    "명부를 먼저 가져와 주세요."
)
FED_DEFAULT_FEDERATION = "이업종교류연합회"
FED_COMPANY_NAME_MISSING = "회사명이 비어 있어요."
FED_MEMBER_NAME_MISSING = "성명이 비어 있어요."
FED_GROUP_MISSING = "소속 교류회가 비어 있어요."
FED_INVITE_UNKNOWN = "초대 코드를 찾을 수 없어요. 코드를 다시 확인해 주세요."
FED_INVITE_USED = "이미 사용된 초대 코드예요. 사무국에 새 코드를 요청해 주세요."
FED_INVITE_EXPIRED = "초대 코드의 유효 기간이 지났어요. 사무국에 새 코드를 요청해 주세요."
FED_ALREADY_LINKED = "이 대화 계정은 이미 다른 회원과 연결되어 있어요."
FED_PROXY_NAME_MISSING = "대리참석하실 분의 성함을 알려 주세요."
FED_END_BEFORE_START = "종료 시각이 시작 시각보다 늦어야 해요."
FED_DB_UPGRADED = "데이터베이스를 최신 버전({revision})으로 올렸어요."
FED_SAMPLE_LOADED = "예시 연합회 명부와 2026년 행사 일정을 불러왔어요."
FED_SAMPLE_SKIPPED = "데이터베이스가 비어 있지 않아서 예시 명부를 불러오지 않았어요."
FED_IMPORT_NOTHING_WRITTEN = (
    "잘못된 행이 있어서 아무것도 저장하지 않았어요. 고친 뒤 다시 가져와 주세요."
)
FED_IMPORT_NO_VALID_ROWS = (
    "저장할 수 있는 올바른 행이 하나도 없었어요. 위 내용을 고쳐 다시 가져와 주세요."
)
FED_NO_PENDING = "승인을 기다리는 연결 요청이 없어요."
FED_DELETED = "삭제했어요."
FED_CONFIRM_ERASE = "회원 {name}님의 개인정보를 모든 곳에서 삭제할까요? 되돌릴 수 없어요."
FED_SCHEDULE_SCOPE_MISSING = "교류회 이름(또는 번호)을 주시거나 --federation을 붙여 주세요."
FED_SCHEDULE_SCOPE_BOTH = "교류회와 --federation은 함께 쓸 수 없어요. 하나만 골라 주세요."
FED_SCHEDULE_RESET = "이 단계의 일정 설정을 지웠어요. 이제 상위 설정을 따릅니다."
FED_SCHEDULE_HEADER = ("항목", "값", "출처")
# Rows of the effective schedule, by rules.DEFAULTS key, and where each value came from.
FED_SCHEDULE_LABELS = {
    "reminders": "행사 알림",
    "quiet_hours": "조용한 시간(보내지 않음)",
    "skip_holidays": "공휴일",
    "prompt_before": "애로사항 요청",
    "nudge_before": "애로사항 개별 안내",
    "digest_before": "애로사항 정리(회장·간사)",
    "rsvp_list_before": "참석 명단(회장·간사)",
}
FED_SCHEDULE_SOURCES = {
    "event": "행사",
    "group": "교류회",
    "federation": "연합회",
    "default": "기본값",
}
FED_SCHEDULE_SKIP_HOLIDAYS = "보내지 않고 다음 날 아침에"
FED_SCHEDULE_SEND_HOLIDAYS = "평소처럼 보냄"


def kst_clock(hour: int, minute: int) -> str:
    """``19, 0`` → ``오후 7시``; ``18, 30`` → ``오후 6시 30분``."""
    half = "오전" if hour < 12 else "오후"
    shown = hour % 12 or 12
    return f"{half} {shown}시" + (f" {minute}분" if minute else "")


def kst_when(month: int, day: int, weekday: int, hour: int, minute: int) -> str:
    """``11월 25일(화) 오후 7시`` from KST calendar parts (weekday 0 = Monday).

    Midnight means "no time given" (a trip or workshop known only by its days): the date alone.
    """
    date = f"{month}월 {day}일({FED_WEEKDAYS[weekday]})"
    return date if (hour, minute) == (0, 0) else f"{date} {kst_clock(hour, minute)}"


def fed_not_found(kind: str, key: str) -> str:
    """No record of that kind with that name or id."""
    return f"'{key}'에 해당하는 {kind}을(를) 찾을 수 없어요."


def fed_group_not_found(name: str, closest: str | None) -> str:
    """A group name that matches no group, with the one probably meant."""
    maybe = f" '{closest}'을(를) 말씀하신 건가요?" if closest else ""
    return f"'{name}'(이)라는 교류회가 없어요.{maybe}"


def fed_unknown_roster_group(name: str, closest: str | None) -> str:
    """A roster row names a group that does not exist (and new groups were not asked for)."""
    maybe = f" '{closest}'의 오타라면 고쳐 주세요." if closest else ""
    return (
        f"'{name}'(이)라는 교류회가 없어요.{maybe} "
        "새 교류회라면 --create-groups를 붙여 다시 가져와 주세요."
    )


def fed_group_spelled_twice(name: str, existing: str) -> str:
    """A new group that differs from another only in spacing."""
    return f"교류회 '{name}'은(는) '{existing}'과(와) 띄어쓰기만 달라요. 같은 이름으로 맞춰 주세요."


def fed_already_exists(kind: str, key: str) -> str:
    """A duplicate was refused."""
    return f"{kind} '{key}'은(는) 이미 등록되어 있어요."


def fed_industry_conflict(group: str, existing: str, industry: str) -> str:
    """The one-company-per-industry rule refused a company."""
    return (
        f"{group}에는 같은 업종(업종코드 {industry})의 '{existing}'이(가) 이미 있어요. "
        "교류회에는 업종마다 한 회사만 가입할 수 있습니다. "
        "꼭 필요하면 사무국 관리자가 사유를 적어 예외로 등록할 수 있어요."
    )


def fed_bad_business_number(number: str) -> str:
    """The checksum of a 사업자등록번호 failed."""
    return f"사업자등록번호 '{number}'가 올바르지 않아요(검증 숫자 불일치)."


def fed_bad_ksic(code: str) -> str:
    """A KSIC code has the wrong shape."""
    return f"업종코드 '{code}'는 한국표준산업분류 코드 형식(예: C25931)이 아니에요."


def fed_bad_role(role: str) -> str:
    """An unknown group role."""
    return f"'{role}'은(는) 알 수 없는 역할이에요. 회원, 회장, 간사 중에서 골라 주세요."


def fed_ambiguous(name: str, ids: list[int]) -> str:
    """Several records share a name."""
    shown = ", ".join(str(i) for i in ids)
    return f"'{name}'(이)라는 회원이 여러 명이에요(번호 {shown}). 번호로 지정해 주세요."


def fed_bad_setting(key: str, value: str, allowed: list[str]) -> str:
    """An unknown room setting or value."""
    return f"설정 {key}에 '{value}'는 쓸 수 없어요. 가능한 값: {', '.join(allowed) or '없음'}"


def fed_bad_rule(text: str) -> str:
    """A recurrence rule that could not be read."""
    return f"반복 규칙 '{text}'를 이해하지 못했어요. 예: '매월 둘째 주 화요일 오후 7시'"


def fed_bad_rsvp(status: str) -> str:
    """An RSVP answer outside the four choices."""
    return (
        f"'{status}'는 참석 응답으로 쓸 수 없어요. 참석, 불참, 미정, 대리참석 중에서 골라 주세요."
    )


def fed_bad_kind(kind: str, kinds: tuple[str, ...]) -> str:
    """An unknown event kind."""
    return f"'{kind}'는 알 수 없는 행사 종류예요. 가능한 종류: {', '.join(kinds)}"


def fed_bad_date(text: str) -> str:
    """A date or time cell that could not be read."""
    return f"날짜 '{text}'를 읽을 수 없어요. 예: 2026-03-10 또는 2026.03.10"


def fed_bad_when(text: str) -> str:
    """A date and time the secretariat typed that could not be read."""
    return (
        f"'{text}'을(를) 날짜와 시각으로 읽지 못했어요. "
        "예: 2026-12-20 14:00, 12월 20일 오후 2시, 12/20 14시"
    )


def fed_wrong_weekday(text: str, month: int, day: int, weekday: int) -> str:
    """The weekday written beside a date is not that date's weekday."""
    return (
        f"'{text}': {month}월 {day}일은 {FED_WEEKDAYS[weekday]}요일이에요. "
        "날짜나 요일을 확인해 주세요."
    )


def fed_bad_phone(text: str) -> str:
    """A phone number that is not a Korean mobile or landline number."""
    return f"연락처 '{text}'가 전화번호 형식이 아니에요. 예: 010-0000-1234"


def fed_missing_headers(missing: list[str]) -> str:
    """The roster lacks required columns."""
    return f"명부에 꼭 필요한 열이 없어요: {', '.join(missing)}"


def fed_duplicate_row(line: int) -> str:
    """The same person appears twice in a roster."""
    return f"{line}행과 같은 회원(회사명·성명)이 중복되어 있어요."


def fed_row_error(line: int, reason: str) -> str:
    """One bad roster row."""
    return f"{line}행: {reason}"


def fed_import_summary(companies: int, members: int, groups: int, skipped: int) -> str:
    """What a roster import wrote."""
    text = (
        f"명부를 가져왔어요. 회사 {companies}곳, 회원 {members}명, 교류회 {groups}곳을 반영했어요."
    )
    return text + (f" 잘못된 {skipped}개 행은 건너뛰었어요." if skipped else "")


def fed_export_summary(rows: int, path: str) -> str:
    """What a roster export wrote."""
    return f"회원 {rows}명을 {path}에 저장했어요."


def fed_invite_issued(name: str, code: str, expires: str) -> str:
    """An invite code, shown once."""
    return (
        f"{name}님의 초대 코드는 {code} 입니다. {expires}까지 한 번만 쓸 수 있어요. "
        "이 코드는 다시 보여 드릴 수 없으니 지금 전달해 주세요."
    )


def fed_linked(name: str, platform: str) -> str:
    """A chat account was linked to a member."""
    return f"{name}님의 {platform} 계정을 연결했어요."


def fed_saved(kind: str, key: str) -> str:
    """A record was created or changed."""
    return f"{kind} '{key}'을(를) 저장했어요."


def fed_bad_schedule(option: str, value: str, example: str) -> str:
    """A schedule setting that could not be read; nothing was saved."""
    return (
        f"{option} 값 '{value}'를 이해하지 못했어요. 예: {example} "
        "(기간은 7d·2h·30m처럼 일·시간·분으로 적어 주세요). 아무것도 저장하지 않았어요."
    )


def fed_schedule_title(owner: str) -> str:
    """Heading of the effective schedule table."""
    return f"{owner} 알림 일정(적용되는 값)"


def fed_schedule_before(span: str) -> str:
    """``"2h"`` → ``"2시간 전"``: a lead time as the secretariat reads it."""
    unit = {"d": "일", "h": "시간", "m": "분"}[span[-1]]
    return f"{span[:-1]}{unit} 전"


def fed_schedule_replanned(events: int, queued: int) -> str:
    """Pending sends were replanned after a schedule change."""
    if not events:
        return "다시 잡을 예약 메시지가 없어요. 앞으로의 행사는 새 설정으로 예약돼요."
    return (
        f"다가오는 행사 {events}건의 예약 메시지를 새 설정으로 다시 잡았어요"
        f"(예약한 메시지 {queued}건). 이미 보낸 메시지는 그대로예요."
    )


# ── Personal data (PIPA export and erasure) ─────────────────────────────────────────────

# Headings of `gyoryu members data`, one per kind of data the database holds about a member.
PIPA_SECTIONS = {
    "members": "회원",
    "memberships": "소속",
    "advisors": "자문위원",
    "chat_identities": "대화 계정",
    "invite_codes": "초대 코드",
    "rsvps": "참석 응답",
    "difficulties": "애로사항",
    "nudge_opt_outs": "애로사항 안내 받지 않기",
    "inbound_messages": "보낸 메시지",
    "answers": "질문과 답변",
    "answer_feedback": "답변 평가",
    "expert_requests": "전문가 요청",
    "dialog_steps": "진행 중인 대화",
    "scheduled_messages": "예약된 개인 메시지",
    "audit_log": "변경 기록",
}
# Field names inside each heading.
PIPA_FIELDS = {
    "id": "번호",
    "name": "성명",
    "title": "직위",
    "company": "회사",
    "phone": "연락처",
    "email": "이메일",
    "is_admin": "사무국 관리자",
    "consent_at": "동의 일시",
    "consent_scope": "동의 범위",
    "group": "교류회",
    "role": "역할",
    "joined_on": "가입일",
    "fields": "분야",
    "affiliation": "소속기관",
    "availability": "상담 가능 시간",
    "platform": "플랫폼",
    "user_id": "사용자 ID",
    "status": "상태",
    "display_name": "표시 이름",
    "note": "메모",
    "created_at": "일시",
    "verified_at": "연결 일시",
    "issued_by": "발급자",
    "issued_at": "발급 일시",
    "expires_at": "만료 일시",
    "used_at": "사용 일시",
    "event": "행사",
    "answer": "응답",
    "proxy_name": "대리참석자",
    "updated_at": "수정 일시",
    "text": "내용",
    "field": "분야",
    "anonymous": "익명",
    "withdrawn_at": "철회 일시",
    "conversation": "대화방",
    "button": "누른 버튼",
    "question": "질문",
    "answered": "답변",
    "confident": "문서로 답함",
    "answer_id": "답변 번호",
    "verdict": "평가",
    "waiting_for": "기다리는 응답",
    "kind": "종류",
    "due_at": "예정 일시",
    "action": "작업",
    "entity": "대상",
    "actor": "한 사람",
}
PIPA_HELPFUL = "도움이 됐어요"
PIPA_UNHELPFUL = "아쉬워요"
PIPA_ERASED_TEXT = "(삭제된 회원의 내용)"


# ── Channels (help, buttons, linking, errors) ───────────────────────────────────────────

# KakaoTalk skill: the waiting text while a callback answer is prepared, the reply when the answer
# misses Kakao's 5-second window without a callback, and the note under a cut-off long answer.
CH_KAKAO_WAITING = "답변을 준비하고 있어요. 잠시만 기다려 주세요."
CH_KAKAO_TRY_AGAIN = (
    "답변을 찾는 데 시간이 조금 걸리고 있어요. 잠시 후 같은 질문을 다시 물어봐 주세요."
)
CH_KAKAO_CUT_NOTICE = "(내용이 길어 여기까지만 보여 드려요. 궁금한 부분을 이어서 물어봐 주세요.)"

CH_HELP = (
    "저는 연합회 문서를 바탕으로 답해 드리는 도우미 '교류'예요. 이렇게 쓰실 수 있어요.\n"
    "• 궁금한 점을 그대로 적거나 /질문 뒤에 적어 주세요. 예: /질문 연회비는 얼마인가요?\n"
    "• /출처 — 방금 드린 답의 출처를 다시 보여 드려요.\n"
    "• /전문가 — 자문위원께 질문을 전달해 달라고 요청해요.\n"
    "• /연결 초대코드 — 사무국에서 받은 초대 코드로 회원 계정을 연결해요.\n"
    "• /일정 — 다가오는 모임 일정을 보여 드려요.\n"
    "• /애로 내용 — 정례회에서 나눌 애로사항을 전해요. 모임방에서 애로사항 안내에 답하실 때도 "
    "이렇게 보내 주세요(이름 없이: /애로 익명 내용, 회장님·간사님은 /애로로 정리본).\n"
    "• /애로 목록 — 내가 나눈 애로사항과 번호를 보여 드려요. "
    "/애로 수정 번호 내용 으로 고치고, /애로 철회 번호 로 거둘 수 있어요.\n"
    "• /참석현황 — 회장님·간사님께 다음 정례회 참석 응답을 보여 드려요.\n"
    "단체방에서는 저를 부르거나 제 메시지에 답장하실 때만 대답해요."
)
CH_BUTTON_HELPFUL = "👍 도움이 됐어요"
CH_BUTTON_UNHELPFUL = "👎 아쉬워요"
CH_BUTTON_EXPERT = "전문가에게 묻기"
CH_BUTTON_SOURCES = "출처 보기"
CH_BUTTON_SCHEDULE = "일정 보기"
CH_NO_ANSWER_YET = "아직 출처를 보여 드릴 답변이 없어요. 먼저 질문해 주세요."
CH_NO_SOURCES = "이 답변에는 따로 참고한 문서가 없어요."
CH_FEEDBACK_HELPFUL = "의견 고맙습니다. 도움이 되었다니 다행이에요."
CH_FEEDBACK_UNHELPFUL = (
    "의견 고맙습니다. 더 나은 답을 드리도록 사무국에 전달할게요. "
    "자문위원의 답이 필요하시면 '전문가에게 묻기'를 눌러 주세요."
)
CH_EXPERT_NEEDS_QUESTION = (
    "자문위원께 전달할 질문을 함께 적어 주세요. 예: /전문가 수출 계약서 검토를 받고 싶어요"
)
CH_LINK_USAGE = "사무국에서 받은 초대 코드를 함께 적어 주세요. 예: /연결 ABCD-EFGH"
CH_TOO_LONG = "질문이 너무 길어요. {limit:,}자 이내로 줄여서 다시 보내 주세요."
CH_UNKNOWN_BUTTON = "이 버튼은 더 이상 쓸 수 없어요. 질문을 다시 보내 주세요."
CH_FAILED = (
    "죄송해요, 질문을 처리하는 중에 문제가 생겨 답을 드리지 못했어요. 잠시 뒤에 다시 물어봐 주세요."
)
CH_LATE_PREFIX = "늦어서 죄송해요. 앞서 보내 주신 질문에 대한 답이에요."
CH_MISSED = (
    "죄송해요, 앞서 보내 주신 질문 '{question}'에 시스템 문제로 답을 드리지 못했어요. "
    "다시 한 번 물어봐 주시겠어요?"
)


def ch_expert_recorded(field: str | None, question: str | None = None) -> str:
    """A request for an expert was stored for routing (naming the question when it was implied)."""
    who = f"{field} 분야 자문위원께" if field else "알맞은 자문위원께"
    what = f"'{_shortened(question)}' 질문을" if question else "질문을"
    return f"{what} {who} 전달해 달라고 접수했어요. 답이 오면 이 대화로 알려 드릴게요."


def ch_expert_already(question: str) -> str:
    """The same answer's question was already passed on; nothing new was filed."""
    return (
        f"'{_shortened(question)}' 질문은 이미 자문위원께 전달해 달라고 접수했어요. "
        "답이 오면 이 대화로 알려 드릴게요."
    )


def _shortened(question: str, limit: int = 40) -> str:
    """A question quoted back in a reply, cut to ``limit`` characters."""
    flat = " ".join(question.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def ch_linked(name: str) -> str:
    """An invite code linked this chat account to a member."""
    return f"{name}님, 회원 계정이 연결되었어요. 이제 회원 전용 자료도 답해 드릴 수 있어요."


def ch_channel_live(name: str, how: str) -> str:
    """Start-up report: a channel is serving."""
    return f"{name}: 켜짐 ({how})"


CH_NO_CHANNEL_LIVE = (
    "켜진 채널이 없어서 회원이 도우미에게 말을 걸 수 없어요. 텔레그램, 슬랙, 카카오톡 가운데 "
    "하나 이상의 설정을 .env에 넣고 다시 시작해 주세요(README의 'Chat channels' 참고)."
)


def ch_channel_off(name: str, reason: str) -> str:
    """Start-up report: a channel is off, and why."""
    return f"{name}: 꺼짐 — {reason}"


def ch_missing_setting(*keys: str) -> str:
    """Why a channel is off: its credentials are not configured."""
    return f"{', '.join(keys)} 설정이 없어요"


# ── Meetings and 애로사항 ──────────────────────────────────────────────────────────────────

MTG_RSVP_LABELS = {"yes": "참석", "no": "불참", "maybe": "미정", "proxy": "대리참석"}
MTG_RSVP_ASK = "참석 여부를 아래 버튼으로 알려 주세요."
MTG_EVENT_GONE = "이 행사는 취소되었거나 찾을 수 없어요."
MTG_ALREADY_STARTED = "이미 시작된 행사라 참석 응답을 바꿀 수 없어요."
# Who may do what before their chat account is linked: each refusal names its own reason
# and how to link (the invite code from the secretariat, sent as "/연결 코드").
MTG_HOW_TO_LINK = (
    "사무국에서 받은 초대 코드를 '/연결 초대코드'처럼 보내 계정을 연결해 주세요. "
    "코드가 없으시면 사무국에 요청해 주세요."
)
MTG_NOT_LINKED = f"참석 응답은 회원 계정이 연결된 분만 하실 수 있어요. {MTG_HOW_TO_LINK}"
MTG_ATTENDANCE_NOT_LINKED = (
    f"참석 현황은 계정을 연결한 회장님과 간사님께 보여 드려요. {MTG_HOW_TO_LINK}"
)
DIFF_NOT_LINKED = (
    "애로사항은 회원 계정이 연결된 분만 나누실 수 있어요. 정례회 안건으로 회장님과 간사님께 "
    f"전해 드리려면 어느 회원님의 이야기인지 알아야 하거든요. {MTG_HOW_TO_LINK}"
)
DIFF_ADVISE_NOT_LINKED = (
    f"자문위원 연결은 계정을 연결한 회장님과 간사님만 요청하실 수 있어요. {MTG_HOW_TO_LINK}"
)
DIFF_OPT_OUT_NOT_LINKED = (
    "애로사항 안내는 계정이 연결된 회원님께만 따로 보내 드려요. "
    "지금은 받으실 안내가 없으니 그만 받기를 하지 않으셔도 괜찮아요."
)
MTG_BAD_ACTION = "버튼 정보를 읽지 못했어요. 최신 안내 메시지의 버튼을 다시 눌러 주세요."
MTG_NO_FAILURES = "보내지 못한 예약 메시지가 없어요."
DIFF_SHARE_BUTTON = "애로사항 나누기"
DIFF_OPT_OUT_BUTTON = "안내 그만 받기"
DIFF_OPTED_OUT = "알겠어요. 앞으로 애로사항 안내는 따로 보내 드리지 않을게요."
DIFF_EMPTY_TEXT = "어떤 어려움인지 한두 문장으로 적어 주세요."
DIFF_WITHDRAWN = "애로사항을 철회했어요. 정리본에서도 빠져요."
DIFF_NOT_AUTHOR = "본인이 쓰신 애로사항만 고치거나 철회할 수 있어요."
DIFF_NOT_FOUND = "해당 애로사항을 찾을 수 없어요. 이미 철회되었을 수 있어요."
DIFF_NONE_YET = "아직 나눠 주신 애로사항이 없어요."
DIFF_ANONYMOUS = "익명"
DIFF_UNSORTED = "기타"
DIFF_NO_DOCUMENTS = "관련 자료: 아직 없음 (자문위원 연결을 권해요)"
MTG_PROXY_ASK = "대신 참석하실 분의 성함을 다음 메시지로 적어 주세요."
MTG_NO_EVENTS = "다가오는 일정이 아직 없어요."
MTG_SCHEDULE_HEADING = "다가오는 일정이에요."
MTG_NO_MEETING = "다가오는 정례회가 아직 없어요."
MTG_LEADERS_ONLY = "참석 현황은 회장님과 간사님만 보실 수 있어요."
MTG_NO_GROUP = "소속 분과를 찾지 못했어요. 사무국에 분과 가입을 요청해 주세요."
DIFF_SHARE_ASK = (
    "나누실 애로사항을 다음 메시지로 적어 주세요. "
    "이름을 빼고 전하시려면 '/애로 익명 내용'으로 보내 주세요."
)
DIFF_HOW_TO_SHARE = (
    "애로사항은 '/애로 공유 내용'으로 나눠 주세요. "
    "이름 없이 전하시려면 '/애로 익명 내용'으로 보내 주시면 돼요."
)
DIFF_OWN_HEADING = "이번 정례회에 나눠 주신 애로사항이에요."
DIFF_ADVISE_LEADERS_ONLY = "자문위원 연결은 회장님과 간사님만 요청하실 수 있어요."
DIFF_LIST_HEADING = "나눠 주신 애로사항이에요. 앞의 번호로 고치거나 철회하실 수 있어요."
DIFF_LIST_HOW = "고치기: '/애로 수정 번호 새 내용' · 철회: '/애로 철회 번호'"
DIFF_EDIT_USAGE = (
    "고칠 애로사항의 번호와 새 내용을 함께 적어 주세요. 예: /애로 수정 3 새 내용 "
    "(번호는 '/애로 목록'에서 보실 수 있어요)"
)
DIFF_WITHDRAW_USAGE = (
    "철회할 애로사항의 번호를 적어 주세요. 예: /애로 철회 3 "
    "(번호는 '/애로 목록'에서 보실 수 있어요)"
)


def diff_list_line(number: int, text: str, anonymous: bool) -> str:
    """One of the member's own items in ``/애로 목록``, with the number to edit it by."""
    return f"{number}. {text}" + (f" ({DIFF_ANONYMOUS})" if anonymous else "")


def diff_edited(field: str | None) -> str:
    """Confirmation after a member reworded their item."""
    where = f"(분야: {field})" if field else ""
    return f"애로사항을 고쳐 두었어요{where}. 정리본에도 고친 내용으로 들어가요."


def mtg_schedule_line(title: str, when: str, place: str | None, link: str | None) -> str:
    """One event in the ``/일정`` list, with its calendar file when the server is public."""
    line = f"• {when} {title}" + (f" ({place})" if place else "")
    return line + (f"\n  캘린더에 추가: {link}" if link else "")


def mtg_feed_line(link: str) -> str:
    """Under ``/일정``: the group's calendar feed, to subscribe to once."""
    return f"\n휴대폰 캘린더에서 분과 일정을 구독하시려면: {link}"


def mtg_notices_queued(rooms: int) -> str:
    """After editing or deleting an event in the CLI: how many rooms will be told."""
    return f"안내 메시지를 방 {rooms}곳에 보내도록 예약했어요."


def diff_own_line(text: str) -> str:
    """One of the member's own items in the ``/애로`` reply."""
    return f"• {text}"


def mtg_day_phrase(days: int) -> str:
    """How far off a meeting is, in words: 0 → ``오늘``, 1 → ``내일``, 7 → ``일주일 뒤``."""
    named = {0: "오늘", 1: "내일", 2: "모레", 7: "일주일 뒤"}
    return named.get(days, f"{days}일 뒤")


def mtg_reminder(title: str, phrase: str, when: str, place: str | None, agenda: str | None) -> str:
    """The reminder posted into a group's rooms."""
    lines = [f"[모임 안내] {title}이(가) {phrase} 열려요.", f"· 일시: {when}"]
    if place:
        lines.append(f"· 장소: {place}")
    if agenda:
        lines.append(f"· 안건: {agenda}")
    return "\n".join([*lines, "", MTG_RSVP_ASK])


def mtg_rsvp_tally(counts: dict[str, int]) -> str:
    """The answers so far, shown under a reminder after each RSVP (e.g. "참석 3명 · 불참 1명")."""
    shown = " · ".join(f"{status} {count}명" for status, count in counts.items())
    return f"지금까지 응답: {shown}"


def mtg_changed(title: str, when: str, place: str | None) -> str:
    """The one notice sent to each room when an event changes."""
    lines = [
        f"[일정 변경] {title} 일정이 바뀌었어요. 바뀐 내용을 확인해 주세요.",
        f"· 일시: {when}",
    ]
    if place:
        lines.append(f"· 장소: {place}")
    return "\n".join([*lines, "", "참석 여부가 달라지셨다면 아래 버튼으로 다시 알려 주세요."])


def mtg_cancelled(title: str, when: str) -> str:
    """The one notice sent to each room when an event is cancelled."""
    return f"[행사 취소] {when}에 예정되었던 {title}이(가) 취소되었어요. 일정에 참고해 주세요."


def mtg_rsvp_done(status: str, title: str, when: str, proxy_name: str | None) -> str:
    """Confirmation after a member pressed an RSVP button."""
    if status == "참석":
        return f"참석으로 알려 주셨어요. {when} {title}에서 뵐게요!"
    if status == "불참":
        return f"불참으로 기록했어요. 아쉽지만 다음 모임에서 뵐게요. ({when} {title})"
    if status == "대리참석":
        return f"{proxy_name}님의 대리참석으로 기록했어요. ({when} {title})"
    return f"미정으로 기록했어요. 정해지면 버튼을 다시 눌러 주세요. ({when} {title})"


def mtg_moved_note(when: str) -> str:
    """Added to an RSVP confirmation when the button came from before a date change."""
    return f"참고로 이 행사는 {when}(으)로 일정이 바뀌었어요."


def mtg_rsvp_list_heading(title: str, when: str) -> str:
    """First line of the RSVP list for the leader and 간사."""
    return f"[참석 현황] {when} {title}"


def mtg_rsvp_list_line(status: str, names: list[str]) -> str:
    """One line of the RSVP list: ``참석 3명: 김민수, 이영희, 박철수``."""
    shown = ", ".join(names) if names else "없음"
    return f"· {status} {len(names)}명: {shown}"


def mtg_failure_line(when: str, platform: str, where: str, kind: str, error: str) -> str:
    """One failed send in the secretariat's list."""
    return f"· {when} {platform} {where} ({kind}): {error}"


def mtg_failures_heading(count: int) -> str:
    """Heading of the secretariat's list of failed sends."""
    return f"보내지 못한 예약 메시지가 {count}건 있어요. 봇이 방에서 내보내졌는지 확인해 주세요."


def diff_prompt(group: str, when: str) -> str:
    """The friendly prompt posted before a 정례회 asking for difficulties."""
    return (
        f"[애로사항 나눔] {group} 여러분, {when} 정례회를 앞두고 요즘 사업하시며 겪는 어려움을 "
        "나눠 주세요. 세무, 노무, 자금, 판로, 수출 무엇이든 좋아요. 모인 내용은 회장님과 "
        "간사님이 안건으로 정리하고, 필요하면 자문위원께 연결해 드려요. 이 방에 '/애로 내용'으로 "
        "적어 주시거나 저에게 1:1로 보내 주셔도 되고, '/애로 익명 내용'으로 나누실 수도 있어요."
    )


def diff_nudge(name: str, when: str) -> str:
    """The single gentle DM to a member who has not shared anything yet."""
    return (
        f"{name}님, {when} 정례회 전에 함께 나누고 싶은 애로사항이 있으신가요? "
        "한 줄이라도 괜찮아요. 이 안내는 이번 모임에 한 번만 드려요."
    )


def diff_saved(field: str | None, anonymous: bool) -> str:
    """Confirmation after a member shared a difficulty."""
    where = f"(분야: {field})" if field else ""
    text = f"애로사항을 잘 받았어요{where}. 정례회 전에 회장님과 간사님께 정리해 전달할게요."
    return text + (" 이름은 사무국만 볼 수 있어요." if anonymous else "")


def diff_digest_heading(group: str, when: str, count: int) -> str:
    """First line of the digest for the leader and 간사."""
    return f"[애로사항 정리] {group} · {when} 정례회 안건용 ({count}건)"


def diff_field_heading(field: str, count: int) -> str:
    """A field's heading inside the digest."""
    return f"■ {field} ({count}건)"


def diff_item_line(number: int, text: str, author: str) -> str:
    """One difficulty inside the digest."""
    return f"{number}. {text} — {author}"


def diff_related(sources: list[str]) -> str:
    """The documents the knowledge base already has on an item."""
    return "   관련 자료: " + "; ".join(sources)


def diff_advise_button(number: int) -> str:
    """Button label that hands one digest item to an advisor."""
    return f"{number}번 자문 요청"
