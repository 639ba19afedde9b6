"""Load CDSi-format supporting data (series, CVX map, vaccine groups) into frozen objects."""

from __future__ import annotations

import calendar
import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

# CDSi "assumed value if empty" bounds (logic spec table 3-4).
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2999, 12, 31)

# The project's extension namespace (resources/schedules/README.md) and the
# pack file of seasonal campaigns it refers to.
TSN_NS = "{urn:tsn-desktop:schedule-ext:1}"
SEASONS_FILE = "seasons.json"

_DURATION_TERM = re.compile(r"([+-])?\s*(\d+)\s*(year|month|week|day)s?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Duration:
    """An age or interval such as "6 months - 4 days" (logic spec 3.4, CALCDT-1..6)."""

    years: int = 0
    months: int = 0
    days: int = 0  # weeks are folded into days (CALCDT-3)
    text: str = ""

    def add_to(self, start: date) -> date:
        return _add(start, self.years, self.months, self.days)

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=1 << 16)
def _add(start: date, years: int, months: int, days: int) -> date:
    # CALCDT-6: years first, then months, then days; CALCDT-5: an impossible
    # date rolls forward to the first day of the next month.
    d = start
    if years:
        d = _shift_months(d, 12 * years)
    if months:
        d = _shift_months(d, months)
    if days:
        d = date.fromordinal(d.toordinal() + days)
    return d


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    day = d.day
    # A table instead of calendar.monthrange (hot: dob + age for every patient).
    if day <= _MONTH_DAYS[month] or (day == 29 and month == 2 and calendar.isleap(year)):
        return date(year, month, day)
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


# One Duration per text: the data repeats a few dozen ages and intervals over
# a thousand fields, and the engine caches dob + age by Duration object.
_DURATIONS: dict[str, Duration] = {}


def parse_duration(text: str | None) -> Duration | None:
    """Parse "4 weeks - 4 days", "19 years"...; empty text means absent (None)."""
    if text is None:
        return None
    text = text.strip()
    if not text or text.lower() in ("n/a", "na"):
        return None
    known = _DURATIONS.get(text)
    if known is None:
        known = _DURATIONS[text] = _parse_duration(text)
    return known


def _parse_duration(text: str) -> Duration:
    years = months = days = 0
    found = False
    for sign, amount, unit in _DURATION_TERM.findall(text):
        found = True
        value = -int(amount) if sign == "-" else int(amount)
        unit = unit.lower()
        if unit == "year":
            years += value
        elif unit == "month":
            months += value
        elif unit == "week":
            days += 7 * value
        else:
            days += value
    if not found:
        raise ValueError(f"unreadable duration: {text!r}")
    return Duration(years, months, days, text)


def parse_date(text: str | None) -> date | None:
    """Supporting-data dates come as YYYYMMDD or MM/DD/YYYY."""
    if text is None:
        return None
    text = text.strip()
    if not text or text.lower() in ("n/a", "na"):
        return None
    if "/" in text:
        month, day, year = (int(p) for p in text.split("/"))
        return date(year, month, day)
    if "-" in text:
        return date.fromisoformat(text)
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


# ---------------------------------------------------------------- antigen data


@dataclass(frozen=True, slots=True)
class AgeRule:
    abs_min_age: Duration | None
    min_age: Duration | None
    earliest_rec_age: Duration | None
    latest_rec_age: Duration | None
    max_age: Duration | None
    effective_date: date | None
    cessation_date: date | None


@dataclass(frozen=True, slots=True)
class IntervalRule:
    """A preferable interval, or an allowable one (then only abs_min_int is set)."""

    from_previous: bool
    from_target_dose: int | None
    from_most_recent: frozenset[str]
    from_relevant_obs: str | None
    abs_min_int: Duration | None
    min_int: Duration | None
    earliest_rec_int: Duration | None
    latest_rec_int: Duration | None
    priority: str | None
    effective_date: date | None
    cessation_date: date | None


@dataclass(frozen=True, slots=True)
class VaccineRule:
    """A preferable or allowable vaccine of a series dose."""

    vaccine_type: str
    cvx: str
    begin_age: Duration | None
    end_age: Duration | None
    trade_name: str | None = None
    mvx: str | None = None
    volume: str | None = None
    forecast_vaccine_type: bool = False


@dataclass(frozen=True, slots=True)
class SkipCondition:
    condition_id: str
    condition_type: str  # normalised lower case: "age", "interval", "vaccine count by age"...
    start_date: date | None
    end_date: date | None
    begin_age: Duration | None
    end_age: Duration | None
    interval: Duration | None
    dose_count: int | None
    dose_type: str | None  # "valid" or "total"
    dose_count_logic: str | None  # "greater than", "equal to", "less than"
    vaccine_types: frozenset[str]
    series_groups: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SkipSet:
    set_id: str
    description: str
    effective_date: date | None
    cessation_date: date | None
    condition_logic: str  # "AND" / "OR"
    conditions: tuple[SkipCondition, ...]


