"""Change log for the hub, written in the same transaction as every local change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OutboxOp:
    seq: int
    op_id: str
    resource_type: str
    resource_id: str
    action: str
    local_version: int
    base_version: str | None
    state: str
    attempts: int


def append(conn: Any, resource_type: str, resource_id: str, action: str,
           local_version: int, base_version: str | None, created_at: str) -> str:
    """Adds one operation; the op_id is the hub's idempotency key for it."""
    if action not in ("upsert", "delete"):
        raise ValueError(f"unknown outbox action {action!r}")
    op_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO outbox (op_id, resource_type, resource_id, action, local_version,"
        " base_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (op_id, resource_type, resource_id, action, local_version, base_version, created_at),
    )
    return op_id


def pending(conn: Any, limit: int = 100) -> list[OutboxOp]:
    """Oldest first, as the hub must see them."""
    rows = conn.execute(
        "SELECT seq, op_id, resource_type, resource_id, action, local_version, base_version,"
        " state, attempts FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
        (limit,),
    ).fetchall()
    return [OutboxOp(*row) for row in rows]


def pending_count(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
