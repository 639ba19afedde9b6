"""Whole-practice forecast ("who is due this month") over a seeded 20 000-patient practice.

    python benchmarks/forecast.py [--patients 20000] [--workers 2] [--seed 2025]

Builds a French GP practice (age pyramid, infants on schedule or late, adults
with sporadic boosters, seniors with flu/pneumococcal/zoster histories), loads
the verified fr-2025 data pack and forecasts every vaccine group for every
patient.  Prints total seconds, patients per second, and the ratio to a
baseline that only iterates over and copies the same histories.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tsn_desktop.vaccination.datapack import load_pack  # noqa: E402
from tsn_desktop.vaccination.engine import AdministeredDose, Patient, forecast  # noqa: E402
from tsn_desktop.vaccination.schedule import SupportingData  # noqa: E402

ASSESSMENT = date(2025, 11, 3)
MONTH_END = date(2025, 11, 30)

# Share of a GP practice's list by age band (years, inclusive): close to the
# French population (INSEE 2024) with slightly more infants and seniors seen.
PYRAMID = [((0, 2), 0.05), ((3, 10), 0.09), ((11, 17), 0.08), ((18, 29), 0.13),
           ((30, 44), 0.18), ((45, 59), 0.19), ((60, 74), 0.17), ((75, 99), 0.11)]

Case = tuple[Patient, list[AdministeredDose]]


def _dose(rng: random.Random, dob: date, months: float, vaccine: str, late: int = 0,
          ) -> AdministeredDose | None:
    """A dose at `months` of age, delayed by up to `late` days; None if still in the future."""
    when = dob + relativedelta(months=int(months)) + timedelta(days=rng.randint(0, 10 + late))
    return AdministeredDose(when, vaccine) if when <= ASSESSMENT else None


def _patient(rng: random.Random) -> Case:
    (low, high), _ = rng.choices(PYRAMID, weights=[w for _, w in PYRAMID])[0]
    age_days = rng.randint(low * 365, high * 365 + 364)
    dob = ASSESSMENT - timedelta(days=age_days)
    gender = rng.choice("FM")
    observations: set[str] = set()
    late = rng.choice([0] * 8 + [45, 120])  # 20% of families are late
    skip = rng.random() < 0.05  # some miss a visit altogether
    plan: list[tuple[float, str]] = [(2, "FR-HEXYON"), (4, "FR-HEXYON"), (11, "FR-HEXYON"),
                                     (2, "FR-PREVENAR13"), (4, "FR-PREVENAR13"),
                                     (11, "FR-PREVENAR13"), (12, "FR-PRIORIX"),
                                     (16, "FR-PRIORIX"), (72, "FR-TETRAVAC")]
    if dob.year >= 2023:
        plan += [(2, "FR-ROTARIX"), (3, "FR-ROTARIX")]
    if dob.year >= 2025:
        plan += [(3, "FR-BEXSERO"), (5, "FR-BEXSERO"), (12, "FR-BEXSERO"),
                 (6, "FR-NIMENRIX"), (12, "FR-NIMENRIX")]
    if rng.random() < 0.7:
        plan += [(rng.uniform(132, 156), "FR-REPEVAX")]
    if rng.random() < 0.5:
        start = rng.uniform(132, 168)
        plan += [(start, "FR-GARDASIL9"), (start + 6, "FR-GARDASIL9")]
    if rng.random() < 0.5:
        plan += [(rng.uniform(132, 168), "FR-NIMENRIX")]
    age_years = age_days / 365.25
    records_from_childhood = dob.year >= 2000  # older adults: childhood not in the record
    doses: list[AdministeredDose] = []
    if records_from_childhood:
        for months, vaccine in plan:
            if skip and rng.random() < 0.2:
                continue
            d = _dose(rng, dob, months, vaccine, late)
            if d:
                doses.append(d)
    else:
        if rng.random() < 0.6:
            observations.add("FR-DTP-ENFANCE-DECLAREE")
        # Sporadic adult boosters: old ten-yearly habits, then fixed ages.
        for booster_age in range(21, int(age_years), 10):
            if rng.random() < 0.45:
                doses.append(AdministeredDose(
                    dob + relativedelta(years=booster_age, days=rng.randint(0, 300)),
                    rng.choice(["FR-REVAXIS", "FR-REPEVAX", "FR-BOOSTRIXTETRA"])))
    if age_years >= 65:
        for season in (2022, 2023, 2024, 2025):
            if rng.random() < 0.55:
                when = date(season, 10, 20) + timedelta(days=rng.randint(0, 60))
                if when <= ASSESSMENT:
                    doses.append(AdministeredDose(when, rng.choice(["FR-EFLUELDA",
                                                                    "FR-VAXIGRIPTETRA"])))
        if rng.random() < 0.3:
            doses.append(AdministeredDose(date(2025, 3, 3), "FR-PREVENAR20"))
        if rng.random() < 0.2:
            doses += [AdministeredDose(date(2024, 11, 4), "FR-SHINGRIX"),
                      AdministeredDose(date(2025, 1, 13), "FR-SHINGRIX")]
    if rng.random() < 0.12:
        observations.add(rng.choice(["FR-RISQUE-GRIPPE", "FR-RISQUE-PNEUMO", "FR-RISQUE-VRS",
                                     "FR-IMMUNODEPRIME", "FR-PRO-SANTE"]))
    if gender == "F" and 20 <= age_years < 40 and rng.random() < 0.04:
        observations |= {"FR-GROSSESSE", "FR-GROSSESSE-20-36SA"}
    return Patient(dob, gender, frozenset(observations)), doses


def build_practice(n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    return [_patient(rng) for _ in range(n)]


# ------------------------------------------------------------------ running
_DATA: SupportingData | None = None


def _init_worker() -> None:
    global _DATA
    _DATA = load_pack("fr-2025")[1]


def due_this_month(cases: list[Case]) -> Counter[str]:
    """Vaccine groups with a dose recommended on or before the end of the month."""
    assert _DATA is not None
    due: Counter[str] = Counter()
    for patient, doses in cases:
        assessment = forecast(patient, doses, ASSESSMENT, _DATA)
        for name, g in assessment.groups.items():
            if g.status == "Not Complete" and g.recommended and g.recommended <= MONTH_END:
                due[name] += 1
    return due


def copy_histories(cases: list[Case]) -> int:
    """Baseline: touch and copy every history, as a query result would."""
    count = 0
    for patient, doses in cases:
        copied = [replace(d) for d in doses]
        count += len(copied) + len(patient.observations)
    return count


def _chunks(cases: list[Case], parts: int) -> list[list[Case]]:
    size = -(-len(cases) // parts)
    return [cases[i:i + size] for i in range(0, len(cases), size)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--per-group", type=int, default=0, metavar="N",
                        help="also time each vaccine group alone over the first N patients")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    practice = build_practice(args.patients, args.seed)
    built = time.perf_counter() - t0
    doses = sum(len(d) for _, d in practice)
    print(f"practice: {len(practice)} patients, {doses} doses (built in {built:.2f} s)")

    t0 = time.perf_counter()
    _init_worker()
    print(f"data pack verified and loaded in {time.perf_counter() - t0:.3f} s")

    t0 = time.perf_counter()
    copy_histories(practice)
    baseline = time.perf_counter() - t0

    if args.workers > 1:
        t0 = time.perf_counter()
        with mp.get_context("fork").Pool(args.workers, initializer=_init_worker) as pool:
            parts = pool.map(due_this_month, _chunks(practice, args.workers * 8))
        due: Counter[str] = sum(parts, Counter())
    else:
        t0 = time.perf_counter()
        due = due_this_month(practice)
    elapsed = time.perf_counter() - t0

    rate = len(practice) / elapsed
    print(f"forecast ({args.workers} worker(s)): {elapsed:.2f} s total, {rate:,.0f} patients/s, "
          f"{elapsed / len(practice) * 1e3:.3f} ms/patient")
    print(f"baseline (iterate + copy histories): {baseline:.3f} s; "
          f"forecast/baseline ratio: {elapsed / baseline:,.0f}x")
    print(f"target < 2 s: {'met' if elapsed < 2 else 'NOT met'}")
    print("due by " + MONTH_END.isoformat() + ": "
          + ", ".join(f"{k} {v}" for k, v in due.most_common()))
    if args.per_group:
        print_group_costs(practice[: args.per_group])
    return 0


def print_group_costs(cases: list[Case]) -> None:
    """Where the time goes: each vaccine group forecast alone, in µs per patient."""
    assert _DATA is not None
    costs = {}
    for name in _DATA.vaccine_groups:
        t0 = time.perf_counter()
        for patient, doses in cases:
            forecast(patient, doses, ASSESSMENT, _DATA, [name])
        costs[name] = (time.perf_counter() - t0) / len(cases) * 1e6
    print("µs per patient by group: "
          + ", ".join(f"{k} {v:.0f}" for k, v in sorted(costs.items(), key=lambda p: -p[1])))


if __name__ == "__main__":
    sys.exit(main())
