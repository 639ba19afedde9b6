"""What the readings screens may ask: store an import in one go, read a patient's
readings, mark one entered-in-error, and the patient's alerts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time

from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.readings import alerts, store
from tsn_desktop.readings.model import Reading, Rejection, problem


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: readings added, already there, and each line rejected."""

    added: int = 0
    already: int = 0
    rejected: tuple[Rejection, ...] = field(default_factory=tuple)
    format: str | None = None


def store_import(db: Database, patient_id: str, readings: Iterable[Reading],
                 rejected: Iterable[Rejection] = (), fmt: str | None = None) -> ImportSummary:
    """Writes a whole import for the patient in ONE transaction (all of it or nothing).
    Readings already stored are counted, not duplicated; implausible ones (a time before
    birth or in the future, values out of bounds) are rejected with their reason."""
    patient = patients.open_file(db, patient_id)
    birth = datetime.combine(patient.birth_date, time(), tzinfo=UTC)
    now = db.clock.now()
    added = already = 0
    refused = list(rejected)
    with db.unit_of_work() as uow:
        for reading in readings:
            mine = replace(reading, patient_id=patient_id)
            reason = problem(mine, now, birth)
            if reason:
                refused.append(Rejection(reading.line, reason, reading.member))
            elif store.insert(uow, mine):
                added += 1
            else:
                already += 1
    return ImportSummary(added, already, tuple(refused), fmt)


def readings_of(db: Database, patient_id: str, kind: str | None = None) -> list[Reading]:
    return store.of_patient(db, patient_id, kind)


def mark_entered_in_error(db: Database, reading: Reading, reason: str) -> bool:
    with db.unit_of_work() as uow:
        return store.mark_entered_in_error(uow, reading.id, reason)


def alerts_of(db: Database, patient_id: str) -> list[alerts.Alert]:
    return alerts.evaluate(store.of_patient(db, patient_id), db.clock.now())


@dataclass(frozen=True)
class Overview:
    """What the page shows for a patient: the readings (oldest first) and the alerts."""

    readings: list[Reading]
    alerts: list[alerts.Alert]


def overview(db: Database, patient_id: str) -> Overview:
    readings = store.of_patient(db, patient_id)
    return Overview(readings, alerts.evaluate(readings, db.clock.now()))


def find_patients(db: Database, text: str, limit: int = 30) -> list[Patient]:
    """The register's own forgiving search (name, date of birth, INS)."""
    return patients.search(db, text, limit)
