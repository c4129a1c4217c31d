"""A member's personal data, table by table: what they may see (열람권) and what erasure does.

:data:`HOLDINGS` declares, for every table that holds data about a member, how to find their
rows (their member id, or the chat accounts linked to them), how to show those rows to them, and
how to erase them. A test walks the schema and fails when a table with a member or chat-account
column has no entry here, so a new table cannot quietly escape export or erasure.

Erasure deletes what is personal; rows that feed anonymous figures (attendance, answer quality,
👍/👎) stay with every identifying column and every free text cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, delete, false, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot import texts
from bot.clock import KST
from bot.federation import audit
from bot.federation.members import GROUP_ROLES
from bot.storage.admin_models import ConsoleAdmin, ConsoleLoginLink, ConsoleSession
from bot.storage.audit_models import AuditEntry
from bot.storage.conversation_models import (
    AnswerFeedback,
    AnswerRecord,
    ExpertRequest,
    InboundMessage,
)
from bot.storage.dialog_models import DialogStep
from bot.storage.difficulty_models import Difficulty, NudgeOptOut
from bot.storage.event_models import Event, Rsvp
from bot.storage.federation_models import Advisor, AdvisorGroup, Company, Member, Membership
from bot.storage.identity_models import ChatIdentity, InviteCode
from bot.storage.network_models import (
    Introduction,
    NeedNote,
    NetworkPrefs,
    NetworkProfile,
)
from bot.storage.network_models import Need as NetworkNeed
from bot.storage.room_models import RoomSighting
from bot.storage.schedule_models import ScheduledMessage
from bot.storage.ticket_models import Ticket

# What an erased person's chat account becomes in rows kept for anonymous figures.
ERASED = "erased"

Row = dict[str, Any]
Erasure = Literal["delete", "anonymise"]


@dataclass(frozen=True, slots=True)
class Subject:
    """The member whose data is looked up, with the chat accounts linked to them."""

    member: Member
    accounts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, session: Session, member: Member) -> Subject:
        """The member and every chat account (verified or pending) linked to them."""
        rows = session.execute(
            select(ChatIdentity.platform, ChatIdentity.platform_user_id).where(
                ChatIdentity.member_id == member.id
            )
        )
        return cls(member, tuple((platform, user) for platform, user in rows))

    def by_account(
        self, platform: InstrumentedAttribute[str], user: InstrumentedAttribute[str]
    ) -> ColumnElement[bool]:
        """A filter for rows written by (or to) one of the member's chat accounts."""
        if not self.accounts:
            return false()
        return or_(*(and_(platform == p, user == u) for p, u in self.accounts))


@dataclass(frozen=True, slots=True)
class Holding:
    """How one table holds a member's data: found by ``found_by``, shown and erased.

    ``found_by`` names what ties a row to the member: ``member`` (a member id column),
    ``account`` (a chat account's platform and user id), ``audit`` (entries about or by them).
    ``erasure`` says whether rows are deleted or kept anonymised for figures.
    """

    table: str
    found_by: tuple[Literal["member", "account", "audit"], ...]
    erasure: Erasure
    export: Callable[[Session, Subject], list[Row]]
    erase: Callable[[Session, Subject], None]


def _when(moment: datetime | date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, datetime):
        return f"{moment.astimezone(KST):%Y-%m-%d %H:%M} KST"
    return moment.isoformat()


# ── members and their federation records ───────────────────────────────────────────────


def _member_rows(session: Session, subject: Subject) -> list[Row]:
    member = subject.member
    return [
        {
            "id": member.id,
            "name": member.name,
            "title": member.title,
            "company": member.company.name if member.company else None,
            "phone": member.phone,
            "email": member.email,
            "is_admin": member.is_admin,
            "consent_at": _when(member.consent_at),
            "consent_scope": member.consent_scope,
            "consent_withdrawn_at": _when(member.consent_withdrawn_at),
        }
    ]


def _erase_member(session: Session, subject: Subject) -> None:
    session.delete(subject.member)


