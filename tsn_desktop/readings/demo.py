"""Demo readings: a heart-failure patient whose weight climbs in the last days (weight-gain
alert) and a prevention patient with a high home blood pressure series and an irregular
pulse flag, three months each, so every readings screen has something to show."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service
from tsn_desktop.readings.model import (
    BLOOD_PRESSURE,
    FLAG_IRREGULAR_PULSE,
    HEART_RATE,
    STEPS,
    WEIGHT,
    Reading,
)

DAYS = 90


def _morning(clock: Clock, days_ago: int, hour: int = 7) -> datetime:
    from tsn_desktop.core.clock import PARIS

    day = clock.today() - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=PARIS)


def heart_failure_readings(clock: Clock, rnd: random.Random) -> list[Reading]:
    out: list[Reading] = []
    for ago in range(DAYS, 0, -1):
        # Stable around 82 kg, then +2.6 kg over the last four days.
        gain = max(0, 4 - ago) * 0.65 if ago <= 4 else 0.0
        at = _morning(clock, ago)
        out.append(Reading(WEIGHT, at, round(82 + rnd.uniform(-0.4, 0.4) + gain, 2),
                           source="withings:weight.csv", device="Withings Body+"))
        out.append(Reading(BLOOD_PRESSURE, at + timedelta(minutes=5), 112 + rnd.randint(-8, 8),
                           68 + rnd.randint(-5, 5), 64 + rnd.randint(-4, 6),
                           source="omron:omron.csv"))
        out.append(Reading(HEART_RATE, at + timedelta(minutes=6), 62 + rnd.randint(-5, 8),
                           source="withings:bp.csv"))
    return out


def prevention_readings(clock: Clock, rnd: random.Random) -> list[Reading]:
    out: list[Reading] = []
    for ago in range(DAYS, 0, -1):
        for slot, hour in enumerate((7, 7, 20, 20)):
            at = _morning(clock, ago, hour) + timedelta(minutes=2 * slot)
            flags = FLAG_IRREGULAR_PULSE if ago == 12 and slot == 0 else 0
            out.append(Reading(BLOOD_PRESSURE, at, 136 + rnd.randint(-7, 9),
                               84 + rnd.randint(-5, 6), 70 + rnd.randint(-6, 6), flags=flags,
                               source="ble:tensiometre.ble", device="BLE 2A35"))
        out.append(Reading(STEPS, _morning(clock, ago, 0) - timedelta(minutes=30),
                           4500 + rnd.randint(0, 4000), source="apple-health:export.xml",
                           device="Apple Watch"))
    return out


def seed(db: Database, clock: Clock, who: str, count: int) -> None:
    """The demo builder's hook: the two oldest patients of the register get readings."""
    rnd = random.Random(f"readings-{who}")
    older = sorted(patients.search(db, "", limit=max(count, 2)), key=lambda p: p.birth_date)
    if len(older) < 2:
        return
    service.store_import(db, older[0].id, heart_failure_readings(clock, rnd))
    service.store_import(db, older[1].id, prevention_readings(clock, rnd))
