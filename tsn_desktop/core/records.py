"""What every synced record of a feature carries, and its versioned writes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a model imports RecordMeta: no database module at run time
    from tsn_desktop.core.db import UnitOfWork


@dataclass(frozen=True)
class RecordMeta:
    local_version: int = 0
    hub_version: str | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted: bool = False


def write_version(uow: UnitOfWork, table: str, resource: str, record_id: str,
                  meta: RecordMeta, assignments: str, values: Sequence[Any],
                  stale: Callable[[str], Exception], action: str = "upsert") -> tuple[int, str]:
    """Sets `assignments` ("column = ?, ..." with `values`) on the live record at the
    version `meta` was read at, one version up, and queues `action` for the hub; raises
    `stale(record_id)` if the stored version moved on meanwhile. Returns (version, now)."""
    now = uow.now_iso()
    version = meta.local_version + 1
    cursor = uow.execute(
        f"UPDATE {table} SET local_version = ?, updated_at = ?, {assignments}"
        " WHERE id = ? AND local_version = ? AND deleted = 0",
        [version, now, *values, record_id, meta.local_version])
    if cursor.rowcount != 1:
        raise stale(record_id)
    uow.record_change(resource, record_id, action, version, meta.hub_version)
    return version, now
