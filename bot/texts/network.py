"""What members and the secretariat hear about networking: partner search, profiles and consent,
introductions, needs, pairing rounds, outcome follow-ups and the group health report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.josa import with_particle

NET_HOW_TO_LINK = "사무국에서 받은 초대 코드를 '/연결 초대코드'처럼 보내 계정을 연결해 주세요."
NET_NOT_LINKED = "회원사 찾기와 소개는 계정이 연결된 회원님만 쓰실 수 있어요. " + NET_HOW_TO_LINK
NET_NO_COMPANY = (
    "회원님 계정에 회사가 등록되어 있지 않아요. 사무국에 회사 정보를 알려 주시면 "
    "회원사 찾기와 소개를 쓰실 수 있어요."
)
NET_FIELD_LABELS = {
    "products": "주요제품",
    "processes": "공정/설비",
    "certifications": "인증",
    "patents": "특허",
    "industry": "업종",
    "name": "회사명",
    "region": "지역",
    "looking_for": "찾는 것",
}
NET_SCOPE_LABELS = {"private": "비공개", "group": "우리 교류회", "federation": "연합회 전체"}

# ── search ──────────────────────────────────────────────────────────────────────────────
NET_SEARCH_USAGE = (
    "찾으시는 것을 함께 적어 주세요. 예: /찾기 금형, /찾기 사출 가능한 곳, /찾기 ISO 13485"
)
NET_SEARCH_HEADING = "'{query}'에 맞는 회원사예요 (우리 교류회가 먼저예요)."
NET_SEARCH_FOOT = "연락처는 양쪽이 소개를 수락한 뒤에만 서로 전해 드려요."
NET_SEARCH_NONE = (
    "'{query}'에 맞는 회원사를 찾지 못했어요. 다른 말로 찾아보시거나 "
    "'/구해요 {query}'로 필요한 것을 알려 주시면 맞는 회원사에 조용히 전해 드릴게요."
)
NET_INTRO_BUTTON = "소개 요청: {company}"
NET_SEARCH_DM_ONLY = (
    "이 방에는 연합회 회원이 아닌 분도 계셔서 회원사 정보를 보여 드릴 수 없어요. "
    "저에게 1:1로 '/찾기'를 보내 주세요."
)


def net_matched(label: str, value: str) -> str:
    """The line saying which capability matched: "공정/설비: 사출기 350톤 8대"."""
    return f"{label}: {value}"


def net_search_line(rank: int, company: str, industry: str, group: str, matched: str) -> str:
    """One result: company, industry, group and the matching capability, never a contact."""
    head = f"{rank}. {company} ({industry or '업종 미등록'} · {group or '교류회 없음'})"
    return f"{head}\n   {matched}" if matched else head


def net_bad_scope(word: str) -> str:
    """A 공개 범위 that is none of the three."""
    return f"공개 범위 '{word}'는 알 수 없어요. 비공개, 교류회, 연합회 가운데 하나로 적어 주세요."


def net_bad_field(field: str) -> str:
    """A profile field that does not exist."""
    return f"프로필 항목 '{field}'는 없어요."


def net_bad_tags(tags: Sequence[str]) -> str:
    """Looking-for tags that are not offered."""
    return f"찾는 협력 분야 '{', '.join(tags)}'는 고를 수 없는 항목이에요."


def net_member_not_found(member: str) -> str:
    """``--as`` named no member."""
    return f"회원번호 {member}인 회원을 찾을 수 없어요."


NET_CLI_NONE = "검색 결과가 없어요."
NET_CLI_HEADER = ("순위", "회사명", "업종", "교류회", "맞는 내용")


def net_cli_title(query: str, member: str) -> str:
    """The CLI search table's title."""
    return f"'{query}' 검색 결과 ({member} 회원님이 보는 순서)"


