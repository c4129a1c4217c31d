"""The one exception loaders raise: a file that cannot be used, with the reason in Korean."""

from __future__ import annotations


class LoadError(Exception):
    """A file was skipped; ``reason`` is the Korean explanation shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
