"""A FHIR R4 Bundle of vital-signs Observations (HL7 vital signs; the ANS "Mesures de
santé" profiles use the same LOINC codes): weight, blood pressure panel, heart rate, steps.

A Bundle is one JSON document, streamed entry by entry (any size, one entry in memory).
"""

from __future__ import annotations

import io
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import IO, Any

from tsn_desktop.readings.importers.common import (
    BAD_UNIT,
    NO_HEADER,
    NOT_FINAL,
    PARIS,
    TRUNCATED,
    UNKNOWN_CODE,
    buffer,
    local,
    text_stream,
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
LOINC = "http://loinc.org"
BODY_WEIGHT, BP_PANEL, SYSTOLIC, DIASTOLIC = "29463-7", "85354-9", "8480-6", "8462-4"
BP_PANEL_OTHER = "55284-4"  # "Blood pressure systolic and diastolic", used by some PGHD apps
HEART_RATE_CODE, STEPS_DAY, STEPS_PEDOMETER = "8867-4", "41950-7", "55423-8"
_KIND = {BODY_WEIGHT: WEIGHT, BP_PANEL: BLOOD_PRESSURE, BP_PANEL_OTHER: BLOOD_PRESSURE,
         HEART_RATE_CODE: HEART_RATE,
         STEPS_DAY: STEPS, STEPS_PEDOMETER: STEPS}
# UCUM codes, and the display units of a quantity sent without its code.
_WEIGHT_UNITS = {"kg": 1.0, "g": 0.001, "[lb_av]": LB_KG, "lb": LB_KG, "lbs": LB_KG}
_MMHG = {"mm[Hg]": 1.0, "mmHg": 1.0, "kPa": KPA_MMHG}
_PER_MIN = {"/min", "{beats}/min", "1/min", "beats/min", "beats/minute", "bpm"}
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


_DECODER = json.JSONDecoder()
CHUNK = 1 << 20
_AFTER_NUMBER = frozenset(",]} \t\r\n")
MAX_ENTRY = 16 * 1024 * 1024  # an entry larger than this is not a vital-sign Observation


class _Scanner:
    """Just enough of a pull parser to walk a Bundle's top-level object and hand out its
    entries one at a time (json.raw_decode on a window of the text), so a Bundle of any
    size is read in the memory of one entry."""

    def __init__(self, text: IO[str]) -> None:
        self.text, self.buf, self.pos, self.eof = text, "", 0, False

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.text.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf, self.pos = self.buf[self.pos:] + chunk, 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n\ufeff":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise NotABundle(char)
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except RecursionError:  # '[[[[...' nested past what the decoder takes
                raise NotABundle("nested too deep") from None
            except json.JSONDecodeError:
                # Cut by the window, or bad: more text, up to one entry's worth.
                if len(self.buf) - self.pos > MAX_ENTRY or not self._more():
                    raise NotABundle("bad JSON") from None
                continue
            # A number may go on past the window's edge ('0' of '0.5', '1' of '1e3').
            cut = end == len(self.buf) or (
                isinstance(value, int | float) and self.buf[end] not in _AFTER_NUMBER)
            if cut and len(self.buf) - self.pos <= MAX_ENTRY and self._more():
                continue
            self.pos = end
            return value


def _entries(text: IO[str]) -> Iterator[Any]:
    """The Bundle's entries in order; NotABundle when the text is not a Bundle (or stops
    being JSON: after the entries already given)."""
    scan = _Scanner(text)
    scan.expect("{")
    bundle = False
    first = True
    while scan.peek() != "}":
        if not first:
            scan.expect(",")
        first = False
        key = scan.value()
        if not isinstance(key, str):
            raise NotABundle("key")
        scan.expect(":")
        if key != "entry":
            value = scan.value()
            if key == "resourceType":
                if value != "Bundle":
                    raise NotABundle(str(value))
                bundle = True
            continue
        scan.expect("[")
        if scan.peek() == "]":
            scan.pos += 1
            continue
        while True:
            yield scan.value()
            if scan.peek() == ",":
                scan.pos += 1
            else:
                scan.expect("]")
                break
    scan.pos += 1
    if not bundle:
        raise NotABundle("no resourceType")
    if scan.peek() != "":
        raise NotABundle("text after the Bundle")


def read(raw: io.RawIOBase | IO[bytes], source: str) -> Iterator[Reading | Rejection]:
    """Entries are numbered from 1 in the rejections. Other resources of a transaction
    bundle name the readings' patient and device. The Bundle is streamed entry by entry; one
    cut short gives the readings of its whole entries and a TRUNCATED rejection."""
    buffered = raw if isinstance(raw, io.BufferedReader) else buffer(raw)  # type: ignore[arg-type]
    found: list[Reading | Rejection] = []
    names: dict[str, str] = {}
    devices: dict[str, str] = {}
    # Pedometer counts over any span (55423-8) become daily totals, as the other files'
    # steps are: summed per day and device, the device that counted most (not the sum).
    counts: dict[tuple[date, str, str], float] = defaultdict(float)
    number = 0
    try:
        for number, entry in enumerate(_entries(text_stream(buffered)), start=1):
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict):
                continue
            if resource.get("resourceType") == "Patient":
                names.update(_patient_name(resource, entry))
            if resource.get("resourceType") == "Device":
                devices.update(_device_name(resource, entry))
            if resource.get("resourceType") != "Observation":
                continue
            item = observation(resource, number, source)
            if isinstance(item, Reading) and item.kind == STEPS \
                    and STEPS_DAY not in loinc_codes(resource.get("code")):
                counts[(item.at.astimezone(PARIS).date(), item.user, item.device)] \
                    += item.value
                continue
            found.append(item)
    except (NotABundle, UnicodeDecodeError):
        if not found and not counts:
            yield Rejection(1, NO_HEADER, source)
            return
        found.append(Rejection(number + 1, TRUNCATED, source))
    # A Patient or Device may come after the Observations that refer to it.
    for item in found:
        if isinstance(item, Reading) and (item.user in names or item.device in devices):
            item = replace(item, user=names.get(item.user, item.user),
                           device=devices.get(item.device, item.device))
        yield item
    days: dict[tuple[date, str], tuple[float, str]] = {}
    for (day, user, device), total in sorted(counts.items()):
        if (day, user) not in days or total > days[(day, user)][0]:
            days[(day, user)] = (total, device)
    for (day, user), (total, device) in sorted(days.items()):
        yield Reading(STEPS, local(datetime.combine(day, time())), round(total),
                      original=f"{round(total)} {{steps}}", source=f"{FORMAT}:{source}",
                      device=devices.get(device, device), member=source,
                      user=names.get(user, user))


