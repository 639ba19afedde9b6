"""CDSi v4.6 engine: evaluate doses, select the best series, forecast vaccine groups."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from tsn_desktop.vaccination.schedule import (
    MAX_DATE,
    MIN_DATE,
    AgeRule,
    Antigen,
    ConditionalSkip,
    Duration,
    Indication,
    IntervalRule,
    Series,
    SeriesDose,
    SkipCondition,
    SkipSet,
    SupportingData,
    VaccineRule,
    seasonal_data,
)

__all__ = [
    "AGED_OUT", "COMPLETE", "CONTRAINDICATED", "EXTRANEOUS", "IMMUNE", "NOT_COMPLETE",
    "NOT_RECOMMENDED", "NOT_SATISFIED", "NOT_VALID", "ONE_DAY", "SATISFIED", "SKIPPED",
    "SUB_STANDARD", "VALID", "AdministeredDose", "AntigenForecast", "Assessment", "CdsiPatient",
    "DoseEvaluation", "GroupForecast", "TraceEntry", "antigen_contraindication",
    "determine_forecast_need", "evaluate_age", "evaluate_allowable_vaccine", "evaluate_antigen",
    "evaluate_conditional_skip", "evaluate_dose", "evaluate_dose_condition", "evaluate_history",
    "evaluate_interval", "evaluate_live_virus_conflict", "evaluate_preferable_vaccine", "forecast",
    "forecast_conflict_end", "forecast_dose_number", "forecast_series", "generate_forecast_dates",
    "has_evidence_of_immunity", "identify_vaccine_group", "indication_applies",
    "interval_reference", "organize_history", "recommended_vaccines", "score_complete_series",
    "score_in_process_series", "score_no_valid_doses_series", "select_best_series",
    "select_prioritized_series", "select_relevant_series", "vaccine_contraindicated",
]

# Evaluation statuses (logic spec 3.2).
VALID = "Valid"
NOT_VALID = "Not Valid"
EXTRANEOUS = "Extraneous"
SUB_STANDARD = "Sub standard"

# Target dose statuses.
SATISFIED = "Satisfied"
NOT_SATISFIED = "Not Satisfied"
SKIPPED = "Skipped"

# Patient series / vaccine group statuses.
NOT_COMPLETE = "Not Complete"
COMPLETE = "Complete"
IMMUNE = "Immune"
CONTRAINDICATED = "Contraindicated"
NOT_RECOMMENDED = "Not Recommended"
AGED_OUT = "Aged Out"

ONE_DAY = timedelta(days=1)


# ----------------------------------------------------------------- traces

@dataclass(frozen=True, slots=True)
class TraceEntry:
    """A structured explanation: a code and its arguments (dates, durations, numbers).
    vaccination/ui/texts.py `trace_text` words it for a clinician."""

    key: str
    args: tuple[tuple[str, object], ...] = ()


def _trace(key: str, **args: object) -> TraceEntry:
    return TraceEntry(key, tuple(args.items()))


# ------------------------------------------------------------- public model


@dataclass(frozen=True)
class CdsiPatient:
    """What the engine needs to know about a patient (no identity, no name)."""

    dob: date
    gender: str = "U"  # "F", "M" or "U"
    observations: frozenset[str] = frozenset()  # CDSi observation codes
    birth_country: str | None = None


@dataclass(frozen=True)
class AdministeredDose:
    """One vaccination of the patient's history."""

    date_administered: date
    vaccine: str  # CVX code, or a product code of the loaded data pack
    mvx: str | None = None
    id: str | None = None
    lot_expiration: date | None = None
    substandard: bool = False  # dose condition flag: recall, cold-chain break, misadministration


@dataclass(frozen=True)
class DoseEvaluation:
    """How one dose counted for one antigen's selected series (spec chapter 6)."""

    dose: AdministeredDose
    status: str
    reason: str | None = None
    trace: tuple[TraceEntry, ...] = ()
    antigen: str = ""
    target_dose_number: int | None = None


@dataclass(frozen=True)
class AntigenForecast:
    """The best patient series of one antigen, evaluated and forecast."""

    antigen: str
    series_name: str
    status: str
    evaluations: tuple[DoseEvaluation, ...]
    forecast_dose_number: int | None = None
    earliest: date | None = None
    recommended: date | None = None
    past_due: date | None = None
    latest: date | None = None
    series_type: str = "Standard"
    recommended_vaccines: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupForecast:
    """The forecast of one vaccine group (spec chapter 9), e.g. "DTaP/Tdap/Td"."""

    name: str
    status: str
    forecast_dose_number: int | None
    earliest: date | None
    recommended: date | None
    past_due: date | None
    latest: date | None
    antigens: tuple[AntigenForecast, ...]
    trace: tuple[TraceEntry, ...] = ()
    recommended_vaccines: tuple[str, ...] = ()  # FORECASTVG-9, codes of the data pack

    def dose_status(self, dose: AdministeredDose) -> str | None:
        """The group-level status of one administered dose over the group's antigens.

        Not Valid for any antigen makes it Not Valid; Valid for one antigen beats
        Extraneous for another (a decennial Tdap counts for tetanus and
        diphtheria even when the pertussis series is already complete).
        """
        statuses = [
            e.status
            for a in self.antigens
            for e in a.evaluations
            if e.dose is dose or e.dose == dose
        ]
        for status in (NOT_VALID, SUB_STANDARD, VALID, EXTRANEOUS):
            if status in statuses:
                return status
        return None




@dataclass(frozen=True)
class Assessment:
    """Every requested vaccine group forecast on one assessment date."""

    assessment_date: date
    groups: dict[str, GroupForecast]


# ----------------------------------------------------------- working state


@dataclass(slots=True)
class _AntigenDose:
    """An antigen administered record (spec 4.2)."""

    position: int  # order in the patient's whole history
    dose: AdministeredDose
    when: date
    cvx: str


@dataclass(slots=True)
class _Eval:
    record: _AntigenDose
    status: str | None = None
    reason: str | None = None
    target: int | None = None
    inadvertent: bool = False
    trace: list[TraceEntry] = field(default_factory=list)


@dataclass(slots=True)
class _SeriesRun:
    """A relevant patient series being evaluated and forecast."""

    series: Series
    targets: list[SeriesDose]
    statuses: list[str]
    evals: list[_Eval]
    satisfied_by: dict[int, _Eval] = field(default_factory=dict)
    status: str = NOT_COMPLETE
    current: int | None = None  # index of the forecast target dose
    earliest: date | None = None
    recommended: date | None = None
    past_due: date | None = None
    latest: date | None = None
    unadjusted_recommended: date | None = None
    unadjusted_past_due: date | None = None
    forecast_dose_number: int | None = None
    recommended_vaccines: tuple[str, ...] = ()
    valid_count: int = 0  # satisfied target doses (SELECTB-21), set once forecast
    trace: list[TraceEntry] = field(default_factory=list)


