"""What the bot says about 전문가 상담: receipts, advisor DMs, relayed answers and clarifications,
ratings, follow-ups, SLA reminders and escalations, absences, and the FAQ card citation.
"""

from __future__ import annotations

from datetime import date

from bot.texts.dates import FED_WEEKDAYS
from bot.texts.josa import with_particle

RT_PREFIX = "[전문가 상담 #{number}]"
RT_SECRETARIAT = "사무국"
RT_ADVISOR = "자문위원"
RT_COMPANY_MASK = "○○(회원사)"
RT_ANONYMOUS = "익명"
RT_NOTICE = (
    "※ 일반적인 정보로 드리는 답변이며 공식 자문이 아니에요. "
    "중요한 결정 전에는 전문가와 직접 상담해 주세요."
)
RT_BUTTON_ANSWER = "답변하기"
RT_BUTTON_CLARIFY = "추가 질문"
RT_BUTTON_PASS = "다른 전문가에게"
RT_BUTTON_GOOD = "도움됐어요"
RT_BUTTON_WEAK = "부족해요"
RT_BUTTON_FOLLOW_UP = "추가로 묻기"
RT_BUTTON_REPLY = "답하기"
RT_BUTTON_FIX_FIELD = "분야 바꾸기"
RT_BUTTON_WITHDRAW = "요청 취소"
RT_BUTTON_CHECK = "답변 확인"
RT_STATE_NAMES = {
    "open": "접수",
    "assigned": "자문위원 확인 중",
    "reassigned": "자문위원 확인 중",
    "waiting_member": "자문위원이 확인 질문을 보냈어요",
    "escalated": "사무국 확인 중",
    "answered": "답변 도착",
    "closed": "답변 완료",
    "withdrawn": "요청 취소",
    "expired": "기한 만료",
}
"""How a member reads a ticket's state (the command line and the console keep the codes)."""
RT_NO_TICKETS = (
    "아직 요청하신 전문가 상담이 없어요. '/전문가 질문'으로 자문위원께 물어보실 수 있어요."
)
RT_CHOOSE_FIELD = "어느 분야의 질문인가요? 고르시면 그 분야 자문위원께 다시 전달해 드릴게요."
RT_TOO_LATE = (
    "이미 답변이 오간 상담이라 바꿀 수 없어요. 새로 궁금한 점은 '/전문가 질문'으로 보내 주세요."
)
RT_TYPE_REPLY = "자문위원께 보낼 답을 이 대화에 적어 보내 주세요."
RT_ANSWER_USAGE = "'/답변 번호 내용'으로 보내 주세요. 예: /답변 12 중간예납은 8월 31일까지예요."
RT_CLARIFY_USAGE = (
    "'/추가질문 번호 내용'으로 보내 주세요. 예: /추가질문 12 법인 설립 연도를 알려 주시겠어요?"
)
RT_NOT_ADVISOR = "이 명령은 자문위원만 쓸 수 있어요. 사무국에서 받은 코드로 먼저 /연결 해 주세요."
RT_AWAY_USAGE = "'/부재 시작~끝'으로 보내 주세요. 예: /부재 12/24~12/31"
RT_TYPE_ANSWER = "질문하신 분께 보낼 답변을 이 대화에 적어 보내 주세요."
RT_TYPE_CLARIFY = "질문하신 분께 확인할 내용을 이 대화에 적어 보내 주세요."
RT_TYPE_FOLLOW_UP = "같은 자문위원께 추가로 여쭤볼 내용을 이 대화에 적어 보내 주세요."
RT_RATED_GOOD = "의견 고맙습니다. 도움이 되었다니 다행이에요. 자문위원께도 전해 드릴게요."
RT_RATED_WEAK = (
    "의견 고맙습니다. 아쉬운 점이 있으셨군요. '추가로 묻기'를 누르시면 같은 자문위원께 "
    "한 번 더 여쭤볼 수 있어요."
)
RT_FOLLOW_UP_USED = (
    "추가 질문은 한 번만 보낼 수 있어요. 새로 궁금한 점은 '/전문가 질문'으로 보내 주세요."
)
RT_REPLY_SENT = "자문위원께 전해 드렸어요. 답이 오면 이 대화로 보내 드릴게요."
RT_NOT_YOURS = "본인이 요청한 상담에만 쓸 수 있는 버튼이에요."


