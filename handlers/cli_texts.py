"""Korean text of each ``gyoryu`` command: group help, option help, table titles and headers.

One section per command group, in the order of ``gyoryu --help``. What the commands say about
federation data (saved, deleted, not found …) lives in ``bot/texts/``; the command line's own
frame (help screen labels, usage errors) in ``handlers/texts.py``.
"""

from __future__ import annotations

# ── Shared by several commands ──────────────────────────────────────────────────────────
APP_HELP = "교류(Gyoryu) — 이업종교류연합회 회원을 위한 문서 기반 질의응답 도우미"
JSON_HELP = "표 대신 JSON으로 출력합니다."
WIDE_HELP = "줄을 바꾸지 않고 한 행을 한 줄에 출력합니다."
SHEET_FILE_HELP = ".csv 또는 .xlsx"
MEMBER_HELP = "회원 번호 또는 성명"
GROUP_HELP = "교류회 이름 또는 번호"
NEW_FEDERATION_HELP = "연합회가 아직 없을 때 만들 이름"
NAME_HELP = "성명"
TITLE_HELP = "직위"
PHONE_HELP = "연락처"
EMAIL_HELP = "이메일"
PLACE_HELP = "장소"
AGENDA_HELP = "안건"
ADVISOR_ID_HELP = "자문위원 번호"
FIELD_COLUMNS = ("항목", "값")  # the header of every "show" table
# What was saved, for ``texts.fed_saved``.
SAVED_COMPANY = "회원사"
SAVED_ROOM = "대화방"
SAVED_EVENTS = "일정"
SAVED_RSVP = "참석 응답"
SAVED_SCHEDULE = "일정 설정"
SAVED_CONFLICT = "이해관계"


def with_number(name: str, number: int) -> str:
    """A name with its number, as confirmations show it: 김민수(번호 12)."""
    return f"{name}(번호 {number})"


# ── gyoryu db, and the schedule options of groups/events schedule ───────────────────────
DB_HELP = "데이터베이스 관리(마이그레이션, 예시 데이터)"
REMINDERS_HELP = "행사 알림 시점, 쉼표로 구분(예: 7d,1d,2h — 일·시간·분)"
QUIET_HOURS_HELP = "알림을 보내지 않는 시간(KST), 예: 21:00-08:00"
HOLIDAYS_HELP = (
    "공휴일 알림을 다음 날 아침으로 미룸(--holidays) 또는 공휴일에도 보냄(--no-holidays)"
)
PROMPT_BEFORE_HELP = "정례회 애로사항 요청 시점, 예: 10d"
NUDGE_BEFORE_HELP = "애로사항 개별 안내 시점, 예: 6d"
DIGEST_BEFORE_HELP = "애로사항 정리(회장·간사에게) 시점, 예: 3d"
RSVP_LIST_BEFORE_HELP = "참석 명단(회장·간사에게) 시점, 예: 1d"
RESET_HELP = "이 단계의 설정을 지우고 상위 설정을 따름(먼저 적용)"

# ── gyoryu members ──────────────────────────────────────────────────────────────────────
MEMBERS_HELP = "회원 관리(명부 가져오기·내보내기, 초대 코드, 개인정보 열람·삭제)"
MEMBERS_GROUP_HELP = "교류회 이름"
MEMBERS_TITLE = "회원 목록"
MEMBER_COLUMNS = ("번호", "성명", "직위", "회사", "소속", "연락처")
MEMBERSHIPS_TITLE = "소속"
MEMBERSHIP_COLUMNS = ("교류회", "역할", "가입일")
MEMBER_COMPANY_HELP = "회사명·번호"
MEMBER_TITLE_HELP = "직위(대표, 이사 …)"
MEMBER_GROUP_HELP = "소속 교류회"
MEMBER_ROLE_HELP = "교류회 역할: 회원, 회장, 간사"
MEMBER_ROLE_DEFAULT = (
    "회원"  # a role name the secretariat types (bot.federation.members.ROLE_NAMES)
)
MEMBER_ADMIN_HELP = "사무국 관리자"
ERASE_YES_HELP = "확인 없이 삭제"
SKIP_INVALID_HELP = "잘못된 행은 건너뛰고 나머지를 저장"
CREATE_GROUPS_HELP = "명부에 있는 새 교류회를 만듦(없으면 모르는 교류회는 오류)"
INVITE_DAYS_HELP = "유효 기간(일)"
PENDING_TITLE = "연결 요청"
PENDING_COLUMNS = ("요청 번호", "플랫폼", "표시 이름", "메모", "요청 일시")
REQUEST_HELP = "요청 번호"
LINK_MEMBER_HELP = "연결할 회원 번호 또는 성명"


