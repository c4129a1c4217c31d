"""``/프로필``: the member walks through their company's networking profile, step by step.

Five text steps (주요제품, 공정/설비, 인증, 특허, 찾는 것), each answered by the next message or
kept with a button, then the kinds of partner sought (buttons that toggle), then who may find
the company (비공개 / 우리 교류회 / 연합회 전체), recorded with the date and the member. A member
who only looks and finds it right confirms it (asked once a year).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot import texts
from bot.dialog import ask_in
from bot.messages import Button, OutgoingMessage
from bot.network import profiles
from bot.network.profiles import SEEKING_TAGS, TEXT_FIELDS
from bot.skills.membership import member_of
from bot.skills.skill import Skill, Turn, reply
from bot.storage.federation_models import Company, Member
from bot.storage.network_models import SCOPES

START = "net:pf"
KEEP = "net:pk"
TOGGLE = "net:pt"
NEXT = "net:pn"
SCOPE = "net:ps"
FIELD_STEP = "net:pfs"
STEPS = len(TEXT_FIELDS) + 2
CLEAR_WORDS = frozenset({"없음", "없어요", "지우기"})

skill = Skill("network_profile")


@skill.command("프로필", "profile")
def show(turn: Turn) -> list[OutgoingMessage]:
    """The company's profile as others may see it, with 고치기 / 그대로 맞아요."""
    with turn.services.sessions() as session:
        found = _company(session, turn)
        if isinstance(found, str):
            return reply(found)
        _, company = found
        text = summary(session, company)
    return reply(
        text,
        Button(texts.NET_PROFILE_EDIT, f"{START}:go"),
        Button(texts.NET_PROFILE_OK, f"{START}:ok"),
    )


@skill.button(START)
def start(turn: Turn) -> list[OutgoingMessage]:
    """고치기 starts the walk; 그대로 맞아요 confirms the profile as it is."""
    with turn.services.sessions.begin() as session:
        found = _company(session, turn)
        if isinstance(found, str):
            return reply(found)
        _, company = found
        if turn.argument == "ok":
            profiles.confirm(session, company, now=turn.now)
            return reply(texts.NET_PROFILE_CONFIRMED)
        return [_ask_field(session, turn, company, 0)]


@skill.step(FIELD_STEP)
def field_given(turn: Turn) -> list[OutgoingMessage]:
    """The answer to a text step: save it, then ask the next step."""
    field = turn.argument
    if field not in TEXT_FIELDS:
        return reply(texts.MTG_BAD_ACTION)
    with turn.services.sessions.begin() as session:
        found = _company(session, turn)
        if isinstance(found, str):
            return reply(found)
        member, company = found
        value = turn.message.text.strip()
        profiles.update_field(
            session,
            company,
            field,
            None if value in CLEAR_WORDS else value,
            now=turn.now,
            actor=f"member:{member.id}",
        )
        return [_after(session, turn, company, field)]


@skill.button(KEEP)
def keep(turn: Turn) -> list[OutgoingMessage]:
    """ "그대로 두기": the next step without changing this one."""
    turn.services.dialog.drop(turn.address, FIELD_STEP)
    with turn.services.sessions.begin() as session:
        found = _company(session, turn)
        if isinstance(found, str):
            return reply(found)
        _, company = found
        if turn.argument not in TEXT_FIELDS:
            return reply(texts.MTG_BAD_ACTION)
        return [_after(session, turn, company, turn.argument)]


@skill.button(TOGGLE)
def toggle(turn: Turn) -> list[OutgoingMessage]:
    """Choose or drop one kind of partner sought; the message shows the choice."""
    with turn.services.sessions.begin() as session:
        found = _company(session, turn)
        if isinstance(found, str):
            return reply(found)
        member, company = found
        index = turn.number
        if index is None or index >= len(SEEKING_TAGS):
            return reply(texts.MTG_BAD_ACTION)
        chosen = set(profiles.ensure_profile(session, company.id, turn.now).seeking or ())
        chosen ^= {SEEKING_TAGS[index]}
        profiles.set_seeking(
            session, company, sorted(chosen), now=turn.now, actor=f"member:{member.id}"
        )
        message = _tags_message(session, company)
    return [OutgoingMessage(message.text, buttons=message.buttons, edits_origin=True)]


