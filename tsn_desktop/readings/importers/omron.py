"""Omron Connect CSV, both known layouts: 'Date,Time,Systolic (mmHg)...' with month-name
dates ('Jan 12 2025', '08:12') and 'Measurement Date,SYS(mmHg)...' ('2025/01/12 08:12')."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import IO

from tsn_desktop.readings.importers.common import (
    LineReader,
    cell,
    column,
    local,
    norm,
    number,
    read_device_csv,
)
from tsn_desktop.readings.model import (
    BAD_DATE,
    BAD_NUMBER,
    BLOOD_PRESSURE,
    FLAG_IRREGULAR_PULSE,
    NO_VALUE,
    Reading,
    Rejection,
)

FORMAT = "omron"
_SYSTOLIC = ("systolic(mmhg)", "sys(mmhg)", "systolique", "sys")
_DIASTOLIC = ("diastolic(mmhg)", "dia(mmhg)", "diastolique", "dia")
_PULSE = ("pulse", "pouls")
_IRREGULAR = ("irregularheartbeat", "ihb", "arythmie", "battementirregulier")
# English and French month abbreviations (accents and dots removed by norm()).
_MONTHS = {name: i for i, names in enumerate(
    (("jan", "janv"), ("feb", "fev", "fevr"), ("mar", "mars"), ("apr", "avr"),
     ("may", "mai"), ("jun", "juin"), ("jul", "juil"), ("aug", "aou", "aout"),
     ("sep", "sept"), ("oct",), ("nov",), ("dec",)), start=1) for name in names}


def is_omron(headers: Sequence[str]) -> bool:
    keys = [norm(h) for h in headers]
    return any(k in ("systolic(mmhg)", "sys(mmhg)") for k in keys) and \
        any(k in ("diastolic(mmhg)", "dia(mmhg)") for k in keys)


def _month_date(day: str, clock: str) -> datetime:
    """'Jan 12 2025' (or 'janv. 12 2025') and '08:12'."""
    parts = day.replace(",", " ").split()
    if len(parts) != 3:
        raise ValueError(day)
    month = _MONTHS.get(norm(parts[0]))
    if month is None:
        raise ValueError(day)
    hour, minute = (int(p) for p in clock.strip().split(":")[:2])
    return datetime(int(parts[2]), month, int(parts[1]), hour, minute)


def read_csv(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    return read_device_csv(text, source, is_omron, lambda headers: _line_reader(headers, source))


def _line_reader(headers: list[str], source: str) -> LineReader:
    keys = [norm(h) for h in headers]
    layout_b = "measurementdate" in keys
    date = keys.index("measurementdate") if layout_b else column(headers, "date")
    clock = None if layout_b else column(headers, "time", "heure")
    sys_, dia = column(headers, *_SYSTOLIC), column(headers, *_DIASTOLIC)
    pulse, irregular = column(headers, *_PULSE), column(headers, *_IRREGULAR)

    def read_line(line: int, cells: list[str]) -> Iterator[Reading | Rejection]:
        try:
            when = datetime.strptime(cell(cells, date).strip(), "%Y/%m/%d %H:%M") if layout_b \
                else _month_date(cell(cells, date), cell(cells, clock))
        except ValueError:
            yield Rejection(line, BAD_DATE, source)
            return
        try:
            high, low = number(cell(cells, sys_)), number(cell(cells, dia))
            rate = number(cell(cells, pulse))
        except ValueError:
            yield Rejection(line, BAD_NUMBER, source)
            return
        if high is None or low is None:
            yield Rejection(line, NO_VALUE, source)
            return
        flag = cell(cells, irregular).strip()
        flags = FLAG_IRREGULAR_PULSE if flag and flag not in ("-", "0") else 0
        yield Reading(BLOOD_PRESSURE, local(when), high, low, pulse=rate, flags=flags,
                      original=f"{high:g}/{low:g} mmHg", source=f"{FORMAT}:{source}",
                      line=line, member=source)

    return read_line
