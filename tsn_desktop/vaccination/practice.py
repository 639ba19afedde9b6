"""Whole-practice forecast ("who is due this month"), spread over worker processes.

    summaries = forecast_practice(
        ((p.uuid, patient, doses) for ...), today, data, workers=2
    )
    due = due_between(summaries, first_of_month, last_of_month)

`forecast_practice` runs `engine.forecast` for every patient and keeps a
compact `PatientSummary` per patient: for each vaccine group its status,
forecast dose number and earliest / recommended / past-due / latest dates.
The data is sent once to each worker (pool initializer), patients go in
chunks, and only the summaries come back, so little is pickled.

Caching: a forecast only changes when its inputs change.  Store each
summary with the patient's history version and the pack version; the
summary also carries `next_change`, the first date at which the forecast
could differ (`next_change_date`).  On a later day, recompute only the
patients whose history or pack changed, or whose `next_change` is on or before
the new date (`stale`); keep the other summaries as they are.  Every date a
summary holds (earliest, recommended, ...) is an absolute date that does not
move with the assessment date, so `due_between` on a kept summary stays right.

`next_change_date` is conservative: the forecast reads the assessment date
only by comparing it with dates built from the patient and the data (age
limits dob + age, the data's calendar dates such as seasons and effective
dates, "interval" skip conditions dose + interval).  The next change is the
first such date after the assessment date; a summary kept until then is the
one a new forecast would give.

Process pool: spawned workers by default (safe beside Qt threads, and the only
start method on Windows and macOS), so the caller's main module must be
import-safe (`if __name__ == "__main__":`; `multiprocessing.freeze_support()`
in a frozen app).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from operator import attrgetter
from typing import NamedTuple, TypeVar

from tsn_desktop.vaccination.engine import (
    NOT_COMPLETE,
    AdministeredDose,
    Assessment,
    CdsiPatient,
    forecast,
)
from tsn_desktop.vaccination.schedule import Duration, SupportingData, seasonal_data

K = TypeVar("K", bound=Hashable)

ONE_DAY = timedelta(days=1)
_ONE_DAY_DURATION = Duration(days=1, text="1 day")
# Below this many patients, starting worker processes costs more than it saves (measured
# on 2 cores: a pool of 2 takes ~0.6 s to start; 2 workers beat 1 from ~1 000 patients).
MIN_PATIENTS_FOR_POOL = 1000


# Named tuples rather than dataclasses: tens of thousands of them cross the
# process boundary, and tuples pickle several times faster.
class GroupSummary(NamedTuple):
    """What a "who is due" list shows for one vaccine group."""

    status: str
    forecast_dose_number: int | None
    earliest: date | None
    recommended: date | None
    past_due: date | None
    latest: date | None


class PatientSummary(NamedTuple):
    assessment_date: date
    groups: dict[str, GroupSummary]
    next_change: date | None  # recompute on or after this date (next_change_date)


def summarize(assessment: Assessment, next_change: date | None = None) -> PatientSummary:
    return PatientSummary(
        assessment.assessment_date,
        {
            name: GroupSummary(
                g.status, g.forecast_dose_number, g.earliest, g.recommended, g.past_due, g.latest
            )
            for name, g in assessment.groups.items()
        },
        next_change,
    )


def next_change_date(
    assessment: Assessment,
    patient: CdsiPatient,
    doses: Sequence[AdministeredDose],
    data: SupportingData,
) -> date | None:
    """The first date after the assessment date at which the forecast could change.

    Candidates: each age of the data from the date of birth, each calendar
    date of the data, each dose date plus each "interval" skip condition, and
    the forecast's own dates (latest: the day after).  A candidate on the
    assessment date itself means tomorrow, as some limits are exclusive.
    None when nothing can change any more.
    """
    today = assessment.assessment_date
    data = seasonal_data(data, today)  # this season's dates (the end moves to the next one)
    candidates: list[date | None] = _age_candidates(patient.dob, today, data.age_marks)
    candidates += data.date_marks
    for dose in doses:
        candidates += [_plus(dose.date_administered, i) for i in data.skip_interval_marks]
    for group in assessment.groups.values():
        for result in (group, *group.antigens):
            candidates += (result.earliest, result.recommended, result.past_due)
            if result.latest is not None:
                candidates.append(_plus(result.latest, _ONE_DAY_DURATION))  # aged out then
    future = [d for d in candidates if d is not None and d > today]
    if today in candidates:  # a limit "after" today's date moves tomorrow
        future.append(today + ONE_DAY)
    return min(future, default=None)


def _age_candidates(dob: date, today: date, ages: tuple[Duration, ...]) -> list[date | None]:
    """The dates dob + age that next_change_date can pick: the first after today
    and today itself, if there.

    dob + n days / months / years never decreases as n grows (a month end that
    does not exist rolls to the next month's 1st), so within each unit a
    binary search finds them with a few additions instead of one per age.
    """
    runs, others = _age_runs(ages)
    out = [_plus(dob, age) for age in others]
    for run in runs:
        dates: dict[int, date | None] = {}

        def at(i: int, run: tuple[Duration, ...] = run, dates: dict = dates) -> date | None:
            if i not in dates:
                dates[i] = _plus(dob, run[i])
            return dates[i]

        low, high = 0, len(run)  # first index whose date is after today (None: overflow)
        while low < high:
            mid = (low + high) // 2
            d = at(mid)
            if d is None or d > today:
                high = mid
            else:
                low = mid + 1
        if low < len(run):
            out.append(at(low))
        if low > 0:
            out.append(at(low - 1))  # on or before today: counts only if today
    return out


_AGE_RUNS: dict[
    int, tuple[tuple[Duration, ...], tuple[tuple[Duration, ...], ...], list[Duration]]
] = {}


def _age_runs(
    ages: tuple[Duration, ...],
) -> tuple[tuple[tuple[Duration, ...], ...], list[Duration]]:
    """Ages in single-unit runs sorted by amount (years, months, days), and the others."""
    cached = _AGE_RUNS.get(id(ages))
    if cached is not None and cached[0] is ages:
        return cached[1], cached[2]
    by_unit: dict[int, list[tuple[int, Duration]]] = {}
    others: list[Duration] = []
    for age in ages:
        parts = (age.years, age.months, age.days)
        nonzero = [i for i, v in enumerate(parts) if v]
        if len(nonzero) <= 1 and min(parts) >= 0:
            unit = nonzero[0] if nonzero else 2
            by_unit.setdefault(unit, []).append((parts[unit], age))
        else:
            others.append(age)
    runs = tuple(
        tuple(age for _, age in sorted(items, key=lambda p: p[0])) for items in by_unit.values()
    )
    _AGE_RUNS[id(ages)] = (ages, runs, others)
    return runs, others


def _plus(start: date, duration: Duration) -> date | None:
    try:
        return duration.add_to(start)
    except (OverflowError, ValueError):  # beyond year 9999: never reached
        return None


def stale(summary: PatientSummary | None, today: date) -> bool:
    """Whether a kept summary must be recomputed on `today` (history unchanged)."""
    if summary is None:
        return True
    if today < summary.assessment_date:
        return True  # the clock went back: the cached forecast is from the future
    return summary.next_change is not None and today >= summary.next_change


def due_between(
    summaries: dict[K, PatientSummary],
    start: date,
    end: date,
    include_overdue: bool = True,
) -> list[tuple[K, str, GroupSummary]]:
    """Patients with a dose recommended by `end` and still possible on `start`.

    With include_overdue=False, only doses whose recommended date lies within
    [start, end].  Sorted by recommended date, then vaccine group.
    """
    due: list[tuple[K, str, GroupSummary]] = []
    for key, summary in summaries.items():
        for name, g in summary.groups.items():
            if g.status != NOT_COMPLETE or g.recommended is None or g.recommended > end:
                continue
            if not include_overdue and g.recommended < start:
                continue
            if g.latest is not None and g.latest < start:
                continue
            due.append((key, name, g))
    due.sort(key=lambda item: (item[2].recommended, item[1]))
    return due


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pauses the cyclic garbage collector (refcounting still frees everything).

    Reading, forecasting and storing a whole practice make and drop hundreds of
    thousands of small objects, none in a reference cycle; each collection the
    allocations trigger re-scans every object still alive, and at this size
    that costs a tenth or more of the work.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# ------------------------------------------------------------------ workers

_worker_data: SupportingData | None = None
# Every field, in declaration order (the order the constructors take them in).
_DOSE_FIELDS = attrgetter(*(f.name for f in dataclasses.fields(AdministeredDose)))
_PATIENT_FIELDS = attrgetter(*(f.name for f in dataclasses.fields(CdsiPatient)))


def _init_worker(data: SupportingData) -> None:
    global _worker_data
    _worker_data = data
    gc.freeze()  # the data lives as long as the worker: no collection ever scans it


# Patients cross to the workers as plain tuples (every field, in declaration order),
# built back there: the main process, which also feeds and collects every chunk,
# pickles tuples of dates and strings about three times faster than frozen dataclasses.
_Packed = tuple[object, tuple[object, ...], tuple[tuple[object, ...], ...]]


def _pack_items(
    chunk: Sequence[tuple[K, CdsiPatient, Sequence[AdministeredDose]]],
) -> list[_Packed]:
    dose_fields = _DOSE_FIELDS
    return [
        (key, _PATIENT_FIELDS(patient), tuple([dose_fields(d) for d in doses]))
        for key, patient, doses in chunk
    ]


def _forecast_chunk(job: tuple[date, list[_Packed]]) -> list[tuple[K, PatientSummary]]:
    assert _worker_data is not None
    assessment_date, chunk = job
    items = [
        (key, CdsiPatient(*patient), tuple([AdministeredDose(*d) for d in doses]))
        for key, patient, doses in chunk
    ]
    with cyclic_gc_paused():
        return _shared(_summaries(items, assessment_date, _worker_data))  # type: ignore[arg-type]


def _shared(results: list[tuple[K, PatientSummary]]) -> list[tuple[K, PatientSummary]]:
    """The same summaries, equal values as one object (two groups in three repeat
    another's: "Complete", "Aged Out", the same dates): pickle then sends each distinct
    value once per chunk, and the main process unpickles less."""
    seen: dict[object, object] = {}

    def one(value: object) -> object:
        return seen.setdefault(value, value)

    return [
        (
            key,
            PatientSummary(
                one(s.assessment_date),  # type: ignore[arg-type]
                {name: one(g) for name, g in s.groups.items()},  # type: ignore[misc]
                one(s.next_change),  # type: ignore[arg-type]
            ),
        )
        for key, s in results
    ]


def _summaries(
    items: Iterable[tuple[K, CdsiPatient, Sequence[AdministeredDose]]],
    assessment_date: date,
    data: SupportingData,
) -> list[tuple[K, PatientSummary]]:
    out = []
    for key, patient, doses in items:
        # A summary keeps no explanation and no dose evaluation: skip building them.
        assessment = forecast(
            patient, doses, assessment_date, data, trace=False, evaluations=False
        )
        out.append((key, summarize(assessment, next_change_date(assessment, patient, doses, data))))
    return out


class Workers:
    """Worker processes started ahead of `forecast_practice(..., started=...)`.

    Spawning them and loading the data into each takes about half a second;
    started while the practice is being read, that time overlaps the read.
    The caller owns them: `close()` (or `with`) once done.
    """

    def __init__(self, data: SupportingData, workers: int, start_method: str = "spawn") -> None:
        self.data, self.count = data, workers
        context = multiprocessing.get_context(start_method)
        # Returns once the processes are launched; they import and load the data
        # on their own while this process goes on.
        self._pool = context.Pool(workers, initializer=_init_worker, initargs=(data,))

    def imap(self, chunks: Iterable[tuple[date, list[_Packed]]]
             ) -> Iterator[list[tuple[Hashable, PatientSummary]]]:
        return self._pool.imap(_forecast_chunk, chunks)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def forecast_practice(
    patients: Iterable[tuple[K, CdsiPatient, Sequence[AdministeredDose]]],
    assessment_date: date,
    data: SupportingData,
    workers: int | None = None,
    chunk_size: int = 250,
    start_method: str = "spawn",
    progress: Callable[[int, int], None] | None = None,
    started: Workers | None = None,
) -> dict[K, PatientSummary]:
    """Summaries of every patient's forecast, in input order.

    workers=None uses every core, or this process alone for a small practice;
    workers=1 always runs in this process. `progress(done, total)` is called after
    each chunk (patients forecast so far); it may raise to stop the work.
    `started`: worker processes already started for this data (Workers), used
    instead of starting new ones when more than one worker runs; left open.
    """
    items = [(key, patient, tuple(doses)) for key, patient, doses in patients]
    if workers is None:
        workers = (os.cpu_count() or 1) if len(items) >= MIN_PATIENTS_FOR_POOL else 1
    workers = min(workers, len(items))
    report = progress or (lambda _done, _total: None)
    if workers <= 1:
        results: dict[K, PatientSummary] = {}
        step = max(1, min(chunk_size, len(items)))
        for i in range(0, len(items), step):
            with cyclic_gc_paused():  # per chunk: `report` may run anything
                results.update(_summaries(items[i : i + step], assessment_date, data))
            report(len(results), len(items))
        return results
    # Enough chunks per worker to even out the load, few enough to keep the
    # per-chunk pickling overhead small.
    size = max(1, min(chunk_size, -(-len(items) // (workers * 4))))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    jobs = ((assessment_date, _pack_items(chunk)) for chunk in chunks)
    if started is not None and started.data is data:
        pool, owned = started, False
    else:
        pool, owned = Workers(data, workers, start_method), True
    try:
        results = {}
        for part in pool.imap(jobs):
            results.update(part)  # type: ignore[arg-type]
            report(len(results), len(items))
    finally:
        if owned:
            pool.close()
    return results


def due_items(summary: PatientSummary) -> list[tuple[str, GroupSummary]]:
    """The vaccine groups still to give (the due list keeps only these)."""
    return [(name, g) for name, g in summary.groups.items() if g.status == NOT_COMPLETE]
