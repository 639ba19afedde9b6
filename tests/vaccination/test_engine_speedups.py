"""Whole-practice forecasting: same answers as one forecast at a time, safe caching, dates."""

from __future__ import annotations

import inspect
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
import test_fr_schedule as fr_schedule  # same folder: its cases are re-run below
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tsn_desktop.vaccination import conformance, practice
from tsn_desktop.vaccination.engine import (
    AdministeredDose,
    Assessment,
    CdsiPatient,
    forecast,
)
from tsn_desktop.vaccination.practice import (
    GroupSummary,
    PatientSummary,
    due_between,
    forecast_practice,
    next_change_date,
    stale,
    summarize,
)
from tsn_desktop.vaccination.schedule import (
    Duration,
    SupportingData,
    load_supporting_data,
    parse_duration,
    seasonal_data,
)

REPO = Path(__file__).resolve().parents[2]
FR_PACK = REPO / "resources" / "schedules" / "fr-2025"
ASSESSMENT = date(2025, 11, 3)

Case = tuple[CdsiPatient, list[AdministeredDose]]


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
    return CdsiPatient(dob, rng.choice("FM"), frozenset(observations)), doses


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
    patient = CdsiPatient(date(2001, 6, 10), "M")
    assessment = forecast(patient, [], date(2025, 11, 3), fr)
    change = next_change_date(assessment, patient, [], fr)
    assert change is not None and date(2025, 11, 3) < change <= date(2026, 6, 10)


def test_due_between_lists_open_doses_recommended_by_the_end(fr: SupportingData) -> None:
    dob = date(2025, 9, 5)  # 2 months on 5 November 2025
    patient = CdsiPatient(dob, "F")
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


# ------------------------------------------------------------ speed-ups change nothing

CDSI = REPO.parent / "shared" / "cdsi"
CDSI_DATA = CDSI / "supporting-data-4.64"
CDSI_CASES = CDSI / "healthy-cases-v4.45-visible.jsonl"
needs_cdsi = pytest.mark.skipif(
    not (CDSI_DATA.is_dir() and CDSI_CASES.is_file()),
    reason=f"CDSi reference material not found at {CDSI} (kept outside the repo)",
)


def untraced(assessment: Assessment) -> Assessment:
    """The assessment with every explanation trace emptied."""
    return Assessment(
        assessment.assessment_date,
        {
            name: replace(
                g,
                trace=(),
                antigens=tuple(
                    replace(a, evaluations=tuple(replace(e, trace=()) for e in a.evaluations))
                    for a in g.antigens
                ),
            )
            for name, g in assessment.groups.items()
        },
    )


def cdsi_inputs(data: SupportingData) -> list[tuple[CdsiPatient, list[AdministeredDose], date]]:
    """Each visible CDSi case as conformance.check_case builds it."""
    inputs = []
    for case in conformance.load_cases(CDSI_CASES):
        patient = CdsiPatient(
            date.fromisoformat(case["dob"]),
            (case.get("gender") or "U")[0],
            birth_country="U.S.",
        )
        doses = [
            AdministeredDose(date.fromisoformat(d["date"]), d["cvx"].strip(), d.get("mvx"), str(i))
            for i, d in enumerate(case["doses"])
        ]
        inputs.append((patient, doses, date.fromisoformat(case["assessment_date"])))
    return inputs


