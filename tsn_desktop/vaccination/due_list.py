"""The practice's due list as pure rules: the state of a kept due item on a day, the rows
the filters keep (children's compulsory vaccines first, then most late first) and the
counts per vaccine group. Columns are numpy arrays, so a filter over a whole practice
(tens of thousands of rows) is a few vector operations. No Qt, no SQL."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from dateutil.relativedelta import relativedelta

OVERDUE = "overdue"  # past its past-due date
DUE_NOW = "due"  # recommended date reached, not yet past due
SOON = "soon"  # recommended within the window chosen
STATES = (OVERDUE, DUE_NOW, SOON)

# Compulsory for children born from 1 January 2018 (loi n° 2017-1836 du 30 décembre 2017,
# art. L3111-2 CSP): diphtheria, tetanus, polio, pertussis, Hib, hepatitis B, pneumococcus,
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
_NEVER = date.max.toordinal() + 1  # a missing past-due or latest date


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
    """What the user chose. `until` is the window's last day (for CUSTOM); `mine` is the
    practitioner's family name when "my patients only" is on."""

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


def years_old(birth: date, today: date) -> int:
    """Completed years (as relativedelta counts them: born 29 February, a year on 28)."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def is_compulsory(group: str, birth_date: date, today: date) -> bool:
    """A child's compulsory vaccine (born from 2018; MenB from 2025), until 18."""
    if years_old(birth_date, today) >= COMPULSORY_UNTIL_YEARS:
        return False
    if group in COMPULSORY_GROUPS and birth_date >= COMPULSORY_FROM:
        return True
    return group in COMPULSORY_GROUPS_2025 and birth_date >= COMPULSORY_FROM_2025


def age_band(birth_date: date, today: date) -> str:
    years = years_old(birth_date, today)
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


def last_recall(recalls: Sequence[Recall], group: str) -> Recall | None:
    """The latest recall about this group (or about everything due)."""
    found = [r for r in recalls if r.group in ("", group)]
    return max(found, key=lambda r: r.recalled_on) if found else None


def _cutoff(today: date, years: int) -> int:
    """Born after this day (ordinal): younger than `years` on `today`."""
    try:
        return (today - relativedelta(years=years)).toordinal()
    except ValueError:  # before year 1
        return 0


@dataclass(frozen=True)
class Patients:
    """The patients of a due table, as columns (a DuePatient is built when shown)."""

    ids: list[str]
    names: list[str]
    birth: np.ndarray  # day ordinals
    sexes: list[str]
    gps: list[str]

    @classmethod
    def of(cls, patients: Sequence[DuePatient]) -> Patients:
        return cls([p.id for p in patients], [p.name for p in patients],
                   np.array([p.birth_date.toordinal() for p in patients], dtype=np.int64),
                   [p.sex for p in patients], [p.treating_gp for p in patients])

    def __len__(self) -> int:
        return len(self.ids)

    def patient(self, i: int) -> DuePatient:
        return DuePatient(self.ids[i], self.names[i], date.fromordinal(int(self.birth[i])),
                          self.sexes[i], self.gps[i])


