"""Secretariat commands: members, companies, groups, advisors, events and the database.

Heavy imports (SQLAlchemy models, openpyxl) happen inside the commands so ``gyoryu --help``
stays instant.
"""

from __future__ import annotations

import typer

from handlers import cli_directory, cli_events, cli_members, cli_support


def register(app: typer.Typer) -> None:
    """Add the secretariat commands to the ``gyoryu`` app."""
    app.add_typer(cli_support.db_app, name="db")
    app.add_typer(cli_members.app, name="members")
    app.add_typer(cli_directory.companies_app, name="companies")
    app.add_typer(cli_directory.groups_app, name="groups")
    app.add_typer(cli_directory.advisors_app, name="advisors")
    app.add_typer(cli_events.app, name="events")