@skill.button(NEXT)
def to_scope(turn: Turn) -> list[OutgoingMessage]:
    """After the kinds of partner: who may find the company."""
    with turn.services.sessions() as session:
        found = _company(session, turn)
        if isinstance(found, str):
            return reply(found)
        _, company = found
        current = profiles.profile_of(session, company.id)
        scope = current.scope if current is not None else "private"
    buttons = tuple(Button(texts.NET_SCOPE_LABELS[name], f"{SCOPE}:{name}") for name in SCOPES)
    return reply(texts.net_profile_scope_ask(STEPS, texts.NET_SCOPE_LABELS[scope]), *buttons)


@skill.button(SCOPE)
def scope_chosen(turn: Turn) -> list[OutgoingMessage]:
    """The last step: record the consent (dated, by this member) and show the profile."""
    if turn.argument not in SCOPES:
        return reply(texts.MTG_BAD_ACTION)
    with turn.services.sessions.begin() as session:
        found = _company(session, turn)
        if isinstance(found, str):
            return reply(found)
        member, company = found
        profiles.set_scope(
            session, company, turn.argument, now=turn.now, actor=f"member:{member.id}", by=member
        )
        profiles.confirm(session, company, now=turn.now)
        text = summary(session, company)
    return reply(f"{texts.NET_PROFILE_SAVED}\n\n{text}")


def summary(session: Session, company: Company) -> str:
    """The profile as a few lines: facts, kinds of partner sought and who may find it."""
    profile = profiles.profile_of(session, company.id)
    values = {
        "products": company.products,
        "processes": company.processes,
        "certifications": company.certifications,
        "patents": profile.patents if profile else None,
        "looking_for": company.looking_for,
    }
    lines = [texts.net_profile_heading(company.name, company.ksic_name or "")]
    lines += [texts.net_profile_line(texts.NET_FIELD_LABELS[f], values[f]) for f in TEXT_FIELDS]
    seeking = ", ".join(profile.seeking or ()) if profile else ""
    lines.append(texts.net_profile_line(texts.NET_SEEKING_LABEL, seeking))
    scope = profile.scope if profile else "private"
    lines.append(
        texts.net_profile_scope(
            texts.NET_SCOPE_LABELS[scope],
            profile.scope_at if profile and profile.scope_at else None,
        )
    )
    return "\n".join(lines)


def _company(session: Session, turn: Turn) -> tuple[Member, Company] | str:
    member = member_of(session, turn.caller)
    if member is None:
        return texts.NET_NOT_LINKED
    if member.company is None:
        return texts.NET_NO_COMPANY
    return member, member.company


def _current(session: Session, company: Company, field: str) -> str | None:
    if field == "patents":
        profile = profiles.profile_of(session, company.id)
        return profile.patents if profile else None
    value = getattr(company, field)
    return str(value) if value else None


def _ask_field(session: Session, turn: Turn, company: Company, index: int) -> OutgoingMessage:
    field = TEXT_FIELDS[index]
    ask_in(session, turn.address, FIELD_STEP, field, turn.now)
    return OutgoingMessage(
        texts.net_profile_ask(
            index + 1, STEPS, texts.NET_FIELD_LABELS[field], _current(session, company, field)
        ),
        buttons=(Button(texts.NET_PROFILE_KEEP, f"{KEEP}:{field}"),),
    )


def _after(session: Session, turn: Turn, company: Company, field: str) -> OutgoingMessage:
    index = TEXT_FIELDS.index(field) + 1
    if index < len(TEXT_FIELDS):
        return _ask_field(session, turn, company, index)
    return _tags_message(session, company)


def _tags_message(session: Session, company: Company) -> OutgoingMessage:
    profile = profiles.profile_of(session, company.id)
    chosen = set(profile.seeking or ()) if profile else set()
    buttons = tuple(
        Button(f"✓ {tag}" if tag in chosen else tag, f"{TOGGLE}:{index}")
        for index, tag in enumerate(SEEKING_TAGS)
    )
    text = texts.net_profile_tags(STEPS - 1, STEPS, [t for t in SEEKING_TAGS if t in chosen])
    return OutgoingMessage(text, buttons=(*buttons, Button(texts.NET_PROFILE_NEXT, NEXT)))