@dataclass(slots=True)
class _Context:
    patient: CdsiPatient
    assessment: date
    data: SupportingData
    all_records: list[_AntigenDose]
    # Series runs of the antigen being processed, by series group, for the
    # "Completed Series" conditional skip (spec table 6-7).
    runs_by_group: dict[str, list[_SeriesRun]] = field(default_factory=dict)
    # Whether any dose could start a live-virus conflict (most histories: no).
    has_live_records: bool = False
    # Whether to record explanations (forecast(trace=False) leaves them out).
    trace: bool = True
    # Whether results list each dose's evaluation (forecast(evaluations=False): no).
    evaluations: bool = True
    # dob + age by id() of the data's Duration (see _at_age).
    dob_dates: dict[int, date] = field(default_factory=dict)
    # _max_age_date on the assessment date, by id() of the data's SeriesDose.
    max_age_dates: dict[int, date] = field(default_factory=dict)
    # Immunity and antigen contraindication by antigen name: the same for
    # every series of the antigen (determine_forecast_need).
    antigen_need: dict[str, tuple[bool, str | None]] = field(default_factory=dict)


def _plus(start: date, duration: Duration | None, default: date) -> date:
    return duration.add_to(start) if duration is not None else default


def _at_age(ctx: _Context, age: Duration | None, default: date) -> date:
    """dob + age (default without an age), kept for the whole forecast.

    The same ages of the data come up again and again across series, target
    doses and antigens; the Duration objects live as long as the data, so
    their id() is a cheap, stable key.
    """
    if age is None:
        return default
    found = ctx.dob_dates.get(id(age))
    if found is None:
        found = ctx.dob_dates[id(age)] = age.add_to(ctx.patient.dob)
    return found


def _relevant(effective: date | None, cessation: date | None, anchor: date) -> bool:
    """RELEVANT-1/2: a component applies when the anchor date lies in its validity range."""
    return (effective or MIN_DATE) <= anchor <= (cessation or MAX_DATE)


# --------------------------------------------------- 4.2 organise history


def organize_history(
    patient: CdsiPatient,
    doses: Sequence[AdministeredDose],
    data: SupportingData,
    tracing: bool = True,
) -> tuple[dict[str, list[_AntigenDose]], list[_AntigenDose], list[TraceEntry]]:
    """Split each dose into antigen records, honouring association ages (spec 4.2)."""
    by_antigen: dict[str, list[_AntigenDose]] = {}
    records: list[_AntigenDose] = []
    trace: list[TraceEntry] = []
    ordered = sorted(enumerate(doses), key=lambda p: (p[1].date_administered, p[0]))
    for position, (_, dose) in enumerate(ordered):
        code = dose.vaccine.strip()
        product = data.vaccines.get(code) or data.vaccines.get(code.upper())
        if product is None:
            if tracing:
                trace.append(_trace("unknown_vaccine", vaccine=dose.vaccine))
            continue
        record = _AntigenDose(position, dose, dose.date_administered, product.cvx)
        records.append(record)
        for assoc in product.associations:
            if assoc.begin_age is None and assoc.end_age is None:  # the usual case
                begin, end = MIN_DATE, MAX_DATE
            else:
                begin = _plus(patient.dob, assoc.begin_age, MIN_DATE)
                end = _plus(patient.dob, assoc.end_age, MAX_DATE)
            if begin <= dose.date_administered < end:
                by_antigen.setdefault(assoc.antigen, []).append(record)
    return by_antigen, records, trace


# ------------------------------------------------ 5.1 relevant patient series


def indication_applies(patient: CdsiPatient, indication: Indication, assessment: date) -> bool:
    """Spec table 5-4."""
    if indication.observation_code not in patient.observations:
        return False
    begin = _plus(patient.dob, indication.begin_age, MIN_DATE)
    end = _plus(patient.dob, indication.end_age, MAX_DATE)
    return begin <= assessment < end


def select_relevant_series(
    patient: CdsiPatient, antigen: Antigen, assessment: date
) -> list[Series]:
    """Spec table 5-5: gender, then Standard / Evaluation Only, or Risk with an indication."""
    relevant = []
    for series in antigen.series:
        if series.required_genders and patient.gender not in series.required_genders:
            continue
        # Birth-cohort series (pack extension): e.g. adults born before 1980.
        if series.born_before is not None and patient.dob >= series.born_before:
            continue
        if series.born_on_or_after is not None and patient.dob < series.born_on_or_after:
            continue
        if series.series_type == "Risk" and not (
            patient.observations
            and any(indication_applies(patient, i, assessment) for i in series.indications)
        ):
            continue
        relevant.append(series)
    return relevant


# -------------------------------------------------------- 6 evaluate doses


def _count_condition_doses(cond: SkipCondition, run: _SeriesRun, upto: int, ctx: _Context) -> int:
    """CONDSKIP-1 over the doses of this series evaluated before `upto`.

    The count is not cut at the reference date (the glossary of "Vaccine Count
    by Age" suggests it): official cases 2013-0040/-0057/-0099 count every
    earlier dose, as business rule CONDSKIP-1 says.
    """
    begin_age = _at_age(ctx, cond.begin_age, MIN_DATE)
    end_age = _at_age(ctx, cond.end_age, MAX_DATE)
    start = cond.start_date or MIN_DATE
    end = cond.end_date or MAX_DATE
    count = 0
    for ev in run.evals[:upto]:
        rec = ev.record
        if cond.vaccine_types and rec.cvx not in cond.vaccine_types:
            continue
        if not (begin_age <= rec.when < end_age and start <= rec.when < end):
            continue
        if cond.dose_type == "valid" and ev.status != VALID:
            continue
        count += 1
    return count


def _condition_met(
    cond: SkipCondition, run: _SeriesRun, upto: int, reference: date, ctx: _Context
) -> bool:
    """Spec tables 6-6 to 6-9."""
    kind = cond.condition_type
    if kind == "age":
        begin = _at_age(ctx, cond.begin_age, MIN_DATE)
        end = _at_age(ctx, cond.end_age, MAX_DATE)
        return begin <= reference < end
    if kind == "interval":  # CALCDTSKIP-5: from the immediate previous dose
        if upto == 0 or cond.interval is None:
            return False
        return reference >= cond.interval.add_to(run.evals[upto - 1].record.when)
    if kind == "completed series":
        return any(
            r.status == COMPLETE
            for g in cond.series_groups
            for r in ctx.runs_by_group.get(g, ())
            if r is not run
        )
    if kind.startswith("vaccine count"):
        count = _count_condition_doses(cond, run, upto, ctx)
        target = cond.dose_count or 0
        logic = cond.dose_count_logic or "greater than"
        if logic.startswith("greater"):
            return count > target
        if logic.startswith("equal"):
            return count == target
        return count < target
    return False


def _set_met(skip_set: SkipSet, run: _SeriesRun, upto: int, reference: date, ctx: _Context) -> bool:
    """Spec table 6-10 (conditions have no side effects: stop at the first that decides)."""
    conditions = skip_set.conditions
    if not conditions:
        return False
    wanted = skip_set.condition_logic == "OR"
    for c in conditions:
        if _condition_met(c, run, upto, reference, ctx) is wanted:
            return wanted
    return not wanted


