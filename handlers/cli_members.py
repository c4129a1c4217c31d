"""``gyoryu members …``: the roster, invite codes, link requests and members' data rights."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from handlers.cli_korean import confirm
from handlers.cli_output import AsJson, Wide
from handlers.cli_support import actor, console, table, transaction

app = typer.Typer(
    help="회원 관리(명부 가져오기·내보내기, 초대 코드, 개인정보 열람·삭제)", no_args_is_help=True
)
# ``members list --json`` and ``members pending --json``: the contract for tools, column order.
MEMBERS_KEYS = ("id", "name", "title", "company", "groups", "phone")
PENDING_KEYS = ("id", "platform", "display_name", "note", "requested_at")


@app.command("list")
def list_members(
    group: Annotated[str | None, typer.Option("--group", "-g", help="교류회 이름")] = None,
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
    header = ("번호", "성명", "직위", "회사", "소속", "연락처")
    table("회원 목록", header, rows, as_json=as_json, wide=wide, keys=MEMBERS_KEYS)


@app.command("show")
def show(member: Annotated[str, typer.Argument(help="회원 번호 또는 성명")]) -> None:
    """회원 한 명의 정보를 보여 줍니다."""
    from bot.federation import members

    with transaction() as session:
        found = members.find_member(session, member)
        data = members.data_of(session, found)
    table(f"회원 {data['회원']['성명']}", ("항목", "값"), list(data["회원"].items()))
    table("소속", ("교류회", "역할", "가입일"), [tuple(s.values()) for s in data["소속"]])


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="성명")],
    company: Annotated[str | None, typer.Option(help="회사명·번호")] = None,
    title: Annotated[str | None, typer.Option(help="직위(대표, 이사 …)")] = None,
    phone: Annotated[str | None, typer.Option(help="연락처")] = None,
    email: Annotated[str | None, typer.Option(help="이메일")] = None,
    group: Annotated[str | None, typer.Option(help="소속 교류회")] = None,
    role: Annotated[str, typer.Option(help="교류회 역할: 회원, 회장, 간사")] = "회원",
    admin: Annotated[bool, typer.Option("--admin", help="사무국 관리자")] = False,
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
    console.print(texts.fed_saved("회원", f"{added.name}(번호 {added.id})"))


@app.command("edit")
def edit(
    member: Annotated[str, typer.Argument(help="회원 번호 또는 성명")],
    name: Annotated[str | None, typer.Option(help="성명")] = None,
    title: Annotated[str | None, typer.Option(help="직위")] = None,
    phone: Annotated[str | None, typer.Option(help="연락처")] = None,
    email: Annotated[str | None, typer.Option(help="이메일")] = None,
) -> None:
    """회원 정보를 고칩니다."""
    from bot import texts
    from bot.secretariat import members

    with transaction() as session:
        edited = members.edit_member(
            session, member=member, name=name, title=title, phone=phone, email=email, actor=actor()
        )
    console.print(texts.fed_saved("회원", edited.name))


@app.command("remove")
def remove(
    member: Annotated[str, typer.Argument(help="회원 번호 또는 성명")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="확인 없이 삭제")] = False,
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
def data(member: Annotated[str, typer.Argument(help="회원 번호 또는 성명")]) -> None:
    """회원 한 명에 대해 저장된 모든 정보를 출력합니다(개인정보 열람권)."""
    from bot.federation import members

    with transaction() as session:
        stored = members.data_of(session, members.find_member(session, member))
    console.print_json(json.dumps(stored, ensure_ascii=False))


@app.command("import")
def import_roster(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help=".csv 또는 .xlsx")],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="잘못된 행은 건너뛰고 나머지를 저장")
    ] = False,
    create_groups: Annotated[
        bool,
        typer.Option(
            "--create-groups", help="명부에 있는 새 교류회를 만듦(없으면 모르는 교류회는 오류)"
        ),
    ] = False,
    federation: Annotated[str | None, typer.Option(help="연합회가 아직 없을 때 만들 이름")] = None,
) -> None:
    """명부(회원 한 명당 한 행)를 가져와 회사·회원(--create-groups면 교류회도)을 만들거나 고칩니다.

    잘못된 행이 있으면 아무것도 저장하지 않아요. --skip-invalid를 주면 올바른 행만 저장하고
    건너뛴 행을 알려 드려요(저장한 행이 하나도 없을 때만 종료 코드 1).
    """
    from bot import texts
    from bot.federation import roster

    with transaction() as session:
        report = roster.import_roster(
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
    file: Annotated[Path, typer.Argument(dir_okay=False, help=".csv 또는 .xlsx")],
) -> None:
    """명부를 가져오기와 같은 모양으로 저장합니다."""
    from bot import texts
    from bot.federation import roster

    with transaction() as session:
        rows = roster.export_roster(session, file)
    console.print(texts.fed_export_summary(rows, str(file)))


@app.command("invite")
def invite(
    member: Annotated[str, typer.Argument(help="회원 번호 또는 성명")],
    days: Annotated[int, typer.Option(min=1, max=30, help="유효 기간(일)")] = 7,
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
    header = ("요청 번호", "플랫폼", "표시 이름", "메모", "요청 일시")
    table("연결 요청", header, rows, as_json=as_json, wide=wide, keys=PENDING_KEYS)


@app.command("approve")
def approve(
    request: Annotated[int, typer.Argument(help="요청 번호")],
    member: Annotated[str, typer.Argument(help="연결할 회원 번호 또는 성명")],
) -> None:
    """연결 요청을 승인해 대화 계정을 회원과 연결합니다."""
    from bot import clock, texts
    from bot.secretariat import members

    with transaction() as session:
        linked = members.approve_link(
            session, request_id=request, member=member, actor=actor(), now=clock.kst_now()
        )
    console.print(texts.fed_linked(linked.member, linked.platform))
