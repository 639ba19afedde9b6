"""Demo readings, four months each, so that every readings screen has something to show and
every alert rule fires at least once in the last weeks:

- a heart-failure patient (dry weight 80.5 kg) whose weight climbs 3 kg in the last days
  (weight gain in 3 days, gain against the dry weight), with one low systolic and one fast
  pulse;
- a second heart-failure patient who stopped sending a weight four days ago;
- a prevention patient with a high home blood pressure series (ESC 2-2-3), one reading at
  182/104 (urgent), an irregular-pulse flag and daily steps below the 7 000 target;
- a household scale's file with two users, waiting in the "to assign" inbox.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service
from tsn_desktop.readings.alerts import HEART_FAILURE, PREVENTION
from tsn_desktop.readings.model import (
    BLOOD_PRESSURE,
    FLAG_IRREGULAR_PULSE,
    HEART_RATE,
    STEPS,
    WEIGHT,
    Reading,
)

DAYS = 120
DRY_WEIGHT = 80.5


def _morning(clock: Clock, days_ago: int, hour: int = 7) -> datetime:
    from tsn_desktop.core.clock import PARIS

    day = clock.today() - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=PARIS)


def heart_failure_readings(clock: Clock, rnd: random.Random, stop_days_ago: int = 0
                           ) -> list[Reading]:
    """Morning weight, blood pressure and pulse every day until `stop_days_ago`; with
    no stop, the weight goes up 3 kg over the last four mornings (today's included)."""
    out: list[Reading] = []
    for ago in range(DAYS, stop_days_ago - 1, -1):
        gain = (4 - ago) * 0.75 if ago < 4 and not stop_days_ago else 0.0
        at = _morning(clock, ago)
        out.append(Reading(WEIGHT, at, round(81.6 + rnd.uniform(-0.2, 0.2) + gain, 2),
                           source="withings:weight.csv", device="Withings Body+"))
        systolic, diastolic = 112 + rnd.randint(-8, 8), 68 + rnd.randint(-5, 5)
        if ago == 9 and not stop_days_ago:
            systolic, diastolic = 86, 54  # after a diuretic increase: SBP below 90
        out.append(Reading(BLOOD_PRESSURE, at + timedelta(minutes=5), systolic, diastolic,
                           64 + rnd.randint(-4, 6), source="omron:omron.csv",
                           device="Omron M7"))
        rate = 104 if ago == 6 and not stop_days_ago else 62 + rnd.randint(-5, 8)
        out.append(Reading(HEART_RATE, at + timedelta(minutes=6), rate,
                           source="withings:bp.csv", device="Withings BPM Connect"))
    return out


def prevention_readings(clock: Clock, rnd: random.Random) -> list[Reading]:
    out: list[Reading] = []
    for ago in range(DAYS, 0, -1):
        for slot, hour in enumerate((7, 7, 20, 20)):
            at = _morning(clock, ago, hour) + timedelta(minutes=2 * slot)
            flags = FLAG_IRREGULAR_PULSE if ago == 12 and slot == 0 else 0
            systolic, diastolic = 136 + rnd.randint(-7, 9), 84 + rnd.randint(-5, 6)
            if ago == 15 and slot == 2:
                systolic, diastolic = 182, 104
            out.append(Reading(BLOOD_PRESSURE, at, systolic, diastolic,
                               70 + rnd.randint(-6, 6), flags=flags,
                               source="ble:tensiometre.ble", device="BLE 2A35"))
        out.append(Reading(STEPS, _morning(clock, ago, 0) - timedelta(minutes=30),
                           4500 + rnd.randint(0, 4000), source="apple-health:export.xml",
                           device="Apple Watch"))
    return out


def seed(db: Database, clock: Clock, who: str, count: int) -> None:
    """The demo builder's hook: the three oldest patients of the register get readings
    and a pathway."""
    rnd = random.Random(f"readings-{who}")
    older = sorted(patients.search(db, "", limit=max(count, 3)), key=lambda p: p.birth_date)
    if len(older) < 2:
        return
    hf, prevention = older[0].id, older[1].id
    service.enrol(db, hf, HEART_FAILURE)
    service.set_threshold(db, hf, "dry_weight_kg", DRY_WEIGHT)
    service.store_import(db, hf, heart_failure_readings(clock, rnd))
    service.enrol(db, prevention, PREVENTION)
    service.store_import(db, prevention, prevention_readings(clock, rnd))
    # A household scale's capture with two users: it waits in the "to assign" inbox.
    shared = [Reading(WEIGHT, _morning(clock, ago) + timedelta(minutes=user), kg + user * 9,
                      source="ble:balance-salon.ble", device=f"BLE 2A9D user {user}",
                      user=f"user {user}")
              for ago in (3, 2, 1) for user, kg in ((1, 71.2), (2, 71.0))]
    service.store_import(db, prevention, shared, file="balance-salon.ble")
    if len(older) >= 3:
        silent = older[2].id
        service.enrol(db, silent, HEART_FAILURE)
        service.store_import(db, silent, heart_failure_readings(clock, rnd, stop_days_ago=4))
        service.raise_due(db)  # the no-weight rule depends on the day, not on an arrival