@dataclass(frozen=True, slots=True)
class ConditionalSkip:
    context: str  # "Evaluation", "Forecast", "Both"
    set_logic: str  # "AND" / "OR"
    sets: tuple[SkipSet, ...]


@dataclass(frozen=True, slots=True)
class SeriesDose:
    dose_number: int
    ages: tuple[AgeRule, ...]
    intervals: tuple[IntervalRule, ...]
    allowable_intervals: tuple[IntervalRule, ...]
    preferable_vaccines: tuple[VaccineRule, ...]
    allowable_vaccines: tuple[VaccineRule, ...]
    inadvertent_vaccines: frozenset[str]
    conditional_skips: tuple[ConditionalSkip, ...]
    recurring: bool
    seasonal_start: date | None
    seasonal_end: date | None
    preferable_by_cvx: dict[str, tuple[VaccineRule, ...]] = field(
        default_factory=dict, compare=False, hash=False
    )
    # Conditional skips usable when evaluating (context Evaluation/Both) and
    # when forecasting (Forecast/Both), split once at load time.
    evaluation_skips: tuple[ConditionalSkip, ...] = field(default=(), compare=False)
    forecast_skips: tuple[ConditionalSkip, ...] = field(default=(), compare=False)
    allowable_by_cvx: dict[str, tuple[VaccineRule, ...]] = field(
        default_factory=dict, compare=False, hash=False
    )
    # Seasonal campaign (seasons.json) whose current season replaces the
    # seasonal dates and the "Vaccine Count by Date" windows (tsn:season).
    campaign: str | None = None


@dataclass(frozen=True, slots=True)
class Indication:
    observation_code: str
    text: str
    description: str
    begin_age: Duration | None
    end_age: Duration | None


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    antigen: str
    vaccine_group: str
    series_type: str  # "Standard", "Risk", "Evaluation Only"
    equivalent_series_groups: tuple[str, ...]
    required_genders: frozenset[str]  # empty = any; values "F", "M", "U"
    default_series: bool
    product_path: bool
    series_group_name: str
    series_group: str
    series_priority: str
    series_preference: int
    min_age_to_start: Duration | None
    max_age_to_start: Duration | None
    indications: tuple[Indication, ...]
    doses: tuple[SeriesDose, ...]
    # Birth cohort the series is for (tsn:birthCohort; CDSi has no such
    # criterion): born before / on or after these dates.  None: anyone.
    born_before: date | None = None
    born_on_or_after: date | None = None