def member_heading(name: str) -> str:
    """The title of ``members show``: 회원 김민수."""
    return f"회원 {name}"


# ── gyoryu companies ────────────────────────────────────────────────────────────────────
COMPANIES_HELP = "회원사 관리(업종 중복 규칙 포함)"
COMPANIES_TITLE = "회원사 목록"
COMPANY_COLUMNS = ("번호", "회사명", "사업자등록번호", "업종코드", "업종", "교류회")
COMPANY_KEY_HELP = "번호, 사업자등록번호 또는 회사명"
COMPANY_REMOVE_HELP = "번호 또는 회사명"
# ``companies show``: the label of each company field, in order.
COMPANY_LABELS = (
    ("사업자등록번호", "business_number"),
    ("업종코드", "ksic_code"),
    ("업종", "ksic_name"),
    ("지역", "region"),
    ("주요제품", "products"),
    ("공정/설비", "processes"),
    ("인증", "certifications"),
    ("관심분야", "looking_for"),
)
COMPANY_NAME_HELP = "회사명"
BUSINESS_NUMBER_HELP = "사업자등록번호"
KSIC_ADD_HELP = "업종코드(KSIC, 예: C25924)"
KSIC_HELP = "업종코드"
INDUSTRY_HELP = "업종명"
REGION_HELP = "지역"
PRODUCTS_HELP = "주요제품"
LOOKING_FOR_HELP = "관심분야"
JOIN_GROUP_HELP = "가입할 교류회"
OVERRIDE_REASON_HELP = "같은 업종이 있어도 가입시키는 사유(관리자 예외)"

# ── gyoryu groups ───────────────────────────────────────────────────────────────────────
GROUPS_HELP = "교류회 관리"
GROUPS_TITLE = "교류회 목록"
GROUP_COLUMNS = ("번호", "교류회", "정례회", "회원 수")
GROUP_MEMBER_COLUMNS = ("번호", "성명", "회사", "직위", "역할")
GROUP_NAME_HELP = "교류회 이름"
MEETING_RULE_ADD_HELP = "정례회, 예: '매월 둘째 주 화요일 오후 7시'"
NEW_NAME_HELP = "새 이름"
MEETING_RULE_HELP = "정례회 규칙"
CHAT_ID_HELP = "대화방 ID(텔레그램 그룹은 -100… 처럼 음수)"
ROOM_GROUP_HELP = "교류회(비우면 연합회 전체 방)"
SCHEDULE_GROUP_HELP = "교류회 이름 또는 번호(--federation이면 비움)"
SCHEDULE_FEDERATION_HELP = "교류회 대신 연합회 전체의 기본값을 다룸"

# ── gyoryu advisors ─────────────────────────────────────────────────────────────────────
ADVISORS_HELP = "자문위원 관리"
ADVISORS_TITLE = "자문위원 목록"
ADVISOR_COLUMNS = ("번호", "성명", "직위", "소속기관", "분야", "담당", "가능 시간")
WHOLE_FEDERATION = "연합회 전체"
ADVISOR_FIELD_HELP = "분야(여러 번 가능)"
ADVISOR_TITLE_HELP = "직위(세무사, 교수 …)"
AFFILIATION_HELP = "소속기관"
AVAILABILITY_HELP = "상담 가능 시간"
ADVISOR_GROUPS_HELP = "담당 교류회(없으면 연합회 전체)"
AWAY_START_HELP = "시작일 YYYY-MM-DD"
AWAY_END_HELP = "마지막 날 YYYY-MM-DD"
CONFLICT_COMPANY_HELP = "회원사 번호, 사업자등록번호 또는 회사명"
CONFLICT_REASON_HELP = "사유"
DIGEST_HELP = "하루 한 번 모아 받기 켜기/끄기"