def _patient_name(resource: dict[str, Any], entry: Any) -> dict[str, str]:
    """A Patient's references ("Patient/id" and its fullUrl) to "FAMILY Given", so a
    reading can say whose it is."""
    name = next((n for n in resource.get("name") or [] if isinstance(n, dict)), {})
    given = " ".join(str(g) for g in name.get("given") or [])
    text = f"{str(name.get('family') or '').upper()} {given}".strip()
    if not text:
        return {}
    names = {f"Patient/{resource.get('id')}": text}
    if isinstance(entry, dict) and isinstance(entry.get("fullUrl"), str):
        names[entry["fullUrl"]] = text
    return names


def _device_name(resource: dict[str, Any], entry: Any) -> dict[str, str]:
    """A Device's references to what a practitioner recognises (the PHD profile's
    deviceName, else manufacturer and model): 'Omron M7 Intelli IT'."""
    named = next((str(n["name"]) for n in resource.get("deviceName") or []
                  if isinstance(n, dict) and n.get("name")), "")
    text = named or " ".join(str(resource[k]) for k in ("manufacturer", "modelNumber")
                             if isinstance(resource.get(k), str))
    if not text:
        return {}
    found = {f"Device/{resource.get('id')}": text}
    if isinstance(entry, dict) and isinstance(entry.get("fullUrl"), str):
        found[entry["fullUrl"]] = text
    return found
