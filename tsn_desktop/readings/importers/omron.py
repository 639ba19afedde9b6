"""Omron Connect CSV, both known layouts, English, French or German headers: 'Date,Time,
Systolic (mmHg)...' with month-name dates ('Jan 12 2025', '12 janv. 2025') and a clock
('08:12', '8:12 PM'), and 'Measurement Date,SYS(mmHg)...' ('2025/01/12 08:12')."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import IO

from tsn_desktop.readings.importers.common import (
    LineReader,
    cell,
    clock,
    column,
    local,
    moment,
    norm,
    number,
    read_device_csv,
)
from tsn_desktop.readings.importers.common import (
    day as calendar_day,
)
from tsn_desktop.readings.model import (
    BAD_DATE,
    BAD_NUMBER,
    BLOOD_PRESSURE,
    FLAG_BODY_MOVEMENT,
    FLAG_IRREGULAR_PULSE,
    NO_VALUE,
    Reading,
    Rejection,
)

FORMAT = "omron"
_SYSTOLIC = ("systolic(mmhg)", "sys(mmhg)", "systolique", "systolisch", "sistolica", "sys")
_DIASTOLIC = ("diastolic(mmhg)", "dia(mmhg)", "diastolique", "diastolisch", "diastolica",
              "dia")
_PULSE = ("pulse", "pouls", "puls", "pulso", "polso")
_IRREGULAR = ("irregularheartbeat", "ihb", "arythmie", "battementirregulier",
              "rythmecardiaqueirregulier", "unregelmassigerherzschlag")
_MOVEMENT = ("bodymovement", "mov", "mouvement", "korperbewegung")
_LAYOUT_B_DATE = ("measurementdate", "datedemesure", "datedelamesure", "messdatum")
_CLOCK_HEADERS = ("time", "heure", "uhrzeit", "zeit", "hora", "ora")
_NO = ("", "-", "--", "0", "no", "non", "nein", "false", "faux")
# Month names and abbreviations, English, French, German, Spanish, Italian (accents, dots removed
# by norm()); a prefix of three letters or more that names one month is taken too.
_MONTHS = {name: i for i, names in enumerate(
    (("jan", "january", "janv", "janvier", "januar", "ene", "enero", "gen", "gennaio"),
     ("feb", "february", "fev", "fevr", "fevrier", "februar", "febrero", "febbraio"),
     ("mar", "march", "mars", "marz", "maerz", "marzo"),
     ("apr", "april", "avr", "avril", "abr", "abril", "aprile"),
     ("may", "mai", "mayo", "mag", "maggio"),
     ("jun", "june", "juin", "juni", "junio", "giu", "giugno"),
     ("jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio"),
     ("aug", "august", "aou", "aout", "ago", "agosto"),
     ("sep", "sept", "september", "septembre", "septiembre", "set", "settembre"),
     ("oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre"),
     ("nov", "november", "novembre", "noviembre"),
     ("dec", "december", "decembre", "dez", "dezember", "dic", "diciembre", "dicembre")),
    start=1) for name in names}


def _pressure(keys: list[str], names: tuple[str, ...]) -> bool:
    return any(k.startswith(names) and ("(mmhg)" in k or "(kpa)" in k) for k in keys)


def is_omron(headers: Sequence[str]) -> bool:
    """Omron's headers carry the unit on each pressure ('Systolic (mmHg)', 'SYS(mmHg)',
    'Systolique (mmHg)'); Withings' bp.csv says 'Systolic' alone."""
    keys = [norm(h) for h in headers]
    return _pressure(keys, ("sys", "sis")) and _pressure(keys, ("dia",))


def month(word: str) -> int:
    key = norm(word)
    if key in _MONTHS:
        return _MONTHS[key]
    found = {number for name, number in _MONTHS.items() if name.startswith(key)}
    if len(key) < 3 or len(found) != 1:
        raise ValueError(word)
    return found.pop()


def _month_date(day: str, clock_text: str) -> datetime:
    """'Jan 12 2025', 'January 12, 2025', '12 janv. 2025', 'déc. 3 2025' and a clock
    ('08:12', '8:12 PM'); else a numeric date ('2025/01/12')."""
    parts = day.replace(",", " ").split()
    words = [p for p in parts if not p.isdigit()]
    digits = [p for p in parts if p.isdigit()]
    if len(parts) == 3 and len(words) == 1 and len(digits) == 2:
        year_at = next((i for i, d in enumerate(digits) if len(d) == 4), None)
        if year_at is None:
            raise ValueError(day)
        return datetime.combine(date(int(digits[year_at]), month(words[0]),
                                     int(digits[1 - year_at])), clock(clock_text))
    return datetime.combine(calendar_day(day), clock(clock_text))


def read_csv(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    return read_device_csv(text, source, is_omron, lambda headers: _line_reader(headers, source))


def _line_reader(headers: list[str], source: str) -> LineReader:
    when_b = column(headers, *_LAYOUT_B_DATE)
    clock_at = column(headers, *_CLOCK_HEADERS)
    # Layout B: one date-and-time column, no time column.
    layout_b = when_b is not None and clock_at is None
    date_at = when_b if layout_b else column(headers, "date", "datum", "fecha", "data")
    sys_, dia = column(headers, *_SYSTOLIC), column(headers, *_DIASTOLIC)
    pulse = column(headers, *_PULSE)
    irregular, movement = column(headers, *_IRREGULAR), column(headers, *_MOVEMENT)

    def read_line(line: int, cells: list[str]) -> Iterator[Reading | Rejection]:
        try:
            at = moment(cell(cells, date_at)) if layout_b \
                else local(_month_date(cell(cells, date_at), cell(cells, clock_at)))
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
        flags = (FLAG_IRREGULAR_PULSE if _flagged(cell(cells, irregular)) else 0) \
            | (FLAG_BODY_MOVEMENT if _flagged(cell(cells, movement)) else 0)
        yield Reading(BLOOD_PRESSURE, at, high, low, pulse=rate, flags=flags,
                      original=f"{high:g}/{low:g} mmHg", source=f"{FORMAT}:{source}",
                      line=line, member=source)

    return read_line


def _flagged(text: str) -> bool:
    """'Yes', '1', 'x', an icon's name: flagged; '-', 'No', 'Non', empty: not."""
    return norm(text) not in _NO
