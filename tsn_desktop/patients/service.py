"""What the UI may ask of the patient register: validated, audited use cases."""

from __future__ import annotations

from dataclasses import dataclass, replace

from tsn_desktop.core.db import Database, new_id
from tsn_desktop.patients import store
from tsn_desktop.patients.model import FieldProblem, Patient, clean, validate

StaleRecord = store.StaleRecord
RESOURCE = store.RESOURCE  # the resource type pages watch in "records changed"


class InvalidPatient(Exception):
    def __init__(self, problems: list[FieldProblem]) -> None:
        super().__init__(", ".join(f"{p.field}:{p.code}" for p in problems))
        self.problems = problems


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


def search(db: Database, text: str, limit: int = 200) -> list[Patient]:
    return store.search(db, text, limit)


def count(db: Database) -> int:
    return store.count(db)


def likely_duplicates(db: Database, patient: Patient) -> list[Patient]:
    return store.likely_duplicates(db, clean(patient))
