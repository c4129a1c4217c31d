"""Composition root of ``gyoryu serve``: one ASGI server for every configured channel."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the ``gyoryu`` app."""
