"""Networking's periodic work, run by the scheduler before each delivery round.

Requests nobody answered in time are closed (the asker is told, without a reason). Everything
else networking sends is queued ahead with its due time, so the scheduler only has to send it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.network import intros


def run_due(session: Session, now: datetime) -> int:
    """Do what is due at ``now``; how many things were done."""
    return intros.expire_due(session, now)