class DueTable:
    """Every row any filter could show on `today`, as columns, in display order:
    children's compulsory vaccines first, then most late first."""

    def __init__(self, today: date, patients: Patients, groups: list[str],
                 recalls: Mapping[str, Sequence[Recall]], columns: np.ndarray) -> None:
        """`columns`: rows of (patient index, group index, dose number or 0, recommended,
        past due, latest), day ordinals (_NEVER: none)."""
        self.today = today
        self.patients = patients
        self.groups = groups
        self.recalls = recalls
        t = today.toordinal()
        columns = columns[columns[:, 5] >= t]  # still possible today
        pat, grp = columns[:, 0], columns[:, 1]
        recommended, past_due = columns[:, 3], columns[:, 4]
        birth = patients.birth[pat] if len(pat) else np.zeros(0, dtype=np.int64)
        state = np.where(past_due <= t, 0, np.where(recommended <= t, 1, 2))
        under_18 = birth > _cutoff(today, COMPULSORY_UNTIL_YEARS)
        main = np.array([g in COMPULSORY_GROUPS for g in groups] + [False])
        late_2025 = np.array([g in COMPULSORY_GROUPS_2025 for g in groups] + [False])
        compulsory = under_18 & (
            (main[grp] & (birth >= COMPULSORY_FROM.toordinal()))
            | (late_2025[grp] & (birth >= COMPULSORY_FROM_2025.toordinal())))
        band = np.full(len(birth), len(AGE_BANDS) - 1)
        for i in range(len(AGE_BANDS) - 2, -1, -1):  # youngest last: it wins
            high = AGE_BANDS[i][2]
            assert high is not None
            band = np.where(birth > _cutoff(today, high), i, band)
        # Compulsory first, most late first (earliest recommended), then patient, group.
        order = np.lexsort((grp, pat, recommended, ~compulsory))
        self._columns = columns[order]
        self.state = state[order]
        self.compulsory = compulsory[order]
        self.band = band[order]
        self.pat = self._columns[:, 0]
        self.grp = self._columns[:, 1]
        self.recommended = self._columns[:, 3]
        self.gps = sorted({gp for gp in patients.gps if gp})
        self._gp_index = {gp: i for i, gp in enumerate(self.gps)}
        self._gp_of = np.array([self._gp_index.get(gp, -1) for gp in patients.gps] + [-1])

    @classmethod
    def build(cls, patients: Mapping[str, DuePatient], items: Iterable[DueItem],
              recalls: Mapping[str, Sequence[Recall]], today: date,
              horizon: date | None = None) -> DueTable:
        """From items with dates (tests, small lists); `horizon`: the furthest
        recommended date kept (default: today)."""
        people = list(patients.values())
        index = {p.id: i for i, p in enumerate(people)}
        groups: dict[str, int] = {}
        rows = []
        end = (horizon or today).toordinal()
        for item in items:
            if item.patient_id not in index or item.recommended is None:
                continue
            if item.recommended.toordinal() > end:
                continue
            g = groups.setdefault(item.group, len(groups))
            rows.append((index[item.patient_id], g, item.dose_number or 0,
                         item.recommended.toordinal(),
                         item.past_due.toordinal() if item.past_due else _NEVER,
                         item.latest.toordinal() if item.latest else _NEVER))
        return cls(today, Patients.of(people), list(groups), recalls,
                   np.array(rows, dtype=np.int64).reshape(-1, 6))

    @classmethod
    def from_packed(cls, rows: Sequence[tuple[str, str, int, str, str, bytes]],
                    codes: Mapping[int, str], recalls: Mapping[str, Sequence[Recall]],
                    today: date, horizon: int) -> DueTable:
        """From the kept summaries' rows: (id, name, birth day, sex, GP, packed due
        groups: int32 quintuples of group code, dose, recommended, past due, latest)."""
        ids = [str(r[0]) for r in rows]
        names = [str(r[1]) for r in rows]
        births = [int(r[2]) for r in rows]
        sexes = [str(r[3]) for r in rows]
        gps = [str(r[4]) for r in rows]
        blobs = [bytes(r[5]) for r in rows]
        packed = np.frombuffer(b"".join(blobs), dtype="<i4").reshape(-1, 5).astype(np.int64)
        per_patient = np.array([len(b) // 20 for b in blobs], dtype=np.int64)
        pat = np.repeat(np.arange(len(rows), dtype=np.int64), per_patient)
        group_codes = sorted(codes)
        position = np.zeros(max(group_codes, default=0) + 1, dtype=np.int64)
        position[group_codes] = np.arange(len(group_codes))
        columns = np.column_stack((pat, position[packed[:, 0]] if len(packed) else packed[:, 0],
                                   packed[:, 1:]))
        columns = columns[columns[:, 3] <= horizon]
        patients = Patients(ids, names, np.array(births, dtype=np.int64), sexes, gps)
        return cls(today, patients, [codes[c] for c in group_codes], recalls, columns)

    def __len__(self) -> int:
        return len(self._columns)

    def select(self, filters: Filters) -> np.ndarray:
        """Indices of the rows the filters keep, in display order."""
        end = window_end(filters.window, self.today, filters.until).toordinal()
        mask = self.recommended <= end
        if filters.window == LATE_ONLY:
            mask &= self.state == 0
        if filters.group:
            if filters.group not in self.groups:
                return np.zeros(0, dtype=np.int64)
            mask &= self.grp == self.groups.index(filters.group)
        if filters.age_band:
            codes = [code for code, _low, _high in AGE_BANDS]
            mask &= self.band == codes.index(filters.age_band)
        if filters.treating_gp:
            mask &= self._gp_of[self.pat] == self._gp_index.get(filters.treating_gp, -2)
        if filters.obligation:
            mask &= self.compulsory == (filters.obligation == COMPULSORY)
        if filters.mine:
            mine = fold(filters.mine)
            ok = np.array([mine in fold(gp) for gp in self.gps] + [False])
            mask &= ok[self._gp_of[self.pat]]
        return np.flatnonzero(mask)

    def counts(self, rows: np.ndarray) -> dict[str, tuple[int, int]]:
        """Per vaccine group: (rows due, rows overdue), compulsory groups first."""
        n = len(self.groups)
        late = np.bincount(self.grp[rows][self.state[rows] == 0], minlength=n)
        due = np.bincount(self.grp[rows][self.state[rows] != 0], minlength=n)
        found = [i for i in range(n) if late[i] or due[i]]
        found.sort(key=lambda i: (self.groups[i] not in COMPULSORY_GROUPS, -late[i],
                                  self.groups[i]))
        return {self.groups[i]: (int(due[i]), int(late[i])) for i in found}

    def row(self, i: int) -> DueRow:
        """Row `i` (an index from `select`) as a record."""
        p, g, dose, recommended_day, past, latest = (int(v) for v in self._columns[i])
        patient = self.patients.patient(p)
        group = self.groups[g]
        recommended = date.fromordinal(recommended_day)
        item = DueItem(patient.id, group, dose or None, None, recommended,
                       date.fromordinal(past) if past != _NEVER else None,
                       date.fromordinal(latest) if latest != _NEVER else None)
        return DueRow(patient, item, STATES[int(self.state[i])],
                      (self.today - recommended).days, bool(self.compulsory[i]),
                      AGE_BANDS[int(self.band[i])][0],
                      last_recall(self.recalls.get(patient.id, ()), group))

    def rows(self, indices: Iterable[int]) -> list[DueRow]:
        return [self.row(int(i)) for i in indices]


def select(table: DueTable, filters: Filters) -> list[DueRow]:
    """The rows the filters keep, as records (for exports and tests)."""
    return table.rows(table.select(filters))


def counts(rows: Iterable[DueRow]) -> dict[str, tuple[int, int]]:
    """Per vaccine group of these records: (due, overdue), compulsory groups first."""
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
