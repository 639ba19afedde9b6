"""Dose <-> FHIR R4 Immunization, and the SyncAdapter the vaccination Feature registers.

Doses are facts: two practitioners recording doses never conflict (each dose is its own
record, with a client-made id); marking a dose entered-in-error is the one edit, and it
wins over an unchanged copy. Elements this app does not model are kept: our copy is laid
over the last hub copy.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.sync.adapters import MergeResult, Resource, append_only, hub_resource
from tsn_desktop.vaccination import store
from tsn_desktop.vaccination.catalogue import Catalogue, shipped_catalogue
from tsn_desktop.vaccination.model import (
    ADMINISTERED,
    COMPLETED,
    ENTERED_IN_ERROR,
    HISTORICAL,
    HUB,
    NOT_GIVEN,
    NOT_GIVEN_REASONS,
    OUTCOMES,
    RECORDED,
    REPORTED,
    RESOURCE,
    TRANSCRIBED,
    Dose,
    Performer,
)

RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
CIP_SYSTEM = "urn:oid:1.2.250.1.213.2.3.1"  # ANSM CIP codes (13 digits)
PACK_SYSTEM = "urn:tsn-desktop:vaccine-product"  # the schedule pack's FR-… codes
SITE_SYSTEM = "urn:tsn-desktop:vaccination-site"
ROUTE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration"
ORIGIN_SYSTEM = "http://terminology.hl7.org/CodeSystem/immunization-origin"
FUNCTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0443"
REASON_SYSTEM = "urn:tsn-desktop:immunization-not-done-reason"
EXT = "urn:tsn-desktop:fhir:immunization:"
EXT_OUTCOME = EXT + "outcome"
EXT_RECORDED_BY = EXT + "recorded-by"
EXT_PROFESSION = EXT + "profession"
EXT_PLACE_KIND = EXT + "place-kind"
EXT_IN_ERROR = EXT + "entered-in-error"
EXT_SCOPE = EXT + "outside-scope"  # why the dose was given on prescription (scope.py)
_OURS = (EXT_OUTCOME, EXT_RECORDED_BY, EXT_PLACE_KIND, EXT_IN_ERROR, EXT_SCOPE)

_ROUTES = {"IM": "IM", "SC": "SQ", "ID": "IDINJ", "PO": "PO", "NASAL": "NASINHLC"}
_FROM_ROUTE = {v: k for k, v in _ROUTES.items()}
_ORIGIN = {TRANSCRIBED: "record", REPORTED: "recall"}


class UnusableImmunization(ValueError):
    """A hub Immunization this app cannot hold (no patient, date or product)."""


def _person(person: Performer) -> Resource:
    ref: Resource = {}
    if person.rpps:
        ref["identifier"] = {"system": RPPS_SYSTEM, "value": person.rpps}
    if person.name:
        ref["display"] = person.name
    if person.profession:
        ref["extension"] = [{"url": EXT_PROFESSION, "valueCode": person.profession}]
    return ref


def _read_person(ref: object) -> Performer:
    if not isinstance(ref, dict):
        return Performer()
    ident = ref.get("identifier")
    rpps = ident.get("value", "") if isinstance(ident, dict) and \
        ident.get("system") == RPPS_SYSTEM else ""
    profession = next((e.get("valueCode", "") for e in ref.get("extension") or []
                       if isinstance(e, dict) and e.get("url") == EXT_PROFESSION), "")
    return Performer(str(ref.get("display", "")), str(profession), str(rpps))


def _set(resource: Resource, key: str, value: object) -> None:
    if value in (None, "", [], {}):
        resource.pop(key, None)
    else:
        resource[key] = value


def to_fhir(dose: Dose, catalogue: Catalogue | None = None,
            over: Resource | None = None) -> Resource:
    """The FHIR Immunization; `over` is the last hub copy, whose other elements are kept."""
    vaccine = (catalogue or shipped_catalogue()).get(dose.product)
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.pop("meta", None)
    resource["resourceType"] = RESOURCE
    resource["id"] = dose.id
    if dose.in_error:
        resource["status"] = ENTERED_IN_ERROR
    else:
        resource["status"] = "not-done" if dose.outcome == NOT_GIVEN else COMPLETED
    _set(resource, "statusReason", {"coding": [{"system": REASON_SYSTEM, "code": dose.reason}]}
         if dose.outcome == NOT_GIVEN and dose.reason else None)
    coding = [{"system": PACK_SYSTEM, "code": dose.product,
               **({"display": vaccine.brand} if vaccine else {})}]
    if vaccine is not None and vaccine.cip13:
        coding.insert(0, {"system": CIP_SYSTEM, "code": vaccine.cip13})
    resource["vaccineCode"] = {"coding": coding, "text": vaccine.brand if vaccine
                               else dose.product}
    resource["patient"] = {"reference": f"Patient/{dose.patient_id}"}
    resource["occurrenceDateTime"] = dose.occurrence.isoformat()
    if not resource.get("recorded"):  # when it was first recorded: the hub's copy says
        _set(resource, "recorded", dose.meta.created_at)
    resource["primarySource"] = dose.source in (RECORDED, HUB) and dose.outcome != HISTORICAL
    _set(resource, "reportOrigin", {"coding": [{"system": ORIGIN_SYSTEM,
                                                "code": _ORIGIN[dose.source]}]}
         if dose.source in _ORIGIN else None)
    _set(resource, "lotNumber", dose.lot)
    _set(resource, "expirationDate", dose.expiry.isoformat() if dose.expiry else None)
    _set(resource, "site", {"coding": [{"system": SITE_SYSTEM, "code": dose.site}]}
         if dose.site else None)
    _set(resource, "route", {"coding": [{"system": ROUTE_SYSTEM,
                                         "code": _ROUTES.get(dose.route, dose.route)}]}
         if dose.route else None)
    performer = _person(dose.performer)
    prescriber = _person(dose.prescriber)
    performers = [{"function": {"coding": [{"system": FUNCTION_SYSTEM, "code": code}]},
                   "actor": actor}
                  for code, actor in (("AP", performer), ("OP", prescriber)) if actor]
    _set(resource, "performer", performers or None)
    _set(resource, "location", {"display": dose.place_name} if dose.place_name else None)
    _set(resource, "note", [{"text": dose.note}] if dose.note else None)
    extensions = [e for e in resource.get("extension") or []
                  if not (isinstance(e, dict) and e.get("url") in _OURS)]
    extensions.append({"url": EXT_OUTCOME, "valueCode": dose.outcome})
    if dose.recorded_by != Performer():
        extensions.append({"url": EXT_RECORDED_BY, "valueReference": _person(dose.recorded_by)})
    if dose.place:
        extensions.append({"url": EXT_PLACE_KIND, "valueCode": dose.place})
    if dose.scope_reason:
        extensions.append({"url": EXT_SCOPE, "valueCode": dose.scope_reason})
    if dose.in_error:
        extensions.append({"url": EXT_IN_ERROR, "extension": [
            {"url": "by", "valueReference": _person(dose.error_by)},
            {"url": "at", "valueDateTime": dose.error_at},
            {"url": "why", "valueString": dose.error_why}]})
    resource["extension"] = extensions
    return resource


def _ext(resource: Resource, url: str) -> Resource:
    return next((e for e in resource.get("extension") or []
                 if isinstance(e, dict) and e.get("url") == url), {})


def _code(concept: object, system: str | None = None) -> str:
    if not isinstance(concept, dict):
        return ""
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and (system is None or coding.get("system") == system):
            return str(coding.get("code", ""))
    return ""


def _date(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def from_fhir(resource: Resource, own_rpps: str = "") -> Dose:
    """The dose a hub copy describes. Its source: recorded here (by this practitioner),
    received from the hub (a colleague's), transcribed or reported (reportOrigin)."""
    if not isinstance(resource, dict) or resource.get("resourceType") != RESOURCE:
        raise UnusableImmunization("not an Immunization")
    reference = (resource.get("patient") or {}).get("reference", "")
    occurrence = _date(resource.get("occurrenceDateTime"))
    product = _code(resource.get("vaccineCode"), PACK_SYSTEM)
    if not (isinstance(reference, str) and reference.startswith("Patient/")
            and occurrence and product and isinstance(resource.get("id"), str)):
        raise UnusableImmunization("no patient, date or product")
    status = resource.get("status")
    outcome = str(_ext(resource, EXT_OUTCOME).get("valueCode", ""))
    if outcome not in OUTCOMES:
        outcome = NOT_GIVEN if status == "not-done" else (
            ADMINISTERED if resource.get("primarySource", True) else HISTORICAL)
    recorded_by = _read_person(_ext(resource, EXT_RECORDED_BY).get("valueReference"))
    origin = _code(resource.get("reportOrigin"), ORIGIN_SYSTEM)
    if origin == "record":
        source = TRANSCRIBED
    elif origin:
        source = REPORTED
    else:
        source = RECORDED if own_rpps and recorded_by.rpps == own_rpps else HUB
    performers = [p for p in resource.get("performer") or [] if isinstance(p, dict)]
    performer = next((p.get("actor") for p in performers
                      if _code(p.get("function"), FUNCTION_SYSTEM) in ("AP", "")), None)
    prescriber = next((p.get("actor") for p in performers
                       if _code(p.get("function"), FUNCTION_SYSTEM) == "OP"), None)
    in_error = {e.get("url"): e for e in _ext(resource, EXT_IN_ERROR).get("extension") or []
                if isinstance(e, dict)}
    reason = _code(resource.get("statusReason"), REASON_SYSTEM)
    return Dose(
        id=resource["id"], patient_id=reference.split("/", 1)[1], occurrence=occurrence,
        product=product, outcome=outcome, lot=str(resource.get("lotNumber", "")),
        expiry=_date(resource.get("expirationDate")),
        site=_code(resource.get("site"), SITE_SYSTEM),
        route=_FROM_ROUTE.get(_code(resource.get("route"), ROUTE_SYSTEM), ""),
        performer=_read_person(performer),
        place=str(_ext(resource, EXT_PLACE_KIND).get("valueCode", "")),
        place_name=str((resource.get("location") or {}).get("display", "")),
        source=source, recorded_by=recorded_by,
        reason=reason if reason in NOT_GIVEN_REASONS else "",
        note=" ".join(str(n.get("text", "")) for n in resource.get("note") or []
                      if isinstance(n, dict)).strip(),
        status=ENTERED_IN_ERROR if status == ENTERED_IN_ERROR else COMPLETED,
        error_by=_read_person(in_error.get("by", {}).get("valueReference")),
        error_at=str(in_error.get("at", {}).get("valueDateTime", "")),
        error_why=str(in_error.get("why", {}).get("valueString", "")),
        prescriber=_read_person(prescriber),
        scope_reason=str(_ext(resource, EXT_SCOPE).get("valueCode", "")))


def _own_rpps(uow: UnitOfWork) -> str:
    row = uow.execute("SELECT rpps FROM practitioner_profile WHERE id = 1").fetchone()
    return str(row[0]) if row else ""


class ImmunizationAdapter:
    """Registered by the vaccination Feature. Doses are append-only facts."""

    resource_type = RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        dose = store.get(db, record_id)
        if dose is None:
            return None
        return to_fhir(dose, over=hub_resource(db, self.resource_type, record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # the hub never deletes a fact; a tombstone changes nothing here
        dose = from_fhir(resource, _own_rpps(uow))
        if dose.id != record_id:
            raise UnusableImmunization("id mismatch")
        known = store.get(uow, record_id)
        if known is not None:
            dose = replace(dose, meta=known.meta)
        store.apply_from_hub(uow, dose, hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        """Marking in error is the one edit and it wins: our mark laid on the hub's copy;
        anything else, the hub's copy stands (append_only)."""
        if (local is not None and remote is not None
                and local.get("status") == ENTERED_IN_ERROR
                and remote.get("status") != ENTERED_IN_ERROR):
            merged = copy.deepcopy(remote)
            merged["status"] = ENTERED_IN_ERROR
            merged["extension"] = [e for e in remote.get("extension") or []
                                   if e.get("url") != EXT_IN_ERROR] + [_ext(local, EXT_IN_ERROR)]
            return MergeResult(merged, local_lost=False, reason="entered_in_error")
        return append_only(base, local, remote)


__all__ = ["ImmunizationAdapter", "UnusableImmunization", "from_fhir", "to_fhir"]
