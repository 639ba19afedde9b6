"""Patient <-> FHIR R4 and the per-element three-way merge (pure functions), then the
record's life (archive, death, merge) between two practitioners over a real hub."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsn_desktop.patients import fhir, service, store
from tsn_desktop.patients.model import Patient

from .conftest import gp_and_nurse_sharing, new_patient, share, valid_ins

PID = "0b8f6f2e-5b5e-4a47-9a3c-6d0f3b2a1c00"


def patient(**changes: object) -> Patient:
    return replace(new_patient(id=PID), **changes)


def test_fhir_patient_carries_the_french_identity_elements() -> None:
    ins = valid_ins("2", 1950, 6, "69123", "045")
    resource = fhir.to_fhir(patient(ins=ins, used_name="Bernard"))
    assert resource["identifier"] == [
        {"use": "official", "system": "urn:oid:1.2.250.1.213.1.4.8", "value": ins}]
    assert resource["name"][0] == {"use": "official", "family": "Martin",
                                   "given": ["Lucie", "Anne"]}
    assert resource["name"][1]["use"] == "usual"
    assert resource["name"][1]["family"] == "Bernard"
    assert resource["gender"] == "female"
    assert resource["birthDate"] == "1950-06-02"
    place = resource["extension"][0]
    assert place["url"] == "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"
    assert place["valueAddress"]["city"] == "Lyon"
    assert place["valueAddress"]["extension"][0]["valueCoding"]["code"] == "69123"
    assert resource["address"][0]["postalCode"] == "69003"
    assert {t["system"] for t in resource["telecom"]} == {"phone", "email"}
    assert resource["generalPractitioner"] == [{"display": "Dr Marie Durand"}]


def test_sex_codes_map_to_fhir_gender() -> None:
    assert [fhir.to_fhir(patient(sex=s))["gender"] for s in "FMU"] == \
        ["female", "male", "unknown"]
    other = fhir.to_fhir(patient())
    other["gender"] = "other"
    assert fhir.from_fhir(other).sex == "U"


def test_test_ins_system_is_kept_for_the_same_number() -> None:
    ins = valid_ins()
    hub = fhir.to_fhir(patient(ins=ins), ins_system=fhir.INS_NIR_TEST_SYSTEM)
    again = fhir.to_fhir(patient(ins=ins, phone="01"), over=hub)
    assert again["identifier"][0]["system"] == fhir.INS_NIR_TEST_SYSTEM


def test_elements_this_app_does_not_model_survive_a_round_trip() -> None:
    hub = fhir.to_fhir(patient())
    hub["maritalStatus"] = {"text": "M"}
    hub["telecom"].append({"system": "fax", "value": "01 00 00 00 00"})
    hub["meta"] = {"versionId": "3"}
    ours = fhir.to_fhir(patient(city="Bron"), over=hub)
    assert ours["maritalStatus"] == {"text": "M"}
    assert {"system": "fax", "value": "01 00 00 00 00"} in ours["telecom"]
    assert "meta" not in ours


@given(st.builds(
    Patient,
    birth_name=st.text("ABCDÉÈabcé -'", min_size=1, max_size=20).map(str.strip).filter(bool),
    given_names=st.lists(st.text("abcdeé", min_size=1, max_size=8), min_size=1, max_size=3)
    .map(" ".join),
    sex=st.sampled_from("FMU"),
    birth_date=st.dates(date(1900, 1, 1), date(2026, 1, 1)),
    used_name=st.text("XYZxyz", max_size=8),
    phone=st.sampled_from(["", "06 00 00 00 00"]),
    postal_code=st.sampled_from(["", "75001"]),
    id=st.just(PID)))
def test_to_fhir_and_back_is_lossless(p: Patient) -> None:
    assert fhir.from_fhir(fhir.to_fhir(p)).content() == p.content()


# --- three-way merge ------------------------------------------------------------------------
def merge(base: Patient, local: Patient, remote: Patient):
    result = fhir.merge(fhir.to_fhir(base), fhir.to_fhir(local), fhir.to_fhir(remote))
    return fhir.from_fhir(result.resource), result


def test_changes_to_different_elements_are_both_kept() -> None:
    base = patient()
    merged, result = merge(base, replace(base, phone="06 11 11 11 11"),
                           replace(base, city="Bron", postal_code="69500"))
    assert (merged.phone, merged.city, merged.postal_code) == ("06 11 11 11 11", "Bron", "69500")
    assert not result.local_lost


def test_same_element_changed_both_ways_the_hub_wins_and_ours_is_lost_visibly() -> None:
    base = patient()
    merged, result = merge(base, replace(base, email="a@example.org"),
                           replace(base, email="b@example.org"))
    assert merged.email == "b@example.org"
    assert result.local_lost and result.reason == "element"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base = patient()
    merged, result = merge(base, replace(base, city="Bron"), replace(base, city="Bron"))
    assert merged.city == "Bron" and not result.local_lost


def test_a_qualified_ins_on_the_hub_wins_with_its_identity_traits() -> None:
    base = patient()
    ins = valid_ins("2", 1950, 6, "69123", "045")
    local = replace(base, birth_name="Martinez", given_names="Lucie", phone="06 22 22 22 22")
    remote = replace(base, ins=ins, identity_document="CN", birth_date=date(1950, 6, 3))
    merged, result = merge(base, local, remote)
    assert merged.ins == ins
    assert (merged.birth_name, merged.given_names, merged.birth_date) == \
        ("Martin", "Lucie Anne", date(1950, 6, 3))
    assert merged.phone == "06 22 22 22 22"         # not an identity trait: ours stands
    assert result.local_lost and result.reason == "ins_identity"


def test_a_local_ins_is_kept_when_the_hub_has_none() -> None:
    base = patient()
    ins = valid_ins()
    merged, result = merge(base, replace(base, ins=ins), replace(base, phone="01 02 03 04 05"))
    assert merged.ins == ins and merged.phone == "01 02 03 04 05"
    assert not result.local_lost


def test_without_a_base_every_difference_goes_to_the_hub_and_is_recorded() -> None:
    local, remote = patient(city="Bron"), patient(city="Vénissieux")
    result = fhir.merge(None, fhir.to_fhir(local), fhir.to_fhir(remote))
    assert fhir.from_fhir(result.resource).city == "Vénissieux"
    assert result.local_lost


def test_an_edit_beats_a_delete_it_did_not_see() -> None:
    base = fhir.to_fhir(patient())
    edited = fhir.to_fhir(patient(phone="06 33 33 33 33"))
    assert fhir.merge(base, edited, None).resource == edited
    assert fhir.merge(base, base, None).resource is None
    back = fhir.merge(base, None, edited)
    assert back.resource == edited and back.local_lost


def test_merge_elements_is_symmetric_when_nobody_conflicts() -> None:
    base = fhir.elements(fhir.to_fhir(patient()))
    left = dict(base, phone="1")
    right = dict(base, email="x@y.fr")
    merged = fhir.merge_elements(base, left, right)
    assert merged.merged == fhir.merge_elements(base, right, left).merged
    assert merged.lost == ()


# --- RNIV identity status, archive, death and merge on the wire -----------------------------
# FR Core (Interop'Santé, hl7.fhir.fr.core): extension fr-core-identity-reliability, with
# sub-extension identityStatus coded in fr-core-cs-identity-status and validationMode in
# fr-core-cs-mode-validation-identity.
RELIABILITY = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability"


def _reliability(resource: dict) -> dict:
    found = [e for e in resource["extension"] if e["url"] == RELIABILITY]
    assert len(found) == 1
    return {sub["url"]: sub["valueCoding"] for sub in found[0]["extension"]}


@pytest.mark.parametrize(("ins", "document", "status"), [
    ("", "", "PROV"), ("", "PA", "VALI"), (valid_ins("2", 1950, 6), "", "RECUP"),
    (valid_ins("2", 1950, 6), "CN", "QUAL")])
def test_the_rniv_identity_status_travels_in_the_fr_core_reliability_extension(
        ins: str, document: str, status: str) -> None:
    resource = fhir.to_fhir(patient(ins=ins, identity_document=document))
    sub = _reliability(resource)
    assert sub["identityStatus"] == {
        "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status",
        "code": status}
    if document:
        assert sub["validationMode"]["code"] == document
    back = fhir.from_fhir(resource)
    assert (back.identity_status, back.identity_document) == (status, document)


def test_another_clients_reliability_details_survive_our_update() -> None:
    hub = fhir.to_fhir(patient())
    def reliability(resource: dict) -> dict:
        return next(e for e in resource["extension"] if e["url"] == RELIABILITY)

    reliability(hub)["extension"].append(
        {"url": "dateInterrogationINSi", "valueDate": "2026-11-01"})
    again = fhir.to_fhir(patient(identity_document="CN"), over=hub)
    subs = [e["url"] for e in reliability(again)["extension"]]
    assert subs == ["identityStatus", "validationMode", "dateInterrogationINSi"]


def test_a_retrieved_hub_ins_carries_its_insi_traits_too() -> None:
    """RNIV: récupérée already means the traits came from the INSi teleservice with the
    INS (only the identity document check is missing): they win over a local retyping."""
    base = patient()
    ins = valid_ins("2", 1950, 6, "69123", "045")
    merged, result = merge(base, replace(base, birth_name="Martinez"), replace(base, ins=ins))
    assert merged.ins == ins and merged.birth_name == "Martin"
    assert result.reason == "ins_identity"


def test_archived_deceased_and_merged_patients_map_to_active_deceased_and_link() -> None:
    archived = fhir.to_fhir(patient(archived=True))
    assert archived["active"] is False
    assert fhir.from_fhir(archived).archived

    deceased = fhir.to_fhir(patient(deceased_date=date(2026, 10, 2)))
    assert deceased["deceasedDateTime"] == "2026-10-02"
    assert "active" not in deceased  # a deceased patient's record stays in use
    assert fhir.from_fhir(deceased).deceased_date == date(2026, 10, 2)

    kept_id = "1d5b8b7e-0000-4000-8000-000000000001"
    tombstone = fhir.to_fhir(patient(replaced_by=kept_id))
    assert tombstone["active"] is False
    assert tombstone["link"] == [{"other": {"reference": f"Patient/{kept_id}"},
                                  "type": "replaced-by"}]
    back = fhir.from_fhir(tombstone)
    assert back.replaced_by == kept_id and not back.archived

    kept = fhir.to_fhir(patient(id=kept_id), replaces=(PID,))
    assert kept["link"] == [{"other": {"reference": f"Patient/{PID}"}, "type": "replaces"}]


def test_an_archived_hub_copy_is_an_archived_patient_not_a_deletion() -> None:
    base = fhir.to_fhir(patient())
    remote = fhir.to_fhir(patient(archived=True))
    result = fhir.merge(base, fhir.to_fhir(patient(phone="07 00 00 00 00")), remote)
    merged = fhir.from_fhir(result.resource)
    assert merged.archived and merged.phone == "07 00 00 00 00"


# --- over a real hub: the colleague sees what the GP did ---------------------------------
def test_an_archived_patient_reaches_the_colleague_archived_not_deleted(make_client) -> None:
    gp, nurse, patient = gp_and_nurse_sharing(make_client)
    service.archive(gp.db, store.get(gp.db, patient.id))
    gp.sync()
    nurse.sync()
    at_nurse = service.open_file(nurse.db, patient.id)  # still there, every element kept
    assert at_nurse.archived and at_nurse.phone == patient.phone
    assert service.search(nurse.db, "martin") == []


def test_a_death_and_its_date_reach_the_colleague(make_client) -> None:
    gp, nurse, patient = gp_and_nurse_sharing(make_client)
    service.mark_deceased(gp.db, store.get(gp.db, patient.id), date(2026, 1, 5))
    gp.sync()
    nurse.sync()
    assert store.get(nurse.db, patient.id).deceased_date == date(2026, 1, 5)


def test_a_merge_reaches_the_colleague_as_replaced_by_and_replaces_links(make_client) -> None:
    gp, nurse, kept = gp_and_nurse_sharing(make_client)
    twin = gp.save(new_patient(given_names="Lucie", phone="06 44 44 44 44"))
    gp.sync()
    share(gp, twin.id, nurse)
    nurse.sync()
    service.merge(gp.db, store.get(gp.db, kept.id), store.get(gp.db, twin.id))
    gp.sync()
    nurse.sync()
    tombstone = store.get(nurse.db, twin.id)
    assert tombstone is not None and tombstone.replaced_by == kept.id
    assert tombstone.phone == "06 44 44 44 44"  # nothing deleted
    hub_kept = fhir.PatientAdapter().to_fhir(nurse.db, kept.id)
    assert {"other": {"reference": f"Patient/{twin.id}"}, "type": "replaces"} in \
        hub_kept["link"]