def rt_prefix(number: int) -> str:
    """The tag every ticket message starts with (``[전문가 상담 #12]``)."""
    return RT_PREFIX.format(number=number)


def rt_who(field: str, title: str | None, *, secretariat: bool) -> str:
    """Who will answer, by role and never by name (the member sees this in the receipt)."""
    if secretariat:
        return "사무국(해당 분야 자문위원을 찾아 연결해 드려요)"
    role = f"({title})" if title else ""
    return f"{field} 분야 자문위원{role}"


def rt_day(day: date) -> str:
    """A KST date as members read it: ``11월 27일(금)``."""
    return f"{day.month}월 {day.day}일({FED_WEEKDAYS[day.weekday()]})"


def rt_receipt(
    number: int, question: str, field: str, who: str, days: int, by: date, *, anonymous: bool
) -> str:
    """The receipt a member gets at once when a question becomes a ticket."""
    by_text = rt_day(by)
    quoted = question if len(question) <= 40 else question[:39].rstrip() + "…"
    lines = [
        f"'{quoted}' 질문을 전문가 상담 {with_particle(f'#{number}', '으로/로')} 접수했어요.",
        f"• 분야: {field}",
        f"• 답변: {who}",
        f"• 예상: 영업일 기준 {days}일 안({by_text}까지)",
    ]
    if anonymous:
        lines.append("• 이름과 회사는 밝히지 않고 익명으로 전달해요.")
    lines.append(
        "답변이 오면 이 대화로 보내 드릴게요. "
        "'답변 확인'을 누르시거나 /상담 번호 로 언제든 확인하실 수도 있어요."
    )
    return "\n".join(lines)


def rt_already(number: int) -> str:
    """The same question was already passed on."""
    tag = with_particle(f"#{number}", "으로/로")
    return f"이 질문은 이미 전문가 상담 {tag} 접수되어 있어요. 답변이 오면 보내 드릴게요."


def rt_advisor_dm(
    number: int, field: str, question: str, group: str | None, company: str | None
) -> str:
    """A new ticket for an advisor: number, field, who asked (or 익명) and the question."""
    return "\n".join(
        [
            f"{rt_prefix(number)} 새 질문이 배정되었어요.",
            f"• 분야: {field}",
            f"• 교류회: {group or RT_ANONYMOUS}",
            f"• 회사: {company or RT_ANONYMOUS}",
            "",
            question,
            "",
            f"'답변하기'를 누르거나 '/답변 {number} 내용'으로 답해 주세요. "
            f"확인할 점이 있으면 '/추가질문 {number} 내용'으로 여쭤보실 수 있어요.",
        ]
    )


def rt_secretariat_dm(number: int, field: str, question: str, reason: str) -> str:
    """A ticket the secretariat holds: nobody fits, or nobody answered in time."""
    return "\n".join(
        [
            f"{rt_prefix(number)} {reason}",
            f"• 분야: {field}",
            "",
            question,
            "",
            f"'gyoryu tickets assign {number} <자문위원 번호>'로 자문위원을 정해 주세요.",
        ]
    )


RT_REASON_NO_ADVISOR = "이 분야를 맡을 자문위원이 없어 사무국으로 왔어요."
RT_REASON_OVERDUE = "영업일 3일이 지나도록 답이 없어 사무국으로 넘어왔어요."


def rt_signature(name: str, title: str | None, affiliation: str | None, day: date) -> str:
    """The line under a relayed answer: who answered, and when."""
    who = " ".join(part for part in (name, title) if part)
    where = f"({affiliation})" if affiliation else ""
    return f"— {who}{where}, {day.year}년 {day.month}월 {day.day}일"


def rt_answer(number: int, question: str, answer: str, signature: str) -> str:
    """The advisor's answer, verbatim, inside the signed message the member receives."""
    return "\n".join(
        [
            f"{rt_prefix(number)} 자문위원의 답변이 도착했어요.",
            f"질문: {question}",
            "",
            answer,
            "",
            signature,
            RT_NOTICE,
        ]
    )


