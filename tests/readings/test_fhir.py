"""Readings as FHIR Observations: the round trip, what the hub validates, and two
practitioners sharing a patient through a REAL hub process."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.sync.conftest import Client, gp_and_nurse_sharing
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.readings import service
from tsn_desktop.readings.fhir import ObservationAdapter, UnusableObservation, from_fhir, to_fhir
from tsn_desktop.readings.importers import read_file
from tsn_desktop.readings.model import (
    BLOOD_PRESSURE,
    ENTERED_IN_ERROR,
    FLAG_IRREGULAR_PULSE,
    STEPS,
    WEIGHT,
    Reading,
)
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.engine import SyncEngine
from tsn_hub.fhir import validate_resource

FIXTURES = Path(__file__).parent / "fixtures"
AT = datetime(2026, 11, 20, 6, 40, 12, tzinfo=UTC)


@pytest.mark.parametrize("reading", [
    Reading(WEIGHT, AT, 78.6, original="173.3 [lb_av]", source="withings:weight.csv",
            patient_id="p-1"),
    Reading(BLOOD_PRESSURE, AT, 142, 91, 88, original="142/91 mmHg", source="ble:c.ble",
            device="BLE 2A35 user 1", flags=FLAG_IRREGULAR_PULSE, patient_id="p-1"),
    Reading(BLOOD_PRESSURE, AT, 120, 80, patient_id="p-1"),
    Reading(STEPS, AT, 6421, source="fhir:b.json", patient_id="p-1"),
    Reading(WEIGHT, AT, 80, patient_id="p-1", status=ENTERED_IN_ERROR,
            error_reason="scale of another person"),
], ids=["weight", "bp-flags", "bp-bare", "steps", "entered-in-error"])
def test_a_reading_round_trips_through_an_observation(reading: Reading) -> None:
    resource = to_fhir(reading)
    assert from_fhir(resource) == reading
    assert resource["id"] == reading.id
    # It is what the hub accepts for an Observation.
    validate_resource("Observation", resource["id"], resource)


def test_the_observation_follows_the_vital_signs_profile() -> None:
    resource = to_fhir(Reading(BLOOD_PRESSURE, AT, 142, 91, patient_id="p-1"))
    assert resource["category"][0]["coding"][0]["code"] == "vital-signs"
    assert resource["code"]["coding"][0] == {"system": "http://loinc.org", "code": "85354-9",
                                             "display": "Blood pressure panel with all"
                                             " children optional"}
    components = {c["code"]["coding"][0]["code"]: c["valueQuantity"]
                  for c in resource["component"]}
    assert components["8480-6"]["code"] == "mm[Hg]" and components["8480-6"]["value"] == 142
    assert components["8462-4"]["value"] == 91
    assert resource["effectiveDateTime"] == "2026-11-20T06:40:12Z"


def test_an_observation_of_another_code_is_refused() -> None:
    resource = to_fhir(Reading(WEIGHT, AT, 80, patient_id="p-1"))
    resource["code"]["coding"][0]["code"] = "2339-0"
    with pytest.raises(UnusableObservation):
        from_fhir(resource)


def with_readings(client: Client) -> SyncEngine:
    """The client's engine with the readings adapter registered, as app.py does."""
    engine = client.engine()
    engine.registry = AdapterRegistry([PatientAdapter(), ObservationAdapter()])
    return engine


def _import(client: Client, patient_id: str, name: str) -> service.ImportSummary:
    read = read_file(FIXTURES / name)
    return service.store_import(client.db, patient_id, read.readings, read.rejected)


def test_the_nurse_sees_the_readings_the_gp_imported_and_their_correction(make_client):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    _import(gp, shared.id, "weight.csv")
    with_readings(gp).run_pass()
    with_readings(nurse).run_pass()
    assert service.readings_of(nurse.db, shared.id) == service.readings_of(gp.db, shared.id)
    assert len(service.readings_of(nurse.db, shared.id, WEIGHT)) == 4

    # The nurse is handed the same file: nothing is added, nothing goes to the hub.
    again = _import(nurse, shared.id, "weight.csv")
    assert (again.added, again.already) == (0, 4)

    wrong = service.readings_of(gp.db, shared.id, WEIGHT)[-1]
    service.mark_entered_in_error(gp.db, wrong, "scale of another person")
    with_readings(gp).run_pass()
    with_readings(nurse).run_pass()
    weights = service.readings_of(nurse.db, shared.id, WEIGHT)
    assert len(weights) == 3 and replace(wrong, status="final") not in weights


def test_two_practitioners_importing_the_same_readings_make_one_observation(make_client, hub):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    _import(gp, shared.id, "bp.csv")
    _import(nurse, shared.id, "bp.csv")
    with_readings(gp).run_pass()
    with_readings(nurse).run_pass()
    with_readings(gp).run_pass()
    for client in (gp, nurse):
        assert len(service.readings_of(client.db, shared.id)) == 3
        pending = client.db.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")
        assert pending == (0,)
    some = service.readings_of(gp.db, shared.id)[0]
    assert hub.fhir(nurse.token, "Observation", some.id).status_code == 200
