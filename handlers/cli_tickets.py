"""``gyoryu tickets …``, ``gyoryu gaps`` and the advisor commands of 전문가 상담.

Only parsing and printing here; the work is in :mod:`bot.routing` (use-cases that audit in the
same transaction). ``advisors invite|away|conflict`` join the existing ``advisors`` group.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

import typer

from handlers import cli_texts
from handlers.cli_output import AsJson, Wide

tickets_app = typer.Typer(help=cli_texts.TICKETS_HELP, no_args_is_help=True)

_TICKET = typer.Argument(help=cli_texts.TICKET_HELP)
_ADVISOR = typer.Argument(help=cli_texts.ADVISOR_ID_HELP)


def _iso(moment: datetime | None) -> str | None:
    from bot.clock import KST

    return moment.astimezone(KST).isoformat(timespec="minutes") if moment else None


@tickets_app.command("list")
def list_tickets(
    state: Annotated[str | None, typer.Option("--state", help=cli_texts.TICKET_STATE_HELP)] = None,
    as_json: AsJson = False,
    wide: Wide = False,
) -> None:
    """전문가 상담 목록을 보여 줍니다."""
    from bot.clock import utcnow
    from bot.secretariat import expert
    from bot.storage.ticket_models import TICKET_STATES
    from handlers import texts
    from handlers.cli_support import table, transaction

    if state is not None and state not in TICKET_STATES:
        raise typer.BadParameter(texts.unknown_ticket_state(TICKET_STATES), param_hint="--state")
    with transaction() as session:
        found = expert.ticket_list(session, now=utcnow(), scope=None, state=state, limit=None)
    records = [
        {
            "id": t.id,
            "state": t.state,
            "field": t.field,
            "advisor": t.advisor_id,
            "asked_at": _iso(t.asked_at),
            "anonymous": t.anonymous,
            "question": t.question,
        }
        for t in reversed(found)  # oldest first, as numbered
    ]
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    header = cli_texts.TICKET_COLUMNS
    rows = [
        (
            r["id"],
            r["state"],
            r["field"],
            r["advisor"] or cli_texts.NO_ADVISOR,
            r["asked_at"],
            r["question"],
        )
        for r in records
    ]
    table(cli_texts.TICKETS_TITLE, header, rows, wide=wide)


@tickets_app.command("show")
def show_ticket(ticket: Annotated[int, _TICKET], as_json: AsJson = False) -> None:
    """상담 한 건의 내용과 주고받은 메시지, 변경 기록을 보여 줍니다."""
    from bot.federation import audit
    from bot.routing import tickets
    from handlers.cli_support import table, transaction

    with transaction() as session:
        found = tickets.get(session, ticket)
        record: dict[str, Any] = {
            "id": found.id,
            "state": found.state,
            "field": found.field,
            "advisor": found.advisor_id,
            "asked_at": _iso(found.asked_at),
            "anonymous": found.anonymous,
            "question": found.question,
            "messages": [
                {"kind": m.kind, "author": m.author, "at": _iso(m.at), "text": m.text}
                for m in found.messages
            ],
            "history": [
                {"at": _iso(e.at), "actor": e.actor, "action": e.action, **e.detail}
                for e in audit.entries_for(session, entity="ticket", entity_id=found.id)
            ],
        }
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    rows = [(k, record[k]) for k in ("id", "state", "field", "advisor", "asked_at", "question")]
    rows += [(f"{m['kind']} ({m['at']})", m["text"]) for m in record["messages"]]
    rows += [
        (h["at"], f"{h['action']} {h.get('after', '')} {h.get('reason', '')}")
        for h in record["history"]
    ]
    table(cli_texts.ticket_heading(found.id), cli_texts.FIELD_COLUMNS, rows)


@tickets_app.command("assign")
def assign_ticket(ticket: Annotated[int, _TICKET], advisor: Annotated[int, _ADVISOR]) -> None:
    """상담을 지정한 자문위원에게 배정합니다(자문위원에게 바로 알림이 갑니다)."""
    from bot.clock import utcnow
    from bot.routing import tickets
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        tickets.assign(session, ticket_id=ticket, advisor_id=advisor, actor=actor(), now=utcnow())
    console.print(cli_texts.ticket_assigned(ticket, advisor))


@tickets_app.command("approve")
def approve_ticket(
    ticket: Annotated[int, _TICKET],
    expires: Annotated[str | None, typer.Option("--expires", help=cli_texts.EXPIRES_HELP)] = None,
) -> None:
    """답변을 FAQ 카드로 승인합니다(개인정보는 가리고, 바로 답변에 쓰입니다)."""
    from bot.clock import utcnow
    from bot.routing import cards
    from bot.secretariat.expert import parse_day
    from handlers.cli_support import actor, console, transaction

    until = parse_day(expires) if expires else None
    with transaction() as session:
        card = cards.approve(session, ticket_id=ticket, actor=actor(), now=utcnow(), expires=until)
        console.print(
            cli_texts.card_approved(card.id, card.advisor_label, card.expires_on.isoformat())
        )


def gaps(as_json: AsJson = False) -> None:
    """답하지 못한 질문, 낮게 평가된 답변, 기한이 지난 상담을 보여 줍니다."""
    from bot.clock import utcnow
    from bot.routing import gaps as found_gaps
    from handlers.cli_support import table, transaction

    with transaction() as session:
        found = found_gaps.gaps(session, now=utcnow())
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    table(
        cli_texts.UNANSWERED_TITLE,
        cli_texts.UNANSWERED_COLUMNS,
        [(r["question"], r["field"], r["times"], r["last_asked"]) for r in found["unanswered"]],
    )
    table(
        cli_texts.LOW_RATED_TITLE,
        cli_texts.LOW_RATED_COLUMNS,
        [(r["kind"], r["id"], r["question"], r["field"]) for r in found["low_rated"]],
    )
    table(
        cli_texts.OVERDUE_TITLE,
        cli_texts.OVERDUE_COLUMNS,
        [
            (r["id"], r["state"], r["field"], r["advisor"], r["business_days"])
            for r in found["overdue"]
        ],
    )


@tickets_app.command("sla")
def sla_settings(
    field: Annotated[str | None, typer.Option("--field", help=cli_texts.SLA_FIELD_HELP)] = None,
    remind: Annotated[int | None, typer.Option("--remind", help=cli_texts.SLA_REMIND_HELP)] = None,
    reassign: Annotated[
        int | None, typer.Option("--reassign", help=cli_texts.SLA_REASSIGN_HELP)
    ] = None,
    escalate: Annotated[
        int | None, typer.Option("--escalate", help=cli_texts.SLA_ESCALATE_HELP)
    ] = None,
    as_json: AsJson = False,
) -> None:
    """분야별 응답 기한을 봅니다. --field 와 단계를 주면 그 분야의 기한을 바꿉니다."""
    from bot.federation.errors import FederationError
    from bot.secretariat import expert
    from handlers.cli_support import actor, table, transaction

    changes = (remind, reassign, escalate)
    if field is None and any(step is not None for step in changes):
        raise FederationError(cli_texts.SLA_NEEDS_FIELD)
    with transaction() as session:
        if field is not None:
            expert.set_sla(
                session,
                field=field,
                remind=remind,
                reassign=reassign,
                escalate=escalate,
                actor=actor(),
            )
        lines = expert.sla_settings(session)
    rows = [(x.field, x.remind, x.reassign, x.escalate) for x in lines]
    table(
        cli_texts.SLA_TITLE, cli_texts.SLA_COLUMNS, rows, as_json=as_json, keys=cli_texts.SLA_KEYS
    )


def invite_advisor(advisor: Annotated[int, _ADVISOR]) -> None:
    """자문위원의 대화 계정 연결용 일회용 코드를 발급합니다(/연결 코드)."""
    from bot import clock, texts
    from bot.federation import linking
    from bot.federation.errors import NotFoundError
    from bot.storage.federation_models import Advisor
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        found = session.get(Advisor, advisor)
        if found is None:
            raise NotFoundError(texts.fed_not_found(texts.FED_KIND_ADVISOR, str(advisor)))
        code, expires = linking.issue_invite(
            session, member=found.member, actor=actor(), now=clock.kst_now()
        )
        console.print(texts.fed_invite_issued(found.member.name, code, clock.format_kst(expires)))


def away_advisor(
    advisor: Annotated[int, _ADVISOR],
    start: Annotated[str, typer.Argument(help=cli_texts.AWAY_START_HELP)],
    end: Annotated[str, typer.Argument(help=cli_texts.AWAY_END_HELP)],
) -> None:
    """자문위원의 부재 기간을 적어 둡니다(그동안 새 상담은 다른 자문위원께 갑니다)."""
    from bot import texts
    from bot.secretariat import expert
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        starts_on, ends_on = expert.set_away(
            session, advisor_id=advisor, start=start, end=end, actor=actor()
        )
    console.print(texts.rt_away_set(starts_on, ends_on))


def conflict_advisor(
    advisor: Annotated[int, _ADVISOR],
    company: Annotated[str, typer.Argument(help=cli_texts.CONFLICT_COMPANY_HELP)],
    reason: Annotated[str | None, typer.Option(help=cli_texts.CONFLICT_REASON_HELP)] = None,
) -> None:
    """자문위원과 회원사의 이해관계를 기록합니다(그 회사의 상담은 맡기지 않습니다)."""
    from bot import texts
    from bot.federation import companies
    from bot.federation.errors import NotFoundError
    from bot.routing.availability import add_conflict
    from bot.storage.federation_models import Advisor
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        found = session.get(Advisor, advisor)
        if found is None:
            raise NotFoundError(texts.fed_not_found(texts.FED_KIND_ADVISOR, str(advisor)))
        firm = companies.find_company(session, company)
        add_conflict(session, advisor=found, company=firm, reason=reason, actor=actor())
        console.print(
            texts.fed_saved(cli_texts.SAVED_CONFLICT, f"{found.member.name} ↔ {firm.name}")
        )


def digest_advisor(
    advisor: Annotated[int, _ADVISOR],
    daily: Annotated[bool, typer.Option("--on/--off", help=cli_texts.DIGEST_HELP)],
) -> None:
    """자문위원이 새 상담을 하나씩 받을지, 영업일 아침에 한 번 모아 받을지 정합니다."""
    from bot import texts
    from bot.federation.errors import NotFoundError
    from bot.routing.availability import set_digest
    from bot.storage.federation_models import Advisor
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        found = session.get(Advisor, advisor)
        if found is None:
            raise NotFoundError(texts.fed_not_found(texts.FED_KIND_ADVISOR, str(advisor)))
        set_digest(session, advisor=found, daily=daily, actor=actor())
    console.print(texts.RT_DIGEST_ON if daily else texts.RT_DIGEST_OFF)


def hours_advisor(
    advisor: Annotated[int, _ADVISOR],
    hours: Annotated[str, typer.Argument(help=cli_texts.HOURS_HELP)],
) -> None:
    """자문위원의 근무 시간을 정합니다(평일, 공휴일 제외). 응답 기한은 이 시간으로 계산합니다."""
    from bot import texts
    from bot.secretariat import expert
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        wanted = None if hours.strip() in cli_texts.HOURS_DEFAULT_WORDS else hours
        saved = expert.set_hours(session, advisor_id=advisor, hours=wanted, actor=actor())
        name = expert.find_advisor(session, advisor).member.name
    console.print(texts.rt_hours_set(name, saved))


def register(app: typer.Typer) -> None:
    """Add ``tickets`` and ``gaps``, and the advisor commands to the ``advisors`` group."""
    from handlers.cli_directory import advisors_app

    app.add_typer(tickets_app, name="tickets")
    app.command("gaps")(gaps)
    advisors_app.command("invite")(invite_advisor)
    advisors_app.command("away")(away_advisor)
    advisors_app.command("conflict")(conflict_advisor)
    advisors_app.command("digest")(digest_advisor)
    advisors_app.command("hours")(hours_advisor)
