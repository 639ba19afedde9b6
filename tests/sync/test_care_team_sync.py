"""A GP shares a patient with a home-visit nurse through the app's own care team, over a
REAL hub process: no raw hub client, only `care_team.add_member` / `remove_member` and
the sync engine with the CareTeam adapter registered next to the Patient one."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tsn_desktop.patients import care_team, store
from tsn_desktop.patients.care_team import CareTeamAdapter, Member
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.engine import open_conflicts
from tsn_desktop.sync.protocol import PassReport

from .conftest import RPPS_SYSTEM, Client, new_patient, random_rpps


def app_registry() -> AdapterRegistry:
    """What app.py registers."""
    return AdapterRegistry([PatientAdapter(), CareTeamAdapter()])


def sync(client: Client, **kwargs: Any) -> PassReport:
    engine = client.engine(**kwargs)
    engine.registry = app_registry()
    return engine.run_pass()


def pending(client: Client) -> int:
    return int(client.db.query_one("SELECT count(*) FROM outbox WHERE state != 'sent'")[0])


def test_the_gp_shares_a_patient_and_the_nurse_gets_it_with_its_care_team(
        make_client, hub) -> None:
    gp = make_client("Durand Marie")
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    # Shared before the first sync: the Patient still goes first, then its team.
    team = care_team.add_member(gp.db, patient.id, nurse.rpps, "Claire Petit").team

    report = sync(gp)

    assert (report.pushed, report.rejected, report.conflicts) == (2, 0, 0)
    assert pending(gp) == 0
    assert care_team.get(gp.db, team.id).meta.hub_version == "1"
    on_hub = hub.fhir(gp.token, "CareTeam", team.id).json()
    assert on_hub["status"] == "active"
    assert on_hub["subject"] == {"reference": f"Patient/{patient.id}"}
    assert [p["member"]["identifier"] for p in on_hub["participant"]] == [
        {"system": RPPS_SYSTEM, "value": gp.rpps}, {"system": RPPS_SYSTEM, "value": nurse.rpps}]

    sync(nurse)

    at_nurse = store.get(nurse.db, patient.id)
    assert at_nurse is not None
    assert at_nurse.content() == store.get(gp.db, patient.id).content()
    assert care_team.members(nurse.db, patient.id) == [
        Member(gp.rpps, "Marie DURAND"), Member(nurse.rpps, "Claire Petit")]
    assert care_team.get(nurse.db, team.id).meta.hub_version == "1"
    assert pending(nurse) == 0  # hub copies are not local changes


def test_a_nurse_already_syncing_gets_the_older_records_of_a_newly_shared_patient(
        make_client) -> None:
    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    sync(gp)
    sync(nurse)  # her cursor is now past the Patient
    assert store.get(nurse.db, patient.id) is None

    care_team.add_member(gp.db, patient.id, nurse.rpps)
    sync(gp)
    sync(nurse)

    assert store.get(nurse.db, patient.id) is not None
    assert [m.rpps for m in care_team.members(nurse.db, patient.id)] == [gp.rpps, nurse.rpps]


def test_removing_the_nurse_stops_later_changes_from_reaching_her(make_client, hub, caplog) -> None:
    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient(phone="04 72 00 00 00"))
    care_team.add_member(gp.db, patient.id, nurse.rpps, "Claire Petit")
    sync(gp)
    sync(nurse)
    assert store.get(nurse.db, patient.id).phone == "04 72 00 00 00"

    assert care_team.remove_member(gp.db, patient.id, nurse.rpps)
    gp.save(replace(store.get(gp.db, patient.id), phone="06 99 88 77 66"))
    report = sync(gp)
    assert (report.pushed, report.rejected) == (2, 0)

    report = sync(nurse)

    assert report.pulled == 0
    assert store.get(nurse.db, patient.id).phone == "04 72 00 00 00"
    assert hub.fhir(nurse.token, "Patient", patient.id).status_code == 404
    # And what she changes there no longer reaches the hub: refused, kept visible.
    nurse.save(replace(store.get(nurse.db, patient.id), city="Bron"))
    report = sync(nurse)
    assert report.rejected == 1
    assert nurse.db.query("SELECT last_error FROM outbox WHERE state = 'parked'")[0][0] \
        .startswith("forbidden")
    assert hub.fhir(gp.token, "Patient", patient.id).json()["address"][0]["city"] == "Lyon"


def test_a_member_shares_further_in_the_same_team(make_client) -> None:
    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    pharmacist = make_client("Leroy Paul", "pharmacist")
    patient = gp.save(new_patient())
    team = care_team.add_member(gp.db, patient.id, nurse.rpps).team
    sync(gp)
    sync(nurse)

    again = care_team.add_member(nurse.db, patient.id, pharmacist.rpps, "Paul Leroy")
    assert again.team.id == team.id
    report = sync(nurse)
    assert (report.pushed, report.conflicts, report.rejected) == (1, 0, 0)
    sync(pharmacist)
    sync(gp)

    assert store.get(pharmacist.db, patient.id) is not None
    for client in (gp, nurse, pharmacist):
        assert [m.rpps for m in care_team.members(client.db, patient.id)] == [
            gp.rpps, nurse.rpps, pharmacist.rpps]
        assert client.db.query_one("SELECT count(*) FROM care_team")[0] == 1


def test_two_offline_changes_of_the_team_follow_hub_order_and_the_loser_is_kept(
        make_client) -> None:
    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    pharmacist, physio = random_rpps(), random_rpps()
    patient = gp.save(new_patient())
    team = care_team.add_member(gp.db, patient.id, nurse.rpps).team
    sync(gp)
    sync(nurse)

    care_team.add_member(nurse.db, patient.id, pharmacist)
    care_team.add_member(gp.db, patient.id, physio)
    sync(nurse)           # the nurse reaches the hub first
    report = sync(gp)     # the GP's version conflicts: the hub's order wins

    assert report.conflicts == 1
    assert [m.rpps for m in care_team.members(gp.db, patient.id)] == [
        gp.rpps, nurse.rpps, pharmacist]
    assert [(c.resource_id, c.kind) for c in open_conflicts(gp.db)] == [(team.id, "hub_order")]
    assert pending(gp) == 0
