"""Readings to and from FHIR R4 Observation (vital-signs profile, LOINC, UCUM), and the
sync adapter: append-only, entered-in-error being the only change that travels."""

from __future__ import annotations

from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.readings import pathways_store, store
from tsn_desktop.readings.model import (
    BLOOD_PRESSURE,
    FINAL,
    HEART_RATE,
    KINDS,
    STEPS,
    UNITS,
    WEIGHT,
    Reading,
    parse_utc,
    utc_text,
)
from tsn_desktop.sync.adapters import MergeResult, Resource, append_only

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
VITAL_SIGNS = "http://hl7.org/fhir/StructureDefinition/vitalsigns"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_EXT = "https://tsn-desktop.fr/fhir/StructureDefinition/reading-"
SOURCE_URL, ORIGINAL_URL, FLAGS_URL = _EXT + "source", _EXT + "original", _EXT + "flags"

CODES = {WEIGHT: ("29463-7", "Body weight"),
         BLOOD_PRESSURE: ("85354-9", "Blood pressure panel with all children optional"),
         HEART_RATE: ("8867-4", "Heart rate"),
         STEPS: ("41950-7", "Number of steps in 24 hour Measured")}
SYSTOLIC = ("8480-6", "Systolic blood pressure")
DIASTOLIC = ("8462-4", "Diastolic blood pressure")
_KIND_OF = {code: kind for kind, (code, _) in CODES.items()}


class UnusableObservation(ValueError):
    """An Observation this feature cannot hold (the code says why, never data)."""


def _concept(code: tuple[str, str]) -> dict[str, Any]:
    return {"coding": [{"system": LOINC, "code": code[0], "display": code[1]}]}


def _quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def to_fhir(reading: Reading, reading_id: str | None = None) -> Resource:
    res: Resource = {
        "resourceType": "Observation",
        "id": reading_id or reading.id,
        "meta": {"profile": [VITAL_SIGNS]},
        "status": reading.status,
        "category": [{"coding": [{"system": CATEGORY, "code": "vital-signs"}]}],
        "code": _concept(CODES[reading.kind]),
        "subject": {"reference": f"Patient/{reading.patient_id}"},
        "effectiveDateTime": utc_text(reading.at),
    }
    if reading.kind == BLOOD_PRESSURE:
        res["component"] = [
            {"code": _concept(SYSTOLIC), "valueQuantity": _quantity(reading.value, "mm[Hg]")},
            {"code": _concept(DIASTOLIC),
             "valueQuantity": _quantity(reading.value2 or 0.0, "mm[Hg]")}]
        if reading.pulse is not None:
            res["component"].append({"code": _concept(CODES[HEART_RATE]),
                                     "valueQuantity": _quantity(reading.pulse, "/min")})
    else:
        res["valueQuantity"] = _quantity(reading.value, UNITS[reading.kind])
    if reading.device:
        res["device"] = {"display": reading.device}
    extensions: list[dict[str, Any]] = [{"url": SOURCE_URL, "valueString": reading.source}]
    if reading.original:
        extensions.append({"url": ORIGINAL_URL, "valueString": reading.original})
    if reading.flags:
        extensions.append({"url": FLAGS_URL, "valueInteger": reading.flags})
    res["extension"] = extensions
    if reading.error_reason:
        res["note"] = [{"text": reading.error_reason}]
    return res


def _code(concept: Any) -> str:
    for coding in (concept or {}).get("coding") or []:
        if coding.get("system") == LOINC:
            return str(coding.get("code"))
    return ""


def from_fhir(res: Resource) -> Reading:
    kind = _KIND_OF.get(_code(res.get("code")))
    if kind is None or kind not in KINDS:
        raise UnusableObservation("code")
    subject = str((res.get("subject") or {}).get("reference") or "")
    if not subject.startswith("Patient/"):
        raise UnusableObservation("subject")
    extensions = {e.get("url"): e for e in res.get("extension") or []}
    value2 = pulse = None
    if kind == BLOOD_PRESSURE:
        parts = {_code(c.get("code")): c["valueQuantity"]["value"]
                 for c in res.get("component") or []}
        value, value2, pulse = parts.get(SYSTOLIC[0]), parts.get(DIASTOLIC[0]), \
            parts.get(CODES[HEART_RATE][0])
    else:
        value = (res.get("valueQuantity") or {}).get("value")
    if not isinstance(value, int | float):
        raise UnusableObservation("value")
    try:
        at = parse_utc(str(res.get("effectiveDateTime")))
    except ValueError:
        raise UnusableObservation("effective") from None
    notes = res.get("note") or []
    return Reading(
        kind=kind, at=at, value=float(value),
        value2=None if value2 is None else float(value2),
        pulse=None if pulse is None else float(pulse),
        original=str(extensions.get(ORIGINAL_URL, {}).get("valueString", "")),
        source=str(extensions.get(SOURCE_URL, {}).get("valueString", "")),
        device=str((res.get("device") or {}).get("display", "")),
        flags=int(extensions.get(FLAGS_URL, {}).get("valueInteger", 0)),
        patient_id=subject.removeprefix("Patient/"),
        status=str(res.get("status") or FINAL),
        error_reason=str(notes[0].get("text", "")) if notes else "")


class ObservationAdapter:
    """Registered through the Feature: readings travel as Observations, append-only."""

    resource_type = store.RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        found = store.get(db, record_id)
        return to_fhir(found[0], record_id) if found else None

    def to_fhir_many(self, db: Database, record_ids: list[str]) -> dict[str, Resource]:
        """`to_fhir` of many readings at once (the sync push reads a window at a time)."""
        return {rid: to_fhir(reading, rid)
                for rid, reading in store.get_many(db, record_ids).items()}

    def apply_many(self, uow: UnitOfWork,
                   items: list[tuple[str, Resource | None, str]]) -> None:
        """`apply` of many hub copies in one statement (a pull page of readings)."""
        readings = [(rid, from_fhir(resource), version) for rid, resource, version in items
                    if resource is not None]
        store.apply_many_from_hub(uow, readings)
        due: set[str] = uow.__dict__.setdefault("_readings_due", set())
        for _rid, reading, _version in readings:
            if reading.patient_id not in due:
                due.add(reading.patient_id)
                pathways_store.mark_due(uow, reading.patient_id)

    def acknowledge_many(self, uow: UnitOfWork, items: list[tuple[str, str]]) -> None:
        store.set_hub_versions(uow, items)

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # the hub never deletes an Observation; nothing to undo here
        reading = from_fhir(resource)
        store.apply_from_hub(uow, record_id, reading, hub_version)
        # Readings that arrive by sync raise their alerts at the next look: the patient
        # is marked once per pull's unit of work, not once per Observation.
        due: set[str] = uow.__dict__.setdefault("_readings_due", set())
        if reading.patient_id not in due:
            due.add(reading.patient_id)
            pathways_store.mark_due(uow, reading.patient_id)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return append_only(base, local, remote)
