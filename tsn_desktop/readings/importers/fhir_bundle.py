"""A FHIR R4 Bundle of vital-signs Observations (HL7 vital signs; the ANS "Mesures de
santé" profiles use the same LOINC codes): weight, blood pressure panel, heart rate, steps.

A Bundle is one JSON document: it is parsed whole, so its size is capped.
"""

from __future__ import annotations

import io
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import IO, Any

from tsn_desktop.readings.importers.common import (
    BAD_UNIT,
    NO_HEADER,
    NOT_FINAL,
    PARIS,
    UNKNOWN_CODE,
    local,
)
from tsn_desktop.readings.model import (
    BAD_DATE,
    BAD_NUMBER,
    BLOOD_PRESSURE,
    HEART_RATE,
    KPA_MMHG,
    LB_KG,
    NO_VALUE,
    STEPS,
    WEIGHT,
    Reading,
    Rejection,
)

FORMAT = "fhir"
MAX_BYTES = 200 * 1024 * 1024
LOINC = "http://loinc.org"
BODY_WEIGHT, BP_PANEL, SYSTOLIC, DIASTOLIC = "29463-7", "85354-9", "8480-6", "8462-4"
BP_PANEL_OTHER = "55284-4"  # "Blood pressure systolic and diastolic", used by some PGHD apps
HEART_RATE_CODE, STEPS_DAY, STEPS_PEDOMETER = "8867-4", "41950-7", "55423-8"
_KIND = {BODY_WEIGHT: WEIGHT, BP_PANEL: BLOOD_PRESSURE, BP_PANEL_OTHER: BLOOD_PRESSURE,
         HEART_RATE_CODE: HEART_RATE,
         STEPS_DAY: STEPS, STEPS_PEDOMETER: STEPS}
_WEIGHT_UNITS = {"kg": 1.0, "g": 0.001, "[lb_av]": LB_KG}
_MMHG = {"mm[Hg]": 1.0, "mmHg": 1.0, "kPa": KPA_MMHG}
_PER_MIN = {"/min", "{beats}/min", "1/min", "beats/min", "bpm"}
_STEP_UNITS = {"/d", "{steps}/d", "1/(24.h)", "{steps}", "1", "/(24.h)", "{count}"}


class NotABundle(ValueError):
    pass


def loinc_codes(concept: Any) -> list[str]:
    if not isinstance(concept, dict):
        return []
    return [str(c.get("code")) for c in concept.get("coding") or []
            if isinstance(c, dict) and c.get("system") == LOINC]


def effective(obs: dict[str, Any]) -> datetime:
    """effectiveDateTime, effectiveInstant, or the start of effectivePeriod; a date alone
    is the patient's local midnight (steps by day)."""
    period = obs.get("effectivePeriod")
    text = obs.get("effectiveDateTime") or obs.get("effectiveInstant") or \
        (period.get("start") if isinstance(period, dict) else None)
    if not isinstance(text, str):
        raise ValueError("no effective time")
    if len(text) == 10:
        return local(datetime.combine(date.fromisoformat(text), time()))
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.astimezone(UTC) if moment.tzinfo else local(moment)


def _quantity(q: Any) -> tuple[float, str]:
    if not isinstance(q, dict) or not isinstance(q.get("value"), int | float) \
            or isinstance(q.get("value"), bool) or not math.isfinite(q["value"]):
        raise ValueError("no value")  # json reads NaN and Infinity, FHIR has neither
    return float(q["value"]), str(q.get("code") or q.get("unit") or "")