def _membership_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(Membership).where(Membership.member_id == subject.member.id).order_by(Membership.id)
    )
    return [
        {"group": m.group.name, "role": GROUP_ROLES[m.role], "joined_on": _when(m.joined_on)}
        for m in rows
    ]


def _erase_memberships(session: Session, subject: Subject) -> None:
    session.execute(delete(Membership).where(Membership.member_id == subject.member.id))


def _advisor_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(select(Advisor).where(Advisor.member_id == subject.member.id))
    return [
        {"fields": a.fields, "affiliation": a.affiliation, "availability": a.availability}
        for a in rows
    ]


def _erase_advisor(session: Session, subject: Subject) -> None:
    ids = select(Advisor.id).where(Advisor.member_id == subject.member.id)
    session.execute(delete(AdvisorGroup).where(AdvisorGroup.advisor_id.in_(ids)))
    session.execute(delete(Advisor).where(Advisor.member_id == subject.member.id))


def _identity_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(ChatIdentity)
        .where(ChatIdentity.member_id == subject.member.id)
        .order_by(ChatIdentity.id)
    )
    return [
        {
            "platform": i.platform,
            "user_id": i.platform_user_id,
            "status": i.status,
            "display_name": i.display_name,
            "note": i.note,
            "created_at": _when(i.created_at),
            "verified_at": _when(i.verified_at),
        }
        for i in rows
    ]


def _erase_identities(session: Session, subject: Subject) -> None:
    session.execute(delete(ChatIdentity).where(ChatIdentity.member_id == subject.member.id))


def _invite_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(InviteCode).where(InviteCode.member_id == subject.member.id).order_by(InviteCode.id)
    )
    # The code's hash is no information for a person; when and by whom it was issued is.
    return [
        {
            "issued_by": i.issued_by,
            "issued_at": _when(i.issued_at),
            "expires_at": _when(i.expires_at),
            "used_at": _when(i.used_at),
        }
        for i in rows
    ]


def _erase_invites(session: Session, subject: Subject) -> None:
    session.execute(delete(InviteCode).where(InviteCode.member_id == subject.member.id))


def _rsvp_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.execute(
        select(Rsvp, Event)
        .join(Event, Event.id == Rsvp.event_id)
        .where(Rsvp.member_id == subject.member.id)
        .order_by(Event.starts_at)
    )
    return [
        {
            "event": f"{event.title} ({_when(event.starts_at)})",
            "answer": rsvp.status,
            "proxy_name": rsvp.proxy_name,
            "updated_at": _when(rsvp.updated_at),
        }
        for rsvp, event in rows
    ]


def _erase_rsvps(session: Session, subject: Subject) -> None:
    # Attendance figures stay: the answer is kept without the member or the proxy's name.
    session.execute(
        update(Rsvp)
        .where(Rsvp.member_id == subject.member.id)
        .values(member_id=None, proxy_name=None)
    )


# ── 애로사항 and reminders ─────────────────────────────────────────────────────────────────


def _difficulty_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(Difficulty).where(Difficulty.member_id == subject.member.id).order_by(Difficulty.id)
    )
    return [
        {
            "text": d.text,
            "field": d.field,
            "anonymous": d.anonymous,
            "created_at": _when(d.created_at),
            "updated_at": _when(d.updated_at),
            "withdrawn_at": _when(d.withdrawn_at),
        }
        for d in rows
    ]


def _erase_difficulties(session: Session, subject: Subject) -> None:
    shared = list(
        session.scalars(select(Difficulty.text).where(Difficulty.member_id == subject.member.id))
    )
    # A leader may have handed an item to an advisor: that request carries the item's text
    # under the leader's account, so the copy is cleared too.
    if shared:
        session.execute(
            update(ExpertRequest)
            .where(ExpertRequest.question.in_(shared))
            .values(question=texts.PIPA_ERASED_TEXT)
        )
    session.execute(delete(Difficulty).where(Difficulty.member_id == subject.member.id))


