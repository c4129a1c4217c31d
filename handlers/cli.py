"""The ``gyoryu`` command line: one Typer app that gathers every package's commands.

Each package contributes its commands through a ``register(app)`` function; those modules keep
heavy imports (chromadb, kiwipiepy, SQLAlchemy models …) inside the command bodies so that
``gyoryu --help`` stays instant.
"""

from __future__ import annotations

import typer

from bot.federation import cli as federation_cli
from handlers import console, server
from ingest import cli as ingest_cli


def build_app() -> typer.Typer:
    """Create the Typer application with every sub-command registered."""
    app = typer.Typer(
        name="gyoryu",
        help="교류(Gyoryu) — 이업종교류연합회 회원을 위한 문서 기반 질의응답 도우미",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    app.callback()(_root)
    ingest_cli.register(app)
    console.register(app)
    federation_cli.register(app)
    server.register(app)
    return app


def _root() -> None:
    """교류(Gyoryu) — 이업종교류연합회 회원을 위한 문서 기반 질의응답 도우미."""


def main() -> None:
    """Console-script entry point."""
    build_app()()
