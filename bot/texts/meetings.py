"""What members hear about meetings and 애로사항: reminders, RSVP buttons and confirmations, the
leaders' lists and digests, prompts, nudges, and each refusal before an account is linked.
"""

from __future__ import annotations

from bot.texts.josa import with_particle

MTG_RSVP_LABELS = {"yes": "참석", "no": "불참", "maybe": "미정", "proxy": "대리참석"}
MTG_NOTHING_TO_SEND = "보낼 내용 없음"
"""Why a planned send was dropped at send time (shown in the list of sends that did not go out)."""
MTG_OUTCOME_UNKNOWN = (
    "전달 여부 불확실: 플랫폼의 응답이 없어 다시 보내지 않았어요. 방에서 확인해 주세요"
)
"""Why a send is listed although it may have arrived: the platform never answered the request."""
MTG_NO_CHANNEL = (
    "보낼 수 있는 채널이 없음: 이 채널이 서버에서 꺼져 있거나, 봇이 먼저 말을 걸 수 없는 대화예요"
)
"""Why a send failed for good: no running channel can reach its room (shown to the secretariat
instead of the exception's English name)."""
# Why a send failed, as the secretariat reads it (console 사유 column, `gyoryu events failures`):
# what happened and what to do. The platform's own words stay in a secondary 기술 정보 line.
MTG_REASON_REMOVED = (
    "봇이 대화방에서 내보내졌거나 대화방에 없어요. "
    "대화방에 봇을 다시 초대해 주시면 다음 메시지부터 전해져요."
)
MTG_REASON_BLOCKED = (
    "받는 분이 봇을 차단했거나 봇과의 대화를 시작하지 않아 보낼 수 없어요. "
    "받는 분께 봇과의 대화를 다시 시작해 달라고 부탁해 주세요."
)
MTG_REASON_ROOM_GONE = (
    "대화방이나 받는 분의 계정을 찾을 수 없어요. 삭제되었거나 주소가 바뀌었을 수 있으니 "
    "교류회에 연결된 대화방이 맞는지 확인해 주세요."
)
MTG_REASON_ARCHIVED = (
    "보관된 채널이라 보낼 수 없어요. 채널 보관을 해제하거나, 새 채널에 봇을 초대해 "
    "교류회에 연결해 주세요."
)
MTG_REASON_REFUSED = (
    "플랫폼이 이 대화방으로 보내는 것을 거절했어요. "
    "봇이 대화방에 있고 메시지를 쓸 권한이 있는지 확인해 주세요."
)
MTG_REASON_RETRYING = "잠시 보내지 못했어요. 조금 뒤에 자동으로 다시 보낼게요."
MTG_REASON_GAVE_UP = (
    "여러 번 보내 봤지만 보내지 못했어요. 채널이 잘 연결되어 있는지 확인해 주시고, "
    "계속 그러면 기술 정보와 함께 담당자에게 알려 주세요."
)
MTG_EVENT_CANCELLED_NOTE = "행사 취소"
"""Why a planned reminder was dropped: its event was cancelled."""
MTG_RSVP_NO_ANSWER = "미응답"
MTG_RSVP_DELETED_MEMBER = "(삭제된 회원)"
MTG_RSVP_ASK = "참석 여부를 아래 버튼으로 알려 주세요."
MTG_EVENT_GONE = "이 행사는 취소되었거나 찾을 수 없어요."
MTG_ALREADY_STARTED = "이미 시작된 행사라 참석 응답을 바꿀 수 없어요."
# Who may do what before their chat account is linked: each refusal names its own reason
# and how to link (the invite code from the secretariat, sent as "/연결 코드").
MTG_HOW_TO_LINK = (
    "사무국에서 받은 초대 코드를 '/연결 초대코드'처럼 보내 계정을 연결해 주세요. "
    "코드가 없으시면 사무국에 요청해 주세요."
)
MTG_NOT_LINKED = f"참석 응답은 회원 계정이 연결된 분만 하실 수 있어요. {MTG_HOW_TO_LINK}"
MTG_ATTENDANCE_NOT_LINKED = (
    f"참석 현황은 계정을 연결한 회장님과 간사님께 보여 드려요. {MTG_HOW_TO_LINK}"
)
DIFF_NOT_LINKED = (
    "애로사항은 회원 계정이 연결된 분만 나누실 수 있어요. 정례회 안건으로 회장님과 간사님께 "
    f"전해 드리려면 어느 회원님의 이야기인지 알아야 하거든요. {MTG_HOW_TO_LINK}"
)
DIFF_ADVISE_NOT_LINKED = (
    f"자문위원 연결은 계정을 연결한 회장님과 간사님만 요청하실 수 있어요. {MTG_HOW_TO_LINK}"
)
DIFF_OPT_OUT_NOT_LINKED = (
    "애로사항 안내는 계정이 연결된 회원님께만 따로 보내 드려요. "
    "지금은 받으실 안내가 없으니 그만 받기를 하지 않으셔도 괜찮아요."
)
MTG_BAD_ACTION = "버튼 정보를 읽지 못했어요. 최신 안내 메시지의 버튼을 다시 눌러 주세요."
MTG_NO_FAILURES = "보내지 못한 예약 메시지가 없어요."
DIFF_SHARE_BUTTON = "애로사항 나누기"
DIFF_OPT_OUT_BUTTON = "안내 그만 받기"
DIFF_OPTED_OUT = "알겠어요. 앞으로 애로사항 안내는 따로 보내 드리지 않을게요."
DIFF_EMPTY_TEXT = "어떤 어려움인지 한두 문장으로 적어 주세요."
DIFF_WITHDRAWN = "애로사항을 철회했어요. 정리본에서도 빠져요."
DIFF_NOT_AUTHOR = "본인이 쓰신 애로사항만 고치거나 철회할 수 있어요."
DIFF_NOT_FOUND = "해당 애로사항을 찾을 수 없어요. 이미 철회되었을 수 있어요."
DIFF_NONE_YET = "아직 나눠 주신 애로사항이 없어요."
DIFF_ANONYMOUS = "익명"
DIFF_UNSORTED = "기타"
DIFF_NO_DOCUMENTS = "관련 자료: 아직 없음 (자문위원 연결을 권해요)"
MTG_PROXY_ASK = "대신 참석하실 분의 성함을 다음 메시지로 적어 주세요."
MTG_NO_EVENTS = "다가오는 일정이 아직 없어요."
MTG_SCHEDULE_HEADING = "다가오는 일정이에요."
MTG_NO_MEETING = "다가오는 정례회가 아직 없어요."
MTG_LEADERS_ONLY = "참석 현황은 회장님과 간사님만 보실 수 있어요."
MTG_NO_GROUP = "소속 분과를 찾지 못했어요. 사무국에 분과 가입을 요청해 주세요."
DIFF_SHARE_ASK = (
    "나누실 애로사항을 다음 메시지로 적어 주세요. "
    "이름을 빼고 전하시려면 '/애로 익명 내용'으로 보내 주세요."
)
DIFF_HOW_TO_SHARE = (
    "애로사항은 '/애로 공유 내용'으로 나눠 주세요. "
    "이름 없이 전하시려면 '/애로 익명 내용'으로 보내 주시면 돼요."
)
DIFF_OWN_HEADING = "이번 정례회에 나눠 주신 애로사항이에요."
DIFF_ADVISE_LEADERS_ONLY = "자문위원 연결은 회장님과 간사님만 요청하실 수 있어요."
DIFF_LIST_HEADING = "나눠 주신 애로사항이에요. 앞의 번호로 고치거나 철회하실 수 있어요."
DIFF_LIST_HOW = "고치기: '/애로 수정 번호 새 내용' · 철회: '/애로 철회 번호'"
DIFF_EDIT_USAGE = (
    "고칠 애로사항의 번호와 새 내용을 함께 적어 주세요. 예: /애로 수정 3 새 내용 "
    "(번호는 '/애로 목록'에서 보실 수 있어요)"
)
DIFF_WITHDRAW_USAGE = (
    "철회할 애로사항의 번호를 적어 주세요. 예: /애로 철회 3 "
    "(번호는 '/애로 목록'에서 보실 수 있어요)"
)


