"""The secretariat's web console, served by ``gyoryu serve`` under ``/admin``.

Server-rendered pages (Starlette + Jinja2, templates and static files in this package, no
script from elsewhere) over the same use-cases as the command line. Log-in is by a one-time link
(:mod:`bot.federation.admins`); sessions live in the database.
"""

from __future__ import annotations

from handlers.admin.common import UPLOAD_LIMIT, too_large
from handlers.admin.web import console_routes, upload_paths

__all__ = ["UPLOAD_LIMIT", "console_routes", "too_large", "upload_paths"]
