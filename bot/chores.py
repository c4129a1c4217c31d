"""The chores every scheduler round runs after planning, from the packages above the schedule.

Networking (pairing rounds, the yearly profile check) and advisor routing (ticket reminders,
reassignment, escalation) send through the schedule's queue, so the schedule must not import them;
the composition root (``handlers/server.py``) hands :data:`CHORES` to
:func:`bot.schedule.runner.run_forever`. A new periodic job is one more entry here.
"""

from __future__ import annotations

from bot.network import chores as network
from bot.routing import sla
from bot.schedule.runner import Chore

CHORES: tuple[Chore, ...] = (network.run_due, sla.sweep)
"""In order: networking's chores, then tickets' SLA sweep; each in its own transaction."""
