"""SQL of the carnet (tables vaccination_dose, vaccination_gtin; migration 0009)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.vaccination.model import (
    ENTERED_IN_ERROR,
    RESOURCE,
    Dose,
    DoseMeta,
    Performer,
)

_COLUMNS = ("id, patient_id, occurrence, product, outcome, lot, expiry, site, route,"
            " performer_name, performer_profession, performer_rpps, place, place_name,"
            " source, recorder_name, recorder_profession, recorder_rpps, reason, note,"
            " status, error_by_name, error_by_profession, error_by_rpps, error_at,"
            " error_why, local_version, hub_version, created_at, updated_at")
_SELECT = f"SELECT {_COLUMNS} FROM vaccination_dose"


class StaleDose(Exception):
    """The dose changed since it was read (another window, or a pull): read it again."""


def _rows(src: Database | UnitOfWork, sql: str, params: tuple[Any, ...]) -> list[tuple]:
    if isinstance(src, Database):
        return src.query(sql, params)
    return src.execute(sql, params).fetchall()


def _row_to_dose(r: tuple) -> Dose:
    return Dose(
        id=r[0], patient_id=r[1], occurrence=date.fromisoformat(r[2]), product=r[3],
        outcome=r[4], lot=r[5], expiry=date.fromisoformat(r[6]) if r[6] else None,
        site=r[7], route=r[8], performer=Performer(r[9], r[10], r[11]), place=r[12],
        place_name=r[13], source=r[14], recorded_by=Performer(r[15], r[16], r[17]),
        reason=r[18], note=r[19], status=r[20], error_by=Performer(r[21], r[22], r[23]),
        error_at=r[24], error_why=r[25], meta=DoseMeta(r[26], r[27], r[28], r[29]))


def _values(dose: Dose) -> tuple[Any, ...]:
    return (dose.id, dose.patient_id, dose.occurrence.isoformat(), dose.product,
            dose.outcome, dose.lot, dose.expiry.isoformat() if dose.expiry else None,
            dose.site, dose.route, dose.performer.name, dose.performer.profession,
            dose.performer.rpps, dose.place, dose.place_name, dose.source,
            dose.recorded_by.name, dose.recorded_by.profession, dose.recorded_by.rpps,
            dose.reason, dose.note, dose.status, dose.error_by.name,
            dose.error_by.profession, dose.error_by.rpps, dose.error_at, dose.error_why)


def get(src: Database | UnitOfWork, dose_id: str) -> Dose | None:
    rows = _rows(src, _SELECT + " WHERE id = ?", (dose_id,))
    return _row_to_dose(rows[0]) if rows else None


def doses_of(src: Database | UnitOfWork, patient_ids: list[str]) -> list[Dose]:
    """Every dose of these patients, marked in error or not, oldest first."""
    marks = ", ".join("?" for _ in patient_ids)
    rows = _rows(src, _SELECT + f" WHERE patient_id IN ({marks})"
                 " ORDER BY occurrence, created_at, id", tuple(patient_ids))
    return [_row_to_dose(r) for r in rows]


def merged_into(src: Database | UnitOfWork, patient_id: str) -> list[str]:
    """The patient's file and every duplicate merged into it (followed through
    `replaced_by`, chains included): a merge never re-points a dose."""
    found = [patient_id]
    frontier = [patient_id]
    while frontier:
        marks = ", ".join("?" for _ in frontier)
        rows = _rows(src, f"SELECT id FROM patient WHERE replaced_by IN ({marks})",
                     tuple(frontier))
        frontier = [str(r[0]) for r in rows if str(r[0]) not in found]
        found += frontier
    return found


_INSERT = (f"INSERT INTO vaccination_dose ({_COLUMNS}) VALUES"
           f" ({', '.join('?' for _ in range(30))})")


def insert(uow: UnitOfWork, dose: Dose) -> Dose:
    now = uow.now_iso()
    uow.execute(_INSERT, (*_values(dose), 1, None, now, now))
    uow.record_change(RESOURCE, dose.id, "upsert", 1, None)
    return replace(dose, meta=DoseMeta(1, None, now, now))


def mark_in_error(uow: UnitOfWork, dose: Dose, by: Performer, why: str) -> Dose:
    """The one edit of a dose. Refuses a dose changed since it was read."""
    now = uow.now_iso()
    version = dose.meta.local_version + 1
    cursor = uow.execute(
        "UPDATE vaccination_dose SET status = ?, error_by_name = ?, error_by_profession = ?,"
        " error_by_rpps = ?, error_at = ?, error_why = ?, local_version = ?, updated_at = ?"
        " WHERE id = ? AND local_version = ?",
        (ENTERED_IN_ERROR, by.name, by.profession, by.rpps, now, why, version, now, dose.id,
         dose.meta.local_version))
    if cursor.rowcount != 1:
        raise StaleDose(dose.id)
    uow.record_change(RESOURCE, dose.id, "upsert", version, dose.meta.hub_version)
    return replace(dose, status=ENTERED_IN_ERROR, error_by=by, error_at=now, error_why=why,
                   meta=replace(dose.meta, local_version=version, updated_at=now))


# Written by hub sync (ImmunizationAdapter): hub copies, no outbox row.
def apply_from_hub(uow: UnitOfWork, dose: Dose, hub_version: str) -> None:
    now = uow.now_iso()
    known = get(uow, dose.id)
    if known is None:
        uow.execute(_INSERT, (*_values(dose), 1, hub_version, now, now))
        uow.audit("create", RESOURCE, dose.id)
        return
    if known.patient_id != dose.patient_id:
        raise ValueError("a dose never changes patient")
    assignments = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(",")[2:26])
    uow.execute(f"UPDATE vaccination_dose SET {assignments}, hub_version = ?,"
                " local_version = local_version + 1, updated_at = ? WHERE id = ?",
                (*_values(dose)[2:], hub_version, now, dose.id))
    uow.audit("update", RESOURCE, dose.id)


def set_hub_version(uow: UnitOfWork, dose_id: str, hub_version: str) -> None:
    uow.execute("UPDATE vaccination_dose SET hub_version = ? WHERE id = ?",
                (hub_version, dose_id))


def learned_gtins(src: Database | UnitOfWork) -> dict[str, str]:
    return {str(g): str(p) for g, p in _rows(src, "SELECT gtin, product FROM vaccination_gtin",
                                             ())}


def learn_gtin(uow: UnitOfWork, gtin: str, product: str) -> None:
    uow.execute("INSERT INTO vaccination_gtin (gtin, product, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (gtin) DO UPDATE SET product = excluded.product",
                (gtin, product, uow.now_iso()))
