"""Builds a realistic practice profile for the benchmarks (synthetic patients, real SQLCipher)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile
from tsn_desktop.demo_data import generate_patients
from tsn_desktop.patients import store
from tsn_desktop.patients.model import Patient

PASSPHRASE = "benchmark passphrase 2026"
CLOCK = FrozenClock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
# A Luhn-valid RPPS number for the synthetic practitioner.
RPPS = "10000000009"


@dataclass
class Practice:
    profile: OpenProfile
    patients: list[Patient]
    build_seconds: float


def build_practice(basedir: Path, count: int, seed: int = 7) -> Practice:
    """Creates a profile with `count` patients written through the patient store,
    in one unit of work (as an import would), so outbox and audit rows exist too."""
    started = time.perf_counter()
    profile = create_profile(
        basedir,
        Practitioner("Benchmark", "Camille", "general_practitioner", RPPS,
                     "1 place Bellecour", "69002", "Lyon"),
        PASSPHRASE, remember=False, clock=CLOCK,
    )
    rows = generate_patients(count, seed=seed, today=CLOCK.today())
    saved: list[Patient] = []
    from tsn_desktop.core.db import new_id

    with profile.db.unit_of_work() as uow:
        for row in rows:
            saved.append(store.insert(uow, Patient(id=new_id(), **row)))
    return Practice(profile, saved, time.perf_counter() - started)
