"""The ``gyoryu`` command line: one Typer app that gathers every package's commands.

Each package contributes its commands through a ``register(app)`` function; those modules keep
heavy imports (chromadb, kiwipiepy, SQLAlchemy models …) inside the command bodies so that
``gyoryu --help`` stays instant. The root owns what every command shares: Korean help and usage
errors (:mod:`handlers.cli_korean`), the error boundary (:mod:`handlers.cli_errors`) and logging
(:mod:`handlers.cli_logging`), with the global ``--debug`` and ``--verbose`` options.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from handlers import (
    cli_admins,
    cli_errors,
    cli_korean,
    cli_logging,
    cli_network,
    cli_texts,
    cli_tickets,
    console,
    server,
    texts,
)
from handlers import cli_federation as federation_cli
from handlers import cli_ingest as ingest_cli


@dataclass
class GlobalOptions:
    """What the root options asked for, for the boundary that outlives the command's context."""

    debug: bool = False
    verbose: bool = False


OPTIONS = GlobalOptions()


class GyoryuGroup(TyperGroup):
    """The root command: every invocation, with its errors, goes through the boundary."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run a command; expected failures become Korean lines and an exit code."""
        OPTIONS.debug = OPTIONS.verbose = False
        cli_logging.configure()

        def invoke() -> Any:
            return super(GyoryuGroup, self).main(
                args, prog_name, complete_var, standalone_mode=False, **extra
            )

        code = cli_errors.run(invoke, debug=lambda: OPTIONS.debug)
        if standalone_mode:
            sys.exit(code)
        return code


def build_app() -> typer.Typer:
    """Create the Typer application with every sub-command registered."""
    cli_korean.install()
    app = typer.Typer(
        name="gyoryu",
        cls=GyoryuGroup,
        help=cli_texts.APP_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    app.callback()(_root)
    ingest_cli.register(app)
    console.register(app)
    federation_cli.register(app)
    cli_admins.register(app)
    server.register(app)
    cli_network.register(app)
    cli_tickets.register(app)
    return app


def _root(
    debug: Annotated[bool, typer.Option("--debug", help=texts.ROOT_DEBUG)] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=texts.ROOT_VERBOSE)] = False,
) -> None:
    """교류(Gyoryu) — 이업종교류연합회 회원을 위한 문서 기반 질의응답 도우미."""
    OPTIONS.debug, OPTIONS.verbose = debug, verbose
    cli_logging.configure(verbose=verbose)


def main() -> None:
    """Console-script entry point."""
    build_app()()
