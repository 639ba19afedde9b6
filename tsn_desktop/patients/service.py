"""What the UI may ask of the patient register: validated, audited use cases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from tsn_desktop.core.db import Database, UnitOfWork, new_id
from tsn_desktop.core.records import InvalidRecord
from tsn_desktop.patients import store
from tsn_desktop.patients.model import Patient, clean, validate

StaleRecord = store.StaleRecord
RESOURCE = store.RESOURCE  # the resource type pages watch in "records changed"


class InvalidPatient(InvalidRecord):
    """A patient file refused as typed."""


@dataclass(frozen=True)
class SaveResult:
    patient: Patient
    likely_duplicates: tuple[Patient, ...]


def save(db: Database, draft: Patient) -> SaveResult:
    """Creates (no id) or updates a patient; flags likely duplicates without refusing:
    twins and namesakes exist, the practitioner decides."""
    patient = clean(draft)
    problems = validate(patient, db.clock.today())
    if problems:
        raise InvalidPatient(problems)
    with db.unit_of_work() as uow:
        if patient.id:
            saved = store.update(uow, patient)
        else:
            saved = store.insert(uow, replace(patient, id=new_id()))
    return SaveResult(saved, tuple(store.likely_duplicates(db, saved)))


def open_file(db: Database, patient_id: str) -> Patient:
    """Reads one patient for display: the read itself is written to the audit log."""
    patient = store.get(db, patient_id)
    if patient is None or patient.meta.deleted:
        raise LookupError("no such patient")
    with db.unit_of_work() as uow:
        uow.audit("read", store.RESOURCE, patient_id)
    return patient


def delete(db: Database, patient: Patient) -> None:
    with db.unit_of_work() as uow:
        store.mark_deleted(uow, patient)


ACTIVE, INACTIVE, ALL = store.ACTIVE, store.INACTIVE, store.ALL


def search(db: Database, text: str, limit: int = 200, offset: int = 0,
           scope: str = ACTIVE) -> list[Patient]:
    return store.search(db, text, limit, offset, scope)


@dataclass(frozen=True)
class SearchPage:
    patients: list[Patient]
    total: int  # every match, not only this page


def search_page(db: Database, text: str, limit: int, offset: int = 0,
                scope: str = ACTIVE) -> SearchPage:
    return SearchPage(store.search(db, text, limit, offset, scope),
                      store.search_count(db, text, scope))


def count(db: Database, scope: str = ACTIVE) -> int:
    return store.count(db, scope)


# --- the life of a record: archive, death, merge (all synced, all audited) -------------
def _change(db: Database, patient: Patient, **changes: object) -> Patient:
    """One status change on the current version; StaleRecord if it moved meanwhile."""
    changed = replace(patient, **changes)  # type: ignore[arg-type]
    problems = [p for p in validate(changed, db.clock.today()) if p.field in changes]
    if problems:
        raise InvalidPatient(problems)
    with db.unit_of_work() as uow:
        return store.update(uow, changed)


def archive(db: Database, patient: Patient) -> Patient:
    """Out of the default list (created by mistake, moved away), every record kept."""
    return _change(db, patient, archived=True)


def unarchive(db: Database, patient: Patient) -> Patient:
    return _change(db, patient, archived=False)


def mark_deceased(db: Database, patient: Patient, day: date) -> Patient:
    return _change(db, patient, deceased_date=day)


def unmark_deceased(db: Database, patient: Patient) -> Patient:
    """Undoes a death marked on the wrong file."""
    return _change(db, patient, deceased_date=None)


# A feature holding records about a patient moves them to another patient in the given
# unit of work (queuing its own outbox rows) and returns how many it moved. The care team
# is registered here; app.py registers the other features' (vaccination, readings...).
RecordMover = Callable[[UnitOfWork, str, str], int]
RECORD_MOVERS: list[RecordMover] = []


def register_record_mover(mover: RecordMover) -> None:
    if mover not in RECORD_MOVERS:
        RECORD_MOVERS.append(mover)


class CannotMerge(ValueError):
    """Two records that must not be merged; the code says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class MergeResult:
    kept: Patient
    merged: Patient  # the tombstone, replaced_by = kept.id
    moved: int  # clinical records moved to the kept patient


def merge(db: Database, kept: Patient, duplicate: Patient) -> MergeResult:
    """Keeps `kept`, moves every record of `duplicate` to it, and leaves `duplicate` as a
    tombstone linked to `kept` (FHIR Patient.link replaced-by). One transaction."""
    if kept.id == duplicate.id:
        raise CannotMerge("same")
    if duplicate.replaced_by or kept.replaced_by:
        raise CannotMerge("already_merged")
    if kept.ins and duplicate.ins and kept.ins != duplicate.ins:
        # RNIV: two different INS are two different people (or an identity theft).
        raise CannotMerge("different_ins")
    with db.unit_of_work() as uow:
        moved = sum(mover(uow, duplicate.id, kept.id) for mover in RECORD_MOVERS)
        tombstone = store.update(uow, replace(duplicate, replaced_by=kept.id))
        # The kept record changes too: its FHIR copy gains the "replaces" link.
        current = store.update(uow, kept)
    return MergeResult(current, tombstone, moved)


def _move_care_teams(uow: UnitOfWork, from_id: str, to_id: str) -> int:
    from tsn_desktop.patients import care_team
    return care_team.move_to_patient(uow, from_id, to_id)


register_record_mover(_move_care_teams)


def likely_duplicates(db: Database, patient: Patient) -> list[Patient]:
    return store.likely_duplicates(db, clean(patient))
