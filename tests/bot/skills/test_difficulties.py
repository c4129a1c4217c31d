"""애로사항 in chat: sharing by the prompt's button and by ``/애로``, the leaders' digest and its
advisor buttons, opting out of nudges, and members listing, rewording and withdrawing their own.

Short conversations through the in-memory channel, on SQLite and (with TEST_DATABASE_URL)
PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select

from bot import texts
from bot.difficulties import nudges
from bot.messages import Button
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event
from bot.storage.ticket_models import Ticket
from tests.bot.skills.club import LEADER, MEMBER, ROOM, Club, shared


def items(club: Club) -> list[tuple[int, str, str | None, bool]]:
    """(id, text, field, withdrawn) of every stored item, oldest first."""
    with club.sessions() as session:
        found = session.scalars(select(Difficulty).order_by(Difficulty.id))
        return [(d.id, d.text, d.field, d.withdrawn_at is not None) for d in found]


async def test_sharing_a_difficulty_by_button_and_by_command(club: Club) -> None:
    with club.sessions() as session:
        prompt = nudges.prompt_message(session, session.get(Event, club.meeting.id) or club.meeting)
    assert prompt is not None

    [ask] = await club.chat.press(MEMBER, prompt.buttons[0], room=ROOM)
    assert ask.text == texts.DIFF_SHARE_ASK
    [saved] = await club.chat.say(MEMBER, "외국인 근로자 고용 허가 절차가 너무 길어요", room=ROOM)
    assert saved.text.startswith("애로사항을 잘 받았어요")

    [by_command] = await club.chat.say(MEMBER, "/애로 공유 수출 대금 환전 수수료가 부담돼요")
    [anonymous] = await club.chat.say(MEMBER, "/애로 익명 대표 가업 승계 세금이 걱정이에요")

    assert by_command.text.startswith("애로사항을 잘 받았어요")
    assert "이름은 사무국만 볼 수 있어요" in anonymous.text
    assert shared(club) == [
        ("외국인 근로자 고용 허가 절차가 너무 길어요", False),
        ("수출 대금 환전 수수료가 부담돼요", False),
        ("대표 가업 승계 세금이 걱정이에요", True),
    ]


async def test_the_leader_sees_the_digest_and_a_member_sees_their_own_items(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 수출 대금 환전 수수료가 부담돼요")

    [digest] = await club.chat.say(LEADER, "/애로")
    [own] = await club.chat.say(MEMBER, "/애로")

    assert "새벽교류회" in digest.text
    assert "수출 대금 환전 수수료가 부담돼요" in digest.text
    assert digest.buttons  # one "hand to an advisor" button per item
    assert own.text.startswith(texts.DIFF_OWN_HEADING)
    assert "수출 대금 환전 수수료가 부담돼요" in own.text


async def test_opting_out_of_nudges(club: Club) -> None:
    [reply] = await club.chat.press(MEMBER, Button("안내 그만 받기", nudges.OPT_OUT_ACTION))

    assert reply.text == texts.DIFF_OPTED_OUT


async def test_the_leader_hands_a_digest_item_to_an_advisor(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 부가세 신고를 처음 해 봐서 막막해요")
    [digest] = await club.chat.say(LEADER, "/애로")

    [refused] = await club.chat.press(MEMBER, digest.buttons[0])
    [handed] = await club.chat.press(LEADER, digest.buttons[0])

    assert refused.text == texts.DIFF_ADVISE_LEADERS_ONLY
    assert "전문가 상담 #1로 접수했어요" in handed.text
    assert "분야: 세무" in handed.text
    with club.sessions() as session:
        opened = session.scalars(select(Ticket)).all()
    assert [t.question for t in opened] == ["부가세 신고를 처음 해 봐서 막막해요"]


async def test_a_member_lists_their_items_with_numbers(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 수출 대금 환전 수수료가 부담돼요")
    await club.chat.say(MEMBER, "/애로 익명 대표 가업 승계 세금이 걱정이에요")
    await club.chat.say(LEADER, "/애로 공유 공장 임대료가 너무 올랐어요")
    (first, *_), (second, *_), _ = items(club)

    [listing] = await club.chat.say(MEMBER, "/애로 목록")

    assert listing.text.splitlines() == [
        texts.DIFF_LIST_HEADING,
        f"{first}. 수출 대금 환전 수수료가 부담돼요",
        f"{second}. 대표 가업 승계 세금이 걱정이에요 (익명)",
        "",
        texts.DIFF_LIST_HOW,
    ]
    assert "공장 임대료" not in listing.text  # only one's own items


async def test_an_empty_list_says_how_to_share(club: Club) -> None:
    [listing] = await club.chat.say(MEMBER, "/애로 목록")

    assert listing.text == f"{texts.DIFF_NONE_YET}\n{texts.DIFF_HOW_TO_SHARE}"


async def test_the_author_rewords_an_item_and_its_field_is_guessed_again(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 요즘 좀 힘들어요")
    [(number, _, _, _)] = items(club)

    [reply] = await club.chat.say(
        MEMBER, f"/애로 수정 {number} 부가세 신고를 처음 해 봐서 막막해요"
    )

    [(_, text, field, withdrawn)] = items(club)
    assert text == "부가세 신고를 처음 해 봐서 막막해요"
    assert not withdrawn
    assert reply.text == texts.diff_edited(field)
    [listing] = await club.chat.say(MEMBER, "/애로 목록")
    assert f"{number}. 부가세 신고를 처음 해 봐서 막막해요" in listing.text


async def test_the_author_withdraws_an_item_and_it_leaves_the_digest(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 수출 대금 환전 수수료가 부담돼요")
    [(number, *_)] = items(club)

    [reply] = await club.chat.say(MEMBER, f"/애로 철회 {number}")
    [again] = await club.chat.say(MEMBER, f"/애로 철회 {number}")
    [listing] = await club.chat.say(MEMBER, "/애로 목록")
    [digest] = await club.chat.say(LEADER, "/애로")

    assert reply.text == texts.DIFF_WITHDRAWN
    assert again.text == texts.DIFF_NOT_FOUND
    assert listing.text.startswith(texts.DIFF_NONE_YET)
    assert "환전 수수료" not in digest.text
    assert [withdrawn for *_, withdrawn in items(club)] == [True]


async def test_someone_else_cannot_edit_or_withdraw_it(club: Club) -> None:
    await club.chat.say(MEMBER, "/애로 공유 수출 대금 환전 수수료가 부담돼요")
    [(number, *_)] = items(club)

    # Not even the group's leader: only the author may change what they wrote.
    [edit] = await club.chat.say(LEADER, f"/애로 수정 {number} 다른 내용이에요")
    [withdraw] = await club.chat.say(LEADER, f"/애로 철회 {number}", room=ROOM)

    assert edit.text == texts.DIFF_NOT_AUTHOR
    assert withdraw.text == texts.DIFF_NOT_AUTHOR
    assert [(text, withdrawn) for _, text, _, withdrawn in items(club)] == [
        ("수출 대금 환전 수수료가 부담돼요", False)
    ]


async def test_unknown_numbers_and_missing_parts_get_usage_hints(club: Club) -> None:
    [no_number] = await club.chat.say(MEMBER, "/애로 수정 새 내용만 적었어요")
    [no_text] = await club.chat.say(MEMBER, "/애로 수정 3")
    [no_id] = await club.chat.say(MEMBER, "/애로 철회")
    [unknown] = await club.chat.say(MEMBER, "/애로 철회 999")

    assert no_number.text == no_text.text == texts.DIFF_EDIT_USAGE
    assert no_id.text == texts.DIFF_WITHDRAW_USAGE
    assert unknown.text == texts.DIFF_NOT_FOUND


async def test_a_bare_difficulty_command_in_the_group_room_shares_it(club: Club) -> None:
    # The prompt asks the room for 애로사항; a member answers right there with /애로 <내용>.
    [saved] = await club.chat.say(
        MEMBER, "/애로 외국인 근로자 고용 허가 절차가 너무 길어요", room=ROOM
    )
    [listing] = await club.chat.say(MEMBER, "/애로 목록")

    assert saved.text.startswith("애로사항을 잘 받았어요")
    [(number, text, _, _)] = items(club)
    assert text == "외국인 근로자 고용 허가 절차가 너무 길어요"
    assert f"{number}. 외국인 근로자 고용 허가 절차가 너무 길어요" in listing.text
    [digest] = await club.chat.say(LEADER, "/애로 정리", room=ROOM)  # a request, not an item
    assert "외국인 근로자 고용 허가" in digest.text
    assert len(items(club)) == 1


async def test_the_prompt_and_help_tell_members_how_to_answer(club: Club) -> None:
    [help_] = await club.chat.say(MEMBER, "/도움말")

    assert "/애로 내용" in texts.diff_prompt("새벽교류회", "3월 10일(화) 오후 7시")
    assert "/애로 목록" in help_.text
    assert "/애로 수정" in help_.text
    assert "/애로 철회" in help_.text
