"""The audit log: who changed what, recorded in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import texts
from bot.storage.audit_models import AuditEntry


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    **detail: Any,
) -> None:
    """Add an audit entry; ``detail`` should name fields and ids, not personal values."""
    session.add(
        AuditEntry(actor=actor, action=action, entity=entity, entity_id=entity_id, detail=detail)
    )


def entries_for(session: Session, *, entity: str, entity_id: int) -> list[AuditEntry]:
    """Every entry about one record, oldest first."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    )
    return list(session.scalars(query))


def forget_actor(session: Session, *, actor: str) -> None:
    """Replace an erased person's name as actor with a neutral label (PIPA erasure)."""
    session.execute(
        update(AuditEntry).where(AuditEntry.actor == actor).values(actor=texts.FED_ERASED_ACTOR)
    )
