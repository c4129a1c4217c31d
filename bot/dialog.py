"""Pending dialog steps: the one thing the bot asked a chat account, which its next message answers.

A step is the action the answer completes: an RSVP button waiting for the proxy's name, a
"share a difficulty" button waiting for the text, or an offer ("전문가에게 질문을 전달해
드릴까요?") whose yes stands for pressing the offered button. One step per account and room;
asking something new replaces the old step, and a step older than :data:`STEP_TTL` is forgotten
(the next message is read as something new).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from bot.messages import Address
from bot.storage.dialog_models import DialogStep

# How long the bot waits for the message a question asked for; later messages are read as new ones.
STEP_TTL = timedelta(minutes=30)


def step_key(address: Address) -> str:
    """The primary key of an address's step: one per platform, room and user."""
    return f"{address.platform}|{address.conversation or ''}|{address.user}"


def ask_next(session: Session, address: Address, action: str, now: datetime) -> None:
    """In ``session``'s transaction: wait for ``address``'s next message to complete ``action``."""
    key = step_key(address)
    session.execute(delete(DialogStep).where(DialogStep.address == key))
    session.add(
        DialogStep(
            address=key,
            platform=address.platform,
            user_id=address.user,
            action=action,
            asked_at=now,
        )
    )


class DialogSteps:
    """Pending steps through a session factory (synchronous, one transaction per call)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def ask(self, address: Address, action: str, now: datetime) -> None:
        """Wait for ``address``'s next message to complete ``action``."""
        with self._sessions.begin() as session:
            ask_next(session, address, action, now)

    def pending(self, address: Address, now: datetime) -> str | None:
        """The action ``address``'s next message would complete, if a live step waits for it."""
        with self._sessions() as session:
            step = session.get(DialogStep, step_key(address))
            return step.action if step is not None and now - step.asked_at <= STEP_TTL else None

    def take(self, address: Address, now: datetime) -> str | None:
        """Remove ``address``'s step; its action when it was still live."""
        with self._sessions.begin() as session:
            step = session.get(DialogStep, step_key(address))
            if step is None:
                return None
            action, asked_at = step.action, step.asked_at
            session.delete(step)
            return action if now - asked_at <= STEP_TTL else None

    def drop(self, address: Address, *, prefix: str) -> None:
        """Forget ``address``'s step if its action starts with ``prefix`` (settled otherwise)."""
        with self._sessions.begin() as session:
            session.execute(
                delete(DialogStep).where(
                    DialogStep.address == step_key(address), DialogStep.action.startswith(prefix)
                )
            )