def _opt_out_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(select(NudgeOptOut).where(NudgeOptOut.member_id == subject.member.id))
    return [{"created_at": _when(o.at)} for o in rows]


def _erase_opt_outs(session: Session, subject: Subject) -> None:
    session.execute(delete(NudgeOptOut).where(NudgeOptOut.member_id == subject.member.id))


def _to_them(subject: Subject) -> ColumnElement[bool]:
    """Scheduled messages meant for the member: by member id, or DMs to one of their accounts."""
    direct = and_(
        ScheduledMessage.is_group.is_(False),
        subject.by_account(ScheduledMessage.platform, ScheduledMessage.user),
    )
    return or_(ScheduledMessage.member_id == subject.member.id, direct)


def _scheduled_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(ScheduledMessage).where(_to_them(subject)).order_by(ScheduledMessage.due_at)
    )
    return [
        {
            "kind": m.kind,
            "platform": m.platform,
            "due_at": _when(m.due_at),
            "status": m.state,
        }
        for m in rows
    ]


def _erase_scheduled(session: Session, subject: Subject) -> None:
    session.execute(delete(ScheduledMessage).where(_to_them(subject)))


# ── conversations ──────────────────────────────────────────────────────────────────────


def _inbound_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(InboundMessage)
        .where(subject.by_account(InboundMessage.platform, InboundMessage.user_id))
        .order_by(InboundMessage.received_at, InboundMessage.id)
    )
    return [
        {
            "platform": m.platform,
            "conversation": m.conversation,
            "text": m.text,
            "button": m.action,
            "display_name": m.display_name,
            "created_at": _when(m.received_at),
        }
        for m in rows
    ]


def _erase_inbound(session: Session, subject: Subject) -> None:
    session.execute(
        delete(InboundMessage).where(
            subject.by_account(InboundMessage.platform, InboundMessage.user_id)
        )
    )


def _answer_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(AnswerRecord)
        .where(subject.by_account(AnswerRecord.platform, AnswerRecord.user_id))
        .order_by(AnswerRecord.id)
    )
    return [
        {
            "id": a.id,
            "question": a.question,
            "answered": a.text,
            "confident": a.confident,
            "field": a.route,
            "created_at": _when(a.created_at),
        }
        for a in rows
    ]


def _erase_answers(session: Session, subject: Subject) -> None:
    # Kept for answer-quality figures (answered from the documents or not, which field),
    # without the question, the reply or whose they were.
    session.execute(
        update(AnswerRecord)
        .where(subject.by_account(AnswerRecord.platform, AnswerRecord.user_id))
        .values(user_id=ERASED, conversation=None, question="", text="", inbound_id=None)
    )


def _feedback_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(AnswerFeedback)
        .where(subject.by_account(AnswerFeedback.platform, AnswerFeedback.user_id))
        .order_by(AnswerFeedback.id)
    )
    return [
        {
            "answer_id": f.answer_id,
            "verdict": texts.PIPA_HELPFUL if f.verdict > 0 else texts.PIPA_UNHELPFUL,
            "created_at": _when(f.created_at),
        }
        for f in rows
    ]


def _erase_feedback(session: Session, subject: Subject) -> None:
    # The 👍/👎 count stays; each kept verdict gets its own anonymous owner (one per answer).
    rows = session.scalars(
        select(AnswerFeedback).where(
            subject.by_account(AnswerFeedback.platform, AnswerFeedback.user_id)
        )
    )
    for row in rows:
        row.user_id = f"{ERASED}:{row.id}"


def _expert_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(ExpertRequest)
        .where(subject.by_account(ExpertRequest.platform, ExpertRequest.user_id))
        .order_by(ExpertRequest.id)
    )
    return [
        {
            "question": r.question,
            "field": r.field,
            "status": r.status,
            "created_at": _when(r.created_at),
        }
        for r in rows
    ]