def net_consent_line(company: str, label: str, since: datetime | None, by: str | None) -> str:
    """A company's networking consent as the secretariat sees it (``gyoryu network consent``)."""
    from bot.clock import format_kst

    when = f", {format_kst(since)} 기록" if since is not None else ", 기록 없음(기본값)"
    who = f", {by} 회원님 동의" if by else ""
    return f"{company}: 공개 범위 {label}{when}{who}"


def net_consent_eligibility(company: str, label: str, visible: bool) -> str:
    """Under ``gyoryu network search``: whether the asker's own company can be found by others."""
    shown = "나와요" if visible else "나오지 않아요"
    return f"{with_particle(company, '은/는')} 다른 회원의 검색에 {shown}(공개 범위: {label})."


NET_CONSENT_NO_COMPANY = "이 회원은 회사가 등록되어 있지 않아 공개 범위를 정할 수 없어요."


def net_roster_scope(word: str) -> str:
    """A roster row whose 공개 범위 cell is unknown."""
    return f"공개 범위 '{word}'는 비공개·교류회·연합회 가운데 하나여야 해요."


# ── introductions ───────────────────────────────────────────────────────────────────────
NET_INTRO_USAGE = (
    "소개받고 싶은 회사 이름과, 원하시면 이유를 한 줄로 적어 주세요. "
    "예: /소개 한빛메디텍 사출 부품 공동개발 문의"
)
NET_WHY_ASK = (
    "상대 대표님께 전할 소개 이유를 한 줄로 적어 주세요. "
    "이유 없이 보내시려면 아래 버튼을 눌러 주세요."
)
NET_SEND_WITHOUT_REASON = "이유 없이 보내기"
NET_ACCEPT = "수락"
NET_DECLINE = "거절"
NET_CONSENT_WITHDRAWN = (
    "회원님이 개인정보 수집·이용 동의를 철회하셔서 소개를 요청하거나 수락할 수 없어요. "
    "다시 쓰시려면 사무국에 동의 의사를 알려 주세요."
)
NET_INTRO_OWN = "회원님 회사에는 소개를 요청하실 필요가 없어요."
NET_INTRO_GONE = "이 요청은 찾을 수 없거나 회원님께 온 요청이 아니에요."
NET_INTRO_ANSWERED = "이미 답하신 요청이에요. 고맙습니다."
NET_INTRO_LAPSED = "답변 기한(7일)이 지나 이 요청은 마감되었어요."
NET_DECLINED_OK = (
    "알겠습니다. 상대 회원님께는 이유 없이 '이번에는 연결이 어렵다'고만 전해 드릴게요."
)
NET_QUOTA_NEGATIVE = "한도는 0 이상의 숫자로 정해 주세요."
NET_MET_YES = "만났어요"
NET_MET_NO = "아직이에요"
NET_MET_THANKS = "알려 주셔서 고맙습니다. 좋은 협력으로 이어지길 바랄게요."
NET_MET_NOT_YET = "알겠습니다. 다음 정례회나 방문으로 편하실 때 만나 보세요."
NET_OUTCOME_LABELS = {
    "contact": "연락만",
    "meeting": "미팅",
    "quote": "견적·샘플",
    "joint": "공동개발·공동 지원사업 신청",
    "deal": "거래·계약",
}
NET_OUTCOME_THANKS = (
    "알려 주셔서 고맙습니다. 연합회가 회원 교류의 성과를 보여 드리는 데 소중하게 쓰겠습니다."
)


def net_unknown_company(words: str) -> str:
    """``/소개`` named no company the member may see."""
    return (
        f"'{words}'에 해당하는 회원사를 찾지 못했어요. /찾기로 회사를 찾은 뒤 "
        "결과 아래 버튼으로 소개를 요청해 주세요."
    )


def net_intro_sent(company: str) -> str:
    """The asker's confirmation: the request is on its way."""
    return (
        f"{with_particle(company, '과/와')}의 소개 요청을 대표님께 전해 드렸어요. "
        "수락하시면 서로의 연락처를 보내 드릴게요. 7일 안에 답이 없으면 알려 드릴게요."
    )


