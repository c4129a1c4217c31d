"""Korean text of the ``gyoryu`` command line itself: help labels, usage errors, failures.

What the commands say about federation data lives in ``bot/texts/`` and about documents in
``ingest/texts.py``; this module holds what the command line says around them.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts import particle, with_particle

# ── Help screens (Typer's own labels) ───────────────────────────────────────────────────
USAGE_PREFIX = "사용법: "
OPTIONS_METAVAR = "[옵션]"
COMMAND_METAVAR = "명령 [인자]..."
ARGUMENTS_TITLE = "인자"
OPTIONS_TITLE = "옵션"
COMMANDS_TITLE = "명령"
DEFAULT_LABEL = "[기본값: {}]"
REQUIRED_LABEL = "[필수]"
ENVVAR_LABEL = "[환경 변수: {}]"
DEPRECATED_LABEL = "(더 이상 쓰지 않음) "
ERROR_TITLE = "오류"
HELP_OPTION = "이 도움말을 보여 줍니다."
HELP_POINTER = "자세한 도움말: [blue]'{command_path} {help_option}'[/]"
# The value types Typer shows beside each option.
TYPE_NAMES = {
    "str": "글자",
    "int": "정수",
    "int range": "정수",
    "float": "숫자",
    "path": "경로",
    "file": "파일",
    "list[str]": "글자...",
    "list[path]": "경로...",
}
# The positional arguments, by parameter name, as help screens and errors show them.
ARGUMENT_NAMES = {
    "advisor": "자문위원번호",
    "chat_id": "대화방ID",
    "company": "회원사",
    "end": "종료",
    "event": "행사번호",
    "federation_name": "연합회",
    "file": "파일",
    "group": "교류회",
    "hours": "시간대",
    "limit": "개수",
    "member": "회원",
    "name": "이름",
    "paths": "경로",
    "platform": "플랫폼",
    "query": "찾는말",
    "question": "질문",
    "request": "요청번호",
    "scope": "공개범위",
    "start": "시작",
    "status": "응답",
    "ticket": "상담번호",
    "title": "제목",
    "who": "회원또는회사",
}
# A yes/no question: what is shown after it, and the answers taken as yes (anything else is no).
CONFIRM_CHOICES = "[예/아니오]"
CONFIRM_YES = frozenset({"예", "네", "응", "y", "yes"})
ROOT_DEBUG = "오류가 나면 자세한 기술 정보(traceback)를 보여 줍니다."
ROOT_VERBOSE = "진행 기록(로그)을 자세히 보여 줍니다."

# ── Usage errors ────────────────────────────────────────────────────────────────────────
ABORTED = "취소했어요."
INTERRUPTED = "중단했어요."
MISSING_COMMAND = "실행할 명령을 적어 주세요."


def usage_hint(usage: str, command_path: str) -> str:
    """The second line under a usage error: how the command is written, where help is."""
    return f"{usage}  (자세히: {command_path} --help)"


def missing_argument(name: str, description: str | None) -> str:
    """A required argument was left out."""
    about = f"({description})" if description else ""
    return f"{name}{about}{particle(name, '을/를')} 적어 주세요."


def missing_option(name: str, description: str | None) -> str:
    """A required option was left out."""
    about = f"({description})" if description else ""
    return f"{name} 옵션{about}이 필요해요."


def no_such_option(name: str, suggestions: Sequence[str]) -> str:
    """An option the command does not have."""
    maybe = f" 혹시 {', '.join(suggestions)} 옵션을 쓰시려던 건가요?" if suggestions else ""
    return f"{with_particle(name, '이라는/라는')} 옵션은 없어요.{maybe}"


def no_such_command(name: str, suggestions: Sequence[str]) -> str:
    """A command that does not exist."""
    maybe = f" 혹시 {', '.join(suggestions)} 명령을 쓰시려던 건가요?" if suggestions else ""
    return f"'{name}'{particle(name, '이라는/라는')} 명령은 없어요.{maybe}"


def option_needs_value(name: str) -> str:
    """An option given without its value."""
    return f"{name} 옵션 뒤에 값을 적어 주세요."


def option_takes_no_value(name: str) -> str:
    """A flag given a value."""
    return f"{name} 옵션은 값 없이 씁니다."


def extra_arguments(extra: str) -> str:
    """More arguments than the command takes."""
    return f"필요 없는 값이 더 있어요: {extra}. 띄어쓰기가 든 값은 따옴표로 감싸 주세요."


def bad_value(name: str, reason: str) -> str:
    """An argument or option whose value is refused."""
    return f"{name} 값이 올바르지 않아요: {reason}"


def unknown_ticket_state(states: tuple[str, ...]) -> str:
    """``gyoryu tickets list --state`` with a state tickets never have."""
    return f"상담 상태는 {', '.join(states)} 가운데 하나로 적어 주세요."


def path_missing(path: str) -> str:
    """A file or folder argument that does not exist."""
    # A path's last sound is rarely Korean ('.csv'), so no particle has to agree with it.
    return f"'{path}' 경로에 파일이나 폴더가 없어요. 경로를 확인해 주세요."


def path_is_folder(path: str) -> str:
    """A folder where a file is needed."""
    return f"'{path}'{particle(str(path), '은/는')} 폴더예요. 파일을 지정해 주세요."


def path_is_file(path: str) -> str:
    """A file where a folder is needed."""
    return f"'{path}'{particle(str(path), '은/는')} 파일이에요. 폴더를 지정해 주세요."


def path_not_allowed(path: str) -> str:
    """A path the user may not read or write."""
    return f"'{path}'에 접근할 권한이 없어요."


NOT_AN_INTEGER = "정수(예: 7)를 적어 주세요."
NOT_A_NUMBER = "숫자를 적어 주세요."
NOT_A_YES_NO = "예/아니요(true/false)로 적어 주세요."


def at_least(limit: str) -> str:
    """A number under the option's minimum."""
    return f"{limit} 이상이어야 해요."


