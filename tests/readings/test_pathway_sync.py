"""Pathways, thresholds, alerts and acknowledgements between two practitioners through a
REAL hub process: the nurse and the GP following a patient apply the same thresholds, see
the same alerts, and each sees the other's acknowledgements; changes made on both sides
before a sync all survive (union merges)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.sync.conftest import Client, gp_and_nurse_sharing
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.readings import service
from tsn_desktop.readings.alerts import HEART_FAILURE, WEIGHT_GAIN
from tsn_desktop.readings.fhir import ObservationAdapter
from tsn_desktop.readings.fhir_pathways import (
    DetectedIssueAdapter,
    EpisodeOfCareAdapter,
    episode_from_fhir,
    episode_to_fhir,
    issue_from_fhir,
    issue_to_fhir,
)
from tsn_desktop.readings.model import WEIGHT, Reading
from tsn_desktop.readings.pathways import (
    Acknowledgement,
    Enrolment,
    StoredAlert,
    ThresholdChange,
)
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_hub.fhir import patient_of, validate_resource

AT = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)


def sync(client: Client) -> None:
    engine = client.engine()
    engine.registry = AdapterRegistry([PatientAdapter(), ObservationAdapter(),
                                       EpisodeOfCareAdapter(), DetectedIssueAdapter()])
    engine.run_pass()


def gaining(now: datetime) -> list[Reading]:
    """Morning weights up 2.6 kg in 3 days, the last one this morning."""
    start = now.replace(hour=6, minute=0, second=0, microsecond=0) - timedelta(days=3)
    return [Reading(WEIGHT, start + timedelta(days=i), kg, source="withings:weight.csv")
            for i, kg in enumerate((80.0, 80.8, 81.7, 82.6))]


def test_the_enrolment_and_its_threshold_history_round_trip_as_an_episode_of_care() -> None:
    e = Enrolment("p-1", HEART_FAILURE, "active", AT, "10101010101", "Anne MARTIN", AT)
    history = [ThresholdChange("dry_weight_kg", 78.0, "10101010101", "Anne MARTIN", AT, "c1"),
               ThresholdChange("dry_weight_kg", None, "20202020202", "Claire PETIT",
                               AT + timedelta(days=1), "c2")]
    resource = episode_to_fhir(e, history)
    assert episode_from_fhir(resource) == (e, history)
    validate_resource("EpisodeOfCare", resource["id"], resource)  # what the hub accepts
    assert patient_of(resource) == "p-1"


def test_an_acknowledged_alert_round_trips_as_a_detected_issue_with_its_mitigation() -> None:
    ack = Acknowledgement("10101010101", "Anne MARTIN", AT + timedelta(hours=2), "vu, appel")
    alert = StoredAlert("3f1c3bde-4c39-5b8e-9a57-3a0d8a3c2e11", "p-1", WEIGHT_GAIN, "alert",
                        AT, (2.6,), "weight@2026-11-20T06:30:00Z", "2026.2.0", AT, (ack,))
    resource = issue_to_fhir(alert)
    assert resource["status"] == "final" and resource["severity"] == "moderate"
    assert resource["mitigation"][0]["author"]["display"] == "Anne MARTIN"
    assert issue_from_fhir(resource) == alert
    validate_resource("DetectedIssue", resource["id"], resource)
    assert patient_of(resource) == "p-1"


def test_the_nurse_sees_the_gps_pathway_thresholds_alert_and_the_gp_sees_her_ack(make_client):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    service.enrol(gp.db, shared.id, HEART_FAILURE, "Anne MARTIN")
    service.set_threshold(gp.db, shared.id, "dry_weight_kg", 79.0, "Anne MARTIN")
    now = gp.db.clock.now()
    assert service.store_import(gp.db, shared.id, gaining(now)).alerts >= 1
    sync(gp)
    sync(nurse)

    view = service.pathway_of(nurse.db, shared.id)
    assert view.enrolment is not None and view.enrolment.pathway == HEART_FAILURE
    assert view.thresholds.dry_weight_kg == 79.0
    assert view.overrides["dry_weight_kg"].changed_by == gp.rpps
    gp_alerts = {p.alert.id: p.alert.code for p in service.practice_alerts(gp.db)}
    nurse_alerts = {p.alert.id: p.alert.code for p in service.practice_alerts(nurse.db)}
    assert nurse_alerts == gp_alerts and WEIGHT_GAIN in nurse_alerts.values()

    weight_alert = next(i for i, code in nurse_alerts.items() if code == WEIGHT_GAIN)
    service.acknowledge(nurse.db, weight_alert, "Patiente appelée, RDV demain", "Claire PETIT")
    sync(nurse)
    sync(gp)
    [seen] = [p.alert for p in service.practice_alerts(gp.db, include_acknowledged=True)
              if p.alert.id == weight_alert]
    assert [(k.by_id, k.by_name, k.comment) for k in seen.acks] == \
        [(nurse.rpps, "Claire PETIT", "Patiente appelée, RDV demain")]
    assert weight_alert not in {p.alert.id for p in service.practice_alerts(gp.db)}
    # Both sides settled: nothing left to push, nothing parked.
    for client in (gp, nurse):
        left = client.db.query_one("SELECT count(*) FROM outbox WHERE state != 'sent'")
        assert left == (0,)


def test_acknowledgements_and_threshold_changes_made_on_both_sides_all_survive(make_client):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    service.enrol(gp.db, shared.id, HEART_FAILURE, "Anne MARTIN")
    service.store_import(gp.db, shared.id, gaining(gp.db.clock.now()))
    sync(gp)
    sync(nurse)
    [alert] = [p.alert for p in service.practice_alerts(nurse.db) if p.alert.code == WEIGHT_GAIN]

    # Offline on both sides: each acknowledges and each changes a threshold.
    service.acknowledge(gp.db, alert.id, "Diurétique ajusté", "Anne MARTIN")
    service.acknowledge(nurse.db, alert.id, "Œdèmes des chevilles", "Claire PETIT")
    service.set_threshold(gp.db, shared.id, "dry_weight_kg", 79.0, "Anne MARTIN")
    service.set_threshold(nurse.db, shared.id, "no_weight_days", 3, "Claire PETIT")
    sync(gp)
    sync(nurse)  # meets the GP's copies: merged, sent back
    sync(gp)

    for client in (gp, nurse):
        [seen] = [p.alert for p in service.practice_alerts(client.db, include_acknowledged=True)
                  if p.alert.id == alert.id]
        assert sorted(k.comment for k in seen.acks) == ["Diurétique ajusté",
                                                        "Œdèmes des chevilles"]
        t = service.pathway_of(client.db, shared.id).thresholds
        assert (t.dry_weight_kg, t.no_weight_days) == (79.0, 3)
        assert client.db.query_one("SELECT count(*) FROM sync_conflict") == (0,)


# --- malformed copies from the hub -------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tsn_desktop.readings.fhir import UnusableObservation  # noqa: E402

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=12)
_GOOD_EPISODE = episode_to_fhir(
    Enrolment("p-1", HEART_FAILURE, "active", AT, "10101010101", "", AT),
    [ThresholdChange("dry_weight_kg", 78.0, "10101010101", "", AT, "c1")])
_GOOD_ISSUE = issue_to_fhir(StoredAlert("a-1", "p-1", WEIGHT_GAIN, "alert", AT, (2.6,),
                                        "weight@x", "2026.2.0", AT))


@settings(max_examples=300, deadline=None)
@given(key=st.sampled_from(sorted(set(_GOOD_EPISODE) | set(_GOOD_ISSUE))), junk=_JSON)
def test_a_malformed_episode_or_issue_is_refused_cleanly(key: str, junk: object) -> None:
    """Each element replaced by any JSON value: either still readable, or refused as
    unusable (the sync engine then keeps the hub copy aside); never another error."""
    for good, parse in ((_GOOD_EPISODE, episode_from_fhir), (_GOOD_ISSUE, issue_from_fhir)):
        try:
            parse({**good, key: junk})
        except UnusableObservation:
            pass


def home_series_days(now: datetime, systolic: float = 140.0) -> list[Reading]:
    """Two readings morning (07:30 Paris) and evening (19:30) on the 3 days before today:
    complete for ESC 2024 2-2-3, not for the rule of 3 (three a time)."""
    from tsn_desktop.readings.model import BLOOD_PRESSURE

    first = now.replace(hour=6, minute=30, second=0, microsecond=0) - timedelta(days=3)
    return [Reading(BLOOD_PRESSURE, first + timedelta(days=d, hours=h, minutes=2 * i),
                    systolic, 80.0, source="omron:bp.csv")
            for d in range(3) for h in (0, 12) for i in range(2)]


def test_the_patients_protocol_travels_so_both_compute_the_same_bp_alerts(make_client):
    """The GP averages by ESC 2-2-3, the nurse chose the rule of 3 for her own patients:
    for the patient the GP enrolled, the nurse's desktop uses the patient's protocol, so
    the readings she takes at home raise the alert the GP's raise, with the same id."""
    from tsn_desktop.readings.alerts import BP_HOME_MEAN_HIGH, PREVENTION, RULE_OF_3

    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    service.set_home_protocol(nurse.db, RULE_OF_3)
    service.enrol(gp.db, shared.id, PREVENTION, "Anne MARTIN")
    sync(gp)
    sync(nurse)
    assert service.pathway_of(nurse.db, shared.id).thresholds.protocol == "esc-2-2-3"

    # Each takes the same series (the nurse at her visit, the GP from the patient's file).
    readings = home_series_days(nurse.db.clock.now())
    nurse_raised = service.store_import(nurse.db, shared.id, readings).alerts
    service.store_import(gp.db, shared.id, readings)
    gp_codes, nurse_codes = ({a.id: a.code for a in
                              service.pathways_store.alerts_of(c.db, shared.id)}
                             for c in (gp, nurse))
    assert nurse_raised >= 1 and BP_HOME_MEAN_HIGH in nurse_codes.values()
    assert gp_codes == nurse_codes

    # The GP moves the patient to the rule of 3: the nurse's desktop follows.
    service.set_patient_protocol(gp.db, shared.id, RULE_OF_3, "Anne MARTIN")
    sync(gp)
    sync(nurse)
    assert service.pathway_of(nurse.db, shared.id).thresholds.protocol == RULE_OF_3
    assert service.pathways_store.enrolment(nurse.db, shared.id).protocol == RULE_OF_3
    sync(nurse)
    sync(gp)
    both = [{a.id for a in service.pathways_store.alerts_of(c.db, shared.id)}
            for c in (gp, nurse)]
    assert both[0] == both[1]  # same alerts, each once


def test_the_protocol_round_trips_in_the_episode_of_care_and_junk_is_refused() -> None:
    import pytest

    from tsn_desktop.readings.fhir import UnusableObservation

    e = Enrolment("p-1", HEART_FAILURE, "active", AT, "10101010101", "Anne MARTIN", AT,
                  "rule-of-3")
    resource = episode_to_fhir(e, [])
    assert episode_from_fhir(resource) == (e, [])
    for ext in resource["extension"]:
        if ext.get("valueCode") == "rule-of-3":
            ext["valueCode"] = "4-4-4"
    with pytest.raises(UnusableObservation):
        episode_from_fhir(resource)
