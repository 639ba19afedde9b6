"""SQL for the patient register, through core.db (no other feature touches these tables)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.patients.model import Patient, RecordMeta, identity_key

RESOURCE = "Patient"
_COLUMNS = ("birth_name", "used_name", "given_names", "sex", "birth_date", "birth_place",
            "birth_insee", "ins", "address", "postal_code", "city", "phone", "email",
            "treating_gp")
_SELECT = ("SELECT id, local_version, hub_version, created_at, updated_at, deleted, "
           + ", ".join(_COLUMNS) + " FROM patient")


def _row_to_patient(row: tuple) -> Patient:
    values = dict(zip(_COLUMNS, row[6:], strict=True))
    values["birth_date"] = date.fromisoformat(values["birth_date"])
    meta = RecordMeta(row[1], row[2], row[3], row[4], bool(row[5]))
    return Patient(id=row[0], meta=meta, **values)


def _values(patient: Patient) -> list[object]:
    return [patient.birth_date.isoformat() if c == "birth_date" else getattr(patient, c)
            for c in _COLUMNS]


def insert(uow: UnitOfWork, patient: Patient) -> Patient:
    now = uow.now_iso()
    uow.execute(
        "INSERT INTO patient (id, local_version, created_at, updated_at, identity_key, "
        + ", ".join(_COLUMNS) + ") VALUES (?, 1, ?, ?, ?, " + ", ".join("?" * len(_COLUMNS)) + ")",
        [patient.id, now, now, identity_key(patient), *_values(patient)],
    )
    uow.record_change(RESOURCE, patient.id, "upsert", 1, None)
    return replace(patient, meta=RecordMeta(1, None, now, now, False))


def update(uow: UnitOfWork, patient: Patient) -> Patient:
    """Bumps the local version; the caller checked it was editing the current one."""
    now = uow.now_iso()
    version = patient.meta.local_version + 1
    cursor = uow.execute(
        "UPDATE patient SET local_version = ?, updated_at = ?, identity_key = ?, "
        + ", ".join(f"{c} = ?" for c in _COLUMNS)
        + " WHERE id = ? AND local_version = ? AND deleted = 0",
        [version, now, identity_key(patient), *_values(patient), patient.id,
         patient.meta.local_version],
    )
    if cursor.rowcount != 1:
        raise StaleRecord(patient.id)
    uow.record_change(RESOURCE, patient.id, "upsert", version, patient.meta.hub_version)
    return replace(patient, meta=replace(patient.meta, local_version=version, updated_at=now))


def mark_deleted(uow: UnitOfWork, patient: Patient) -> None:
    """A tombstone, never a hard delete: the hub must learn of it."""
    version = patient.meta.local_version + 1
    cursor = uow.execute(
        "UPDATE patient SET deleted = 1, local_version = ?, updated_at = ?"
        " WHERE id = ? AND local_version = ? AND deleted = 0",
        (version, uow.now_iso(), patient.id, patient.meta.local_version),
    )
    if cursor.rowcount != 1:
        raise StaleRecord(patient.id)
    uow.record_change(RESOURCE, patient.id, "delete", version, patient.meta.hub_version)


class StaleRecord(Exception):
    """Someone (another window, a sync) changed the record since it was opened."""


def get(db: Database, patient_id: str) -> Patient | None:
    row = db.query_one(_SELECT + " WHERE id = ?", (patient_id,))
    return _row_to_patient(row) if row else None


def count(db: Database) -> int:
    return int(db.query_one("SELECT count(*) FROM patient WHERE deleted = 0")[0])


def likely_duplicates(db: Database, patient: Patient) -> list[Patient]:
    rows = db.query(
        _SELECT + " WHERE identity_key = ? AND birth_date = ? AND deleted = 0 AND id != ?",
        (identity_key(patient), patient.birth_date.isoformat(), patient.id),
    )
    return [_row_to_patient(r) for r in rows]


_DATE_FR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_INS_PREFIX = re.compile(r"^[1-8][0-9AB]{4,14}$")
_WORD = re.compile(r"\w+", re.UNICODE)


def _select(alias: str) -> str:
    cols = ("id", "local_version", "hub_version", "created_at", "updated_at", "deleted",
            *_COLUMNS)
    return "SELECT " + ", ".join(f"{alias}.{c}" for c in cols) + f" FROM patient {alias}"


def search(db: Database, text: str, limit: int = 200) -> list[Patient]:
    """Names (accent-blind prefixes, any order), a birth date dd/mm/yyyy or a year,
    or the start of an INS (spaces allowed, as it is printed on the carte Vitale)."""
    compact = re.sub(r"[\s.-]", "", text).upper()
    where = ["p.deleted = 0"]
    params: list[object] = []
    join = ""
    if _INS_PREFIX.match(compact) and not _DATE_FR.match(text.strip()):
        # A range scan on the INS index.
        where.append("p.ins >= ? AND p.ins < ?")
        params += [compact, compact + "\uffff"]
    else:
        words: list[str] = []
        for term in text.split():
            match = _DATE_FR.match(term)
            if match:
                day, month, year = (int(g) for g in match.groups())
                try:
                    params.append(date(year, month, day).isoformat())
                except ValueError:
                    return []
                where.append("p.birth_date = ?")
            elif _YEAR.match(term):
                where.append("p.birth_date >= ? AND p.birth_date < ?")
                params += [f"{term}-01-01", f"{int(term) + 1}-01-01"]
            else:
                words.extend(_WORD.findall(term))
        if words:
            # Each word a prefix; quoting keeps user text from being read as FTS syntax.
            join = " JOIN patient_fts f ON f.rowid = p.rowid"
            where.append("patient_fts MATCH ?")
            params.append(" ".join('"' + w.replace('"', "") + '"*' for w in words))
        if len(where) == 1:
            return list_page(db, limit)
    sql = (_select("p") + join + " WHERE " + " AND ".join(where)
           + " ORDER BY p.identity_key, p.given_names LIMIT ?")
    params.append(limit)
    return [_row_to_patient(r) for r in db.query(sql, params)]


def list_page(db: Database, limit: int, offset: int = 0) -> list[Patient]:
    rows = db.query(_SELECT + " WHERE deleted = 0 ORDER BY identity_key, given_names"
                    " LIMIT ? OFFSET ?", (limit, offset))
    return [_row_to_patient(r) for r in rows]


# --- written by hub sync (tsn_desktop.patients.fhir): hub copies, no outbox row --------
def apply_from_hub(uow: UnitOfWork, patient: Patient, hub_version: str) -> None:
    """Stores the hub's copy. The local version still moves on, so a form opened on
    the old copy gets StaleRecord instead of overwriting the hub's change."""
    now = uow.now_iso()
    cursor = uow.execute(
        "UPDATE patient SET local_version = local_version + 1, hub_version = ?, updated_at = ?,"
        " deleted = 0, identity_key = ?, " + ", ".join(f"{c} = ?" for c in _COLUMNS)
        + " WHERE id = ?",
        [hub_version, now, identity_key(patient), *_values(patient), patient.id],
    )
    if cursor.rowcount == 0:
        uow.execute(
            "INSERT INTO patient (id, local_version, hub_version, created_at, updated_at,"
            " identity_key, " + ", ".join(_COLUMNS) + ") VALUES (?, 1, ?, ?, ?, ?, "
            + ", ".join("?" * len(_COLUMNS)) + ")",
            [patient.id, hub_version, now, now, identity_key(patient), *_values(patient)],
        )
        uow.audit("create", RESOURCE, patient.id)
    else:
        uow.audit("update", RESOURCE, patient.id)


def apply_hub_delete(uow: UnitOfWork, patient_id: str, hub_version: str) -> None:
    """A tombstone from the hub; unknown records need nothing."""
    cursor = uow.execute(
        "UPDATE patient SET deleted = 1, local_version = local_version + 1, hub_version = ?,"
        " updated_at = ? WHERE id = ? AND deleted = 0",
        (hub_version, uow.now_iso(), patient_id),
    )
    if cursor.rowcount:
        uow.audit("delete", RESOURCE, patient_id)


def set_hub_version(uow: UnitOfWork, patient_id: str, hub_version: str) -> None:
    """The hub stored our copy: only the hub version changes (the form stays current)."""
    uow.execute("UPDATE patient SET hub_version = ? WHERE id = ?", (hub_version, patient_id))
