"""Storing imports: once per measurement (a natural key), all of an import or none of it,
implausible readings rejected with their line, entered-in-error as the only edit."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.patients.factories import make_patient
from tsn_desktop.core.db import Database
from tsn_desktop.core.tasks import Cancelled
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service, store
from tsn_desktop.readings.importers import read_file
from tsn_desktop.readings.model import (
    BEFORE_BIRTH,
    DIASTOLIC_ABOVE_SYSTOLIC,
    ENTERED_IN_ERROR,
    IN_THE_FUTURE,
    OUT_OF_RANGE,
    WEIGHT,
    Reading,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def patient_id(db: Database) -> str:
    return patients.save(db, make_patient(birth_date=date(1950, 6, 1), ins="")).patient.id


def _import(db: Database, patient_id: str, path: Path) -> service.ImportSummary:
    read = read_file(path)
    return service.store_import(db, patient_id, read.readings, read.rejected, read.format)


def _outbox(db: Database) -> int:
    row = db.query_one("SELECT count(*) FROM outbox WHERE resource_type = 'Observation'")
    return int(row[0]) if row else 0


def test_the_same_file_imported_twice_is_stored_once(db: Database, patient_id: str) -> None:
    first = _import(db, patient_id, FIXTURES / "bp.csv")
    second = _import(db, patient_id, FIXTURES / "bp.csv")
    assert (first.added, first.already) == (3, 0)
    assert (second.added, second.already) == (0, 3)
    assert store.count(db, patient_id) == 3
    assert _outbox(db) == 3  # nothing queued twice for the hub


def test_overlapping_files_merge(db: Database, patient_id: str, tmp_path: Path) -> None:
    _import(db, patient_id, FIXTURES / "weight.csv")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURES / "weight.csv", "weight.csv")
        z.write(FIXTURES / "bp.csv", "bp.csv")
    summary = _import(db, patient_id, archive)
    assert (summary.added, summary.already) == (3, 4)
    assert len(service.readings_of(db, patient_id, WEIGHT)) == 4


def test_a_cancelled_import_leaves_nothing(db: Database, patient_id: str) -> None:
    readings = read_file(FIXTURES / "weight.csv").readings

    def stream() -> Iterator[Reading]:
        yield from readings[:2]
        raise Cancelled

    with pytest.raises(Cancelled):
        service.store_import(db, patient_id, stream())
    assert store.count(db, patient_id) == 0 and _outbox(db) == 0


def test_implausible_readings_are_rejected_with_their_line(db: Database,
                                                           patient_id: str) -> None:
    at = datetime(2026, 11, 20, 7, tzinfo=UTC)
    good = Reading(WEIGHT, at, 80.0, line=2, member="w.csv")
    bad = [replace(good, value=0.0, line=3), replace(good, value=900.0, line=4),
           Reading("blood_pressure", at, 80, 120, line=5, member="w.csv"),
           replace(good, at=datetime(2026, 11, 25, tzinfo=UTC), line=6),
           replace(good, at=datetime(1940, 1, 1, tzinfo=UTC), line=7)]
    summary = service.store_import(db, patient_id, [good, *bad])
    assert summary.added == 1
    assert [(r.line, r.reason, r.member) for r in summary.rejected] == [
        (3, OUT_OF_RANGE, "w.csv"), (4, OUT_OF_RANGE, "w.csv"),
        (5, DIASTOLIC_ABOVE_SYSTOLIC, "w.csv"), (6, IN_THE_FUTURE, "w.csv"),
        (7, BEFORE_BIRTH, "w.csv")]


def test_entered_in_error_is_the_only_edit_and_hides_the_reading(db: Database,
                                                                 patient_id: str) -> None:
    _import(db, patient_id, FIXTURES / "weight.csv")
    wrong = service.readings_of(db, patient_id, WEIGHT)[0]
    assert service.mark_entered_in_error(db, wrong, "scale of another person")
    assert not service.mark_entered_in_error(db, wrong, "again")
    kept = store.get(db, wrong.id)
    assert kept is not None
    assert kept[0].status == ENTERED_IN_ERROR and kept[1] == 2
    assert wrong not in service.readings_of(db, patient_id, WEIGHT)
    assert _outbox(db) == 5  # 4 creations + the mark


def test_a_reading_id_is_the_measurement_itself(patient_id: str) -> None:
    at = datetime(2026, 11, 20, 7, tzinfo=UTC)
    one = Reading(WEIGHT, at, 80.0, source="withings:weight.csv", patient_id=patient_id)
    same_from_elsewhere = replace(one, source="fhir:bundle.json", line=9)
    assert one.id == same_from_elsewhere.id
    assert replace(one, value=80.1).id != one.id
    assert replace(one, patient_id="other").id != one.id


def test_merging_two_files_moves_the_duplicates_readings_keeping_time_and_device(
        db: Database, patient_id: str) -> None:
    from tsn_desktop.readings.feature import READINGS

    assert READINGS.on_open is not None
    READINGS.on_open(db)  # as the app does when the profile opens: registers the mover
    duplicate = patients.save(db, make_patient(birth_date=date(1950, 6, 1), ins="",
                                               given_names="Helene")).patient
    _import(db, duplicate.id, FIXTURES / "capture.ble")
    _import(db, patient_id, FIXTURES / "weight.csv")
    kept = patients.open_file(db, patient_id)
    result = patients.merge(db, kept, patients.open_file(db, duplicate.id))
    assert result.moved == 2
    moved = [r for r in service.readings_of(db, patient_id) if r.source.startswith("ble")]
    assert [(r.kind, r.at, r.device) for r in moved] == [
        ("blood_pressure", datetime(2026, 11, 20, 6, 45, 30, tzinfo=UTC), "BLE 2A35"),
        ("weight", datetime(2026, 11, 20, 6, 50, tzinfo=UTC), "BLE 2A9D")]
    assert service.readings_of(db, duplicate.id) == []
    left = store.of_patient(db, duplicate.id, include_errors=True)
    assert {r.status for r in left} == {ENTERED_IN_ERROR}  # kept, marked, never deleted
