"""Vaccination coverage of the practice: the indicators public health reports use, read as
data (resources/coverage/<pack>/indicators.json, each cited), counted from the doses given:
per age band, the patients in the band (denominator) and those up to date (numerator).
Also the flu / COVID season view. No Qt, no SQL."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from tsn_desktop.core.paths import resources_dir
from tsn_desktop.vaccination.due_list import DuePatient
from tsn_desktop.vaccination.schedule import SupportingData

DEFAULT_COVERAGE = "fr-2025"
_AGE = re.compile(r"^(\d+)([dmy])$")  # days are refused: see parse_age


class CoverageDataError(ValueError):
    """The coverage pack is damaged or does not say what it must."""


def parse_age(text: str | None) -> int | None:
    """'12m', '16y' as months; None for None. Ages are whole months or years: coverage
    is counted at birthdays, as public health reports it."""
    if text is None:
        return None
    match = _AGE.match(text)
    if not match or match[2] == "d":
        raise CoverageDataError(f"bad age {text!r}: months (12m) or years (16y)")
    return int(match[1]) * (12 if match[2] == "y" else 1)


def months_old(birth: date, on: date) -> int:
    """Completed months on `on`, as relativedelta counts them (born on the 31st: a month
    on the last day of a shorter month)."""
    months = (on.year - birth.year) * 12 + on.month - birth.month
    if on.day < birth.day and on.day < calendar.monthrange(on.year, on.month)[1]:
        months -= 1
    return months


def plus_months(birth: date, months: int) -> date:
    """birth + months (relativedelta's rule: the day clamped to the month's end)."""
    year, month = divmod(birth.month - 1 + months, 12)
    year += birth.year
    return date(year, month + 1, min(birth.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True, slots=True)
class Band:
    start: str  # age codes as in the data ('24m'), shown as they are worded
    end: str | None
    low: int  # months
    high: int | None


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    label: str  # the data's own words (French), when the UI has none for this id
    antigens: tuple[str, ...]
    doses: int
    bands: tuple[Band, ...]
    by_age: int | None = None  # months
    from_age: int | None = None
    sex: str = ""  # "" both, "F", "M"
    season: bool = False
    target: float | None = None  # national target, percent (None: no target given)
    source: str = ""  # full citation
    target_source: str = ""
    note: str = ""


@dataclass(frozen=True)
class CoverageData:
    id: str
    version: str
    indicators: tuple[Indicator, ...]
    season_start: tuple[int, int]  # (month, day)
    season_end: tuple[int, int]
    season_source: str


def coverage_dir(pack: str = DEFAULT_COVERAGE) -> Path:
    return resources_dir() / "coverage" / pack


def load_coverage(pack: str | Path = DEFAULT_COVERAGE) -> CoverageData:
    """The indicators of a coverage pack, checked against its manifest's checksum."""
    directory = pack if isinstance(pack, Path) else coverage_dir(pack)
    try:
        manifest = json.loads((directory / "manifest.json").read_text("utf-8"))
        raw_bytes = (directory / "indicators.json").read_bytes()
    except (OSError, ValueError) as exc:
        raise CoverageDataError(f"cannot read the coverage pack {directory.name}") from exc
    if hashlib.sha256(raw_bytes).hexdigest() != manifest.get("files", {}).get(
            "indicators.json"):
        raise CoverageDataError(f"coverage pack {directory.name}: checksum mismatch")
    raw = json.loads(raw_bytes)
    sources: dict[str, str] = raw["sources"]
    indicators = []
    for entry in raw["indicators"]:
        if entry["source"] not in sources:
            raise CoverageDataError(f"{entry['id']}: its source is not cited")
        if "target" in entry and entry.get("target_source") not in sources:
            raise CoverageDataError(f"{entry['id']}: its target is not cited")
        bands = tuple(Band(a, b, parse_age(a) or 0, parse_age(b))
                      for a, b in entry["bands"])
        indicators.append(Indicator(
            id=entry["id"], label=entry["label"], antigens=tuple(entry["antigens"]),
            doses=int(entry["doses"]), bands=bands, by_age=parse_age(entry.get("by_age")),
            from_age=parse_age(entry.get("from_age")), sex=entry.get("sex", ""),
            season=bool(entry.get("season")), target=entry.get("target"),
            source=sources[entry["source"]],
            target_source=sources.get(entry.get("target_source", ""), ""),
            note=entry.get("note", "")))
    season = raw["season"]
    start = tuple(int(x) for x in season["start"].split("-"))
    end = tuple(int(x) for x in season["end"].split("-"))
    return CoverageData(manifest["id"], manifest["version"], tuple(indicators),
                        (start[0], start[1]), (end[0], end[1]), season["source"])


