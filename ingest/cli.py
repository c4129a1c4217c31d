"""Command-line commands of the ingest package: ``gyoryu ingest`` and ``gyoryu sources``."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ingest commands to the ``gyoryu`` app."""
