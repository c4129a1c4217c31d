"""The headings and field names of a member's data export (``gyoryu members data``) and what
an erased member's leftovers show.
"""

from __future__ import annotations

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
    "room_sightings": "글을 쓴 단체방",
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