@dataclass(frozen=True, slots=True)
class Immunity:
    clinical_history_codes: frozenset[str]
    birth_date: date | None
    birth_country: str | None
    exclusion_codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Contraindication:
    observation_code: str
    title: str
    text: str
    begin_age: Duration | None
    end_age: Duration | None
    # Empty for an antigen (vaccine-group) contraindication; else (cvx, begin, end).
    vaccines: tuple[tuple[str, Duration | None, Duration | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Antigen:
    name: str
    series: tuple[Series, ...]
    immunity: Immunity
    antigen_contraindications: tuple[Contraindication, ...]
    vaccine_contraindications: tuple[Contraindication, ...]
    # Series groups named by a "Completed Series" conditional skip: the engine
    # evaluates them first.
    referenced_series_groups: frozenset[str] = frozenset()


# --------------------------------------------------------------- schedule data


@dataclass(frozen=True, slots=True)
class AntigenAssociation:
    antigen: str
    begin_age: Duration | None
    end_age: Duration | None


@dataclass(frozen=True, slots=True)
class VaccineProduct:
    """One entry of the CVX-to-antigen map (a CVX or a data-pack product code)."""

    cvx: str
    description: str
    associations: tuple[AntigenAssociation, ...]


@dataclass(frozen=True, slots=True)
class VaccineGroup:
    name: str
    administer_full_vaccine_group: bool
    antigens: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LiveVirusConflict:
    previous_cvx: str
    current_cvx: str
    begin_interval: Duration | None
    min_end_interval: Duration | None
    end_interval: Duration | None


@dataclass(frozen=True, slots=True)
class Observation:
    code: str
    title: str
    group: str
    indication_text: str
    contraindication_text: str


@dataclass(frozen=True, slots=True)
class SupportingData:
    antigens: dict[str, Antigen]
    vaccines: dict[str, VaccineProduct]  # by CVX / product code
    vaccine_groups: dict[str, VaccineGroup]
    live_virus_conflicts: tuple[LiveVirusConflict, ...]
    observations: dict[str, Observation]
    # Pre-built indexes for the engine's hot loops.
    conflicts_by_current: dict[str, tuple[LiveVirusConflict, ...]] = field(
        default_factory=dict, compare=False, hash=False
    )
    group_of_antigen: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Vaccines (CVX / product codes) containing an antigen of each vaccine group.
    vaccines_of_group: dict[str, frozenset[str]] = field(
        default_factory=dict, compare=False, hash=False
    )
    # Every vaccine that can be the earlier dose of a live-virus conflict.
    conflicting_vaccines: frozenset[str] = frozenset()
    # What a forecast's outcome can turn on as the assessment date moves (see
    # practice.next_change_date): every age in the data (dob + age), every
    # calendar date in it, and the "interval" skip conditions (dose + interval).
    age_marks: tuple[Duration, ...] = ()
    date_marks: tuple[date, ...] = ()
    skip_interval_marks: tuple[Duration, ...] = ()
    # Antigens whose data differ only by names (Diphtheria / Tetanus / Polio,
    # Measles / Mumps / Rubella) give the same results for the same doses: the
    # engine evaluates such an antigen once per patient (see `antigen_shapes`).
    antigen_shapes: dict[str, AntigenShape] = field(default_factory=dict, compare=False, hash=False)
    # Seasonal campaigns by id (seasons.json); `seasonal_data` resolves them
    # for an assessment date (cached there, per set of seasons).
    campaigns: dict[str, Campaign] = field(default_factory=dict, compare=False, hash=False)
    resolved_seasons: dict[tuple[Season, ...], SupportingData] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    # The same, by assessment date: one lookup per forecast of the day.
    resolved_dates: dict[date, SupportingData] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )


# ----------------------------------------------------------- seasonal campaigns


@dataclass(frozen=True, slots=True)
class Season:
    """One season of a campaign: doses are recommended from `start` to `end`, and a
    dose given from `counts_from` until (excluded) `counts_until` counts for it."""

    campaign: str
    label: str  # "2026-2027", or "2026" for a season within one year
    start: date
    end: date
    counts_from: date
    counts_until: date


@dataclass(frozen=True, slots=True)
class Campaign:
    """A seasonal campaign that rolls over every year by rule (month-day dates);
    `exact` holds the published dates of given seasons, by their start year."""

    id: str
    title: str
    start: tuple[int, int]  # (month, day)
    end: tuple[int, int]
    counts_from: tuple[int, int]
    exact: dict[int, tuple[date, date]] = field(default_factory=dict, compare=False, hash=False)
    source: str = ""

    def _bounds(self, year: int) -> tuple[date, date, date]:
        exact = self.exact.get(year)
        if exact is not None:
            start, end = exact
        else:
            start = _month_day(year, self.start)
            end_year = year if self.end >= self.start else year + 1
            end = _month_day(end_year, self.end)
        return start, end, min(_month_day(year, self.counts_from), start)

    def season(self, year: int) -> Season:
        """The season starting in `year`."""
        start, end, counts_from = self._bounds(year)
        counts_until = self._bounds(year + 1)[2]
        label = f"{year}-{year + 1}" if end.year > start.year else str(year)
        return Season(self.id, label, start, end, counts_from, counts_until)

    def season_for(self, on: date) -> Season:
        """The season a forecast on `on` is about: the current one until its end,
        then the next one (a dose of an earlier season never counts for it)."""
        for year in (on.year - 1, on.year, on.year + 1):
            season = self.season(year)
            if season.end >= on:
                return season
        return self.season(on.year + 1)  # unreachable: a season ends within 2 years


def _month_day(year: int, md: tuple[int, int]) -> date:
    month, day = md
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _parse_month_day(text: object, where: str) -> tuple[int, int]:
    try:
        month, day = (int(p) for p in str(text).split("-"))
        date(2024, month, day)  # a leap year: 02-29 is accepted, rolled to 28 elsewhere
    except (ValueError, TypeError):
        raise ValueError(f"{where}: {text!r} is not a month-day such as 10-15") from None
    return month, day


def parse_campaigns(raw: object, where: str = SEASONS_FILE) -> dict[str, Campaign]:
    """The campaigns of a seasons.json document (see resources/schedules/README.md)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("campaigns"), dict):
        raise ValueError(f"{where}: expected an object with a 'campaigns' object")
    out: dict[str, Campaign] = {}
    for cid, c in raw["campaigns"].items():
        here = f"{where}: campaign {cid}"
        if not isinstance(c, dict) or not isinstance(c.get("rule"), dict):
            raise ValueError(f"{here}: a 'rule' object is required")
        rule = c["rule"]
        exact: dict[int, tuple[date, date]] = {}
        for label, dates in (c.get("seasons") or {}).items():
            try:
                start, end = date.fromisoformat(dates["start"]), date.fromisoformat(dates["end"])
            except (KeyError, TypeError, ValueError):
                raise ValueError(f"{here}, season {label}: start and end dates "
                                 "(YYYY-MM-DD) are required") from None
            if end < start:
                raise ValueError(f"{here}, season {label}: end before start")
            exact[start.year] = (start, end)
        out[str(cid)] = Campaign(
            id=str(cid), title=str(c.get("title", "")),
            start=_parse_month_day(rule.get("start"), here),
            end=_parse_month_day(rule.get("end"), here),
            counts_from=_parse_month_day(rule.get("counts_from", rule.get("start")), here),
            exact=exact, source=str(c.get("source", "")),
        )
    return out


def _seasonal_dose(dose: SeriesDose, season: Season) -> SeriesDose:
    def window(c: SkipCondition) -> SkipCondition:
        if c.condition_type != "vaccine count by date":
            return c
        return dataclasses.replace(c, start_date=season.counts_from, end_date=season.counts_until)

    skips = tuple(
        dataclasses.replace(k, sets=tuple(
            dataclasses.replace(st, conditions=tuple(window(c) for c in st.conditions))
            for st in k.sets))
        for k in dose.conditional_skips
    )
    return dataclasses.replace(
        dose, seasonal_start=season.start, seasonal_end=season.end, conditional_skips=skips,
        evaluation_skips=tuple(k for k in skips if k.context in ("Evaluation", "Both")),
        forecast_skips=tuple(k for k in skips if k.context in ("Forecast", "Both")),
    )


def seasonal_data(data: SupportingData, on: date) -> SupportingData:
    """The data with each campaign's season for an assessment on `on` in place of
    the seasonal dates written in the XML (the data itself when it has none)."""
    if not data.campaigns:
        return data
    found = data.resolved_dates.get(on)
    if found is not None:
        return found
    if len(data.resolved_dates) > 4096:  # a practice's forecasts use a few dates
        data.resolved_dates.clear()
    found = data.resolved_dates[on] = _resolve_seasons(data, on)
    return found


def _resolve_seasons(data: SupportingData, on: date) -> SupportingData:
    seasons = {cid: c.season_for(on) for cid, c in data.campaigns.items()}
    key = tuple(seasons[k] for k in sorted(seasons))
    found = data.resolved_seasons.get(key)
    if found is not None:
        return found
    antigens: dict[str, Antigen] = {}
    for name, antigen in data.antigens.items():
        if not any(d.campaign in seasons for s in antigen.series for d in s.doses):
            antigens[name] = antigen
            continue
        antigens[name] = dataclasses.replace(antigen, series=tuple(
            dataclasses.replace(s, doses=tuple(
                _seasonal_dose(d, seasons[d.campaign]) if d.campaign in seasons else d
                for d in s.doses))
            for s in antigen.series))
    age_marks, date_marks, skip_interval_marks = _marks(antigens, data.vaccines)
    # A seasonal antigen is no longer the twin of another: it is evaluated on
    # its own; the others keep their shapes (recomputing them all is slow).
    changed = {n for n, a in antigens.items() if a is not data.antigens[n]}
    shapes = {n: sh for n, sh in data.antigen_shapes.items() if n not in changed}
    found = dataclasses.replace(
        data, antigens=antigens, age_marks=age_marks, date_marks=date_marks,
        skip_interval_marks=skip_interval_marks, antigen_shapes=shapes,
        campaigns={}, resolved_seasons={}, resolved_dates={},
    )
    if len(data.resolved_seasons) > 256:  # a few seasons a year: never grows much
        data.resolved_seasons.clear()
    data.resolved_seasons[key] = found
    return found


@dataclass(frozen=True, slots=True)
class AntigenShape:
    """What an antigen's evaluation depends on, names aside, as interned ids.

    `core` covers every field the engine reads except the antigen and series
    names and the rules it only looks up by a dose's vaccine code (allowable
    vaccines, inadvertent vaccines), which `by_cvx` covers code by code
    (`default` for a code without such rules).  Two antigens with the same
    core, and the same `by_cvx` id for each vaccine of identical doses, are
    evaluated identically except for the names the results carry.
    """

    core: int
    by_cvx: dict[str, int]
    default: int


# Fields the engine reads only by a dose's vaccine code, or never (names).
_NAME_FIELDS = {"name", "antigen"}
_BY_CVX_FIELDS = {"allowable_vaccines", "allowable_by_cvx", "inadvertent_vaccines"}


def _shape(value: object, skip: frozenset[str] = frozenset()) -> object:
    """A hashable structural copy of supporting data, leaving out the `skip` fields."""
    if isinstance(value, (Antigen, Series, SeriesDose)):
        omit = skip | _NAME_FIELDS if not isinstance(value, SeriesDose) else skip
        return (type(value).__name__,) + tuple(
            (f, _shape(getattr(value, f), skip))
            for f in value.__dataclass_fields__
            if f not in omit
        )
    if isinstance(value, (tuple, list)):
        return tuple(_shape(v, skip) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _shape(v, skip)) for k, v in value.items()))
    if isinstance(value, frozenset):
        return tuple(sorted(value))
    # Remaining values (Duration, rules, dates, strings) are frozen and compare
    # by value, their text included, so that traces come out the same.
    return (type(value).__name__, value)


def _antigen_shapes(antigens: dict[str, Antigen]) -> dict[str, AntigenShape]:
    ids: dict[object, int] = {}

    def intern(shape: object) -> int:
        return ids.setdefault(shape, len(ids))

    shapes = {}
    for name, antigen in antigens.items():
        doses = [d for s in antigen.series for d in s.doses]
        codes = {c for d in doses for c in (*d.allowable_by_cvx, *d.inadvertent_vaccines)}

        def by_cvx(code: str | None, doses: list[SeriesDose] = doses) -> int:
            return intern(
                tuple(
                    (
                        _shape(d.allowable_by_cvx.get(code, ())) if code else (),
                        code in d.inadvertent_vaccines,
                    )
                    for d in doses
                )
            )

        shapes[name] = AntigenShape(
            core=intern(_shape(antigen, frozenset(_BY_CVX_FIELDS))),
            by_cvx={c: by_cvx(c) for c in codes},
            default=by_cvx(None),
        )
    # Only antigens with a same-core twin can share an evaluation.
    cores = [shape.core for shape in shapes.values()]
    return {name: shape for name, shape in shapes.items() if cores.count(shape.core) > 1}


# --------------------------------------------------------------------- parsing


def _local(tag: str) -> str | None:
    """Tag without namespace; None for namespaced (extension) elements we ignore."""
    if not isinstance(tag, str) or tag.startswith("{"):
        return None
    return tag


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) == name]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    for c in element:
        if _local(c.tag) == name:
            return c
    return None


def _section(element: ET.Element, name: str) -> ET.Element:
    found = _child(element, name)
    return found if found is not None else ET.Element(name)


def _text(element: ET.Element | None, name: str) -> str:
    if element is None:
        return ""
    c = _child(element, name)
    if c is None or c.text is None:
        return ""
    return " ".join(c.text.split())


def _opt(element: ET.Element | None, name: str) -> str | None:
    value = _text(element, name)
    return value if value and value.lower() not in ("n/a", "na") else None


def _codes(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.replace(",", ";").split(";") if p.strip())


def _yes(text: str) -> bool:
    return text.strip().lower() in ("y", "yes", "true")


def _dose_number(text: str) -> int:
    digits = re.findall(r"\d+", text)
    return int(digits[0]) if digits else 0


def _parse_age(e: ET.Element) -> AgeRule:
    return AgeRule(
        parse_duration(_text(e, "absMinAge")),
        parse_duration(_text(e, "minAge")),
        parse_duration(_text(e, "earliestRecAge")),
        parse_duration(_text(e, "latestRecAge")),
        parse_duration(_text(e, "maxAge")),
        parse_date(_text(e, "effectiveDate")),
        parse_date(_text(e, "cessationDate")),
    )


def _parse_interval(e: ET.Element) -> IntervalRule | None:
    if not len(e):
        return None
    target = _opt(e, "fromTargetDose")
    obs = _child(e, "fromRelevantObs")
    obs_code = _opt(obs, "code") if obs is not None and len(obs) else _opt(e, "fromRelevantObs")
    return IntervalRule(
        from_previous=_yes(_text(e, "fromPrevious")),
        from_target_dose=int(target) if target else None,
        from_most_recent=_codes(_text(e, "fromMostRecent")),
        from_relevant_obs=obs_code,
        abs_min_int=parse_duration(_text(e, "absMinInt")),
        min_int=parse_duration(_text(e, "minInt")),
        earliest_rec_int=parse_duration(_text(e, "earliestRecInt")),
        latest_rec_int=parse_duration(_text(e, "latestRecInt")),
        priority=_opt(e, "intervalPriority"),
        effective_date=parse_date(_text(e, "effectiveDate")),
        cessation_date=parse_date(_text(e, "cessationDate")),
    )


def _parse_vaccine(e: ET.Element) -> VaccineRule | None:
    cvx = _text(e, "cvx")
    if not cvx:
        return None
    return VaccineRule(
        vaccine_type=_text(e, "vaccineType"),
        cvx=cvx,
        begin_age=parse_duration(_text(e, "beginAge")),
        end_age=parse_duration(_text(e, "endAge")),
        trade_name=_opt(e, "tradeName"),
        mvx=_opt(e, "mvx"),
        volume=_opt(e, "volume"),
        forecast_vaccine_type=_yes(_text(e, "forecastVaccineType")),
    )


def _parse_condition(e: ET.Element) -> SkipCondition:
    count = _opt(e, "doseCount")
    groups = _text(e, "seriesGroups")
    return SkipCondition(
        condition_id=_text(e, "conditionID"),
        condition_type=_text(e, "conditionType").lower(),
        start_date=parse_date(_text(e, "startDate")),
        end_date=parse_date(_text(e, "endDate")),
        begin_age=parse_duration(_text(e, "beginAge")),
        end_age=parse_duration(_text(e, "endAge")),
        interval=parse_duration(_text(e, "interval")),
        dose_count=int(count) if count else None,
        dose_type=(_opt(e, "doseType") or "").lower() or None,
        dose_count_logic=(_opt(e, "doseCountLogic") or "").lower() or None,
        vaccine_types=_codes(_text(e, "vaccineTypes")),
        series_groups=tuple(sorted(_codes(groups))),
    )


def _parse_skip(e: ET.Element) -> ConditionalSkip | None:
    sets = tuple(
        SkipSet(
            set_id=_text(s, "setID"),
            description=_text(s, "setDescription"),
            effective_date=parse_date(_text(s, "effectiveDate")),
            cessation_date=parse_date(_text(s, "cessationDate")),
            condition_logic=(_opt(s, "conditionLogic") or "AND").upper(),
            conditions=tuple(_parse_condition(c) for c in _children(s, "condition")),
        )
        for s in _children(e, "set")
    )
    if not sets:
        return None
    return ConditionalSkip(
        context=_text(e, "context") or "Both",
        set_logic=(_opt(e, "setLogic") or "OR").upper(),
        sets=sets,
    )


def _index(rules: tuple[VaccineRule, ...]) -> dict[str, tuple[VaccineRule, ...]]:
    index: dict[str, list[VaccineRule]] = {}
    for rule in rules:
        index.setdefault(rule.cvx, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def _parse_series_dose(e: ET.Element) -> SeriesDose:
    preferable = tuple(
        v for v in (_parse_vaccine(c) for c in _children(e, "preferableVaccine")) if v
    )
    allowable = tuple(v for v in (_parse_vaccine(c) for c in _children(e, "allowableVaccine")) if v)
    seasonal = _child(e, "seasonalRecommendation")
    skips = tuple(s for s in (_parse_skip(c) for c in _children(e, "conditionalSkip")) if s)
    return SeriesDose(
        dose_number=_dose_number(_text(e, "doseNumber")),
        ages=tuple(_parse_age(a) for a in _children(e, "age")),
        intervals=tuple(
            i for i in (_parse_interval(c) for c in _children(e, "interval")) if i is not None
        ),
        allowable_intervals=tuple(
            i
            for i in (_parse_interval(c) for c in _children(e, "allowableInterval"))
            if i is not None
        ),
        preferable_vaccines=preferable,
        allowable_vaccines=allowable,
        inadvertent_vaccines=frozenset(
            _text(c, "cvx") for c in _children(e, "inadvertentVaccine") if _text(c, "cvx")
        ),
        conditional_skips=skips,
        recurring=_yes(_text(e, "recurringDose")),
        seasonal_start=parse_date(_text(seasonal, "startDate")),
        seasonal_end=parse_date(_text(seasonal, "endDate")),
        preferable_by_cvx=_index(preferable),
        allowable_by_cvx=_index(allowable),
        evaluation_skips=tuple(k for k in skips if k.context in ("Evaluation", "Both")),
        forecast_skips=tuple(k for k in skips if k.context in ("Forecast", "Both")),
        campaign=_campaign_of(e),
    )


def _campaign_of(e: ET.Element) -> str | None:
    season = e.find(f"{TSN_NS}season")
    return (season.get("campaign") or None) if season is not None else None


_GENDERS = {"female": "F", "male": "M", "unknown": "U", "f": "F", "m": "M", "u": "U"}


def _parse_series(e: ET.Element, antigen: str) -> Series:
    select = _child(e, "selectSeries")
    preference = _opt(select, "seriesPreference")
    indications = []
    for ind in _children(e, "indication"):
        obs = _child(ind, "observationCode")
        code = _text(obs, "code") if obs is not None else ""
        if not code:
            continue
        indications.append(
            Indication(
                observation_code=code,
                text=_text(obs, "text"),
                description=_text(ind, "description"),
                begin_age=parse_duration(_text(ind, "beginAge")),
                end_age=parse_duration(_text(ind, "endAge")),
            )
        )
    genders = frozenset(
        _GENDERS.get(_text_of(g).lower(), _text_of(g))
        for g in _children(e, "requiredGender")
        if _text_of(g)
    )
    return Series(
        name=_text(e, "seriesName"),
        antigen=_text(e, "targetDisease") or antigen,
        vaccine_group=_text(e, "vaccineGroup"),
        series_type=_text(e, "seriesType") or "Standard",
        equivalent_series_groups=tuple(sorted(_codes(_text(e, "equivalentSeriesGroups")))),
        required_genders=genders,
        default_series=_yes(_text(select, "defaultSeries")),
        product_path=_yes(_text(select, "productPath")),
        series_group_name=_text(select, "seriesGroupName"),
        series_group=_text(select, "seriesGroup"),
        series_priority=_text(select, "seriesPriority") or "A",
        series_preference=int(preference) if preference else 1,
        min_age_to_start=parse_duration(_text(select, "minAgeToStart")),
        max_age_to_start=parse_duration(_text(select, "maxAgeToStart")),
        indications=tuple(indications),
        doses=tuple(_parse_series_dose(d) for d in _children(e, "seriesDose")),
        born_before=_cohort_date(e, "bornBefore"),
        born_on_or_after=_cohort_date(e, "bornOnOrAfter"),
    )


def _cohort_date(e: ET.Element, attribute: str) -> date | None:
    cohort = e.find(f"{TSN_NS}birthCohort")
    text = cohort.get(attribute) if cohort is not None else None
    return date.fromisoformat(text) if text else None


def _text_of(e: ET.Element) -> str:
    return " ".join((e.text or "").split())


def _parse_immunity(e: ET.Element | None) -> Immunity:
    if e is None:
        return Immunity(frozenset(), None, None, frozenset())
    history = frozenset(
        _text(c, "guidelineCode")
        for c in _children(e, "clinicalHistory")
        if _text(c, "guidelineCode")
    )
    birth = _child(e, "dateOfBirth")
    exclusions = frozenset(
        _text(x, "exclusionCode")
        for x in (_children(birth, "exclusion") if birth is not None else [])
    )
    return Immunity(
        clinical_history_codes=history,
        birth_date=parse_date(_text(birth, "immunityBirthDate")),
        birth_country=_opt(birth, "birthCountry"),
        exclusion_codes=frozenset(c for c in exclusions if c),
    )


def _parse_contraindications(
    e: ET.Element | None,
) -> tuple[tuple[Contraindication, ...], tuple[Contraindication, ...]]:
    if e is None:
        return (), ()
    group: list[Contraindication] = []
    vaccine: list[Contraindication] = []
    for section in _children(e, "vaccineGroup"):
        for c in _children(section, "contraindication"):
            group.append(
                Contraindication(
                    observation_code=_text(c, "observationCode"),
                    title=_text(c, "observationTitle"),
                    text=_text(c, "contraindicationText"),
                    begin_age=parse_duration(_text(c, "beginAge")),
                    end_age=parse_duration(_text(c, "endAge")),
                )
            )
    for section in _children(e, "vaccine"):
        for c in _children(section, "contraindication"):
            vaccines = tuple(
                (
                    _text(v, "cvx"),
                    parse_duration(_text(v, "beginAge")),
                    parse_duration(_text(v, "endAge")),
                )
                for v in _children(c, "contraindicatedVaccine")
            )
            vaccine.append(
                Contraindication(
                    observation_code=_text(c, "observationCode"),
                    title=_text(c, "observationTitle"),
                    text=_text(c, "contraindicationText"),
                    begin_age=None,
                    end_age=None,
                    vaccines=vaccines,
                )
            )
    return tuple(group), tuple(vaccine)


def parse_antigen(root: ET.Element) -> Antigen:
    series = tuple(_parse_series(s, "") for s in _children(root, "series"))
    name = series[0].antigen if series else ""
    group_ci, vaccine_ci = _parse_contraindications(_child(root, "contraindications"))
    return Antigen(
        name=name,
        series=series,
        immunity=_parse_immunity(_child(root, "immunity")),
        antigen_contraindications=group_ci,
        vaccine_contraindications=vaccine_ci,
        referenced_series_groups=frozenset(
            g
            for s in series
            for d in s.doses
            for skip in d.conditional_skips
            for st in skip.sets
            for c in st.conditions
            for g in c.series_groups
        ),
    )


def _parse_schedule(
    root: ET.Element,
) -> tuple[
    dict[str, VaccineProduct],
    dict[str, VaccineGroup],
    tuple[LiveVirusConflict, ...],
    dict[str, Observation],
]:
    vaccines: dict[str, VaccineProduct] = {}
    for m in _children(_section(root, "cvxToAntigenMap"), "cvxMap"):
        cvx = _text(m, "cvx")
        vaccines[cvx] = VaccineProduct(
            cvx=cvx,
            description=_text(m, "shortDescription"),
            associations=tuple(
                AntigenAssociation(
                    _text(a, "antigen"),
                    parse_duration(_text(a, "associationBeginAge")),
                    parse_duration(_text(a, "associationEndAge")),
                )
                for a in _children(m, "association")
            ),
        )
    antigens_of: dict[str, list[str]] = {}
    for m in _children(_section(root, "vaccineGroupToAntigenMap"), "vaccineGroupMap"):
        antigens_of[_text(m, "name")] = [_text_of(a) for a in _children(m, "antigen")]
    groups: dict[str, VaccineGroup] = {}
    for g in _children(_section(root, "vaccineGroups"), "vaccineGroup"):
        name = _text(g, "name")
        groups[name] = VaccineGroup(
            name,
            _yes(_text(g, "administerFullVaccineGroup")),
            tuple(antigens_of.get(name, ())),
        )
    for name, antigens in antigens_of.items():
        groups.setdefault(name, VaccineGroup(name, False, tuple(antigens)))
    conflicts = tuple(
        LiveVirusConflict(
            previous_cvx=_text(_child(c, "previous"), "cvx"),
            current_cvx=_text(_child(c, "current"), "cvx"),
            begin_interval=parse_duration(_text(c, "conflictBeginInterval")),
            min_end_interval=parse_duration(_text(c, "minConflictEndInterval")),
            end_interval=parse_duration(_text(c, "conflictEndInterval")),
        )
        for c in _children(_section(root, "liveVirusConflicts"), "liveVirusConflict")
    )
    observations = {
        _text(o, "observationCode"): Observation(
            code=_text(o, "observationCode"),
            title=_text(o, "observationTitle"),
            group=_text(o, "group"),
            indication_text=_text(o, "indicationText"),
            contraindication_text=_text(o, "contraindicationText"),
        )
        for o in _children(_section(root, "observations"), "observation")
    }
    return vaccines, groups, conflicts, observations


def _strip_own_namespace(root: ET.Element) -> ET.Element:
    """A pack may put its CDSi elements in a default namespace: drop that one only,
    so that elements of any other (extension) namespace stay ignored."""
    if not root.tag.startswith("{"):
        return root
    prefix = root.tag[: root.tag.index("}") + 1]
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(prefix):
            element.tag = element.tag[len(prefix) :]
    return root


def _marks(
    antigens: dict[str, Antigen], vaccines: dict[str, VaccineProduct]
) -> tuple[tuple[Duration, ...], tuple[date, ...], tuple[Duration, ...]]:
    """Ages, dates and skip intervals of the data, for practice.next_change_date."""
    ages: set[Duration] = set()
    dates: set[date] = set()
    skip_intervals: set[Duration] = set()

    def add(*values: object) -> None:
        for v in values:
            if isinstance(v, Duration):
                ages.add(v)
            elif isinstance(v, date):
                dates.add(v)

    for antigen in antigens.values():
        add(antigen.immunity.birth_date)
        for ci in antigen.antigen_contraindications + antigen.vaccine_contraindications:
            add(ci.begin_age, ci.end_age)
            for _, begin, end in ci.vaccines:
                add(begin, end)
        for series in antigen.series:
            add(series.min_age_to_start, series.max_age_to_start)
            for ind in series.indications:
                add(ind.begin_age, ind.end_age)
            for dose in series.doses:
                add(dose.seasonal_start, dose.seasonal_end)
                for age in dose.ages:
                    add(age.abs_min_age, age.min_age, age.earliest_rec_age)
                    add(age.latest_rec_age, age.max_age, age.effective_date, age.cessation_date)
                for i in dose.intervals + dose.allowable_intervals:
                    add(i.effective_date, i.cessation_date)
                for v in dose.preferable_vaccines + dose.allowable_vaccines:
                    add(v.begin_age, v.end_age)
                for skip in dose.conditional_skips:
                    for st in skip.sets:
                        add(st.effective_date, st.cessation_date)
                        for c in st.conditions:
                            add(c.begin_age, c.end_age, c.start_date, c.end_date)
                            if c.interval is not None:
                                skip_intervals.add(c.interval)
    for product in vaccines.values():
        for assoc in product.associations:
            add(assoc.begin_age, assoc.end_age)

    def distinct(durations: set[Duration]) -> tuple[Duration, ...]:
        # "4 weeks" and "28 days" land on the same date: keep one of them.
        by_value = {(d.years, d.months, d.days): d for d in sorted(durations, key=str)}
        return tuple(by_value[k] for k in sorted(by_value))

    return distinct(ages), tuple(sorted(dates)), distinct(skip_intervals)


def load_supporting_data(directory: str | Path) -> SupportingData:
    """Read ScheduleSupportingData.xml and every antigenSupportingData XML of a directory."""
    directory = Path(directory)
    antigens: dict[str, Antigen] = {}
    schedule_root: ET.Element | None = None
    for path in sorted(directory.glob("*.xml")):
        root = _strip_own_namespace(ET.parse(path).getroot())
        tag = root.tag
        if tag == "antigenSupportingData":
            antigen = parse_antigen(root)
            if antigen.name:
                antigens[antigen.name] = antigen
        elif tag == "scheduleSupportingData":
            schedule_root = root
    if schedule_root is None:
        raise FileNotFoundError(f"no scheduleSupportingData XML in {directory}")
    vaccines, groups, conflicts, observations = _parse_schedule(schedule_root)
    by_current: dict[str, list[LiveVirusConflict]] = {}
    for c in conflicts:
        by_current.setdefault(c.current_cvx, []).append(c)
    group_of = {a: g.name for g in groups.values() for a in g.antigens}
    age_marks, date_marks, skip_interval_marks = _marks(antigens, vaccines)
    vaccines_of_group = {
        g.name: frozenset(
            v.cvx for v in vaccines.values() if any(a.antigen in g.antigens for a in v.associations)
        )
        for g in groups.values()
    }
    campaigns: dict[str, Campaign] = {}
    seasons_path = directory / SEASONS_FILE
    if seasons_path.is_file():
        try:
            raw = json.loads(seasons_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{SEASONS_FILE}: not JSON ({exc})") from exc
        campaigns = parse_campaigns(raw)
    unknown = {d.campaign for a in antigens.values() for s in a.series for d in s.doses
               if d.campaign is not None} - set(campaigns)
    if unknown:
        raise ValueError(f"{SEASONS_FILE}: campaign(s) {', '.join(sorted(unknown))} "
                         "named by a series dose but not defined")
    return SupportingData(
        antigens=antigens,
        vaccines=vaccines,
        vaccine_groups=groups,
        live_virus_conflicts=conflicts,
        observations=observations,
        conflicts_by_current={k: tuple(v) for k, v in by_current.items()},
        group_of_antigen=group_of,
        vaccines_of_group=vaccines_of_group,
        conflicting_vaccines=frozenset(c.previous_cvx for c in conflicts),
        age_marks=age_marks,
        date_marks=date_marks,
        skip_interval_marks=skip_interval_marks,
        antigen_shapes=_antigen_shapes(antigens),
        campaigns=campaigns,
    )
