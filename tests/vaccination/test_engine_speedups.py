"""Whole-practice forecasting: same answers as one forecast at a time, safe caching, dates."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tsn_desktop.vaccination.engine import AdministeredDose, Patient, forecast
from tsn_desktop.vaccination.practice import (
    GroupSummary,
    PatientSummary,
    due_between,
    forecast_practice,
    next_change_date,
    stale,
    summarize,
)
from tsn_desktop.vaccination.schedule import Duration, SupportingData, load_supporting_data

REPO = Path(__file__).resolve().parents[2]
FR_PACK = REPO / "resources" / "schedules" / "fr-2025"
ASSESSMENT = date(2025, 11, 3)

Case = tuple[Patient, list[AdministeredDose]]


@pytest.fixture(scope="module")
def fr() -> SupportingData:
    return load_supporting_data(FR_PACK)


def _at(dob: date, months: int, jitter: int) -> date:
    return dob + relativedelta(months=months) + timedelta(days=jitter)


def french_case(rng: random.Random, on: date = ASSESSMENT) -> Case:
    """An infant on the 2/4/11-month hexavalent schedule, an adult with sporadic
    dTP boosters, or a senior with flu / pneumococcal / zoster doses."""
    kind = rng.choice(["infant", "child", "adult", "senior"])
    if kind == "infant":
        dob = on - timedelta(days=rng.randint(0, 700))
    elif kind == "child":
        dob = on - timedelta(days=rng.randint(700, 18 * 365))
    elif kind == "adult":
        dob = on - timedelta(days=rng.randint(18 * 365, 64 * 365))
    else:
        dob = on - timedelta(days=rng.randint(65 * 365, 95 * 365))
    doses: list[AdministeredDose] = []
    observations: set[str] = set()
    late = rng.choice([0, 0, 0, 40, 120])
    if kind in ("infant", "child"):
        for months, vaccine in [
            (2, "FR-HEXYON"),
            (4, "FR-HEXYON"),
            (11, "FR-HEXYON"),
            (2, "FR-PREVENAR13"),
            (4, "FR-PREVENAR13"),
            (11, "FR-PREVENAR13"),
            (12, "FR-PRIORIX"),
            (16, "FR-PRIORIX"),
            (3, "FR-BEXSERO"),
            (6, "FR-NIMENRIX"),
            (72, "FR-TETRAVAC"),
            (132, "FR-REPEVAX"),
        ]:
            when = _at(dob, months, rng.randint(0, 10 + late))
            if when <= on and rng.random() < 0.9:
                doses.append(AdministeredDose(when, vaccine))
    else:
        if rng.random() < 0.6:
            observations.add("FR-DTP-ENFANCE-DECLAREE")
        age = (on - dob).days // 365
        for booster in range(25, age, rng.choice([10, 20])):
            if rng.random() < 0.5:
                when = _at(dob, 12 * booster, rng.randint(0, 300))
                doses.append(AdministeredDose(when, rng.choice(["FR-REVAXIS", "FR-REPEVAX"])))
    if kind == "senior":
        for season in (2022, 2023, 2024, 2025):
            when = date(season, 10, 20) + timedelta(days=rng.randint(0, 60))
            if when <= on and rng.random() < 0.6:
                doses.append(AdministeredDose(when, "FR-EFLUELDA"))
        if rng.random() < 0.3:
            doses.append(AdministeredDose(date(2025, 3, 3), "FR-PREVENAR20"))
        if rng.random() < 0.3:
            doses += [
                AdministeredDose(date(2024, 11, 4), "FR-SHINGRIX"),
                AdministeredDose(date(2025, 1, 13), "FR-SHINGRIX"),
            ]
    if rng.random() < 0.15:
        observations.add(rng.choice(["FR-RISQUE-GRIPPE", "FR-RISQUE-PNEUMO", "FR-IMMUNODEPRIME"]))
    return Patient(dob, rng.choice("FM"), frozenset(observations)), doses


def test_forecast_practice_on_two_workers_matches_one_forecast_at_a_time(
    fr: SupportingData,
) -> None:
    rng = random.Random(2025)
    cases = {f"patient-{i}": french_case(rng) for i in range(50)}
    pooled = forecast_practice(
        ((key, p, d) for key, (p, d) in cases.items()), ASSESSMENT, fr, workers=2, chunk_size=7
    )
    assert list(pooled) == list(cases)  # input order kept
    for key, (patient, doses) in cases.items():
        one = forecast(patient, doses, ASSESSMENT, fr)
        expected = summarize(one, next_change_date(one, patient, doses, fr))
        assert pooled[key] == expected
        assert pooled[key].groups.keys() == fr.vaccine_groups.keys()


def test_in_process_practice_forecast_is_the_same(fr: SupportingData) -> None:
    rng = random.Random(7)
    items = [(i, *french_case(rng)) for i in range(30)]
    assert forecast_practice(items, ASSESSMENT, fr, workers=1) == forecast_practice(
        items, ASSESSMENT, fr, workers=2
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10**6), shift=st.integers(-3000, 3000))
def test_summary_holds_until_the_next_change_date(
    fr: SupportingData, seed: int, shift: int
) -> None:
    rng = random.Random(seed)
    patient, doses = french_case(rng)
    on = ASSESSMENT + timedelta(days=shift)
    if on < patient.dob:
        on = patient.dob
    assessment = forecast(patient, doses, on, fr)
    change = next_change_date(assessment, patient, doses, fr)
    assert change is not None and change > on  # never today, never in the past
    summary = summarize(assessment, change)
    assert not stale(summary, on)
    assert stale(summary, change)
    span = (change - on).days
    for day in {change - timedelta(days=1), on + timedelta(days=rng.randrange(span))}:
        later = summarize(forecast(patient, doses, day, fr), change)
        assert later.groups == summary.groups, day


def test_next_change_date_catches_a_birthday_threshold(fr: SupportingData) -> None:
    # An adult with no record: the 25-year dTcaP booster rule is ahead of him.
    patient = Patient(date(2001, 6, 10), "M")
    assessment = forecast(patient, [], date(2025, 11, 3), fr)
    change = next_change_date(assessment, patient, [], fr)
    assert change is not None and date(2025, 11, 3) < change <= date(2026, 6, 10)


def test_due_between_lists_open_doses_recommended_by_the_end(fr: SupportingData) -> None:
    dob = date(2025, 9, 5)  # 2 months on 5 November 2025
    patient = Patient(dob, "F")
    summaries = forecast_practice([("baby", patient, [])], ASSESSMENT, fr, workers=1)
    due = due_between(summaries, date(2025, 11, 1), date(2025, 11, 30))
    names = {name for key, name, _ in due if key == "baby"}
    assert {"DTP", "Hib", "HepB", "Pneumocoque"} <= names
    assert all(g.status == "Not Complete" for _, _, g in due)
    assert [g.recommended for _, _, g in due] == sorted(g.recommended for _, _, g in due)
    early = due_between(summaries, date(2025, 10, 1), date(2025, 10, 31))
    assert not [n for _, n, _ in early if n == "DTP"]


def test_due_between_can_leave_out_overdue_doses() -> None:
    overdue = GroupSummary("Not Complete", 2, date(2025, 1, 1), date(2025, 2, 1), None, None)
    summaries = {"p": PatientSummary(date(2025, 11, 3), {"DTP": overdue}, None)}
    assert due_between(summaries, date(2025, 11, 1), date(2025, 11, 30))
    assert not due_between(summaries, date(2025, 11, 1), date(2025, 11, 30), False)


# ------------------------------------------------------------ date arithmetic


def cdsi_add(start: date, years: int, months: int, days: int) -> date:
    """CALCDT-5/6 through relativedelta: years, then months, then days; a date
    that does not exist (relativedelta clamps it) rolls to the next month's 1st."""
    d = start
    for step in (relativedelta(years=years), relativedelta(months=months)):
        moved = d + step
        d = moved + timedelta(days=1) if moved.day != d.day else moved
    return d + timedelta(days=days)


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (date(2025, 1, 31), Duration(months=1), date(2025, 3, 1)),
        (date(2024, 1, 31), Duration(months=1), date(2024, 3, 1)),
        (date(2024, 2, 29), Duration(years=1), date(2025, 3, 1)),
        (date(2024, 2, 29), Duration(years=4), date(2028, 2, 29)),
        (date(2024, 3, 31), Duration(months=6, days=-4), date(2024, 9, 27)),
        (date(2023, 12, 31), Duration(months=2), date(2024, 3, 1)),
    ],
)
def test_month_end_additions(start: date, duration: Duration, expected: date) -> None:
    assert duration.add_to(start) == expected
    assert cdsi_add(start, duration.years, duration.months, duration.days) == expected


@settings(max_examples=500)
@given(
    start=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    years=st.integers(0, 120),
    months=st.integers(-24, 36),
    days=st.integers(-60, 400),
)
def test_duration_addition_matches_relativedelta(
    start: date, years: int, months: int, days: int
) -> None:
    expected = cdsi_add(start, years, months, days)
    assert Duration(years, months, days).add_to(start) == expected
    if start.day <= 28:  # no month end involved: plain relativedelta
        assert expected == start + relativedelta(years=years, months=months, days=days)