def rt_clarify(number: int, text: str) -> str:
    """An advisor's clarifying question, as the member receives it."""
    return "\n".join(
        [
            f"{rt_prefix(number)} 자문위원이 확인하고 싶은 점이 있어요.",
            "",
            text,
            "",
            "이 대화에 답을 적어 보내 주시면 자문위원께 전해 드릴게요.",
        ]
    )


def rt_member_reply(number: int, text: str, *, follow_up: bool) -> str:
    """The member's reply (or one follow-up question), as the advisor receives it."""
    what = "추가 질문" if follow_up else "답"
    return "\n".join(
        [
            f"{rt_prefix(number)} 질문하신 분의 {what}이에요.",
            "",
            text,
            "",
            f"'/답변 {number} 내용'으로 답해 주세요.",
        ]
    )


def rt_answer_sent(number: int) -> str:
    """The advisor's answer is on its way to the member."""
    return f"#{number} 답변을 질문하신 분께 전해 드렸어요. 고맙습니다."


def rt_clarify_sent(number: int) -> str:
    """The advisor's clarifying question is on its way."""
    return f"#{number} 확인 질문을 전해 드렸어요. 답이 오면 보내 드릴게요."


def rt_not_assigned(number: int) -> str:
    """An advisor named a ticket that is not theirs (or does not exist)."""
    tag = with_particle(f"#{number}", "은/는")
    return f"{tag} 선생님께 배정된 상담이 아니에요. 번호를 확인해 주세요."


def rt_conflict(number: int) -> str:
    """The chosen advisor has a recorded conflict of interest with the asker's company."""
    return (
        f"{with_particle(f'#{number}', '은/는')} 이 자문위원께 맡길 수 없어요. "
        "질문한 회원사와 이해관계가 있다고 기록되어 있어요."
    )


def rt_not_answered(number: int) -> str:
    """Only an answered ticket can become an FAQ card."""
    return f"{with_particle(f'#{number}', '은/는')} 아직 답변이 없어 FAQ로 만들 수 없어요."


def rt_field_changed(number: int, field: str, who: str) -> str:
    """The member corrected the field; the ticket was routed again."""
    return f"#{number} 분야를 {with_particle(field, '으로/로')} 바꿔 {who}께 다시 전달했어요."


def rt_withdrawn(number: int) -> str:
    """The member withdrew the question."""
    return f"#{number} 요청을 취소했어요. 필요하시면 언제든 다시 물어봐 주세요."


def rt_withdrawn_notice(number: int) -> str:
    """The holder is told the question was withdrawn (or moved to another field)."""
    return (
        f"{rt_prefix(number)} 질문하신 분이 요청을 거두었거나 분야를 바꿨어요. "
        "답하지 않으셔도 돼요."
    )


def rt_card_expired(card_id: int, question: str, until: date) -> str:
    """An FAQ card from the advisor's answer expired: no longer cited; re-verify or retire."""
    return "\n".join(
        [
            f"[FAQ 카드 {card_id}] {until.year}년 {until.month}월 {until.day}일에 만료되어 "
            "더는 답변에 쓰지 않아요.",
            "",
            question,
            "",
            "내용이 지금도 맞다면 사무국에 다시 승인해 달라고 알려 주세요. "
            "그대로 두시면 쓰지 않아요.",
        ]
    )


def rt_digest(entries: list[tuple[int, str, str, bool]]) -> str:
    """An advisor's morning digest: (number, field, question, waiting for the member)."""
    lines = [f"[전문가 상담] 답변을 기다리는 상담이 {len(entries)}건 있어요.", ""]
    for number, field, question, waiting in entries:
        note = ", 회원의 답을 기다리는 중" if waiting else ""
        lines.append(f"#{number} ({field}{note}) {question}")
    lines += ["", "'/답변 번호 내용'으로 답하시거나 '/추가질문 번호 내용'으로 여쭤보세요."]
    return "\n".join(lines)


RT_DIGEST_USAGE = "'/하루요약 켜기' 또는 '/하루요약 끄기'로 보내 주세요."
RT_DIGEST_ON = (
    "이제 새 상담을 하나씩 알려 드리지 않고, 영업일 아침 9시에 한 번에 모아 보내 드릴게요."
)
RT_DIGEST_OFF = "이제 새 상담이 배정될 때마다 바로 알려 드릴게요."