def season_of(today: date, data: CoverageData) -> tuple[date, date]:
    """The season `today` is in, or the one coming (from the start month on), or, in
    between, the last one."""
    (sm, sd), (em, ed) = data.season_start, data.season_end
    start_year = today.year if (today.month, today.day) >= (sm, sd) else today.year - 1
    if (sm, sd) <= (em, ed):  # a season within one calendar year
        start_year = today.year
    start = date(start_year, sm, sd)
    end_year = start_year + (1 if (em, ed) < (sm, sd) else 0)
    return start, date(end_year, em, ed)


@dataclass(frozen=True)
class BandResult:
    band: Band
    up_to_date: tuple[str, ...]  # patient ids (the numerator)
    population: tuple[str, ...]  # patient ids (the denominator)

    @property
    def numerator(self) -> int:
        return len(self.up_to_date)

    @property
    def denominator(self) -> int:
        return len(self.population)

    @property
    def percent(self) -> float | None:
        return 100.0 * self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    bands: tuple[BandResult, ...]

    @property
    def up_to_date(self) -> tuple[str, ...]:
        return tuple(p for b in self.bands for p in b.up_to_date)

    @property
    def population(self) -> tuple[str, ...]:
        return tuple(p for b in self.bands for p in b.population)

    @property
    def numerator(self) -> int:
        return sum(b.numerator for b in self.bands)

    @property
    def denominator(self) -> int:
        return sum(b.denominator for b in self.bands)

    @property
    def percent(self) -> float | None:
        d = self.denominator
        return 100.0 * self.numerator / d if d else None


# (date given, antigens of the product) per patient, oldest first.
History = Mapping[str, Sequence[tuple[date, frozenset[str]]]]


def antigens_of(product: str, schedule: SupportingData) -> frozenset[str]:
    vaccine = schedule.vaccines.get(product)
    return frozenset(a.antigen for a in vaccine.associations) if vaccine else frozenset()


def antigen_bits(schedule: SupportingData) -> dict[str, int]:
    """Each antigen of the pack -> its bit in a packed dose fact (sorted by name)."""
    return {name: 1 << i for i, name in enumerate(sorted(schedule.antigens))}


def pack_facts(doses: Sequence[tuple[date, str]], schedule: SupportingData) -> bytes:
    """(date, product) of counted doses as int32 pairs (day number, antigen mask)."""
    bits = antigen_bits(schedule)
    values: list[int] = []
    for on, product in doses:
        mask = 0
        for antigen in antigens_of(product, schedule):
            mask |= bits.get(antigen, 0)
        values += [on.toordinal(), mask]
    return struct.pack(f"<{len(values)}i", *values)


def unpack_facts(blobs: Mapping[str, bytes], schedule: SupportingData
                 ) -> dict[str, list[tuple[date, frozenset[str]]]]:
    """The packed facts back as a history per patient (dates in order)."""
    names = sorted(schedule.antigens)
    sets: dict[int, frozenset[str]] = {}
    out: dict[str, list[tuple[date, frozenset[str]]]] = {}
    for pid, blob in blobs.items():
        if not blob:
            continue
        pairs = np.frombuffer(blob, dtype="<i4").reshape(-1, 2)
        items = []
        for day, mask in pairs.tolist():
            antigens = sets.get(mask)
            if antigens is None:
                antigens = sets[mask] = frozenset(
                    n for i, n in enumerate(names) if mask & (1 << i))
            items.append((date.fromordinal(day), antigens))
        items.sort(key=lambda x: x[0])
        out[pid] = items
    return out


def histories(doses: Sequence[tuple[str, date, str]], kept_of: Mapping[str, str],
              schedule: SupportingData) -> dict[str, list[tuple[date, frozenset[str]]]]:
    """(patient id, date, product) of counted doses -> per kept patient file."""
    cache: dict[str, frozenset[str]] = {}
    out: dict[str, list[tuple[date, frozenset[str]]]] = {}
    for pid, on, product in doses:
        antigens = cache.get(product)
        if antigens is None:
            antigens = cache[product] = antigens_of(product, schedule)
        out.setdefault(kept_of.get(pid, pid), []).append((on, antigens))
    for items in out.values():
        items.sort(key=lambda x: x[0])
    return out


