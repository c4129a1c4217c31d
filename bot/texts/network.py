"""What members and the secretariat hear about networking: partner search, profiles and consent,
introductions, needs, pairing rounds, outcome follow-ups and the group health report.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def net_roster_scope(word: str) -> str:
    """A roster row whose 공개 범위 cell is unknown."""
    return f"공개 범위 '{word}'는 비공개·교류회·연합회 가운데 하나여야 해요."