def evaluate_conditional_skip(
    skips: tuple[ConditionalSkip, ...],
    run: _SeriesRun,
    upto: int,
    reference: date,
    ctx: _Context,
    anchor: date,
) -> SkipSet | None:
    """Spec 6.2 / 7.1 / 7.6 (table 6-11): the set that lets the target dose be skipped."""
    for skip in skips:
        met: SkipSet | None = None
        for skip_set in skip.sets:
            if not (
                (skip_set.effective_date or MIN_DATE)
                <= anchor
                <= (skip_set.cessation_date or MAX_DATE)
            ):  # _relevant, inlined: hot
                continue
            if _set_met(skip_set, run, upto, reference, ctx):
                met = met or skip_set
            elif skip.set_logic == "AND":
                met = None
                break
        if met is not None:
            return met
    return None


def _pick_age(target: SeriesDose, anchor: date) -> AgeRule | None:
    for age in target.ages:
        if (age.effective_date or MIN_DATE) <= anchor <= (age.cessation_date or MAX_DATE):
            return age
    return None


def evaluate_age(ctx: _Context, when: date, age: AgeRule | None) -> tuple[str, Duration | None]:
    """Spec table 6-15: ("valid"|"too_young"|"grace"|"too_old", limit text)."""
    if age is None:
        return "valid", None
    if when < _at_age(ctx, age.abs_min_age, MIN_DATE):
        return "too_young", age.abs_min_age
    if when < _at_age(ctx, age.min_age, MIN_DATE):
        return "grace", age.min_age
    if when >= _at_age(ctx, age.max_age, MAX_DATE):
        return "too_old", age.max_age
    return "valid", None


def _previous_reference(run: _SeriesRun, upto: int) -> _Eval | None:
    """CALCDTINT-1: the latest earlier dose evaluated Valid or Not Valid, not inadvertent."""
    for ev in reversed(run.evals[:upto]):
        if ev.status in (VALID, NOT_VALID) and not ev.inadvertent:
            return ev
    return None


def interval_reference(interval: IntervalRule, run: _SeriesRun, upto: int) -> date | None:
    """The reference date of an interval (CALCDTINT-1, -2, -8, -9)."""
    if interval.from_previous:
        ref = _previous_reference(run, upto)
        return ref.record.when if ref else None
    if interval.from_target_dose is not None:
        ev = run.satisfied_by.get(interval.from_target_dose - 1)
        return ev.record.when if ev else None
    if interval.from_most_recent:
        for ev in reversed(run.evals[:upto]):
            if ev.record.cvx in interval.from_most_recent and not ev.inadvertent:
                return ev.record.when
        return None
    return None  # observation dates are not tracked: the interval cannot apply


def evaluate_interval(
    interval: IntervalRule, reference: date, when: date
) -> tuple[str, Duration | None]:
    """Spec table 6-18: ("valid"|"grace"|"too_soon", interval text)."""
    if when < _plus(reference, interval.abs_min_int, MIN_DATE):
        return "too_soon", interval.abs_min_int
    if when < _plus(reference, interval.min_int, MIN_DATE):
        return "grace", interval.min_int
    return "valid", None


def evaluate_live_virus_conflict(
    rec: _AntigenDose, ctx: _Context, run: _SeriesRun
) -> _AntigenDose | None:
    """Spec 6.7: the earlier dose the current one conflicts with, if any."""
    conflicts = ctx.data.conflicts_by_current.get(rec.cvx)
    if not conflicts:
        return None
    status_of = {id(ev.record): ev.status for ev in run.evals}
    for prev in ctx.all_records:
        if prev.when >= rec.when:
            break
        for c in conflicts:
            if c.previous_cvx != prev.cvx:
                continue
            begin = _plus(prev.when, c.begin_interval, MIN_DATE)
            status = status_of.get(id(prev))
            end_interval = c.min_end_interval if status in (None, VALID) else c.end_interval
            end = _plus(prev.when, end_interval, MIN_DATE)
            if begin <= rec.when < end:
                return prev
    return None


def _vaccine_fits(
    rules: dict[str, tuple[VaccineRule, ...]], cvx: str, ctx: _Context, when: date
) -> bool:
    for rule in rules.get(cvx, ()):
        if _at_age(ctx, rule.begin_age, MIN_DATE) <= when < _at_age(ctx, rule.end_age, MAX_DATE):
            return True
    return False


def evaluate_preferable_vaccine(target: SeriesDose, cvx: str, ctx: _Context, when: date) -> bool:
    return _vaccine_fits(target.preferable_by_cvx, cvx, ctx, when)


def evaluate_allowable_vaccine(target: SeriesDose, cvx: str, ctx: _Context, when: date) -> bool:
    return _vaccine_fits(target.allowable_by_cvx, cvx, ctx, when)


def evaluate_dose_condition(dose: AdministeredDose) -> bool:
    """Spec table 6-3: True when the dose cannot be evaluated (expired lot or condition)."""
    expired = dose.lot_expiration is not None and dose.date_administered > dose.lot_expiration
    return expired or dose.substandard


def evaluate_dose(run: _SeriesRun, index: int, target_index: int, ctx: _Context) -> bool:
    """Spec 6.3–6.10 for one antigen dose against one target dose; True if satisfied."""
    ev = run.evals[index]
    rec = ev.record
    target = run.targets[target_index]
    number = target_index + 1
    ev.target = number
    tracing = ctx.trace
    if evaluate_dose_condition(rec.dose):
        ev.status, ev.reason = SUB_STANDARD, "Sub standard"
        if tracing:
            ev.trace.append(_trace("sub_standard", dose=number))
        return False
    if rec.cvx in target.inadvertent_vaccines:
        ev.status, ev.reason, ev.inadvertent = NOT_VALID, "Inadvertent Vaccine", True
        if tracing:
            ev.trace.append(_trace("inadvertent", dose=number, vaccine=rec.dose.vaccine))
        return False
    reasons: list[str] = []
    age_result, age_limit = evaluate_age(ctx, rec.when, _pick_age(target, rec.when))
    if age_result == "too_young":
        reasons.append("Age: Too Young")
        if tracing:
            ev.trace.append(_trace("too_young", dose=number, given=rec.when, limit=age_limit))
    elif age_result == "too_old":
        reasons.append("Age: Too Old")
        if tracing:
            ev.trace.append(_trace("too_old", dose=number, limit=age_limit))
    elif age_result == "grace":
        if tracing:
            ev.trace.append(_trace("age_grace", dose=number, limit=age_limit))
    interval_ok = _evaluate_intervals(run, index, target, rec.when, number, ev, tracing)
    if not interval_ok:
        reasons.append("Interval: too Soon")
    conflict = evaluate_live_virus_conflict(rec, ctx, run)
    if conflict is not None:
        reasons.append("Live Virus Conflict")
        if tracing:
            ev.trace.append(_trace("live_virus_conflict", dose=number, other=conflict.when))
    vaccine_ok = evaluate_preferable_vaccine(
        target, rec.cvx, ctx, rec.when
    ) or evaluate_allowable_vaccine(target, rec.cvx, ctx, rec.when)
    if not vaccine_ok:
        reasons.append("Not a preferable or allowable vaccine")
        if tracing:
            ev.trace.append(_trace("not_allowable_vaccine", dose=number, vaccine=rec.dose.vaccine))
    if age_result == "too_old":
        ev.status, ev.reason = EXTRANEOUS, "Age: Too Old"
        return False
    if reasons:
        ev.status, ev.reason = NOT_VALID, reasons[0]
        return False
    ev.status, ev.reason = VALID, None
    if tracing:
        ev.trace.append(_trace("valid", dose=number))
    return True