def _erase_expert_requests(session: Session, subject: Subject) -> None:
    session.execute(
        delete(ExpertRequest).where(
            subject.by_account(ExpertRequest.platform, ExpertRequest.user_id)
        )
    )


def _tickets_of(session: Session, subject: Subject) -> list[Ticket]:
    mine = or_(
        Ticket.member_id == subject.member.id, subject.by_account(Ticket.platform, Ticket.user_id)
    )
    return list(session.scalars(select(Ticket).where(mine).order_by(Ticket.id)))


def _ticket_rows(session: Session, subject: Subject) -> list[Row]:
    return [
        {
            "id": t.id,
            "question": t.question,
            "field": t.field,
            "status": t.state,
            "anonymous": t.anonymous,
            "created_at": _when(t.asked_at),
            "relayed": [
                f"{texts.PIPA_AUTHORS.get(m.author, m.author)} {_when(m.at)}: {m.text}"
                for m in t.messages
            ],
            "verdict": {1: texts.PIPA_HELPFUL, -1: texts.PIPA_UNHELPFUL}.get(t.rating or 0),
        }
        for t in _tickets_of(session, subject)
    ]


def _erase_tickets(session: Session, subject: Subject) -> None:
    # The question, the relays, the rating and every queued message about the ticket go; an
    # approved FAQ card stays (it is masked and belongs to the federation's knowledge).
    for ticket in _tickets_of(session, subject):
        if ticket.advisor is not None:  # its holder's morning digests quoted the question
            session.execute(
                delete(ScheduledMessage).where(
                    ScheduledMessage.kind == "tdigest",
                    ScheduledMessage.member_id == ticket.advisor.member_id,
                )
            )
        session.execute(
            delete(ScheduledMessage).where(
                ScheduledMessage.key.startswith(f"ticket:{ticket.id}:", autoescape=True)
            )
        )
        session.delete(ticket)


def _step_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(DialogStep).where(subject.by_account(DialogStep.platform, DialogStep.user_id))
    )
    return [
        {"platform": s.platform, "waiting_for": s.action, "created_at": _when(s.asked_at)}
        for s in rows
    ]


def _erase_steps(session: Session, subject: Subject) -> None:
    session.execute(
        delete(DialogStep).where(subject.by_account(DialogStep.platform, DialogStep.user_id))
    )


def _sighting_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(RoomSighting)
        .where(subject.by_account(RoomSighting.platform, RoomSighting.user_id))
        .order_by(RoomSighting.id)
    )
    return [
        {"platform": r.platform, "conversation": r.chat_id, "created_at": _when(r.first_seen_at)}
        for r in rows
    ]


def _erase_sightings(session: Session, subject: Subject) -> None:
    session.execute(
        delete(RoomSighting).where(subject.by_account(RoomSighting.platform, RoomSighting.user_id))
    )


# ── networking: consent given, settings, introductions, needs ───────────────────────────


def _network_profile_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(NetworkProfile).where(NetworkProfile.scope_by == subject.member.id)
    )
    return [
        {
            "company": _company_name(session, p.company_id),
            "scope": p.scope,
            "consent_at": _when(p.scope_at),
        }
        for p in rows
    ]


def _erase_network_profiles(session: Session, subject: Subject) -> None:
    # The company's consent stays (it is the company's); only who gave it is forgotten.
    session.execute(
        update(NetworkProfile)
        .where(NetworkProfile.scope_by == subject.member.id)
        .values(scope_by=None)
    )


def _network_prefs_rows(session: Session, subject: Subject) -> list[Row]:
    prefs = session.get(NetworkPrefs, subject.member.id)
    if prefs is None:
        return []
    return [
        {
            "intro_quota": prefs.intro_quota,
            "suggestions": prefs.suggestions,
            "pairing": prefs.pairing,
            "profile_due_at": _when(prefs.profile_due_at),
            "profile_asked_at": _when(prefs.profile_asked_at),
        }
    ]


def _erase_network_prefs(session: Session, subject: Subject) -> None:
    session.execute(delete(NetworkPrefs).where(NetworkPrefs.member_id == subject.member.id))


