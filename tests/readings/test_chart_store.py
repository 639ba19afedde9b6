"""The chart's reads over a real SQLCipher profile: the per-bucket summary of migration
0019 (days noted by its triggers, summed again on the next read) matches the readings
after imports and entered-in-error marks, and the rules' read leaves out only heart rates
no rule can fire on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from tests.patients.factories import make_patient
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service, store
from tsn_desktop.readings.model import BLOOD_PRESSURE, HEART_RATE, Reading

START = datetime(2026, 9, 1, tzinfo=UTC)


@pytest.fixture
def patient_id(db) -> str:
    return patients.save(db, make_patient(birth_name="Roux", ins="",
                                          birth_date=date(1950, 5, 6))).patient.id


def rates(patient_id: str, minutes: int, every: int = 7) -> list[Reading]:
    return [Reading(HEART_RATE, START + timedelta(minutes=m), 55.0 + (m * 13) % 40,
                    patient_id=patient_id, source="bench") for m in range(0, minutes, every)]


def summary(db, patient_id: str, kind: str, level: int) -> list[tuple]:
    store.refresh_rollup(db, patient_id)  # what a chart's read does first
    return [tuple(r) for r in db.query(
        "SELECT bucket, n, first_e, last_e, lo, hi, lo2, hi2 FROM reading_rollup"
        " WHERE patient_id = ? AND kind = ? AND level = ? ORDER BY bucket",
        (patient_id, kind, level))]


def from_readings(readings: list[Reading], level: int) -> list[tuple]:
    out: dict[int, list[Reading]] = {}
    for r in readings:
        if r.status == "final":
            out.setdefault(int(r.at.timestamp()) // level, []).append(r)
    rows = []
    for bucket, group in sorted(out.items()):
        times = [int(r.at.timestamp()) for r in group]
        second = [r.value2 for r in group if r.value2 is not None]
        rows.append((bucket, len(group), min(times), max(times),
                     min(r.value for r in group), max(r.value for r in group),
                     min(second) if second else None, max(second) if second else None))
    return rows


def test_the_bucket_summary_matches_the_readings_after_an_import_and_an_error_mark(
        db, patient_id):
    heart = rates(patient_id, 3 * 24 * 60)
    pressure = [Reading(BLOOD_PRESSURE, START + timedelta(hours=h), 120.0 + h % 17,
                        70.0 + h % 11, patient_id=patient_id) for h in range(0, 72, 5)]
    with db.unit_of_work() as uow:
        for r in heart + pressure:
            store.insert(uow, r)
    # The highest rate of its hour is marked entered-in-error: the hour's maximum drops.
    wrong = max(heart[:8], key=lambda r: r.value)
    service.mark_entered_in_error(db, wrong, "wrong_patient")
    kept = [r for r in heart if r is not wrong]
    for level in store.ROLLUP_LEVELS:
        assert summary(db, patient_id, HEART_RATE, level) == from_readings(kept, level)
        assert summary(db, patient_id, BLOOD_PRESSURE, level) == from_readings(pressure,
                                                                                level)


def test_bucketed_reads_keep_every_peak_and_give_single_readings_as_they_are(db, patient_id):
    heart = rates(patient_id, 30 * 24 * 60, every=5)
    with db.unit_of_work() as uow:
        for r in heart:
            store.insert(uow, r)
    end = START + timedelta(days=30)
    for buckets in (25, 500, 4000):  # a day, an hour, 5 minutes: the summary read
        x, y = store.series_buckets(db, patient_id, HEART_RATE, START, end, buckets)
        assert len(x) <= 2 * buckets and len(x) < len(heart)
        assert y.max() == max(r.value for r in heart) and y.min() == min(r.value for r in heart)
        assert np.all(np.diff(x) >= 0)
    # Finer than the readings: each one at its own time with its own value.
    day = START + timedelta(days=3)
    x, y = store.series_buckets(db, patient_id, HEART_RATE, day, day + timedelta(hours=6),
                                2000)
    inside = [r for r in heart if day <= r.at < day + timedelta(hours=6)]
    assert list(x) == [r.at.timestamp() for r in inside]
    assert list(y) == [r.value for r in inside]


def test_the_rules_read_leaves_out_only_heart_rates_inside_the_bounds(db, patient_id):
    heart = rates(patient_id, 24 * 60)
    with db.unit_of_work() as uow:
        for r in heart:
            store.insert(uow, r)
    needed = store.for_rules(db, patient_id, 60.0, 90.0)
    assert sorted(r.value for r in needed) == sorted(r.value for r in heart
                                                     if not 60.0 <= r.value <= 90.0)
    # What the rules find is the same as over every reading.
    now = START + timedelta(days=2)
    assert service.alerts.evaluate(needed, now, service.thresholds(db, patient_id)) == \
        service.alerts.evaluate(store.of_patient(db, patient_id), now,
                                service.thresholds(db, patient_id))


def test_readings_pulled_from_the_hub_reach_the_chart_summary(db, patient_id):
    heart = rates(patient_id, 6 * 60)
    with db.unit_of_work() as uow:
        for r in heart:
            store.apply_from_hub(uow, r.id, r, "7")  # a colleague's readings, pulled
    x, y = store.series_buckets(db, patient_id, HEART_RATE, START,
                                START + timedelta(days=1), 24)  # an hour a bucket
    assert len(x) == 12 and y.max() == max(r.value for r in heart)
    assert summary(db, patient_id, HEART_RATE, 3600) == from_readings(heart, 3600)


def test_after_a_sync_pass_the_pulled_days_are_summed_before_a_chart_opens(db, patient_id):
    from tsn_desktop.readings.feature import READINGS

    with db.unit_of_work() as uow:
        for r in rates(patient_id, 3 * 60):
            store.apply_from_hub(uow, r.id, r, "7")
    assert db.query_one("SELECT count(*) FROM reading_rollup_dirty") == (1,)
    assert READINGS.after_sync is not None
    READINGS.after_sync(lambda fn: fn(db), None)  # type: ignore[arg-type] - no hub call
    assert db.query_one("SELECT count(*) FROM reading_rollup_dirty") == (0,)
    assert summary(db, patient_id, HEART_RATE, 300) != []