def _evaluate_intervals(
    run: _SeriesRun,
    index: int,
    target: SeriesDose,
    when: date,
    number: int,
    ev: _Eval,
    tracing: bool = True,
) -> bool:
    """Spec 6.5 then 6.6: all preferable intervals, else all allowable intervals."""
    failures = []
    for interval in target.intervals:
        if not _relevant(interval.effective_date, interval.cessation_date, when):
            continue
        reference = interval_reference(interval, run, index)
        if reference is None:
            continue
        result, text = evaluate_interval(interval, reference, when)
        if result == "too_soon":
            failures.append(
                _trace("too_soon", dose=number, days=(when - reference).days, interval=text)
            )
        elif result == "grace" and tracing:
            ev.trace.append(_trace("interval_grace", dose=number, interval=text))
    if not failures:
        return True
    allowable = [
        i for i in target.allowable_intervals if _relevant(i.effective_date, i.cessation_date, when)
    ]
    if allowable:
        ok = True
        for interval in allowable:
            reference = interval_reference(interval, run, index)
            if reference is None:
                continue
            if when < _plus(reference, interval.abs_min_int, MIN_DATE):
                ok = False
        if ok:
            if tracing:
                ev.trace.append(
                    _trace("allowable_interval", dose=number, interval=allowable[0].abs_min_int)
                )
            return True
    if tracing:
        ev.trace.extend(failures)
    return False


def evaluate_history(run: _SeriesRun, ctx: _Context) -> int:
    """Spec figure 4-6: walk target doses and antigen doses together; returns next target."""
    t = 0
    for index, ev in enumerate(run.evals):
        while t < len(run.targets):
            skips = run.targets[t].evaluation_skips
            if not skips:
                break
            skip = evaluate_conditional_skip(skips, run, index, ev.record.when, ctx, ev.record.when)
            if skip is None:
                break
            run.statuses[t] = SKIPPED
            if ctx.trace:
                run.trace.append(_trace("skipped", dose=t + 1, reason=skip.description))
            t += 1
        if t >= len(run.targets):
            ev.status, ev.reason = EXTRANEOUS, "Series Already Complete"
            if ctx.trace:
                ev.trace.append(_trace("series_complete", given=ev.record.when))
            continue
        if evaluate_dose(run, index, t, ctx):
            run.statuses[t] = SATISFIED
            run.satisfied_by[t] = ev
            if run.targets[t].recurring:
                run.targets.insert(t + 1, run.targets[t])
                run.statuses.insert(t + 1, NOT_SATISFIED)
            t += 1
    return t


# ---------------------------------------------------------------- 7 forecast


def has_evidence_of_immunity(patient: CdsiPatient, antigen: Antigen) -> bool:
    """Spec table 7-3."""
    immunity = antigen.immunity
    if immunity.clinical_history_codes & patient.observations:
        return True
    if immunity.birth_date is None or patient.dob >= immunity.birth_date:
        return False
    if immunity.exclusion_codes & patient.observations:
        return False
    if immunity.birth_country is None:
        return True
    return _same_country(patient.birth_country, immunity.birth_country)


def _same_country(patient_country: str | None, required: str) -> bool:
    if patient_country is None:
        return False
    norm = {"us": "us", "u.s.": "us", "usa": "us", "united states": "us"}
    a, b = patient_country.strip().lower(), required.strip().lower()
    return norm.get(a, a) == norm.get(b, b)


def antigen_contraindication(
    patient: CdsiPatient, antigen: Antigen, assessment: date
) -> str | None:
    """Spec table 7-5: the title of an antigen contraindication that applies, if any."""
    if not patient.observations:
        return None
    for ci in antigen.antigen_contraindications:
        if ci.observation_code not in patient.observations:
            continue
        begin = _plus(patient.dob, ci.begin_age, MIN_DATE)
        end = _plus(patient.dob, ci.end_age, MAX_DATE)
        if begin <= assessment < end:
            return ci.title
    return None


def _forecast_intervals(target: SeriesDose, assessment: date) -> list[IntervalRule]:
    return [
        i for i in target.intervals if _relevant(i.effective_date, i.cessation_date, assessment)
    ]


def forecast_conflict_end(target: SeriesDose, ctx: _Context) -> date | None:
    """CALCDTCONFLICT-3: latest end of a live-virus conflict with a preferable vaccine."""
    latest: date | None = None
    if not ctx.has_live_records:
        return None
    for rule in target.preferable_vaccines:
        for c in ctx.data.conflicts_by_current.get(rule.cvx, ()):
            for prev in ctx.all_records:
                if prev.cvx == c.previous_cvx and c.end_interval is not None:
                    end = c.end_interval.add_to(prev.when)
                    if latest is None or end > latest:
                        latest = end
    return latest


def generate_forecast_dates(run: _SeriesRun, t: int, ctx: _Context) -> None:
    """Spec 7.5 (FORECASTDTCAN-1, FORECASTDT-1..6) for target dose t."""
    target = run.targets[t]
    dob = ctx.patient.dob
    age = _pick_age(target, ctx.assessment)
    upto = len(run.evals)
    candidates: list[date] = []
    earliest_rec_int: list[date] = []
    latest_rec_int: list[date] = []
    if age is not None and age.min_age is not None:
        candidates.append(_at_age(ctx, age.min_age, MIN_DATE))
    for interval in _forecast_intervals(target, ctx.assessment):
        reference = interval_reference(interval, run, upto)
        if reference is None:
            continue
        if interval.min_int is not None:
            candidates.append(interval.min_int.add_to(reference))
        if interval.earliest_rec_int is not None:
            earliest_rec_int.append(interval.earliest_rec_int.add_to(reference))
        if interval.latest_rec_int is not None:
            latest_rec_int.append(interval.latest_rec_int.add_to(reference))
    conflict_end = forecast_conflict_end(target, ctx)
    if conflict_end is not None:
        candidates.append(conflict_end)
    if target.seasonal_start is not None:
        candidates.append(target.seasonal_start)
    for ev in run.evals:
        if ev.inadvertent or ev.status is not None:
            candidates.append(ev.record.when)
    earliest = max(candidates) if candidates else dob
    if age is not None and age.earliest_rec_age is not None:
        unadjusted_rec: date | None = _at_age(ctx, age.earliest_rec_age, MIN_DATE)
    elif earliest_rec_int:
        unadjusted_rec = max(earliest_rec_int)
    else:
        unadjusted_rec = earliest
    if age is not None and age.latest_rec_age is not None:
        unadjusted_pd: date | None = _at_age(ctx, age.latest_rec_age, MIN_DATE) - ONE_DAY
    elif latest_rec_int:
        unadjusted_pd = max(latest_rec_int) - ONE_DAY
    else:
        unadjusted_pd = None
    run.earliest = earliest
    run.unadjusted_recommended = unadjusted_rec
    run.unadjusted_past_due = unadjusted_pd
    run.recommended = max(earliest, unadjusted_rec) if unadjusted_rec else earliest
    run.past_due = max(earliest, unadjusted_pd) if unadjusted_pd else None
    run.latest = (
        _at_age(ctx, age.max_age, MAX_DATE) - ONE_DAY
        if age is not None and age.max_age is not None
        else None
    )


