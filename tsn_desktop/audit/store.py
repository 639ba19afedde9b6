"""SQL for the audit viewer and the AuditEvent sync: audit_log, audit_event (migration 0008).

Names are read for display only, straight from the tables that hold them (the
profile, the patient register, care-team members): a page of 200 lines needs them in
a few queries, not one service call per line. Nothing here writes those tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tsn_desktop.audit.model import HUB, LOCAL, AuditEntry, AuditFilter, parse_utc
from tsn_desktop.core.db import Database, UnitOfWork

RESOURCE = "AuditEvent"

# Local rows and colleagues' events, one shape. `k` orders lines that share a time.
_LINES = (
    "SELECT 'L' || printf('%012d', l.id) AS k, l.at AS at, NULL AS until, 1 AS n,"
    " l.actor AS actor, l.action AS action, l.resource_type AS rtype,"
    " l.resource_id AS rid,"
    " CASE WHEN l.resource_type = 'Patient' THEN l.resource_id END AS pid,"
    " 'local' AS origin, l.synced AS synced FROM audit_log l"
    " UNION ALL"
    " SELECT 'H' || e.id, e.first_at, e.last_at, e.occurrences, e.actor, e.action,"
    " e.resource_type, e.resource_id, e.patient_id, 'hub', 1 FROM audit_event e"
    " WHERE e.origin = 'hub'"
)


@dataclass(frozen=True)
class Event:
    """One AuditEvent as stored here (ours, or a colleague's pulled from the hub)."""

    id: str
    origin: str
    actor: str
    action: str
    resource_type: str
    resource_id: str | None
    patient_id: str | None
    first_at: str
    last_at: str
    occurrences: int
    hub_version: str | None
    resource: str | None


def _where(flt: AuditFilter, after: AuditEntry | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.patient_ids is not None:
        ids = list(flt.patient_ids)
        part = f"pid IN ({','.join('?' * len(ids))})" if ids else "0"
        params.extend(ids)
        if flt.record_ids:
            part += f" OR rid IN ({','.join('?' * len(flt.record_ids))})"
            params.extend(flt.record_ids)
        clauses.append(f"({part})")
    if flt.actor is not None:
        clauses.append("actor = ?")
        params.append(flt.actor)
    if flt.action is not None:
        clauses.append("action = ?")
        params.append(flt.action)
    start, end = flt.utc_bounds()
    if start is not None:
        clauses.append("at >= ?")
        params.append(start)
    if end is not None:
        clauses.append("at < ?")
        params.append(end)
    if after is not None:
        at = after.at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        clauses.append("(at < ? OR (at = ? AND k < ?))")
        params.extend([at, at, after.key])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def lines(db: Database, flt: AuditFilter, limit: int,
          after: AuditEntry | None = None) -> list[AuditEntry]:
    """Newest first; `after` is the last line of the previous page (keyset paging:
    rows written while the user scrolls do not shift the pages)."""
    where, params = _where(flt, after)
    rows = db.query(f"SELECT k, at, until, n, actor, action, rtype, rid, pid, origin, synced"
                    f" FROM ({_LINES}){where} ORDER BY at DESC, k DESC LIMIT ?",
                    [*params, limit])
    return [AuditEntry(key=r[0], at=parse_utc(r[1]), until=parse_utc(r[2]) if r[2] else None,
                       occurrences=int(r[3]), actor=r[4], action=r[5], resource_type=r[6],
                       resource_id=r[7], patient_id=r[8], origin=r[9], synced=bool(r[10]))
            for r in rows]


def count(db: Database, flt: AuditFilter) -> int:
    where, params = _where(flt, None)
    row = db.query_one(f"SELECT count(*) FROM ({_LINES}){where}", params)
    return int(row[0]) if row else 0


def actors(db: Database) -> list[str]:
    rows = db.query("SELECT actor FROM audit_log UNION SELECT actor FROM audit_event"
                    " ORDER BY 1")
    return [str(r[0]) for r in rows]


def practitioner_names(db: Database) -> dict[str, str]:
    """RPPS -> name: care-team members as typed when sharing, then this profile's own."""
    names: dict[str, str] = {}
    for rpps, display in db.query(
            "SELECT json_extract(m.value, '$.rpps'), json_extract(m.value, '$.display')"
            " FROM care_team t, json_each(t.members) m WHERE t.deleted = 0"):
        if rpps and display:
            names[str(rpps)] = str(display)
    own = db.query_one("SELECT rpps, given_names, family_name FROM practitioner_profile"
                       " WHERE id = 1")
    if own is not None:
        names[str(own[0])] = f"{own[1]} {str(own[2]).upper()}".strip()
    return names


def patient_names(db: Database, patient_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(patient_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for pid, birth, used, given in db.query(
                "SELECT id, birth_name, used_name, given_names FROM patient"
                f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            family = (used or birth or "").upper()
            found[str(pid)] = f"{family} {given}".strip()
    return found


# --- AuditEvent sync --------------------------------------------------------------------
_EVENT = ("SELECT id, origin, actor, action, resource_type, resource_id, patient_id,"
          " first_at, last_at, occurrences, hub_version, resource FROM audit_event")


def event(src: Database | UnitOfWork, event_id: str) -> Event | None:
    sql, params = _EVENT + " WHERE id = ?", (event_id,)
    row = src.query_one(sql, params) if isinstance(src, Database) else \
        src.execute(sql, params).fetchone()
    return Event(*row) if row else None


def store_hub_event(uow: UnitOfWork, event_id: str, actor: str, action: str,
                    resource_type: str, resource_id: str | None, patient_id: str | None,
                    first_at: str, last_at: str, occurrences: int, hub_version: str,
                    resource: dict[str, Any]) -> None:
    """A colleague's event from the hub. Written once: an audit event never changes
    (one of ours coming back only gets its hub version). No outbox row, no audit row."""
    cur = uow.execute("UPDATE audit_event SET hub_version = ? WHERE id = ?",
                      (hub_version, event_id))
    if cur.rowcount:
        return
    uow.execute(
        "INSERT INTO audit_event (id, origin, actor, action, resource_type, resource_id,"
        " patient_id, first_at, last_at, occurrences, hub_version, resource)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event_id, HUB, actor, action, resource_type, resource_id, patient_id, first_at,
         last_at, occurrences, hub_version,
         json.dumps(resource, ensure_ascii=False, sort_keys=True)))


def acknowledge(uow: UnitOfWork, event_id: str, hub_version: str) -> None:
    """The hub stored our event: it and the audit rows it groups are synced."""
    uow.execute("UPDATE audit_event SET hub_version = ? WHERE id = ?", (hub_version, event_id))
    uow.execute("UPDATE audit_log SET synced = 1 WHERE event_ref = ?", (event_id,))


def enable_hub_sync(uow: UnitOfWork) -> bool:
    """True when this call turned it on (it stays on)."""
    cur = uow.execute("INSERT OR IGNORE INTO audit_hub_sync (id, enabled_at) VALUES (1, ?)",
                      (uow.now_iso(),))
    return bool(cur.rowcount)


def local_events_waiting(db: Database) -> int:
    row = db.query_one("SELECT count(*) FROM audit_event e JOIN outbox o"
                       " ON o.resource_type = ? AND o.resource_id = e.id"
                       " WHERE e.origin = ? AND o.state = 'pending'", (RESOURCE, LOCAL))
    return int(row[0]) if row else 0


def ids_in(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
