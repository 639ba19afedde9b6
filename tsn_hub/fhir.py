"""FHIR R4 knowledge the hub needs: identifier systems, light validation, references.

The hub is not a full FHIR validator. It checks what sync and access control rely
on (type, id, the patient a resource belongs to, the practitioners it names) and
the few elements without which a record is clinically meaningless.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from typing import Any

INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
INS_NIR_TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"
INS_SYSTEMS = frozenset({INS_NIR_SYSTEM, INS_NIR_TEST_SYSTEM})
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
_DIRECTORY_NS = uuid.uuid5(uuid.NAMESPACE_URL, RPPS_SYSTEM)

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
        "Condition",
        "EpisodeOfCare",
        "DetectedIssue",
        "Task",
        "DocumentReference",
        "AdverseEvent",
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

# ASCII only: `\d` and str.isdigit() also accept digits such as "²" or "٣".
_RPPS_RE = re.compile(r"^[0-9]{11}\Z")
_NIR_RE = re.compile(r"^[12378][0-9]{4}([0-9]{2}|2A|2B)[0-9]{6}[0-9]{2}\Z")

# Caps on one pushed resource (docs/sync-protocol.md §4): a record the hub stores must
# stay servable, so nesting, size and number types are bounded at push.
MAX_DEPTH = 32
MAX_ELEMENTS = 20_000
MAX_STRING = 256 * 1024
MAX_INT = 2**63 - 1

# Statuses under which a CareTeam grants nothing (the desktop reads them the same way).
CARE_TEAM_STATUSES = frozenset({"proposed", "active", "suspended", "inactive", "entered-in-error"})
CARE_TEAM_CLOSED = frozenset({"suspended", "inactive", "entered-in-error"})

# Elements the hub reads, with the JSON type FHIR gives them: a wrong type is a
# `structure` rejection, never a TypeError further down.
_LISTS = (
    "identifier", "participant", "recipient", "entity", "agent", "recommendation",
    "generalPractitioner",
)
_OBJECTS = ("meta", "patient", "subject", "sender", "vaccineCode", "code", "source", "for")
_STRINGS = ("status", "date", "recorded", "occurrenceDateTime", "occurrenceString")


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


def practitioner_id(rpps: str) -> str:
    """The directory id of an RPPS number; reserved for that practitioner's entry."""
    return str(uuid.uuid5(_DIRECTORY_NS, rpps))


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


def _items(value: object) -> list[Any]:
    """A list element, or nothing when it has another type (validation refuses those)."""
    return value if isinstance(value, list) else []


def ins_identifier(patient: dict[str, Any]) -> tuple[str, str] | None:
    """The INS (system, value) of a Patient; its presence means a qualified identity."""
    for ident in _items(patient.get("identifier")):
        if isinstance(ident, dict) and ident.get("system") in INS_SYSTEMS:
            return str(ident.get("system")), str(ident.get("value"))
    return None


def rpps_of_practitioner(practitioner: dict[str, Any]) -> str | None:
    for ident in _items(practitioner.get("identifier")):
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


def audit_agents(event: dict[str, Any]) -> list[object]:
    """The practitioner references an AuditEvent names as its agents (agent[].who)."""
    return [a.get("who") for a in _items(event.get("agent")) if isinstance(a, dict)]


def patient_of(resource: dict[str, Any]) -> str | None:
    """The id of the Patient a resource belongs to (None when it names none)."""
    rtype = resource.get("resourceType")
    if rtype == "Patient":
        rid = resource.get("id")
        return rid if isinstance(rid, str) else None
    if rtype in ("Immunization", "ImmunizationRecommendation", "EpisodeOfCare", "DetectedIssue"):
        return reference_id(resource.get("patient"), "Patient")
    if rtype in ("Observation", "Communication", "CareTeam", "Condition",
                 "DocumentReference", "AdverseEvent"):
        return reference_id(resource.get("subject"), "Patient")
    if rtype == "Task":  # a return-home pathway's task: its patient is `for`
        return reference_id(resource.get("for"), "Patient")
    if rtype == "Appointment":
        for part in _items(resource.get("participant")):
            if isinstance(part, dict):
                pid = reference_id(part.get("actor"), "Patient")
                if pid:
                    return pid
        return None
    if rtype == "AuditEvent":
        for entity in _items(resource.get("entity")):
            if isinstance(entity, dict):
                pid = reference_id(entity.get("what"), "Patient")
                if pid:
                    return pid
        return None
    return None


def care_team_grants(care_team: dict[str, Any]) -> bool:
    """Whether a CareTeam opens its patient to its members (absent status: active)."""
    status = care_team.get("status", "active")
    return isinstance(status, str) and status not in CARE_TEAM_CLOSED


def care_team_members(care_team: dict[str, Any]) -> list[object]:
    """Participant member references of a CareTeam, whatever its status."""
    return [p.get("member") for p in _items(care_team.get("participant")) if isinstance(p, dict)]


def granting_members(care_team: dict[str, Any]) -> list[object]:
    """Participant member references of a CareTeam that grants access."""
    return care_team_members(care_team) if care_team_grants(care_team) else []


def communication_participants(comm: dict[str, Any]) -> list[object]:
    refs: list[object] = [comm.get("sender")]
    refs.extend(_items(comm.get("recipient")))
    return refs


def general_practitioners(patient: dict[str, Any]) -> list[object]:
    """The treating GP references of a Patient (`generalPractitioner`)."""
    return list(_items(patient.get("generalPractitioner")))


