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
from collections.abc import Callable, Mapping, Sequence
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


def antigens_of(product: str, schedule: SupportingData) -> frozenset[str]:
    vaccine = schedule.vaccines.get(product)
    return frozenset(a.antigen for a in vaccine.associations) if vaccine else frozenset()


def antigen_bits(schedule: SupportingData) -> dict[str, int]:
    """Each antigen of the pack -> its bit in a dose fact (sorted by name)."""
    return {name: 1 << i for i, name in enumerate(sorted(schedule.antigens))}


def _mask(product: str, schedule: SupportingData, bits: Mapping[str, int]) -> int:
    mask = 0
    for antigen in antigens_of(product, schedule):
        mask |= bits.get(antigen, 0)
    return mask


def pack_facts(doses: Sequence[tuple[date, str]], schedule: SupportingData) -> bytes:
    """(date, product) of counted doses as int32 pairs (day number, antigen mask)."""
    return fact_packer(schedule)(doses)


def fact_packer(schedule: SupportingData) -> Callable[[Sequence[tuple[date, str]]], bytes]:
    """pack_facts for many patients: each product's antigen mask is worked out once."""
    bits = antigen_bits(schedule)
    masks: dict[str, int] = {}

    def pack(doses: Sequence[tuple[date, str]]) -> bytes:
        values: list[int] = []
        for on, product in doses:
            mask = masks.get(product)
            if mask is None:
                mask = masks[product] = _mask(product, schedule, bits)
            values += [on.toordinal(), mask]
        return struct.pack(f"<{len(values)}i", *values)

    return pack