def _max_age_date(target: SeriesDose, ctx: _Context, anchor: date) -> date:
    if anchor == ctx.assessment:  # the usual anchor: kept per target dose
        found = ctx.max_age_dates.get(id(target))
        if found is None:
            age = _pick_age(target, anchor)
            found = ctx.max_age_dates[id(target)] = _at_age(
                ctx, age.max_age if age else None, MAX_DATE
            )
        return found
    age = _pick_age(target, anchor)
    return _at_age(ctx, age.max_age if age else None, MAX_DATE)


def forecast_dose_number(run: _SeriesRun) -> int:
    """FORECASTDN-1."""
    count = 0
    for t, status in enumerate(run.statuses):
        if status != SATISFIED:
            continue
        target = run.targets[t]
        if (
            target.seasonal_start is None
            or run.satisfied_by[t].record.when >= target.seasonal_start
        ):
            count += 1
    return count + 1


def vaccine_contraindicated(cvx: str, antigen: Antigen, ctx: _Context) -> bool:
    """Spec table 7-6: a vaccine contraindication removes a vaccine from the forecast."""
    patient = ctx.patient
    if not patient.observations:
        return False
    for ci in antigen.vaccine_contraindications:
        if ci.observation_code not in patient.observations:
            continue
        for code, begin, end in ci.vaccines:
            if code == cvx and (
                _at_age(ctx, begin, MIN_DATE) <= ctx.assessment < _at_age(ctx, end, MAX_DATE)
            ):
                return True
    return False


def recommended_vaccines(
    target: SeriesDose, run: _SeriesRun, antigen: Antigen, ctx: _Context
) -> tuple[str, ...]:
    """FORECASTRECVAC-1: preferable vaccines flagged for forecasting, fitting the dates."""
    chosen: list[str] = []
    for rule in target.preferable_vaccines:
        if not rule.forecast_vaccine_type or rule.cvx in chosen:
            continue
        if vaccine_contraindicated(rule.cvx, antigen, ctx):
            continue
        begin = _at_age(ctx, rule.begin_age, MIN_DATE)
        end = _at_age(ctx, rule.end_age, MAX_DATE)
        if any(d is not None and begin <= d < end for d in (run.earliest, run.recommended)):
            chosen.append(rule.cvx)
    return tuple(chosen)


def _skip_target(run: _SeriesRun, t: int, reference: date, ctx: _Context) -> bool:
    """Spec 7.1 / 7.6.1: whether target dose t can be skipped (then marked so)."""
    skips = run.targets[t].forecast_skips
    if not skips:
        return False
    skip = evaluate_conditional_skip(skips, run, len(run.evals), reference, ctx, ctx.assessment)
    if skip is None:
        return False
    run.statuses[t] = SKIPPED
    if ctx.trace:
        run.trace.append(_trace("skipped", dose=t + 1, reason=skip.description))
    return True


def _skip_forecast_targets(run: _SeriesRun, t: int, reference: date, ctx: _Context) -> int:
    """Spec 7.1: skip target doses from t on; returns the first one still needed."""
    while t < len(run.targets) and _skip_target(run, t, reference, ctx):
        t += 1
    return t


def determine_forecast_need(run: _SeriesRun, t: int, antigen: Antigen, ctx: _Context) -> str | None:
    """Spec 7.2-7.4 (table 7-10) before dates: a final series status, or None if a dose is due."""
    name, patient, assessment = antigen.name, ctx.patient, ctx.assessment
    need = ctx.antigen_need.get(name)
    if need is None:
        need = ctx.antigen_need[name] = (
            has_evidence_of_immunity(patient, antigen),
            antigen_contraindication(patient, antigen, assessment),
        )
    immune, reason = need
    if immune:
        if ctx.trace:
            run.trace.append(_trace("immune", antigen=name))
        return IMMUNE
    if reason is not None:
        if ctx.trace:
            run.trace.append(_trace("contraindicated", antigen=name, reason=reason))
        return CONTRAINDICATED
    if t >= len(run.targets):
        if SATISFIED in run.statuses:
            if ctx.trace:
                run.trace.append(_trace("complete", antigen=name, series=run.series.name))
            return COMPLETE
        if ctx.trace:
            run.trace.append(
                _trace("not_recommended", antigen=name, reason="past immunization history")
            )
        return NOT_RECOMMENDED
    target = run.targets[t]
    if target.seasonal_end is not None and assessment > target.seasonal_end:
        if ctx.trace:
            run.trace.append(
                _trace(
                    "not_recommended", antigen=name, reason="past seasonal recommendation end date"
                )
            )
        return NOT_RECOMMENDED
    if assessment >= _max_age_date(target, ctx, assessment):
        if ctx.trace:
            run.trace.append(_trace("aged_out", antigen=name))
        return AGED_OUT
    return None


def forecast_series(run: _SeriesRun, t: int, antigen: Antigen, ctx: _Context) -> None:
    """Spec chapter 7 for one relevant patient series."""
    while True:
        t = _skip_forecast_targets(run, t, ctx.assessment, ctx)
        status = determine_forecast_need(run, t, antigen, ctx)
        if status is not None:
            run.status = status
            return
        target = run.targets[t]
        generate_forecast_dates(run, t, ctx)
        assert run.earliest is not None
        if run.earliest >= _max_age_date(target, ctx, ctx.assessment):
            run.status = AGED_OUT  # table 7-10: cannot finish before the maximum age
            run.earliest = run.recommended = run.past_due = run.latest = None
            if ctx.trace:
                run.trace.append(_trace("aged_out", antigen=antigen.name))
            return
        # 7.6 validate the recommendation: re-forecast if the dose would be
        # skipped when the patient comes back on the earliest date.
        if _skip_target(run, t, run.earliest, ctx):
            t += 1
            continue
        run.status = NOT_COMPLETE
        run.current = t
        run.forecast_dose_number = forecast_dose_number(run)
        run.recommended_vaccines = recommended_vaccines(target, run, antigen, ctx)
        if ctx.trace:
            run.trace.append(
                _trace(
                    "forecast",
                    antigen=antigen.name,
                    dose=run.forecast_dose_number,
                    earliest=run.earliest,
                    recommended=run.recommended,
                )
            )
        return


# ------------------------------------------------------ 8 select best series


