"""Push of many plain creates at once (a watch's readings): same checks, fewer statements.

A run of consecutive ops that each create a record of a patient-scoped type with no
side rules (no grants, no policy, no delegation) is checked op by op exactly as
`SyncService._apply` does (envelope, structure, type rules, the actor's access to the
patient), but its lookups are one query for the run and its writes one `executemany`
per table. Anything else in the run (an op id or record the hub already knows, a
record twice in the run) goes through the one-op path in its turn, so results and
sequence numbers keep the order of the ops. If the bulk write fails, the run is undone
and applied again one op at a time: no outcome can differ from the one-op path.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from tsn_hub import fhir
from tsn_hub.storage import SCOPE_PATIENT, Account, StoredResource, WriteTx, is_transient

if TYPE_CHECKING:
    from tsn_hub.sync import Op, SyncService

log = logging.getLogger("tsn_hub.sync")

# Patient-scoped types whose create touches nothing but the record and its op: no
# grants (Patient, CareTeam), no readers list (Communication, Appointment, AuditEvent,
# DocumentReference), no policy or delegation rule, no directory (Practitioner).
PLAIN_TYPES = frozenset({
    "Observation", "Immunization", "ImmunizationRecommendation", "Condition",
    "EpisodeOfCare", "DetectedIssue", "Task", "AdverseEvent",
}) & fhir.SUPPORTED_TYPES
MIN_RUN = 2


def is_plain_create(raw: object) -> bool:
    """A first look at the envelope (parse_op still checks all of it)."""
    if not isinstance(raw, dict):
        return False
    rtype = raw.get("resource_type")
    return (isinstance(rtype, str) and rtype in PLAIN_TYPES and raw.get("action") == "upsert"
            and raw.get("base_version") is None)


class _AccessMemo:
    """The transaction, with the actor's access to each patient asked once per run:
    ops of PLAIN_TYPES never change who may see a patient."""

    def __init__(self, tx: WriteTx) -> None:
        self._tx = tx
        self._known: dict[tuple[str, str], bool] = {}

    def has_patient_access(self, patient_id: str, rpps: str) -> bool:
        key = (patient_id, rpps)
        if key not in self._known:
            self._known[key] = self._tx.has_patient_access(patient_id, rpps)
        return self._known[key]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tx, name)


def push_run(service: SyncService, tx: WriteTx, actor: Account, raws: list[object],
             now: float) -> list[dict[str, Any]]:
    """Results of a run of plain creates, in order, as `_push_one` would give them."""
    try:
        with tx.savepoint():
            return _bulk(service, tx, actor, raws, now)
    except Exception as exc:
        if is_transient(exc):
            raise
        # Type only: driver messages can quote row values.
        log.error("bulk push of %d ops failed (%s): applied one by one", len(raws),
                  type(exc).__name__)
        return [service._push_one(tx, actor, raw, now) for raw in raws]


def _bulk(service: SyncService, tx: WriteTx, actor: Account, raws: list[object],
          now: float) -> list[dict[str, Any]]:
    from tsn_hub.sync import _echo, _Rejected, _rejected, iso, parse_op

    parsed: list[Op | dict[str, Any]] = []
    for raw in raws:
        try:
            parsed.append(parse_op(raw))
        except (_Rejected, fhir.InvalidResource) as exc:
            ident = {key: _echo(raw.get(key) if isinstance(raw, dict) else None)
                     for key in ("op_id", "resource_type", "id")}
            parsed.append(_rejected(ident, exc.code, exc.diagnostics))
    ops = [op for op in parsed if not isinstance(op, dict)]
    stored_ops = tx.find_ops(actor.rpps, [op.op_id for op in ops])
    current: dict[tuple[str, str], StoredResource] = {}
    for rtype in {op.resource_type for op in ops}:
        found = tx.get_many(rtype, [op.id for op in ops if op.resource_type == rtype])
        current.update(((rtype, rid), row) for rid, row in found.items())
    memo = _AccessMemo(tx)
    stamp = iso(now)

    results: list[dict[str, Any]] = []
    rows: list[StoredResource] = []
    saved: list[tuple[str, str, dict[str, Any]]] = []
    seen_ops: set[str] = set()
    seen_records: set[tuple[str, str]] = set()

    def flush() -> None:
        if rows:
            tx.put_new_many(rows, actor.rpps)
            tx.save_ops(actor.rpps, saved, now)
            rows.clear()
            saved.clear()

    for raw, op in zip(raws, parsed, strict=True):
        if isinstance(op, dict):
            results.append(op)  # refused by parse_op: nothing was written for it
            continue
        key = (op.resource_type, op.id)
        if op.op_id in stored_ops or key in current or op.op_id in seen_ops \
                or key in seen_records:
            # A replay, an existing record, or the run's own earlier op: the one-op path
            # reads what the run wrote so far.
            flush()
            results.append(service._push_one(tx, actor, raw, now))
        else:
            results.append(_create(service, memo, actor, op, now, stamp, rows, saved))
        seen_ops.add(op.op_id)
        seen_records.add(key)
    flush()
    return results


def _create(service: SyncService, tx: _AccessMemo, actor: Account, op: Op, now: float,
            stamp: str, rows: list[StoredResource],
            saved: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """`SyncService._apply` for an op of PLAIN_TYPES whose op id and record are new;
    `stamp` is iso(now), the lastUpdated of the push."""
    from tsn_hub.sync import _Rejected, _rejected

    ident = {"op_id": op.op_id, "resource_type": op.resource_type, "id": op.id}
    try:
        resource = fhir.validate_resource(op.resource_type, op.id, op.resource,
                                          structure_checked=True)
        access = service._access(tx, actor, resource, None)  # type: ignore[arg-type, unused-ignore]
    except (_Rejected, fhir.InvalidResource) as exc:
        return _rejected(ident, exc.code, exc.diagnostics)
    if access.scope != SCOPE_PATIENT:  # PLAIN_TYPES are patient-scoped; never reached
        raise RuntimeError("plain create outside a patient's file")
    seq = tx.next_seq()
    content = dict(resource)
    meta = dict(content.get("meta") or {}) if isinstance(content.get("meta"), dict) else {}
    meta.update(versionId="1", lastUpdated=stamp)
    content["meta"] = meta
    rows.append(StoredResource(op.resource_type, op.id, 1, seq, False, content,
                               access.patient_id, access.scope, now))
    result = {**ident, "status": "applied", "version": "1", "seq": seq}
    saved.append((op.op_id, op.digest, result))
    return result
