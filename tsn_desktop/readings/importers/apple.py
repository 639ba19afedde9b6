"""Apple Health `export.xml` (alone or in `export.zip`), streamed: body mass, blood
pressure (top-level records and Correlations, counted once), resting heart rate (and a
heart rate the Watch marks as taken at rest, HKMetadataKeyHeartRateMotionContext 1), daily
steps (iPhone and Watch counted once: the source with the most steps that day).

The XML goes through a pull parser chunk by chunk and each record is dropped once read,
so a file of several GB runs in a few MB; the internal DTD (malformed in the iOS 16
"Export Version 12" exports) is skipped, and the control characters of old exports too.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import IO, Any, cast

from tsn_desktop.readings.importers.common import (
    BAD_UNIT,
    NO_HEADER,
    UNREADABLE,
    finite,
    local,
)
from tsn_desktop.readings.model import (
    BAD_DATE,
    BAD_NUMBER,
    BLOOD_PRESSURE,
    HEART_RATE,
    LB_KG,
    STEPS,
    WEIGHT,
    Reading,
    Rejection,
)

FORMAT = "apple-health"
CHUNK = 1 << 20
BODY_MASS = "HKQuantityTypeIdentifierBodyMass"
SYSTOLIC = "HKQuantityTypeIdentifierBloodPressureSystolic"
DIASTOLIC = "HKQuantityTypeIdentifierBloodPressureDiastolic"
RESTING_HR = "HKQuantityTypeIdentifierRestingHeartRate"
HEART_RATE_TYPE = "HKQuantityTypeIdentifierHeartRate"
# A Watch's heart rate says what the wearer was doing: 0 not set, 1 sedentary, 2 active.
MOTION_CONTEXT = "HKMetadataKeyHeartRateMotionContext"
SEDENTARY = "1"
STEP_COUNT = "HKQuantityTypeIdentifierStepCount"
_MASS = {"kg": 1.0, "g": 0.001, "lb": LB_KG}
# XML 1.0 forbids these; some exports carry them (\x0b in device names).
_CONTROL = bytes.maketrans(bytes([*range(0, 9), 11, 12, *range(14, 32)]), b" " * 29)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[.*?\]\s*)?>", re.DOTALL)


def _when(text: str | None) -> datetime:
    if not text:
        raise ValueError("no date")
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z").astimezone(UTC)


def _chunks(raw: io.RawIOBase | IO[bytes]) -> Iterator[bytes]:
    """The file without its DOCTYPE (searched in the head only) and control characters."""
    head = b""
    while b"<HealthData" not in head:
        chunk = raw.read(CHUNK)
        if not chunk:
            break
        head += chunk
        if len(head) > 64 * CHUNK:  # no HealthData element in 64 MB: not an export
            break
    yield _DOCTYPE.sub(b"", head, count=1).translate(_CONTROL)
    while chunk := raw.read(CHUNK):
        yield chunk.translate(_CONTROL)


def read(raw: io.RawIOBase | IO[bytes], source: str) -> Iterator[Reading | Rejection]:
    parser: ET.XMLPullParser[Any] = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    depth = 0
    number = 0
    pressures: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    steps: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    try:
        for chunk in _chunks(raw):
            parser.feed(chunk)
            for event, item in cast(Iterator[tuple[str, ET.Element]], parser.read_events()):
                elem = item
                if event == "start":
                    depth += 1
                    if root is None:
                        root = elem
                        if elem.tag != "HealthData":
                            yield Rejection(0, NO_HEADER, source)
                            return
                    continue
                depth -= 1
                if elem.tag == "Record":
                    number += 1
                    found = _record(elem, number, source, pressures, steps)
                    if found is not None:
                        yield found
                if depth == 1 and root is not None:
                    root.clear()  # a top-level record or correlation is done with
        parser.close()
    except ET.ParseError:
        yield Rejection(number + 1 if root is not None else number, UNREADABLE, source)
        if root is None or root.tag != "HealthData":
            return
        # An export cut short (a copy interrupted): what was read whole is kept, but not
        # the last day of steps, which may be a part of the day.
        if steps:
            del steps[max(steps)]
    if root is None:
        yield Rejection(0, NO_HEADER, source)
        return
    yield from _pressures(pressures, source)
    for day in sorted(steps):
        # iPhone and Watch record the same steps: the source that counted most, not the sum.
        yield Reading(STEPS, local(datetime.combine(day, time())),
                      round(max(steps[day].values())), source=f"{FORMAT}:{source}",
                      device=max(steps[day], key=steps[day].__getitem__), member=source)


def _record(elem: ET.Element, number: int, source: str,
            pressures: dict[tuple[str, str], dict[str, float]],
            steps: dict[date, dict[str, float]]) -> Reading | Rejection | None:
    kind = elem.get("type")
    if kind == HEART_RATE_TYPE and _metadata(elem, MOTION_CONTEXT) == SEDENTARY:
        kind = RESTING_HR  # taken at rest: the rate the 50-100 rule is about
    if kind not in (BODY_MASS, SYSTOLIC, DIASTOLIC, RESTING_HR, STEP_COUNT):
        return None
    try:
        at = _when(elem.get("startDate"))
    except ValueError:
        return Rejection(number, BAD_DATE, source)
    try:
        value = finite(elem.get("value") or "")
    except ValueError:
        return Rejection(number, BAD_NUMBER, source)
    device = elem.get("sourceName") or ""
    if kind in (SYSTOLIC, DIASTOLIC):
        # A Correlation's children repeat the top-level records: one pair per time and source.
        pressures[(elem.get("startDate") or "", device)][kind] = value
        return None
    if kind == STEP_COUNT:
        # The day the patient walked: the date as written, in the zone they were in.
        steps[date.fromisoformat((elem.get("startDate") or "")[:10])][device] += value
        return None
    where = f"{FORMAT}:{source}"
    if kind == BODY_MASS:
        unit = elem.get("unit") or ""
        if unit not in _MASS:
            return Rejection(number, BAD_UNIT, source)
        return Reading(WEIGHT, at, round(value * _MASS[unit], 3), original=f"{value:g} {unit}",
                       source=where, device=device, line=number, member=source)
    if (elem.get("unit") or "count/min") != "count/min":
        return Rejection(number, BAD_UNIT, source)
    return Reading(HEART_RATE, at, value, original=f"{value:g} count/min", source=where,
                   device=device, line=number, member=source)


def _metadata(elem: ET.Element, key: str) -> str | None:
    for entry in elem.iter("MetadataEntry"):
        if entry.get("key") == key:
            return entry.get("value")
    return None


def _pressures(pressures: dict[tuple[str, str], dict[str, float]],
               source: str) -> Iterator[Reading | Rejection]:
    for (start, device), pair in sorted(pressures.items()):
        if SYSTOLIC not in pair or DIASTOLIC not in pair:
            continue  # half a pair: no blood pressure to show
        yield Reading(BLOOD_PRESSURE, _when(start), pair[SYSTOLIC], pair[DIASTOLIC],
                      original=f"{pair[SYSTOLIC]:g}/{pair[DIASTOLIC]:g} mmHg",
                      source=f"{FORMAT}:{source}", device=device, member=source)