def observation(obs: dict[str, Any], number: int, source: str,
                names: dict[str, str] | None = None) -> Reading | Rejection:
    codes = loinc_codes(obs.get("code"))
    kind = next((_KIND[c] for c in codes if c in _KIND), None)
    if kind is None:
        return Rejection(number, UNKNOWN_CODE, source)
    if obs.get("status") not in ("final", "amended", "corrected"):
        return Rejection(number, NOT_FINAL, source)
    try:
        at = effective(obs)
    except (ValueError, TypeError):
        return Rejection(number, BAD_DATE, source)
    device = ""
    if isinstance(obs.get("device"), dict):
        device = str(obs["device"].get("display") or obs["device"].get("reference") or "")
    meta = obs.get("meta")
    if not device and isinstance(meta, dict) and isinstance(meta.get("source"), str):
        device = meta["source"]  # the ANS profiles name the sending system there
    subject: dict[str, Any] = obs["subject"] if isinstance(obs.get("subject"), dict) else {}
    user = str(subject.get("display") or subject.get("reference") or "")
    common: dict[str, Any] = {"source": f"{FORMAT}:{source}", "device": device,
                              "line": number, "member": source,
                              "user": names.get(user, user) if names else user}
    try:
        if kind == BLOOD_PRESSURE:
            parts: dict[str, tuple[float, str]] = {}
            for comp in obs.get("component") or []:
                for code in loinc_codes(comp.get("code") if isinstance(comp, dict) else None):
                    if code in (SYSTOLIC, DIASTOLIC, HEART_RATE_CODE):
                        parts[code] = _quantity(comp.get("valueQuantity"))
            if SYSTOLIC not in parts or DIASTOLIC not in parts:
                return Rejection(number, NO_VALUE, source)
            (high, u1), (low, u2) = parts[SYSTOLIC], parts[DIASTOLIC]
            if u1 not in _MMHG or u2 not in _MMHG:
                return Rejection(number, BAD_UNIT, source)
            pulse = parts.get(HEART_RATE_CODE)
            if pulse is not None and pulse[1] not in _PER_MIN:
                return Rejection(number, BAD_UNIT, source)
            original = f"{high:g}/{low:g} {'mm[Hg]' if u1 == 'mmHg' else u1}"
            if u1 != u2:
                original = f"{high:g} {u1}/{low:g} {u2}"
            if _MMHG[u1] != 1.0 or _MMHG[u2] != 1.0:
                high, low = round(high * _MMHG[u1]), round(low * _MMHG[u2])
            return Reading(kind, at, high, low, pulse=pulse[0] if pulse else None,
                           original=original, **common)
        value, unit = _quantity(obs.get("valueQuantity"))
    except ValueError:
        return Rejection(number, BAD_NUMBER, source)
    if kind == WEIGHT:
        if unit not in _WEIGHT_UNITS:
            return Rejection(number, BAD_UNIT, source)
        return Reading(kind, at, round(value * _WEIGHT_UNITS[unit], 3),
                       original=f"{value:g} {unit}", **common)
    if (kind == HEART_RATE and unit not in _PER_MIN) or \
            (kind == STEPS and unit not in _STEP_UNITS):
        return Rejection(number, BAD_UNIT, source)
    return Reading(kind, at, value, original=f"{value:g} {unit}", **common)


def read(raw: io.RawIOBase | IO[bytes], source: str) -> Iterator[Reading | Rejection]:
    """Entries are numbered from 1 in the rejections. Other resources of a transaction
    bundle (Patient, Device) are passed over."""
    try:
        bundle = json.loads(raw.read(MAX_BYTES + 1))
    except (ValueError, UnicodeDecodeError):
        yield Rejection(1, NO_HEADER, source)
        return
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        yield Rejection(1, NO_HEADER, source)
        return
    entries = [e.get("resource") if isinstance(e, dict) else None
               for e in bundle.get("entry") or []]
    names = _patient_names(entries, bundle.get("entry") or [])
    # Pedometer counts over any span (55423-8) become daily totals, as the other files'
    # steps are: summed per day and device, the device that counted most (not the sum).
    counts: dict[tuple[date, str, str], float] = defaultdict(float)
    for number, resource in enumerate(entries, start=1):
        if isinstance(resource, dict) and resource.get("resourceType") == "Observation":
            found = observation(resource, number, source, names)
            codes = loinc_codes(resource.get("code"))
            if isinstance(found, Reading) and found.kind == STEPS \
                    and STEPS_DAY not in codes:
                counts[(found.at.astimezone(PARIS).date(), found.user, found.device)] \
                    += found.value
                continue
            yield found
    days: dict[tuple[date, str], tuple[float, str]] = {}
    for (day, user, device), total in sorted(counts.items()):
        if (day, user) not in days or total > days[(day, user)][0]:
            days[(day, user)] = (total, device)
    for (day, user), (total, device) in sorted(days.items()):
        yield Reading(STEPS, local(datetime.combine(day, time())), round(total),
                      original=f"{round(total)} {{steps}}", source=f"{FORMAT}:{source}",
                      device=device, member=source, user=user)


def _patient_names(entries: list[Any], raw: list[Any]) -> dict[str, str]:
    """The bundle's Patients by reference ("Patient/id" and fullUrl): "FAMILY Given", so
    a reading can say whose it is."""
    names: dict[str, str] = {}
    for resource, entry in zip(entries, raw, strict=True):
        if not isinstance(resource, dict) or resource.get("resourceType") != "Patient":
            continue
        name = next((n for n in resource.get("name") or [] if isinstance(n, dict)), {})
        given = " ".join(str(g) for g in name.get("given") or [])
        text = f"{str(name.get('family') or '').upper()} {given}".strip()
        if not text:
            continue
        names[f"Patient/{resource.get('id')}"] = text
        if isinstance(entry, dict) and isinstance(entry.get("fullUrl"), str):
            names[entry["fullUrl"]] = text
    return names
