"""The sync service: push (idempotent, per-op outcomes), pull, snapshot, reads.

Everything here is HTTP-agnostic; `api.py` maps it onto routes. Access control
lives here too, because push, pull and the FHIR façade must agree on it.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tsn_hub import batch_push, delegations, fhir, jsonio, resources, threads
from tsn_hub.cursor import (
    BadToken,
    SnapshotPage,
    decode_cursor,
    decode_page,
    encode_cursor,
    encode_page,
    parse_seq,
)
from tsn_hub.policy import (
    AppendOnlyChange,
    append_only_change,
    appointment_transition_allowed,
    loses_qualified_identity,
)
from tsn_hub.storage import (
    SCOPE_DIRECTORY,
    SCOPE_PARTICIPANTS,
    SCOPE_PATIENT,
    Account,
    HubStore,
    ReadTx,
    StoredResource,
    WriteTx,
    is_transient,
)

log = logging.getLogger("tsn_hub.sync")

MAX_OPS = 2000  # §24: was 1 000 (§22: was 100)
MAX_BYTES = 2 * 1024 * 1024  # §22: was 1 MiB
PULL_LIMIT = 2000  # §22: was 500
SNAPSHOT_LIMIT = 2000  # §22: was 500
MAX_WAIT = 30.0
OP_RETENTION_DAYS = 30
TOMBSTONE_RETENTION_DAYS = 180
_MAX_OP_ID = 200


class ResyncRequired(Exception):
    """The client's cursor cannot be continued: it must take a snapshot."""


class BadRequest(Exception):
    """A request the hub cannot parse (not a per-op problem)."""


class _Rejected(Exception):
    def __init__(self, code: str, diagnostics: str) -> None:
        super().__init__(diagnostics)
        self.code = code
        self.diagnostics = diagnostics


# One answer for every "not yours": a patient or record that is unknown, not shared,
# purged, or a directory id reserved for someone else (protocol §8).
_FORBIDDEN = _Rejected("forbidden", "no such patient or record, or no access to it")
_SAFE_LOG_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}\Z")


def log_id(value: object) -> str:
    """An id fit for a log line: as is when well-formed, else escaped and bounded, so a
    newline or a megabyte sent as an op_id cannot forge or flood log lines."""
    if isinstance(value, str) and _SAFE_LOG_ID.match(value):
        return value
    return ascii(value if isinstance(value, str) else type(value).__name__)[:80]


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def hash_token(token: str) -> str:
    # Tokens are 256-bit random strings, so a fast unsalted hash is enough.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Op:
    op_id: str
    resource_type: str
    id: str
    action: str
    base_version: str | None
    resource: object
    digest: str


def parse_op(raw: object) -> Op:
    """Validate the envelope of one op (not its resource)."""
    if not isinstance(raw, dict):
        raise _Rejected("structure", "op must be a JSON object")
    op_id = raw.get("op_id")
    if not isinstance(op_id, str) or not 0 < len(op_id) <= _MAX_OP_ID:
        raise _Rejected("required", "op_id must be a non-empty string")
    if not op_id.isprintable():
        raise _Rejected("value", "op_id must be printable text")
    rtype = raw.get("resource_type")
    if not isinstance(rtype, str) or rtype not in fhir.SUPPORTED_TYPES:
        raise _Rejected("not-supported", "resource_type is not synchronised by this hub")
    rid = raw.get("id")
    if not fhir.is_uuid(rid):
        raise _Rejected("value", "id must be a client-made UUID")
    action = raw.get("action")
    if action not in ("upsert", "delete"):
        raise _Rejected("value", "action must be upsert or delete")
    base = raw.get("base_version")
    if isinstance(base, int) and not isinstance(base, bool) and 0 < base <= fhir.MAX_INT:
        base = str(base)
    if base is not None and not (isinstance(base, str) and parse_seq(base) is not None):
        raise _Rejected("value", "base_version must be null or a version id")
    if action == "upsert" and "resource" not in raw:
        raise _Rejected("required", "an upsert needs a resource")
    digest_src = [rtype, rid, action, base, raw.get("resource") if action == "upsert" else None]
    try:
        digest_text: str | None = jsonio.canonical(digest_src)
    except (RecursionError, ValueError):
        digest_text = None  # the structure check below says what is wrong
    if action == "upsert" and (digest_text is None or not fhir.surely_well_formed(digest_text)):
        # Before hashing or storing anything. Most resources are small and plain: their
        # JSON text alone shows that they keep the rules, without the walk.
        fhir.check_structure(raw.get("resource"))
    if digest_text is None:
        digest_text = jsonio.canonical(digest_src)
    digest = hashlib.sha256(digest_text.encode()).hexdigest()
    return Op(op_id, str(rtype), str(rid), str(action), base, raw.get("resource"), digest)


