"""A GP and a home-visit nurse share a patient through a real hub: what one records
reaches the other, both ways, and concurrent edits follow the written policy."""

from __future__ import annotations

import json
from dataclasses import replace

from tsn_desktop.patients import store
from tsn_desktop.sync.engine import conflict_copies, open_conflicts, resolve_conflict
from tsn_desktop.sync.protocol import PassReport

from .conftest import gp_and_nurse_sharing, new_patient, share, valid_ins


def outbox_states(db) -> dict[str, int]:
    return dict(db.query("SELECT state, count(*) FROM outbox GROUP BY state"))


def test_gp_record_reaches_nurse_and_nurse_edit_comes_back(make_client, hub) -> None:
    gp = make_client("Durand Marie")
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    report = gp.sync()
    assert report.pushed == 1
    assert outbox_states(gp.db) == {"sent": 1}
    share(gp, patient.id, nurse)

    nurse.sync()
    at_nurse = store.get(nurse.db, patient.id)
    assert at_nurse is not None
    assert at_nurse.content() == store.get(gp.db, patient.id).content()
    # A hub copy is not a local change: nothing queued at the nurse's.
    assert outbox_states(nurse.db) == {}

    nurse.save(replace(at_nurse, phone="06 11 22 33 44", address="5 place Bellecour"))
    nurse.sync()
    gp.sync()
    back = store.get(gp.db, patient.id)
    assert back.phone == "06 11 22 33 44"
    assert back.address == "5 place Bellecour"
    assert back.meta.hub_version == "2"
    assert outbox_states(gp.db) == {"sent": 1}
    hub_copy = hub.fhir(gp.token, "Patient", patient.id).json()
    assert hub_copy["meta"]["versionId"] == "2"


def test_two_offline_edits_of_a_new_record_do_not_conflict_with_themselves(make_client):
    gp = make_client()
    patient = gp.save(new_patient())
    patient = gp.save(replace(patient, phone="06 00 00 00 01"))
    gp.save(replace(patient, phone="06 00 00 00 02"))
    report = gp.sync()
    assert (report.pushed, report.conflicts) == (1, 0)
    assert outbox_states(gp.db) == {"sent": 3}
    later = store.get(gp.db, patient.id)
    gp.save(replace(later, city="Villeurbanne"))
    report = gp.sync()
    assert (report.pushed, report.conflicts) == (1, 0)
    assert store.get(gp.db, patient.id).meta.hub_version == "2"


def test_concurrent_edits_merge_per_element_and_the_loser_is_kept(make_client) -> None:
    gp, nurse, patient = gp_and_nurse_sharing(make_client)

    # Both offline: different elements, plus the same element changed two ways.
    gp_copy = store.get(gp.db, patient.id)
    gp.save(replace(gp_copy, email="l.martin@example.org", phone="06 99 99 99 99"))
    nurse_copy = store.get(nurse.db, patient.id)
    nurse.save(replace(nurse_copy, address="8 quai Saint-Vincent", phone="07 12 12 12 12"))

    nurse.sync()          # the nurse reaches the hub first
    report = gp.sync()    # the GP's push conflicts, is merged, and goes again
    assert report.conflicts == 1
    merged = store.get(gp.db, patient.id)
    assert merged.email == "l.martin@example.org"          # only the GP changed it
    assert merged.address == "8 quai Saint-Vincent"        # only the nurse changed it
    assert merged.phone == "07 12 12 12 12"                # both: the hub's order wins
    conflicts = open_conflicts(gp.db)
    assert [(c.resource_id, c.kind) for c in conflicts] == [(patient.id, "element")]
    local, hub_side = conflict_copies(gp.db, conflicts[0].id)
    assert {"system": "phone", "value": "06 99 99 99 99"} in local["telecom"]  # kept
    assert {"system": "phone", "value": "07 12 12 12 12"} in hub_side["telecom"]
    resolve_conflict(gp.db, conflicts[0].id, "kept_hub")
    assert open_conflicts(gp.db) == []

    nurse.sync()
    assert store.get(nurse.db, patient.id).content() == merged.content()
    assert gp.db.query("SELECT count(*) FROM outbox WHERE state = 'pending'")[0][0] == 0