def rt_closed(number: int) -> str:
    """The ticket no longer takes messages."""
    return f"#{number} 상담은 이미 마무리되었어요."


def rt_passed(number: int) -> str:
    """The advisor handed the ticket on."""
    return (
        f"{with_particle(f'#{number}', '을/를')} 다른 자문위원께 넘겼어요. 알려 주셔서 고맙습니다."
    )


def rt_reminder(number: int, question: str) -> str:
    """One business day without an answer: a reminder to the advisor."""
    return "\n".join(
        [
            f"{rt_prefix(number)} 답변을 기다리고 있어요(접수 후 영업일 1일).",
            "",
            question,
            "",
            f"'/답변 {number} 내용'으로 답해 주시거나, 어려우시면 '다른 전문가에게'를 눌러 주세요.",
        ]
    )


def rt_taken_away(number: int) -> str:
    """Two business days without an answer: the advisor is told it moved on."""
    return f"{rt_prefix(number)} 답이 늦어져 다른 자문위원께 넘겼어요. 더 답하지 않으셔도 돼요."


def rt_away_set(start: date, end: date) -> str:
    """An advisor marked days as away."""
    return (
        f"{start.month}월 {start.day}일부터 {end.month}월 {end.day}일까지 부재로 적어 두었어요. "
        "그동안 새 상담은 다른 자문위원께 가요."
    )


def rt_card_title(advisor_label: str, day: date) -> str:
    """How an FAQ card is cited, like a document (``세무사 김○○ 자문 답변, 2026-11-20``)."""
    return f"{advisor_label} 자문 답변, {day.isoformat()}"


def rt_card_answer(answer: str) -> str:
    """An FAQ card's answer, with the same notice as the relayed answer."""
    return f"{answer}\n\n{RT_NOTICE}"


def rt_my_tickets(entries: list[tuple[int, str, str, str]]) -> str:
    """``/상담``: the member's tickets, newest first, as (number, field, state name, question)."""
    lines = ["요청하신 전문가 상담이에요."]
    for number, field, state, question in entries:
        quoted = question if len(question) <= 30 else question[:29].rstrip() + "…"
        lines.append(f"• #{number} [{field}] {state} — {quoted}")
    lines.append("'/상담 번호'로 보내시면 진행 상황과 답변을 보여 드려요. 예: /상담 12")
    return "\n".join(lines)


def rt_progress(number: int, question: str, field: str, state: str, who: str) -> str:
    """``/상담 12`` (or 답변 확인) before an answer: where the ticket stands."""
    return "\n".join(
        [
            f"{rt_prefix(number)} 진행 상황이에요.",
            f"질문: {question}",
            f"• 분야: {field}",
            f"• 상태: {state}",
            f"• 답변: {who}",
        ]
    )


def rt_no_such_ticket(number: int) -> str:
    """``/상담 12`` naming a ticket this person did not ask."""
    return f"요청하신 상담 중에 #{number}번은 없어요. '/상담'으로 번호를 확인해 주세요."


RT_SLA_BAD_ORDER = (
    "단계는 1영업일 이상이고, 알림 ≤ 재배정 ≤ 사무국 이관 순서여야 해요. 숫자를 확인해 주세요."
)
RT_HOURS_BAD = "근무 시간은 10:00-17:00처럼 시작과 끝을 적어 주세요(시작이 끝보다 빨라야 해요)."


def rt_sla_bad_field(field: str, known: tuple[str, ...]) -> str:
    """The secretariat named a field that does not exist."""
    return f"'{field}' 분야는 없어요. 다음 중에서 골라 주세요: {', '.join(known)}"


def rt_hours_set(name: str, hours: str | None) -> str:
    """An advisor's office hours were changed (``None``: back to the default)."""
    if hours is None:
        return f"{name} 자문위원의 근무 시간을 기본값(평일 09:00-18:00)으로 되돌렸어요."
    saved = with_particle(hours, "으로/로")
    return (
        f"{name} 자문위원의 근무 시간을 평일 {saved} 저장했어요. 응답 기한은 이 시간으로 계산해요."
    )