def diff_list_line(number: int, text: str, anonymous: bool) -> str:
    """One of the member's own items in ``/애로 목록``, with the number to edit it by."""
    return f"{number}. {text}" + (f" ({DIFF_ANONYMOUS})" if anonymous else "")


def diff_edited(field: str | None) -> str:
    """Confirmation after a member reworded their item."""
    where = f"(분야: {field})" if field else ""
    return f"애로사항을 고쳐 두었어요{where}. 정리본에도 고친 내용으로 들어가요."


def mtg_schedule_line(title: str, when: str, place: str | None, link: str | None) -> str:
    """One event in the ``/일정`` list, with its calendar file when the server is public."""
    line = f"• {when} {title}" + (f" ({place})" if place else "")
    return line + (f"\n  캘린더에 추가: {link}" if link else "")


def mtg_feed_line(link: str) -> str:
    """Under ``/일정``: the group's calendar feed, to subscribe to once."""
    return f"\n휴대폰 캘린더에서 분과 일정을 구독하시려면: {link}"


def mtg_notices_queued(rooms: int) -> str:
    """After editing or deleting an event in the CLI: how many rooms will be told."""
    return f"안내 메시지를 방 {rooms}곳에 보내도록 예약했어요."


def diff_own_line(text: str) -> str:
    """One of the member's own items in the ``/애로`` reply."""
    return f"• {text}"