def net_intro_not_again(company: str) -> str:
    """The pair did not work out before: it is not proposed again."""
    return f"{company}에는 다시 소개를 요청하실 수 없어요. 다른 회원사를 찾아보시겠어요?"


def net_intro_pending(company: str) -> str:
    """A request to that company is still waiting."""
    return f"{company}에 보낸 소개 요청에 아직 답을 기다리고 있어요."


def net_intro_already(company: str) -> str:
    """The two companies were already introduced."""
    return f"{with_particle(company, '은/는')} 이미 소개로 연결된 회사예요."


def net_intro_quota(quota: int) -> str:
    """The monthly limit is reached."""
    return (
        f"소개 요청은 한 달에 {quota}번까지 하실 수 있어요. 다음 달에 다시 요청해 주세요. "
        "더 필요하시면 사무국에 말씀해 주세요."
    )


def net_intro_unreachable(company: str) -> str:
    """Nobody at the other company can be asked through the chat: no linked account, or only
    members who withdrew their consent — which is theirs to tell, so the text names neither."""
    return (
        f"{company}에는 지금 교류 채팅으로 소개 요청을 전할 수 없어요. "
        "사무국에 말씀하시면 도와 드릴게요."
    )


def net_intro_request(company: str, industry: str, groups: str, reason: str | None) -> str:
    """The DM to the representative: who asks and why, without their contact yet."""
    lines = [
        "회원사 소개 요청이 왔어요.",
        f"• 회사: {company} ({industry or '업종 미등록'})",
        f"• 교류회: {groups or '없음'}",
    ]
    if reason:
        lines.append(f"• 이유: {reason}")
    lines.append(
        "수락하시면 서로의 이름·직위·연락처를 전해 드려요. 거절하셔도 이유는 전하지 않아요."
    )
    return "\n".join(lines)


def net_contact_card(
    name: str, title: str | None, company: str, phone: str | None, email: str | None
) -> str:
    """A contact, sent only after both sides accepted."""
    head = " ".join(part for part in (company, name, title) if part)
    contacts = " · ".join(part for part in (phone, email) if part)
    return f"{head}\n{contacts or '연락처 미등록(사무국에 문의해 주세요)'}"


def net_meeting_line(when: str, title: str) -> str:
    """The next 정례회 to meet at."""
    return f"{when} {title}"


def net_intro_accepted(card: str, meeting: str | None) -> str:
    """Both sides' message on 수락: the other's contact and a suggestion to meet."""
    where = (
        f"다음 정례회({meeting})에서 만나 보시거나 공장을 방문해 보세요."
        if meeting
        else "다음 정례회나 공장 방문으로 만나 보세요."
    )
    return f"소개가 이루어졌어요. 상대 회원님의 연락처예요.\n{card}\n{where}"


def net_intro_not_this_time(company: str) -> str:
    """On 거절 or no answer: only that it did not work out, never why."""
    return f"{company}의 소개는 이번에는 연결이 어려웠어요. 다른 회원사를 찾아보시겠어요?"


def net_met_question(company: str) -> str:
    """Two weeks after an accepted introduction."""
    return f"2주 전에 소개로 연결된 {with_particle(company, '과/와')} 만나 보셨나요?"


def net_ladder_question(company: str) -> str:
    """Three months after: how far it went."""
    return f"석 달 전 소개로 연결된 {with_particle(company, '과/와')}의 교류는 어디까지 이어졌나요?"


def net_quota_set(limit: int, member: str | None) -> str:
    """The secretariat changed a monthly introduction limit."""
    who = f"{member} 회원님의" if member else "연합회 기본"
    return f"{who} 월 소개 요청 한도를 {limit}회로 정했어요."


