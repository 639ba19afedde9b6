"""The practice's due list as pure rules: the state of a kept due item on a day, the rows
the filters keep, sorted by lateness, and the counts per vaccine group. No Qt, no SQL."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

OVERDUE = "overdue"  # past its past-due date
DUE_NOW = "due"  # recommended date reached, not yet past due
SOON = "soon"  # recommended within the window chosen

# Compulsory for children born from 1 January 2018 (loi du 30 décembre 2017, art. L3111-2
# CSP): diphtheria, tetanus, polio, pertussis, Hib, hepatitis B, pneumococcus,
# meningococcus C, measles, mumps, rubella; meningococcus B and ACWY for children born
# from 1 January 2025 (décret n° 2024-694 du 5 juillet 2024).
COMPULSORY_FROM = date(2018, 1, 1)
COMPULSORY_GROUPS = frozenset({"DTP", "Coqueluche", "Hib", "HepB", "Pneumocoque", "ROR",
                               "MenACWY"})
COMPULSORY_FROM_2025 = date(2025, 1, 1)
COMPULSORY_GROUPS_2025 = frozenset({"MenB"})
COMPULSORY_UNTIL_YEARS = 18  # a child's obligation; an adult's overdue dose is a recommendation

COMPULSORY = "compulsory"
RECOMMENDED = "recommended"

# Age bands of the filter: (code, from years, to years excluded; None: no upper bound).
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-1", 0, 2), ("2-5", 2, 6), ("6-10", 6, 11), ("11-17", 11, 18), ("18-64", 18, 65),
    ("65+", 65, None))

# The windows of the filter ("custom" takes a date from the user).
LATE_ONLY, NOW, THIS_WEEK, THIS_MONTH, CUSTOM = "late", "now", "week", "month", "custom"
WINDOWS = (LATE_ONLY, NOW, THIS_WEEK, THIS_MONTH, CUSTOM)


@dataclass(frozen=True, slots=True)
class DuePatient:
    """What the list shows of a patient (names are shown, never logged)."""

    id: str
    name: str  # "FAMILY Given"
    birth_date: date
    sex: str
    treating_gp: str = ""


@dataclass(frozen=True, slots=True)
class DueItem:
    """One vaccine group still to give, from a kept summary (absolute dates)."""

    patient_id: str
    group: str
    dose_number: int | None
    earliest: date | None
    recommended: date | None
    past_due: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class Recall:
    """A recall made outside the app; `group` "" means every vaccine due."""

    id: str
    patient_id: str
    group: str
    method: str  # phone, letter, sms
    recalled_on: date
    retry_on: date | None


@dataclass(frozen=True, slots=True)
class DueRow:
    patient: DuePatient
    item: DueItem
    state: str
    days_late: int  # today - recommended (negative: not yet)
    compulsory: bool
    age_band: str
    recall: Recall | None


@dataclass(frozen=True)
class Filters:
    """What the user chose. `until` is the window's last day (for THIS_WEEK, THIS_MONTH,
    CUSTOM); `mine` is the practitioner's family name when "my patients only" is on."""

    window: str = NOW
    until: date | None = None
    group: str = ""
    age_band: str = ""
    treating_gp: str = ""
    obligation: str = ""
    mine: str = ""


def state_on(item: DueItem, today: date) -> str | None:
    """Overdue, due now or coming (SOON); None once it can no longer be given."""
    if item.recommended is None:
        return None
    if item.latest is not None and item.latest < today:
        return None
    if item.past_due is not None and today >= item.past_due:
        return OVERDUE
    if item.recommended <= today:
        return DUE_NOW
    return SOON


def is_compulsory(group: str, birth_date: date, today: date) -> bool:
    """A child's compulsory vaccine (born from 2018; MenB from 2025), until 18."""
    if relativedelta(today, birth_date).years >= COMPULSORY_UNTIL_YEARS:
        return False
    if group in COMPULSORY_GROUPS and birth_date >= COMPULSORY_FROM:
        return True
    return group in COMPULSORY_GROUPS_2025 and birth_date >= COMPULSORY_FROM_2025