def _finish_date(run: _SeriesRun) -> date | None:
    """SELECTB-12: earliest date plus the minimum intervals of the remaining doses."""
    if run.earliest is None or run.current is None:
        return None
    finish = run.earliest
    for target in run.targets[run.current + 1 :]:
        longest = None
        for interval in target.intervals:
            if interval.from_previous and interval.min_int is not None:
                d = interval.min_int.add_to(finish)
                longest = d if longest is None or d > longest else longest
        if longest is not None:
            finish = longest
    return finish


def _completable(run: _SeriesRun, ctx: _Context) -> bool:
    """SELECTB-3."""
    if run.status == COMPLETE:
        return True
    finish = _finish_date(run)
    if finish is None:
        return False
    return finish < _max_age_date(run.targets[-1], ctx, ctx.assessment)


def _award(flags: list[bool], yes: int, tie: int, no: int) -> list[int]:
    true_count = sum(flags)
    return [(yes if true_count == 1 else tie) if f else no for f in flags]


def _add_points(scores: list[int], points: list[int]) -> None:
    for i, p in enumerate(points):
        scores[i] += p


def score_complete_series(runs: list[_SeriesRun]) -> list[int]:
    """Spec table 8-7."""
    valid = [r.valid_count for r in runs]
    return _award([v == max(valid) for v in valid], 1, 0, -1)


def score_in_process_series(runs: list[_SeriesRun], ctx: _Context) -> list[int]:
    """Spec table 8-9 (SELECTB-2, -3, -5, -11, -19, -23)."""
    completable = [_completable(r, ctx) for r in runs]
    scores = [0] * len(runs)
    for i, r in enumerate(runs):
        all_valid = all(ev.status == VALID for ev in r.evals if ev.target is not None)
        scores[i] += 2 if (r.series.product_path and all_valid) else -2
        scores[i] += 3 if completable[i] else -3
    valid = [r.valid_count for r in runs]
    _add_points(scores, _award([v == max(valid) for v in valid], 2, 0, -2))
    remaining = [r.statuses.count(NOT_SATISFIED) for r in runs]
    _add_points(scores, _award([n == min(remaining) for n in remaining], 2, 0, -2))
    finishes = [_finish_date(r) if completable[i] else None for i, r in enumerate(runs)]
    known = [f for f in finishes if f is not None]
    _add_points(scores, _award([f is not None and f <= min(known) for f in finishes], 1, 0, -1))
    return scores


def score_no_valid_doses_series(runs: list[_SeriesRun], ctx: _Context) -> list[int]:
    """Spec table 8-11 (SELECTB-3, -14, -23)."""
    starts = [r.earliest for r in runs]
    known = [s for s in starts if s is not None]
    scores = _award([s is not None and s <= min(known) for s in starts], 1, 0, -1)
    for i, r in enumerate(runs):
        scores[i] += 1 if _completable(r, ctx) else -1
        scores[i] += -1 if r.series.product_path else 1
    return scores


_PRIORITY_RANK = {"A": 0, "B": 1, "C": 2, "D": 3}


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a setattr call per field
class _GroupFacts:
    """What SELECTB-24 / SELECTSCORE-2 need to know about a whole series group."""

    all_contraindicated: bool
    best_priority: int
    no_valid_anywhere: bool
    has_default: bool


def _group_facts(group: list[_SeriesRun]) -> _GroupFacts:
    if len(group) == 1:  # the usual case: no need for four passes
        run = group[0]
        return _GroupFacts(
            all_contraindicated=run.status == CONTRAINDICATED,
            best_priority=_PRIORITY_RANK.get(run.series.series_priority, 9),
            no_valid_anywhere=run.valid_count == 0,
            has_default=run.series.default_series,
        )
    return _GroupFacts(
        all_contraindicated=all([r.status == CONTRAINDICATED for r in group]),
        best_priority=min([_PRIORITY_RANK.get(r.series.series_priority, 9) for r in group]),
        no_valid_anywhere=not any([r.valid_count for r in group]),
        has_default=any([r.series.default_series for r in group]),
    )


def _scorable(run: _SeriesRun, facts: _GroupFacts, ctx: _Context) -> bool:
    """SELECTB-24 and SELECTSCORE-2."""
    if run.status == CONTRAINDICATED and not facts.all_contraindicated:
        return False
    series = run.series
    if series.series_type == "Risk":
        return _PRIORITY_RANK.get(series.series_priority, 9) <= facts.best_priority
    if series.series_type == "Evaluation Only":
        return run.status == COMPLETE
    if run.valid_count:
        first = min(ev.record.when for ev in run.evals if ev.status == VALID and ev.target)
        return first < _at_age(ctx, series.max_age_to_start, MAX_DATE)
    return facts.no_valid_anywhere and not facts.has_default


def _lone_scorable(run: _SeriesRun, ctx: _Context) -> bool:
    """_scorable for a series alone in its group: its own facts (all contraindicated
    if it is, best priority its own, no valid dose anywhere if none in it)."""
    series = run.series
    if series.series_type == "Risk":
        return True
    if series.series_type == "Evaluation Only":
        return run.status == COMPLETE
    if run.valid_count:
        first = min(ev.record.when for ev in run.evals if ev.status == VALID and ev.target)
        return first < _at_age(ctx, series.max_age_to_start, MAX_DATE)
    return not series.default_series


def select_prioritized_series(group: list[_SeriesRun], ctx: _Context) -> _SeriesRun | None:
    """Spec 8.1–8.7 for one series group."""
    if len(group) == 1:  # what the steps below come to for a lone series
        run = group[0]
        return run if run.series.default_series or _lone_scorable(run, ctx) else None
    facts = _group_facts(group)
    scorable = [r for r in group if _scorable(r, facts, ctx)]
    defaults = [r for r in group if r.series.default_series]
    complete = [r for r in scorable if r.status == COMPLETE]
    in_process = [r for r in scorable if r.valid_count and r.status == NOT_COMPLETE]
    if not scorable:
        return defaults[0] if defaults else None
    if len(scorable) == 1:
        return scorable[0]
    if len(complete) == 1:
        return complete[0]
    if not complete and len(in_process) == 1:
        return in_process[0]
    if not complete and not in_process and len(defaults) == 1:
        return defaults[0]
    if len(complete) >= 2:
        pool, kind = complete, "complete"
    elif len(in_process) >= 2:
        pool, kind = in_process, "in_process"
    elif all(r.valid_count == 0 for r in scorable):
        pool, kind = scorable, "no_valid"
    else:
        pool, kind = scorable, "in_process"
    if kind == "complete":
        scores = score_complete_series(pool)
    elif kind == "in_process":
        scores = score_in_process_series(pool, ctx)
    else:
        scores = score_no_valid_doses_series(pool, ctx)
    ranked = sorted(
        zip(scores, pool, strict=True), key=lambda p: (-p[0], p[1].series.series_preference)
    )
    return ranked[0][1]


