"""What the web console's 행사, 애로사항, 전문가 상담 and 네트워킹 pages say."""

from __future__ import annotations

from bot.texts.josa import with_particle

ADM_NAV_EVENTS = "행사"
ADM_NAV_DIFFICULTIES = "애로사항"
ADM_NAV_EXPERT = "전문가 상담"
ADM_NAV_NETWORKING = "네트워킹"
ADM_RECORD_NOT_FOUND = "찾으시는 항목이 없거나 볼 수 있는 권한이 없어요."
ADM_FEDERATION_ONLY = (
    "이 일은 연합회 사무국 관리자만 할 수 있어요. "
    "교류회 관리자는 담당 교류회의 내용을 볼 수 있어요."
)
ADM_EVENT_GROUP_REQUIRED = (
    "교류회 관리자는 담당 교류회의 행사만 만들 수 있어요. 교류회를 골라 주세요."
)
ADM_EVENT_CANCEL_UNCONFIRMED = (
    "취소하려면 '알림을 받은 방에 취소 안내가 나가요'에 체크한 뒤 다시 눌러 주세요."
)
ADM_EVENT_NOTIFIED = " 이미 알림을 받은 방 {count}곳에 알렸어요."
ADM_SCHEDULE_SAVED = "알림 일정을 저장하고 다시 계획했어요(행사 {events}건, 예약 메시지 {sends}건)."
ADM_DIFF_NOT_LINKED = (
    "자문위원의 답변을 받을 대화 계정이 연결되어 있지 않아요. 대화방에서 계정을 먼저 연결해 주세요."
)
ADM_DIFF_ALREADY_HANDED = "이 애로사항은 이미 자문위원께 넘겼어요."
ADM_CARD_APPROVED = (
    "상담 #{ticket}의 답변을 FAQ 카드로 승인했어요({expires}까지). 봇이 바로 이 답변을 써요."
)
ADM_AWAY_SAVED = (
    "{name}님의 부재 기간({start} ~ {end})을 저장했어요. 그동안 새 상담은 다른 분께 가요."
)
ADM_AWAY_END_BEFORE_START = "부재 기간의 마지막 날이 시작일보다 앞서요. 날짜를 확인해 주세요."
ADM_ADVISOR_NOT_CHOSEN = "배정할 자문위원을 골라 주세요."
ADM_SLA_SAVED = (
    "{field} 분야의 응답 기한을 저장했어요: 알림 {remind}영업일, 재배정 {reassign}영업일, "
    "사무국 이관 {escalate}영업일. 새로 계산하는 기한부터 적용돼요."
)
ADM_SLA_NOT_NUMBER = "응답 기한은 1 이상의 영업일 수(숫자)로 적어 주세요."

ADM_TICKET_STATES = {
    "open": "접수",
    "assigned": "배정됨",
    "reassigned": "재배정됨",
    "waiting_member": "회원 답 기다림",
    "escalated": "사무국 확인 필요",
    "answered": "답변 완료",
    "closed": "종료",
    "withdrawn": "철회",
}
ADM_SLA_LABELS = {
    "ok": "기한 안",
    "late": "기한 지남",
    "paused": "멈춤(회원 답 대기)",
    "done": "-",
}
ADM_INTRO_STATES = {
    "pending": "답 기다림",
    "accepted": "수락",
    "declined": "거절",
    "expired": "기한 지남",
}
ADM_INTRO_SOURCES = {"request": "회원 요청", "pairing": "짝 추천"}
ADM_SEND_KINDS = {
    "reminder": "행사 알림",
    "change": "변경 안내",
    "cancel": "취소 안내",
    "prompt": "애로사항 요청",
    "nudge": "애로사항 개별 안내",
    "digest": "애로사항 정리",
    "rsvp_list": "참석 명단",
    "ticket": "전문가 상담",
    "faq": "FAQ 카드 만료",
    "net_intro": "소개 요청",
    "net_need": "구해요",
    "net_pair": "짝 추천",
    "net_stale": "프로필 확인",
}
ADM_SEND_STATES = {
    "pending": "예정",
    "sending": "보내는 중",
    "sent": "보냄",
    "failed": "실패",
    "unknown": "확인 안 됨",
    "missed": "시간 지나 안 보냄",
    "cancelled": "취소",
}


def adm_bad_day(text: str) -> str:
    """A date the secretariat typed that is not ``YYYY-MM-DD``."""
    return f"날짜는 2026-03-10처럼 YYYY-MM-DD 형식으로 적어 주세요: '{text}'"


def adm_event_saved(title: str) -> str:
    """An event was added or changed."""
    return f"행사 {with_particle(title, '을/를')} 저장했어요."


def adm_event_cancelled(title: str) -> str:
    """An event was cancelled (deleted, its rooms told)."""
    return f"행사 {with_particle(title, '을/를')} 취소했어요."


def adm_difficulty_handed(ticket: int, field: str) -> str:
    """An 애로사항 became a ticket."""
    return (
        f"애로사항을 상담 #{ticket}({field} 분야)로 넘겼어요. 답변은 연결된 대화 계정으로 받으세요."
    )


def adm_ticket_reassigned(ticket: int, advisor: str) -> str:
    """The secretariat gave a ticket to an advisor of its choice."""
    return f"상담 #{ticket}: {advisor}님께 배정했어요. 자문위원께 바로 알림이 가요."
