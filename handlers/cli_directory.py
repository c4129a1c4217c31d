"""``gyoryu companies|groups|advisors …``: the federation's directory."""

from __future__ import annotations

from typing import Annotated

import typer

from handlers import cli_texts
from handlers.cli_output import AsJson, Wide
from handlers.cli_support import (
    DigestBefore,
    Holidays,
    NudgeBefore,
    PromptBefore,
    QuietHours,
    Reminders,
    Reset,
    RsvpListBefore,
    actor,
    console,
    show_schedule,
    table,
    transaction,
)

companies_app = typer.Typer(help=cli_texts.COMPANIES_HELP, no_args_is_help=True)
groups_app = typer.Typer(help=cli_texts.GROUPS_HELP, no_args_is_help=True)
advisors_app = typer.Typer(help=cli_texts.ADVISORS_HELP, no_args_is_help=True)

# ``… list --json``: the contract for tools, in the order of the table's columns.
COMPANIES_KEYS = ("id", "name", "business_number", "ksic_code", "industry", "groups")
GROUPS_KEYS = ("id", "name", "meeting_rule", "members")
ADVISORS_KEYS = ("id", "name", "title", "affiliation", "fields", "groups", "availability")


@companies_app.command("list")
def list_companies(as_json: AsJson = False, wide: Wide = False) -> None:
    """회원사 목록을 보여 줍니다."""
    from bot.federation import business_number, companies

    with transaction() as session:
        rows = [
            (
                c.id,
                c.name,
                business_number.formatted(c.business_number) if c.business_number else "",
                c.ksic_code,
                c.ksic_name,
                ", ".join(g.name for g in companies.groups_of(session, c)),
            )
            for c in companies.list_companies(session)
        ]
    header = cli_texts.COMPANY_COLUMNS
    table(cli_texts.COMPANIES_TITLE, header, rows, as_json=as_json, wide=wide, keys=COMPANIES_KEYS)


_COMPANY_KEY = typer.Argument(help=cli_texts.COMPANY_KEY_HELP)


@companies_app.command("show")
def show_company(company: Annotated[str, _COMPANY_KEY]) -> None:
    """회원사 한 곳의 정보를 보여 줍니다."""
    from bot import texts
    from bot.federation import companies

    with transaction() as session:
        found = companies.find_company(session, company)
        rows = [(label, getattr(found, field)) for label, field in cli_texts.COMPANY_LABELS]
        rows.append(
            (texts.FED_KIND_GROUP, ", ".join(g.name for g in companies.groups_of(session, found)))
        )
    table(found.name, cli_texts.FIELD_COLUMNS, rows)


@companies_app.command("add")
def add_company(
    name: Annotated[str, typer.Argument(help=cli_texts.COMPANY_NAME_HELP)],
    number: Annotated[
        str | None, typer.Option("--number", help=cli_texts.BUSINESS_NUMBER_HELP)
    ] = None,
    ksic: Annotated[str | None, typer.Option(help=cli_texts.KSIC_ADD_HELP)] = None,
    industry: Annotated[str | None, typer.Option(help=cli_texts.INDUSTRY_HELP)] = None,
    region: Annotated[str | None, typer.Option(help=cli_texts.REGION_HELP)] = None,
    products: Annotated[str | None, typer.Option(help=cli_texts.PRODUCTS_HELP)] = None,
    group: Annotated[str | None, typer.Option(help=cli_texts.JOIN_GROUP_HELP)] = None,
    override_reason: Annotated[
        str | None, typer.Option(help=cli_texts.OVERRIDE_REASON_HELP)
    ] = None,
) -> None:
    """회원사를 추가하고, 교류회를 주면 업종 중복을 확인해 가입시킵니다."""
    from bot import texts
    from bot.secretariat import groups

    with transaction() as session:
        added = groups.add_company(
            session,
            name=name,
            number=number,
            ksic=ksic,
            industry=industry,
            region=region,
            products=products,
            group=group,
            override_reason=override_reason,
            actor=actor(),
        )
    console.print(texts.fed_saved(cli_texts.SAVED_COMPANY, added.name))


