"""The carnet's records: a Dose (administered, transcribed, reported or not given), a Fact
of the patient's profile (pregnancy, immunodepression...), and the pure rules each must
meet before it is saved. No Qt, no SQL."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from tsn_desktop.core import identifiers

RESOURCE = "Immunization"

# Where the dose came from (shown on each line of the carnet).
RECORDED = "recorded"  # recorded here, by this practitioner
HUB = "hub"  # received from the hub, recorded by a colleague
TRANSCRIBED = "transcribed"  # copied from the paper carnet
REPORTED = "reported"  # told by the patient, no document
SOURCES = (RECORDED, HUB, TRANSCRIBED, REPORTED)

# What happened.
ADMINISTERED = "administered"
HISTORICAL = "historical"  # given elsewhere, before: lot optional
NOT_GIVEN = "not-given"
OUTCOMES = (ADMINISTERED, HISTORICAL, NOT_GIVEN)
NOT_GIVEN_REASONS = ("refused", "contraindicated", "immune", "deferred")

# The record's status: the one edit a dose ever gets is being marked entered-in-error.
COMPLETED = "completed"
ENTERED_IN_ERROR = "entered-in-error"

PLACES = ("cabinet", "officine", "vaccination-centre", "hospital", "school", "home", "other")

MAX_LOT = 20  # GS1 AI (10) holds at most 20 characters
MAX_TEXT = 200

# Problem codes (vaccination/ui/texts.py words them).
FUTURE = "future"
BEFORE_BIRTH = "before_birth"
UNKNOWN_PRODUCT = "unknown_product"
LOT_REQUIRED = "lot_required"
LOT_CONTROL = "lot_control"
LOT_TOO_LONG = "lot_too_long"
EXPIRED_AT_DATE = "expired_at_date"
ROUTE_NOT_ALLOWED = "route_not_allowed"
SITE_NOT_ALLOWED = "site_not_allowed"
REASON_REQUIRED = "reason_required"
BAD_RPPS = "bad_rpps"
WHY_REQUIRED = "why_required"
ALREADY_IN_ERROR = "already_in_error"


@dataclass(frozen=True)
class Performer:
    """Who gave (or recorded) the dose; all empty when unknown (a paper carnet)."""

    name: str = ""
    profession: str = ""
    rpps: str = ""


@dataclass(frozen=True)
class DoseMeta:
    local_version: int = 0
    hub_version: str | None = None
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class Dose:
    id: str
    patient_id: str
    occurrence: date
    product: str  # the catalogue / schedule pack code, e.g. "FR-HEXYON"
    outcome: str = ADMINISTERED
    lot: str = ""
    expiry: date | None = None
    site: str = ""
    route: str = ""
    performer: Performer = field(default_factory=Performer)
    place: str = ""
    place_name: str = ""
    source: str = RECORDED
    recorded_by: Performer = field(default_factory=Performer)
    reason: str = ""  # not given: one of NOT_GIVEN_REASONS
    note: str = ""
    status: str = COMPLETED
    error_by: Performer = field(default_factory=Performer)
    error_at: str = ""  # UTC ISO time it was marked
    error_why: str = ""
    # Given outside the practitioner's own scope (vaccination/scope.py): on whose
    # prescription, and why it was outside (a scope.OUTSIDE_* code; "" when within).
    prescriber: Performer = field(default_factory=Performer)
    scope_reason: str = ""
    meta: DoseMeta = field(default_factory=DoseMeta)

    @property
    def in_error(self) -> bool:
        return self.status == ENTERED_IN_ERROR

    @property
    def counts(self) -> bool:
        """Whether the forecast engine sees this dose: given, and not marked in error."""
        return not self.in_error and self.outcome != NOT_GIVEN


class InvalidDose(ValueError):
    """A dose refused before anything is written; `problems` are codes, in field order."""

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(c)[0] == "C" for c in text)


def clean(text: str) -> str:
    return " ".join(text.split())[:MAX_TEXT]


def check_dose(dose: Dose, today: date, birth_date: date | None,
               allowed_routes: tuple[str, ...] | None,
               allowed_sites: tuple[str, ...] | None) -> tuple[str, ...]:
    """Every reason the dose cannot be saved (empty: it can). `allowed_routes` is None
    when the product is unknown (neither in the catalogue nor in the schedule pack)."""
    problems: list[str] = []
    if dose.occurrence > today:
        problems.append(FUTURE)
    if birth_date is not None and dose.occurrence < birth_date:
        problems.append(BEFORE_BIRTH)
    if allowed_routes is None:
        problems.append(UNKNOWN_PRODUCT)
    if has_control_characters(dose.lot):
        problems.append(LOT_CONTROL)
    elif len(dose.lot) > MAX_LOT:
        problems.append(LOT_TOO_LONG)
    elif dose.outcome == ADMINISTERED and not dose.lot.strip():
        problems.append(LOT_REQUIRED)
    if dose.expiry is not None and dose.outcome != NOT_GIVEN and dose.expiry < dose.occurrence:
        problems.append(EXPIRED_AT_DATE)
    if allowed_routes is not None and dose.route and dose.route not in allowed_routes:
        problems.append(ROUTE_NOT_ALLOWED)
    if allowed_sites is not None and dose.site and dose.site not in allowed_sites:
        problems.append(SITE_NOT_ALLOWED)
    if dose.outcome == NOT_GIVEN and dose.reason not in NOT_GIVEN_REASONS:
        problems.append(REASON_REQUIRED)
    if dose.performer.rpps and not identifiers.validate_rpps(dose.performer.rpps).ok:
        problems.append(BAD_RPPS)
    return tuple(problems)


# --- Patient profile facts ------------------------------------------------------------------
# The facts that change the schedule (pregnancy, immunodepression, occupational exposure...),
# each one of the schedule pack's observation codes. A fact is recorded once, with where the
# information comes from and who recorded it; it is never rewritten: it may be ended (with
# the day it stopped: resolved) or retracted (entered in error), once. Both stay in the
# history. Synced as FHIR Condition.
FACT_RESOURCE = "Condition"
FACT_ACTIVE = "active"
FACT_RESOLVED = "resolved"
FACT_STATUSES = (FACT_ACTIVE, FACT_RESOLVED, ENTERED_IN_ERROR)
# Where the information comes from.
SEEN = "examination"  # found by the practitioner (examination, the patient's file here)
DOCUMENT = "document"  # a medical document: letter, serology, hospital report
DECLARED = "declared"  # told by the patient or the family, no document
FACT_SOURCES = (SEEN, DOCUMENT, DECLARED)

# Pregnancy is recorded with its term; the pack's narrower pregnancy codes follow from the
# weeks of amenorrhoea (SA) on the day the forecast is made, never typed.
PREGNANCY = "FR-GROSSESSE"
PREGNANCY_20_36 = "FR-GROSSESSE-20-36SA"
PREGNANCY_RSV = "FR-GROSSESSE-32-36SA-VRS"
DERIVED_CODES = (PREGNANCY_20_36, PREGNANCY_RSV)
MAX_PREGNANCY_WEEKS = 42  # past it a pregnancy recorded as ongoing has surely ended
RSV_MONTHS = (9, 10, 11, 12, 1)  # maternal RSV vaccination: September to January

# Problem codes of a fact (vaccination/ui/texts.py words them).
UNKNOWN_CODE = "unknown_code"
SOURCE_REQUIRED = "source_required"
BAD_TERM = "bad_term"
END_BEFORE_ONSET = "end_before_onset"
NOT_ACTIVE = "not_active"


@dataclass(frozen=True)
class Fact:
    """One fact of the patient's profile. `onset`: since when (for a pregnancy: the first
    day of amenorrhoea, from which its term in weeks is counted)."""

    id: str
    patient_id: str
    code: str
    onset: date
    source: str = SEEN
    note: str = ""
    recorded_by: Performer = field(default_factory=Performer)
    status: str = FACT_ACTIVE
    abatement: date | None = None  # the day it stopped (resolved)
    ended_by: Performer = field(default_factory=Performer)
    ended_at: str = ""  # UTC ISO time it was ended or retracted
    end_why: str = ""  # why it was retracted (entered in error)
    meta: DoseMeta = field(default_factory=DoseMeta)

    @property
    def in_error(self) -> bool:
        return self.status == ENTERED_IN_ERROR

    def holds_on(self, day: date) -> bool:
        """Whether the fact is true on `day` (recorded, not retracted, not yet ended)."""
        if self.in_error or self.onset > day:
            return False
        return self.abatement is None or self.abatement > day

    def weeks_on(self, day: date) -> int:
        """Completed weeks since onset (a pregnancy's term in SA on `day`)."""
        return (day - self.onset).days // 7


def pregnancy_onset(term_weeks: int, term_days: int, on: date) -> date:
    """The first day of amenorrhoea of a pregnancy at `term_weeks` SA + `term_days` on `on`."""
    return on - timedelta(weeks=term_weeks, days=term_days)


def observations_on(facts: list[Fact], day: date, known: set[str] | frozenset[str]
                    ) -> frozenset[str]:
    """The pack observation codes the engine reads for the patient on `day`: every fact
    that holds, and for a pregnancy the term-dependent codes the pack has."""
    codes: set[str] = set()
    for fact in facts:
        if not fact.holds_on(day):
            continue
        if fact.code != PREGNANCY:
            codes.add(fact.code)
            continue
        weeks = fact.weeks_on(day)
        if weeks > MAX_PREGNANCY_WEEKS:
            continue
        codes.add(PREGNANCY)
        if 20 <= weeks <= 36:
            codes.add(PREGNANCY_20_36)
        if 32 <= weeks <= 36 and day.month in RSV_MONTHS:
            codes.add(PREGNANCY_RSV)
    return frozenset(codes & set(known))


def check_fact(fact: Fact, today: date, birth_date: date | None,
               known: set[str] | frozenset[str]) -> tuple[str, ...]:
    """Every reason the fact cannot be saved (empty: it can)."""
    problems: list[str] = []
    if fact.code not in known or fact.code in DERIVED_CODES:
        problems.append(UNKNOWN_CODE)
    if fact.onset > today:
        problems.append(FUTURE)
    if birth_date is not None and fact.onset < birth_date and fact.code != PREGNANCY:
        problems.append(BEFORE_BIRTH)
    if fact.code == PREGNANCY and not 0 <= fact.weeks_on(today) <= MAX_PREGNANCY_WEEKS:
        problems.append(BAD_TERM)
    if fact.source not in FACT_SOURCES:
        problems.append(SOURCE_REQUIRED)
    return tuple(problems)


def check_end(fact: Fact, on: date, today: date) -> tuple[str, ...]:
    """Why the fact cannot be ended on `on` (empty: it can)."""
    problems: list[str] = []
    if fact.status != FACT_ACTIVE:
        problems.append(NOT_ACTIVE)
    if on > today:
        problems.append(FUTURE)
    if on < fact.onset:
        problems.append(END_BEFORE_ONSET)
    return tuple(problems)
