"""Withings "download my data": weight.csv and bp.csv, alone or in the export zip, and
the activity file aggregates_steps.csv (daily steps) inside the zip.

Headers are matched by meaning (English, French, German), not by exact text; rows come
newest first with many empty cells (a scale writes heart rate only rows into bp.csv).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import IO

from tsn_desktop.readings.importers.common import (
    LineReader,
    cell,
    column,
    local,
    number,
    read_device_csv,
)
from tsn_desktop.readings.model import (
    BAD_DATE,
    BAD_NUMBER,
    BLOOD_PRESSURE,
    HEART_RATE,
    NO_VALUE,
    STEPS,
    WEIGHT,
    Reading,
    Rejection,
)

FORMAT = "withings"
_DATE = ("date", "datum")
_WEIGHT = ("weight", "poids", "gewicht")
_HEART = ("heartrate", "frequencecardiaque", "herzfrequenz", "pouls", "puls")
_SYSTOLIC = ("systolic", "systolique", "systolisch")
_DIASTOLIC = ("diastolic", "diastolique", "diastolisch")


def kind_of(headers: Sequence[str]) -> str | None:
    """'weight' or 'bp' when the header is one of Withings' files, else None."""
    if column(headers, *_SYSTOLIC) is not None and column(headers, *_DIASTOLIC) is not None \
            and column(headers, *_HEART) is not None:
        return "bp"
    if column(headers, *_WEIGHT) is not None and column(headers, *_DATE) == 0:
        return "weight"
    return None


STEPS_MEMBER = "aggregates_steps.csv"


def read_steps_csv(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    """aggregates_steps.csv: `date,value`, one row a day; a day's total is put at the
    patient's local midnight (the same place a FHIR daily-steps Observation takes)."""
    def accepts(headers: list[str]) -> bool:
        return column(headers, *_DATE) == 0 and column(headers, "value", "valeur",
                                                         "wert") is not None

    def reader(headers: list[str]) -> LineReader:
        value = column(headers, "value", "valeur", "wert")

        def read_line(line: int, cells: list[str]) -> Iterator[Reading | Rejection]:
            try:
                day = datetime.strptime(cell(cells, 0).strip(), "%Y-%m-%d")
            except ValueError:
                yield Rejection(line, BAD_DATE, source)
                return
            try:
                steps = number(cell(cells, value))
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


def _when(text: str) -> datetime:
    return local(datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S"))


def read_csv(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    """One Withings CSV (weight.csv or bp.csv), streamed row by row."""
    return read_device_csv(text, source, lambda headers: kind_of(headers) is not None,
                           lambda headers: _line_reader(headers, source))


def _line_reader(headers: list[str], source: str) -> LineReader:
    bp = kind_of(headers) == "bp"
    date = column(headers, *_DATE) or 0
    weight = column(headers, *_WEIGHT)
    heart, sys_, dia = (column(headers, *_HEART), column(headers, *_SYSTOLIC),
                        column(headers, *_DIASTOLIC))

    def read_line(line: int, cells: list[str]) -> Iterator[Reading | Rejection]:
        try:
            at = _when(cell(cells, date))
        except ValueError:
            yield Rejection(line, BAD_DATE, source)
            return
        try:
            if not bp:
                kg = number(cell(cells, weight))
                if kg is not None:  # body-composition-only rows carry no weight
                    yield Reading(WEIGHT, at, kg, original=f"{cell(cells, weight)} kg",
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
