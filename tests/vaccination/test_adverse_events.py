"""Adverse events following immunisation on a real SQLCipher profile: a report on a dose
is checked, saved with its outbox row, listed by product and lot (audited), printed as
the declaration summary, and round-trips as a FHIR R4 AdverseEvent linked to its
Immunization, which the hub accepts and files under the patient."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.patients.factories import make_patient
from tsn_desktop.core.db import Database
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.vaccination import adverse_fhir, letters, service
from tsn_desktop.vaccination import practice_service as practice
from tsn_desktop.vaccination.adverse_events import AdverseEvent, InvalidAdverseEvent
from tsn_desktop.vaccination.model import Dose, Performer

TODAY = date(2026, 11, 23)


@pytest.fixture
def dosed(db: Database) -> tuple[Patient, Dose]:
    child = patients.save(db, make_patient(given_names="Léa", birth_date=date(2025, 11, 2),
                                           ins="")).patient
    me = Performer("Anne MARTIN", "general_practitioner", "")
    dose = service.record_dose(db, Dose(
        id="", patient_id=child.id, occurrence=date(2026, 11, 20), product="FR-PRIORIX",
        lot="RX12", expiry=date(2027, 5, 1), site="thigh-left", route="IM", performer=me),
        TODAY, child.birth_date, me)
    return child, dose


def fever(dose: Dose, **changes: object) -> AdverseEvent:
    fields: dict = dict(id="", dose_id=dose.id, patient_id="", onset=date(2026, 11, 21),
                        onset_delay_hours=30, symptoms=("fever", "rash"),
                        description="39,5 °C pendant 2 jours", seriousness=(),
                        outcome="recovered", care="paracétamol")
    fields.update(changes)
    return AdverseEvent(**fields)


def test_a_fever_after_mmr_is_saved_synced_and_listed_by_product_and_lot(
        db: Database, dosed: tuple[Patient, Dose]) -> None:
    child, dose = dosed
    saved = practice.record_adverse_event(db, fever(dose), TODAY, "Anne MARTIN", "")
    assert saved.patient_id == child.id and saved.local_version == 1
    assert db.query("SELECT resource_type, resource_id FROM outbox WHERE resource_type ="
                    " 'AdverseEvent'") == [("AdverseEvent", saved.id)]
    [line] = practice.adverse_event_lines(db)
    assert (line.product, line.lot, line.dose_date) == ("Priorix", "RX12", dose.occurrence)
    assert line.patient_name.startswith("DUPONT")
    assert ("read", saved.id) in db.query(
        "SELECT action, resource_id FROM audit_log WHERE resource_type = 'AdverseEvent'")


def test_a_report_without_signs_or_before_the_dose_is_refused(
        db: Database, dosed: tuple[Patient, Dose]) -> None:
    _child, dose = dosed
    with pytest.raises(InvalidAdverseEvent) as refused:
        practice.record_adverse_event(db, fever(dose, symptoms=(), description=" ",
                                                onset=date(2026, 11, 1), outcome="fatal"),
                                      TODAY, "", "")
    assert refused.value.problems == ("no_sign", "onset_before_dose", "fatal_not_serious")
    assert db.query("SELECT count(*) FROM vaccination_adverse_event") == [(0,)]


def test_the_event_round_trips_as_fhir_adverse_event_linked_to_the_immunization(
        db: Database, dosed: tuple[Patient, Dose]) -> None:
    _child, dose = dosed
    saved = practice.record_adverse_event(
        db, fever(dose, seriousness=("hospitalisation",), outcome="recovering"), TODAY,
        "Anne MARTIN", "10003000007")
    resource = adverse_fhir.AdverseEventAdapter().to_fhir(db, saved.id)
    assert resource is not None
    assert resource["resourceType"] == "AdverseEvent"
    assert resource["suspectEntity"] == [{"instance": {"reference": f"Immunization/{dose.id}"}}]
    assert resource["seriousness"]["coding"][0]["code"] == "serious"
    assert resource["outcome"]["coding"][0]["code"] == "recovering"
    back = adverse_fhir.from_fhir(resource)
    from dataclasses import replace

    assert back == replace(saved, local_version=0, created_at="")  # versions stay local
    from tsn_hub import fhir as hub

    assert "AdverseEvent" in hub.SUPPORTED_TYPES
    assert hub.patient_of(resource) == saved.patient_id
    hub.validate_resource("AdverseEvent", saved.id, resource)


def test_the_declaration_summary_is_a_pdf_and_its_export_is_audited(
        db: Database, dosed: tuple[Patient, Dose], profile: OpenProfile,
        tmp_path: Path) -> None:
    _child, dose = dosed
    practice.record_adverse_event(db, fever(dose), TODAY, "Anne MARTIN", "")
    [line] = practice.adverse_event_lines(db)
    patient, stored = practice.declaration_data(db, line)
    pdf = letters.declaration_pdf(line, patient, stored, profile.practitioner, TODAY)
    assert pdf.startswith(b"%PDF")
    assert ("export", line.event.patient_id) in db.query(
        "SELECT action, resource_id FROM audit_log WHERE action = 'export'")
