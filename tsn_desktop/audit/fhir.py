"""The audit trail as FHIR R4 AuditEvent (ids only, never a name), and its SyncAdapter."""

from __future__ import annotations

import json
from typing import Any

from tsn_desktop.audit import store
from tsn_desktop.audit.model import HUB, is_practitioner, parse_utc
from tsn_desktop.core.clock import utc_iso
from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.patients import care_team
from tsn_desktop.sync.adapters import MergeResult, Resource, append_only

RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
DCM = "http://dicom.nema.org/resources/ontology/DCM"
EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type"
INTERACTION = "http://hl7.org/fhir/restful-interaction"
ROLE_TYPE = "http://terminology.hl7.org/CodeSystem/extra-security-role-type"
SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type"
ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"
SOURCE_NAME = "TSN Desktop"
OCCURRENCES = "occurrences"
# Record types audited as one event per patient file when created many at a time
# (core.audit.record `in_file_of`): an entity names the type, not a record.
GROUPED_TYPES = frozenset({"Observation"})

_PATIENT_RECORD = {"system": DCM, "code": "110110", "display": "Patient Record"}
_REST = {"system": EVENT_TYPE, "code": "rest", "display": "RESTful Operation"}
_EXPORT = {"system": DCM, "code": "110106", "display": "Export"}
_AUTHENTICATION = {"system": DCM, "code": "110114", "display": "User Authentication"}
_SUBTYPES = {
    "create": {"system": INTERACTION, "code": "create", "display": "create"},
    "read": {"system": INTERACTION, "code": "read", "display": "read"},
    "update": {"system": INTERACTION, "code": "update", "display": "update"},
    "delete": {"system": INTERACTION, "code": "delete", "display": "delete"},
    "unlock": {"system": DCM, "code": "110122", "display": "Login"},
    "lock": {"system": DCM, "code": "110123", "display": "Logout"},
}
# AuditEvent.action: C create, R read/view/print (an export reads out, as DICOM says),
# U update, D delete, E execute (a session opened or locked).
_ACTION_CODES = {"create": "C", "read": "R", "update": "U", "delete": "D", "export": "R",
                 "unlock": "E", "lock": "E", "sign-in": "E", "sign-in-refused": "E"}
_FROM_SUBTYPE = {(c["system"], c["code"]): action for action, c in _SUBTYPES.items()}
_FROM_SUBTYPE[(DCM, "110106")] = "export"


class UnusableAuditEvent(ValueError):
    """A hub AuditEvent this client cannot read (says what, never the content)."""


