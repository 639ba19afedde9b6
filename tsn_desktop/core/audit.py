"""Who read or changed which record, when: local, later synced as FHIR AuditEvent."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

ACTIONS = frozenset({"create", "read", "update", "delete", "export", "unlock", "lock"})


@dataclass(frozen=True)
class AuditRecord:
    at: str
    actor: str
    action: str
    resource_type: str
    resource_id: str | None


def record(conn: Any, at: str, actor: str, action: str, resource_type: str,
           resource_id: str | None) -> None:
    """Identifiers only: an audit row never holds names or clinical content."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    conn.execute(
        "INSERT INTO audit_log (event_id, at, actor, action, resource_type, resource_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), at, actor, action, resource_type, resource_id),
    )


def for_resource(conn: Any, resource_type: str, resource_id: str) -> list[AuditRecord]:
    rows = conn.execute(
        "SELECT at, actor, action, resource_type, resource_id FROM audit_log"
        " WHERE resource_type = ? AND resource_id = ? ORDER BY id",
        (resource_type, resource_id),
    ).fetchall()
    return [AuditRecord(*row) for row in rows]