def _up_to_date(indicator: Indicator, history: Sequence[tuple[date, frozenset[str]]],
                window: tuple[date, date]) -> bool:
    first, last = window
    for antigen in indicator.antigens:
        count = sum(1 for on, antigens in history
                    if antigen in antigens and first <= on <= last)
        if count < indicator.doses:
            return False
    return True


def compute(patients: Mapping[str, DuePatient], history: History, today: date,
            data: CoverageData) -> list[IndicatorResult]:
    """Every indicator of `data` over the practice on `today`. Ages are numpy columns:
    each band picks its population with one comparison over the practice, and only those
    patients' doses are counted."""
    season = season_of(today, data)
    people = list(patients.values())
    ages = np.array([months_old(p.birth_date, today) for p in people], dtype=np.int64)
    at_season = np.array([months_old(p.birth_date, season[0]) for p in people],
                         dtype=np.int64)
    sexes = np.array([p.sex for p in people] or [""])
    results = []
    for indicator in data.indicators:
        at = at_season if indicator.season else ages
        wanted_sex = (sexes == indicator.sex) if indicator.sex else True
        bands = []
        for band in indicator.bands:
            mask = (at >= band.low) & wanted_sex
            if band.high is not None:
                mask &= at < band.high
            yes: list[str] = []
            everyone: list[str] = []
            for index in np.flatnonzero(mask):
                patient = people[int(index)]
                birth = patient.birth_date
                if indicator.season:
                    window = (season[0], min(season[1], today))
                else:
                    first = (plus_months(birth, indicator.from_age) if indicator.from_age
                             else birth)
                    window = (first, plus_months(birth, indicator.by_age)
                              if indicator.by_age is not None else today)
                everyone.append(patient.id)
                if _up_to_date(indicator, history.get(patient.id, ()), window):
                    yes.append(patient.id)
            bands.append(BandResult(band, tuple(yes), tuple(everyone)))
        results.append(IndicatorResult(indicator, tuple(bands)))
    return results


# --- the flu and COVID season ------------------------------------------------------------
VACCINATED, NOT_YET, DECLINED = "vaccinated", "not_yet", "declined"
SEASONAL = {"Grippe": "Influenza", "Covid-19": "COVID-19"}
SEASON_MIN_AGE = 65


@dataclass(frozen=True, slots=True)
class CampaignRow:
    patient: DuePatient
    group: str  # "Grippe" or "Covid-19"
    state: str  # vaccinated, not_yet, declined
    on: date | None  # the dose or the refusal


def campaign(patients: Mapping[str, DuePatient], history: History,
             refusals: Sequence[tuple[str, date, str]], kept_of: Mapping[str, str],
             schedule: SupportingData, today: date, data: CoverageData
             ) -> tuple[tuple[date, date], list[CampaignRow]]:
    """Patients eligible this season (65 years and over at its start), per seasonal
    vaccine: vaccinated (a dose this season), declined (a refusal this season), or not
    yet. Risk groups join once the patient profile records them."""
    start, end = season_of(today, data)
    last = min(end, today)
    refused: dict[tuple[str, str], date] = {}
    for pid, on, product in refusals:
        if start <= on <= last:
            for antigens_group, antigen in SEASONAL.items():
                if antigen in antigens_of(product, schedule):
                    refused[(kept_of.get(pid, pid), antigens_group)] = on
    rows: list[CampaignRow] = []
    for pid, patient in patients.items():
        if months_old(patient.birth_date, start) < SEASON_MIN_AGE * 12:
            continue
        for group, antigen in SEASONAL.items():
            given = [on for on, antigens in history.get(pid, ())
                     if antigen in antigens and start <= on <= last]
            if given:
                rows.append(CampaignRow(patient, group, VACCINATED, given[-1]))
            elif (pid, group) in refused:
                rows.append(CampaignRow(patient, group, DECLINED, refused[(pid, group)]))
            else:
                rows.append(CampaignRow(patient, group, NOT_YET, None))
    order = list(SEASONAL)
    rows.sort(key=lambda r: (order.index(r.group), r.state != NOT_YET, r.patient.name))
    return (start, end), rows