def mtg_day_phrase(days: int) -> str:
    """How far off a meeting is, in words: 0 → ``오늘``, 1 → ``내일``, 7 → ``일주일 뒤``."""
    named = {0: "오늘", 1: "내일", 2: "모레", 7: "일주일 뒤"}
    return named.get(days, f"{days}일 뒤")


def mtg_reminder(title: str, phrase: str, when: str, place: str | None, agenda: str | None) -> str:
    """The reminder posted into a group's rooms."""
    lines = [f"[모임 안내] {with_particle(title, '이/가')} {phrase} 열려요.", f"· 일시: {when}"]
    if place:
        lines.append(f"· 장소: {place}")
    if agenda:
        lines.append(f"· 안건: {agenda}")
    return "\n".join([*lines, "", MTG_RSVP_ASK])


def mtg_rsvp_tally(counts: dict[str, int]) -> str:
    """The answers so far, shown under a reminder after each RSVP (e.g. "참석 3명 · 불참 1명")."""
    shown = " · ".join(f"{status} {count}명" for status, count in counts.items())
    return f"지금까지 응답: {shown}"


def mtg_changed(title: str, when: str, place: str | None) -> str:
    """The one notice sent to each room when an event changes."""
    lines = [
        f"[일정 변경] {title} 일정이 바뀌었어요. 바뀐 내용을 확인해 주세요.",
        f"· 일시: {when}",
    ]
    if place:
        lines.append(f"· 장소: {place}")
    return "\n".join([*lines, "", "참석 여부가 달라지셨다면 아래 버튼으로 다시 알려 주세요."])


def mtg_cancelled(title: str, when: str) -> str:
    """The one notice sent to each room when an event is cancelled."""
    return (
        f"[행사 취소] {when}에 예정되었던 {with_particle(title, '이/가')} 취소되었어요. "
        "일정에 참고해 주세요."
    )


def mtg_rsvp_done(status: str, title: str, when: str, proxy_name: str | None) -> str:
    """Confirmation after a member pressed an RSVP button."""
    if status == "참석":
        return f"참석으로 알려 주셨어요. {when} {title}에서 뵐게요!"
    if status == "불참":
        return f"불참으로 기록했어요. 아쉽지만 다음 모임에서 뵐게요. ({when} {title})"
    if status == "대리참석":
        return f"{proxy_name}님의 대리참석으로 기록했어요. ({when} {title})"
    return f"미정으로 기록했어요. 정해지면 버튼을 다시 눌러 주세요. ({when} {title})"


def mtg_moved_note(when: str) -> str:
    """Added to an RSVP confirmation when the button came from before a date change."""
    return f"참고로 이 행사는 {with_particle(when, '으로/로')} 일정이 바뀌었어요."


def mtg_rsvp_list_heading(title: str, when: str) -> str:
    """First line of the RSVP list for the leader and 간사."""
    return f"[참석 현황] {when} {title}"


def mtg_rsvp_list_line(status: str, names: list[str]) -> str:
    """One line of the RSVP list: ``참석 3명: 김민수, 이영희, 박철수``."""
    shown = ", ".join(names) if names else "없음"
    return f"· {status} {len(names)}명: {shown}"


def mtg_failure_line(when: str, platform: str, where: str, kind: str, error: str) -> str:
    """One failed send in the secretariat's list."""
    return f"· {when} {platform} {where} ({kind}): {error}"


