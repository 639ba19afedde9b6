"""SQL for pathways and alerts (migration 0015): enrolment, threshold changes, the alerts
raised with their acknowledgements, and the patients whose alerts are due a look."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.readings.model import parse_utc, utc_text
from tsn_desktop.readings.pathways import (
    Acknowledgement,
    Enrolment,
    StoredAlert,
    ThresholdChange,
    Withdrawal,
)

EPISODE = "EpisodeOfCare"
ISSUE = "DetectedIssue"
_NS = uuid.UUID("0c9b7f0e-51a4-5d2e-8f3c-6a1d9e2b7c40")


def enrolment_id(patient_id: str) -> str:
    """One EpisodeOfCare per patient: both practitioners enrolling make one record."""
    return str(uuid.uuid5(_NS, f"enrolment|{patient_id}"))


def alert_id(patient_id: str, code: str, evidence: str) -> str:
    """The same rule on the same readings is the same alert, here and at a colleague's."""
    return str(uuid.uuid5(_NS, f"alert|{patient_id}|{code}|{evidence}"))


def again_id(record_id: str) -> str:
    """The id of the same alert raised again after it was withdrawn (its readings came
    back to the patient): the same on every desktop, so it is raised once."""
    return str(uuid.uuid5(_NS, f"again|{record_id}"))


Src = Database | UnitOfWork


