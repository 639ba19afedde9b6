"""Pathway enrolment, per-patient thresholds and stored alerts: records and pure rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from tsn_desktop.readings.alerts import PATHWAYS, Alert, Thresholds

ACTIVE, FINISHED = "active", "finished"

# What a practitioner may set for a patient, with the bounds a typing slip cannot cross.
EDITABLE = {
    "dry_weight_kg": (20.0, 300.0),
    "dry_weight_gain_kg": (0.5, 10.0),
    "weight_gain_kg": (0.5, 10.0),
    "weight_gain_days": (1.0, 14.0),
    "no_weight_days": (1.0, 14.0),
    "home_systolic": (100.0, 200.0),
    "home_diastolic": (60.0, 130.0),
    "severe_systolic": (140.0, 250.0),
    "severe_diastolic": (90.0, 150.0),
    "low_systolic": (70.0, 120.0),
    "heart_rate_low": (30.0, 80.0),
    "heart_rate_high": (80.0, 180.0),
    "steps_target": (1000.0, 30000.0),
}
BAD_PATHWAY = "bad_pathway"
UNKNOWN_THRESHOLD = "unknown_threshold"
THRESHOLD_OUT_OF_RANGE = "threshold_out_of_range"


class PathwayError(ValueError):
    """A pathway or threshold the service refuses; `code` says why (never data)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Enrolment:
    patient_id: str
    pathway: str
    status: str
    since: datetime
    changed_by: str
    changed_by_name: str
    changed_at: datetime
    # The home BP protocol of the patient's alerts: carried with the enrolment so that
    # everyone following the patient averages the same way (None: the pack's default).
    protocol: str | None = None

    @property
    def active(self) -> bool:
        return self.status == ACTIVE


@dataclass(frozen=True)
class ThresholdChange:
    """A patient's threshold set (value) or put back to the pack's default (None)."""

    name: str
    value: float | None
    changed_by: str
    changed_by_name: str
    changed_at: datetime
    id: str = ""


@dataclass(frozen=True)
class Acknowledgement:
    by_id: str
    by_name: str
    at: datetime
    comment: str


# Why an alert was withdrawn: the readings it came from were given to another patient.
READINGS_REASSIGNED = "readings_reassigned"


@dataclass(frozen=True)
class Withdrawal:
    """Who withdrew an alert, when and why (a code): the alert is kept, not deleted."""

    by_id: str
    by_name: str
    at: datetime
    reason: str


@dataclass(frozen=True)
class StoredAlert:
    """An alert as raised and kept: the rule's output plus who saw it and when."""

    id: str
    patient_id: str
    code: str
    severity: str
    at: datetime
    figures: tuple[float, ...]
    evidence: str
    rules_version: str
    raised_at: datetime
    acks: tuple[Acknowledgement, ...] = ()
    withdrawal: Withdrawal | None = None  # kept in the history, off the practice list

    @property
    def acknowledged(self) -> bool:
        return bool(self.acks)

    @property
    def withdrawn(self) -> bool:
        return self.withdrawal is not None

    def as_alert(self) -> Alert:
        return Alert(self.code, self.severity, self.at, self.figures, self.evidence)


def check_pathway(pathway: str) -> None:
    if pathway not in PATHWAYS:
        raise PathwayError(BAD_PATHWAY)


def check_threshold(name: str, value: float | None) -> None:
    if name not in EDITABLE:
        raise PathwayError(UNKNOWN_THRESHOLD)
    low, high = EDITABLE[name]
    if value is not None and not low <= value <= high:
        raise PathwayError(THRESHOLD_OUT_OF_RANGE)


def current_overrides(changes: Iterable[ThresholdChange]) -> dict[str, ThresholdChange]:
    """The change in force for each threshold: the latest (by time, then author, so two
    practitioners' copies agree); a reset (None) leaves the pack's default."""
    latest: dict[str, ThresholdChange] = {}
    # Stable sort: changes of one second keep their order (the store's, the hub copy's).
    for c in sorted(changes, key=lambda c: (c.changed_at, c.changed_by)):
        latest[c.name] = c
    return {name: c for name, c in latest.items() if c.value is not None}


def thresholds_for(base: Thresholds, changes: Iterable[ThresholdChange]) -> Thresholds:
    return base.with_overrides({n: c.value for n, c in current_overrides(changes).items()})