def french_inputs(count: int, seed: int) -> list[tuple[CdsiPatient, list[AdministeredDose], date]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        patient, doses = french_case(rng)
        on = max(patient.dob, ASSESSMENT + timedelta(days=rng.randint(-3000, 3000)))
        out.append((patient, doses, on))
    return out


@pytest.fixture(scope="module")
def cdsi() -> SupportingData:
    return load_supporting_data(CDSI_DATA)


@needs_cdsi
def test_trace_off_changes_nothing_but_traces_on_the_visible_cdsi_cases(
    cdsi: SupportingData,
) -> None:
    inputs = cdsi_inputs(cdsi)
    assert len(inputs) >= 704
    for patient, doses, on in inputs:
        full = forecast(patient, doses, on, cdsi)
        assert forecast(patient, doses, on, cdsi, trace=False) == untraced(full)


def test_trace_off_changes_nothing_but_traces_on_french_patients(fr: SupportingData) -> None:
    for patient, doses, on in french_inputs(300, 11):
        full = forecast(patient, doses, on, fr)
        assert forecast(patient, doses, on, fr, trace=False) == untraced(full)


def _fr_schedule_calls() -> list[tuple[Callable[..., None], dict[str, object]]]:
    """Every French schedule test (test_fr_schedule.py) with its parameters."""
    calls = []
    for name, func in vars(fr_schedule).items():
        if not name.startswith("test_") or not inspect.isfunction(func):
            continue
        combos: list[dict[str, object]] = [{}]
        for mark in getattr(func, "pytestmark", []):
            if mark.name != "parametrize":
                continue
            names = mark.args[0]
            names = [n.strip() for n in names.split(",")] if isinstance(names, str) else names
            values = []
            for v in mark.args[1]:
                v = v.values if hasattr(v, "values") else (v if len(names) > 1 else (v,))
                values.append(dict(zip(names, v, strict=True)))
            combos = [{**c, **v} for c in combos for v in values]
        wanted = set(inspect.signature(func).parameters)
        calls += [(func, combo) for combo in combos if set(combo) | {"fr"} >= wanted]
    return calls


def test_trace_off_changes_nothing_but_traces_on_the_french_schedule_cases(
    fr: SupportingData, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = []

    def both_ways(*args: object, **kwargs: object) -> Assessment:
        full = forecast(*args, **kwargs)  # type: ignore[arg-type]
        assert forecast(*args, **kwargs, trace=False) == untraced(full)  # type: ignore[arg-type]
        checked.append(args)
        return full

    monkeypatch.setattr(fr_schedule, "forecast", both_ways)
    calls = _fr_schedule_calls()
    assert len(calls) >= 100
    for func, params in calls:
        if "fr" in inspect.signature(func).parameters:
            params = {**params, "fr": fr}
        func(**params)
    assert len(checked) >= 100


@needs_cdsi
def test_antigens_evaluated_once_for_their_twins_give_the_same_results(
    cdsi: SupportingData, fr: SupportingData
) -> None:
    # Diphtheria / Tetanus / Polio and Measles / Mumps share one evaluation
    # when their doses are the same (SupportingData.antigen_shapes).
    assert {"Diphtheria", "Tetanus", "Polio", "Measles", "Mumps"} <= set(fr.antigen_shapes)
    # Other series: never shared (rubella has the pre-1980 pregnancy-project series).
    assert "Pertussis" not in fr.antigen_shapes
    assert "Rubella" not in fr.antigen_shapes
    for data, inputs in ((fr, french_inputs(300, 5)), (cdsi, cdsi_inputs(cdsi))):
        alone = replace(data, antigen_shapes={})
        for patient, doses, on in inputs:
            assert forecast(patient, doses, on, data) == forecast(patient, doses, on, alone)


def _old_next_change_date(
    assessment: Assessment,
    patient: CdsiPatient,
    doses: list[AdministeredDose],
    data: SupportingData,
) -> date | None:
    """next_change_date as it was, one addition per age of the data."""
    today = assessment.assessment_date
    data = seasonal_data(data, today)  # both read this season's campaign dates
    candidates: list[date | None] = [practice._plus(patient.dob, a) for a in data.age_marks]
    candidates += data.date_marks
    for dose in doses:
        candidates += [practice._plus(dose.date_administered, i) for i in data.skip_interval_marks]
    for group in assessment.groups.values():
        for result in (group, *group.antigens):
            candidates += (result.earliest, result.recommended, result.past_due)
            if result.latest is not None:
                candidates.append(practice._plus(result.latest, Duration(days=1)))
    future = [d for d in candidates if d is not None and d > today]
    if today in candidates:
        future.append(today + timedelta(days=1))
    return min(future, default=None)


def test_next_change_date_binary_search_finds_what_trying_every_age_finds(
    fr: SupportingData,
) -> None:
    rng = random.Random(3)
    for patient, doses, on in french_inputs(200, 3):
        assessment = forecast(patient, doses, on, fr, trace=False)
        assert next_change_date(assessment, patient, doses, fr) == _old_next_change_date(
            assessment, patient, doses, fr
        )
    # Birthdays exactly on the assessment date, month ends and 29 February.
    for dob in [date(2000, 2, 29), date(2001, 1, 31), date(1960, 12, 31), date(2025, 8, 31)]:
        patient = CdsiPatient(dob, rng.choice("FM"))
        for on in [dob + relativedelta(years=n) for n in (0, 2, 18, 25, 65)] + [dob]:
            assessment = forecast(patient, [], on, fr, trace=False)
            assert next_change_date(assessment, patient, [], fr) == _old_next_change_date(
                assessment, patient, [], fr
            )


def test_month_shift_table_matches_the_calendar() -> None:
    import calendar

    from tsn_desktop.vaccination.schedule import _shift_months

    day = date(1896, 1, 1)
    while day < date(2105, 1, 1):
        for months in (-13, -1, 1, 2, 11, 12, 13, 24, 1200):
            index = day.year * 12 + day.month - 1 + months
            year, month = divmod(index, 12)
            last = calendar.monthrange(year, month + 1)[1]
            expected = (
                date(year, month + 1, day.day)
                if day.day <= last
                else date(year + (month == 11), month + 2 if month < 11 else 1, 1)
            )
            assert _shift_months(day, months) == expected, (day, months)
        day += timedelta(days=1)


def test_same_duration_text_gives_the_same_object() -> None:
    assert parse_duration("6 months - 4 days") is parse_duration(" 6 months - 4 days ")


def test_batch_forecast_without_evaluations_gives_the_same_groups(fr: SupportingData) -> None:
    rng = random.Random(11)
    for _ in range(40):
        patient, doses = french_case(rng)
        full = forecast(patient, doses, ASSESSMENT, fr)
        batch = forecast(patient, doses, ASSESSMENT, fr, trace=False, evaluations=False)
        assert summarize(batch) == summarize(full)
        for name, group in full.groups.items():
            kept = batch.groups[name]
            assert [replace(a, evaluations=()) for a in group.antigens] == list(kept.antigens)
            assert all(a.evaluations == () for a in kept.antigens)
        assert next_change_date(batch, patient, doses, fr) == next_change_date(
            full, patient, doses, fr
        )


def test_workers_started_ahead_give_the_same_summaries_and_stay_open(
    fr: SupportingData,
) -> None:
    rng = random.Random(5)
    items = [(i, *french_case(rng)) for i in range(24)]
    alone = forecast_practice(items, ASSESSMENT, fr, workers=1)
    with practice.Workers(fr, 2) as workers:
        first = forecast_practice(items, ASSESSMENT, fr, workers=2, chunk_size=5,
                                  started=workers)
        later = ASSESSMENT + timedelta(days=40)  # the date goes with each chunk
        second = forecast_practice(items, later, fr, workers=2, chunk_size=5, started=workers)
    assert first == alone
    assert second == forecast_practice(items, later, fr, workers=1)