def _rows(src: Src, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    if isinstance(src, Database):
        return list(src.query(sql, params))
    return list(src.execute(sql, params).fetchall())


def _one(src: Src, sql: str, params: Sequence[Any] = ()) -> Any:
    rows = _rows(src, sql, params)
    return rows[0] if rows else None


# --- enrolment ---------------------------------------------------------------------------
_ENROL = ("SELECT patient_id, pathway, status, since, changed_by, changed_by_name, changed_at,"
          " local_version, hub_version, protocol FROM reading_enrolment")


def _enrolment(row: Sequence[Any]) -> Enrolment:
    return Enrolment(row[0], row[1], row[2], parse_utc(row[3]), row[4], row[5],
                     parse_utc(row[6]), row[9])


def enrolment(src: Src, patient_id: str) -> Enrolment | None:
    row = _one(src, f"{_ENROL} WHERE patient_id = ?", (patient_id,))
    return _enrolment(row) if row else None


def enrolment_versions(src: Src, record_id: str) -> tuple[Enrolment, int, str | None] | None:
    row = _one(src, f"{_ENROL} WHERE id = ?", (record_id,))
    return (_enrolment(row), int(row[7]), row[8]) if row else None


def enrolled(db: Database) -> list[Enrolment]:
    return [_enrolment(r) for r in db.query(f"{_ENROL} WHERE status = 'active'")]


def write_enrolment(uow: UnitOfWork, e: Enrolment, queue: bool = True,
                    hub_version: str | None = None) -> None:
    """Creates or replaces the patient's enrolment; `queue` puts it in the outbox (a local
    change), otherwise it is the hub's copy."""
    rid = enrolment_id(e.patient_id)
    now = uow.now_iso()
    found = enrolment_versions(uow, rid)
    version = (found[1] + 1) if found else 1
    base = found[2] if found else None
    uow.execute(
        "INSERT INTO reading_enrolment (id, patient_id, pathway, status, since, changed_by,"
        " changed_by_name, changed_at, local_version, hub_version, created_at, updated_at,"
        " protocol) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
        " SET pathway = excluded.pathway, status = excluded.status, since = excluded.since,"
        " protocol = excluded.protocol,"
        " changed_by = excluded.changed_by, changed_by_name = excluded.changed_by_name,"
        " changed_at = excluded.changed_at, local_version = excluded.local_version,"
        " hub_version = coalesce(excluded.hub_version, reading_enrolment.hub_version),"
        " updated_at = excluded.updated_at",
        (rid, e.patient_id, e.pathway, e.status, utc_text(e.since), e.changed_by,
         e.changed_by_name, utc_text(e.changed_at), version, hub_version, now, now,
         e.protocol))
    if queue:
        uow.record_change(EPISODE, rid, "upsert", version, base)
    else:
        uow.audit("update" if found else "create", EPISODE, rid)


def set_enrolment_hub_version(uow: UnitOfWork, record_id: str, hub_version: str) -> None:
    uow.execute("UPDATE reading_enrolment SET hub_version = ? WHERE id = ?",
                (hub_version, record_id))


def mark_due(uow: UnitOfWork, patient_id: str) -> None:
    uow.execute("INSERT OR IGNORE INTO reading_alert_due (patient_id) VALUES (?)", (patient_id,))


def due_patients(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT patient_id FROM reading_alert_due")]


def clear_due(uow: UnitOfWork, patient_id: str) -> None:
    uow.execute("DELETE FROM reading_alert_due WHERE patient_id = ?", (patient_id,))


# --- thresholds ----------------------------------------------------------------------------
def threshold_changes(src: Src, patient_id: str) -> list[ThresholdChange]:
    """Every change, oldest first."""
    rows = _rows(src, "SELECT name, value, changed_by, changed_by_name, changed_at, change_id"
                 " FROM reading_threshold_change WHERE patient_id = ?"
                 " ORDER BY changed_at, pk", (patient_id,))
    return [ThresholdChange(r[0], r[1], r[2], r[3], parse_utc(r[4]), r[5]) for r in rows]


def add_threshold_changes(uow: UnitOfWork, patient_id: str,
                          changes: Iterable[ThresholdChange]) -> int:
    """Adds the changes not already kept (a colleague's arriving twice adds nothing)."""
    added = 0
    for c in changes:
        cur = uow.execute(
            "INSERT INTO reading_threshold_change (change_id, patient_id, name, value,"
            " changed_by, changed_by_name, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (change_id) DO NOTHING",
            (c.id or str(uuid.uuid4()), patient_id, c.name, c.value, c.changed_by,
             c.changed_by_name, utc_text(c.changed_at)))
        added += cur.rowcount
    return added


# --- alerts --------------------------------------------------------------------------------
_ALERT = ("SELECT a.id, a.patient_id, a.code, a.severity, a.at, a.figures, a.evidence,"
          " a.rules_version, a.raised_at, a.withdrawn_at, a.withdrawn_by,"
          " a.withdrawn_by_name, a.withdrawn_reason FROM reading_alert a")


def _acks(src: Src, alert_ids: Sequence[str]) -> dict[str, list[Acknowledgement]]:
    out: dict[str, list[Acknowledgement]] = {}
    for start in range(0, len(alert_ids), 500):
        chunk = alert_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in _rows(src, "SELECT alert_id, by_id, by_name, at, comment FROM"
                         f" reading_alert_ack WHERE alert_id IN ({marks}) ORDER BY at",
                         chunk):
            out.setdefault(row[0], []).append(
                Acknowledgement(row[1], row[2], parse_utc(row[3]), row[4]))
    return out


def _alerts(src: Src, rows: list[Any]) -> list[StoredAlert]:
    acks = _acks(src, [r[0] for r in rows])
    return [StoredAlert(r[0], r[1], r[2], r[3], parse_utc(r[4]),
                        tuple(float(x) for x in json.loads(r[5])), r[6], r[7],
                        parse_utc(r[8]), tuple(acks.get(r[0], ())),
                        Withdrawal(r[10] or "", r[11] or "", parse_utc(r[9]), r[12] or "")
                        if r[9] else None) for r in rows]


def alerts_of(src: Src, patient_id: str) -> list[StoredAlert]:
    return _alerts(src, _rows(src, f"{_ALERT} WHERE a.patient_id = ? ORDER BY a.at DESC",
                              (patient_id,)))


def alert(src: Src, record_id: str) -> tuple[StoredAlert, int, str | None] | None:
    row = _one(src, f"{_ALERT} WHERE a.id = ?", (record_id,))
    if row is None:
        return None
    versions = _one(src, "SELECT local_version, hub_version FROM reading_alert WHERE id = ?",
                    (record_id,))
    return _alerts(src, [row])[0], int(versions[0]), versions[1]


def practice_alerts(db: Database, include_acknowledged: bool = False,
                    limit: int = 500) -> list[StoredAlert]:
    """The practice's alerts, urgent first then newest; by default only the ones nobody
    acknowledged yet."""
    where = " WHERE a.withdrawn_at IS NULL" + ("" if include_acknowledged else
        " AND NOT EXISTS (SELECT 1 FROM reading_alert_ack k WHERE k.alert_id = a.id)")
    rows = db.query(f"{_ALERT}{where} ORDER BY CASE a.severity WHEN 'urgent' THEN 0"
                    " WHEN 'alert' THEN 1 ELSE 2 END, a.at DESC LIMIT ?", (limit,))
    return _alerts(db, list(rows))


def withdrawn_ids(src: Src, patient_id: str) -> set[str]:
    return {str(r[0]) for r in _rows(src, "SELECT id FROM reading_alert WHERE patient_id = ?"
                                          " AND withdrawn_at IS NOT NULL", (patient_id,))}


def insert_alert(uow: UnitOfWork, a: StoredAlert, queue: bool = True,
                 hub_version: str | None = None) -> bool:
    """False (nothing written) when this alert was raised already (here or by a colleague)."""
    now = uow.now_iso()
    cur = uow.execute(
        "INSERT INTO reading_alert (id, patient_id, code, severity, at, figures, evidence,"
        " rules_version, raised_at, hub_version, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (a.id, a.patient_id, a.code, a.severity, utc_text(a.at), json.dumps(list(a.figures)),
         a.evidence, a.rules_version, utc_text(a.raised_at), hub_version, now, now))
    if not cur.rowcount:
        return False
    if queue:
        uow.record_change(ISSUE, a.id, "upsert", 1, None)
    else:
        uow.audit("create", ISSUE, a.id)
    return True


def add_acks(uow: UnitOfWork, record_id: str, acks: Iterable[Acknowledgement],
             queue: bool = True) -> int:
    """Adds the acknowledgements not already there; queued for the hub when local."""
    added = 0
    for k in acks:
        cur = uow.execute(
            "INSERT INTO reading_alert_ack (alert_id, by_id, by_name, at, comment)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (record_id, k.by_id, k.by_name, utc_text(k.at), k.comment))
        added += cur.rowcount
    if added and queue:
        found = alert(uow, record_id)
        assert found is not None
        _, version, hub_version = found
        uow.execute("UPDATE reading_alert SET local_version = ?, updated_at = ? WHERE id = ?",
                    (version + 1, uow.now_iso(), record_id))
        uow.record_change(ISSUE, record_id, "upsert", version + 1, hub_version)
    elif added:
        uow.audit("update", ISSUE, record_id)
    return added


def withdraw(uow: UnitOfWork, record_id: str, withdrawal: Withdrawal,
             queue: bool = True) -> bool:
    """Marks the alert withdrawn (kept, with who, when and why); False when it already
    was (the first withdrawal stands). Queued for the hub when local, audited."""
    found = alert(uow, record_id)
    if found is None or found[0].withdrawn:
        return False
    _, version, hub_version = found
    uow.execute("UPDATE reading_alert SET withdrawn_at = ?, withdrawn_by = ?,"
                " withdrawn_by_name = ?, withdrawn_reason = ?, local_version = ?,"
                " updated_at = ? WHERE id = ?",
                (utc_text(withdrawal.at), withdrawal.by_id, withdrawal.by_name,
                 withdrawal.reason, version + 1, uow.now_iso(), record_id))
    if queue:
        uow.record_change(ISSUE, record_id, "upsert", version + 1, hub_version)
    else:
        uow.audit("update", ISSUE, record_id)
    return True


def set_alert_hub_version(uow: UnitOfWork, record_id: str, hub_version: str) -> None:
    uow.execute("UPDATE reading_alert SET hub_version = ? WHERE id = ?", (hub_version, record_id))


@dataclass(frozen=True)
class AlertCounts:
    open: int
    urgent: int


def counts(db: Database) -> AlertCounts:
    row = db.query_one(
        "SELECT count(*), coalesce(sum(a.severity = 'urgent'), 0) FROM reading_alert a"
        " WHERE a.withdrawn_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM reading_alert_ack k WHERE k.alert_id = a.id)")
    return AlertCounts(int(row[0]), int(row[1])) if row else AlertCounts(0, 0)


def patient_names(src: Src, patient_ids: Sequence[str]) -> dict[str, str]:
    """"FAMILY Given" for the practice list, without opening each file (no read audit:
    the list shows who has an alert, the file is audited when opened)."""
    out: dict[str, str] = {}
    ids = list(dict.fromkeys(patient_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for pid, birth, used, given in _rows(
                src, "SELECT id, birth_name, used_name, given_names FROM patient"
                f" WHERE id IN ({marks})", chunk):
            out[pid] = f"{(used or birth).upper()} {given}".strip()
    return out


def last_weights(db: Database, patient_ids: Sequence[str]) -> dict[str, str]:
    """Each patient's last final weight time (UTC text), over the (patient, kind, at) index."""
    out: dict[str, str] = {}
    for pid in patient_ids:
        row = db.query_one("SELECT max(at) FROM reading WHERE patient_id = ? AND"
                           " kind = 'weight' AND status = 'final'", (pid,))
        if row and row[0]:
            out[pid] = str(row[0])
    return out


def setting(src: Src, name: str) -> str | None:
    row = _one(src, "SELECT value FROM reading_setting WHERE name = ?", (name,))
    return str(row[0]) if row else None


def set_setting(uow: UnitOfWork, name: str, value: str) -> None:
    uow.execute("INSERT INTO reading_setting (name, value) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value", (name, value))