# ── gyoryu events ───────────────────────────────────────────────────────────────────────
EVENTS_HELP = "행사·정례회 관리와 참석 응답"
EVENTS_TITLE = "다가오는 행사"
EVENT_COLUMNS = ("번호", "일시", "구분", "제목", "주관", "장소")
EVENTS_GROUP_HELP = "교류회(연합회 행사 포함)"
EVENTS_LIMIT_HELP = "최대 개수"
FEDERATION_HOST = "연합회"  # who holds an event that belongs to no group
EVENT_HELP = "행사 번호"
EVENT_TITLE_HELP = "제목"
EVENT_START_HELP = "시작(KST), 예: '2026-03-10 19:00', '3월 10일 오후 7시', '3/10 19시'"
EVENT_KIND_HELP = "정례회, 총회, 세미나, 공장견학, 해외시찰, 워크숍 …"
EVENT_END_ADD_HELP = "종료(KST), 시각만 쓰면 시작한 날"
EVENT_GROUP_HELP = "교류회(없으면 연합회 행사)"
EVENT_REPEAT_HELP = "반복, 예: '매월 둘째 주 화요일 오후 7시'"
EVENT_UNTIL_HELP = "반복 끝(KST), 기본은 그해 말"
EVENT_START_EDIT_HELP = "시작(KST)"
EVENT_END_HELP = "종료(KST)"
IMPORT_YEAR_HELP = "반복 일정을 펼칠 해"
RSVP_STATUS_HELP = "참석, 불참, 미정, 대리참석"
RSVP_PROXY_HELP = "대리참석자 성명"
# ``events show``: the label of each field.
EVENT_LABEL_TITLE = "제목"
EVENT_LABEL_KIND = "구분"
EVENT_LABEL_STARTS = "일시"
EVENT_LABEL_ENDS = "종료"
EVENT_LABEL_PLACE = "장소"
EVENT_LABEL_AGENDA = "안건"
EVENT_LABEL_HOST = "주관"


def rsvp_label(status: str) -> str:
    """The ``events show`` row counting one RSVP answer: 응답: 참석."""
    return f"응답: {status}"


def event_heading(event: int) -> str:
    """The title of ``events show``: 행사 12."""
    return f"행사 {event}"


def event_schedule_heading(event: int, name: str) -> str:
    """The heading of ``events schedule``'s table: 행사 12 · 3월 정례회."""
    return f"행사 {event} · {name}"


def events_count(count: int) -> str:
    """How many events an import saved: 12건."""
    return f"{count}건"


def rsvp_saved(member: str, status: str) -> str:
    """What ``events rsvp`` recorded: 김민수 · 참석."""
    return f"{member} · {status}"


# ── gyoryu tickets, gaps ────────────────────────────────────────────────────────────────
TICKETS_HELP = "전문가 상담(티켓) 관리"
TICKET_HELP = "상담 번호(#12면 12)"
TICKET_STATE_HELP = "이 상태만(assigned, answered …)"
TICKETS_TITLE = "전문가 상담"
TICKET_COLUMNS = ("번호", "상태", "분야", "자문위원", "접수", "질문")
NO_ADVISOR = "사무국"  # who holds a ticket no advisor has
EXPIRES_HELP = "만료일 YYYY-MM-DD"
UNANSWERED_TITLE = "답하지 못한 질문"
UNANSWERED_COLUMNS = ("질문", "분야", "횟수", "마지막")
LOW_RATED_TITLE = "낮게 평가된 답변"
LOW_RATED_COLUMNS = ("종류", "번호", "질문", "분야")
OVERDUE_TITLE = "기한이 지난 상담"
OVERDUE_COLUMNS = ("번호", "상태", "분야", "자문위원", "영업일")
SLA_HELP = "분야별 응답 기한(영업일)을 보거나 바꿉니다"
SLA_FIELD_HELP = "바꿀 분야(세무, 법률 …)"
SLA_REMIND_HELP = "자문위원에게 다시 알릴 영업일"
SLA_REASSIGN_HELP = "다른 자문위원에게 넘길 영업일(회원에게 안내하는 기한)"
SLA_ESCALATE_HELP = "사무국으로 넘길 영업일"
SLA_TITLE = "분야별 응답 기한(영업일)"
SLA_COLUMNS = ("분야", "알림", "재배정", "사무국 이관")
SLA_KEYS = ("field", "remind", "reassign", "escalate")
SLA_NEEDS_FIELD = "바꿀 단계를 적으셨다면 --field 로 분야도 함께 적어 주세요."
HOURS_HELP = "근무 시간 10:00-17:00(기본값으로 되돌리려면 '기본')"
HOURS_DEFAULT_WORDS = ("기본", "default")  # what `advisors hours` reads as "back to 09:00-18:00"


def ticket_heading(ticket: int) -> str:
    """The title of ``tickets show``: 전문가 상담 #12."""
    return f"전문가 상담 #{ticket}"


