"""Doses as FHIR R4 Immunization: what the hub validates, round-trips, and the merge."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tsn_desktop.vaccination import model
from tsn_desktop.vaccination.fhir import ImmunizationAdapter, from_fhir, to_fhir
from tsn_desktop.vaccination.model import Dose, Performer
from tsn_hub.fhir import validate_resource

NURSE = Performer("Claire PETIT", "nurse", "10000123454")
DOSE = Dose(id="6f1c1c1e-2c1d-4d7a-9a56-7d0b3f9a1e01", patient_id="p-1",
            occurrence=date(2026, 7, 10), product="FR-HEXYON", lot="X4F21A",
            expiry=date(2027, 12, 31), site="thigh-left", route="IM", performer=NURSE,
            place="cabinet", place_name="Cabinet des Lilas", recorded_by=NURSE)


def test_a_dose_is_an_immunization_the_hub_accepts_and_it_round_trips() -> None:
    resource = to_fhir(DOSE)
    validate_resource("Immunization", DOSE.id, resource)
    assert resource["vaccineCode"]["coding"][-1] == {
        "system": "urn:tsn-desktop:vaccine-product", "code": "FR-HEXYON", "display": "Hexyon"}
    assert (resource["lotNumber"], resource["expirationDate"], resource["status"],
            resource["primarySource"]) == ("X4F21A", "2027-12-31", "completed", True)
    assert resource["route"]["coding"][0]["code"] == "IM"
    back = from_fhir(resource, own_rpps=NURSE.rpps)
    assert back == DOSE


def test_a_transcribed_dose_says_it_is_not_from_a_primary_source() -> None:
    dose = replace(DOSE, outcome=model.HISTORICAL, source=model.TRANSCRIBED, lot="")
    resource = to_fhir(dose)
    assert resource["primarySource"] is False
    assert resource["reportOrigin"]["coding"][0]["code"] == "record"
    assert from_fhir(resource).source == model.TRANSCRIBED


def test_a_refused_dose_is_not_done_with_its_reason() -> None:
    dose = replace(DOSE, outcome=model.NOT_GIVEN, reason="refused", lot="")
    resource = to_fhir(dose)
    validate_resource("Immunization", DOSE.id, resource)
    assert resource["status"] == "not-done"
    assert resource["statusReason"]["coding"][0]["code"] == "refused"
    assert from_fhir(resource, NURSE.rpps) == dose


def test_a_colleagues_dose_reads_as_received_from_the_hub() -> None:
    assert from_fhir(to_fhir(DOSE), own_rpps="10000987652").source == model.HUB


def test_a_mark_in_error_wins_over_the_hubs_unchanged_copy() -> None:
    hub = to_fhir(DOSE)
    mine = to_fhir(replace(DOSE, status=model.ENTERED_IN_ERROR, error_by=NURSE,
                           error_at="2026-11-23T09:30:00Z", error_why="wrong patient"))
    result = ImmunizationAdapter().merge(hub, mine, hub)
    assert result.resource is not None and not result.local_lost
    assert from_fhir(result.resource).error_why == "wrong patient"
    other = ImmunizationAdapter().merge(hub, to_fhir(replace(DOSE, lot="OTHER")), hub)
    assert other.resource == hub and other.reason == "append_only"


def test_marking_a_colleagues_dose_keeps_when_it_was_first_recorded() -> None:
    hub = {**to_fhir(DOSE), "recorded": "2026-07-10T08:00:00Z"}
    pulled = replace(DOSE, meta=replace(DOSE.meta, created_at="2026-11-23T09:30:00Z"))
    marked = to_fhir(replace(pulled, status=model.ENTERED_IN_ERROR, error_why="x"), over=hub)
    assert marked["recorded"] == "2026-07-10T08:00:00Z"
