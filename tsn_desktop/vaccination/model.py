"""The carnet's records: a Dose (administered, transcribed, reported or not given) and the
pure rules a dose must meet before it is saved. No Qt, no SQL."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

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
