"""SQL of adverse events following immunisation (table vaccination_adverse_event, 0013)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.vaccination.adverse_events import RESOURCE, AdverseEvent

_COLUMNS = ("id, dose_id, patient_id, onset, onset_delay_hours, symptoms, description,"
            " seriousness, outcome, care, recorder_name, recorder_rpps, local_version,"
            " hub_version, created_at, updated_at")


class StaleEvent(Exception):
    """The event changed since it was read (another window, or a pull): read it again."""


def _rows(src: Database | UnitOfWork, sql: str, params: tuple[Any, ...]) -> list[tuple]:
    if isinstance(src, Database):
        return src.query(sql, params)
    return src.execute(sql, params).fetchall()


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in text.split(",") if c)


def _event(r: tuple) -> AdverseEvent:
    return AdverseEvent(
        id=r[0], dose_id=r[1], patient_id=r[2], onset=date.fromisoformat(r[3]),
        onset_delay_hours=r[4], symptoms=_codes(r[5]), description=r[6],
        seriousness=_codes(r[7]), outcome=r[8], care=r[9], recorder_name=r[10],
        recorder_rpps=r[11], local_version=r[12], hub_version=r[13], created_at=r[14],
        updated_at=r[15])


def _values(e: AdverseEvent) -> tuple[Any, ...]:
    return (e.id, e.dose_id, e.patient_id, e.onset.isoformat(), e.onset_delay_hours,
            ",".join(e.symptoms), e.description, ",".join(e.seriousness), e.outcome, e.care,
            e.recorder_name, e.recorder_rpps)


def get(src: Database | UnitOfWork, event_id: str) -> AdverseEvent | None:
    rows = _rows(src, f"SELECT {_COLUMNS} FROM vaccination_adverse_event WHERE id = ?",
                 (event_id,))
    return _event(rows[0]) if rows else None


def insert(uow: UnitOfWork, event: AdverseEvent) -> AdverseEvent:
    now = uow.now_iso()
    uow.execute(f"INSERT INTO vaccination_adverse_event ({_COLUMNS}) VALUES"
                f" ({', '.join('?' for _ in range(16))})", (*_values(event), 1, None, now, now))
    uow.record_change(RESOURCE, event.id, "upsert", 1, None)
    return replace(event, local_version=1, created_at=now, updated_at=now)


def update(uow: UnitOfWork, event: AdverseEvent) -> AdverseEvent:
    """A new version of the report (outcome known later...); refuses a stale copy."""
    now = uow.now_iso()
    version = event.local_version + 1
    cursor = uow.execute(
        "UPDATE vaccination_adverse_event SET onset = ?, onset_delay_hours = ?, symptoms = ?,"
        " description = ?, seriousness = ?, outcome = ?, care = ?, local_version = ?,"
        " updated_at = ? WHERE id = ? AND local_version = ?",
        (*_values(event)[3:10], version, now, event.id, event.local_version))
    if cursor.rowcount != 1:
        raise StaleEvent(event.id)
    uow.record_change(RESOURCE, event.id, "upsert", version, event.hub_version)
    return replace(event, local_version=version, updated_at=now)


def apply_from_hub(uow: UnitOfWork, event: AdverseEvent, hub_version: str) -> None:
    now = uow.now_iso()
    uow.apply_hub_copy(
        RESOURCE, event.id,
        update=("UPDATE vaccination_adverse_event SET onset = ?, onset_delay_hours = ?,"
                " symptoms = ?, description = ?, seriousness = ?, outcome = ?, care = ?,"
                " recorder_name = ?, recorder_rpps = ?, hub_version = ?,"
                " local_version = local_version + 1, updated_at = ? WHERE id = ?",
                (*_values(event)[3:], hub_version, now, event.id)),
        insert=(f"INSERT INTO vaccination_adverse_event ({_COLUMNS}) VALUES"
                f" ({', '.join('?' for _ in range(16))})",
                (*_values(event), 1, hub_version, now, now)))


def set_hub_version(uow: UnitOfWork, event_id: str, hub_version: str) -> None:
    uow.execute("UPDATE vaccination_adverse_event SET hub_version = ? WHERE id = ?",
                (hub_version, event_id))


def lines(db: Database) -> list[tuple]:
    """Every event with its dose and patient: (event columns..., product, lot, dose date,
    birth_name, used_name, given_names), by product, lot, onset."""
    cols = ", ".join(f"e.{c.strip()}" for c in _COLUMNS.split(","))
    return db.query(
        f"SELECT {cols}, d.product, d.lot, d.occurrence, p.birth_name, p.used_name,"
        " p.given_names FROM vaccination_adverse_event e"
        " LEFT JOIN vaccination_dose d ON d.id = e.dose_id"
        " LEFT JOIN patient p ON p.id = e.patient_id"
        " ORDER BY d.product, d.lot, e.onset")


def event_of_row(row: tuple) -> AdverseEvent:
    return _event(row[:16])


def onsets_by_dose(db: Database, dose_ids: list[str]) -> dict[str, date]:
    """dose id -> the first onset reported on it, for the doses that have a report."""
    found: dict[str, date] = {}
    for start in range(0, len(dose_ids), 500):  # SQLite's bound-parameter limit
        chunk = dose_ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for dose_id, onset in db.query(
                "SELECT dose_id, MIN(onset) FROM vaccination_adverse_event"
                f" WHERE dose_id IN ({marks}) GROUP BY dose_id", tuple(chunk)):
            found[str(dose_id)] = date.fromisoformat(onset)
    return found