@dataclass(frozen=True)
class Facts:
    """Every counted dose of the practice as columns: the patient's id, the day number,
    the mask of the antigens it protects against (bits: `antigen_bits`)."""

    patient: list[str]
    day: np.ndarray
    mask: np.ndarray
    bits: dict[str, int]

    @classmethod
    def from_packed(cls, blobs: Mapping[str, bytes], schedule: SupportingData) -> Facts:
        ids = [pid for pid, blob in blobs.items() if blob]
        parts = [blobs[pid] for pid in ids]
        pairs = np.frombuffer(b"".join(parts), dtype="<i4").reshape(-1, 2).astype(np.int64)
        owners = np.repeat(np.arange(len(ids)), [len(b) // 8 for b in parts])
        return cls([ids[i] for i in owners.tolist()], pairs[:, 0], pairs[:, 1],
                   antigen_bits(schedule))

    @classmethod
    def from_doses(cls, doses: Sequence[tuple[str, date, str]], kept_of: Mapping[str, str],
                   schedule: SupportingData) -> Facts:
        """(patient id, date, product) of counted doses; a merged duplicate's doses go to
        the file kept."""
        bits = antigen_bits(schedule)
        cache: dict[str, int] = {}
        masks = []
        for _pid, _on, product in doses:
            mask = cache.get(product)
            if mask is None:
                mask = cache[product] = _mask(product, schedule, bits)
            masks.append(mask)
        return cls([kept_of.get(pid, pid) for pid, _on, _p in doses],
                   np.array([on.toordinal() for _pid, on, _p in doses], dtype=np.int64),
                   np.array(masks, dtype=np.int64), bits)

    def per_patient(self) -> dict[str, list[tuple[date, frozenset[str]]]]:
        """The same facts as a history per patient, oldest first (tests, comparisons)."""
        names = {bit: name for name, bit in self.bits.items()}
        out: dict[str, list[tuple[date, frozenset[str]]]] = {}
        for pid, day, mask in zip(self.patient, self.day.tolist(), self.mask.tolist(),
                                  strict=True):
            out.setdefault(pid, []).append(
                (date.fromordinal(day), frozenset(n for b, n in names.items() if mask & b)))
        for items in out.values():
            items.sort(key=lambda x: x[0])
        return out


def compute(patients: Mapping[str, DuePatient], facts: Facts, today: date,
            data: CoverageData) -> list[IndicatorResult]:
    """Every indicator of `data` over the practice on `today`. Columns throughout: each
    band picks its population with one comparison over the practice, and each antigen's
    doses in each patient's window are counted over every dose at once."""
    season = season_of(today, data)
    people = list(patients.values())
    index = {p.id: i for i, p in enumerate(people)}
    n = len(people)
    owner = np.array([index.get(pid, n) for pid in facts.patient], dtype=np.int64)
    known = owner < n  # doses of files no longer active count for nobody
    owner, day, mask = owner[known], facts.day[known], facts.mask[known]
    ages = np.array([months_old(p.birth_date, today) for p in people], dtype=np.int64)
    at_season = np.array([months_old(p.birth_date, season[0]) for p in people],
                         dtype=np.int64)
    sexes = np.array([p.sex for p in people] or [""])
    results = []
    for indicator in data.indicators:
        at = at_season if indicator.season else ages
        wanted_sex = (sexes == indicator.sex) if indicator.sex else np.ones(n, dtype=bool)
        in_bands = [np.flatnonzero((at >= b.low) & wanted_sex
                                   & ((at < b.high) if b.high is not None else True))
                    for b in indicator.bands]
        population = np.concatenate(in_bands) if in_bands else np.zeros(0, dtype=np.int64)
        # Each patient's window: the doses given from `from_age` up to `by_age`.
        first = np.zeros(n + 1, dtype=np.int64)
        last = np.full(n + 1, -1, dtype=np.int64)
        for i in population.tolist():
            birth = people[i].birth_date
            if indicator.season:
                first[i], last[i] = season[0].toordinal(), min(season[1], today).toordinal()
            else:
                start = plus_months(birth, indicator.from_age) if indicator.from_age else birth
                end = (plus_months(birth, indicator.by_age) if indicator.by_age is not None
                       else today)
                first[i], last[i] = start.toordinal(), end.toordinal()
        in_window = (day >= first[owner]) & (day <= last[owner])
        ok = np.ones(n + 1, dtype=bool)
        for antigen in indicator.antigens:
            bit = facts.bits.get(antigen, 0)
            hits = np.bincount(owner[in_window & ((mask & bit) != 0)], minlength=n + 1)
            ok &= hits >= indicator.doses
        bands = []
        for band, members in zip(indicator.bands, in_bands, strict=True):
            ids = [people[i].id for i in members.tolist()]
            yes = [people[i].id for i in members.tolist() if ok[i]]
            bands.append(BandResult(band, tuple(yes), tuple(ids)))
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


def seasonal_risk_codes(schedule: SupportingData) -> dict[str, frozenset[str]]:
    """Per seasonal group, the pack observation codes its risk series are indicated for
    (pregnancy, immunodepression, chronic conditions, health professionals, nursing-home
    residents…): the schedule pack says who the campaign is for besides age."""
    out: dict[str, frozenset[str]] = {}
    for group, antigen in SEASONAL.items():
        found = schedule.antigens.get(antigen)
        out[group] = frozenset(
            ind.observation_code for series in (found.series if found else ())
            if series.series_type == "Risk" for ind in series.indications)
    return out


def campaign(patients: Mapping[str, DuePatient], facts: Facts,
             refusals: Sequence[tuple[str, date, str]], kept_of: Mapping[str, str],
             schedule: SupportingData, today: date, data: CoverageData,
             observations: Mapping[str, frozenset[str]] | None = None
             ) -> tuple[tuple[date, date], list[CampaignRow]]:
    """Patients eligible this season, per seasonal vaccine: 65 years and over at its
    start, or in one of its risk groups by their profile (`observations`: the pack codes
    holding today, per patient): vaccinated (a dose this season), declined (a refusal
    this season), or not yet."""
    start, end = season_of(today, data)
    risk_codes = seasonal_risk_codes(schedule)
    at_risk: dict[str, set[str]] = {}
    for pid, codes in (observations or {}).items():
        kept = kept_of.get(pid, pid)
        for group, wanted in risk_codes.items():
            if codes & wanted:
                at_risk.setdefault(kept, set()).add(group)
    last = min(end, today)
    refused: dict[tuple[str, str], date] = {}
    for pid, on, product in refusals:
        if start <= on <= last:
            for antigens_group, antigen in SEASONAL.items():
                if antigen in antigens_of(product, schedule):
                    refused[(kept_of.get(pid, pid), antigens_group)] = on
    in_season = (facts.day >= start.toordinal()) & (facts.day <= last.toordinal())
    given: dict[tuple[str, str], int] = {}
    for group, antigen in SEASONAL.items():
        bit = facts.bits.get(antigen, 0)
        for i in np.flatnonzero(in_season & ((facts.mask & bit) != 0)).tolist():
            key = (facts.patient[i], group)
            given[key] = max(given.get(key, 0), int(facts.day[i]))
    rows: list[CampaignRow] = []
    for pid, patient in patients.items():
        by_age = months_old(patient.birth_date, start) >= SEASON_MIN_AGE * 12
        groups = list(SEASONAL) if by_age else sorted(at_risk.get(pid, ()))
        for group in groups:
            if (pid, group) in given:
                rows.append(CampaignRow(patient, group, VACCINATED,
                                        date.fromordinal(given[(pid, group)])))
            elif (pid, group) in refused:
                rows.append(CampaignRow(patient, group, DECLINED, refused[(pid, group)]))
            else:
                rows.append(CampaignRow(patient, group, NOT_YET, None))
    order = list(SEASONAL)
    rows.sort(key=lambda r: (order.index(r.group), r.state != NOT_YET, r.patient.name))
    return (start, end), rows