@companies_app.command("edit")
def edit_company(
    company: Annotated[str, typer.Argument(help=cli_texts.COMPANY_KEY_HELP)],
    name: Annotated[str | None, typer.Option(help=cli_texts.COMPANY_NAME_HELP)] = None,
    number: Annotated[
        str | None, typer.Option("--number", help=cli_texts.BUSINESS_NUMBER_HELP)
    ] = None,
    ksic: Annotated[str | None, typer.Option(help=cli_texts.KSIC_HELP)] = None,
    industry: Annotated[str | None, typer.Option(help=cli_texts.INDUSTRY_HELP)] = None,
    region: Annotated[str | None, typer.Option(help=cli_texts.REGION_HELP)] = None,
    products: Annotated[str | None, typer.Option(help=cli_texts.PRODUCTS_HELP)] = None,
    looking_for: Annotated[str | None, typer.Option(help=cli_texts.LOOKING_FOR_HELP)] = None,
) -> None:
    """회원사 정보를 고칩니다."""
    from bot import texts
    from bot.secretariat import groups

    with transaction() as session:
        edited = groups.edit_company(
            session,
            company=company,
            actor=actor(),
            name=name,
            business_number=number,
            ksic_code=ksic,
            ksic_name=industry,
            region=region,
            products=products,
            looking_for=looking_for,
        )
    console.print(texts.fed_saved(cli_texts.SAVED_COMPANY, edited.name))


@companies_app.command("remove")
def remove_company(
    company: Annotated[str, typer.Argument(help=cli_texts.COMPANY_REMOVE_HELP)],
) -> None:
    """회원사를 삭제합니다(소속 회원은 남습니다)."""
    from bot import texts
    from bot.secretariat import groups

    with transaction() as session:
        groups.remove_company(session, company=company, actor=actor())
    console.print(texts.FED_DELETED)


@groups_app.command("list")
def list_groups(as_json: AsJson = False, wide: Wide = False) -> None:
    """교류회 목록과 정례회 일정을 보여 줍니다."""
    from bot.federation import groups, members, recurrence

    with transaction() as session:
        rows = [
            (
                g.id,
                g.name,
                recurrence.describe(g.meeting_rule) if g.meeting_rule else "",
                len(members.list_members(session, group=g)),
            )
            for g in groups.list_groups(session)
        ]
    header = cli_texts.GROUP_COLUMNS
    table(cli_texts.GROUPS_TITLE, header, rows, as_json=as_json, wide=wide, keys=GROUPS_KEYS)


@groups_app.command("show")
def show_group(group: Annotated[str, typer.Argument(help=cli_texts.GROUP_HELP)]) -> None:
    """교류회 회원과 역할을 보여 줍니다."""
    from bot.federation import groups, members

    with transaction() as session:
        found = groups.find_group(session, group)
        rows = [
            (
                m.id,
                m.name,
                m.company.name if m.company else "",
                m.title,
                next(members.GROUP_ROLES[s.role] for s in m.memberships if s.group_id == found.id),
            )
            for m in members.list_members(session, group=found)
        ]
    table(found.name, cli_texts.GROUP_MEMBER_COLUMNS, rows)


@groups_app.command("add")
def add_group(
    name: Annotated[str, typer.Argument(help=cli_texts.GROUP_NAME_HELP)],
    rule: Annotated[str | None, typer.Option(help=cli_texts.MEETING_RULE_ADD_HELP)] = None,
    federation: Annotated[str | None, typer.Option(help=cli_texts.NEW_FEDERATION_HELP)] = None,
) -> None:
    """교류회를 추가합니다."""
    from bot import texts
    from bot.secretariat import groups

    with transaction() as session:
        added = groups.add_group(
            session, name=name, rule=rule, federation=federation, actor=actor()
        )
    console.print(texts.fed_saved(texts.FED_KIND_GROUP, added.name))


@groups_app.command("edit")
def edit_group(
    group: Annotated[str, typer.Argument(help=cli_texts.GROUP_HELP)],
    name: Annotated[str | None, typer.Option(help=cli_texts.NEW_NAME_HELP)] = None,
    rule: Annotated[str | None, typer.Option(help=cli_texts.MEETING_RULE_HELP)] = None,
) -> None:
    """교류회 이름이나 정례회 규칙을 고칩니다."""
    from bot import texts
    from bot.secretariat import groups

    with transaction() as session:
        edited = groups.edit_group(session, group=group, name=name, rule=rule, actor=actor())
    console.print(texts.fed_saved(texts.FED_KIND_GROUP, edited.name))


@groups_app.command("remove")
def remove_group(group: Annotated[str, typer.Argument(help=cli_texts.GROUP_HELP)]) -> None:
    """교류회를 삭제합니다(회원과 회사는 남습니다)."""
    from bot import texts
    from bot.secretariat import groups

    with transaction() as session:
        groups.remove_group(session, group=group, actor=actor())
    console.print(texts.FED_DELETED)