def select_best_series(runs: list[_SeriesRun], ctx: _Context) -> list[_SeriesRun]:
    """Spec 8.8: one prioritized series per series group, minus redundant ones."""
    if len(runs) == 1:  # a lone series has no equivalent to defer to
        run = select_prioritized_series(runs, ctx)
        if run is None or (run.status != COMPLETE and run.series.series_type == "Evaluation Only"):
            return []
        return [run]
    groups: dict[str, list[_SeriesRun]] = {}
    for run in runs:
        groups.setdefault(run.series.series_group, []).append(run)
    prioritized = {
        g: p for g, members in groups.items() if (p := select_prioritized_series(members, ctx))
    }
    best = []
    for g, run in prioritized.items():
        equivalents = [
            prioritized[e]
            for e in run.series.equivalent_series_groups
            if e != g and e in prioritized
        ]
        if run.status == COMPLETE:
            best.append(run)
            continue
        if any(e.status == COMPLETE for e in equivalents):
            continue
        if run.series.series_type == "Evaluation Only":
            continue
        if run.series.series_type == "Risk":
            best.append(run)
            continue
        if any(e.series.series_type == "Risk" for e in equivalents):
            continue
        best.append(run)
    return best


# ---------------------------------------------------------- antigen driver


def evaluate_antigen(
    antigen: Antigen, records: list[_AntigenDose], ctx: _Context
) -> list[_SeriesRun]:
    """Evaluate and forecast every relevant series of an antigen (spec 4.3–4.4)."""
    assessment = ctx.assessment
    runs = []
    for s in select_relevant_series(ctx.patient, antigen, assessment):
        # Without doses a series cannot be Complete (the one thing other series
        # read of it) and the too-young filter below drops it: skip it now.
        if not records and assessment < _at_age(ctx, s.min_age_to_start, MIN_DATE):
            continue
        evals = [_Eval(r) for r in records] if records else []
        runs.append(_SeriesRun(s, list(s.doses), [NOT_SATISFIED] * len(s.doses), evals))
    # Series referenced by a "Completed Series" skip condition go first; only
    # those groups are ever looked up in runs_by_group.
    referenced = antigen.referenced_series_groups
    ctx.runs_by_group = {}
    ordered = runs
    if referenced:
        for run in runs:
            ctx.runs_by_group.setdefault(run.series.series_group, []).append(run)
        ordered = sorted(runs, key=lambda r: r.series.series_group not in referenced)
    for run in ordered:
        next_target = evaluate_history(run, ctx) if run.evals else 0
        forecast_series(run, next_target, antigen, ctx)
        run.valid_count = run.statuses.count(SATISFIED)
    # A series the patient is still too young to start, with no valid dose in
    # it (e.g. the 50+ pneumococcal series for a child), is not a path being
    # followed yet: keeping it would add an adult forecast to a child's.
    if not records:
        return runs  # already filtered
    return [
        r
        for r in runs
        if r.valid_count or assessment >= _at_age(ctx, r.series.min_age_to_start, MIN_DATE)
    ]


def _antigen_forecast(run: _SeriesRun, antigen: str, evaluations: bool = True) -> AntigenForecast:
    found = (
        tuple(
            [
                DoseEvaluation(
                    ev.record.dose,
                    ev.status or EXTRANEOUS,
                    ev.reason,
                    tuple(ev.trace),
                    antigen,
                    ev.target,
                )
                for ev in run.evals
            ]
        )
        if evaluations
        else ()
    )
    return _new_antigen_forecast(
        antigen,
        run.series.name,
        run.status,
        found,
        run.forecast_dose_number,
        run.earliest,
        run.recommended,
        run.past_due,
        run.latest,
        run.series.series_type,
        run.recommended_vaccines,
    )


# AntigenForecast / GroupForecast built without their generated __init__, which sets
# each field through object.__setattr__ (frozen) and is several times slower; the
# engine makes tens of them per patient. Same fields, so the same objects.
def _new_antigen_forecast(
    antigen: str, series_name: str, status: str, evaluations: tuple[DoseEvaluation, ...],
    forecast_dose_number: int | None, earliest: date | None, recommended: date | None,
    past_due: date | None, latest: date | None, series_type: str,
    recommended_vaccines: tuple[str, ...],
) -> AntigenForecast:
    made = object.__new__(AntigenForecast)
    object.__setattr__(made, "__dict__", {
        "antigen": antigen, "series_name": series_name, "status": status,
        "evaluations": evaluations, "forecast_dose_number": forecast_dose_number,
        "earliest": earliest, "recommended": recommended, "past_due": past_due,
        "latest": latest, "series_type": series_type,
        "recommended_vaccines": recommended_vaccines,
    })
    return made


def _new_group_forecast(
    name: str, status: str, forecast_dose_number: int | None, earliest: date | None,
    recommended: date | None, past_due: date | None, latest: date | None,
    antigens: tuple[AntigenForecast, ...], trace: tuple[TraceEntry, ...],
    recommended_vaccines: tuple[str, ...],
) -> GroupForecast:
    made = object.__new__(GroupForecast)
    object.__setattr__(made, "__dict__", {
        "name": name, "status": status, "forecast_dose_number": forecast_dose_number,
        "earliest": earliest, "recommended": recommended, "past_due": past_due,
        "latest": latest, "antigens": antigens, "trace": trace,
        "recommended_vaccines": recommended_vaccines,
    })
    return made


for _cls, _build in ((AntigenForecast, _new_antigen_forecast),
                     (GroupForecast, _new_group_forecast)):
    # A field added to the class must be added to its builder too.
    assert [f.name for f in fields(_cls)] == list(inspect.signature(_build).parameters)


# ------------------------------------------------------ 9 vaccine groups


_STATUS_PRIORITY = (CONTRAINDICATED, AGED_OUT, NOT_RECOMMENDED, NOT_COMPLETE)


def _group_status(statuses: list[str]) -> str:
    """Spec table 9-4 (also right for a single antigen, SINGLEANTVG-1)."""
    for status in _STATUS_PRIORITY:
        if status in statuses:
            return status
    if statuses and all(s == IMMUNE for s in statuses):
        return IMMUNE
    return COMPLETE


