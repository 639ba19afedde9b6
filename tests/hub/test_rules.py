"""The hub's pure rules: identifiers, references, conflict policies, opaque tokens."""

from __future__ import annotations

import pytest
from hub_harness import immunization, new_id, nir_with_key, observation, patient
from hypothesis import given
from hypothesis import strategies as st

from tsn_hub import fhir
from tsn_hub.cursor import (
    BadToken,
    SnapshotPage,
    decode_cursor,
    decode_page,
    encode_cursor,
    encode_page,
)
from tsn_hub.policy import (
    AppendOnlyChange,
    append_only_change,
    appointment_transition_allowed,
    loses_qualified_identity,
)


def test_nir_key_is_checked_including_corsican_departments() -> None:
    assert fhir.is_valid_nir(nir_with_key("1840375123456"))
    assert fhir.is_valid_nir(nir_with_key("18403" + "2A" + "123456"))
    assert not fhir.is_valid_nir("1840375123456" + "00")
    assert not fhir.is_valid_nir("184037512345")
    assert not fhir.is_valid_nir(None)


def test_rpps_has_eleven_digits() -> None:
    assert fhir.is_valid_rpps("10001234567")
    assert not fhir.is_valid_rpps("1000123456")
    assert not fhir.is_valid_rpps("1000123456a")


def test_each_resource_type_names_its_patient() -> None:
    pid = new_id()
    appointment = {
        "resourceType": "Appointment",
        "participant": [
            {"actor": {"reference": "Practitioner/x"}},
            {"actor": {"reference": f"Patient/{pid}"}},
        ],
    }
    audit = {"resourceType": "AuditEvent", "entity": [{"what": {"reference": f"Patient/{pid}"}}]}
    assert fhir.patient_of(patient(pid)) == pid
    assert fhir.patient_of(immunization(pid)) == pid
    assert fhir.patient_of(observation(pid)) == pid
    assert fhir.patient_of(appointment) == pid
    assert fhir.patient_of(audit) == pid
    assert fhir.patient_of({"resourceType": "Practitioner"}) is None


def test_absolute_references_count_but_other_types_do_not() -> None:
    pid = new_id()
    assert fhir.reference_id({"reference": f"https://hub.example/fhir/Patient/{pid}"}, "Patient")
    assert fhir.reference_id({"reference": f"Group/{pid}"}, "Patient") is None
    assert fhir.reference_id("Patient/x", "Patient") is None


def test_resource_must_match_its_op() -> None:
    pat = patient()
    with pytest.raises(fhir.InvalidResource):
        fhir.validate_resource("Patient", new_id(), pat)
    with pytest.raises(fhir.InvalidResource):
        fhir.validate_resource("Observation", pat["id"], pat)
    with pytest.raises(fhir.InvalidResource):
        fhir.validate_resource(
            "Immunization", pat["id"], dict(immunization(new_id()), id=pat["id"], patient={})
        )
    assert fhir.validate_resource("Patient", pat["id"], pat) is pat


def test_observation_may_only_be_marked_entered_in_error() -> None:
    obs = observation(new_id())
    restamped = dict(obs, meta={"versionId": "9"})
    retracted = dict(obs, status="entered-in-error", note=[{"text": "wrong cuff size"}])
    rewritten = dict(obs, valueQuantity={"value": 99})
    sneaky = dict(rewritten, status="entered-in-error")
    assert append_only_change(obs, restamped) is AppendOnlyChange.SAME
    assert append_only_change(obs, retracted) is AppendOnlyChange.ENTERED_IN_ERROR
    assert append_only_change(obs, rewritten) is AppendOnlyChange.CHANGED
    assert append_only_change(obs, sneaky) is AppendOnlyChange.CHANGED
    assert append_only_change(retracted, dict(retracted, note=[])) is AppendOnlyChange.SAME


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("proposed", "booked", True),
        ("booked", "arrived", True),
        ("arrived", "fulfilled", True),
        ("booked", "cancelled", True),
        ("booked", "booked", True),
        ("cancelled", "booked", False),
        ("fulfilled", "booked", False),
        ("noshow", "arrived", False),
        ("fulfilled", "entered-in-error", True),
    ],
)
def test_appointment_status_machine(old: str, new: str, allowed: bool) -> None:
    assert appointment_transition_allowed(old, new) is allowed


def test_hub_ins_identity_is_kept() -> None:
    qualified = patient(nir=nir_with_key("2840375123456"))
    other_ins = patient(qualified["id"], nir=nir_with_key("2840375123457"))
    unqualified = patient(qualified["id"])
    assert loses_qualified_identity(qualified, unqualified)
    assert loses_qualified_identity(qualified, other_ins)
    assert not loses_qualified_identity(qualified, dict(qualified, birthDate="1984-03-13"))
    assert not loses_qualified_identity(unqualified, qualified)


@given(st.text(min_size=1, max_size=20), st.integers(min_value=0, max_value=2**62))
def test_cursor_round_trips(epoch: str, seq: int) -> None:
    epoch = epoch.replace("\x1f", "")
    assert decode_cursor(encode_cursor(epoch, seq)) == (epoch, seq)


def test_tokens_of_one_kind_are_not_accepted_as_the_other() -> None:
    page = SnapshotPage("e", 12, "Patient", new_id(), "")
    assert decode_page(encode_page(page)) == page
    with pytest.raises(BadToken):
        decode_cursor(encode_page(page))
    with pytest.raises(BadToken):
        decode_page(encode_cursor("e", 1))
    with pytest.raises(BadToken):
        decode_cursor("%%%")
