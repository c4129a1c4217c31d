"""Secretariat commands: members, companies, groups, advisors, events and the database."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the secretariat commands to the ``gyoryu`` app."""
