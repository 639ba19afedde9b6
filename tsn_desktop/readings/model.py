"""Readings from connected devices: the Reading record, units, plausibility and its natural key."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

WEIGHT, BLOOD_PRESSURE, HEART_RATE, STEPS = "weight", "blood_pressure", "heart_rate", "steps"
KINDS = (WEIGHT, BLOOD_PRESSURE, HEART_RATE, STEPS)
# UCUM of the stored value (blood pressure: systolic and diastolic both in mm[Hg]).
UNITS = {WEIGHT: "kg", BLOOD_PRESSURE: "mm[Hg]", HEART_RATE: "/min", STEPS: "/d"}
FINAL, ENTERED_IN_ERROR = "final", "entered-in-error"

LB_KG = 0.45359237
KPA_MMHG = 7.500617

# Device status bits kept on a reading (BLE 0x2A35 measurement status, Omron IHB/MOV).
FLAG_BODY_MOVEMENT = 0x01
FLAG_CUFF_LOOSE = 0x02
FLAG_IRREGULAR_PULSE = 0x04

# Plausibility: outside these a value is a device or typing error, not a patient.
# Bounds after devices.md §1.10 (weight widened down for children).
BOUNDS = {
    WEIGHT: (1.0, 350.0),
    "systolic": (50.0, 300.0),
    "diastolic": (30.0, 200.0),
    HEART_RATE: (25.0, 250.0),
    STEPS: (0.0, 100_000.0),
}

# One namespace for every reading id: the id is a function of the measurement.
_NAMESPACE = uuid.UUID("6f1d2a8e-3c1b-5e0f-9a77-2b6d0c4e8a15")

# Rejection reasons (codes; the wording is ui/texts.py's).
BAD_DATE = "bad_date"
BAD_NUMBER = "bad_number"
OUT_OF_RANGE = "out_of_range"
DIASTOLIC_ABOVE_SYSTOLIC = "diastolic_above_systolic"
IN_THE_FUTURE = "in_the_future"
BEFORE_BIRTH = "before_birth"
NO_VALUE = "no_value"


@dataclass(frozen=True)
class Reading:
    """One measurement. `value` is kg, systolic mmHg, beats per minute or steps per day;
    `value2` the diastolic; `at` an aware UTC instant; `patient_id` empty until the
    service assigns the reading to a patient."""

    kind: str
    at: datetime
    value: float
    value2: float | None = None
    pulse: float | None = None
    original: str = ""
    source: str = ""
    device: str = ""
    flags: int = 0
    patient_id: str = ""
    status: str = FINAL
    error_reason: str = ""
    # Where an importer found it (line or record number, zip member) and whom the file
    # says it is of (a device's user number, the file's patient name): not stored.
    line: int = field(default=0, compare=False)
    member: str = field(default="", compare=False)
    user: str = field(default="", compare=False)

    @property
    def unit(self) -> str:
        return UNITS[self.kind]

    @property
    def id(self) -> str:
        return reading_id(self)

    @property
    def irregular_pulse(self) -> bool:
        return bool(self.flags & FLAG_IRREGULAR_PULSE)


@dataclass(frozen=True)
class Rejection:
    """A line or record an importer could not take: where (line or record number, and
    the member of a zip) and why (a reason code)."""

    line: int
    reason: str
    member: str = ""


def utc_text(moment: datetime) -> str:
    """The stored form: UTC to the second (devices do not measure finer)."""
    moment = moment.astimezone(UTC)
    if moment.year >= 1000:
        # isoformat is four times as fast as strftime (a sync writes 100 000 of these);
        # strftime does not pad years before 1000.
        return moment.isoformat(timespec="seconds")[:19] + "Z"
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_STORED_FORM = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", re.ASCII)


def parse_utc(text: str) -> datetime:
    if _STORED_FORM.fullmatch(text):
        # The stored form, read without strptime (a sync reads 100 000 of them); the same
        # values are accepted and refused (datetime checks the ranges).
        return datetime(int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]),
                        int(text[14:16]), int(text[17:19]), tzinfo=UTC)
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def _key_number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def reading_id(reading: Reading) -> str:
    """The natural key as a UUID: the same measurement from any file, app or colleague
    gets the same id (so it is stored once and travels as one Observation)."""
    if not reading.patient_id:
        raise ValueError("a reading gets its id once it belongs to a patient")
    key = "|".join((reading.patient_id, reading.kind, utc_text(reading.at),
                    _key_number(reading.value), _key_number(reading.value2)))
    return str(uuid.uuid5(_NAMESPACE, key))


def problem(reading: Reading, now: datetime, birth: datetime | None = None) -> str:
    """Why a reading cannot be right ("" when plausible): values out of bounds,
    diastolic above systolic, a time in the future (a few minutes of clock drift
    allowed) or before the patient's birth."""
    if reading.kind == BLOOD_PRESSURE:
        if reading.value2 is None:
            return NO_VALUE
        if not _within("systolic", reading.value) or not _within("diastolic", reading.value2):
            return OUT_OF_RANGE
        if reading.value2 >= reading.value:
            return DIASTOLIC_ABOVE_SYSTOLIC
        if reading.pulse is not None and not _within(HEART_RATE, reading.pulse):
            return OUT_OF_RANGE
    elif not _within(reading.kind, reading.value):
        return OUT_OF_RANGE
    if (reading.at - now).total_seconds() > 600:
        return IN_THE_FUTURE
    if birth is not None and reading.at < birth:
        return BEFORE_BIRTH
    return ""


def _within(bound: str, value: float) -> bool:
    low, high = BOUNDS[bound]
    return low <= value <= high