def check_structure(value: object) -> None:
    """Refuse what would make a stored record unservable: deep nesting, too many
    elements, huge strings, non-finite numbers, integers beyond 64 bits, text that is
    not valid Unicode (lone surrogates) or holds NUL characters."""
    count = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        count += 1
        if count > MAX_ELEMENTS:
            raise InvalidResource("structure", f"resource has more than {MAX_ELEMENTS} elements")
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise InvalidResource("structure", f"resource is nested deeper than {MAX_DEPTH}")
            if isinstance(item, dict):
                for key, child in item.items():
                    _check_text(key)
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            _check_text(item)
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise InvalidResource("structure", "numbers must be finite")
        elif isinstance(item, int) and not isinstance(item, bool):
            if abs(item) > MAX_INT:
                raise InvalidResource("structure", "integers must fit in 64 bits")


# A number of 19 digits or more may not fit in 64 bits. Digits are found by mapping each
# to "0" and looking for 19 zeros: str.translate and `in` run in C, about 3 times as fast
# as a regex that tries every position. (Only ASCII digits make JSON numbers.)
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
_LONG_RUN = "0" * 19


def surely_well_formed(text: str) -> bool:
    """True when the JSON text (json.dumps, ensure_ascii=False) of a document cannot
    break a rule of check_structure, read on the text alone, in C: each element takes a
    character at least (so the element count and every string are bounded by the
    length), nesting by the brackets, numbers by their digits, and strings are valid
    Unicode without NUL. False only means "walk the document to tell"."""
    return (len(text) <= min(MAX_ELEMENTS, MAX_STRING)
            and text.count("{") + text.count("[") <= MAX_DEPTH
            and "NaN" not in text and "Infinity" not in text
            and _LONG_RUN not in text.translate(_DIGITS_AS_ZERO)
            and clean_json_text(text) is not None)


def clean_json_text(text: str) -> bytes | None:
    """The UTF-8 of a document's JSON text (json.dumps, ensure_ascii=False), or None when
    a string in it may hold a NUL or a lone surrogate (then check_structure tells)."""
    if "\\u0000" in text:
        return None  # json.dumps writes NUL as \u0000 (or it is an escaped backslash)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _check_text(text: str) -> None:
    if len(text) > MAX_STRING:
        raise InvalidResource("structure", f"a string is longer than {MAX_STRING} characters")
    if not is_clean_text(text):
        raise InvalidResource("structure", "text must be valid Unicode without NUL characters")


def is_clean_text(text: str) -> bool:
    """No lone surrogate (not encodable as UTF-8) and no NUL (PostgreSQL text refuses it)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_types(resource: dict[str, Any]) -> None:
    for name in _LISTS:
        if name in resource and not isinstance(resource[name], list):
            raise InvalidResource("structure", f"{resource['resourceType']}.{name} must be a list")
    for name in _OBJECTS:
        if name in resource and not isinstance(resource[name], dict):
            raise InvalidResource(
                "structure", f"{resource['resourceType']}.{name} must be an object"
            )
    for name in _STRINGS:
        if name in resource and not isinstance(resource[name], str):
            raise InvalidResource(
                "structure", f"{resource['resourceType']}.{name} must be a string"
            )


def _require(resource: dict[str, Any], *names: str) -> None:
    for name in names:
        if resource.get(name) in (None, "", [], {}):
            raise InvalidResource("required", f"{resource['resourceType']}.{name} is required")


def _require_patient(resource: dict[str, Any], element: str) -> None:
    if reference_id(resource.get(element), "Patient") is None:
        raise InvalidResource(
            "required", f"{resource['resourceType']}.{element} must reference a Patient"
        )


def validate_resource(resource_type: str, resource_id: str, resource: object, *,
                      structure_checked: bool = False) -> dict[str, Any]:
    """Check a pushed resource against its op; returns it typed as a dict.
    `structure_checked`: check_structure already ran on this very object (parse_op)."""
    if not isinstance(resource, dict):
        raise InvalidResource("structure", "resource must be a JSON object")
    if resource.get("resourceType") != resource_type:
        raise InvalidResource("invalid", "resource.resourceType does not match resource_type")
    if resource.get("id") != resource_id:
        raise InvalidResource("invalid", "resource.id does not match the op id")
    if not structure_checked:
        check_structure(resource)
    _check_types(resource)
    if resource_type == "Patient":
        ins = ins_identifier(resource)
        if ins is not None and not is_valid_nir(ins[1]):
            raise InvalidResource("value", "INS identifier value is not a valid NIR with its key")
    elif resource_type == "Practitioner":
        rpps = rpps_of_practitioner(resource)
        if rpps is None or not is_valid_rpps(rpps):
            raise InvalidResource("required", "Practitioner needs an RPPS identifier (11 digits)")
        if resource_id != practitioner_id(rpps):
            raise InvalidResource(
                "value", "a directory entry's id is the one derived from its RPPS number"
            )
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
        if resource.get("status", "active") not in CARE_TEAM_STATUSES:
            raise InvalidResource("value", "CareTeam.status is not a known status")
    elif resource_type == "AuditEvent":
        _require(resource, "type", "recorded", "agent", "source")
    elif resource_type == "Condition":
        _require(resource, "code")
        _require_patient(resource, "subject")
    elif resource_type in ("EpisodeOfCare", "DetectedIssue"):
        _require(resource, "status")
        _require_patient(resource, "patient")
    elif resource_type == "Task":
        _require(resource, "status", "intent")
        _require_patient(resource, "for")
    elif resource_type == "DocumentReference":
        _require(resource, "status", "content")
    elif resource_type == "AdverseEvent":
        _require(resource, "actuality", "suspectEntity")
        _require_patient(resource, "subject")
    return resource
