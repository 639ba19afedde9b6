"""Adverse events following immunisation (pharmacovigilance): the record, its short lists
(signs, seriousness criteria of the national declaration form, outcome) and the rules it
must meet before it is saved. No Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

RESOURCE = "AdverseEvent"

# The signs most reported after a vaccine (ANSM / WHO AEFI lists), as codes; free text too.
SYMPTOMS = ("local-reaction", "fever", "rash", "urticaria", "anaphylaxis", "syncope",
            "seizure", "hypotonic-episode", "persistent-crying", "lymphadenopathy",
            "arthralgia", "headache", "myalgia", "fatigue", "digestive", "other")
# The seriousness criteria of the national declaration form (Cerfa n° 10011 and the
# ANSM "portail des signalements"): any one makes the event serious.
SERIOUSNESS = ("death", "life-threatening", "hospitalisation", "disability",
               "congenital-anomaly", "other-medically-important")
OUTCOMES = ("recovered", "recovering", "not-recovered", "recovered-with-sequelae", "fatal",
            "unknown")
MAX_TEXT = 2000

# Problem codes (the UI words them).
NO_SIGN = "no_sign"
ONSET_BEFORE_DOSE = "onset_before_dose"
ONSET_FUTURE = "onset_future"
BAD_DELAY = "bad_delay"
UNKNOWN_CODE = "unknown_code"
FATAL_NOT_SERIOUS = "fatal_not_serious"


@dataclass(frozen=True)
class AdverseEvent:
    id: str
    dose_id: str
    patient_id: str
    onset: date
    onset_delay_hours: int | None = None
    symptoms: tuple[str, ...] = ()
    description: str = ""
    seriousness: tuple[str, ...] = ()  # empty: not serious
    outcome: str = "unknown"
    care: str = ""
    recorder_name: str = ""
    recorder_rpps: str = ""
    local_version: int = 0
    hub_version: str | None = None
    created_at: str = ""
    updated_at: str = field(default="", compare=False)

    @property
    def serious(self) -> bool:
        return bool(self.seriousness)


class InvalidAdverseEvent(ValueError):
    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def check(event: AdverseEvent, dose_date: date, today: date) -> tuple[str, ...]:
    """Every reason the event cannot be saved (empty: it can)."""
    problems: list[str] = []
    if not event.symptoms and not event.description.strip():
        problems.append(NO_SIGN)
    if event.onset < dose_date:
        problems.append(ONSET_BEFORE_DOSE)
    if event.onset > today:
        problems.append(ONSET_FUTURE)
    if event.onset_delay_hours is not None and event.onset_delay_hours < 0:
        problems.append(BAD_DELAY)
    if (set(event.symptoms) - set(SYMPTOMS) or set(event.seriousness) - set(SERIOUSNESS)
            or event.outcome not in OUTCOMES):
        problems.append(UNKNOWN_CODE)
    if event.outcome == "fatal" and "death" not in event.seriousness:
        problems.append(FATAL_NOT_SERIOUS)
    return tuple(problems)


@dataclass(frozen=True)
class EventLine:
    """One line of the practice's list, by product and lot."""

    event: AdverseEvent
    product: str
    lot: str
    dose_date: date
    patient_name: str