def _intro_rows(session: Session, subject: Subject) -> list[Row]:
    member_id = subject.member.id
    rows = session.scalars(
        select(Introduction)
        .where(or_(Introduction.asker_id == member_id, Introduction.target_id == member_id))
        .order_by(Introduction.id)
    )
    return [
        {
            "created_at": _when(i.created_at),
            "asked_by": _company_name(session, i.asker_company_id),
            "asked_to": _company_name(session, i.target_company_id),
            "text": i.reason,
            "status": i.state,
            "outcome": i.outcome,
        }
        for i in rows
    ]


def _erase_intros(session: Session, subject: Subject) -> None:
    # The pair of companies stays, so a declined pair is not proposed again and counts hold.
    member_id = subject.member.id
    session.execute(
        update(Introduction)
        .where(Introduction.asker_id == member_id)
        .values(asker_id=None, reason=None)
    )
    session.execute(
        update(Introduction).where(Introduction.target_id == member_id).values(target_id=None)
    )


def _need_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(NetworkNeed)
        .where(NetworkNeed.member_id == subject.member.id)
        .order_by(NetworkNeed.id)
    )
    return [
        {
            "created_at": _when(n.created_at),
            "text": n.text,
            "expires_at": _when(n.expires_at),
            "closed_at": _when(n.closed_at),
        }
        for n in rows
    ]


def _erase_needs(session: Session, subject: Subject) -> None:
    session.execute(delete(NetworkNeed).where(NetworkNeed.member_id == subject.member.id))


def _need_note_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(NeedNote).where(NeedNote.member_id == subject.member.id).order_by(NeedNote.id)
    )
    return [
        {"company": _company_name(session, n.company_id), "interested": n.interested} for n in rows
    ]


def _erase_need_notes(session: Session, subject: Subject) -> None:
    session.execute(
        update(NeedNote).where(NeedNote.member_id == subject.member.id).values(member_id=None)
    )


def _company_name(session: Session, company_id: int | None) -> str | None:
    company = session.get(Company, company_id) if company_id is not None else None
    return company.name if company is not None else None


def _console_admin_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(
        select(ConsoleAdmin)
        .where(ConsoleAdmin.member_id == subject.member.id)
        .order_by(ConsoleAdmin.id)
    )
    return [
        {
            "group": r.group.name if r.group is not None else None,
            "issued_by": r.created_by,
            "created_at": _when(r.created_at),
        }
        for r in rows
    ]


def _erase_console_admins(session: Session, subject: Subject) -> None:
    # Their log-in links and sessions go with them (they name the admin row, not the member).
    admins = select(ConsoleAdmin.id).where(ConsoleAdmin.member_id == subject.member.id)
    session.execute(delete(ConsoleLoginLink).where(ConsoleLoginLink.admin_id.in_(admins)))
    session.execute(delete(ConsoleSession).where(ConsoleSession.admin_id.in_(admins)))
    session.execute(delete(ConsoleAdmin).where(ConsoleAdmin.member_id == subject.member.id))


# ── the audit log ──────────────────────────────────────────────────────────────────────


def _about_or_by(subject: Subject) -> ColumnElement[bool]:
    member_id = subject.member.id
    about = and_(AuditEntry.entity == "member", AuditEntry.entity_id == member_id)
    return or_(about, AuditEntry.actor == f"member:{member_id}")


def _audit_rows(session: Session, subject: Subject) -> list[Row]:
    rows = session.scalars(select(AuditEntry).where(_about_or_by(subject)).order_by(AuditEntry.id))
    return [
        {
            "created_at": _when(e.at),
            "action": e.action,
            "entity": e.entity,
            "actor": e.actor,
        }
        for e in rows
    ]


def _erase_audit(session: Session, subject: Subject) -> None:
    # The log keeps that something happened, not to whom: details go, the actor is neutral.
    member_id = subject.member.id
    audit.forget_actor(session, actor=f"member:{member_id}")
    for entry in audit.entries_for(session, entity="member", entity_id=member_id):
        entry.detail = {}