def ticket_assigned(ticket: int, advisor: int) -> str:
    """What ``tickets assign`` did: #12 → 자문위원 3."""
    return f"#{ticket} → 자문위원 {advisor}"


def card_approved(card: int, advisor: str, expires_on: str) -> str:
    """What ``tickets approve`` made: FAQ 카드 4: 세무사 김OO, 2027-03-01까지."""
    return f"FAQ 카드 {card}: {advisor}, {expires_on}까지"


# ── gyoryu network ──────────────────────────────────────────────────────────────────────
NETWORK_HELP = "회원 네트워킹(회원사 찾기, 소개, 교류회 활동 보고)"
SEARCH_QUERY_HELP = '찾는 것, 예: 금형, "ISO 13485"'
SEARCH_AS_HELP = "이 회원번호의 회원이 보는 결과"
SEARCH_LIMIT_HELP = "보여 줄 회사 수"
CONSENT_WHO_HELP = "회원번호·성명(그 회원의 회사) 또는 회사명"
CONSENT_SCOPE_HELP = "공개 범위: 비공개, 교류회, 연합회 (없으면 지금 것을 보여 줍니다)"
INTRO_LIMIT_HELP = "한 달에 할 수 있는 소개 요청 수"
INTRO_LIMIT_MEMBER_HELP = "이 회원번호의 회원에게만(없으면 연합회 기본값)"
REPORT_GROUP_HELP = "이 교류회만"
REPORT_MONTH_HELP = "보고할 달, 예: 2026-03 (기본: 이번 달)"
PAIR_GROUP_HELP = "이 교류회 안에서만 짝 짓기"
PAIR_ROUND_HELP = "회차 이름, 예: 2026-03 (기본: 이번 달)"


def subgroup_theme(theme: str, companies: int) -> str:
    """One theme a report suggests a 분과 for: 금형 4곳."""
    return f"{theme} {companies}곳"


# ── gyoryu ingest ───────────────────────────────────────────────────────────────────────
INGEST_PATHS_HELP = "넣을 파일이나 폴더(폴더는 하위 폴더까지)."
INGEST_KIND_HELP = "문서 종류: rules, events, programs, faq, news. "
INGEST_VISIBILITY_HELP = "공개 범위: public(누구나), members(회원), group:<id>(그 교류회)."
INGEST_PRUNE_HELP = "파일이 없어진 문서를 보여 주고, 확인하면 색인에서 빼요(경로를 주면 그 아래만)."
INGEST_YES_HELP = "--prune으로 뺄 문서를 묻지 않고 바로 빼요."

# ── gyoryu ask, chat ────────────────────────────────────────────────────────────────────
ASK_QUESTION_HELP = "질문 ('-'이면 표준 입력에서 한 줄에 하나씩)"
ASK_JSON_HELP = "JSON으로 출력합니다."
ASK_TOP_K_HELP = "함께 보여 줄 출처 수"
CHAT_AS_METAVAR = "회원"
CHAT_AS_HELP = (
    "이 회원(번호 또는 성명)으로 대화합니다. 회원만 쓰는 기능(/찾기, /애로 …)을 시험할 때 씁니다."
)

# ── gyoryu admins ───────────────────────────────────────────────────────────────────────
ADMINS_HELP = "관리 콘솔 관리자(사무국, 교류회 회장·간사)와 로그인 링크"
ADMIN_MEMBER_HELP = "회원 이름 또는 번호"
ADMIN_GROUP_HELP = "이 교류회만 관리(그 교류회의 회장·간사)"
ADMIN_LINK_HELP = "관리자 이름 또는 회원 번호"

# ── gyoryu serve ────────────────────────────────────────────────────────────────────────
SERVE_HOST_HELP = "들을 주소"
SERVE_PORT_HELP = "들을 포트"
SERVE_POLLING_HELP = "웹훅 대신 롱 폴링으로 텔레그램을 받습니다."
SERVE_WORKERS_HELP = (
    "같은 포트에서 요청을 나눠 받는 서버 프로세스 수(코어가 여럿일 때 2 이상, 프로세스마다 "
    "메모리를 약 700MB 더 씁니다)"
)
SERVE_ANSWER_PROCESSES_HELP = (
    "서버 프로세스마다 문서 답을 따로 계산하는 프로세스 수(0이면 서버 프로세스가 직접 계산합니다. "
    "따로 계산하면 바쁠 때도 요청을 제때 받지만, 프로세스마다 메모리를 더 씁니다)"
)
