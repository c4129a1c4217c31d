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
    "반가워요! 저는 연합회 문서를 바탕으로 회칙과 회비, 정례회와 행사 일정, 지원사업, "
    "경조사 규정 같은 궁금한 점에 답해 드리는 도우미예요. 무엇이든 물어봐 주세요."
)
QA_SOURCES_HEADING = "출처"
QA_OFFER_EXPERT = "전문가에게 질문을 전달해 드릴까요?"


def qa_not_covered(field: str | None) -> str:
    """Say plainly that the documents do not answer, and point to who could."""
    who = f"{field} 분야 자문위원께" if field else "사무국이나 자문위원께"
    return (
        "연합회 자료에서는 이 질문에 대한 내용을 찾지 못했어요. 확인되지 않은 내용은 "
        f"답해 드리지 않을게요. {who} 여쭤보시면 도움을 받으실 수 있어요. {QA_OFFER_EXPERT}"
    )


def qa_source_line(number: int, title: str, section: str) -> str:
    """One numbered source under an answer: ``[1] 한빛연합회 정관 · 제8조(회비)``."""
    if section and section != title:
        return f"[{number}] {title} · {section}"
    return f"[{number}] {title}"


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
    "'gyoryu members import 명부.xlsx --federation 연합회이름'으로 명부를 먼저 가져와 주세요."
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
FED_NO_PENDING = "승인을 기다리는 연결 요청이 없어요."
FED_DELETED = "삭제했어요."
FED_CONFIRM_ERASE = "회원 {name}님의 개인정보를 모든 곳에서 삭제할까요? 되돌릴 수 없어요."


def kst_clock(hour: int, minute: int) -> str:
    """``19, 0`` → ``오후 7시``; ``18, 30`` → ``오후 6시 30분``."""
    half = "오전" if hour < 12 else "오후"
    shown = hour % 12 or 12
    return f"{half} {shown}시" + (f" {minute}분" if minute else "")


def kst_when(month: int, day: int, weekday: int, hour: int, minute: int) -> str:
    """``11월 25일(화) 오후 7시`` from KST calendar parts (weekday 0 = Monday)."""
    return f"{month}월 {day}일({FED_WEEKDAYS[weekday]}) {kst_clock(hour, minute)}"


def fed_not_found(kind: str, key: str) -> str:
    """No record of that kind with that name or id."""
    return f"'{key}'에 해당하는 {kind}을(를) 찾을 수 없어요."


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

# ── Channels (help, buttons, linking, errors) ───────────────────────────────────────────
