"""``gyoryu admins``: who may open the web console, and a first log-in link for them."""

from __future__ import annotations

from typing import Annotated

import typer

from handlers.cli_support import actor, console, transaction

app = typer.Typer(
    help="관리 콘솔 관리자(사무국, 교류회 회장·간사)와 로그인 링크", no_args_is_help=True
)

LOCAL_URL = "http://127.0.0.1:8080"
"""Where ``gyoryu serve`` listens by default: the console opens there without a public URL."""


def register(root: typer.Typer) -> None:
    """Add the ``admins`` commands to the ``gyoryu`` app."""
    root.add_typer(app, name="admins")


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="회원 이름 또는 번호")],
    group: Annotated[
        str | None, typer.Option("--group", help="이 교류회만 관리(그 교류회의 회장·간사)")
    ] = None,
) -> None:
    """회원을 관리 콘솔 관리자로 등록합니다(--group 없이: 연합회 전체)."""
    from bot import texts
    from bot.clock import utcnow
    from bot.federation import admins

    with transaction() as session:
        admin = admins.add_admin(session, name=name, group=group, actor=actor(), now=utcnow())
        line = texts.ADM_ADDED.format(
            name=admin.member.name, scope=admins.scope_name(session, admin)
        )
    console.print(line)


@app.command("link")
def link(name: Annotated[str, typer.Argument(help="관리자 이름 또는 회원 번호")]) -> None:
    """관리 콘솔의 1회용 로그인 링크(15분)를 출력합니다."""
    from bot import texts
    from bot.clock import utcnow
    from bot.federation import admins
    from bot.skills.console_login import login_url
    from handlers.settings import ChannelSettings

    public_url = ChannelSettings().public_url
    with transaction() as session:
        token, _ = admins.issue_link(session, name=name, actor=actor(), now=utcnow())
    minutes = int(admins.LINK_LIFETIME.total_seconds() // 60)
    console.print(texts.ADM_LINK_PRINTED.format(name=name, minutes=minutes))
    if not public_url:
        console.print(texts.ADM_LINK_NO_PUBLIC_URL)
    # Printed bare (no rich wrapping) so the whole link can be copied.
    typer.echo(login_url(public_url or LOCAL_URL, token))
