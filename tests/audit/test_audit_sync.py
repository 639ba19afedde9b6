"""AuditEvent through a REAL hub process: a GP and a nurse share a patient; what one
does to the file reaches the other, and the push of the trail adds nothing to it."""

from __future__ import annotations

from tests.sync.conftest import Client, gp_and_nurse_sharing
from tsn_desktop.audit import AuditEventAdapter, enable_hub_sync, service
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.engine import SyncEngine, read_counts


def with_audit(client: Client) -> SyncEngine:
    """The client's engine with the audit adapter registered, as app.py will do."""
    engine = client.engine()
    engine.registry = AdapterRegistry([PatientAdapter(), AuditEventAdapter()])
    return engine


def test_the_nurse_sees_that_the_gp_opened_their_shared_patient(make_client, hub):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    enable_hub_sync(gp.db)
    enable_hub_sync(nurse.db)
    patients.open_file(gp.db, shared.id)
    with_audit(gp).run_pass()
    with_audit(nurse).run_pass()

    trail = service.lines(nurse.db, service.for_patient(nurse.db, shared.id))
    from_gp = [e for e in trail if e.actor == gp.rpps and e.origin == "hub"]
    assert ("read", shared.id) in [(e.action, e.patient_id) for e in from_gp]
    # The hub answers the event through its FHIR façade, to the colleague too.
    event_id = nurse.db.query_one("SELECT id FROM audit_event WHERE origin = 'hub'"
                                  " AND action = 'read'")[0]
    answer = hub.fhir(nurse.token, "AuditEvent", event_id)
    assert answer.status_code == 200
    body = answer.json()
    assert body["agent"][0]["who"]["identifier"]["value"] == gp.rpps
    assert {"reference": f"Patient/{shared.id}"} in [e["what"] for e in body["entity"]]
    assert "Martin" not in answer.text  # ids only: the patient's name is not in it


def test_pushing_the_trail_adds_no_outbox_row_and_no_audit_row(make_client):
    gp, _nurse, shared = gp_and_nurse_sharing(make_client)
    enable_hub_sync(gp.db)
    patients.open_file(gp.db, shared.id)
    own_rows = "SELECT count(*) FROM audit_log WHERE actor = ?"
    before_audit = gp.db.query_one(own_rows, (gp.rpps,))[0]
    before_outbox = gp.db.query_one("SELECT count(*) FROM outbox")[0]
    engine = with_audit(gp)
    engine.run_pass()
    engine.run_pass()
    assert gp.db.query_one("SELECT count(*) FROM outbox")[0] == before_outbox
    assert gp.db.query_one(own_rows, (gp.rpps,))[0] == before_audit
    assert gp.db.query("SELECT count(*) FROM audit_log WHERE resource_type = 'AuditEvent'") \
        == [(0,)]
    assert read_counts(gp.db).pending == 0
    assert gp.db.query("SELECT count(*) FROM audit_log WHERE synced = 0 AND actor = ?",
                       (gp.rpps,)) == [(0,)]


def test_a_second_pass_sends_no_event_again(make_client):
    gp, _nurse, shared = gp_and_nurse_sharing(make_client)
    enable_hub_sync(gp.db)
    patients.open_file(gp.db, shared.id)
    engine = with_audit(gp)
    report = engine.run_pass()
    assert report.rejected == 0 and report.pushed >= 1
    assert with_audit(gp).run_pass().pushed == 0


def test_an_import_of_readings_is_one_event_for_the_hub_and_the_colleague_sees_it(
        make_client):
    """1 440 heart-rate readings of a day imported for a shared patient: 1 440
    Observations go to the hub, and ONE AuditEvent "created 1 440 device readings in
    this patient's file", not 1 440 beside them (which doubled what an import sends);
    the GP's own trail keeps a row per reading."""
    from datetime import UTC, datetime, timedelta

    from tsn_desktop.readings import service as readings
    from tsn_desktop.readings.fhir import ObservationAdapter
    from tsn_desktop.readings.model import HEART_RATE, Reading

    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    enable_hub_sync(gp.db)
    enable_hub_sync(nurse.db)
    start = datetime(2026, 11, 30, tzinfo=UTC)
    day = [Reading(HEART_RATE, start + timedelta(minutes=i), 60.0 + i % 30,
                   source="apple-health:export.xml", device="Apple Watch")
           for i in range(1440)]
    assert readings.store_import(gp.db, shared.id, day).added == 1440

    queued = dict(gp.db.query("SELECT resource_type, count(*) FROM outbox"
                              " WHERE state = 'pending' GROUP BY resource_type"))
    assert queued["Observation"] == 1440
    events = gp.db.query("SELECT id, resource_id, patient_id, occurrences FROM audit_event"
                         " WHERE action = 'create' AND resource_type = 'Observation'")
    assert len(events) == 1 and events[0][1:] == (None, shared.id, 1440)
    rows = gp.db.query("SELECT DISTINCT event_ref, count(DISTINCT resource_id)"
                       " FROM audit_log WHERE action = 'create'"
                       " AND resource_type = 'Observation' GROUP BY event_ref")
    assert rows == [(events[0][0], 1440)]  # locally, each reading's own row

    registry = AdapterRegistry([PatientAdapter(), ObservationAdapter(), AuditEventAdapter()])
    for client in (gp, nurse):
        engine = client.engine()
        engine.registry = registry
        assert engine.run_pass().rejected == 0

    assert nurse.db.query_one("SELECT count(*) FROM reading")[0] == 1440
    trail = service.lines(nurse.db, service.for_patient(nurse.db, shared.id))
    created = [e for e in trail if e.origin == "hub" and e.actor == gp.rpps
               and e.action == "create" and e.resource_type == "Observation"]
    assert [(e.patient_id, e.occurrences, e.resource_id) for e in created] == \
        [(shared.id, 1440, None)]
