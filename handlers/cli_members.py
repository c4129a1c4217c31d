"""``gyoryu members …``: the roster, invite codes, link requests and members' data rights."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from handlers import cli_texts
from handlers.cli_korean import confirm
from handlers.cli_output import AsJson, Wide
from handlers.cli_support import actor, console, table, transaction

app = typer.Typer(help=cli_texts.MEMBERS_HELP, no_args_is_help=True)
# ``members list --json`` and ``members pending --json``: the contract for tools, column order.
MEMBERS_KEYS = ("id", "name", "title", "company", "groups", "phone")
PENDING_KEYS = ("id", "platform", "display_name", "note", "requested_at")


@app.command("list")
def list_members(
    group: Annotated[
        str | None, typer.Option("--group", "-g", help=cli_texts.MEMBERS_GROUP_HELP)
    ] = None,
    as_json: AsJson = False,
    wide: Wide = False,
) -> None:
    """회원 목록을 보여 줍니다."""
    from bot.federation import groups, members

    with transaction() as session:
        chosen = groups.find_group(session, group) if group else None
        rows = [
            (
                m.id,
                m.name,
                m.title,
                m.company.name if m.company else "",
                ", ".join(f"{s.group.name}({members.GROUP_ROLES[s.role]})" for s in m.memberships),
                m.phone,
            )
            for m in members.list_members(session, group=chosen)
        ]
    header = cli_texts.MEMBER_COLUMNS
    table(cli_texts.MEMBERS_TITLE, header, rows, as_json=as_json, wide=wide, keys=MEMBERS_KEYS)


@app.command("show")
def show(member: Annotated[str, typer.Argument(help=cli_texts.MEMBER_HELP)]) -> None:
    """회원 한 명의 정보를 보여 줍니다."""
    from bot import texts
    from bot.federation import members

    with transaction() as session:
        found = members.find_member(session, member)
        data = members.data_of(session, found)
    record = data[texts.PIPA_SECTIONS["members"]]
    table(
        cli_texts.member_heading(record[texts.PIPA_FIELDS["name"]]),
        cli_texts.FIELD_COLUMNS,
        list(record.items()),
    )
    table(
        cli_texts.MEMBERSHIPS_TITLE,
        cli_texts.MEMBERSHIP_COLUMNS,
        [tuple(s.values()) for s in data[texts.PIPA_SECTIONS["memberships"]]],
    )


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help=cli_texts.NAME_HELP)],
    company: Annotated[str | None, typer.Option(help=cli_texts.MEMBER_COMPANY_HELP)] = None,
    title: Annotated[str | None, typer.Option(help=cli_texts.MEMBER_TITLE_HELP)] = None,
    phone: Annotated[str | None, typer.Option(help=cli_texts.PHONE_HELP)] = None,
    email: Annotated[str | None, typer.Option(help=cli_texts.EMAIL_HELP)] = None,
    group: Annotated[str | None, typer.Option(help=cli_texts.MEMBER_GROUP_HELP)] = None,
    role: Annotated[
        str, typer.Option(help=cli_texts.MEMBER_ROLE_HELP)
    ] = cli_texts.MEMBER_ROLE_DEFAULT,
    admin: Annotated[bool, typer.Option("--admin", help=cli_texts.MEMBER_ADMIN_HELP)] = False,
) -> None:
    """회원을 추가합니다."""
    from bot import texts
    from bot.secretariat import members

    with transaction() as session:
        added = members.add_member(
            session,
            name=name,
            company=company,
            title=title,
            phone=phone,
            email=email,
            group=group,
            role=role,
            admin=admin,
            actor=actor(),
        )
    console.print(
        texts.fed_saved(texts.FED_KIND_MEMBER, cli_texts.with_number(added.name, added.id))
    )


@app.command("edit")
def edit(
    member: Annotated[str, typer.Argument(help=cli_texts.MEMBER_HELP)],
    name: Annotated[str | None, typer.Option(help=cli_texts.NAME_HELP)] = None,
    title: Annotated[str | None, typer.Option(help=cli_texts.TITLE_HELP)] = None,
    phone: Annotated[str | None, typer.Option(help=cli_texts.PHONE_HELP)] = None,
    email: Annotated[str | None, typer.Option(help=cli_texts.EMAIL_HELP)] = None,
) -> None:
    """회원 정보를 고칩니다."""
    from bot import texts
    from bot.secretariat import members

    with transaction() as session:
        edited = members.edit_member(
            session, member=member, name=name, title=title, phone=phone, email=email, actor=actor()
        )
    console.print(texts.fed_saved(texts.FED_KIND_MEMBER, edited.name))


@app.command("remove")
def remove(
    member: Annotated[str, typer.Argument(help=cli_texts.MEMBER_HELP)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=cli_texts.ERASE_YES_HELP)] = False,
) -> None:
    """회원의 개인정보를 모든 곳에서 삭제합니다(참석 통계는 익명으로 남습니다)."""
    from bot import texts
    from bot.federation import members as directory
    from bot.secretariat import members

    with transaction() as session:
        if not yes:
            name = directory.find_member(session, member).name
            confirm(texts.FED_CONFIRM_ERASE.format(name=name))
        members.erase_member(session, member=member, actor=actor())
    console.print(texts.FED_DELETED)


@app.command("data")
def data(member: Annotated[str, typer.Argument(help=cli_texts.MEMBER_HELP)]) -> None:
    """회원 한 명에 대해 저장된 모든 정보를 출력합니다(개인정보 열람권)."""
    from bot.federation import members

    with transaction() as session:
        stored = members.data_of(session, members.find_member(session, member))
    console.print_json(json.dumps(stored, ensure_ascii=False))


@app.command("import")
def import_roster(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help=cli_texts.SHEET_FILE_HELP)
    ],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help=cli_texts.SKIP_INVALID_HELP)
    ] = False,
    create_groups: Annotated[
        bool,
        typer.Option("--create-groups", help=cli_texts.CREATE_GROUPS_HELP),
    ] = False,
    federation: Annotated[str | None, typer.Option(help=cli_texts.NEW_FEDERATION_HELP)] = None,
) -> None:
    """명부(회원 한 명당 한 행)를 가져와 회사·회원(--create-groups면 교류회도)을 만들거나 고칩니다.

    잘못된 행이 있으면 아무것도 저장하지 않아요. --skip-invalid를 주면 올바른 행만 저장하고
    건너뛴 행을 알려 드려요(저장한 행이 하나도 없을 때만 종료 코드 1).
    """
    from bot import texts
    from bot.secretariat import members as secretariat

    with transaction() as session:
        report = secretariat.import_roster(
            session,
            file,
            actor=actor(),
            skip_invalid=skip_invalid,
            create_groups=create_groups,
            federation_name=federation,
        )
        for error in report.errors:
            console.print(f"[red]{texts.fed_row_error(error.line, error.reason)}[/red]")
        if not report.written:
            console.print(texts.FED_IMPORT_NOTHING_WRITTEN)
            raise typer.Exit(1)
        if not report.members:
            console.print(texts.FED_IMPORT_NO_VALID_ROWS)
            raise typer.Exit(1)
        console.print(
            texts.fed_import_summary(
                len(report.companies), len(report.members), len(report.groups), len(report.errors)
            )
        )


@app.command("export")
def export_roster(
    file: Annotated[Path, typer.Argument(dir_okay=False, help=cli_texts.SHEET_FILE_HELP)],
) -> None:
    """명부를 가져오기와 같은 모양으로 저장합니다."""
    from bot import texts
    from bot.federation import roster

    with transaction() as session:
        rows = roster.export_roster(session, file)
    console.print(texts.fed_export_summary(rows, str(file)))


@app.command("invite")
def invite(
    member: Annotated[str, typer.Argument(help=cli_texts.MEMBER_HELP)],
    days: Annotated[int, typer.Option(min=1, max=30, help=cli_texts.INVITE_DAYS_HELP)] = 7,
) -> None:
    """대화 계정 연결용 일회용 초대 코드를 발급합니다(코드는 한 번만 보여 드려요)."""
    from bot import clock, texts
    from bot.secretariat import members

    with transaction() as session:
        invite = members.issue_invite(
            session, member=member, days=days, actor=actor(), now=clock.kst_now()
        )
    console.print(
        texts.fed_invite_issued(invite.member, invite.code, clock.format_kst(invite.expires_at))
    )


@app.command("pending")
def pending(as_json: AsJson = False, wide: Wide = False) -> None:
    """승인을 기다리는 대화 계정 연결 요청을 보여 줍니다."""
    from bot import clock, texts
    from bot.federation import linking

    with transaction() as session:
        rows = [
            (r.id, r.platform, r.display_name, r.note, clock.format_kst(r.created_at))
            for r in linking.pending_requests(session)
        ]
    if not rows and not as_json:
        console.print(texts.FED_NO_PENDING)
        return
    header = cli_texts.PENDING_COLUMNS
    table(cli_texts.PENDING_TITLE, header, rows, as_json=as_json, wide=wide, keys=PENDING_KEYS)


@app.command("approve")
def approve(
    request: Annotated[int, typer.Argument(help=cli_texts.REQUEST_HELP)],
    member: Annotated[str, typer.Argument(help=cli_texts.LINK_MEMBER_HELP)],
) -> None:
    """연결 요청을 승인해 대화 계정을 회원과 연결합니다."""
    from bot import clock, texts
    from bot.secretariat import members

    with transaction() as session:
        linked = members.approve_link(
            session, request_id=request, member=member, actor=actor(), now=clock.kst_now()
        )
    console.print(texts.fed_linked(linked.member, linked.platform))