def _instant(stored: str) -> str:
    """FHIR instant, to the millisecond, in UTC."""
    return parse_utc(stored).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{parse_utc(stored).microsecond // 1000:03d}Z"


def _event_type(action: str, resource_type: str) -> dict[str, str]:
    if action == "export":
        return _EXPORT
    if action in ("lock", "unlock", "sign-in", "sign-in-refused"):
        return _AUTHENTICATION
    return _PATIENT_RECORD if resource_type == "Patient" else _REST


def to_resource(event: store.Event, patient_id: str | None) -> Resource:
    """Our event as an R4 AuditEvent: who (RPPS), what (ids), when (UTC), nothing else."""
    entities: list[Resource] = []
    if patient_id:
        entities.append({"what": {"reference": f"Patient/{patient_id}"},
                         "type": {"system": ENTITY_TYPE, "code": "1", "display": "Person"},
                         "role": {"system": OBJECT_ROLE, "code": "1", "display": "Patient"}})
    if event.resource_id and event.resource_type != "Patient":
        entities.append({"what": {"reference": f"{event.resource_type}/{event.resource_id}"},
                         "type": {"system": ENTITY_TYPE, "code": "2",
                                  "display": "System Object"}})
    elif not event.resource_id and patient_id and event.resource_type in GROUPED_TYPES:
        # Records created many at a time in the file (audit.record `in_file_of`): the
        # type without an id (Reference.type), the count in its detail.
        entities.append({"what": {"type": event.resource_type},
                         "type": {"system": ENTITY_TYPE, "code": "2",
                                  "display": "System Object"}})
    if entities and event.occurrences > 1:
        entities[-1]["detail"] = [{"type": OCCURRENCES,
                                   "valueString": str(event.occurrences)}]
    resource: Resource = {
        "resourceType": "AuditEvent",
        "id": event.id,
        "type": _event_type(event.action, event.resource_type),
        "action": _ACTION_CODES[event.action],
        "period": {"start": _instant(event.first_at), "end": _instant(event.last_at)},
        "recorded": _instant(event.first_at),
        # 4: minor failure (a hub sign-in refused), as FHIR's AuditEventOutcome says.
        "outcome": "4" if event.action == "sign-in-refused" else "0",
        "agent": [{
            "type": {"coding": [{"system": ROLE_TYPE, "code": "humanuser",
                                 "display": "human user"}]},
            "who": {"identifier": {"system": RPPS_SYSTEM, "value": event.actor}},
            "requestor": True,
        }],
        "source": {"observer": {"display": SOURCE_NAME},
                   "type": [{"system": SOURCE_TYPE, "code": "1", "display": "User Device"}]},
    }
    if event.action in _SUBTYPES:
        resource["subtype"] = [_SUBTYPES[event.action]]
    if entities:
        resource["entity"] = entities
    return resource


def _reference(entity: Any) -> tuple[str, str] | None:
    what = entity.get("what") if isinstance(entity, dict) else None
    ref = what.get("reference") if isinstance(what, dict) else None
    if not isinstance(ref, str) or ref.count("/") < 1:
        return None
    rtype, rid = ref.rstrip("/").split("/")[-2:]
    return (rtype, rid) if rtype and rid else None


def _action(resource: Resource) -> str:
    for coding in resource.get("subtype") or []:
        if isinstance(coding, dict):
            found = _FROM_SUBTYPE.get((coding.get("system"), coding.get("code")))
            if found:
                return found
    kind = resource.get("type") or {}
    if isinstance(kind, dict) and (kind.get("system"), kind.get("code")) == (DCM, "110106"):
        return "export"
    by_letter = {"C": "create", "R": "read", "U": "update", "D": "delete"}
    action = by_letter.get(str(resource.get("action", "")))
    if action is None:
        raise UnusableAuditEvent("no action this client knows")
    return action


def _agent_rpps(resource: Resource) -> str:
    agents = [a for a in resource.get("agent") or [] if isinstance(a, dict)]
    agents.sort(key=lambda a: not a.get("requestor"))
    for agent in agents:
        who = agent.get("who")
        ident = who.get("identifier") if isinstance(who, dict) else None
        if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM and \
                is_practitioner(str(ident.get("value", ""))):
            return str(ident["value"])
    raise UnusableAuditEvent("no agent with an RPPS number")


def from_resource(resource: Resource) -> dict[str, Any]:
    """The columns of a hub AuditEvent (see store.store_hub_event)."""
    if resource.get("resourceType") != "AuditEvent" or not isinstance(resource.get("id"), str):
        raise UnusableAuditEvent("not an AuditEvent")
    patient_id = None
    record: tuple[str, str] | None = None
    occurrences = 1
    for entity in resource.get("entity") or []:
        ref = _reference(entity)
        if ref is None:
            what = entity.get("what") if isinstance(entity, dict) else None
            kind = what.get("type") if isinstance(what, dict) else None
            if kind not in GROUPED_TYPES:
                continue
            ref = (str(kind), "")  # records created in the file, counted in the detail
        if ref[0] == "Patient":
            patient_id = patient_id or ref[1]
        elif record is None:
            record = ref
        for detail in entity.get("detail") or []:
            if isinstance(detail, dict) and detail.get("type") == OCCURRENCES and \
                    str(detail.get("valueString", "")).isdigit():
                occurrences = max(1, int(detail["valueString"]))
    period = resource.get("period") if isinstance(resource.get("period"), dict) else {}
    try:
        first = parse_utc(str(period.get("start") or resource["recorded"]))
        last = parse_utc(str(period.get("end") or period.get("start") or resource["recorded"]))
    except (KeyError, ValueError) as exc:
        raise UnusableAuditEvent("no readable time") from exc
    if record is None:
        record = ("Patient", patient_id) if patient_id else ("AuditEvent", "")
    return {"event_id": resource["id"], "actor": _agent_rpps(resource),
            "action": _action(resource), "resource_type": record[0],
            "resource_id": record[1] or None, "patient_id": patient_id,
            "first_at": utc_iso(first), "last_at": utc_iso(max(first, last)),
            "occurrences": occurrences}


def patient_of(db: Database, event: store.Event) -> str | None:
    """The patient an event is about: the record itself, or a care team's patient."""
    if event.patient_id:
        return event.patient_id
    if event.resource_type == care_team.RESOURCE and event.resource_id:
        team = care_team.get(db, event.resource_id)
        return team.patient_id if team else None
    return None


class AuditEventAdapter:
    """Registered by app.py: this practitioner's audit events go to the hub (append-only),
    colleagues' events on shared patients come back and are kept for the viewer."""

    resource_type = store.RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        event = store.event(db, record_id)
        if event is None:
            return None
        if event.origin == HUB and event.resource:
            return dict(json.loads(event.resource))
        return to_resource(event, patient_of(db, event))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # an audit trail loses nothing: a record no longer listed stays here
        fields = from_resource(resource)
        if fields["event_id"] != record_id:
            raise UnusableAuditEvent("id mismatch")
        store.store_hub_event(uow, hub_version=hub_version, resource=resource, **fields)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.acknowledge(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return append_only(base, local, remote)
