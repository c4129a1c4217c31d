"""Pending dialog steps: the one thing the bot asked a chat account, which its next message answers.

A step is stored as the action its answer completes, written like a button action
(``<kind>:<payload>``): an RSVP button waiting for the proxy's name (``rsvp:…:proxy``), a "share
a difficulty" button waiting for the text (``diff:share:<event>``), or an offer ("전문가에게
질문을 전달해 드릴까요?", ``ex:<answer>``) whose yes stands for pressing the offered button. The
skill that owns the kind (:mod:`bot.skills`) completes it and says how long it waits (default
:data:`STEP_TTL`); a later message is read as something new.

One step per account and room (platform, conversation, user): asking something new replaces
the old step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from bot.messages import Address
from bot.storage.dialog_models import DialogStep

STEP_TTL = timedelta(minutes=30)
"""How long the bot waits for the message a question asked for, unless its skill says otherwise."""


@dataclass(frozen=True, slots=True)
class Pending:
    """A step waiting for an address's next message: the action it completes, and since when."""

    action: str
    asked_at: datetime

    def live(self, now: datetime, ttl: timedelta = STEP_TTL) -> bool:
        """Whether the step still waits at ``now`` (asked no longer than ``ttl`` ago)."""
        return now - self.asked_at <= ttl


def step_key(address: Address) -> str:
    """The primary key of an address's step: one per platform, room and user."""
    return f"{address.platform}|{address.conversation or ''}|{address.user}"


def step_action(kind: str, payload: str = "") -> str:
    """The stored action of a step of ``kind`` carrying ``payload`` (``kind:payload``)."""
    return f"{kind}:{payload}" if payload else kind


def ask_in(session: Session, address: Address, kind: str, payload: str, now: datetime) -> None:
    """In ``session``'s transaction: wait for ``address``'s next message to complete a step."""
    key = step_key(address)
    session.execute(delete(DialogStep).where(DialogStep.address == key))
    session.add(
        DialogStep(
            address=key,
            platform=address.platform,
            user_id=address.user,
            action=step_action(kind, payload),
            asked_at=now,
        )
    )


def pending_in(session: Session, address: Address) -> Pending | None:
    """In ``session``: the step waiting for ``address``'s next message, live or not."""
    step = session.get(DialogStep, step_key(address))
    return Pending(step.action, step.asked_at) if step is not None else None


class DialogSteps:
    """Pending steps through a session factory (synchronous, one transaction per call)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def ask(self, address: Address, kind: str, payload: str, now: datetime) -> None:
        """Wait for ``address``'s next message to complete a step of ``kind``."""
        with self._sessions.begin() as session:
            ask_in(session, address, kind, payload, now)

    def pending(self, address: Address) -> Pending | None:
        """The step waiting for ``address``'s next message (its owner judges if it is live)."""
        with self._sessions() as session:
            return pending_in(session, address)

    def take(self, address: Address) -> Pending | None:
        """Remove ``address``'s step and return it, so it is answered at most once."""
        with self._sessions.begin() as session:
            step = session.get(DialogStep, step_key(address))
            if step is None:
                return None
            taken = Pending(step.action, step.asked_at)
            session.delete(step)
            return taken

    def drop(self, address: Address, kind: str) -> None:
        """Forget ``address``'s step if it is of ``kind`` (settled some other way)."""
        with self._sessions.begin() as session:
            session.execute(
                delete(DialogStep).where(
                    DialogStep.address == step_key(address),
                    (DialogStep.action == kind) | DialogStep.action.startswith(f"{kind}:"),
                )
            )
