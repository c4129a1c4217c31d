"""Meetings in chat: RSVP buttons (대리참석 asks for a name), ``/일정`` and ``/참석현황``.

RSVP buttons come on the scheduler's reminders (:mod:`bot.schedule.rsvp` writes their actions);
a press answers with a confirmation and, where the platform can edit, the reminder with fresh
counts in place of the pressed one.
"""

from __future__ import annotations

from bot import texts
from bot.clock import format_kst
from bot.dialog import ask_in
from bot.difficulties import digest
from bot.federation import events
from bot.messages import Button, OutgoingMessage
from bot.schedule import content, rsvp
from bot.skills.membership import groups_of, home_group, leads, member_of
from bot.skills.skill import Skill, Turn, reply
from bot.storage.event_models import Event

SCHEDULE_ACTION = "mtg:schedule"
PROXY = "대리참석"

skill = Skill("meetings", menu=(Button(texts.CH_BUTTON_SCHEDULE, SCHEDULE_ACTION),))


@skill.command("일정", "schedule")
@skill.button(SCHEDULE_ACTION)
def schedule(turn: Turn) -> list[OutgoingMessage]:
    """``/일정``: the caller's groups' and federation-wide upcoming events, with calendar links."""
    calendar = turn.services.calendar
    with turn.services.sessions() as session:
        mine = groups_of(session, turn.address, member_of(session, turn.caller))
        found = events.upcoming(session, now=turn.now, groups=mine, limit=10)
        lines = [texts.MTG_SCHEDULE_HEADING] if found else [texts.MTG_NO_EVENTS]
        lines += [
            texts.mtg_schedule_line(
                e.title, format_kst(e.starts_at), e.place, calendar.event_link(e.id)
            )
            for e in found
        ]
        feeds = [link for link in map(calendar.group_link, sorted(mine)) if link]
        lines += [texts.mtg_feed_line(link) for link in feeds]
        return reply("\n".join(lines))


@skill.command("참석현황")
def attendance(turn: Turn) -> list[OutgoingMessage]:
    """``/참석현황``: the next meeting's answers, for the group's leader and 간사."""
    with turn.services.sessions() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.MTG_ATTENDANCE_NOT_LINKED)
        group_id = home_group(session, turn.address, member)
        if group_id is None or not leads(session, member, group_id):
            return reply(texts.MTG_LEADERS_ONLY)
        meeting = digest.next_meeting(session, group_id=group_id, now=turn.now)
        return reply(rsvp.rsvp_list(session, meeting) if meeting else texts.MTG_NO_MEETING)


@skill.button(rsvp.PREFIX)
def pressed(turn: Turn) -> list[OutgoingMessage]:
    """An RSVP button: record the answer (대리참석 first asks who attends instead)."""
    action = f"{rsvp.PREFIX}:{turn.argument}"
    decoded = rsvp.parse_action(action)
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        event = session.get(Event, decoded.event_id) if decoded is not None else None
        if (
            decoded is not None
            and decoded.status == PROXY
            and member is not None
            and event is not None
            and rsvp.may_answer(session, event, member)
        ):
            ask_in(session, turn.address, rsvp.PREFIX, turn.argument, turn.now)
            return reply(texts.MTG_PROXY_ASK)
        confirmation = rsvp.apply_rsvp(session, action=action, member=member, now=turn.now)
    return [OutgoingMessage(confirmation), *_refreshed(turn, decoded)]


@skill.step(rsvp.PREFIX)
def proxy_named(turn: Turn) -> list[OutgoingMessage]:
    """The answer to "who attends in your place?": 대리참석 with that name."""
    action = f"{rsvp.PREFIX}:{turn.argument}"
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        return reply(
            rsvp.apply_rsvp(
                session,
                action=action,
                member=member,
                now=turn.now,
                proxy_name=turn.message.text.strip(),
            )
        )


def _refreshed(turn: Turn, decoded: rsvp.RsvpAction | None) -> list[OutgoingMessage]:
    """The pressed reminder with fresh counts, to replace it where the platform can edit."""
    if decoded is None or decoded.status == PROXY:  # 대리참석 waits for the proxy's name
        return []
    with turn.services.sessions() as session:
        member = member_of(session, turn.caller)
        if member is None:  # a guest's press changed nothing
            return []
        event = session.get(Event, decoded.event_id)
        if (
            event is None
            or turn.now >= event.starts_at
            or not rsvp.may_answer(session, event, member)
        ):
            return []
        counts = events.rsvp_counts(session, event)
        return [content.refreshed_reminder(event, counts, now=turn.now)]
