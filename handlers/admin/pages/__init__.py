"""The console's pages, one module each; :data:`PAGES` is the navigation, in its order.

To add a page: write ``handlers/admin/pages/<page>.py`` with ``routes(console)`` and
``PAGE = Page(name=<route name>, label=texts.ADM_NAV_<PAGE>, routes=routes)``, its templates in
``handlers/admin/templates/``, its texts in ``bot/texts/admin.py`` under the page's heading, and
add one line to :data:`PAGES` below.
"""

from __future__ import annotations

from handlers.admin.common import Page
from handlers.admin.pages import (
    auth,
    difficulties,
    documents,
    events,
    expert,
    members,
    networking,
    questions,
    today,
)

PAGES: tuple[Page, ...] = (
    today.PAGE,
    questions.PAGE,
    documents.PAGE,
    events.PAGE,
    difficulties.PAGE,
    expert.PAGE,
    members.PAGE,
    networking.PAGE,
    auth.PAGE,
)

__all__ = ["PAGES"]
