"""Withings "download my data": weight.csv and bp.csv, alone or in the export zip, and
the activity file aggregates_steps.csv (daily steps) inside the zip.

Headers are matched by meaning (English, French, German), not by exact text; rows come
newest first with many empty cells (a scale writes heart rate only rows into bp.csv).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time
from typing import IO

from tsn_desktop.readings.importers.common import (
    LineReader,
    cell,
    column,
    finite,
    local,
    moment,
    norm,
    number,
    read_device_csv,
)
from tsn_desktop.readings.model import (
    BAD_DATE,
    BAD_NUMBER,
    BLOOD_PRESSURE,
    HEART_RATE,
    LB_KG,
    NO_VALUE,
    STEPS,
    WEIGHT,
    Reading,
    Rejection,
)

FORMAT = "withings"
_DATE = ("date", "datum", "data", "fecha")
_WEIGHT = ("weight", "poids", "gewicht", "peso")
_MASS_UNITS = ("(kg)", "(lb)", "(lbs)")
_HEART = ("heartrate", "frequencecardiaque", "rythmecardiaque", "herzfrequenz", "pouls",
          "puls", "frecuenciacardiaca", "frequenzacardiaca", "pulso", "polso")
_SYSTOLIC = ("systolic", "systolique", "systolisch", "sistolica")
_DIASTOLIC = ("diastolic", "diastolique", "diastolisch", "diastolica")


def kind_of(headers: Sequence[str]) -> str | None:
    """'weight' or 'bp' when the header is one of Withings' files, else None."""
    if column(headers, *_SYSTOLIC) is not None and column(headers, *_DIASTOLIC) is not None \
            and column(headers, *_HEART) is not None:
        return "bp"
    if _weight_column(headers) is not None and column(headers, *_DATE) == 0:
        return "weight"
    return None


def _weight_column(headers: Sequence[str]) -> int | None:
    """By name (English, French, German, ...), else by place and unit: the real file has
    the weight right after the date, and its header ends in its unit."""
    found = column(headers, *_WEIGHT)
    if found is None and len(headers) > 1 and norm(headers[1]).endswith(_MASS_UNITS):
        found = 1
    return found


STEPS_MEMBER = "aggregates_steps.csv"
# `date,value` in the exports seen; `Date,Steps` in one importer's reading of them.
_STEPS_VALUE = ("value", "valeur", "wert", "steps", "pas", "schritte")


def read_steps_csv(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    """aggregates_steps.csv: `date,value`, one row a day; a day's total is put at the
    patient's local midnight (the same place a FHIR daily-steps Observation takes)."""
    def accepts(headers: list[str]) -> bool:
        return column(headers, *_DATE) == 0 and column(headers, *_STEPS_VALUE) is not None

    def reader(headers: list[str]) -> LineReader:
        value = column(headers, *_STEPS_VALUE)

        def read_line(line: int, cells: list[str]) -> Iterator[Reading | Rejection]:
            try:
                day = datetime.strptime(cell(cells, 0).strip(), "%Y-%m-%d")
            except ValueError:
                yield Rejection(line, BAD_DATE, source)
                return
            try:
                steps = number(cell(cells, value), whole=True)
            except ValueError:
                yield Rejection(line, BAD_NUMBER, source)
                return
            if steps is None:
                yield Rejection(line, NO_VALUE, source)
                return
            yield Reading(STEPS, local(day), steps, original=f"{steps:g} steps",
                          source=f"{FORMAT}:{source}", line=line, member=source)
        return read_line
    return read_device_csv(text, source, accepts, reader)


RAW_STEPS_MEMBER = "raw_tracker_steps.csv"


def _steps_cell(text: str) -> float:
    """A count, or the JSON array of counts of a run of intervals ('[60,60]')."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        parts = [p for p in text[1:-1].split(",") if p.strip()]
        values = [finite(p) for p in parts]
    else:
        count = number(text, whole=True)
        values = [] if count is None else [count]
    if not values or any(v < 0 or v != v for v in values):
        raise ValueError(text)
    return sum(values)


def read_raw_steps_csv(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    """raw_tracker_steps.csv (`start,duration,value`, start with its offset, value a
    count or a JSON array of counts), totalled per day: the local date the start was
    written in (where the patient was), at Paris midnight like every daily total."""
    days: dict[date, float] = defaultdict(float)

    def accepts(headers: list[str]) -> bool:
        return column(headers, "start") is not None and column(headers, "value") is not None

    def reader(headers: list[str]) -> LineReader:
        start, value = column(headers, "start"), column(headers, "value")

        def read_line(line: int, cells: list[str]) -> Iterator[Reading | Rejection]:
            text = cell(cells, start).strip()
            try:
                when = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                yield Rejection(line, BAD_DATE, source)
                return
            try:
                days[when.date()] += _steps_cell(cell(cells, value))
            except ValueError:
                yield Rejection(line, BAD_NUMBER, source)
        return read_line

    yield from read_device_csv(text, source, accepts, reader)
    for when in sorted(days):
        total = round(days[when])
        yield Reading(STEPS, local(datetime.combine(when, time())), total,
                      original=f"{total} steps", source=f"{FORMAT}:{source}", member=source)


def read_csv(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    """One Withings CSV (weight.csv or bp.csv), streamed row by row."""
    return read_device_csv(text, source, lambda headers: kind_of(headers) is not None,
                           lambda headers: _line_reader(headers, source))


def _line_reader(headers: list[str], source: str) -> LineReader:
    bp = kind_of(headers) == "bp"
    date = column(headers, *_DATE) or 0
    weight = _weight_column(headers)
    # The export follows the account's unit setting; ours is kg.
    per_kg = LB_KG if weight is not None and "(lb" in norm(headers[weight]) else 1.0
    unit = "lb" if per_kg != 1.0 else "kg"
    heart, sys_, dia = (column(headers, *_HEART), column(headers, *_SYSTOLIC),
                        column(headers, *_DIASTOLIC))

    def read_line(line: int, cells: list[str]) -> Iterator[Reading | Rejection]:
        try:
            at = moment(cell(cells, date))
        except ValueError:
            yield Rejection(line, BAD_DATE, source)
            return
        try:
            if not bp:
                kg = number(cell(cells, weight))
                if kg is not None:  # body-composition-only rows carry no weight
                    yield Reading(WEIGHT, at, round(kg * per_kg, 3),
                                  original=f"{cell(cells, weight).strip()} {unit}",
                                  source=f"{FORMAT}:{source}", line=line, member=source)
                return
            rate, high, low = (number(cell(cells, heart)), number(cell(cells, sys_)),
                               number(cell(cells, dia)))
        except ValueError:
            yield Rejection(line, BAD_NUMBER, source)
            return
        if high is not None or low is not None:
            if high is None or low is None:
                yield Rejection(line, NO_VALUE, source)
                return
            yield Reading(BLOOD_PRESSURE, at, high, low, pulse=rate,
                          original=f"{high:g}/{low:g} mmHg", source=f"{FORMAT}:{source}",
                          line=line, member=source)
        elif rate is not None:
            yield Reading(HEART_RATE, at, rate, original=f"{rate:g} bpm",
                          source=f"{FORMAT}:{source}", line=line, member=source)

    return read_line