def _min(values: Iterable[date | None]) -> date | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _max(values: Iterable[date | None]) -> date | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def identify_vaccine_group(
    name: str,
    best: dict[str, list[_SeriesRun]],
    ctx: _Context,
    trace: list[TraceEntry],
) -> GroupForecast:
    """Spec chapter 9: merge the best series of the group's antigens."""
    group = ctx.data.vaccine_groups[name]
    runs = []
    forecasts = []
    for a in group.antigens:
        r = _antigen_result(best.get(a))
        if r is not None:
            runs.append((a, r))
            forecasts.append(_antigen_forecast(r, a, ctx.evaluations))
    antigen_forecasts = tuple(forecasts)
    if len(runs) == 1:  # _group_status of one status is that status
        status = runs[0][1].status
        if status not in _STATUS_PRIORITY and status != IMMUNE:
            status = COMPLETE
    else:
        status = _group_status([r.status for _, r in runs]) if runs else NOT_RECOMMENDED
    if status != NOT_COMPLETE:
        return _new_group_forecast(
            name, status, None, None, None, None, None, antigen_forecasts, tuple(trace), ()
        )
    open_runs = [r for _, r in runs if r.status == NOT_COMPLETE]
    if len(group.antigens) <= 1 and len(open_runs) == 1:  # what the steps below give for one
        r = open_runs[0]
        assert r.earliest is not None
        return _new_group_forecast(
            name,
            status,
            r.forecast_dose_number,
            r.earliest,
            max(r.recommended, r.earliest) if r.recommended else r.earliest,
            max(r.past_due, r.earliest) if r.past_due else None,
            r.latest,
            antigen_forecasts,
            tuple(trace),
            tuple(dict.fromkeys(r.recommended_vaccines)),
        )
    if len(group.antigens) <= 1:
        earliest = _min(r.earliest for r in open_runs)
    elif any(_is_priority(r, ctx) for r in open_runs):
        group_cvx = ctx.data.vaccines_of_group.get(name, frozenset())
        last_given = _max(rec.when for rec in ctx.all_records if rec.cvx in group_cvx)
        earliest = _max([_min(r.earliest for r in open_runs), last_given])
    else:
        earliest = _max(r.earliest for r in open_runs)
    assert earliest is not None
    recommended = _max([_min(r.recommended for r in open_runs), earliest])
    past_due_min = _min(r.past_due for r in open_runs)
    past_due = _max([past_due_min, earliest]) if past_due_min else None
    latest = _min(r.latest for r in open_runs)
    vaccines = tuple(dict.fromkeys(v for r in open_runs for v in r.recommended_vaccines))
    numbers = [r.forecast_dose_number for r in open_runs if r.forecast_dose_number is not None]
    number = None
    if numbers:
        number = min(numbers) if group.administer_full_vaccine_group else max(numbers)
    return _new_group_forecast(
        name,
        status,
        number,
        earliest,
        recommended,
        past_due,
        latest,
        antigen_forecasts,
        tuple(trace),
        vaccines,
    )


_ANTIGEN_PREFERENCE = (NOT_COMPLETE, COMPLETE, IMMUNE, CONTRAINDICATED, NOT_RECOMMENDED, AGED_OUT)


def _antigen_result(runs: list[_SeriesRun] | None) -> _SeriesRun | None:
    """One series per antigen when non-equivalent series groups each gave a best series.

    The spec (chapter 9) would issue one vaccine-group forecast per series type;
    the app shows one line per group, so the series still needing a dose wins
    (earliest first), then the most settled status.
    """
    if not runs:
        return None
    if len(runs) == 1:
        return runs[0]
    return min(
        runs,
        key=lambda r: (
            _ANTIGEN_PREFERENCE.index(r.status) if r.status in _ANTIGEN_PREFERENCE else 9,
            r.earliest or MAX_DATE,
        ),
    )


def _is_priority(run: _SeriesRun, ctx: _Context) -> bool:
    """FORECASTPRIORITY-1."""
    if run.current is None:
        return False
    intervals = _forecast_intervals(run.targets[run.current], ctx.assessment)
    return bool(intervals) and all(
        (i.priority or "").lower() in ("override", "y", "yes") for i in intervals
    )


# ------------------------------------------------------------- entry point


def _share_key(
    data: SupportingData, antigen: str, records: list[_AntigenDose]
) -> tuple[object, ...] | None:
    """Equal keys: same antigen data (names aside) and the very same dose records.

    Then evaluation and forecast take the same steps and give the same
    results, but for the antigen and series names (schedule.AntigenShape).
    """
    shape = data.antigen_shapes.get(antigen)
    if shape is None:
        return None
    by_cvx, default = shape.by_cvx, shape.default
    return (
        shape.core,
        tuple(map(id, records)),
        tuple([by_cvx.get(r.cvx, default) for r in records]),
    )


def _renamed(
    source: Antigen, runs: list[_SeriesRun], antigen: Antigen, tracing: bool
) -> list[_SeriesRun]:
    """The best series of a same-shape antigen, carrying `antigen`'s names."""
    out = []
    for run in runs:
        index = next(i for i, s in enumerate(source.series) if s is run.series)
        series = antigen.series[index]
        trace = run.trace
        if tracing:
            names: dict[tuple[str, object], object] = {
                ("antigen", source.name): antigen.name,
                ("series", run.series.name): series.name,
            }
            trace = [
                TraceEntry(e.key, tuple((k, names.get((k, v), v)) for k, v in e.args))
                for e in trace
            ]
        copy = object.__new__(_SeriesRun)
        for slot in _SeriesRun.__slots__:  # a shallow copy; dataclasses.replace is slower
            setattr(copy, slot, getattr(run, slot))
        copy.series, copy.trace = series, trace
        out.append(copy)
    return out


def forecast(
    patient: CdsiPatient,
    doses: Sequence[AdministeredDose],
    assessment_date: date,
    data: SupportingData,
    vaccine_groups: Iterable[str] | None = None,
    *,
    trace: bool = True,
    evaluations: bool = True,
) -> Assessment:
    """Evaluate a patient's history and forecast each requested vaccine group.

    trace=False leaves every explanation trace empty (groups' and doses'), for
    batch runs that only keep statuses and dates; everything else is the same.
    evaluations=False leaves each antigen's dose evaluations empty (the same
    kind of batch runs: a summary reads statuses and dates only).
    """
    # Seasonal campaigns roll over every year: take this date's season.
    data = seasonal_data(data, assessment_date)
    by_antigen, records, history_trace = organize_history(patient, doses, data, trace)
    ctx = _Context(patient, assessment_date, data, records, trace=trace, evaluations=evaluations)
    ctx.has_live_records = any(r.cvx in data.conflicting_vaccines for r in records)
    names = list(vaccine_groups) if vaccine_groups is not None else list(data.vaccine_groups)
    groups: dict[str, GroupForecast] = {}
    # Best series of each antigen already evaluated, by _share_key.
    shared: dict[tuple[object, ...], tuple[Antigen, list[_SeriesRun]]] = {}
    shapes = data.antigen_shapes
    for name in names:
        group = data.vaccine_groups.get(name)
        if group is None:
            raise KeyError(f"unknown vaccine group: {name}")
        best: dict[str, list[_SeriesRun]] = {}
        explained = list(history_trace) if trace else []
        for antigen_name in group.antigens:
            antigen = data.antigens.get(antigen_name)
            if antigen is None:
                continue
            antigen_records = by_antigen.get(antigen_name, [])
            key = None
            if antigen_name in shapes:
                key = _share_key(data, antigen_name, antigen_records)
            done = shared.get(key) if key is not None else None
            if done is not None:
                chosen = _renamed(done[0], done[1], antigen, trace)
            else:
                runs = evaluate_antigen(antigen, antigen_records, ctx)
                chosen = select_best_series(runs, ctx)
                if key is not None:
                    shared[key] = (antigen, chosen)
            best[antigen_name] = chosen
            if trace:
                for run in chosen:
                    explained.append(
                        _trace("best_series", antigen=antigen_name, series=run.series.name)
                    )
                    explained.extend(run.trace)
        groups[name] = identify_vaccine_group(name, best, ctx, explained)
    return Assessment(assessment_date, groups)
