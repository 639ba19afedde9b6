"""Pathways, per-patient thresholds and stored alerts: the new rules on their edge values
(each with its cited source), the rules as a checksummed data pack, enrolment with the
patient's own thresholds (who and when kept), alerts raised once when readings arrive,
acknowledged with who, when and a comment, listed for the whole practice urgent first.

Sources of the rules added here (the pack's "sources" carry the same citations):
- Gain against the dry weight: the ESC 2021 heart failure guideline (McDonagh et al., Eur
  Heart J 2021;42:3599) asks for the patient's target ("dry") weight; the margin is the
  team's, per patient (default 2 kg, as for the 3-day gain): TO VERIFY in the full text.
- No weight sent for 2 days (heart failure): French telemonitoring specification ETAPES
  (arrêté du 11 octobre 2018) asks for missing transmissions to be followed up; the
  2-day margin is a team choice, TO VERIFY.
- 7-day mean steps below target: Paluch et al., Lancet Public Health 2022;7:e219 (the
  mortality benefit levels off at 6 000-8 000 steps a day at 60 and over): default 7 000.
- Home BP protocols: "règle des 3" (HAS fiche mémo HTA 2016, CFLHTA: 3 readings morning
  and evening, 3 days running, 18 readings) and ESC 2024 (McEvoy et al., Eur Heart J
  2024;45:3912: 2 readings morning and evening, at least 3 days): TO VERIFY.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.patients.factories import make_patient
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import rules, service
from tsn_desktop.readings.alerts import (
    BP_HOME_MEAN_HIGH,
    BP_SEVERE,
    DRY_WEIGHT_GAIN,
    HEART_FAILURE,
    NO_WEIGHT,
    PREVENTION,
    RULE_OF_3,
    STEPS_LOW,
    WEIGHT_GAIN,
    Thresholds,
    dry_weight_gain,
    evaluate,
    home_series,
    no_weight,
    steps_below_target,
)
from tsn_desktop.readings.model import BLOOD_PRESSURE, STEPS, WEIGHT, Reading
from tsn_desktop.readings.pathways import PathwayError

DAY0 = datetime(2026, 11, 10, 6, 30, tzinfo=UTC)  # 07:30 in Paris


def weights(*kg: float, start: datetime = DAY0) -> list[Reading]:
    return [Reading(WEIGHT, start + timedelta(days=i), w) for i, w in enumerate(kg)]


# --- the pack ------------------------------------------------------------------------------
def test_every_rule_of_the_pack_has_a_severity_pathways_and_a_cited_source() -> None:
    pack = rules.load()
    assert pack.version
    codes = {r.code for r in pack.rules}
    assert {WEIGHT_GAIN, DRY_WEIGHT_GAIN, NO_WEIGHT, STEPS_LOW, BP_SEVERE,
            BP_HOME_MEAN_HIGH} <= codes
    for rule in pack.rules:
        assert rule.severity in ("urgent", "alert", "check") and rule.pathways
        assert len(pack.citation(rule.code)) > 20


def test_the_defaults_come_from_the_pack() -> None:
    t = Thresholds.from_pack()
    assert (t.weight_gain_kg, t.weight_gain_days, t.dry_weight_kg) == (2.0, 3, None)
    assert (t.home_systolic, t.home_diastolic, t.steps_target) == (135.0, 85.0, 7000.0)


def test_a_pack_edited_by_hand_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "pack"
    shutil.copytree(rules.PACK_DIR, copy)
    raw = json.loads((copy / rules.PACK_FILE).read_text(encoding="utf-8"))
    raw["thresholds"]["weight_gain_kg"]["default"] = 5.0
    (copy / rules.PACK_FILE).write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(rules.RulePackError, match="checksum"):
        rules.load_from(copy)
    rules.rehash(copy)  # the maintainer's way: rehash after a reviewed edit
    assert rules.load_from(copy).thresholds["weight_gain_kg"].default == 5.0


def test_a_rule_citing_a_source_the_pack_does_not_give_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "pack"
    shutil.copytree(rules.PACK_DIR, copy)
    raw = json.loads((copy / rules.PACK_FILE).read_text(encoding="utf-8"))
    raw["rules"][0]["source"] = "nowhere"
    (copy / rules.PACK_FILE).write_text(json.dumps(raw), encoding="utf-8")
    rules.rehash(copy)
    with pytest.raises(rules.RulePackError, match="nowhere"):
        rules.load_from(copy)


# --- gain against the dry weight -----------------------------------------------------------
def test_exactly_2_kg_above_the_dry_weight_is_not_an_alert_2_1_kg_is() -> None:
    t = Thresholds(dry_weight_kg=78.0)
    assert dry_weight_gain(weights(79.0, 80.0), t) == []
    found = dry_weight_gain(weights(79.0, 80.0, 80.1), t)
    assert [(a.code, a.figures) for a in found] == [(DRY_WEIGHT_GAIN, (2.1, 78.0))]


def test_without_a_dry_weight_the_rule_says_nothing() -> None:
    assert dry_weight_gain(weights(79.0, 95.0), Thresholds()) == []


def test_one_alert_while_the_weight_stays_above_the_dry_weight() -> None:
    t = Thresholds(dry_weight_kg=78.0)
    assert len(dry_weight_gain(weights(80.5, 80.6, 79.0, 80.4), t)) == 2  # two episodes


# --- no weight sent --------------------------------------------------------------------------
MONDAY = datetime(2026, 11, 16, 6, 30, tzinfo=UTC)


def test_no_weight_on_tuesday_and_wednesday_is_to_check_on_thursday() -> None:
    last = weights(80.0, start=MONDAY)
    thursday = MONDAY + timedelta(days=3, hours=2)
    found = no_weight(last, Thresholds(), thursday)
    assert [(a.code, a.severity, a.figures) for a in found] == [(NO_WEIGHT, "check", (2.0,))]


def test_one_day_without_a_weight_is_not_yet_an_alert() -> None:
    wednesday = MONDAY + timedelta(days=2, hours=10)
    assert no_weight(weights(80.0, start=MONDAY), Thresholds(), wednesday) == []


def test_no_weight_is_a_heart_failure_rule_only() -> None:
    friday = MONDAY + timedelta(days=4)
    readings = weights(80.0, start=MONDAY)
    assert NO_WEIGHT in [a.code for a in evaluate(readings, friday, pathway=HEART_FAILURE)]
    assert NO_WEIGHT not in [a.code for a in evaluate(readings, friday, pathway=PREVENTION)]
    assert NO_WEIGHT not in [a.code for a in evaluate(readings, friday)]


# --- steps ---------------------------------------------------------------------------------
def steps(*counts: float) -> list[Reading]:
    return [Reading(STEPS, DAY0 + timedelta(days=i), c) for i, c in enumerate(counts)]


def test_a_7_day_mean_of_7000_steps_is_on_target_6999_is_below() -> None:
    assert steps_below_target(steps(*[7000] * 7)) == []
    found = steps_below_target(steps(*[7000] * 6, 6993))  # mean 6 999
    assert [(a.code, a.figures) for a in found] == [(STEPS_LOW, (6999.0, 7000.0))]


def test_fewer_than_5_days_of_steps_conclude_nothing() -> None:
    assert steps_below_target(steps(1000, 1000, 1000, 1000)) == []
    assert len(steps_below_target(steps(1000, 1000, 1000, 1000, 1000))) == 1


# --- home blood pressure protocols ------------------------------------------------------------
def bp_days(days: int, per_slot: int, systolic: float = 140, diastolic: float = 80
            ) -> list[Reading]:
    out = []
    for day in range(days):
        for hour in (0, 12):  # 07:30 and 19:30 in Paris
            for i in range(per_slot):
                out.append(Reading(BLOOD_PRESSURE, DAY0 + timedelta(days=day, hours=hour,
                                                                    minutes=2 * i),
                                   systolic, diastolic))
    return out


def test_the_rule_of_3_needs_3_readings_morning_and_evening_3_days_running() -> None:
    last = date(2026, 11, 12)
    series = home_series(bp_days(3, 3), last, RULE_OF_3)
    assert series is not None and series.complete and series.count == 18
    short = home_series(bp_days(3, 3)[:-1], last, RULE_OF_3)  # 17: last evening has 2
    assert short is not None and not short.complete


def test_the_same_readings_complete_2_2_3_but_not_the_rule_of_3() -> None:
    readings = bp_days(3, 2)
    codes_esc = [a.code for a in evaluate(readings, DAY0 + timedelta(days=5))]
    codes_r3 = [a.code for a in evaluate(readings, DAY0 + timedelta(days=5),
                                         Thresholds(protocol=RULE_OF_3))]
    assert BP_HOME_MEAN_HIGH in codes_esc and BP_HOME_MEAN_HIGH not in codes_r3


def test_a_home_series_that_stays_high_raises_one_alert() -> None:
    found = [a for a in evaluate(bp_days(10, 2), DAY0 + timedelta(days=12))
             if a.code == BP_HOME_MEAN_HIGH]
    assert len(found) == 1


# --- the service: enrolment, thresholds, stored alerts ------------------------------------------
@pytest.fixture
def patient_id(db: Database) -> str:
    return patients.save(db, make_patient(birth_date=date(1950, 6, 1), ins="")).patient.id


def _morning_weights(clock: FrozenClock, *kg: float) -> list[Reading]:
    """One morning weight a day, the last one this morning."""
    start = clock.now().replace(hour=6, minute=30) - timedelta(days=len(kg) - 1)
    return weights(*kg, start=start)


def test_a_patients_own_threshold_overrides_the_pack_and_is_kept_with_who_and_when(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    service.enrol(db, patient_id, HEART_FAILURE, "Anne MARTIN")
    service.set_threshold(db, patient_id, "dry_weight_kg", 78.0, "Anne MARTIN")
    clock.advance(timedelta(days=2))
    service.set_threshold(db, patient_id, "weight_gain_kg", 1.5, "Anne MARTIN")
    view = service.pathway_of(db, patient_id)
    assert (view.thresholds.dry_weight_kg, view.thresholds.weight_gain_kg) == (78.0, 1.5)
    assert view.thresholds.weight_gain_days == 3  # still the pack's
    change = view.overrides["weight_gain_kg"]
    assert (change.changed_by, change.changed_by_name, change.changed_at) == \
        (db.actor, "Anne MARTIN", clock.now())
    service.set_threshold(db, patient_id, "weight_gain_kg", None, "Anne MARTIN")
    view = service.pathway_of(db, patient_id)
    assert view.thresholds.weight_gain_kg == 2.0  # back to the pack's default...
    assert [c.value for c in view.history if c.name == "weight_gain_kg"] == [1.5, None]


def test_a_threshold_out_of_its_bounds_is_refused_and_nothing_is_kept(
        db: Database, patient_id: str) -> None:
    service.enrol(db, patient_id, HEART_FAILURE)
    with pytest.raises(PathwayError) as refused:
        service.set_threshold(db, patient_id, "dry_weight_kg", 780.0)
    assert refused.value.code == "threshold_out_of_range"
    assert service.pathway_of(db, patient_id).history == []
    with pytest.raises(PathwayError):
        service.enrol(db, patient_id, "oncology")


def test_an_import_raises_its_alert_once_even_imported_twice(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    service.enrol(db, patient_id, HEART_FAILURE)
    readings = _morning_weights(clock, 80.0, 80.5, 81.2, 82.1)
    first = service.store_import(db, patient_id, readings)
    again = service.store_import(db, patient_id, readings)
    assert (first.alerts, again.alerts) == (1, 0)
    stored = service.practice_alerts(db)
    assert [(p.alert.code, p.alert.figures) for p in stored] == [(WEIGHT_GAIN, (2.1,))]
    # One more morning, still up: the same episode, nothing new.
    service.store_import(db, patient_id, _morning_weights(clock, 82.3)[-1:])
    clock.advance(timedelta(days=1))
    service.store_import(db, patient_id, _morning_weights(clock, 82.4)[-1:])
    assert len(service.practice_alerts(db)) == 1


def test_old_alerts_of_an_imported_history_are_not_raised(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    old = weights(80.0, 80.5, 81.2, 82.1, start=clock.now() - timedelta(days=200))
    assert service.store_import(db, patient_id, old).alerts == 0
    assert [a.code for a in service.alerts_of(db, patient_id)] == [WEIGHT_GAIN]  # on the chart


def test_2_kg_above_the_dry_weight_set_for_the_patient_raises_nothing_2_1_does(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    service.enrol(db, patient_id, HEART_FAILURE)
    service.set_threshold(db, patient_id, "dry_weight_kg", 78.0)
    service.store_import(db, patient_id, _morning_weights(clock, 79.9, 79.95, 80.0))
    assert service.practice_alerts(db) == []
    clock.advance(timedelta(days=1))
    service.store_import(db, patient_id, _morning_weights(clock, 80.1)[-1:])
    assert [p.alert.code for p in service.practice_alerts(db)] == [DRY_WEIGHT_GAIN]


def test_acknowledging_keeps_who_when_and_the_comment_and_leaves_the_open_list(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    service.enrol(db, patient_id, HEART_FAILURE)
    service.store_import(db, patient_id, _morning_weights(clock, 80.0, 80.5, 81.2, 82.1))
    [open_alert] = service.practice_alerts(db)
    clock.advance(timedelta(hours=1))
    acked = service.acknowledge(db, open_alert.alert.id, "Furosémide augmenté, appel J+2",
                                "Anne MARTIN")
    [ack] = acked.acks
    assert (ack.by_id, ack.by_name, ack.at, ack.comment) == \
        (db.actor, "Anne MARTIN", clock.now(), "Furosémide augmenté, appel J+2")
    assert service.practice_alerts(db) == []
    assert [p.alert.acknowledged for p in service.practice_alerts(
        db, include_acknowledged=True)] == [True]


def test_the_practice_list_puts_urgent_first_and_names_the_patient(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    other = patients.save(db, make_patient(birth_name="Durand", given_names="Paul",
                                           birth_date=date(1948, 2, 2), ins="")).patient.id
    service.enrol(db, patient_id, HEART_FAILURE)
    service.store_import(db, patient_id, _morning_weights(clock, 80.0, 80.5, 81.2, 82.1))
    earlier = clock.now() - timedelta(days=2)
    service.store_import(db, other, [Reading(BLOOD_PRESSURE, earlier, 185, 100)])
    listed = service.practice_alerts(db)
    assert [p.alert.code for p in listed] == [BP_SEVERE, WEIGHT_GAIN]
    assert listed[0].patient_name.startswith("DURAND Paul")


def test_readings_that_came_by_sync_raise_their_alert_at_the_next_look(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    from tsn_desktop.readings.fhir import ObservationAdapter, to_fhir

    service.enrol(db, patient_id, HEART_FAILURE)
    adapter = ObservationAdapter()
    with db.unit_of_work() as uow:
        for r in _morning_weights(clock, 80.0, 80.5, 81.2, 82.1):
            mine = Reading(r.kind, r.at, r.value, patient_id=patient_id)
            adapter.apply(uow, mine.id, to_fhir(mine), "1")
    assert [p.alert.code for p in service.practice_alerts(db)] == [WEIGHT_GAIN]


def test_no_weight_for_2_days_is_raised_when_the_list_is_looked_at(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    service.enrol(db, patient_id, HEART_FAILURE)
    service.store_import(db, patient_id, _morning_weights(clock, 80.0, 80.2))
    clock.advance(timedelta(days=2))
    assert service.practice_alerts(db) == []
    clock.advance(timedelta(days=1))
    assert [p.alert.code for p in service.practice_alerts(db)] == [NO_WEIGHT]
    assert len(service.practice_alerts(db)) == 1  # looked at again: still one


def test_the_practitioners_protocol_is_the_one_given_to_the_patients_they_enrol(
        db: Database, patient_id: str) -> None:
    assert service.home_protocol(db) == "esc-2-2-3"
    service.set_home_protocol(db, RULE_OF_3)
    # Not enrolled: the pack's default, whoever looks (two desktops agree).
    assert service.pathway_of(db, patient_id).thresholds.protocol == "esc-2-2-3"
    service.enrol(db, patient_id, HEART_FAILURE, "Anne MARTIN")
    assert service.pathway_of(db, patient_id).thresholds.protocol == RULE_OF_3
    # The practitioner's later choice does not change an enrolled patient's...
    service.set_home_protocol(db, "esc-2-2-3")
    assert service.pathway_of(db, patient_id).thresholds.protocol == RULE_OF_3
    # ...the patient's own protocol does, kept with who and when.
    changed = service.set_patient_protocol(db, patient_id, "esc-2-2-3", "Anne MARTIN")
    assert changed.changed_by == db.actor and changed.changed_at == db.clock.now()
    assert service.pathway_of(db, patient_id).thresholds.protocol == "esc-2-2-3"
    with pytest.raises(ValueError):
        service.set_home_protocol(db, "4-4-4")
    with pytest.raises(ValueError):
        service.set_patient_protocol(db, patient_id, "4-4-4")


def test_a_home_series_high_for_months_is_raised_when_its_history_arrives(
        db: Database, patient_id: str, clock: FrozenClock) -> None:
    service.enrol(db, patient_id, PREVENTION)
    start = clock.now().replace(hour=6, minute=30) - timedelta(days=90)
    series = [Reading(BLOOD_PRESSURE, start + timedelta(days=d, hours=h, minutes=2 * i),
                      142, 88) for d in range(90) for h in (0, 12) for i in range(2)]
    assert service.store_import(db, patient_id, series).alerts == 1
    [raised] = service.practice_alerts(db)
    assert raised.alert.code == BP_HOME_MEAN_HIGH
    assert raised.alert.at < clock.now() - timedelta(days=80)  # the episode's start