def at_most(limit: str) -> str:
    """A number over the option's maximum."""
    return f"{limit} 이하여야 해요."


# ── Expected failures while a command runs ──────────────────────────────────────────────
DEBUG_HINT = "자세한 기술 정보는 --debug를 붙여 다시 실행하면 볼 수 있어요."
UNEXPECTED = (
    "예상하지 못한 오류가 났어요. 프로그램 결함일 수 있으니 아래 내용을 개발팀에 알려 주세요."
)
DATABASE_URL_INVALID = (
    "DATABASE_URL을 읽지 못했어요. 예: postgresql+psycopg://사용자:암호@호스트:5432/gyoryu "
    "(비워 두면 데이터 폴더의 SQLite를 써요)."
)
CHROMA_UNREACHABLE = (
    "Chroma 서버에 연결하지 못했어요. CHROMA_HOST·CHROMA_PORT 설정과 서버가 켜져 있는지 "
    "확인해 주세요(비워 두면 데이터 폴더 안의 Chroma를 써요)."
)
BAD_ENCODING = "파일의 글자 인코딩을 읽지 못했어요. UTF-8 또는 CP949(엑셀 기본)로 저장해 주세요."
BAD_SPREADSHEET = "엑셀 파일을 열지 못했어요. 손상되지 않은 .xlsx 파일인지 확인해 주세요."


def database_unreachable(reason: str) -> str:
    """The database server is down, refuses us, or the SQLite file cannot be written."""
    return (
        f"데이터베이스에 연결하지 못했어요({reason}). DATABASE_URL 설정과 데이터베이스 서버가 "
        "켜져 있는지 확인해 주세요."
    )


def bad_setting(key: str, reason: str) -> str:
    """A setting from the environment or .env that has the wrong shape."""
    return f"설정 {key}의 값이 올바르지 않아요({reason}). .env 파일이나 환경 변수를 확인해 주세요."


def file_missing(path: str) -> str:
    """A file the command needs is not there."""
    return f"파일이나 폴더를 찾을 수 없어요: {path}"


def file_not_allowed(path: str) -> str:
    """A file the command may not read or write."""
    return f"권한이 없어 열 수 없어요: {path}"


def file_is_folder(path: str) -> str:
    """A folder where a file is needed."""
    return f"파일이 아니라 폴더예요: {path}"


def database_driver_missing(dialect: str) -> str:
    """DATABASE_URL names a kind of database whose driver is not installed."""
    return (
        f"DATABASE_URL의 데이터베이스 종류({dialect})에 필요한 드라이버가 설치되어 있지 않아요. "
        "교류는 PostgreSQL(postgresql+psycopg://…)과 SQLite(sqlite:///…)를 써요."
    )


# Why a file operation failed, by errno, in place of the system's English wording.
NOT_A_FOLDER = "폴더가 있어야 할 자리에 파일이 있어요"
DISK_FULL = "디스크 공간이 부족해요"
READ_ONLY = "읽기 전용 위치예요"
NAME_TOO_LONG = "경로가 너무 길어요"


def file_failed(path: str, reason: str) -> str:
    """Any other operating-system failure on a file (disk full, …)."""
    return f"파일을 읽거나 쓰지 못했어요({reason}): {path}"


# ── gyoryu serve ─────────────────────────────────────────────────────────────────────────
PORT_TAKEN = "다른 프로그램이 이미 그 포트를 쓰고 있어요"
PORT_FORBIDDEN = "1024보다 작은 포트는 관리자 권한이 필요해요"
ADDRESS_NOT_HERE = "이 컴퓨터의 주소가 아니에요"


def cannot_listen(host: str, port: int, reason: str) -> str:
    """The server cannot open its address."""
    return f"{host}:{port}에서 요청을 받을 수 없어요({reason}). --host나 --port를 바꿔 주세요."
