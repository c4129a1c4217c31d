"""What the channels say around the conversation: the console's prompt and greetings, Kakao's
waiting and "ask again" texts, and the start-up report of which channels are live.
"""

from __future__ import annotations

CHAT_PROMPT = "질문> "
CHAT_QUIT = "/종료"
CHAT_QUIT_WORDS = frozenset({CHAT_QUIT, "/끝", "/그만", "/quit", "/exit", "/q"})
"""Also end the console chat: what a first-time user tries before reading the greeting."""
CHAT_STARTING = (
    "교류를 준비하고 있어요. 잠시만 기다려 주세요(처음에는 예시 문서를 읽느라 10초쯤 걸려요)…"
)
CHAT_SAMPLE_LOADED = "데이터 폴더에 문서가 없어서 예시 연합회 문서를 불러왔어요."
CHAT_GREETING = (
    "안녕하세요, 이업종교류연합회 도우미 '교류'예요. 회칙, 행사 일정, 지원사업에 대해 "
    f"물어보세요. 마치시려면 {CHAT_QUIT} 라고 입력해 주세요."
)
CHAT_GOODBYE = "이용해 주셔서 감사합니다. 또 찾아 주세요."
# KakaoTalk skill: the waiting text while a callback answer is prepared, the reply when the answer
# misses Kakao's 5-second window without a callback, and the note under a cut-off long answer.
CH_KAKAO_WAITING = "답변을 준비하고 있어요. 잠시만 기다려 주세요."
CH_KAKAO_TRY_AGAIN = (
    "답변을 찾는 데 시간이 조금 걸리고 있어요. 잠시 후 같은 질문을 다시 물어봐 주세요."
)
CH_KAKAO_CUT_NOTICE = "(내용이 길어 여기까지만 보여 드려요. 궁금한 부분을 이어서 물어봐 주세요.)"


def ch_channel_live(name: str, how: str) -> str:
    """Start-up report: a channel is serving."""
    return f"{name}: 켜짐 ({how})"


CH_CHANNEL_NOT_IN_VERSION = "이 버전에는 아직 없는 채널이에요"
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


SERVE_STARTING = "교류 서버를 준비하고 있어요(문서 색인과 한국어 분석기를 여느라 몇 초 걸려요)…"
SERVE_STOPPED = "서버를 멈췄어요. 이용해 주셔서 감사합니다."
SERVE_POLLING_ONE_WORKER = (
    "텔레그램 롱 폴링은 프로세스 하나로만 받을 수 있어요. --workers 없이 시작하거나, "
    "웹훅(TELEGRAM_WEBHOOK_SECRET)으로 바꿔 주세요."
)


def serve_workers(count: int) -> str:
    """The start-up line of a server that answers with several processes on one port."""
    return f"서버 프로세스 {count}개가 같은 포트에서 요청을 나눠 받아요(각자 문서 색인을 열어요)."


def serve_listening(host: str, port: int) -> str:
    """The line that says the server is up and where it listens."""
    return f"http://{host}:{port} 에서 요청을 받고 있어요. 멈추려면 Ctrl+C를 눌러 주세요."


def chat_speaking_as(name: str) -> str:
    """The console says whose account it speaks with (``gyoryu chat --as``)."""
    return f"{name} 회원님의 계정으로 대화해요. 회원만 쓰는 기능도 시험해 보실 수 있어요."
