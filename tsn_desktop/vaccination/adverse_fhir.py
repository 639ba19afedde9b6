"""AdverseEvent <-> FHIR R4 AdverseEvent linked to its Immunization, and the SyncAdapter.

A report can be completed later (the outcome becomes known): the newer version wins over
an unchanged copy; two different edits keep the hub's copy and the local one is shown
for review (hub_wins). Elements this app does not model are kept (laid over the hub copy).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.sync.adapters import MergeResult, Resource, hub_resource, hub_wins
from tsn_desktop.vaccination import adverse_store as store
from tsn_desktop.vaccination.adverse_events import OUTCOMES, RESOURCE, AdverseEvent

RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
SIGN_SYSTEM = "urn:tsn-desktop:aefi-sign"
SERIOUSNESS_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
OUTCOME_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome"
EXT = "urn:tsn-desktop:fhir:adverse-event:"
EXT_CRITERION = EXT + "seriousness-criterion"
EXT_DELAY = EXT + "onset-delay-hours"
EXT_CARE = EXT + "care"
EXT_OUTCOME = EXT + "outcome"  # our finer outcome code
_OURS = (EXT_CRITERION, EXT_DELAY, EXT_CARE, EXT_OUTCOME)
# Our outcomes -> the R4 value set (adverse-event-outcome).
_FHIR_OUTCOME = {"recovered": "resolved", "recovering": "recovering",
                 "not-recovered": "ongoing", "recovered-with-sequelae": "resolvedWithSequelae",
                 "fatal": "fatal", "unknown": "unknown"}


class UnusableAdverseEvent(ValueError):
    """A hub AdverseEvent this app cannot hold (no patient, dose or date)."""


def to_fhir(event: AdverseEvent, over: Resource | None = None) -> Resource:
    resource: Resource = copy.deepcopy(over) if over else {}
    extensions = [e for e in resource.get("extension") or [] if e.get("url") not in _OURS]
    extensions += [{"url": EXT_CRITERION, "valueCode": c} for c in event.seriousness]
    if event.onset_delay_hours is not None:
        extensions.append({"url": EXT_DELAY, "valueInteger": event.onset_delay_hours})
    if event.care:
        extensions.append({"url": EXT_CARE, "valueString": event.care})
    extensions.append({"url": EXT_OUTCOME, "valueCode": event.outcome})
    resource.update({
        "resourceType": RESOURCE, "id": event.id, "actuality": "actual",
        "subject": {"reference": f"Patient/{event.patient_id}"},
        "date": event.onset.isoformat(),
        "event": {"coding": [{"system": SIGN_SYSTEM, "code": s} for s in event.symptoms],
                  **({"text": event.description} if event.description else {})},
        "seriousness": {"coding": [{"system": SERIOUSNESS_SYSTEM,
                                    "code": "serious" if event.serious else "non-serious"}]},
        "outcome": {"coding": [{"system": OUTCOME_SYSTEM,
                                "code": _FHIR_OUTCOME[event.outcome]}]},
        "suspectEntity": [{"instance": {"reference": f"Immunization/{event.dose_id}"}}],
        "extension": extensions,
    })
    if event.recorder_rpps or event.recorder_name:
        resource["recorder"] = {k: v for k, v in (
            ("identifier", {"system": RPPS_SYSTEM, "value": event.recorder_rpps}
             if event.recorder_rpps else None),
            ("display", event.recorder_name or None)) if v}
    return resource


def _ref(value: object, kind: str) -> str:
    ref = value.get("reference") if isinstance(value, dict) else None
    if isinstance(ref, str) and ref.startswith(kind + "/"):
        return ref[len(kind) + 1:]
    return ""


def from_fhir(resource: Resource) -> AdverseEvent:
    patient = _ref(resource.get("subject"), "Patient")
    doses = [_ref(s.get("instance"), "Immunization") for s in resource.get("suspectEntity") or []
             if isinstance(s, dict)]
    dose = next((d for d in doses if d), "")
    try:
        onset = date.fromisoformat(str(resource.get("date", ""))[:10])
    except ValueError as exc:
        raise UnusableAdverseEvent("no date") from exc
    if not patient or not dose:
        raise UnusableAdverseEvent("no patient or no Immunization")
    ext = [e for e in resource.get("extension") or [] if isinstance(e, dict)]
    event = resource.get("event") or {}
    outcome = next((e.get("valueCode") for e in ext if e.get("url") == EXT_OUTCOME), None)
    if outcome not in OUTCOMES:
        fhir = next((c.get("code") for c in (resource.get("outcome") or {}).get("coding") or []),
                    "unknown")
        outcome = next((ours for ours, theirs in _FHIR_OUTCOME.items() if theirs == fhir),
                       "unknown")
    delay = next((e.get("valueInteger") for e in ext if e.get("url") == EXT_DELAY), None)
    recorder = resource.get("recorder") or {}
    return AdverseEvent(
        id=str(resource.get("id", "")), dose_id=dose, patient_id=patient, onset=onset,
        onset_delay_hours=delay if isinstance(delay, int) else None,
        symptoms=tuple(c.get("code") for c in event.get("coding") or []
                       if c.get("system") == SIGN_SYSTEM and c.get("code")),
        description=str(event.get("text", "")),
        seriousness=tuple(e["valueCode"] for e in ext
                          if e.get("url") == EXT_CRITERION and e.get("valueCode")),
        outcome=str(outcome),
        care=next((str(e.get("valueString")) for e in ext if e.get("url") == EXT_CARE), ""),
        recorder_name=str(recorder.get("display", "")),
        recorder_rpps=str((recorder.get("identifier") or {}).get("value", "")))


class AdverseEventAdapter:
    """Registered by the vaccination Feature (patient-scoped on the hub, as Immunization)."""

    resource_type = RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        event = store.get(db, record_id)
        if event is None:
            return None
        return to_fhir(event, over=hub_resource(db, self.resource_type, record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # a report is never deleted here
        event = from_fhir(resource)
        if event.id != record_id:
            raise UnusableAdverseEvent("id mismatch")
        known = store.get(uow, record_id)
        if known is not None:
            event = replace(event, local_version=known.local_version)
        store.apply_from_hub(uow, event, hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return hub_wins(base, local, remote)


__all__ = ["AdverseEventAdapter", "UnusableAdverseEvent", "from_fhir", "to_fhir"]
