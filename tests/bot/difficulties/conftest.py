"""The schedule tests' small federation, reused for 애로사항."""

from __future__ import annotations

from tests.bot.schedule.conftest import world  # noqa: F401  (a fixture shared by both packages)
