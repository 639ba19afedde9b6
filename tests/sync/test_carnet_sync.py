"""The carnet across professions over a REAL hub process: the home-visit nurse records a
dose, the GP's desktop shows it after sync with who gave it and where it came from; two
practitioners recording doses never conflict; marking in error travels."""

from __future__ import annotations

from datetime import date
from typing import Any

from tsn_desktop.patients import care_team
from tsn_desktop.patients.care_team import CareTeamAdapter
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.protocol import PassReport
from tsn_desktop.vaccination import model, service
from tsn_desktop.vaccination.feature import VACCINATION
from tsn_desktop.vaccination.model import Dose, Performer

from .conftest import RPPS_SYSTEM, Client, new_patient

TODAY = date.today()  # the hub's own clock is real here (see conftest)


def sync(client: Client) -> PassReport:
    engine = client.engine()
    assert VACCINATION.sync_adapters is not None
    engine.registry = AdapterRegistry([PatientAdapter(), CareTeamAdapter(),
                                       *VACCINATION.sync_adapters()])
    return engine.run_pass()


def me(client: Client, name: str, profession: str) -> Performer:
    return Performer(name, profession, client.rpps)


def flu(patient_id: str, by: Performer, **changes: Any) -> Dose:
    values: dict[str, Any] = dict(
        id="", patient_id=patient_id, occurrence=TODAY, product="FR-VAXIGRIPTETRA",
        lot="W3K12", expiry=date(TODAY.year + 1, 6, 30), site="deltoid-left", route="IM",
        performer=by, place="home")
    values.update(changes)
    return Dose(**values)


def test_the_nurse_records_a_dose_at_home_and_the_gp_sees_it_with_its_source(
        make_client, hub) -> None:
    gp = make_client("Durand Marie")
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    care_team.add_member(gp.db, patient.id, nurse.rpps, "Claire Petit")
    sync(gp)
    sync(nurse)
    claire = me(nurse, "Claire PETIT", "nurse")
    given = service.record_dose(nurse.db, flu(patient.id, claire), TODAY,
                                patient.birth_date, claire)

    report = sync(nurse)
    assert (report.rejected, report.conflicts) == (0, 0)
    on_hub = hub.fhir(nurse.token, "Immunization", given.id).json()
    assert on_hub["status"] == "completed"
    assert on_hub["primarySource"] is True
    assert on_hub["performer"][0]["actor"]["identifier"] == {"system": RPPS_SYSTEM,
                                                             "value": nurse.rpps}
    sync(gp)

    [seen] = service.carnet(gp.db, patient.id)
    assert (seen.id, seen.product, seen.lot, seen.expiry, seen.site, seen.route) == (
        given.id, "FR-VAXIGRIPTETRA", "W3K12", given.expiry, "deltoid-left", "IM")
    assert seen.source == model.HUB
    assert seen.performer == claire and seen.recorded_by == claire
    assert seen.place == "home"
    assert service.carnet(nurse.db, patient.id)[0].source == model.RECORDED


def test_two_practitioners_recording_doses_never_conflict_and_a_mark_in_error_travels(
        make_client) -> None:
    gp = make_client("Durand Marie")
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    care_team.add_member(gp.db, patient.id, nurse.rpps)
    sync(gp)
    sync(nurse)
    marie, claire = me(gp, "Marie DURAND", "general_practitioner"), me(nurse, "Claire PETIT",
                                                                        "nurse")
    at_gp = service.record_dose(
        gp.db, Dose(id="", patient_id=patient.id, occurrence=date(1990, 5, 1),
                    product="FR-REVAXIS", outcome=model.HISTORICAL,
                    source=model.TRANSCRIBED), TODAY, patient.birth_date, marie)
    at_nurse = service.record_dose(nurse.db, flu(patient.id, claire), TODAY,
                                   patient.birth_date, claire)
    assert sync(gp).conflicts == 0
    assert sync(nurse).conflicts == 0
    sync(gp)
    assert {d.id for d in service.carnet(gp.db, patient.id)} == {at_gp.id, at_nurse.id}
    transcribed = next(d for d in service.carnet(nurse.db, patient.id) if d.id == at_gp.id)
    assert (transcribed.source, transcribed.outcome, transcribed.recorded_by) == (
        model.TRANSCRIBED, model.HISTORICAL, marie)

    wrong = next(d for d in service.carnet(gp.db, patient.id) if d.id == at_nurse.id)
    service.mark_entered_in_error(gp.db, wrong, marie, "recorded on the wrong patient")
    assert sync(gp).rejected == 0
    sync(nurse)
    marked = next(d for d in service.carnet(nurse.db, patient.id) if d.id == at_nurse.id)
    assert (marked.status, marked.error_by, marked.error_why) == (
        model.ENTERED_IN_ERROR, marie, "recorded on the wrong patient")
