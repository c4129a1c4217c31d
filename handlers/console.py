"""Console channel and one-shot questions: ``gyoryu chat`` and ``gyoryu ask``."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the console commands to the ``gyoryu`` app."""
