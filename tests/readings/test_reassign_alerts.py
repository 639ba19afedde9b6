"""Reassigning readings from the "to assign" inbox (a household scale given to the wrong
patient first): the alerts they raised for the former patient are withdrawn, kept in the
history with who, when and why, and off the practice list; the new patient's rules run on
them; nothing is raised twice; the withdrawal travels to a colleague through a REAL hub."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.readings.test_pathway_sync import sync
from tests.sync.conftest import gp_and_nurse_sharing, new_patient, share
from tsn_desktop.core.db import Database
from tsn_desktop.readings import service
from tsn_desktop.readings.alerts import BP_SEVERE, WEIGHT_GAIN
from tsn_desktop.readings.fhir_pathways import issue_from_fhir, issue_to_fhir
from tsn_desktop.readings.model import BLOOD_PRESSURE, WEIGHT, Reading
from tsn_desktop.readings.pathways import READINGS_REASSIGNED


def household_scale(now: datetime) -> list[Reading]:
    """A scale shared by two users: user 1 gains 2.6 kg in 3 days (up to this morning),
    user 2 weighs once. Several users: the whole file waits in the inbox."""
    start = now.replace(hour=6, minute=0, second=0, microsecond=0) - timedelta(days=3)
    gaining = [Reading(WEIGHT, start + timedelta(days=i), kg, source="ble:2A9D",
                       device="scale-1", user="user 1")
               for i, kg in enumerate((80.0, 80.8, 81.7, 82.6))]
    return [*gaining, Reading(WEIGHT, start, 64.0, source="ble:2A9D", device="scale-1",
                              user="user 2")]


def open_alerts(db: Database, patient_id: str) -> list[str]:
    return [p.alert.code for p in service.practice_alerts(db) if p.alert.patient_id == patient_id]


def test_reassigning_withdraws_the_former_patients_alert_and_raises_it_for_the_new_one(
        db: Database, lefevre: str, martin: str) -> None:
    summary = service.store_import(db, lefevre, household_scale(db.clock.now()), fmt="ble",
                                   file="balance.ble")
    assert summary.to_assign == 5 and summary.added == 0
    import_id = service.inbox_groups(db)[0].import_id
    service.assign(db, import_id, "user 1", lefevre, "Anne MARTIN")
    assert open_alerts(db, lefevre) == [WEIGHT_GAIN]
    [raised] = service.pathways_store.alerts_of(db, lefevre)

    # A slip: user 1 is Mr Martin.
    assert service.assign(db, import_id, "user 1", martin, "Anne MARTIN") == 4
    assert open_alerts(db, lefevre) == [] and open_alerts(db, martin) == [WEIGHT_GAIN]
    [kept] = service.pathways_store.alerts_of(db, lefevre)  # kept, not deleted
    assert kept.id == raised.id and kept.withdrawal is not None
    assert (kept.withdrawal.by_id, kept.withdrawal.by_name, kept.withdrawal.at,
            kept.withdrawal.reason) == (db.actor, "Anne MARTIN", db.clock.now(),
                                        READINGS_REASSIGNED)
    audited = db.query("SELECT action, resource_type, resource_id FROM audit_log"
                       " WHERE resource_type = 'DetectedIssue'")
    assert ("update", "DetectedIssue", raised.id) in audited
    assert service.pathways_store.counts(db).open == 1  # Mr Martin's only

    # Given to Mr Martin again, or raised again over his readings: still one alert.
    assert service.assign(db, import_id, "user 1", martin) == 0
    service.raise_alerts(db, martin)
    service.raise_alerts(db, lefevre)
    assert [a.code for a in service.pathways_store.alerts_of(db, martin)] == [WEIGHT_GAIN]
    assert len(service.pathways_store.alerts_of(db, lefevre)) == 1


def test_the_former_patients_own_alerts_stay(db: Database, lefevre: str, martin: str) -> None:
    now = db.clock.now()
    own = Reading(BLOOD_PRESSURE, now - timedelta(days=1), 186.0, 112.0, source="omron")
    service.store_import(db, lefevre, [own])
    service.store_import(db, lefevre, household_scale(now), fmt="ble", file="balance.ble")
    import_id = service.inbox_groups(db)[0].import_id
    service.assign(db, import_id, "user 1", lefevre)
    assert sorted(open_alerts(db, lefevre)) == sorted([BP_SEVERE, WEIGHT_GAIN])
    service.assign(db, import_id, "user 1", martin)
    assert open_alerts(db, lefevre) == [BP_SEVERE]


def test_a_withdrawn_alert_round_trips_as_a_cancelled_detected_issue(
        db: Database, lefevre: str, martin: str) -> None:
    service.store_import(db, lefevre, household_scale(db.clock.now()), fmt="ble")
    import_id = service.inbox_groups(db)[0].import_id
    service.assign(db, import_id, "user 1", lefevre)
    service.assign(db, import_id, "user 1", martin, "Anne MARTIN")
    [kept] = service.pathways_store.alerts_of(db, lefevre)
    resource = issue_to_fhir(kept)
    assert resource["status"] == "cancelled"
    assert issue_from_fhir(resource) == kept


def test_the_colleague_sees_the_alert_withdrawn_and_raised_once_for_the_right_patient(
        make_client) -> None:
    gp, nurse, first = gp_and_nurse_sharing(make_client)
    second = gp.save(new_patient(birth_name="Roux", given_names="Paul",
                                 birth_date=date(1952, 3, 4), email="paul.roux@example.org"))
    gp.sync()
    share(gp, second.id, nurse)
    service.store_import(gp.db, first.id, household_scale(gp.db.clock.now()), fmt="ble")
    import_id = service.inbox_groups(gp.db)[0].import_id
    service.assign(gp.db, import_id, "user 1", first.id, "Anne MARTIN")
    sync(gp)
    sync(nurse)
    assert open_alerts(nurse.db, first.id) == [WEIGHT_GAIN]

    service.assign(gp.db, import_id, "user 1", second.id, "Anne MARTIN")
    sync(gp)
    sync(nurse)
    assert open_alerts(nurse.db, first.id) == []
    [kept] = service.pathways_store.alerts_of(nurse.db, first.id)
    assert kept.withdrawal is not None and kept.withdrawal.by_id == gp.rpps
    assert open_alerts(nurse.db, second.id) == [WEIGHT_GAIN]
    # The nurse's own look at the readings raises nothing more.
    service.raise_due(nurse.db)
    sync(nurse)
    sync(gp)
    for client in (gp, nurse):
        assert [a.code for a in service.pathways_store.alerts_of(client.db, second.id)] == \
            [WEIGHT_GAIN]
        assert len(service.pathways_store.alerts_of(client.db, first.id)) == 1
        assert service.pathways_store.alerts_of(client.db, first.id)[0].withdrawn


def test_readings_given_back_to_the_first_patient_come_back_with_their_alert(
        db: Database, lefevre: str, martin: str) -> None:
    service.store_import(db, lefevre, household_scale(db.clock.now()), fmt="ble",
                         file="balance.ble")
    import_id = service.inbox_groups(db)[0].import_id
    service.assign(db, import_id, "user 1", lefevre)
    [first] = service.pathways_store.alerts_of(db, lefevre)
    service.assign(db, import_id, "user 1", martin)
    assert open_alerts(db, lefevre) == [] and open_alerts(db, martin) == [WEIGHT_GAIN]

    # It was Mrs Lefèvre after all: her four weights are hers again (new copies, as a
    # reading is never rewritten), the gain is an open alert again, Mr Martin's withdrawn.
    assert service.assign(db, import_id, "user 1", lefevre) == 4
    weights = [r.value for r in service.readings_of(db, lefevre, WEIGHT)]
    assert weights == [80.0, 80.8, 81.7, 82.6]
    assert service.readings_of(db, martin, WEIGHT) == []
    assert open_alerts(db, lefevre) == [WEIGHT_GAIN] and open_alerts(db, martin) == []
    history = service.pathways_store.alerts_of(db, lefevre)
    assert len(history) == 2 and first.id in {a.id for a in history}
    assert [a.withdrawn for a in history if a.id == first.id] == [True]
    assert service.pathways_store.counts(db).open == 1

    # Once: the same readings again, or the rules run again, raise nothing more.
    assert service.assign(db, import_id, "user 1", lefevre) == 0
    service.raise_alerts(db, lefevre)
    assert len(service.pathways_store.alerts_of(db, lefevre)) == 2
    # And again to Mr Martin: his own alert comes back the same way.
    assert service.assign(db, import_id, "user 1", martin) == 4
    assert open_alerts(db, martin) == [WEIGHT_GAIN] and open_alerts(db, lefevre) == []
