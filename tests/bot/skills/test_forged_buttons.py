"""Forged button data: a button acts only on what was shown to the address that pressed it.

A modified client can send any action string. Each test forges the action of a button that
was shown to someone else (another person's 1:1 answer, another group's meeting or 애로사항) and
checks that nothing is shown or filed. On SQLite and (with TEST_DATABASE_URL) PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.difficulties import digest, items, nudges
from bot.federation import events, groups
from bot.messages import Button
from bot.schedule import rsvp
from bot.skills import ask, expert
from bot.storage.conversation_models import AnswerFeedback
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event
from bot.storage.ticket_models import Ticket
from tests.bot.skills.club import GUEST, LEADER, MEETING, MEMBER, ROOM, Club, rsvps, shared

NOTHING_THERE = (texts.CH_UNKNOWN_BUTTON, texts.CH_NO_ANSWER_YET, texts.CH_EXPERT_NEEDS_QUESTION)
SECRET_TITLE = "2026 지원사업 안내"  # the members-only source of the member's answer


def count(sessions: sessionmaker[Session], table: type) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


async def members_only_answer(club: Club, user: str, room: str | None = None) -> int:
    """``user`` asks about support programmes; the id in the buttons under the answer."""
    [answer] = await club.chat.say(user, "회원 지원사업 알려 주세요", room=room, mentioned=True)
    assert SECRET_TITLE in answer.text
    [helpful, *_] = answer.buttons
    return int(helpful.action.rsplit(":", 1)[1])


def forged(*actions: str) -> list[Button]:
    return [Button("위조", action) for action in actions]


async def test_someone_elses_1to1_answer_shows_no_titles_and_takes_no_feedback(
    club: Club,
) -> None:
    answer_id = await members_only_answer(club, MEMBER)
    presses = forged(
        ask.sources_action(answer_id),
        ask.feedback_action(answer_id, helpful=False),
        ask.feedback_action(answer_id, helpful=True),
        expert.expert_action(answer_id),
    )

    for intruder, room in ((GUEST, None), (LEADER, None), (GUEST, ROOM)):
        for press in presses:
            replies = await club.chat.press(intruder, press, room=room)
            said = "\n".join(reply.text for reply in replies)
            assert SECRET_TITLE not in said
            assert "지원사업" not in said
            assert said in NOTHING_THERE

    assert count(club.sessions, AnswerFeedback) == 0
    assert count(club.sessions, Ticket) == 0


async def test_the_person_answered_and_their_room_still_use_the_buttons(club: Club) -> None:
    dm_answer = await members_only_answer(club, MEMBER)
    room_answer = await members_only_answer(club, MEMBER, room=ROOM)

    [sources] = await club.chat.press(MEMBER, Button("출처", ask.sources_action(dm_answer)))
    # In a room, everyone there saw the answer and its buttons.
    [in_room] = await club.chat.press(
        LEADER, Button("출처", ask.sources_action(room_answer)), room=ROOM
    )
    await club.chat.press(
        LEADER, Button("👎", ask.feedback_action(room_answer, helpful=False)), room=ROOM
    )

    assert SECRET_TITLE in sources.text
    assert SECRET_TITLE in in_room.text
    assert count(club.sessions, AnswerFeedback) == 1


def other_groups_meeting(club: Club) -> tuple[int, int]:
    """저녁교류회 (a group the member is not in): its meeting and one 애로사항 there."""
    with club.sessions.begin() as session:
        federation = groups.the_federation(session)
        group = groups.add_group(session, federation=federation, name="저녁교류회", actor="t")
        meeting = events.add_event(
            session,
            federation=federation,
            group=group,
            kind="정례회",
            title="저녁교류회 비밀 안건 회의",
            starts_at=MEETING,
            actor="t",
        )
        item = items.share(
            session, group_id=group.id, member_id=None, text="자금난 상담", now=club.clock[0]
        )
        return meeting.id, item.id


async def test_rsvp_share_and_advise_buttons_of_another_group_change_nothing(club: Club) -> None:
    meeting_id, item_id = other_groups_meeting(club)
    with club.sessions() as session:
        meeting = session.get(Event, meeting_id)
        item = session.get(Difficulty, item_id)
        assert meeting is not None
        assert item is not None
        presses = forged(
            rsvp.rsvp_action(meeting, "yes"),
            rsvp.rsvp_action(meeting, "proxy"),
            nudges.share_action(meeting),
            digest.advise_action(item),
        )

    for press in presses:
        replies = await club.chat.press(MEMBER, press)
        said = "\n".join(reply.text for reply in replies)
        assert "비밀 안건" not in said
        assert "자금난" not in said
        assert not any(reply.edits_origin for reply in replies)
    # Had a forged button opened a step, this would be taken as an answer to it.
    await club.chat.say(MEMBER, "정과장")

    assert rsvps(club) == []
    assert shared(club) == [("자금난 상담", False)]
    assert count(club.sessions, Ticket) == 0


async def test_own_groups_buttons_still_work(club: Club) -> None:
    with club.sessions() as session:
        meeting = session.get(Event, club.meeting.id)
        assert meeting is not None
        share = Button("공유", nudges.share_action(meeting))
        yes = Button("참석", rsvp.rsvp_action(meeting, "yes"))

    await club.chat.press(MEMBER, yes)
    await club.chat.press(MEMBER, share)
    await club.chat.say(MEMBER, "인력 채용이 어려워요")

    assert rsvps(club) == [("참석", None)]
    assert ("인력 채용이 어려워요", False) in shared(club)
