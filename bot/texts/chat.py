"""What the bot says in conversation: small talk, the expert offer, help, buttons under
answers, feedback, expert requests, linking an account, and apologies when something failed.
"""

from __future__ import annotations

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
CH_HELP = (
    "저는 연합회 문서를 바탕으로 답해 드리는 도우미 '교류'예요. 이렇게 쓰실 수 있어요.\n"
    "• 궁금한 점을 그대로 적거나 /질문 뒤에 적어 주세요. 예: /질문 연회비는 얼마인가요?\n"
    "• /출처 — 방금 드린 답의 출처를 다시 보여 드려요.\n"
    "• /전문가 질문 — 자문위원께 질문을 전달해요(이름 없이: /전문가 익명 질문). "
    "접수 번호와 예상 답변일을 알려 드리고, 답이 오면 이 대화로 보내 드려요.\n"
    "• 자문위원께서는 /답변 번호 내용, /추가질문 번호 내용, /부재 12/24~12/31, "
    "/하루요약 켜기 를 쓰실 수 있어요.\n"
    "• /연결 초대코드 — 사무국에서 받은 초대 코드로 회원 계정을 연결해요.\n"
    "• /일정 — 다가오는 모임 일정을 보여 드려요.\n"
    "• /애로 내용 — 정례회에서 나눌 애로사항을 전해요. 모임방에서 애로사항 안내에 답하실 때도 "
    "이렇게 보내 주세요(이름 없이: /애로 익명 내용, 회장님·간사님은 /애로로 정리본).\n"
    "• /애로 목록 — 내가 나눈 애로사항과 번호를 보여 드려요. "
    "/애로 수정 번호 내용 으로 고치고, /애로 철회 번호 로 거둘 수 있어요.\n"
    "• /참석현황 — 회장님·간사님께 다음 정례회 참석 응답을 보여 드려요.\n"
    "• /찾기 무엇 — 협력할 회원사를 찾아 드려요. 예: /찾기 사출 가능한 곳\n"
    "• /소개 회사 이유 — 그 회사 대표님께 소개를 요청해요(양쪽이 수락해야 연락처를 전해요).\n"
    "• /구해요 내용 — 필요한 것을 맞는 회원사 몇 곳에 조용히 전해요.\n"
    "• /프로필 — 회사 프로필과 공개 범위(누구에게 보일지)를 고쳐요.\n"
    "• /짝만남 참여 — 매달 다른 업종의 회원사 한 곳을 짝으로 알려 드려요.\n"
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


def ch_linked(name: str) -> str:
    """An invite code linked this chat account to a member."""
    return f"{name}님, 회원 계정이 연결되었어요. 이제 회원 전용 자료도 답해 드릴 수 있어요."
