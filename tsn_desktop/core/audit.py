"""Who read or changed which record, when: local, and queued for the hub as FHIR AuditEvent."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tsn_desktop.core import outbox
from tsn_desktop.core.clock import utc_iso

# "sign-in" / "sign-in-refused": a Pro Santé Connect sign-in to the hub (tsn_desktop.sync.psc).
ACTIONS = frozenset({"create", "read", "update", "delete", "export", "unlock", "lock",
                     "sign-in", "sign-in-refused"})

# The resource type the hub knows the audit trail by (tsn_desktop.audit syncs it).
HUB_RESOURCE = "AuditEvent"
# Rows of one practitioner, action and record join one unsent event for at most this
# long: re-opening a file ten times in a consultation is one event, not ten.
GROUP_WINDOW = timedelta(hours=1)
# Only a practitioner (an RPPS number) is an agent on the hub. Rows written as "hub"
# (changes pulled from the hub) or "system" stay in the local log.
_PRACTITIONER = re.compile(r"^\d{11}$")

# The newest event of this practitioner, action and record that is still waiting in
# the outbox and not yet in a batch being sent (sync_inflight): only such an event may
# still change; once its body has left, a new row starts a new event.
_OPEN_EVENT = (
    "SELECT e.id FROM audit_event e JOIN outbox o"
    " ON o.resource_type = 'AuditEvent' AND o.resource_id = e.id"
    " WHERE e.origin = 'local' AND e.actor = ? AND e.action = ? AND e.resource_type = ?"
    " AND e.resource_id IS ? AND e.patient_id IS ? AND e.first_at >= ? AND o.state = 'pending'"
    " AND NOT EXISTS (SELECT 1 FROM sync_inflight i WHERE i.op_id = o.op_id)"
    " ORDER BY e.first_at DESC LIMIT 1"
)


@dataclass(frozen=True)
class AuditRecord:
    at: str
    actor: str
    action: str
    resource_type: str
    resource_id: str | None


def record(conn: Any, at: str, actor: str, action: str, resource_type: str,
           resource_id: str | None, *, in_file_of: str | None = None) -> None:
    """Identifiers only: an audit row never holds names or clinical content.

    A practitioner's row is also queued for the hub, in this same transaction.
    `in_file_of` (a patient id), for a creation: the records of this type created in the
    patient's file join one event (as a bulk import: 1 440 readings of a day are one
    AuditEvent "created 1 440 Observations in this patient's file", not 1 440 records
    sent to the hub beside the readings); the local rows keep each record's id."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    cursor = conn.execute(
        "INSERT INTO audit_log (event_id, at, actor, action, resource_type, resource_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), at, actor, action, resource_type, resource_id),
    )
    if _PRACTITIONER.match(actor) and hub_sync_enabled(conn):
        _queue_for_hub(conn, int(cursor.lastrowid), at, actor, action, resource_type,
                       resource_id, in_file_of if action == "create" else None)


def hub_sync_enabled(conn: Any) -> bool:
    """Turned on once by the app that registers the AuditEvent adapter
    (tsn_desktop.audit.enable_hub_sync): without it the rows would wait for ever."""
    return conn.execute("SELECT 1 FROM audit_hub_sync WHERE id = 1").fetchone() is not None


def queue_unsent(conn: Any) -> int:
    """Queues the practitioner rows written before hub sync was on (oldest first,
    grouped as they would have been); returns how many rows it took."""
    rows = conn.execute("SELECT id, at, actor, action, resource_type, resource_id"
                        " FROM audit_log WHERE event_ref IS NULL ORDER BY id").fetchall()
    taken = 0
    for row_id, at, actor, action, resource_type, resource_id in rows:
        if _PRACTITIONER.match(actor):
            _queue_for_hub(conn, row_id, at, actor, action, resource_type, resource_id)
            taken += 1
    return taken


def _queue_for_hub(conn: Any, row_id: int, at: str, actor: str, action: str,
                   resource_type: str, resource_id: str | None,
                   in_file_of: str | None = None) -> None:
    since = utc_iso(_parse(at) - GROUP_WINDOW)
    patient_id: str | None
    if in_file_of is not None:
        # Grouped by patient file: the event names the file and the type, not a record.
        resource_id, patient_id = None, in_file_of
    else:
        patient_id = resource_id if resource_type == "Patient" else None
    row = conn.execute(_OPEN_EVENT, (actor, action, resource_type, resource_id, patient_id,
                                     since)).fetchone()
    if row is not None:
        event_id = str(row[0])
        conn.execute("UPDATE audit_event SET last_at = max(last_at, ?),"
                     " occurrences = occurrences + 1 WHERE id = ?", (at, event_id))
    else:
        event_id = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO audit_event (id, origin, actor, action, resource_type, resource_id,"
            " patient_id, first_at, last_at) VALUES (?, 'local', ?, ?, ?, ?, ?, ?, ?)",
            (event_id, actor, action, resource_type, resource_id, patient_id, at, at))
        # An audit event is never edited on the hub: one upsert, version 1.
        outbox.append(conn, HUB_RESOURCE, event_id, "upsert", 1, None, at)
    conn.execute("UPDATE audit_log SET event_ref = ? WHERE id = ?", (event_id, row_id))


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def for_resource(conn: Any, resource_type: str, resource_id: str) -> list[AuditRecord]:
    rows = conn.execute(
        "SELECT at, actor, action, resource_type, resource_id FROM audit_log"
        " WHERE resource_type = ? AND resource_id = ? ORDER BY id",
        (resource_type, resource_id),
    ).fetchall()
    return [AuditRecord(*row) for row in rows]
