"""Profile facts as FHIR R4 Condition: what the hub validates, round-trips, and the merge
(ending or retracting a fact is its one edit and wins over an unchanged copy)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tsn_desktop.vaccination import model
from tsn_desktop.vaccination.facts_fhir import (
    OBSERVATION_SYSTEM,
    ConditionAdapter,
    from_fhir,
    to_fhir,
)
from tsn_desktop.vaccination.model import Fact, Performer
from tsn_hub.fhir import patient_of, validate_resource

MIDWIFE = Performer("Julie MOREAU", "midwife", "10000678903")
FACT = Fact(id="0b7e2f7a-6a53-4a0e-9f7e-2d5c8f0b9a11", patient_id="p-1",
            code=model.PREGNANCY, onset=date(2026, 6, 22), source=model.SEEN,
            note="grossesse unique", recorded_by=MIDWIFE)


def test_a_pregnancy_is_a_condition_the_hub_accepts_for_its_patient_and_it_round_trips(
        ) -> None:
    resource = to_fhir(FACT, "Grossesse en cours (tout terme)")

    validate_resource("Condition", FACT.id, resource)
    assert patient_of(resource) == "p-1"
    assert resource["code"]["coding"] == [{"system": OBSERVATION_SYSTEM,
                                           "code": "FR-GROSSESSE",
                                           "display": "Grossesse en cours (tout terme)"}]
    assert resource["clinicalStatus"]["coding"][0]["code"] == "active"
    assert resource["onsetDateTime"] == "2026-06-22"
    assert resource["recorder"]["identifier"]["value"] == MIDWIFE.rpps
    assert from_fhir(resource) == FACT


def test_an_ended_pregnancy_is_resolved_with_its_abatement() -> None:
    ended = replace(FACT, status=model.FACT_RESOLVED, abatement=date(2027, 3, 20),
                    ended_by=MIDWIFE, ended_at="2027-03-21T08:00:00Z")
    resource = to_fhir(ended)

    assert resource["clinicalStatus"]["coding"][0]["code"] == "resolved"
    assert resource["abatementDateTime"] == "2027-03-20"
    assert from_fhir(resource) == ended


def test_a_retracted_fact_is_entered_in_error_with_why() -> None:
    wrong = replace(FACT, status=model.ENTERED_IN_ERROR, ended_by=MIDWIFE,
                    ended_at="2026-11-23T10:00:00Z", end_why="wrong patient")
    resource = to_fhir(wrong)

    assert resource["verificationStatus"]["coding"][0]["code"] == "entered-in-error"
    assert from_fhir(resource) == wrong


def test_ending_a_fact_wins_over_the_hubs_unchanged_copy_and_keeps_its_other_elements(
        ) -> None:
    remote = to_fhir(FACT) | {"evidence": [{"detail": [{"display": "échographie"}]}]}
    local = to_fhir(replace(FACT, status=model.FACT_RESOLVED, abatement=date(2027, 3, 20),
                            ended_by=MIDWIFE, ended_at="2027-03-21T08:00:00Z"))

    merged = ConditionAdapter().merge(remote, local, remote)

    assert merged.local_lost is False
    assert from_fhir(merged.resource).abatement == date(2027, 3, 20)
    assert merged.resource["evidence"] == remote["evidence"]


def test_two_different_copies_of_an_active_fact_keep_the_hubs() -> None:
    remote = to_fhir(FACT)
    local = to_fhir(replace(FACT, note="autre"))

    merged = ConditionAdapter().merge(remote, local, remote | {"note": [{"text": "hub"}]})

    assert merged.resource is not None and merged.resource["note"] == [{"text": "hub"}]
