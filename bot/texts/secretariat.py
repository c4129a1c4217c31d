"""What the secretariat's commands and imports say about federation data: members, companies,
groups, events, invites, schedules, roster rows and their errors.
"""

from __future__ import annotations

from bot.texts.dates import FED_WEEKDAYS
from bot.texts.josa import particle, with_particle

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
# What a record is called in "not found" and "already exists" messages.
FED_KIND_MEMBER = "회원"
FED_KIND_COMPANY = "회사"
FED_KIND_GROUP = "교류회"
FED_KIND_EVENT = "행사"
FED_KIND_ADVISOR = "자문위원"
FED_KIND_TICKET = "상담"
FED_EVENT_TITLE_MISSING = "행사 제목을 적어 주세요."
FED_KIND_LINK_REQUEST = "연결 요청"
FED_KIND_BUSINESS_NUMBER = "사업자등록번호"
FED_ERASED_ACTOR = "삭제된 회원"
"""Who made a change, in the audit log, after that person's data was erased."""
FED_ROSTER_SHEET = "회원명부"
FED_SCHEDULE_SKIP_HOLIDAYS = "보내지 않고 다음 날 아침에"
FED_SCHEDULE_SEND_HOLIDAYS = "평소처럼 보냄"


def fed_not_found(kind: str, key: str) -> str:
    """No record of that kind with that name or id."""
    return f"'{key}'에 해당하는 {with_particle(kind, '을/를')} 찾을 수 없어요."


def fed_group_not_found(name: str, closest: str | None) -> str:
    """A group name that matches no group, with the one probably meant."""
    maybe = f" '{closest}'{particle(closest, '을/를')} 말씀하신 건가요?" if closest else ""
    return f"'{name}'{particle(name, '이라는/라는')} 교류회가 없어요.{maybe}"


def fed_unknown_roster_group(name: str, closest: str | None) -> str:
    """A roster row names a group that does not exist (and new groups were not asked for)."""
    maybe = f" '{closest}'의 오타라면 고쳐 주세요." if closest else ""
    return (
        f"'{name}'{particle(name, '이라는/라는')} 교류회가 없어요.{maybe} "
        "새 교류회라면 관리 콘솔에서는 '새 교류회 만들기'를 고르고, 명령줄에서는 "
        "--create-groups를 붙여 다시 가져와 주세요."
    )


def fed_group_spelled_twice(name: str, existing: str) -> str:
    """A new group that differs from another only in spacing."""
    return (
        f"교류회 '{name}'{particle(name, '은/는')} '{existing}'{particle(existing, '과/와')} "
        "띄어쓰기만 달라요. 같은 이름으로 맞춰 주세요."
    )


def fed_already_exists(kind: str, key: str) -> str:
    """A duplicate was refused."""
    return f"{kind} '{key}'{particle(key, '은/는')} 이미 등록되어 있어요."


def fed_industry_conflict(group: str, existing: str, industry: str) -> str:
    """The one-company-per-industry rule refused a company."""
    return (
        f"{group}에는 같은 업종(업종코드 {industry})의 "
        f"'{existing}'{particle(existing, '이/가')} 이미 있어요. "
        "교류회에는 업종마다 한 회사만 가입할 수 있습니다. "
        "꼭 필요하면 사무국 관리자가 사유를 적어 예외로 등록할 수 있어요."
    )


def fed_bad_business_number(number: str) -> str:
    """The checksum of a 사업자등록번호 failed."""
    return (
        f"사업자등록번호 '{number}'{particle(number, '이/가')} 올바르지 않아요(검증 숫자 불일치)."
    )


def fed_bad_ksic(code: str) -> str:
    """A KSIC code has the wrong shape."""
    return (
        f"업종코드 '{code}'{particle(code, '은/는')} "
        "한국표준산업분류 코드 형식(예: C25931)이 아니에요."
    )


def fed_bad_role(role: str) -> str:
    """An unknown group role."""
    return (
        f"'{role}'{particle(role, '은/는')} 알 수 없는 역할이에요. "
        "회원, 회장, 간사 중에서 골라 주세요."
    )


def fed_ambiguous(name: str, ids: list[int]) -> str:
    """Several records share a name."""
    shown = ", ".join(str(i) for i in ids)
    return (
        f"'{name}'{particle(name, '이라는/라는')} 회원이 여러 명이에요(번호 {shown}). "
        "번호로 지정해 주세요."
    )


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
        f"'{text}'{particle(text, '을/를')} 날짜와 시각으로 읽지 못했어요. "
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
    return f"{kind} '{key}'{particle(key, '을/를')} 저장했어요."


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


def fed_database_too_new(revision: str) -> str:
    """The database was migrated by a newer Gyoryu than the one starting (English for logs too)."""
    return (
        f"데이터베이스가 이 프로그램보다 새로운 버전({revision})으로 만들어졌어요. "
        "교류(Gyoryu)를 최신 버전으로 업데이트한 뒤 다시 시작해 주세요. / "
        f"The database is at revision {revision}, which this version of Gyoryu does not "
        "know; upgrade Gyoryu before starting it."
    )
