"""The patient's profile facts across professions over a REAL hub process: the midwife
records a pregnancy, the GP's desktop has it after sync (who recorded it, its source) and
its forecast follows; ending it travels too."""

from __future__ import annotations

from datetime import date

from tsn_desktop.patients import care_team
from tsn_desktop.patients.care_team import CareTeamAdapter
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.protocol import PassReport
from tsn_desktop.vaccination import model, service
from tsn_desktop.vaccination.feature import VACCINATION
from tsn_desktop.vaccination.model import Fact, Performer

from .conftest import Client, new_patient

TODAY = date.today()  # the hub's own clock is real here (see conftest)


def sync(client: Client) -> PassReport:
    engine = client.engine()
    assert VACCINATION.sync_adapters is not None
    engine.registry = AdapterRegistry([PatientAdapter(), CareTeamAdapter(),
                                       *VACCINATION.sync_adapters()])
    return engine.run_pass()


def test_the_midwife_records_a_pregnancy_and_the_gps_forecast_follows_after_sync(
        make_client, hub) -> None:
    gp = make_client("Durand Marie")
    midwife = make_client("Moreau Julie", "midwife")
    patient = gp.save(new_patient(birth_date=date(1996, 3, 14), birth_insee="69123"))
    care_team.add_member(gp.db, patient.id, midwife.rpps, "Julie Moreau")
    sync(gp)
    sync(midwife)
    julie = Performer("Julie MOREAU", "midwife", midwife.rpps)
    gp_view = service.open_carnet(gp.db, patient.id, patient.birth_date, "F", TODAY)
    assert gp_view.assessment.groups["ROR"].status != "Contraindicated"

    recorded = service.record_fact(
        midwife.db, Fact(id="", patient_id=patient.id, code=model.PREGNANCY,
                         onset=model.pregnancy_onset(14, 0, TODAY), source=model.SEEN),
        TODAY, patient.birth_date, julie)
    report = sync(midwife)
    assert (report.rejected, report.conflicts) == (0, 0)
    on_hub = hub.fhir(midwife.token, "Condition", recorded.id).json()
    assert on_hub["clinicalStatus"]["coding"][0]["code"] == "active"
    sync(gp)

    view = service.open_carnet(gp.db, patient.id, patient.birth_date, "F", TODAY)
    [seen] = view.facts
    assert (seen.id, seen.code, seen.onset, seen.source, seen.recorded_by) == (
        recorded.id, model.PREGNANCY, recorded.onset, model.SEEN, julie)
    assert view.assessment.groups["ROR"].status == "Contraindicated"

    marie = Performer("Marie DURAND", "general_practitioner", gp.rpps)
    service.end_fact(gp.db, seen, TODAY, TODAY, marie)
    assert sync(gp).rejected == 0
    sync(midwife)
    [ended] = service.profile_facts(midwife.db, patient.id)
    assert (ended.status, ended.abatement, ended.ended_by) == (model.FACT_RESOLVED, TODAY,
                                                                marie)


def test_two_practitioners_recording_facts_never_conflict(make_client) -> None:
    gp = make_client("Durand Marie")
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    care_team.add_member(gp.db, patient.id, nurse.rpps)
    sync(gp)
    sync(nurse)
    marie = Performer("Marie DURAND", "general_practitioner", gp.rpps)
    claire = Performer("Claire PETIT", "nurse", nurse.rpps)
    at_gp = service.record_fact(gp.db, Fact(id="", patient_id=patient.id,
                                            code="FR-IMMUNODEPRIME", onset=date(2024, 1, 8),
                                            source=model.DOCUMENT), TODAY,
                                patient.birth_date, marie)
    at_nurse = service.record_fact(nurse.db, Fact(id="", patient_id=patient.id,
                                                  code="FR-RISQUE-GRIPPE",
                                                  onset=date(2025, 5, 2),
                                                  source=model.DECLARED), TODAY,
                                   patient.birth_date, claire)

    assert sync(gp).conflicts == 0
    assert sync(nurse).conflicts == 0
    sync(gp)

    assert {f.id for f in service.profile_facts(gp.db, patient.id)} == {at_gp.id, at_nurse.id}
    assert {f.id for f in service.profile_facts(nurse.db, patient.id)} == {at_gp.id,
                                                                            at_nurse.id}