HOLDINGS: Sequence[Holding] = (
    Holding("audit_log", ("audit",), "anonymise", _audit_rows, _erase_audit),
    Holding("memberships", ("member",), "delete", _membership_rows, _erase_memberships),
    Holding("advisors", ("member",), "delete", _advisor_rows, _erase_advisor),
    Holding("invite_codes", ("member",), "delete", _invite_rows, _erase_invites),
    Holding("rsvps", ("member",), "anonymise", _rsvp_rows, _erase_rsvps),
    Holding("difficulties", ("member",), "delete", _difficulty_rows, _erase_difficulties),
    Holding("nudge_opt_outs", ("member",), "delete", _opt_out_rows, _erase_opt_outs),
    Holding(
        "scheduled_messages",
        ("member", "account"),
        "delete",
        _scheduled_rows,
        _erase_scheduled,
    ),
    Holding("inbound_messages", ("account",), "delete", _inbound_rows, _erase_inbound),
    Holding("answers", ("account",), "anonymise", _answer_rows, _erase_answers),
    Holding("answer_feedback", ("account",), "anonymise", _feedback_rows, _erase_feedback),
    Holding("expert_requests", ("account",), "delete", _expert_rows, _erase_expert_requests),
    Holding("tickets", ("member", "account"), "delete", _ticket_rows, _erase_tickets),
    Holding("dialog_steps", ("account",), "delete", _step_rows, _erase_steps),
    Holding("room_sightings", ("account",), "delete", _sighting_rows, _erase_sightings),
    Holding(
        "network_profiles",
        ("member",),
        "anonymise",
        _network_profile_rows,
        _erase_network_profiles,
    ),
    Holding("network_prefs", ("member",), "delete", _network_prefs_rows, _erase_network_prefs),
    Holding("network_introductions", ("member",), "anonymise", _intro_rows, _erase_intros),
    Holding("network_need_notes", ("member",), "anonymise", _need_note_rows, _erase_need_notes),
    Holding("network_needs", ("member",), "delete", _need_rows, _erase_needs),
    Holding("console_admins", ("member",), "delete", _console_admin_rows, _erase_console_admins),
    # The accounts are what the rows above are found by, so they go after them.
    Holding("chat_identities", ("member", "account"), "delete", _identity_rows, _erase_identities),
    Holding("members", ("member",), "delete", _member_rows, _erase_member),
)
"""Every table holding a member's data, in the order erasure goes through them."""

# The export shows the person first, then their groups, then everything else.
_EXPORT_ORDER = ("members", "memberships", "advisors", "chat_identities")


def export(session: Session, member: Member) -> dict[str, Any]:
    """Everything stored about ``member``, under Korean headings and field names (열람권)."""
    subject = Subject.of(session, member)
    by_table = {holding.table: holding for holding in HOLDINGS}
    order = [*_EXPORT_ORDER, *(h.table for h in HOLDINGS if h.table not in _EXPORT_ORDER)]
    shown: dict[str, Any] = {}
    for table in order:
        rows = [_labelled(row) for row in by_table[table].export(session, subject)]
        heading = texts.PIPA_SECTIONS[table]
        if table == "members":
            shown[heading] = rows[0]
        elif table == "advisors":
            shown[heading] = rows[0] if rows else None
        else:
            shown[heading] = rows
    return shown


def erase(session: Session, member: Member, *, actor: str) -> None:
    """Erase ``member``'s personal data from every table in :data:`HOLDINGS` (PIPA 삭제권)."""
    subject = Subject.of(session, member)
    member_id = member.id
    for holding in HOLDINGS:
        holding.erase(session, subject)
    session.flush()
    audit.record(session, actor=actor, action="erase", entity="member", entity_id=member_id)


def _labelled(row: Row) -> Row:
    return {texts.PIPA_FIELDS[key]: value for key, value in row.items()}
