"""FHIR R4 knowledge the hub needs: identifier systems, light validation, references.

The hub is not a full FHIR validator. It checks what sync and access control rely
on (type, id, the patient a resource belongs to, the practitioners it names) and
the few elements without which a record is clinically meaningless.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
INS_NIR_TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"
INS_SYSTEMS = frozenset({INS_NIR_SYSTEM, INS_NIR_TEST_SYSTEM})
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"

SUPPORTED_TYPES = frozenset(
    {
        "Patient",
        "Practitioner",
        "Immunization",
        "ImmunizationRecommendation",
        "Observation",
        "Appointment",
        "Communication",
        "CareTeam",
        "AuditEvent",
    }
)
# Clinical facts and logs: never overwritten, never deleted (only entered-in-error).
APPEND_ONLY_TYPES = frozenset({"Observation", "Communication", "AuditEvent"})

APPOINTMENT_STATUSES = frozenset(
    {
        "proposed",
        "pending",
        "booked",
        "arrived",
        "fulfilled",
        "cancelled",
        "noshow",
        "entered-in-error",
        "checked-in",
        "waitlist",
    }
)

_RPPS_RE = re.compile(r"^\d{11}$")
_NIR_RE = re.compile(r"^[12378]\d{4}(\d{2}|2A|2B)\d{6}\d{2}$")


class InvalidResource(Exception):
    """A resource the hub refuses to store; `code` is a FHIR issue-type code."""

    def __init__(self, code: str, diagnostics: str) -> None:
        super().__init__(diagnostics)
        self.code = code
        self.diagnostics = diagnostics


def operation_outcome(code: str, diagnostics: str, severity: str = "error") -> dict[str, Any]:
    """A one-issue OperationOutcome (never carries patient data, only what was wrong)."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": severity, "code": code, "diagnostics": diagnostics}],
    }


def canonical_json(value: Any) -> str:
    """Stable JSON text: equal documents give equal strings (used for content equality)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def without_meta(resource: dict[str, Any]) -> dict[str, Any]:
    """The resource minus `meta`, which the hub rewrites on every version."""
    return {k: v for k, v in resource.items() if k != "meta"}


def is_uuid(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def is_valid_rpps(value: object) -> bool:
    # 11 digits. The RPPS check digit is not verified: test numbers often lack it.
    return isinstance(value, str) and bool(_RPPS_RE.match(value))


def is_valid_nir(value: object) -> bool:
    """NIR (13 characters) + 2-digit key, as carried by the INS identifier."""
    if not isinstance(value, str) or not _NIR_RE.match(value):
        return False
    body = value[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(value[13:])


def reference_id(ref: object, resource_type: str) -> str | None:
    """`Patient/<id>` (relative or absolute URL) -> id, for the given target type."""
    if not isinstance(ref, dict):
        return None
    text = ref.get("reference")
    if not isinstance(text, str):
        return None
    parts = text.rstrip("/").split("/")
    if len(parts) >= 2 and parts[-2] == resource_type and parts[-1]:
        return parts[-1]
    return None


def ins_identifier(patient: dict[str, Any]) -> tuple[str, str] | None:
    """The INS (system, value) of a Patient; its presence means a qualified identity."""
    for ident in patient.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") in INS_SYSTEMS:
            return str(ident.get("system")), str(ident.get("value"))
    return None


def rpps_of_practitioner(practitioner: dict[str, Any]) -> str | None:
    for ident in practitioner.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM:
            value = ident.get("value")
            return value if isinstance(value, str) else None
    return None


def practitioner_ref(ref: object) -> tuple[str | None, str | None]:
    """A practitioner reference -> (rpps from a logical identifier, Practitioner id)."""
    if not isinstance(ref, dict):
        return None, None
    ident = ref.get("identifier")
    rpps = None
    if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM:
        value = ident.get("value")
        rpps = value if isinstance(value, str) else None
    return rpps, reference_id(ref, "Practitioner")


def patient_of(resource: dict[str, Any]) -> str | None:
    """The id of the Patient a resource belongs to (None when it names none)."""
    rtype = resource.get("resourceType")
    if rtype == "Patient":
        rid = resource.get("id")
        return rid if isinstance(rid, str) else None
    if rtype in ("Immunization", "ImmunizationRecommendation"):
        return reference_id(resource.get("patient"), "Patient")
    if rtype in ("Observation", "Communication", "CareTeam"):
        return reference_id(resource.get("subject"), "Patient")
    if rtype == "Appointment":
        for part in resource.get("participant") or []:
            if isinstance(part, dict):
                pid = reference_id(part.get("actor"), "Patient")
                if pid:
                    return pid
        return None
    if rtype == "AuditEvent":
        for entity in resource.get("entity") or []:
            if isinstance(entity, dict):
                pid = reference_id(entity.get("what"), "Patient")
                if pid:
                    return pid
        return None
    return None


def care_team_members(care_team: dict[str, Any]) -> list[object]:
    """Participant member references of an active CareTeam."""
    if care_team.get("status") in ("inactive", "entered-in-error"):
        return []
    return [p.get("member") for p in care_team.get("participant") or [] if isinstance(p, dict)]


def communication_participants(comm: dict[str, Any]) -> list[object]:
    refs: list[object] = [comm.get("sender")]
    refs.extend(comm.get("recipient") or [])
    return refs


def _require(resource: dict[str, Any], *names: str) -> None:
    for name in names:
        if resource.get(name) in (None, "", [], {}):
            raise InvalidResource("required", f"{resource['resourceType']}.{name} is required")


def _require_patient(resource: dict[str, Any], element: str) -> None:
    if reference_id(resource.get(element), "Patient") is None:
        raise InvalidResource(
            "required", f"{resource['resourceType']}.{element} must reference a Patient"
        )


def validate_resource(resource_type: str, resource_id: str, resource: object) -> dict[str, Any]:
    """Check a pushed resource against its op; returns it typed as a dict."""
    if not isinstance(resource, dict):
        raise InvalidResource("structure", "resource must be a JSON object")
    if resource.get("resourceType") != resource_type:
        raise InvalidResource("invalid", "resource.resourceType does not match resource_type")
    if resource.get("id") != resource_id:
        raise InvalidResource("invalid", "resource.id does not match the op id")
    if resource_type == "Patient":
        ins = ins_identifier(resource)
        if ins is not None and not is_valid_nir(ins[1]):
            raise InvalidResource("value", "INS identifier value is not a valid NIR with its key")
    elif resource_type == "Practitioner":
        if not is_valid_rpps(rpps_of_practitioner(resource)):
            raise InvalidResource("required", "Practitioner needs an RPPS identifier (11 digits)")
    elif resource_type == "Immunization":
        _require(resource, "status", "vaccineCode")
        _require_patient(resource, "patient")
        if not (resource.get("occurrenceDateTime") or resource.get("occurrenceString")):
            raise InvalidResource("required", "Immunization.occurrence[x] is required")
    elif resource_type == "ImmunizationRecommendation":
        _require(resource, "date", "recommendation")
        _require_patient(resource, "patient")
    elif resource_type == "Observation":
        _require(resource, "status", "code")
        _require_patient(resource, "subject")
    elif resource_type == "Appointment":
        _require(resource, "status", "participant")
        if resource["status"] not in APPOINTMENT_STATUSES:
            raise InvalidResource("value", "Appointment.status is not a known status")
    elif resource_type == "Communication":
        _require(resource, "status")
    elif resource_type == "CareTeam":
        _require_patient(resource, "subject")
    elif resource_type == "AuditEvent":
        _require(resource, "type", "recorded", "agent", "source")
    return resource
