"""The "to assign" inbox: an import whose patient is not certain (several users in one
file, a name that is not the patient's) waits there whole; assigning or reassigning keeps
the measured-at time and the device, and is audited."""

from __future__ import annotations

import json
from pathlib import Path

from tsn_desktop.core.db import Database
from tsn_desktop.readings import service
from tsn_desktop.readings.importers import read_file
from tsn_desktop.readings.inbox import NAME_MISMATCH, SEVERAL_USERS, names_match
from tsn_desktop.readings.model import ENTERED_IN_ERROR, WEIGHT

# Two users of one BLE scale (0x2A9D, flags: time stamp + user id), on 20 November 2026
# at 07:30 and 07:31 Paris time: 80.0 kg for user 1, 81.0 kg for user 2.
TWO_USERS = ("# a household scale\n"
             "2A9D 06 80 3E EA 07 0B 14 07 1E 00 01\n"
             "2A9D 06 48 3F EA 07 0B 14 07 1F 00 02\n")


def bundle_of(family: str) -> dict[str, object]:
    return {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1",
                                                "name": [{"family": family,
                                                          "given": ["Jeanne"]}]}},
        {"resource": {"resourceType": "Observation", "status": "final",
                      "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
                      "subject": {"reference": "urn:uuid:p1"},
                      "effectiveDateTime": "2026-11-20T06:40:00Z",
                      "valueQuantity": {"value": 71.5, "unit": "kg", "code": "kg"}}}]}


def _import(db: Database, patient_id: str, path: Path) -> service.ImportSummary:
    read = read_file(path)
    return service.store_import(db, patient_id, read.readings, read.rejected, read.format,
                                file=read.file)


def test_a_names_match_ignores_accents_case_and_given_names() -> None:
    assert names_match("LEFEVRE Jeanne", ["Lefèvre", ""])
    assert names_match("DE LA TOUR Anne", ["de la Tour"])
    assert not names_match("DUPONT Jeanne", ["Lefèvre"])
    assert not names_match("user 1", ["Lefèvre"])


def test_a_scale_shared_by_two_users_puts_the_file_in_the_inbox(
        db: Database, lefevre: str, tmp_path: Path) -> None:
    capture = tmp_path / "balance.ble"
    capture.write_text(TWO_USERS, "utf-8")
    summary = _import(db, lefevre, capture)
    assert (summary.added, summary.to_assign) == (0, 2)
    assert service.readings_of(db, lefevre) == []
    groups = service.inbox_groups(db)
    assert [(g.user_label, g.reason, g.count, g.file) for g in groups] == \
        [("user 1", SEVERAL_USERS, 1, "balance.ble"), ("user 2", SEVERAL_USERS, 1,
                                                       "balance.ble")]
    assert _import(db, lefevre, capture).to_assign == 0  # the same file waits once


def test_assigning_a_user_keeps_the_time_and_device_and_is_audited(
        db: Database, lefevre: str, tmp_path: Path) -> None:
    capture = tmp_path / "balance.ble"
    capture.write_text(TWO_USERS, "utf-8")
    _import(db, lefevre, capture)
    user1 = next(g for g in service.inbox_groups(db) if g.user_label == "user 1")
    assert service.assign(db, user1.import_id, "user 1", lefevre) == 1
    [weight] = service.readings_of(db, lefevre, WEIGHT)
    assert (weight.value, weight.device, weight.source) == (80.0, "BLE 2A9D user 1",
                                                            "ble:balance.ble")
    assert weight.at == user1.first
    assert [g.user_label for g in service.inbox_groups(db)] == ["user 2"]  # still waiting
    audited = db.query("SELECT action, resource_type FROM audit_log WHERE actor = ?"
                       " AND resource_type IN ('ReadingInbox', 'Observation')", (db.actor,))
    assert ("update", "ReadingInbox") in audited and ("create", "Observation") in audited


def test_reassigning_moves_the_reading_and_marks_the_first_copy_entered_in_error(
        db: Database, lefevre: str, martin: str, tmp_path: Path) -> None:
    capture = tmp_path / "balance.ble"
    capture.write_text(TWO_USERS, "utf-8")
    _import(db, lefevre, capture)
    user2 = next(g for g in service.inbox_groups(db) if g.user_label == "user 2")
    service.assign(db, user2.import_id, "user 2", lefevre)  # a slip: it was Mr Martin
    assert service.assign(db, user2.import_id, "user 2", martin) == 1
    assert service.readings_of(db, lefevre) == []
    [wrong] = [r for r in store_all(db, lefevre) if r.status == ENTERED_IN_ERROR]
    [moved] = service.readings_of(db, martin)
    assert (moved.at, moved.device, moved.value) == (wrong.at, wrong.device, wrong.value)
    [group] = [g for g in service.inbox_groups(db, include_assigned=True)
               if g.user_label == "user 2"]
    assert group.assigned_to == martin and group.assigned_name.startswith("MARTIN Paul")


def store_all(db: Database, patient_id: str) -> list:
    from tsn_desktop.readings import store

    return store.of_patient(db, patient_id, include_errors=True)


def test_a_file_naming_someone_else_waits_and_one_naming_the_patient_does_not(
        db: Database, lefevre: str, tmp_path: Path) -> None:
    other = tmp_path / "dupont.json"
    other.write_text(json.dumps(bundle_of("Dupont")), "utf-8")
    summary = _import(db, lefevre, other)
    assert (summary.added, summary.to_assign) == (0, 1)
    assert [(g.user_label, g.reason) for g in service.inbox_groups(db)] == \
        [("DUPONT Jeanne", NAME_MISMATCH)]
    hers = tmp_path / "lefevre.json"
    hers.write_text(json.dumps(bundle_of("LEFEVRE")), "utf-8")
    assert _import(db, lefevre, hers).added == 1


def test_a_file_that_names_nobody_is_the_chosen_patients(
        db: Database, lefevre: str) -> None:
    from tests.readings.test_service import FIXTURES

    summary = _import(db, lefevre, FIXTURES / "weight.csv")
    assert summary.to_assign == 0 and summary.added == 4