# ── needs (/구해요) ───────────────────────────────────────────────────────────────────────
NET_NEED_USAGE = (
    "구하시는 것을 함께 적어 주세요. 예: /구해요 알루미늄 다이캐스팅 시제품 10개 만들어 줄 곳\n"
    "맞는 회원사 몇 곳에만 조용히 전하고, 관심 있다는 곳을 알려 드려요. "
    "/구해요 목록 으로 올리신 것을 볼 수 있어요."
)
NET_NEED_NUMBER_USAGE = "번호를 함께 적어 주세요. 예: /구해요 마감 3, /구해요 연장 3"
NET_NEED_YES = "관심 있어요"
NET_NEED_NO = "아니에요"
NET_NEED_GONE = "이 요청은 찾을 수 없거나 회원님 회사에 온 것이 아니에요."
NET_NEED_CLOSED = "이 요청은 이미 마감되었어요. 알려 주셔서 고맙습니다."
NET_NEED_NOT_FOUND = "그 번호의 구해요 글을 찾지 못했어요. /구해요 목록 에서 번호를 확인해 주세요."
NET_NEED_THANKS_YES = (
    "관심을 전해 드렸어요. 상대가 소개를 요청하면 다시 알려 드릴게요. "
    "연락처는 양쪽이 수락한 뒤에만 전해 드려요."
)
NET_NEED_THANKS_NO = "알겠습니다. 상대에게는 따로 알리지 않을게요."
NET_NEED_NONE = "아직 올리신 구해요 글이 없어요. " + "예: /구해요 금형 수리 업체"
NET_NEED_LIST_HEADING = "올리신 구해요 글이에요."
NET_NEED_LIST_HOW = "/구해요 마감 번호 로 닫고, /구해요 연장 번호 로 30일 더 열어 둘 수 있어요."
NET_NEED_STATE_CLOSED = "마감"
NET_NEED_STATE_EXPIRED = "기한 지남"


def net_need_posted(need_id: int, sent: int) -> str:
    """The asker's confirmation."""
    if not sent:
        return (
            f"구해요 글({need_id}번)을 올렸어요. 아직 맞는 회원사를 찾지 못했어요. "
            "30일 동안 열어 두고, /구해요 목록 으로 확인하실 수 있어요."
        )
    return (
        f"구해요 글({need_id}번)을 맞는 회원사 {sent}곳에 조용히 전해 드렸어요. "
        "관심 있다는 곳이 생기면 바로 알려 드릴게요. 30일 동안 열려 있어요."
    )


def net_need_note(company: str, industry: str, groups: str, text: str) -> str:
    """The private note to a matching company."""
    return (
        f"회원사가 찾고 있는 것이 있어 알려 드려요.\n"
        f"• 회사: {company} ({industry or '업종 미등록'}, {groups or '교류회 없음'})\n"
        f"• 내용: {text}\n"
        "관심이 있으시면 아래 버튼을 눌러 주세요. 관심이 없으셔도 상대에게 알리지 않아요."
    )


def net_need_interest(company: str, industry: str, groups: str, text: str) -> str:
    """The asker hears that a company is interested."""
    return (
        f"'{text}'에 {company} ({industry or '업종 미등록'}, {groups or '교류회 없음'})에서 "
        "관심을 보였어요. 소개를 요청하시면 양쪽이 수락한 뒤 연락처를 전해 드려요."
    )


def net_need_closed(need_id: int) -> str:
    """A need was closed."""
    return f"구해요 글 {need_id}번을 마감했어요."


def net_need_renewed(need_id: int, until: str) -> str:
    """A need was opened again."""
    return f"구해요 글 {need_id}번을 {until}까지 다시 열어 두었어요."


def net_need_state_open(until: str) -> str:
    """An open need in the list."""
    return f"{until}까지"


def net_need_line(need_id: int, text: str, state: str, sent: int, interested: Sequence[str]) -> str:
    """One need in ``/구해요 목록``."""
    line = f"{need_id}. {text} ({state}, {sent}곳에 전함)"
    if interested:
        line += f"\n   관심: {', '.join(interested)}"
    return line


