"""Logging for people at a terminal: Gyoryu's own notices, libraries only when they warn.

Configured once at the command-line root. By default Gyoryu's packages log from INFO and every
library from WARNING (pypdf from ERROR: a damaged PDF is already reported, in Korean, by the
ingest summary). ``--verbose`` shows everything from DEBUG for Gyoryu and INFO for libraries.
The threshold sits on the handler, so a library that sets its own logger to DEBUG (bm25s does)
still cannot flood the screen.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from handlers import log_privacy

OWN_PACKAGES = ("bot", "knowledge", "ingest", "handlers")
# Libraries whose warnings describe a file's flaws that Gyoryu already reports in its own words.
QUIET_LIBRARIES = {"pypdf": logging.ERROR}
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "gyoryu"


class _Threshold(logging.Filter):
    """Pass a record when its level reaches the threshold for the package that logged it."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def filter(self, record: logging.LogRecord) -> bool:
        top = record.name.split(".", 1)[0]
        if top in OWN_PACKAGES:
            return record.levelno >= (logging.DEBUG if self.verbose else logging.INFO)
        if self.verbose:
            return record.levelno >= logging.INFO
        return record.levelno >= QUIET_LIBRARIES.get(top, logging.WARNING)


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time (a test runner swaps it per command)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _: object) -> None:
        pass


def configure(*, verbose: bool = False) -> None:
    """Send log records through one stderr handler with the thresholds above (idempotent)."""
    log_privacy.install()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
    handler = _StderrHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(_Threshold(verbose))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def is_verbose() -> bool:
    """True when ``--verbose`` asked for everything (a server then logs each request too)."""
    return logging.getLogger().level == logging.DEBUG