def mtg_failure_detail(detail: str) -> str:
    """The platform's own words under a failed send, for whoever looks into it."""
    return f"  기술 정보: {detail}"


def mtg_failures_heading(count: int) -> str:
    """Heading of the secretariat's list of failed sends."""
    return f"보내지 못한 예약 메시지가 {count}건 있어요. 건마다 적힌 사유를 보고 조치해 주세요."


def diff_prompt(group: str, when: str) -> str:
    """The friendly prompt posted before a 정례회 asking for difficulties."""
    return (
        f"[애로사항 나눔] {group} 여러분, {when} 정례회를 앞두고 요즘 사업하시며 겪는 어려움을 "
        "나눠 주세요. 세무, 노무, 자금, 판로, 수출 무엇이든 좋아요. 모인 내용은 회장님과 "
        "간사님이 안건으로 정리하고, 필요하면 자문위원께 연결해 드려요. 이 방에 '/애로 내용'으로 "
        "적어 주시거나 저에게 1:1로 보내 주셔도 되고, '/애로 익명 내용'으로 나누실 수도 있어요."
    )


def diff_nudge(name: str, when: str) -> str:
    """The single gentle DM to a member who has not shared anything yet."""
    return (
        f"{name}님, {when} 정례회 전에 함께 나누고 싶은 애로사항이 있으신가요? "
        "한 줄이라도 괜찮아요. 이 안내는 이번 모임에 한 번만 드려요."
    )


def diff_saved(field: str | None, anonymous: bool) -> str:
    """Confirmation after a member shared a difficulty."""
    where = f"(분야: {field})" if field else ""
    text = f"애로사항을 잘 받았어요{where}. 정례회 전에 회장님과 간사님께 정리해 전달할게요."
    return text + (" 이름은 사무국만 볼 수 있어요." if anonymous else "")


def diff_digest_heading(group: str, when: str, count: int) -> str:
    """First line of the digest for the leader and 간사."""
    return f"[애로사항 정리] {group} · {when} 정례회 안건용 ({count}건)"


def diff_field_heading(field: str, count: int) -> str:
    """A field's heading inside the digest."""
    return f"■ {field} ({count}건)"


def diff_item_line(number: int, text: str, author: str) -> str:
    """One difficulty inside the digest."""
    return f"{number}. {text} — {author}"


def diff_related(sources: list[str]) -> str:
    """The documents the knowledge base already has on an item."""
    return "   관련 자료: " + "; ".join(sources)


def diff_advise_button(number: int) -> str:
    """Button label that hands one digest item to an advisor."""
    return f"{number}번 자문 요청"


def mtg_rsvp_proxy(name: str, proxy: str) -> str:
    """A member in the RSVP list who sends someone in their place."""
    return f"{name}(대리: {proxy})"


CALENDAR_LINK_FIRST = (
    "어느 교류회의 정례회인지 알려면 회원 계정 연결이 필요해요. 사무국에서 받은 초대 코드로 "
    "/연결 초대코드 를 보내 주시면 소속 교류회의 다음 정례회를 알려 드릴게요. "
    "연합회 전체 행사는 /일정 으로 보실 수 있어요."
)
"""A "다음 정례회 언제예요?" from someone not linked to a member: whose group is not known."""
CALENDAR_SOURCE_TITLE = "연합회 일정(사무국 등록)"
"""The source named under an answer taken from the calendar the secretariat keeps."""


def calendar_answer(title: str, when: str, place: str | None) -> str:
    """The answer to "다음 정례회 언제예요?": the event, its KST time and place, and the RSVP."""
    where = f" {place}에서" if place else ""
    return (
        f"{with_particle(title, '은/는')} {when}{where} 열려요. "
        "참석 여부는 모임 알림의 버튼으로 알려 주세요. 다른 일정은 /일정 으로 보실 수 있어요."
    )


def calendar_already_held(
    title: str, when: str, following: tuple[str, str, str | None] | None
) -> str:
    """ "이번 달 정례회 어디서 해요?" after it was held: when it was, and the next one."""
    said = f"{with_particle(title, '은/는')} 이미 {when}에 열렸어요."
    if following is None:
        return f"{said} 다음 일정은 아직 잡히지 않았어요."
    name, at, place = following
    where = f" {place}에서" if place else ""
    return f"{said} 다음은 {with_particle(name, '이/가')} {at}{where} 열려요."
