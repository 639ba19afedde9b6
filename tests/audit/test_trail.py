"""The audit trail on a real SQLCipher profile: grouping for the hub, filters, paging,
the AuditEvent JSON (ids only, R4 shape, accepted by the hub's rules) and CSV export."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.patients.factories import make_patient, valid_rpps
from tsn_desktop.audit import fhir, service, store
from tsn_desktop.audit.fhir import AuditEventAdapter
from tsn_desktop.audit.model import AuditFilter
from tsn_desktop.core import audit
from tsn_desktop.core.db import Database
from tsn_desktop.patients import care_team
from tsn_desktop.patients import service as patients
from tsn_hub.fhir import validate_resource


def audit_ops(db: Database) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.query(
        "SELECT resource_id, state FROM outbox WHERE resource_type = 'AuditEvent' ORDER BY seq")]


def test_opening_a_file_three_times_in_a_consultation_is_one_event_for_the_hub(db, clock):
    service.enable_hub_sync(db)
    saved = patients.save(db, make_patient()).patient
    for _ in range(3):
        patients.open_file(db, saved.id)
        clock.advance(timedelta(minutes=4))
    events = db.query("SELECT action, occurrences FROM audit_event ORDER BY first_at")
    assert events == [("create", 1), ("read", 3)]
    assert len(audit_ops(db)) == 2
    assert db.query("SELECT count(*) FROM audit_log WHERE action = 'read'") == [(3,)]


def test_a_reading_after_the_event_left_for_the_hub_starts_a_new_event(db, clock):
    service.enable_hub_sync(db)
    saved = patients.save(db, make_patient()).patient
    patients.open_file(db, saved.id)
    # The sync engine has put the pending event into a batch being sent.
    for op_id, rid in db.query("SELECT op_id, resource_id FROM outbox"
                               " WHERE resource_type = 'AuditEvent'"):
        with db.unit_of_work() as uow:
            uow.execute("INSERT INTO sync_inflight (op_id, position, resource_type, resource_id,"
                        " action, body, covers_seq, created_at) VALUES (?, 0, 'AuditEvent', ?,"
                        " 'upsert', '{}', 0, ?)", (op_id, rid, uow.now_iso()))
    clock.advance(timedelta(minutes=1))
    patients.open_file(db, saved.id)
    assert db.query("SELECT occurrences FROM audit_event WHERE action = 'read'") == [(1,), (1,)]


def test_readings_more_than_an_hour_apart_are_two_events_even_offline(db, clock):
    service.enable_hub_sync(db)
    saved = patients.save(db, make_patient()).patient
    patients.open_file(db, saved.id)
    clock.advance(timedelta(minutes=61))
    patients.open_file(db, saved.id)
    assert db.query("SELECT count(*) FROM audit_event WHERE action = 'read'") == [(2,)]


def test_rows_stay_local_until_hub_audit_sync_is_on_then_the_earlier_ones_are_queued(db):
    saved = patients.save(db, make_patient()).patient
    patients.open_file(db, saved.id)
    assert audit_ops(db) == []
    assert service.enable_hub_sync(db) == 2
    assert len(audit_ops(db)) == 2
    assert service.enable_hub_sync(db) == 0  # once is enough
    assert len(audit_ops(db)) == 2


def test_what_sync_writes_as_the_hub_is_not_sent_back_as_an_audit_event(db):
    service.enable_hub_sync(db)
    with db.unit_of_work() as uow:
        uow.actor = "hub"
        uow.audit("update", "Patient", "4b1e1f7e-0000-4000-8000-000000000001")
    assert audit_ops(db) == []


def test_the_audit_event_names_the_patient_by_id_only_and_the_hub_accepts_it(db, profile):
    service.enable_hub_sync(db)
    saved = patients.save(db, make_patient(birth_name="Lefebvre", given_names="Odile")).patient
    patients.open_file(db, saved.id)
    read_id = db.query_one("SELECT id FROM audit_event WHERE action = 'read'")[0]
    resource = AuditEventAdapter().to_fhir(db, read_id)
    assert resource is not None
    text = json.dumps(resource)
    assert "Lefebvre" not in text and "Odile" not in text and "1980" not in text
    assert resource["type"]["code"] == "110110"  # DCM Patient Record
    assert resource["action"] == "R"
    assert resource["subtype"][0]["code"] == "read"
    assert resource["agent"][0]["who"]["identifier"] == {
        "system": "https://rpps.esante.gouv.fr", "value": profile.practitioner.rpps}
    assert resource["agent"][0]["requestor"] is True
    assert resource["source"]["observer"]["display"] == "TSN Desktop"
    assert resource["entity"][0]["what"] == {"reference": f"Patient/{saved.id}"}
    assert resource["recorded"].endswith("Z")
    validate_resource("AuditEvent", read_id, resource)


def test_sharing_a_file_is_an_event_about_the_patient_and_the_care_team(db):
    service.enable_hub_sync(db)
    saved = patients.save(db, make_patient()).patient
    care_team.add_member(db, saved.id, valid_rpps("1000073214"), "Claire Petit")
    team = care_team.teams_of(db, saved.id)[0]
    event_id = db.query_one("SELECT id FROM audit_event WHERE resource_type = 'CareTeam'")[0]
    resource = AuditEventAdapter().to_fhir(db, event_id)
    assert resource is not None
    assert [e["what"]["reference"] for e in resource["entity"]] == [
        f"Patient/{saved.id}", f"CareTeam/{team.id}"]
    assert resource["type"]["code"] == "rest"
    # And the patient's own trail shows it.
    entries = service.lines(db, service.for_patient(db, saved.id))
    assert ("create", "CareTeam") in [(e.action, e.resource_type) for e in entries]


def test_a_colleagues_event_read_from_the_hub_keeps_who_what_and_when(db):
    event = store.Event("3f8e7a52-7c3e-4e0e-9c61-0a3b1f2d4e5f", "local", "10000737427", "read",
                        "Patient", "9d2f8f0e-1111-4a4a-8b8b-222222222222",
                        "9d2f8f0e-1111-4a4a-8b8b-222222222222", "2026-11-23T08:00:00.000000Z",
                        "2026-11-23T08:20:00.000000Z", 4, None, None)
    fields = fhir.from_resource(fhir.to_resource(event, event.patient_id))
    assert fields == {"event_id": event.id, "actor": event.actor, "action": "read",
                      "resource_type": "Patient", "resource_id": event.resource_id,
                      "patient_id": event.patient_id, "first_at": event.first_at,
                      "last_at": event.last_at, "occurrences": 4}


def test_a_hub_event_without_an_rpps_agent_is_refused_with_a_reason_and_no_content():
    resource = {"resourceType": "AuditEvent", "id": "x", "action": "R",
                "recorded": "2026-11-23T08:00:00Z", "agent": [{"who": {"display": "Dupont"}}]}
    with pytest.raises(fhir.UnusableAuditEvent) as caught:
        fhir.from_resource(resource)
    assert "Dupont" not in str(caught.value)


def test_filters_by_patient_practitioner_action_and_paris_day(db, clock):
    first = patients.save(db, make_patient()).patient
    second = patients.save(db, make_patient(birth_name="Bernard", ins="")).patient
    # 23:30 UTC on 23 November is 00:30 on 24 November in Paris.
    clock.advance(timedelta(hours=14))
    patients.open_file(db, second.id)
    actor = db.actor
    assert {e.patient_id for e in service.lines(db, service.for_patient(db, first.id))} == {
        first.id}
    reads = service.lines(db, AuditFilter(action="read"))
    assert [(e.patient_id, e.actor) for e in reads] == [(second.id, actor)]
    assert service.lines(db, AuditFilter(actor="10000000000")) == []
    on_24 = service.lines(db, AuditFilter(since=date(2026, 11, 24), until=date(2026, 11, 24)))
    assert [e.action for e in on_24] == ["read"]
    on_23 = service.lines(db, AuditFilter(until=date(2026, 11, 23)))
    assert sorted(e.action for e in on_23) == ["create", "create"]
    assert reads[0].patient_name.startswith("BERNARD")
    assert reads[0].actor_name == "Anne MARTIN"


def test_a_first_day_after_the_last_day_is_refused():
    with pytest.raises(ValueError):
        AuditFilter(since=date(2026, 11, 24), until=date(2026, 11, 23))


def test_pages_follow_each_other_without_gap_or_repeat_while_rows_arrive(db, clock):
    saved = patients.save(db, make_patient()).patient
    for _ in range(449):
        patients.open_file(db, saved.id)
    seen: list[str] = []
    page = service.lines(db, AuditFilter(), limit=200)
    seen += [e.key for e in page]
    patients.open_file(db, saved.id)  # a new row on top while the user scrolls
    while page:
        page = service.lines(db, AuditFilter(), after=page[-1], limit=200)
        seen += [e.key for e in page]
    assert len(seen) == len(set(seen)) == 450


def test_export_writes_the_filtered_trail_and_is_itself_audited(db, tmp_path: Path):
    saved = patients.save(db, make_patient()).patient
    patients.open_file(db, saved.id)
    target = tmp_path / "journal.csv"
    flt = service.for_patient(db, saved.id)
    written = service.export_csv(db, flt, target, ["when", "until", "n", "rpps", "name",
                                                   "action", "patient", "patient name",
                                                   "type", "id", "origin"],
                                 service.default_row({"read": "lecture"}))
    assert written == 2
    rows = list(csv.reader(target.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[1][5] == "lecture" and rows[1][6] == saved.id
    assert rows[1][0] == "2026-11-23 10:30:00"  # 09:30 UTC shown in Paris time
    assert audit.for_resource(db._conn, "Patient", saved.id)[-1].action == "export"


def test_an_export_that_cannot_be_written_leaves_no_file_and_no_export_row(db, tmp_path):
    saved = patients.save(db, make_patient()).patient
    target = tmp_path / "missing-folder" / "journal.csv"
    with pytest.raises(OSError):
        service.export_csv(db, AuditFilter(), target, ["when"], lambda e: [e.action])
    assert not target.exists()
    assert [r.action for r in audit.for_resource(db._conn, "Patient", saved.id)] == ["create"]


def test_the_sync_status_counts_changes_waiting_not_the_trail_of_opened_files(db, clock):
    """"3 en attente" after merely opening files would tell the practitioner that some of
    their work is not sent yet; only their edits count (the trail goes with them)."""
    from tsn_desktop.sync.engine import read_counts

    service.enable_hub_sync(db)
    saved = patients.save(db, make_patient()).patient
    for _ in range(3):
        clock.advance(timedelta(hours=1))  # three consultations: three trail events
        patients.open_file(db, saved.id)
    assert len(audit_ops(db)) >= 3
    assert read_counts(db).pending == 1  # the patient created, nothing else