def test_a_qualified_ins_on_the_hub_wins_over_a_local_identity_edit(make_client) -> None:
    ins = valid_ins("2", 1950, 6, "69123", "045")
    gp, nurse, patient = gp_and_nurse_sharing(make_client, new_patient(ins=ins))

    # The nurse, offline, retypes the birth name; the GP meanwhile fixes the phone.
    nurse_copy = store.get(nurse.db, patient.id)
    nurse.save(replace(nurse_copy, birth_name="Martins", ins=""))
    gp.save(replace(store.get(gp.db, patient.id), phone="06 55 55 55 55"))
    gp.sync()
    report = nurse.sync()
    assert report.conflicts == 1
    at_nurse = store.get(nurse.db, patient.id)
    assert (at_nurse.ins, at_nurse.birth_name) == (ins, "Martin")
    assert at_nurse.phone == "06 55 55 55 55"
    kinds = [row[0] for row in nurse.db.query("SELECT kind FROM sync_conflict")]
    assert kinds == ["ins_identity"]
    local = json.loads(nurse.db.query("SELECT local_json FROM sync_conflict")[0][0])
    assert local["name"][0]["family"] == "Martins"


def test_deletion_reaches_the_colleague(make_client) -> None:
    gp, nurse, patient = gp_and_nurse_sharing(make_client)
    from tsn_desktop.patients import service

    service.delete(gp.db, store.get(gp.db, patient.id))
    gp.sync()
    nurse.sync()
    assert store.get(nurse.db, patient.id).meta.deleted


def test_a_hub_rebuilt_empty_gets_everything_back_from_the_client(
        make_client, private_hub, caplog) -> None:
    gp = make_client(on=private_hub)
    kept = [gp.save(new_patient(given_names=f"Prénom{i}")) for i in range(3)]
    gp.sync()
    edited = gp.save(replace(store.get(gp.db, kept[0].id), phone="06 77 77 77 77"))

    private_hub.wipe_and_restart()
    gp.token = private_hub.create_practitioner(gp.rpps, "Durand Marie", "general_practitioner")
    report = gp.sync()
    assert report.snapshot
    assert gp.db.query("SELECT count(*) FROM outbox WHERE state != 'sent'")[0][0] == 0
    for p in kept:
        response = private_hub.fhir(gp.token, "Patient", p.id)
        assert response.status_code == 200
    copy = private_hub.fhir(gp.token, "Patient", edited.id).json()
    assert copy["telecom"][0]["value"] == "06 77 77 77 77"
    assert gp.db.query("SELECT count(*) FROM sync_conflict")[0][0] == 0
    # The next pass is an ordinary one.
    assert not gp.sync().snapshot


def test_a_patient_shared_after_the_colleague_last_synced_still_arrives(make_client) -> None:
    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    nurse.sync()  # the nurse's cursor is now past everything
    patient = gp.save(new_patient())
    gp.save(replace(store.get(gp.db, patient.id), city="Bron"))
    gp.sync()
    share(gp, patient.id, nurse)   # access granted now; the patient's seq is behind
    report = nurse.sync()
    assert store.get(nurse.db, patient.id).city == "Bron"
    assert report.pulled >= 1
    assert nurse.db.query("SELECT count(*) FROM sync_patient_resync")[0][0] == 0


def test_a_record_the_hub_no_longer_lists_after_a_resync_is_tombstoned(
        make_client, private_hub) -> None:
    gp, nurse, patient = gp_and_nurse_sharing(make_client, on=private_hub)
    engine = nurse.engine()
    engine.snapshot(PassReport())    # nothing lacks: nothing changes
    assert not store.get(nurse.db, patient.id).meta.deleted
    from tsn_desktop.patients import service

    service.delete(gp.db, store.get(gp.db, patient.id))
    gp.sync()
    engine.snapshot(PassReport())    # tombstones are not listed in a snapshot
    assert store.get(nurse.db, patient.id).meta.deleted


def test_a_hub_change_arriving_while_a_local_edit_waits_is_merged_not_overwritten(
        make_client) -> None:
    gp, nurse, patient = gp_and_nurse_sharing(make_client)
    nurse.save(replace(store.get(nurse.db, patient.id), city="Bron"))
    nurse.sync()
    gp.save(replace(store.get(gp.db, patient.id), phone="06 10 10 10 10"))

    engine = gp.engine()
    engine.pull(PassReport())               # the pull comes before this edit is pushed
    merged = store.get(gp.db, patient.id)
    assert (merged.city, merged.phone) == ("Bron", "06 10 10 10 10")
    assert gp.db.query("SELECT count(*) FROM outbox WHERE state = 'pending'")[0][0] == 1
    report = gp.sync()
    assert (report.pushed, report.conflicts) == (1, 0)   # based on the pulled version
    nurse.sync()
    assert store.get(nurse.db, patient.id).content() == merged.content()