def _same_op(stored_hash: str, op: Op) -> bool:
    """The op stored under this op_id is this one. Hashes stored before the hub wrote
    its canonical JSON with orjson spelt some numbers otherwise (1e-05 for 1e-5): a
    replay of such an op is compared on that spelling too."""
    if stored_hash == op.digest:
        return True
    resource = op.resource if op.action == "upsert" else None
    legacy = fhir.canonical_json([op.resource_type, op.id, op.action, op.base_version,
                                  resource])
    return stored_hash == hashlib.sha256(legacy.encode()).hexdigest()


def _change(row: StoredResource) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "resource_type": row.resource_type,
        "id": row.id,
        "version": str(row.vid),
        "action": "delete" if row.deleted else "upsert",
        "resource": row.content,
        "last_updated": iso(row.updated_at),
    }


@dataclass(frozen=True)
class _Access:
    scope: str
    patient_id: str | None
    participants: frozenset[str] = frozenset()


class SyncService:
    def __init__(self, store: HubStore, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self._epoch: str | None = None

    # -- push ----------------------------------------------------------------
    def push(self, actor: Account, ops: list[object]) -> list[dict[str, Any]]:
        """Apply a batch in one transaction; each op in its own savepoint."""
        now = self.clock()
        results: list[dict[str, Any]] = []
        with self.store.write() as tx:
            start = 0
            while start < len(ops):
                # Runs of plain creates (readings) go in bulk: tsn_hub.batch_push.
                end = start
                while end < len(ops) and batch_push.is_plain_create(ops[end]):
                    end += 1
                if end - start >= batch_push.MIN_RUN:
                    results.extend(batch_push.push_run(self, tx, actor, ops[start:end], now))
                    start = end
                    continue
                results.append(self._push_one(tx, actor, ops[start], now))
                start += 1
        counts: dict[str, int] = {}
        debug = log.isEnabledFor(logging.DEBUG)  # (the ids are not even formatted else)
        for result in results:
            counts[result["status"]] = counts.get(result["status"], 0) + 1
            if debug:
                log.debug(
                    "op %s %s %s",
                    log_id(result.get("op_id")),
                    log_id(result.get("resource_type")),
                    result["status"],
                )
        log.info("push by %s: %d ops %s", actor.rpps, len(ops), counts)
        return results

    def _push_one(self, tx: WriteTx, actor: Account, raw: object, now: float) -> dict[str, Any]:
        ident = {key: _echo(raw.get(key) if isinstance(raw, dict) else None)
                 for key in ("op_id", "resource_type", "id")}
        try:
            with tx.savepoint():
                return self._apply(tx, actor, parse_op(raw), now)
        except _Rejected as exc:
            return _rejected(ident, exc.code, exc.diagnostics)
        except fhir.InvalidResource as exc:
            return _rejected(ident, exc.code, exc.diagnostics)
        except Exception as exc:  # noqa: BLE001 - one bad op must not sink the batch
            if is_transient(exc):
                raise  # the whole push fails with 503 and the client retries it
            # Type only: driver messages can quote row values.
            log.error("op %s failed: %s", log_id(ident["op_id"]), type(exc).__name__)
            return _rejected(ident, "exception", "the hub could not apply this op")

    def _apply(self, tx: WriteTx, actor: Account, op: Op, now: float) -> dict[str, Any]:
        stored = tx.find_op(actor.rpps, op.op_id)
        if stored is not None:
            if not _same_op(stored.op_hash, op):
                raise _Rejected("business-rule", "op_id was already used for a different op")
            return {**stored.result, "status": "duplicate"}
        current = tx.get(op.resource_type, op.id)
        if current is not None and not tx.visible(actor.rpps, op.resource_type, op.id):
            raise _FORBIDDEN
        if op.resource_type == "Patient" and current is None and tx.is_retired(op.id):
            raise _FORBIDDEN  # a purged patient's id is never re-acquired
        if op.action == "delete":
            return self._delete(tx, actor, op, current, now)
        resource = fhir.validate_resource(op.resource_type, op.id, op.resource,
                                          structure_checked=True)  # by parse_op
        access = self._access(tx, actor, resource, current)
        if current is not None and current.patient_id not in (None, access.patient_id):
            raise _Rejected("business-rule", "a record never changes patient")
        self._check_policy(tx, actor, resource, current)
        if op.resource_type == "Appointment" and (why := delegations.refusal(
                tx, actor.rpps, resource, current.content if current else None)):
            raise _Rejected("forbidden", why)  # another's agenda: delegates only
        ident = {"op_id": op.op_id, "resource_type": op.resource_type, "id": op.id}

        if op.resource_type in fhir.APPEND_ONLY_TYPES:
            # Append-only records never conflict: same content is a replay.
            if current is not None and current.content is not None:
                change = append_only_change(current.content, resource)
                if change is AppendOnlyChange.SAME:
                    return {
                        **ident,
                        "status": "duplicate",
                        "version": str(current.vid),
                        "seq": current.seq,
                    }
                if change is AppendOnlyChange.CHANGED:
                    raise _Rejected(
                        "business-rule",
                        f"{op.resource_type} is append-only: only status entered-in-error"
                        " may change",
                    )
        elif current is None:
            if op.base_version is not None:
                return _conflict(ident, None, "base-version-mismatch")
        else:
            if op.base_version != str(current.vid):
                return _conflict(ident, current, "base-version-mismatch")
            if current.content is not None:
                if op.resource_type == "Patient" and loses_qualified_identity(
                    current.content, resource
                ):
                    return _conflict(ident, current, "qualified-identity")
                if op.resource_type == "Appointment" and not appointment_transition_allowed(
                    str(current.content.get("status")), str(resource.get("status"))
                ):
                    raise _Rejected("business-rule", "Appointment status cannot move that way")

        vid = current.vid + 1 if current else 1
        seq = tx.next_seq()
        content = dict(resource)
        meta = dict(content.get("meta") or {}) if isinstance(content.get("meta"), dict) else {}
        meta.update(versionId=str(vid), lastUpdated=iso(now))
        content["meta"] = meta
        row = StoredResource(
            op.resource_type, op.id, vid, seq, False, content, access.patient_id, access.scope, now
        )
        tx.put(row, actor.rpps)
        self._grant(tx, actor, row, access, created=current is None)
        result = {**ident, "status": "applied", "version": str(vid), "seq": seq}
        tx.save_op(actor.rpps, op.op_id, op.digest, result, now)
        return result

    def _delete(
        self, tx: WriteTx, actor: Account, op: Op, current: StoredResource | None, now: float
    ) -> dict[str, Any]:
        ident = {"op_id": op.op_id, "resource_type": op.resource_type, "id": op.id}
        if current is None:
            raise _FORBIDDEN
        if op.resource_type in fhir.APPEND_ONLY_TYPES:
            raise _Rejected("business-rule", "append-only: mark it entered-in-error instead")
        if op.resource_type == "Practitioner":
            raise _Rejected("forbidden", "directory entries are deactivated, not deleted")
        if op.resource_type == "DocumentReference" and current.content is not None:
            resources.document_access(actor.rpps, current.content, current,  # publisher only
                                      lambda refs: self._rpps_set(tx, refs))
        if current.deleted:
            return {**ident, "status": "duplicate", "version": str(current.vid), "seq": current.seq}
        if op.base_version != str(current.vid):
            return _conflict(ident, current, "base-version-mismatch")
        if op.resource_type in ("Patient", "CareTeam") and current.patient_id:
            if not self._manages(tx, actor, current.patient_id):
                raise _Rejected(
                    "forbidden",
                    f"only the patient's creator or treating GP may delete a {op.resource_type}",
                )
        vid, seq = current.vid + 1, tx.next_seq()
        row = StoredResource(
            op.resource_type, op.id, vid, seq, True, None, current.patient_id, current.scope, now
        )
        tx.put(row, actor.rpps)
        if op.resource_type == "CareTeam":
            tx.replace_patient_grants(f"CareTeam/{op.id}", current.patient_id or "", ())
        result = {**ident, "status": "applied", "version": str(vid), "seq": seq}
        tx.save_op(actor.rpps, op.op_id, op.digest, result, now)
        return result

    # -- access control ------------------------------------------------------
    def _access(
        self,
        tx: ReadTx,
        actor: Account,
        resource: dict[str, Any],
        current: StoredResource | None,
    ) -> _Access:
        """Where a pushed resource lives and who sees it; raises if the actor may not write."""
        rtype = resource["resourceType"]
        if rtype == "Practitioner":
            # The shared directory: each practitioner maintains their own entry, at the
            # id derived from their RPPS (validate_resource checked the derivation).
            if fhir.rpps_of_practitioner(resource) != actor.rpps:
                raise _FORBIDDEN
            if current is not None and current.content is not None:
                if fhir.rpps_of_practitioner(current.content) != actor.rpps:
                    raise _FORBIDDEN
            return _Access(SCOPE_DIRECTORY, None)
        patient_id = fhir.patient_of(resource)
        if rtype == "AuditEvent":
            # Who did it is the one who says so: an event naming a colleague as its agent
            # would put words in their mouth (and in the patient's access history).
            agents = self._rpps_set(tx, fhir.audit_agents(resource))
            if agents != {actor.rpps}:
                raise _FORBIDDEN
        if rtype == "Patient":
            if current is not None and not tx.has_patient_access(resource["id"], actor.rpps):
                raise _FORBIDDEN
            return _Access(SCOPE_PATIENT, patient_id)
        if patient_id is not None and not tx.has_patient_access(patient_id, actor.rpps):
            raise _FORBIDDEN
        if rtype == "Communication":
            readers = threads.check_post(tx, actor.rpps, resource, patient_id,
                                         lambda refs: self._rpps_set(tx, refs))
            return _Access(SCOPE_PARTICIPANTS, patient_id, readers)
        if patient_id is not None:
            return _Access(SCOPE_PATIENT, patient_id)
        if rtype in ("Appointment", "AuditEvent"):
            # No patient named: private to its author (and an appointment's practitioners).
            refs = [
                p.get("actor") for p in resource.get("participant") or [] if isinstance(p, dict)
            ]
            people = self._rpps_set(tx, refs) | {actor.rpps}
            return _Access(SCOPE_PARTICIPANTS, None, frozenset(people))
        if rtype == "DocumentReference":  # the shared resource base (tsn_hub.resources)
            scope, readers = resources.document_access(actor.rpps, resource, current,
                                                       lambda refs: self._rpps_set(tx, refs))
            return _Access(scope, None, readers)
        raise _Rejected("required", f"{rtype} must reference a Patient")

    # -- who may do what on a shared patient (protocol §8) --------------------
    def _manages(self, tx: ReadTx, actor: Account, patient_id: str) -> bool:
        """The patient's creator or treating GP (named by RPPS in generalPractitioner)."""
        if "creator" in tx.patient_access_sources(patient_id, actor.rpps):
            return True
        patient = tx.get("Patient", patient_id)
        if patient is None or patient.content is None:
            return False
        return actor.rpps in self._rpps_set(tx, fhir.general_practitioners(patient.content))

    def _check_policy(
        self, tx: ReadTx, actor: Account, resource: dict[str, Any], current: StoredResource | None
    ) -> None:
        """Members read and write the file and may share it onward; only a manager
        (creator or treating GP) removes someone else, closes a team, or names the GP."""
        rtype = resource["resourceType"]
        if rtype not in ("Patient", "CareTeam"):
            return
        patient_id = fhir.patient_of(resource)
        if not patient_id or current is None or current.content is None:
            return  # a create: the creator of a Patient, or a member's new team
        if rtype == "Patient":
            before = self._rpps_set(tx, fhir.general_practitioners(current.content))
            after = self._rpps_set(tx, fhir.general_practitioners(resource))
            if before != after and not self._manages(tx, actor, patient_id):
                raise _Rejected(
                    "forbidden", "only the patient's creator or treating GP may change the GP"
                )
            return
        before = self._rpps_set(tx, fhir.granting_members(current.content))
        after = self._rpps_set(tx, fhir.granting_members(resource))
        removed = before - after - {actor.rpps}
        if removed and not self._manages(tx, actor, patient_id):
            raise _Rejected(
                "forbidden",
                "only the patient's creator or treating GP may remove others from the care team",
            )

    def _grant(
        self, tx: WriteTx, actor: Account, row: StoredResource, access: _Access, created: bool
    ) -> None:
        if row.resource_type == "Patient" and created:
            tx.add_patient_grant(row.id, actor.rpps, "creator")
        elif row.resource_type == "CareTeam" and row.content is not None:
            members = self._rpps_set(tx, fhir.granting_members(row.content))
            tx.replace_patient_grants(f"CareTeam/{row.id}", row.patient_id or "", members)
        if row.resource_type == "Communication":
            threads.record_post(tx, row, access.participants)
        elif access.scope == SCOPE_PARTICIPANTS:
            tx.replace_resource_grants(row.resource_type, row.id, access.participants)

    @staticmethod
    def _rpps_set(tx: ReadTx, refs: list[object]) -> set[str]:
        """RPPS numbers named by references (logical RPPS identifier or Practitioner/<id>).

        A `Practitioner/<id>` counts only when the entry's id is the one derived from
        the RPPS it carries, so an entry written at someone else's id grants nothing."""
        found: set[str] = set()
        for ref in refs:
            rpps, practitioner_id = fhir.practitioner_ref(ref)
            if rpps is None and fhir.is_uuid(practitioner_id):
                row = tx.get("Practitioner", str(practitioner_id))
                if row is not None and row.content is not None:
                    named = fhir.rpps_of_practitioner(row.content)
                    if named and fhir.practitioner_id(named) == practitioner_id:
                        rpps = named
            if rpps and fhir.is_valid_rpps(rpps):
                found.add(rpps)
        return found

    # -- pull ----------------------------------------------------------------
    def pull(self, actor: Account, cursor: str | None, limit: int) -> dict[str, Any]:
        limit = max(1, min(limit, PULL_LIMIT))
        with self.store.read() as tx:
            meta = tx.meta()
            epoch, after = meta.epoch, 0
            if cursor:
                try:
                    epoch, after = decode_cursor(cursor)
                except BadToken as exc:
                    raise BadRequest("cursor is not a cursor of this hub") from exc
            last = tx.last_seq()
            if epoch != meta.epoch:
                raise ResyncRequired("cursor is from another hub epoch")
            if 0 < after < meta.tombstone_horizon:
                raise ResyncRequired("cursor is older than the tombstone horizon")
            if after > last:
                raise ResyncRequired("cursor is ahead of this hub (restored from a backup?)")
            rows = tx.changes(actor.rpps, after, limit + 1)
        has_more = len(rows) > limit
        rows = rows[:limit]
        # Nothing more to see: jump to the last committed seq, past changes this
        # practitioner may not see, so the next pull does not rescan them.
        next_seq = rows[-1].seq if has_more else max(after, last)
        return {
            "changes": [_change(r) for r in rows],
            "next_cursor": encode_cursor(meta.epoch, next_seq),
            "has_more": has_more,
            "server_time": iso(self.clock()),
        }

    # -- snapshot ------------------------------------------------------------
    def snapshot(
        self, actor: Account, page_token: str | None, limit: int, patient: str | None
    ) -> dict[str, Any]:
        limit = max(1, min(limit, SNAPSHOT_LIMIT))
        if patient is not None and not fhir.is_uuid(patient):
            raise BadRequest("patient must be a patient id")
        with self.store.read() as tx:
            meta = tx.meta()
            if page_token:
                try:
                    page = decode_page(page_token)
                except BadToken as exc:
                    raise BadRequest("page is not a snapshot page of this hub") from exc
                if page.epoch != meta.epoch:
                    raise ResyncRequired("snapshot page is from another hub epoch")
                if page.at_seq < meta.tombstone_horizon:
                    raise ResyncRequired("snapshot expired: start again")
            else:
                page = SnapshotPage(meta.epoch, tx.last_seq(), "", "", patient or "")
            rows = tx.snapshot_page(
                actor.rpps,
                page.at_seq,
                (page.after_type, page.after_id),
                limit + 1,
                page.patient or None,
            )
        more = len(rows) > limit
        rows = rows[:limit]
        next_page = None
        if more:
            last = rows[-1]
            next_page = encode_page(
                SnapshotPage(meta.epoch, page.at_seq, last.resource_type, last.id, page.patient)
            )
        return {
            "at_seq": page.at_seq,
            "resources": [_change(r) for r in rows],
            "next_page": next_page,
            "cursor": encode_cursor(meta.epoch, page.at_seq),
            "epoch": meta.epoch,
            "server_time": iso(self.clock()),
        }

    # -- FHIR reads ----------------------------------------------------------
    def read(
        self, actor: Account, resource_type: str, resource_id: str, vid: int | None = None
    ) -> StoredResource | None:
        """The current (or a given) version, or None when unknown or not allowed."""
        if resource_type not in fhir.SUPPORTED_TYPES or not fhir.is_uuid(resource_id):
            return None
        with self.store.read() as tx:
            if not tx.visible(actor.rpps, resource_type, resource_id):
                return None
            if vid is None:
                return tx.get(resource_type, resource_id)
            return tx.get_version(resource_type, resource_id, vid)

    def history(
        self, actor: Account, resource_type: str, resource_id: str
    ) -> list[StoredResource] | None:
        if resource_type not in fhir.SUPPORTED_TYPES or not fhir.is_uuid(resource_id):
            return None
        with self.store.read() as tx:
            if not tx.visible(actor.rpps, resource_type, resource_id):
                return None
            return tx.history(resource_type, resource_id)


def _echo(value: object) -> object:
    """An op's own field echoed in its result only when it can be sent back as is."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) <= 200 and fhir.is_clean_text(value):
        return value
    return None


def _rejected(ident: dict[str, Any], code: str, diagnostics: str) -> dict[str, Any]:
    return {**ident, "status": "rejected", "outcome": fhir.operation_outcome(code, diagnostics)}


def _conflict(ident: dict[str, Any], current: StoredResource | None, reason: str) -> dict[str, Any]:
    return {
        **ident,
        "status": "conflict",
        "reason": reason,
        "version": str(current.vid) if current else None,
        "seq": current.seq if current else None,
        "deleted": current is None or current.deleted,
        "current": current.content if current else None,
    }
