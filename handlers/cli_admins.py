"""``gyoryu admins``: who may open the web console, and a first log-in link for them."""

from __future__ import annotations

from typing import Annotated

import typer

from handlers import cli_texts
from handlers.cli_support import actor, console, transaction

app = typer.Typer(help=cli_texts.ADMINS_HELP, no_args_is_help=True)

LOCAL_URL = "http://127.0.0.1:8080"
"""Where ``gyoryu serve`` listens by default: the console opens there without a public URL."""


def register(root: typer.Typer) -> None:
    """Add the ``admins`` commands to the ``gyoryu`` app."""
    root.add_typer(app, name="admins")


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help=cli_texts.ADMIN_MEMBER_HELP)],
    group: Annotated[str | None, typer.Option("--group", help=cli_texts.ADMIN_GROUP_HELP)] = None,
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
def link(name: Annotated[str, typer.Argument(help=cli_texts.ADMIN_LINK_HELP)]) -> None:
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
