"""Profile fact <-> FHIR R4 Condition, and its SyncAdapter (registered by the vaccination
Feature). Observation belongs to readings: a fact that changes the vaccination schedule
travels as a Condition coded with the schedule pack's observation code.

Facts are append-only: each is its own record; ending it (clinicalStatus resolved, with
abatement) or retracting it (verificationStatus entered-in-error) is the one edit, and it
wins over an unchanged hub copy. Elements this app does not model are kept.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.sync.adapters import MergeResult, Resource, append_only, hub_resource
from tsn_desktop.vaccination import store
from tsn_desktop.vaccination.fhir import _person, _read_person
from tsn_desktop.vaccination.model import (
    ENTERED_IN_ERROR,
    FACT_ACTIVE,
    FACT_RESOLVED,
    FACT_RESOURCE,
    FACT_SOURCES,
    SEEN,
    Fact,
)

OBSERVATION_SYSTEM = "urn:tsn-desktop:vaccination-observation"  # the pack's FR-… codes
CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CATEGORY_SYSTEM = "urn:tsn-desktop:condition-category"
CATEGORY = "vaccination-profile"
EXT = "urn:tsn-desktop:fhir:condition:"
EXT_SOURCE = EXT + "information-source"
EXT_ENDED = EXT + "ended"
_OURS = (EXT_SOURCE, EXT_ENDED)


class UnusableCondition(ValueError):
    """A hub Condition this app cannot hold (no patient, code or onset)."""


def _concept(system: str, code: str) -> Resource:
    return {"coding": [{"system": system, "code": code}]}


def _code(concept: object, system: str) -> str:
    if not isinstance(concept, dict):
        return ""
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and coding.get("system") == system:
            return str(coding.get("code", ""))
    return ""


def _date(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _ext(resource: Resource, url: str) -> Resource:
    return next((e for e in resource.get("extension") or []
                 if isinstance(e, dict) and e.get("url") == url), {})


def to_fhir(fact: Fact, title: str = "", over: Resource | None = None) -> Resource:
    """The FHIR Condition; `over` is the last hub copy, whose other elements are kept."""
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.pop("meta", None)
    resource["resourceType"] = FACT_RESOURCE
    resource["id"] = fact.id
    resource["clinicalStatus"] = _concept(
        CLINICAL_SYSTEM, FACT_RESOLVED if fact.status == FACT_RESOLVED else FACT_ACTIVE)
    resource["verificationStatus"] = _concept(
        VERIFICATION_SYSTEM, ENTERED_IN_ERROR if fact.in_error else "confirmed")
    resource["category"] = [_concept(CATEGORY_SYSTEM, CATEGORY)]
    code: Resource = {"coding": [{"system": OBSERVATION_SYSTEM, "code": fact.code,
                                  **({"display": title} if title else {})}]}
    if title:
        code["text"] = title
    resource["code"] = code
    resource["subject"] = {"reference": f"Patient/{fact.patient_id}"}
    resource["onsetDateTime"] = fact.onset.isoformat()
    if fact.abatement is not None:
        resource["abatementDateTime"] = fact.abatement.isoformat()
    else:
        resource.pop("abatementDateTime", None)
    if not resource.get("recordedDate") and fact.meta.created_at:
        resource["recordedDate"] = fact.meta.created_at
    recorder = _person(fact.recorded_by)
    if recorder:
        resource["recorder"] = recorder
    else:
        resource.pop("recorder", None)
    if fact.note:
        resource["note"] = [{"text": fact.note}]
    else:
        resource.pop("note", None)
    extensions = [e for e in resource.get("extension") or []
                  if not (isinstance(e, dict) and e.get("url") in _OURS)]
    extensions.append({"url": EXT_SOURCE, "valueCode": fact.source})
    if fact.status != FACT_ACTIVE:
        extensions.append({"url": EXT_ENDED, "extension": [
            {"url": "by", "valueReference": _person(fact.ended_by)},
            {"url": "at", "valueDateTime": fact.ended_at},
            *([{"url": "why", "valueString": fact.end_why}] if fact.end_why else [])]})
    resource["extension"] = extensions
    return resource


def from_fhir(resource: Resource) -> Fact:
    """The fact a hub copy describes."""
    if not isinstance(resource, dict) or resource.get("resourceType") != FACT_RESOURCE:
        raise UnusableCondition("not a Condition")
    reference = (resource.get("subject") or {}).get("reference", "")
    onset = _date(resource.get("onsetDateTime"))
    code = _code(resource.get("code"), OBSERVATION_SYSTEM)
    if not (isinstance(reference, str) and reference.startswith("Patient/") and onset
            and code and isinstance(resource.get("id"), str)):
        raise UnusableCondition("no patient, code or onset")
    if _code(resource.get("verificationStatus"), VERIFICATION_SYSTEM) == ENTERED_IN_ERROR:
        status = ENTERED_IN_ERROR
    elif _code(resource.get("clinicalStatus"), CLINICAL_SYSTEM) in (
            FACT_RESOLVED, "inactive", "remission"):
        status = FACT_RESOLVED
    else:
        status = FACT_ACTIVE
    source = str(_ext(resource, EXT_SOURCE).get("valueCode", ""))
    ended = {e.get("url"): e for e in _ext(resource, EXT_ENDED).get("extension") or []
             if isinstance(e, dict)}
    return Fact(
        id=resource["id"], patient_id=reference.split("/", 1)[1], code=code, onset=onset,
        source=source if source in FACT_SOURCES else SEEN,
        note=" ".join(str(n.get("text", "")) for n in resource.get("note") or []
                      if isinstance(n, dict)).strip(),
        recorded_by=_read_person(resource.get("recorder")), status=status,
        abatement=_date(resource.get("abatementDateTime")) if status == FACT_RESOLVED
        else None,
        ended_by=_read_person(ended.get("by", {}).get("valueReference")),
        ended_at=str(ended.get("at", {}).get("valueDateTime", "")),
        end_why=str(ended.get("why", {}).get("valueString", "")))


class ConditionAdapter:
    """Registered by the vaccination Feature. Profile facts are append-only."""

    resource_type = FACT_RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        from tsn_desktop.vaccination.service import schedule_data

        fact = store.get_fact(db, record_id)
        if fact is None:
            return None
        observation = schedule_data().observations.get(fact.code)
        return to_fhir(fact, observation.title if observation else "",
                       over=hub_resource(db, self.resource_type, record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # the hub never deletes a fact; a tombstone changes nothing here
        fact = from_fhir(resource)
        if fact.id != record_id:
            raise UnusableCondition("id mismatch")
        known = store.get_fact(uow, record_id)
        if known is not None:
            fact = replace(fact, meta=known.meta)
        store.apply_fact_from_hub(uow, fact, hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_fact_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        """Ending or retracting is the one edit and it wins over a hub copy still
        active; a retraction wins over an end. Anything else: the hub's copy stands."""
        def rank(resource: Resource) -> int:
            fact = from_fhir(resource)
            return {FACT_ACTIVE: 0, FACT_RESOLVED: 1, ENTERED_IN_ERROR: 2}[fact.status]

        if local is not None and remote is not None and rank(local) > rank(remote):
            merged = copy.deepcopy(remote)
            for key in ("clinicalStatus", "verificationStatus", "abatementDateTime"):
                if key in local:
                    merged[key] = copy.deepcopy(local[key])
                else:
                    merged.pop(key, None)
            merged["extension"] = [e for e in remote.get("extension") or []
                                   if e.get("url") != EXT_ENDED] + [_ext(local, EXT_ENDED)]
            return MergeResult(merged, local_lost=False, reason="ended")
        return append_only(base, local, remote)


__all__ = ["ConditionAdapter", "UnusableCondition", "from_fhir", "to_fhir"]