# ── profile (/프로필) ────────────────────────────────────────────────────────────────────
NET_PROFILE_EDIT = "고치기"
NET_PROFILE_OK = "그대로 맞아요"
NET_PROFILE_KEEP = "그대로 두기"
NET_PROFILE_NEXT = "다음"
NET_PROFILE_CONFIRMED = "확인해 주셔서 고맙습니다. 프로필을 그대로 두었어요."
NET_PROFILE_SAVED = "프로필을 저장했어요. 바뀐 내용은 바로 회원사 찾기에 반영돼요."
NET_SEEKING_LABEL = "찾는 협력"


def net_profile_heading(company: str, industry: str) -> str:
    """The first line of a profile."""
    return f"{company} ({industry or '업종 미등록'}) 네트워킹 프로필"


def net_profile_line(label: str, value: str | None) -> str:
    """One field of a profile."""
    return f"• {label}: {value or '없음'}"


def net_profile_scope(label: str, since: datetime | None) -> str:
    """Who may find the company, and since when."""
    from bot.clock import format_kst

    when = f" ({format_kst(since)}부터)" if since is not None else ""
    return f"• 공개 범위: {label}{when}"


def net_profile_ask(step: int, steps: int, label: str, current: str | None) -> str:
    """One text step of the walk."""
    return (
        f"{step}/{steps} {with_particle(label, '을/를')} 적어 주세요.\n지금: {current or '없음'}\n"
        "바꾸지 않으시려면 '그대로 두기'를, 지우시려면 '없음'이라고 보내 주세요."
    )


def net_profile_tags(step: int, steps: int, chosen: Sequence[str]) -> str:
    """The step of the kinds of partner sought (buttons toggle)."""
    return (
        f"{step}/{steps} 어떤 협력 상대를 찾으세요? 누를 때마다 고르거나 뺄 수 있어요.\n"
        f"지금: {', '.join(chosen) or '없음'}\n다 고르셨으면 '다음'을 눌러 주세요."
    )


def net_profile_scope_ask(step: int, label: str) -> str:
    """The last step: who may find the company."""
    return (
        f"{step}/{step} 회원사 찾기에서 누구에게 보일까요? 지금: {label}\n"
        "• 비공개: 아무에게도 보이지 않아요.\n"
        "• 우리 교류회: 같은 교류회 회원에게만 보여요.\n"
        "• 연합회 전체: 연합회 모든 회원에게 보여요.\n"
        "어느 쪽이든 연락처는 양쪽이 소개를 수락한 뒤에만 전해요."
    )


# ── pairing rounds, staleness, the group health report ─────────────────────────────────────
NET_PAIRING_ABOUT = (
    "짝만남은 매달 다른 업종의 회원사 한 곳을 짝으로 소개해 드리는 모임이에요. "
    "한 번 만난 회사와는 다시 짝이 되지 않아요. "
    "'/짝만남 참여'로 시작하고 '/짝만남 그만'으로 멈춰요."
)
NET_PAIRING_JOINED = (
    "짝만남에 참여하셨어요. 매달 1일에 다른 업종의 회원사를 알려 드릴게요. "
    "연락처는 소개를 양쪽이 수락한 뒤에만 전해요."
)
NET_PAIRING_LEFT = "짝만남을 멈췄어요. 언제든 '/짝만남 참여'로 다시 시작하실 수 있어요."
NET_THEME_OTHER = "서비스·건설·기타"


def net_pair_line(company: str, industry: str, groups: str, products: str | None) -> str:
    """A partner in a pairing message."""
    line = f"• {company} ({industry or '업종 미등록'}, {groups or '교류회 없음'})"
    return f"{line}\n  주요제품: {products}" if products else line


def net_pair_message(lines: Sequence[str]) -> str:
    """The monthly pairing message."""
    return "\n".join(
        [
            "이번 달 짝만남 상대예요. 다른 업종이라 서로 도울 일이 있을지도 몰라요.",
            *lines,
            "만나 보고 싶으시면 아래 버튼으로 소개를 요청해 주세요.",
        ]
    )