def age_band(birth_date: date, today: date) -> str:
    years = relativedelta(today, birth_date).years
    for code, low, high in AGE_BANDS:
        if years >= low and (high is None or years < high):
            return code
    return AGE_BANDS[-1][0]


def window_end(window: str, today: date, custom: date | None = None) -> date:
    """The last day a dose may be recommended on to be in the list."""
    if window == THIS_WEEK:
        return today + timedelta(days=6 - today.weekday())  # up to Sunday
    if window == THIS_MONTH:
        return today + relativedelta(day=31)
    if window == CUSTOM and custom is not None:
        return max(custom, today)
    return today


def fold(text: str) -> str:
    """Upper case without accents, for comparing names typed differently."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper().strip()


def build_rows(patients: Mapping[str, DuePatient], items: Iterable[DueItem],
               recalls: Mapping[str, Sequence[Recall]], today: date,
               horizon: date | None = None) -> list[DueRow]:
    """Every row that any filter could show on `today` (recommended by `horizon`,
    default: today): children's compulsory vaccines first, then most late first. Built
    once per load: a filter change only picks among them (`select`)."""
    rows: list[DueRow] = []
    horizon = horizon or today
    bands: dict[date, str] = {}
    for item in items:
        patient = patients.get(item.patient_id)
        if patient is None or item.recommended is None or item.recommended > horizon:
            continue
        state = state_on(item, today)
        if state is None:
            continue
        band = bands.get(patient.birth_date)
        if band is None:
            band = bands[patient.birth_date] = age_band(patient.birth_date, today)
        rows.append(DueRow(patient, item, state, (today - item.recommended).days,
                           is_compulsory(item.group, patient.birth_date, today), band,
                           last_recall(recalls.get(item.patient_id, ()), item.group)))
    rows.sort(key=lambda r: (not r.compulsory, -r.days_late, r.patient.name, r.item.group))
    return rows


def last_recall(recalls: Sequence[Recall], group: str) -> Recall | None:
    """The latest recall about this group (or about everything due)."""
    found = [r for r in recalls if r.group in ("", group)]
    return max(found, key=lambda r: r.recalled_on) if found else None


def select(rows: Sequence[DueRow], filters: Filters, today: date) -> list[DueRow]:
    """The rows the filters keep, in the rows' order (compulsory, then most late first)."""
    end = window_end(filters.window, today, filters.until)
    late_only = filters.window == LATE_ONLY
    mine = fold(filters.mine)
    wanted_obligation = filters.obligation
    out = []
    for r in rows:
        if late_only and r.state != OVERDUE:
            continue
        if r.item.recommended is not None and r.item.recommended > end:
            continue
        if filters.group and r.item.group != filters.group:
            continue
        if filters.age_band and r.age_band != filters.age_band:
            continue
        if filters.treating_gp and r.patient.treating_gp != filters.treating_gp:
            continue
        if wanted_obligation and r.compulsory != (wanted_obligation == COMPULSORY):
            continue
        if mine and mine not in fold(r.patient.treating_gp):
            continue
        out.append(r)
    return out


def counts(rows: Iterable[DueRow]) -> dict[str, tuple[int, int]]:
    """Per vaccine group: (patients due, patients overdue), compulsory groups first."""
    due: dict[str, int] = {}
    late: dict[str, int] = {}
    for r in rows:
        target = late if r.state == OVERDUE else due
        target[r.item.group] = target.get(r.item.group, 0) + 1
    groups = sorted(set(due) | set(late),
                    key=lambda g: (g not in COMPULSORY_GROUPS, -late.get(g, 0), g))
    return {g: (due.get(g, 0), late.get(g, 0)) for g in groups}


def patients_of(rows: Iterable[DueRow]) -> list[str]:
    """The patients of these rows, once each, in the rows' order."""
    seen: dict[str, None] = {}
    for r in rows:
        seen.setdefault(r.patient.id, None)
    return list(seen)
