"""What a feature gives sync for each resource type it owns (the SyncAdapter), the
registry app.py fills, and the generic conflict policies features can reuse.

sync/ never imports a feature: features import this module and register here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from tsn_desktop.core import jsontext
from tsn_desktop.core.db import Database, UnitOfWork

Resource = dict[str, Any]


@dataclass(frozen=True)
class MergeResult:
    """The outcome of a conflict between this client's copy and the hub's.

    `resource` is what the record becomes here (None: deleted). `local_lost` says a
    local change was overridden, so the local copy is kept as a conflict record for
    the user. `reason` is a short code (never data) shown in the conflict list.
    """

    resource: Resource | None
    local_lost: bool
    reason: str = ""


@runtime_checkable
class SyncAdapter(Protocol):
    """One resource type, from the feature that owns it.

    An adapter may also offer, for large volumes, `to_fhir_many(db, ids) -> {id: resource}`
    (records unknown here left out), `apply_many(uow, [(id, resource, hub_version)])` and
    `acknowledge_many(uow, [(id, hub_version)])`: the same effect as the one-record
    methods, in fewer statements. The engine uses them when present."""

    resource_type: str

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        """The record as FHIR R4 JSON (tombstones included), None if unknown here."""
        ...

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        """Writes the hub's copy (None: deleted on the hub) WITHOUT an outbox row."""
        ...

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        """The hub stored our copy as `hub_version`: remember it on the record."""
        ...

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        """Reconciles a local edit with a hub change; `base` is the last hub copy seen."""
        ...


class AdapterRegistry:
    """Resource type -> adapter. Built once by app.py, read by the sync engine."""

    def __init__(self, adapters: Iterable[SyncAdapter] = ()) -> None:
        self._adapters: dict[str, SyncAdapter] = {}
        for adapter in adapters:
            self.register(adapter)

    def register(self, adapter: SyncAdapter) -> None:
        if adapter.resource_type in self._adapters:
            raise ValueError(f"two sync adapters for {adapter.resource_type}")
        self._adapters[adapter.resource_type] = _TellsWhatWasPulled(adapter)

    def get(self, resource_type: str) -> SyncAdapter | None:
        return self._adapters.get(resource_type)

    def types(self) -> list[str]:
        return sorted(self._adapters)


class _TellsWhatWasPulled:
    """The feature's adapter, with every hub copy it writes noted on the unit of work, so
    the "records changed" signal covers pulls too without each feature remembering to."""

    def __init__(self, adapter: SyncAdapter) -> None:
        self.adapter = adapter
        self.resource_type = adapter.resource_type

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        self.adapter.apply(uow, record_id, resource, hub_version)
        uow.note_pulled(self.resource_type, record_id)

    def apply_many(self, uow: UnitOfWork,
                   items: list[tuple[str, Resource | None, str]]) -> None:
        """Many (record id, hub copy, hub version) at once: the adapter's own
        `apply_many` when it has one, else `apply` one by one."""
        many = getattr(self.adapter, "apply_many", None)
        if many is not None:
            many(uow, items)
        else:
            for record_id, resource, hub_version in items:
                self.adapter.apply(uow, record_id, resource, hub_version)
        for record_id, _resource, _version in items:
            uow.note_pulled(self.resource_type, record_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.adapter, name)


# --- reading the stored hub copy (the merge base) --------------------------------
def hub_copy(db: Database | UnitOfWork, resource_type: str,
             record_id: str) -> tuple[str, Resource | None] | None:
    """(hub version, hub JSON or None if deleted) last seen for a record, or None."""
    sql = ("SELECT hub_version, deleted, resource FROM hub_base"
           " WHERE resource_type = ? AND resource_id = ?")
    if isinstance(db, Database):
        row = db.query_one(sql, (resource_type, record_id))
    else:
        row = db.execute(sql, (resource_type, record_id)).fetchone()
    if row is None:
        return None
    version, deleted, text = row
    return str(version), (None if deleted or not text else jsontext.loads(text))


def hub_resource(db: Database, resource_type: str, record_id: str) -> Resource | None:
    """The hub's JSON last seen for a record (what an adapter's `to_fhir` writes over, so
    fields this app does not know survive); None if never seen or deleted there."""
    hub = hub_copy(db, resource_type, record_id)
    return hub[1] if hub else None


# --- generic policies ----------------------------------------------------------------
def canonical(resource: Resource | None) -> str:
    """Equal content -> equal text; `meta` is the hub's and does not count."""
    if resource is None:
        return "null"
    body = {k: v for k, v in resource.items() if k != "meta"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def same(a: Resource | None, b: Resource | None) -> bool:
    return canonical(a) == canonical(b)


def local_changes_lost(base: Resource | None, local: Resource | None,
                       result: Resource | None) -> bool:
    """Did an element we changed (against the base) not make it into the result?
    Without a base every difference counts."""
    if local is None or result is None or base is None:
        return not same(local, result)
    for key in set(local) | set(base):
        if key == "meta":
            continue
        mine = local.get(key)
        if mine != base.get(key) and mine != result.get(key):
            return True
    return False


def hub_wins(base: Resource | None, local: Resource | None,
             remote: Resource | None, reason: str = "hub_order") -> MergeResult:
    """The hub's order decides (Immunization): the hub copy stays, ours is kept aside."""
    return MergeResult(remote, local_lost=local_changes_lost(base, local, remote),
                       reason=reason)


def append_only(base: Resource | None, local: Resource | None,
                remote: Resource | None) -> MergeResult:
    """Observation, Communication: a fact is never rewritten; the hub copy stands and
    a different local copy is kept for the user to re-enter as a new record."""
    return hub_wins(base, local, remote, reason="append_only")


# Forward moves of Appointment.status (the hub enforces the same table).
_APPOINTMENT_RANK = {"proposed": 0, "waitlist": 0, "pending": 1, "booked": 2, "arrived": 3,
                     "checked-in": 4, "fulfilled": 5, "noshow": 5, "cancelled": 6,
                     "entered-in-error": 7}


def appointment(base: Resource | None, local: Resource | None,
                remote: Resource | None) -> MergeResult:
    """Cancel wins: if either side cancelled, the result is cancelled. Otherwise the
    status furthest along the state machine wins; other fields follow hub order and
    a local copy that differs from the result is kept as a conflict record."""
    if remote is None or local is None:
        return hub_wins(base, local, remote, reason="deleted")
    local_status = str(local.get("status", ""))
    remote_status = str(remote.get("status", ""))
    merged = dict(remote)
    if "cancelled" in (local_status, remote_status):
        merged["status"] = "cancelled"
        if remote_status != "cancelled":
            for key in ("cancelationReason", "cancellationDate"):
                if key in local:
                    merged[key] = local[key]
        reason = "cancel_wins"
    else:
        if _APPOINTMENT_RANK.get(local_status, -1) > _APPOINTMENT_RANK.get(remote_status, -1):
            merged["status"] = local_status
        reason = "appointment_status"
    return MergeResult(merged, local_lost=local_changes_lost(base, local, merged),
                       reason=reason)