def net_stale_prompt(company: str) -> str:
    """The yearly prompt to confirm or update a profile."""
    return (
        f"{company}의 회원사 프로필을 1년 동안 확인하지 않으셨어요. 지금도 맞는지 봐 주시겠어요? "
        "'/프로필'로 내용을 볼 수 있어요."
    )


NET_PROFILE_FILL = "프로필 채우기"


def net_welcome_prompt(company: str, scope: str) -> str:
    """Once, to a member who joined the roster: fill in the company's networking profile."""
    quoted = f"'{scope}'"
    return (
        f"연합회에 오신 것을 환영해요. {company}의 회원사 프로필(주요제품, 공정/설비, 인증, "
        "찾는 것)을 채워 주시면 다른 업종 회원사와 협력 상대를 찾기 쉬워져요.\n"
        f"지금 공개 범위는 {with_particle(quoted, '이에요/예요')}. 공개 범위는 회원님이 "
        "정하시고, 연락처는 양쪽이 소개를 수락한 뒤에만 전해요. "
        "'/프로필'로 언제든 보실 수 있어요."
    )


def net_bad_month(month: str) -> str:
    """A month that is not YYYY-MM."""
    return f"'{month}'는 월로 읽을 수 없어요. 2026-03처럼 적어 주세요."


NET_REPORT_HEADER = (
    "교류회",
    "회원",
    "정례회",
    "참석률",
    "애로사항",
    "질문",
    "자문 요청",
    "소개 요청",
    "소개 성사",
    "성과",
)


def net_report_title(month: str) -> str:
    """The report table's title."""
    return f"{month} 교류회 활동 보고"


def net_subgroup_advice(group: str, members: int, themes: Sequence[str]) -> str:
    """The 분과 suggestion for a large group."""
    return (
        f"{with_particle(group, '은/는')} 회원이 {members}명이에요. "
        "15명이 넘으면 대화가 구체적이기 어려워요. "
        f"관련 업종끼리 분과를 나누어 보시면 어떨까요? 예: {'; '.join(themes)}"
    )


def net_round_done(key: str, parties: int, waiting: int) -> str:
    """What a pairing round did."""
    if parties == 0 and waiting == 0:
        return f"{key} 짝만남: 이미 진행했거나 참여한 회원사가 없어요."
    return (
        f"{key} 짝만남: {parties}팀에 알렸어요. "
        f"짝을 찾지 못한 회원사 {waiting}곳은 다음 달에 만나요."
    )


# ── suggestions nobody asked for ────────────────────────────────────────────────────────────
NET_SUGGEST_OFF = (
    "이제 새 회원사 추천과 다른 회원사의 구해요 글을 보내 드리지 않을게요. "
    "'/추천 받기'로 다시 받으실 수 있어요."
)
NET_SUGGEST_ON = "새 회원사 추천과 맞는 구해요 글을 다시 보내 드릴게요."
NET_SUGGEST_ABOUT = (
    "찾으시는 것에 맞는 회사가 새로 공개되면 한 번씩 알려 드려요. "
    "'/추천 그만'으로 멈추고 '/추천 받기'로 다시 받으실 수 있어요."
)


def net_suggest_new(company: str, industry: str, groups: str, products: str, wanted: str) -> str:
    """One suggestion: a newly findable company answers what the member seeks."""
    lines = [
        f"찾으시는 '{wanted}'에 맞을 만한 회원사가 새로 공개되었어요.",
        f"• {company} ({industry or '업종 미등록'}, {groups or '교류회 없음'})",
    ]
    if products:
        lines.append(f"  주요제품: {products}")
    lines.append(
        "관심 있으시면 아래 버튼으로 소개를 요청해 주세요. '/추천 그만'으로 이런 안내를 멈춰요."
    )
    return "\n".join(lines)
