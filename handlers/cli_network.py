"""``gyoryu network …``: partner search as a member would see it, for the secretariat and checks.

Only parsing and printing here; the work is in :mod:`bot.network`.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from handlers import cli_texts
from handlers.cli_output import AsJson

app = typer.Typer(help=cli_texts.NETWORK_HELP, no_args_is_help=True)


@app.command("search")
def search(
    query: Annotated[str, typer.Argument(help=cli_texts.SEARCH_QUERY_HELP)],
    member: Annotated[str, typer.Option("--as", help=cli_texts.SEARCH_AS_HELP)],
    as_json: AsJson = False,
    limit: Annotated[int, typer.Option(help=cli_texts.SEARCH_LIMIT_HELP)] = 10,
) -> None:
    """회원이 /찾기로 보게 될 회원사를 순서대로 보여 줍니다(연락처는 보이지 않습니다)."""
    from bot import texts
    from bot.federation.errors import FederationError
    from bot.network.search import search_as
    from bot.secretariat.networking import consent_of
    from handlers.cli_support import console, table, transaction

    with transaction() as session:
        hits = search_as(session, member, query, limit=limit)
        try:
            own = consent_of(session, who=member)
        except FederationError:  # a member without a company: nothing of theirs to find
            own = None
    if as_json:
        records = [
            {
                "rank": rank,
                "company": hit.company,
                "industry": hit.industry,
                "group": hit.group,
                "matched": hit.matched,
                "score": hit.score,
            }
            for rank, hit in enumerate(hits, start=1)
        ]
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo(texts.NET_CLI_NONE)
    else:
        rows = [
            (rank, hit.company, hit.industry, hit.group, hit.matched)
            for rank, hit in enumerate(hits, start=1)
        ]
        table(texts.net_cli_title(query, member), texts.NET_CLI_HEADER, rows)
    if own is not None:
        console.print(texts.net_consent_eligibility(own.company, own.label, own.visible))


@app.command("consent")
def consent(
    who: Annotated[str, typer.Argument(help=cli_texts.CONSENT_WHO_HELP)],
    scope: Annotated[
        str | None,
        typer.Argument(help=cli_texts.CONSENT_SCOPE_HELP),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """회원사의 네트워킹 공개 범위(동의)를 날짜와 함께 기록하거나 보여 줍니다."""
    from bot import texts
    from bot.clock import utcnow
    from bot.secretariat.networking import consent_of, record_consent
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        if scope is None:
            found = consent_of(session, who=who)
        else:
            found = record_consent(session, who=who, scope=scope, now=utcnow(), actor=actor())
    if as_json:
        record = {
            "company": found.company,
            "scope": found.scope,
            "since": found.since.isoformat() if found.since else None,
            "by": found.by,
        }
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    console.print(texts.net_consent_line(found.company, found.label, found.since, found.by))


@app.command("quota")
def quota(
    limit: Annotated[int, typer.Argument(help=cli_texts.INTRO_LIMIT_HELP)],
    member: Annotated[
        str | None, typer.Option("--member", help=cli_texts.INTRO_LIMIT_MEMBER_HELP)
    ] = None,
) -> None:
    """회원의 월 소개 요청 한도를 바꿉니다(기본 5회)."""
    from bot import texts
    from bot.network.intros import set_quota
    from handlers.cli_support import actor, console, transaction

    with transaction() as session:
        who = None
        if member is not None:
            from bot.federation.members import find_member

            who = find_member(session, member)
        set_quota(session, quota=limit, member=who, actor=actor())
        console.print(texts.net_quota_set(limit, who.name if who else None))


@app.command("report")
def report(
    as_json: AsJson = False,
    group: Annotated[str | None, typer.Option("--group", help=cli_texts.REPORT_GROUP_HELP)] = None,
    month: Annotated[str | None, typer.Option(help=cli_texts.REPORT_MONTH_HELP)] = None,
) -> None:
    """교류회별 한 달 활동(참석률, 애로사항, 질문, 자문 요청, 소개, 성과)을 보여 줍니다."""
    from bot import texts
    from bot.clock import utcnow
    from bot.federation.groups import find_group
    from bot.network import report as health
    from handlers.cli_support import console, table, transaction

    chosen = month or health.month_of(utcnow())
    with transaction() as session:
        found = health.report(
            session, month=chosen, group=find_group(session, group) if group else None
        )
    if as_json:
        typer.echo(json.dumps([h.as_json() for h in found], ensure_ascii=False, indent=2))
        return
    rows = [
        (
            h.group,
            h.members,
            h.meetings,
            "-" if h.attendance_rate is None else f"{h.attendance_rate:.0%}",
            h.difficulties,
            h.questions,
            h.tickets,
            h.intros_requested,
            h.intros_accepted,
            h.outcomes,
        )
        for h in found
    ]
    table(texts.net_report_title(chosen), texts.NET_REPORT_HEADER, rows)
    for h in found:
        if h.subgroups:
            themes = [
                cli_texts.subgroup_theme(theme, len(names)) for theme, names in h.subgroups.items()
            ]
            console.print(texts.net_subgroup_advice(h.group, h.members, themes))


@app.command("pair")
def pair(
    group: Annotated[str | None, typer.Option("--group", help=cli_texts.PAIR_GROUP_HELP)] = None,
    round_key: Annotated[
        str | None, typer.Option("--round", help=cli_texts.PAIR_ROUND_HELP)
    ] = None,
) -> None:
    """짝만남에 참여한 회원사끼리 이번 달 짝을 지어 알립니다(보통은 매달 1일 자동)."""
    from bot import texts
    from bot.clock import utcnow
    from bot.federation.groups import find_group
    from bot.network import pairing
    from handlers.cli_support import console, transaction

    now = utcnow()
    key = round_key or pairing.round_key(now)
    with transaction() as session:
        done = pairing.run_round(
            session, key=key, now=now, group=find_group(session, group) if group else None
        )
    console.print(texts.net_round_done(key, len(done.parties), len(done.unpaired)))


def register(root: typer.Typer) -> None:
    """Add ``gyoryu network`` to the root app."""
    root.add_typer(app, name="network")