def test_a_hub_patient_this_app_cannot_hold_is_kept_aside_not_fatal(make_client, caplog) -> None:
    import uuid

    from tsn_desktop.sync.client import HubClient

    gp = make_client()
    odd_id = str(uuid.uuid4())
    # Another client's Patient without a birth date (FHIR allows it; this app does not).
    raw = HubClient(gp.hub_url, gp.token)
    raw.post("/sync/v1/push", {"ops": [{
        "op_id": str(uuid.uuid4()), "resource_type": "Patient", "id": odd_id,
        "action": "upsert", "base_version": None,
        "resource": {"resourceType": "Patient", "id": odd_id,
                     "name": [{"family": "Inconnu"}]}}]})
    raw.close()
    fine = gp.save(new_patient())
    report = gp.sync()
    assert report.skipped == 1
    assert store.get(gp.db, odd_id) is None
    assert store.get(gp.db, fine.id) is not None
    kept = gp.db.query("SELECT hub_version FROM hub_base WHERE resource_id = ?", (odd_id,))
    assert kept == [("1",)]


def test_a_clock_far_off_the_hubs_is_reported_and_sync_still_works(make_client) -> None:
    from datetime import UTC, datetime

    from tsn_desktop.core.clock import FrozenClock

    gp = make_client()
    gp.save(new_patient())
    engine = gp.engine()
    engine.clock = FrozenClock(datetime(2026, 1, 1, tzinfo=UTC))  # faked: the clock
    report = engine.run_pass()
    assert "clock_skew" in report.warnings
    assert report.pushed == 1


def test_a_conflict_the_client_cannot_reconcile_is_parked_and_the_queue_goes_on(
        make_client, caplog) -> None:
    from tsn_desktop.patients.fhir import PatientAdapter
    from tsn_desktop.sync.adapters import AdapterRegistry
    from tsn_desktop.sync.engine import SyncEngine

    class BrokenMerge(PatientAdapter):
        def merge(self, base, local, remote):
            raise RuntimeError("a bug in a feature's merge")

    gp, nurse, patient = gp_and_nurse_sharing(make_client)
    nurse.save(replace(store.get(nurse.db, patient.id), city="Bron"))
    nurse.sync()
    gp.save(replace(store.get(gp.db, patient.id), city="Lyon 3e"))
    other = gp.save(new_patient(given_names="Paul"))
    normal = gp.engine()
    engine = SyncEngine(normal.client, AdapterRegistry([BrokenMerge()]), normal.run_db,
                        normal.clock)
    report = engine.run_pass()
    assert report.pushed == 1 and report.rejected == 1
    parked = gp.db.query("SELECT resource_id, last_error FROM outbox WHERE state = 'parked'")
    assert parked == [(patient.id, "client-error: this change could not be reconciled"
                                   " with the hub's copy")]
    assert store.get(gp.db, other.id).meta.hub_version == "1"
    assert gp.db.query("SELECT count(*) FROM sync_inflight")[0][0] == 0
    # The colleague's next change arrives: the refused local copy is kept, not lost.
    nurse.save(replace(store.get(nurse.db, patient.id), phone="06 20 20 20 20"))
    nurse.sync()
    engine.run_pass()
    assert store.get(gp.db, patient.id).phone == "06 20 20 20 20"
    kept = gp.db.query("SELECT kind, local_json FROM sync_conflict")
    assert [k for k, _ in kept] == ["refused_by_hub"]
    assert "Lyon 3e" in kept[0][1]


def test_a_cursor_the_hub_cannot_read_leads_to_a_snapshot_not_a_stall(make_client, caplog) -> None:
    gp = make_client()
    patient = gp.save(new_patient())
    gp.sync()
    with gp.db.unit_of_work() as uow:
        uow.execute("UPDATE sync_state SET cursor = 'not-a-cursor'")
    report = gp.sync()
    assert report.snapshot
    assert store.get(gp.db, patient.id).meta.hub_version == "1"
    assert gp.db.query("SELECT cursor FROM sync_state") != [("not-a-cursor",)]
