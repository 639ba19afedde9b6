"""Adverse events following immunisation over a REAL hub process: the nurse reports a fever
after the dose she gave at home; it reaches the hub as a FHIR R4 AdverseEvent linked to
the Immunization, and the patient's GP sees it in the practice list after sync."""

from __future__ import annotations

from datetime import date, timedelta

from tsn_desktop.patients import care_team
from tsn_desktop.vaccination import practice_service, service
from tsn_desktop.vaccination.adverse_events import AdverseEvent

from .conftest import Client, new_patient
from .test_carnet_sync import flu, me, sync

TODAY = date.today()  # the hub's own clock is real here (see conftest)


def test_the_nurses_report_reaches_the_gp_linked_to_the_dose(make_client, hub) -> None:
    gp: Client = make_client("Durand Marie")
    nurse: Client = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    care_team.add_member(gp.db, patient.id, nurse.rpps, "Claire Petit")
    sync(gp)
    sync(nurse)
    claire = me(nurse, "Claire PETIT", "nurse")
    given = service.record_dose(nurse.db, flu(patient.id, claire,
                                              occurrence=TODAY - timedelta(days=1)),
                                TODAY, patient.birth_date, claire)
    event = practice_service.record_adverse_event(nurse.db, AdverseEvent(
        id="", dose_id=given.id, patient_id="", onset=TODAY, onset_delay_hours=20,
        symptoms=("fever",), outcome="recovering"), TODAY, "Claire PETIT", nurse.rpps)

    report = sync(nurse)
    assert (report.rejected, report.conflicts) == (0, 0)
    on_hub = hub.fhir(nurse.token, "AdverseEvent", event.id).json()
    assert on_hub["suspectEntity"] == [{"instance": {"reference": f"Immunization/{given.id}"}}]
    assert on_hub["subject"] == {"reference": f"Patient/{patient.id}"}
    sync(gp)

    [line] = practice_service.adverse_event_lines(gp.db)
    assert line.event.id == event.id and line.event.dose_id == given.id
    assert line.event.symptoms == ("fever",) and line.event.recorder_rpps == nurse.rpps
    assert line.lot == "W3K12"
