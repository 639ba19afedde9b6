"""Recurring appointments as RRULEs on local wall time (python-dateutil): occurrences,
exception dates, splitting a series, and the horizon up to which they are materialised.

The rule runs on the naive local start (08:00 every day) and each occurrence is then
placed in the zone, so a daily 08:00 visit stays at 08:00 on both sides of a DST change.
A series yields at most one occurrence a day: an occurrence is known by its date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from tsn_desktop.agenda.model import MAX_MINUTES, PARIS, local_instant

HORIZON_DAYS = 120  # occurrences exist this far ahead; the horizon moves on as days pass
DAILY, WEEKLY, MONTHLY = "DAILY", "WEEKLY", "MONTHLY"
FREQUENCIES = (DAILY, WEEKLY, MONTHLY)
_ALLOWED_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "WKST"}
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class InvalidRule(ValueError):
    """A rule this agenda cannot keep: `code` says why (worded by the UI)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Series:
    """A recurring appointment: its first local start (naive wall time), its length, its
    RRULE (without DTSTART), the dates taken out of it, and what each occurrence is."""

    id: str
    start: datetime  # naive, local wall time of the first occurrence
    minutes: int
    rule: str
    zone: str = PARIS
    exdates: frozenset[date] = frozenset()
    type: str = "consultation"
    patient_id: str | None = None
    address: str = ""
    note: str = ""
    fixed_time: bool = False
    todo: str = ""


@dataclass(frozen=True)
class Occurrence:
    day: date  # the occurrence's key in its series
    start: datetime  # UTC
    end: datetime  # UTC


def parts(rule: str) -> dict[str, str]:
    text = rule.strip().removeprefix("RRULE:")
    out: dict[str, str] = {}
    for chunk in filter(None, text.split(";")):
        key, sep, value = chunk.partition("=")
        if not sep or not value:
            raise InvalidRule("syntax")
        out[key.upper()] = value.upper()
    return out


def _text(values: dict[str, str]) -> str:
    order = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "WKST"]
    return ";".join(f"{k}={values[k]}" for k in order if k in values)


def make_rule(freq: str, *, interval: int = 1, count: int | None = None,
              until: date | None = None, weekdays: tuple[int, ...] = ()) -> str:
    """The RRULE of a choice made in the dialog (weekdays: 0 = Monday)."""
    if freq not in FREQUENCIES:
        raise InvalidRule("frequency")
    values = {"FREQ": freq}
    if interval != 1:
        values["INTERVAL"] = str(interval)
    if count is not None and until is not None:
        raise InvalidRule("count_and_until")
    if count is not None:
        values["COUNT"] = str(count)
    if until is not None:
        values["UNTIL"] = until.strftime("%Y%m%dT235959")
    if weekdays:
        values["BYDAY"] = ",".join(_DAYS[d] for d in sorted(set(weekdays)))
    return check_rule(_text(values))


def check_rule(rule: str) -> str:
    """The rule, normalised, or InvalidRule: one occurrence a day at most, a known
    frequency, a positive count and interval."""
    values = parts(rule)
    if set(values) - _ALLOWED_PARTS:
        raise InvalidRule("unsupported")
    if values.get("FREQ") not in FREQUENCIES:
        raise InvalidRule("frequency")
    for key in ("INTERVAL", "COUNT"):
        if key in values and (not values[key].isdigit() or int(values[key]) < 1):
            raise InvalidRule(key.lower())
    if "COUNT" in values and "UNTIL" in values:
        raise InvalidRule("count_and_until")
    text = _text(values)
    try:
        rrulestr(text, dtstart=datetime(2026, 1, 1, 8, 0))
    except (ValueError, TypeError) as exc:
        raise InvalidRule("syntax") from exc
    return text


def validate(series: Series) -> None:
    check_rule(series.rule)
    if series.start.tzinfo is not None:
        raise InvalidRule("aware_start")
    if not 0 < series.minutes <= MAX_MINUTES:
        raise InvalidRule("minutes")
    try:
        ZoneInfo(series.zone)
    except (KeyError, ValueError) as exc:
        raise InvalidRule("zone") from exc


def _rrule(series: Series) -> rrule:
    values = parts(series.rule)
    if "UNTIL" in values and "T" not in values["UNTIL"]:
        values["UNTIL"] += "T235959"
    return rrulestr(_text(values), dtstart=series.start)


def occurrence(series: Series, day: date) -> Occurrence:
    """The occurrence of `day` at the series' wall time, placed in its zone."""
    start = local_instant(day, series.start.time(), series.zone)
    return Occurrence(day, start, start + timedelta(minutes=series.minutes))


def occurrences(series: Series, after: datetime, before: datetime) -> list[Occurrence]:
    """Occurrences starting in [after, before) (UTC), exception dates left out."""
    zone = ZoneInfo(series.zone)
    lo = after.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    hi = before.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    found = []
    for wall in _rrule(series).between(lo, hi, inc=True):
        if wall.date() in series.exdates:
            continue
        item = occurrence(series, wall.date())
        if after <= item.start < before:
            found.append(item)
    return found


def is_finite(series: Series) -> bool:
    values = parts(series.rule)
    return "COUNT" in values or "UNTIL" in values


def days_before(series: Series, day: date) -> int:
    """How many occurrences the rule gives before `day` (exception dates count: COUNT
    counts them too)."""
    limit = datetime.combine(day, time(0))
    return sum(1 for _ in _rrule(series).between(series.start - timedelta(seconds=1), limit,
                                                 inc=False))


def split(series: Series, day: date, new_id: str) -> tuple[Series | None, Series]:
    """"This and the following": the series ends before `day`, a new one (`new_id`)
    starts on `day` with the rest of the rule (a COUNT is shared out). The first part is
    None when `day` is the series' first day."""
    values = parts(series.rule)
    before_count = days_before(series, day)
    tail = dict(values)
    if "COUNT" in values:
        remaining = int(values["COUNT"]) - before_count
        if remaining < 1:
            raise InvalidRule("past_the_end")
        tail["COUNT"] = str(remaining)
    start = datetime.combine(day, series.start.time())
    after = replace(series, id=new_id, start=start, rule=_text(tail),
                    exdates=frozenset(d for d in series.exdates if d >= day))
    if before_count == 0:
        return None, after
    head = dict(values)
    head.pop("COUNT", None)
    head["UNTIL"] = (day - timedelta(days=1)).strftime("%Y%m%dT235959")
    before = replace(series, rule=_text(head),
                     exdates=frozenset(d for d in series.exdates if d < day))
    return before, after


def horizon(now: datetime) -> datetime:
    """How far ahead occurrences are materialised, seen from `now` (UTC)."""
    return (now + timedelta(days=HORIZON_DAYS)).astimezone(UTC)
