"""SQL for the patient register, through core.db (no other feature touches these tables)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.core.records import write_version
from tsn_desktop.patients.model import (
    DATE_DIGITS,
    DATE_TYPED,
    Patient,
    RecordMeta,
    identity_key,
    parse_birth_date,
)

RESOURCE = "Patient"
_COLUMNS = ("birth_name", "used_name", "given_names", "sex", "birth_date", "birth_place",
            "birth_insee", "ins", "address", "postal_code", "city", "phone", "email",
            "treating_gp", "identity_document", "archived", "deceased_date", "replaced_by",
            "identity_status")
# Columns read back into Patient (identity_status is derived there, stored for the list).
_FIELDS = _COLUMNS[:-1]
_SELECT = ("SELECT id, local_version, hub_version, created_at, updated_at, deleted, "
           + ", ".join(_COLUMNS) + " FROM patient")


def _row_to_patient(row: tuple) -> Patient:
    values = dict(zip(_COLUMNS, row[6:], strict=True))
    values.pop("identity_status")
    values["birth_date"] = date.fromisoformat(values["birth_date"])
    values["archived"] = bool(values["archived"])
    if values["deceased_date"]:
        values["deceased_date"] = date.fromisoformat(values["deceased_date"])
    meta = RecordMeta(row[1], row[2], row[3], row[4], bool(row[5]))
    return Patient(id=row[0], meta=meta, **values)


def _values(patient: Patient) -> list[object]:
    out: list[object] = []
    for column in _COLUMNS:
        value = getattr(patient, column)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, bool):
            value = int(value)
        out.append(value)
    return out


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
    version, now = write_version(
        uow, "patient", RESOURCE, patient.id, patient.meta,
        "identity_key = ?, " + ", ".join(f"{c} = ?" for c in _COLUMNS),
        [identity_key(patient), *_values(patient)], StaleRecord)
    return replace(patient, meta=replace(patient.meta, local_version=version, updated_at=now))


def mark_deleted(uow: UnitOfWork, patient: Patient) -> None:
    """A tombstone, never a hard delete: the hub must learn of it."""
    write_version(uow, "patient", RESOURCE, patient.id, patient.meta, "deleted = 1", (),
                  StaleRecord, "delete")


class StaleRecord(Exception):
    """Someone (another window, a sync) changed the record since it was opened."""


def get(db: Database, patient_id: str) -> Patient | None:
    row = db.query_one(_SELECT + " WHERE id = ?", (patient_id,))
    return _row_to_patient(row) if row else None


# Which patients a list shows: the default register, the ones taken out of it, or both.
ACTIVE, INACTIVE, ALL = "active", "inactive", "all"
_ACTIVE_SQL = "(p.archived = 0 AND p.deceased_date IS NULL AND p.replaced_by = '')"
_SCOPES = {ACTIVE: _ACTIVE_SQL, INACTIVE: f"NOT {_ACTIVE_SQL}", ALL: "1 = 1"}


def count(db: Database, scope: str = ACTIVE) -> int:
    return int(db.query_one("SELECT count(*) FROM patient p WHERE p.deleted = 0 AND "
                            + _SCOPES[scope])[0])


def replaced_ids(db: Database, patient_id: str) -> list[str]:
    """The duplicates merged into this patient (FHIR Patient.link type "replaces")."""
    rows = db.query("SELECT id FROM patient WHERE replaced_by = ? ORDER BY id", (patient_id,))
    return [r[0] for r in rows]


def likely_duplicates(db: Database, patient: Patient) -> list[Patient]:
    rows = db.query(
        _SELECT + " WHERE identity_key = ? AND birth_date = ? AND deleted = 0 AND id != ?"
        " AND replaced_by = ''",
        (identity_key(patient), patient.birth_date.isoformat(), patient.id),
    )
    return [_row_to_patient(r) for r in rows]


_YEAR = re.compile(r"^(19|20)\d\d$")
_INS_PREFIX = re.compile(r"^[1-8][0-9AB]{4,14}$")
_WORD = re.compile(r"\w+", re.UNICODE)


def _select(alias: str) -> str:
    cols = ("id", "local_version", "hub_version", "created_at", "updated_at", "deleted",
            *_COLUMNS)
    return "SELECT " + ", ".join(f"{alias}.{c}" for c in cols) + f" FROM patient {alias}"


def _criteria(text: str, today: date) -> tuple[str, list[str], list[object]] | None:
    """(join, conditions, parameters) for a query; None when nothing can match."""
    compact = re.sub(r"[\s.-]", "", text).upper()
    where: list[str] = []
    params: list[object] = []
    join = ""
    day = parse_birth_date(compact, today) if compact.isdecimal() else None
    if _INS_PREFIX.match(compact) and not DATE_TYPED.match(text.strip()):
        # A range scan on the INS index; six or eight digits may also be a birth date.
        if day is not None:
            where.append("(p.birth_date = ? OR (p.ins >= ? AND p.ins < ?))")
            params += [day.isoformat(), compact, compact + "\uffff"]
        else:
            where.append("p.ins >= ? AND p.ins < ?")
            params += [compact, compact + "\uffff"]
        return join, where, params
    words: list[str] = []
    for term in text.split():
        if _YEAR.match(term):
            where.append("p.birth_date >= ? AND p.birth_date < ?")
            params += [f"{term}-01-01", f"{int(term) + 1}-01-01"]
            continue
        if DATE_TYPED.match(term) or DATE_DIGITS.match(term):
            day = parse_birth_date(term, today)
            if day is None:
                return None  # an impossible date matches no one
            where.append("p.birth_date = ?")
            params.append(day.isoformat())
            continue
        words.extend(_WORD.findall(term))
    if words:
        # Each word a prefix; quoting keeps user text from being read as FTS syntax.
        join = " JOIN patient_fts f ON f.rowid = p.rowid"
        where.append("patient_fts MATCH ?")
        params.append(" ".join('"' + w.replace('"', "") + '"*' for w in words))
    return join, where, params


def search(db: Database, text: str, limit: int = 200, offset: int = 0,
           scope: str = ACTIVE) -> list[Patient]:
    """Names (accent-blind prefixes, any order), a birth date (19/11/1978, 19/11/78,
    19111978, 191178) or a year, or the start of an INS (spaces allowed)."""
    criteria = _criteria(text, db.clock.today())
    if criteria is None:
        return []
    join, where, params = criteria
    sql = (_select("p") + join + " WHERE " + " AND ".join(["p.deleted = 0", _SCOPES[scope],
                                                          *where])
           + " ORDER BY p.identity_key, p.given_names, p.id LIMIT ? OFFSET ?")
    return [_row_to_patient(r) for r in db.query(sql, [*params, limit, offset])]


def search_count(db: Database, text: str, scope: str = ACTIVE) -> int:
    """How many patients `search` finds in all (the list shows them page by page)."""
    criteria = _criteria(text, db.clock.today())
    if criteria is None:
        return 0
    join, where, params = criteria
    sql = ("SELECT count(*) FROM patient p" + join + " WHERE "
           + " AND ".join(["p.deleted = 0", _SCOPES[scope], *where]))
    return int(db.query_one(sql, params)[0])


def list_page(db: Database, limit: int, offset: int = 0) -> list[Patient]:
    return search(db, "", limit, offset)


# --- written by hub sync (tsn_desktop.patients.fhir): hub copies, no outbox row --------
def apply_from_hub(uow: UnitOfWork, patient: Patient, hub_version: str) -> None:
    """Stores the hub's copy. The local version still moves on, so a form opened on
    the old copy gets StaleRecord instead of overwriting the hub's change."""
    now = uow.now_iso()
    uow.apply_hub_copy(
        RESOURCE, patient.id,
        update=("UPDATE patient SET local_version = local_version + 1, hub_version = ?,"
                " updated_at = ?, deleted = 0, identity_key = ?, "
                + ", ".join(f"{c} = ?" for c in _COLUMNS) + " WHERE id = ?",
                [hub_version, now, identity_key(patient), *_values(patient), patient.id]),
        insert=("INSERT INTO patient (id, local_version, hub_version, created_at, updated_at,"
                " identity_key, " + ", ".join(_COLUMNS) + ") VALUES (?, 1, ?, ?, ?, ?, "
                + ", ".join("?" * len(_COLUMNS)) + ")",
                [patient.id, hub_version, now, now, identity_key(patient), *_values(patient)]))


def apply_hub_delete(uow: UnitOfWork, patient_id: str, hub_version: str) -> None:
    """A tombstone from the hub; unknown records need nothing."""
    uow.apply_hub_tombstone("patient", RESOURCE, patient_id, hub_version)


def set_hub_version(uow: UnitOfWork, patient_id: str, hub_version: str) -> None:
    """The hub stored our copy: only the hub version changes (the form stays current)."""
    uow.execute("UPDATE patient SET hub_version = ? WHERE id = ?", (hub_version, patient_id))