# Telegram group ids are negative (-100…): read them as the argument, not as an unknown option.
@groups_app.command("room", context_settings={"ignore_unknown_options": True})
def attach_room(
    platform: Annotated[str, typer.Argument(help="telegram, slack, kakao …")],
    chat_id: Annotated[str, typer.Argument(help=cli_texts.CHAT_ID_HELP)],
    group: Annotated[str | None, typer.Argument(help=cli_texts.ROOM_GROUP_HELP)] = None,
) -> None:
    """대화방을 교류회에 연결합니다."""
    from bot import texts
    from bot.secretariat import groups

    with transaction() as session:
        attached = groups.attach_room(
            session, platform=platform, chat_id=chat_id, group=group, actor=actor()
        )
    console.print(texts.fed_saved(cli_texts.SAVED_ROOM, attached.name))


@groups_app.command("schedule")
def schedule_group(
    group: Annotated[str | None, typer.Argument(help=cli_texts.SCHEDULE_GROUP_HELP)] = None,
    federation: Annotated[
        bool, typer.Option("--federation", help=cli_texts.SCHEDULE_FEDERATION_HELP)
    ] = False,
    reminders: Reminders = None,
    quiet_hours: QuietHours = None,
    holidays: Holidays = None,
    prompt_before: PromptBefore = None,
    nudge_before: NudgeBefore = None,
    digest_before: DigestBefore = None,
    rsvp_list_before: RsvpListBefore = None,
    reset: Reset = False,
) -> None:
    """교류회(또는 --federation: 연합회 전체)의 알림 일정을 바꾸고 적용되는 일정을 보여 줍니다.

    값을 주지 않은 항목은 상위 단계(교류회 → 연합회 → 기본값)를 따릅니다.
    """
    from datetime import UTC, datetime

    from bot.secretariat.schedule import change_schedule

    with transaction() as session:
        change = change_schedule(
            session,
            group=group,
            federation=federation,
            given={
                "reminders": reminders,
                "quiet_hours": quiet_hours,
                "skip_holidays": holidays,
                "prompt_before": prompt_before,
                "nudge_before": nudge_before,
                "digest_before": digest_before,
                "rsvp_list_before": rsvp_list_before,
            },
            reset=reset,
            actor=actor(),
            now=datetime.now(UTC),
        )
    show_schedule(change, change.name)


@advisors_app.command("list")
def list_advisors(as_json: AsJson = False, wide: Wide = False) -> None:
    """자문위원 목록을 보여 줍니다."""
    from bot.federation import advisors

    with transaction() as session:
        rows = [
            (
                a.id,
                a.member.name,
                a.member.title,
                a.affiliation,
                "·".join(a.fields),
                cli_texts.WHOLE_FEDERATION
                if a.federation_wide
                else ", ".join(g.name for g in a.groups),
                a.availability,
            )
            for a in advisors.list_advisors(session)
        ]
    header = cli_texts.ADVISOR_COLUMNS
    table(cli_texts.ADVISORS_TITLE, header, rows, as_json=as_json, wide=wide, keys=ADVISORS_KEYS)


@advisors_app.command("add")
def add_advisor(
    name: Annotated[str, typer.Argument(help=cli_texts.NAME_HELP)],
    field: Annotated[list[str], typer.Option("--field", "-f", help=cli_texts.ADVISOR_FIELD_HELP)],
    title: Annotated[str | None, typer.Option(help=cli_texts.ADVISOR_TITLE_HELP)] = None,
    affiliation: Annotated[str | None, typer.Option(help=cli_texts.AFFILIATION_HELP)] = None,
    phone: Annotated[str | None, typer.Option(help=cli_texts.PHONE_HELP)] = None,
    availability: Annotated[str | None, typer.Option(help=cli_texts.AVAILABILITY_HELP)] = None,
    group: Annotated[list[str] | None, typer.Option(help=cli_texts.ADVISOR_GROUPS_HELP)] = None,
) -> None:
    """자문위원을 추가합니다."""
    from bot import texts
    from bot.secretariat import members

    with transaction() as session:
        added = members.add_advisor(
            session,
            name=name,
            fields=field,
            title=title,
            affiliation=affiliation,
            phone=phone,
            availability=availability,
            groups_served=group,
            actor=actor(),
        )
    console.print(
        texts.fed_saved(texts.FED_KIND_ADVISOR, cli_texts.with_number(added.name, added.id))
    )


@advisors_app.command("remove")
def remove_advisor(advisor: Annotated[int, typer.Argument(help=cli_texts.ADVISOR_ID_HELP)]) -> None:
    """자문위원을 삭제하고 개인정보를 지웁니다."""
    from bot import texts
    from bot.secretariat import members

    with transaction() as session:
        members.remove_advisor(session, advisor_id=advisor, actor=actor())
    console.print(texts.FED_DELETED)
