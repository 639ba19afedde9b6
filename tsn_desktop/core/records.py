"""What every synced record of a feature carries, its versioned writes and its refusals."""

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


@dataclass(frozen=True)
class FieldProblem:
    """A field and a code; the feature's ui/texts.py words it."""

    field: str
    code: str


class InvalidRecord(Exception):
    """A record refused as typed, with every problem found in it (nothing was saved)."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}:{p.code}" for p in problems))
        self.problems = problems


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
