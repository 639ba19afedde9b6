"""SQL of the carnet (tables vaccination_dose, vaccination_gtin: migration 0009;
vaccination_fact, the patient's profile facts: migration 0014)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.vaccination.model import (
    ENTERED_IN_ERROR,
    FACT_RESOURCE,
    RESOURCE,
    Dose,
    DoseMeta,
    Fact,
    Performer,
)

_COLUMNS = ("id, patient_id, occurrence, product, outcome, lot, expiry, site, route,"
            " performer_name, performer_profession, performer_rpps, place, place_name,"
            " source, recorder_name, recorder_profession, recorder_rpps, reason, note,"
            " status, error_by_name, error_by_profession, error_by_rpps, error_at,"
            " error_why, prescriber_name, prescriber_rpps, scope_reason,"
            " local_version, hub_version, created_at, updated_at")
_EDITABLE = slice(2, 29)  # every column a hub copy may set: patient_id .. scope_reason
_SELECT = f"SELECT {_COLUMNS} FROM vaccination_dose"


class StaleDose(Exception):
    """The dose (or fact) changed since it was read (another window, or a pull): read it
    again."""


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
        error_at=r[24], error_why=r[25],
        prescriber=Performer(r[26], "physician" if r[26] or r[27] else "", r[27]),
        scope_reason=r[28], meta=DoseMeta(r[29], r[30], r[31], r[32]))


def _values(dose: Dose) -> tuple[Any, ...]:
    return (dose.id, dose.patient_id, dose.occurrence.isoformat(), dose.product,
            dose.outcome, dose.lot, dose.expiry.isoformat() if dose.expiry else None,
            dose.site, dose.route, dose.performer.name, dose.performer.profession,
            dose.performer.rpps, dose.place, dose.place_name, dose.source,
            dose.recorded_by.name, dose.recorded_by.profession, dose.recorded_by.rpps,
            dose.reason, dose.note, dose.status, dose.error_by.name,
            dose.error_by.profession, dose.error_by.rpps, dose.error_at, dose.error_why,
            dose.prescriber.name, dose.prescriber.rpps, dose.scope_reason)


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
           f" ({', '.join('?' for _ in range(33))})")


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
    assignments = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(",")[_EDITABLE])
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


# --- profile facts (table vaccination_fact, migration 0014) -------------------------------
_FACT_COLUMNS = ("id, patient_id, code, onset, source, note, recorder_name,"
                 " recorder_profession, recorder_rpps, status, abatement, ended_by_name,"
                 " ended_by_profession, ended_by_rpps, ended_at, end_why, local_version,"
                 " hub_version, created_at, updated_at")
_FACT_SELECT = f"SELECT {_FACT_COLUMNS} FROM vaccination_fact"
_FACT_INSERT = (f"INSERT INTO vaccination_fact ({_FACT_COLUMNS}) VALUES"
                f" ({', '.join('?' for _ in range(20))})")


def _row_to_fact(r: tuple) -> Fact:
    return Fact(
        id=r[0], patient_id=r[1], code=r[2], onset=date.fromisoformat(r[3]), source=r[4],
        note=r[5], recorded_by=Performer(r[6], r[7], r[8]), status=r[9],
        abatement=date.fromisoformat(r[10]) if r[10] else None,
        ended_by=Performer(r[11], r[12], r[13]), ended_at=r[14], end_why=r[15],
        meta=DoseMeta(r[16], r[17], r[18], r[19]))


def _fact_values(fact: Fact) -> tuple[Any, ...]:
    return (fact.id, fact.patient_id, fact.code, fact.onset.isoformat(), fact.source,
            fact.note, fact.recorded_by.name, fact.recorded_by.profession,
            fact.recorded_by.rpps, fact.status,
            fact.abatement.isoformat() if fact.abatement else None, fact.ended_by.name,
            fact.ended_by.profession, fact.ended_by.rpps, fact.ended_at, fact.end_why)


def get_fact(src: Database | UnitOfWork, fact_id: str) -> Fact | None:
    rows = _rows(src, _FACT_SELECT + " WHERE id = ?", (fact_id,))
    return _row_to_fact(rows[0]) if rows else None


def facts_of(src: Database | UnitOfWork, patient_ids: list[str]) -> list[Fact]:
    """Every fact of these patients, ended or retracted included, oldest first."""
    marks = ", ".join("?" for _ in patient_ids)
    rows = _rows(src, _FACT_SELECT + f" WHERE patient_id IN ({marks})"
                 " ORDER BY onset, created_at, id", tuple(patient_ids))
    return [_row_to_fact(r) for r in rows]


def all_facts(src: Database | UnitOfWork) -> list[Fact]:
    """Every profile fact of the practice (the season view's risk groups)."""
    return [_row_to_fact(r) for r in _rows(src, _FACT_SELECT + " ORDER BY onset, created_at, id",
                                           ())]


def insert_fact(uow: UnitOfWork, fact: Fact) -> Fact:
    now = uow.now_iso()
    uow.execute(_FACT_INSERT, (*_fact_values(fact), 1, None, now, now))
    uow.record_change(FACT_RESOURCE, fact.id, "upsert", 1, None)
    return replace(fact, meta=DoseMeta(1, None, now, now))


def end_fact(uow: UnitOfWork, fact: Fact, status: str, abatement: date | None,
             by: Performer, why: str) -> Fact:
    """The one edit of a fact (resolved on `abatement`, or entered-in-error with `why`).
    Refuses a fact changed since it was read."""
    now = uow.now_iso()
    version = fact.meta.local_version + 1
    cursor = uow.execute(
        "UPDATE vaccination_fact SET status = ?, abatement = ?, ended_by_name = ?,"
        " ended_by_profession = ?, ended_by_rpps = ?, ended_at = ?, end_why = ?,"
        " local_version = ?, updated_at = ? WHERE id = ? AND local_version = ?"
        " AND status = 'active'",
        (status, abatement.isoformat() if abatement else None, by.name, by.profession,
         by.rpps, now, why, version, now, fact.id, fact.meta.local_version))
    if cursor.rowcount != 1:
        raise StaleDose(fact.id)
    uow.record_change(FACT_RESOURCE, fact.id, "upsert", version, fact.meta.hub_version)
    return replace(fact, status=status, abatement=abatement, ended_by=by, ended_at=now,
                   end_why=why, meta=replace(fact.meta, local_version=version,
                                             updated_at=now))


# Written by hub sync (ConditionAdapter): hub copies, no outbox row.
def apply_fact_from_hub(uow: UnitOfWork, fact: Fact, hub_version: str) -> None:
    now = uow.now_iso()
    known = get_fact(uow, fact.id)
    if known is None:
        uow.execute(_FACT_INSERT, (*_fact_values(fact), 1, hub_version, now, now))
        uow.audit("create", FACT_RESOURCE, fact.id)
        return
    if known.patient_id != fact.patient_id:
        raise ValueError("a fact never changes patient")
    assignments = ", ".join(f"{c.strip()} = ?" for c in _FACT_COLUMNS.split(",")[2:16])
    uow.execute(f"UPDATE vaccination_fact SET {assignments}, hub_version = ?,"
                " local_version = local_version + 1, updated_at = ? WHERE id = ?",
                (*_fact_values(fact)[2:], hub_version, now, fact.id))
    uow.audit("update", FACT_RESOURCE, fact.id)


def set_fact_hub_version(uow: UnitOfWork, fact_id: str, hub_version: str) -> None:
    uow.execute("UPDATE vaccination_fact SET hub_version = ? WHERE id = ?",
                (hub_version, fact_id))
