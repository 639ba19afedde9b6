"""Appointments through a REAL hub process: a nurse and a GP share a patient; the visits
the nurse plans and marks reach the GP's screen beside his own agenda, and two edits of
one appointment follow the written policy (cancel wins, status moves forward)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.sync.conftest import Client, gp_and_nurse_sharing
from tsn_desktop.agenda import service
from tsn_desktop.agenda.fhir import AppointmentAdapter
from tsn_desktop.agenda.model import ARRIVED, CANCELLED, DONE, Appointment
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.engine import SyncEngine


def with_agenda(client: Client) -> SyncEngine:
    """The client's engine with the agenda's adapter registered, as the Feature does."""
    engine = client.engine()
    engine.registry = AdapterRegistry([PatientAdapter(), AppointmentAdapter()])
    return engine


def tomorrow_at(hour: int) -> datetime:
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    return now.replace(hour=hour) + timedelta(days=1)


def test_visits_the_nurse_marks_done_offline_show_on_the_gps_agenda(make_client, hub):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    start = tomorrow_at(7)
    planned = [service.create(nurse.db, Appointment(
        id="", type="home_visit", start=start + timedelta(minutes=40 * i),
        end=start + timedelta(minutes=40 * i + 30), patient_id=shared.id,
        address="3 rue des Lilas, Lyon")).appointment for i in range(3)]
    service.set_status(nurse.db, planned[0].id, DONE)
    service.set_status(nurse.db, planned[1].id, DONE)
    with_agenda(nurse).run_pass()
    with_agenda(gp).run_pass()

    first_day = start.astimezone().date() - timedelta(days=1)
    # The nurse's visits are hers: beside the GP's agenda, not in it (not his busy time).
    assert not {i.appointment.id for i in service.view(gp.db, first_day, 3)} & {
        a.id for a in planned}
    assert [c.rpps for c in service.colleagues(gp.db, first_day, 3)] == [nurse.rpps]
    seen = {i.appointment.id: i for i in service.view(gp.db, first_day, 3,
                                                      owner=nurse.rpps)}
    assert set(seen) >= {a.id for a in planned}
    assert [seen[a.id].appointment.status for a in planned] == [DONE, DONE, "booked"]
    assert seen[planned[0].id].patient_name.startswith("MARTIN")
    assert seen[planned[0].id].appointment.address == "3 rue des Lilas, Lyon"
    # The hub holds the visit as an R4 Appointment with the nurse by RPPS.
    body = hub.fhir(gp.token, "Appointment", planned[0].id).json()
    assert body["status"] == "fulfilled"
    assert {"system": "https://rpps.esante.gouv.fr", "value": nurse.rpps} in [
        p["actor"].get("identifier") for p in body["participant"]]


def test_a_cancellation_wins_over_an_arrival_recorded_at_the_same_time(make_client):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    visit = service.create(nurse.db, Appointment(
        id="", type="home_visit", start=tomorrow_at(8), end=tomorrow_at(8) + timedelta(
            minutes=30), patient_id=shared.id)).appointment
    with_agenda(nurse).run_pass()
    with_agenda(gp).run_pass()
    # Both offline: the GP cancels, the nurse records the patient as arrived.
    service.set_status(gp.db, visit.id, CANCELLED)
    service.set_status(nurse.db, visit.id, ARRIVED)
    with_agenda(gp).run_pass()
    with_agenda(nurse).run_pass()
    with_agenda(nurse).run_pass()
    with_agenda(gp).run_pass()
    for client in (gp, nurse):
        assert service.get(client.db, visit.id).status == CANCELLED
    statuses = [c.status for c in service.get(nurse.db, visit.id).history]
    assert ARRIVED in statuses and CANCELLED in statuses
