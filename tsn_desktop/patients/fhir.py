"""Patient <-> FHIR R4 Patient, the per-element three-way merge, and the sync adapter.

Elements this app does not model (another client's extensions, extra names) are
kept: our copy is laid over the last hub copy, never built from nothing.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.patients import store
from tsn_desktop.patients.model import Patient, RecordMeta
from tsn_desktop.sync.adapters import MergeResult, Resource, hub_resource, same

INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
INS_NIR_TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"
INS_SYSTEMS = (INS_NIR_SYSTEM, INS_NIR_TEST_SYSTEM)
BIRTH_PLACE_URL = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"
INSEE_CODE_URL = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"
INSEE_COMMUNE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM"
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
# The RNIV identity status, the FR Core way (Interop'Santé, hl7.fhir.fr.core): the complex
# extension fr-core-identity-reliability on Patient, sub-extension "identityStatus"
# (Coding from fr-core-cs-identity-status: PROV, RECUP, VALI, QUAL, [EXI SI 07]) and
# "validationMode" (the identity document checked, fr-core-cs-mode-validation-identity).
IDENTITY_RELIABILITY_URL = \
    "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability"
IDENTITY_STATUS_SYSTEM = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status"
VALIDATION_MODE_SYSTEM = \
    "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-mode-validation-identity"
_OURS_IN_RELIABILITY = ("identityStatus", "validationMode")

_TO_GENDER = {"F": "female", "M": "male", "U": "unknown"}
_FROM_GENDER = {"female": "F", "male": "M"}

# The merge works on these elements; the strict INS traits follow a qualified hub INS.
ELEMENTS = ("ins", "birth_name", "used_name", "given_names", "sex", "birth_date",
            "birth_place", "birth_insee", "address", "postal_code", "city", "phone",
            "email", "treating_gp", "identity_document", "archived", "deceased_date",
            "replaced_by")
INS_TRAITS = ("ins", "birth_name", "given_names", "sex", "birth_date", "birth_place",
              "birth_insee")


class UnusablePatient(ValueError):
    """A hub Patient this app cannot hold (no birth date, no name): kept hub-side only."""


# --- Patient -> FHIR ----------------------------------------------------------------------
def to_fhir(patient: Patient, *, ins_system: str = INS_NIR_SYSTEM,
            over: Resource | None = None, replaces: tuple[str, ...] = ()) -> Resource:
    """The FHIR Patient; `over` is the last hub copy, whose other elements are kept.
    `replaces`: the duplicates merged into this patient (Patient.link "replaces").

    The INS identifier goes with its RNIV status: the FR Core INS profile reserves the INS
    for a qualified identity in exchanges, so a receiver reads identityStatus before
    using it (a récupérée INS is shared with the care team only to spare a new INSi call)."""
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.pop("meta", None)
    resource["resourceType"] = "Patient"
    resource["id"] = patient.id
    others = [i for i in resource.get("identifier", []) if i.get("system") not in INS_SYSTEMS]
    if patient.ins:
        kept = _ins(over)
        # Keep the hub's system (real or test INS) for the same number.
        system = kept[0] if kept and kept[1] == patient.ins else ins_system
        others.insert(0, {"use": "official", "system": system, "value": patient.ins})
    _set(resource, "identifier", others)

    names = [n for n in resource.get("name", []) if n.get("use") not in ("official", "usual")]
    given = patient.given_names.split()
    official: Resource = {"use": "official", "family": patient.birth_name}
    if given:
        official["given"] = given
    new_names = [official]
    if patient.used_name:
        usual: Resource = {"use": "usual", "family": patient.used_name}
        if given:
            usual["given"] = given[:1]
        new_names.append(usual)
    resource["name"] = new_names + names

    resource["gender"] = _TO_GENDER.get(patient.sex, "unknown")
    resource["birthDate"] = patient.birth_date.isoformat()

    previous = next((e for e in resource.get("extension", [])
                     if e.get("url") == IDENTITY_RELIABILITY_URL), None)
    extensions = [e for e in resource.get("extension", [])
                  if e.get("url") not in (BIRTH_PLACE_URL, IDENTITY_RELIABILITY_URL)]
    extensions.insert(0, _reliability(patient, previous))
    if patient.birth_place or patient.birth_insee:
        place: Resource = {}
        if patient.birth_insee:
            place["extension"] = [{"url": INSEE_CODE_URL, "valueCoding": {
                "system": INSEE_COMMUNE_SYSTEM, "code": patient.birth_insee}}]
        if patient.birth_place:
            place["city"] = patient.birth_place
        extensions.insert(0, {"url": BIRTH_PLACE_URL, "valueAddress": place})
    _set(resource, "extension", extensions)

    addresses = [a for a in resource.get("address", []) if a.get("use") != "home"]
    if patient.address or patient.postal_code or patient.city:
        home: Resource = {"use": "home"}
        lines = [line for line in patient.address.splitlines() if line.strip()]
        if lines:
            home["line"] = lines
        if patient.city:
            home["city"] = patient.city
        if patient.postal_code:
            home["postalCode"] = patient.postal_code
        home["country"] = "FR"
        addresses.insert(0, home)
    _set(resource, "address", addresses)

    telecom = [t for t in resource.get("telecom", []) if t.get("system") not in ("phone", "email")]
    mine = []
    if patient.phone:
        mine.append({"system": "phone", "value": patient.phone})
    if patient.email:
        mine.append({"system": "email", "value": patient.email})
    _set(resource, "telecom", mine + telecom)

    practitioners = [g for g in resource.get("generalPractitioner", []) if "display" not in g
                     or g.get("reference") or g.get("identifier")]
    if patient.treating_gp:
        practitioners.insert(0, {"display": patient.treating_gp})
    _set(resource, "generalPractitioner", practitioners)
    if patient.meta.deleted or patient.archived or patient.replaced_by:
        resource["active"] = False
    elif "active" in resource:
        resource["active"] = True
    if patient.deceased_date is not None:
        resource.pop("deceasedBoolean", None)
        resource["deceasedDateTime"] = patient.deceased_date.isoformat()
    else:
        resource.pop("deceasedDateTime", None)
    links = [link for link in resource.get("link", [])
             if link.get("type") not in ("replaced-by", "replaces")]
    if patient.replaced_by:
        links.insert(0, {"other": {"reference": f"Patient/{patient.replaced_by}"},
                         "type": "replaced-by"})
    links += [{"other": {"reference": f"Patient/{other}"}, "type": "replaces"}
              for other in replaces]
    _set(resource, "link", links)
    return resource


def _reliability(patient: Patient, previous: Resource | None) -> Resource:
    """Our fr-core-identity-reliability extension; another client's sub-extensions
    (INSi query date, collection method, comments) are kept."""
    kept = [e for e in (previous or {}).get("extension", [])
            if isinstance(e, dict) and e.get("url") not in _OURS_IN_RELIABILITY]
    status = {"url": "identityStatus", "valueCoding": {
        "system": IDENTITY_STATUS_SYSTEM, "code": patient.identity_status}}
    ours: list[Resource] = [status]
    if patient.identity_document:
        ours.append({"url": "validationMode", "valueCoding": {
            "system": VALIDATION_MODE_SYSTEM, "code": patient.identity_document}})
    return {"url": IDENTITY_RELIABILITY_URL, "extension": ours + kept}


def identity_status_of(resource: Resource | None) -> str | None:
    """The RNIV status a FHIR Patient states (None when it states none)."""
    for ext in (resource or {}).get("extension", []):
        if isinstance(ext, dict) and ext.get("url") == IDENTITY_RELIABILITY_URL:
            for sub in ext.get("extension", []):
                if isinstance(sub, dict) and sub.get("url") == "identityStatus":
                    return str((sub.get("valueCoding") or {}).get("code", "")) or None
    return None


def _set(resource: Resource, key: str, value: list[Any]) -> None:
    if value:
        resource[key] = value
    else:
        resource.pop(key, None)


def _ins(resource: Resource | None) -> tuple[str, str] | None:
    for ident in (resource or {}).get("identifier", []):
        if isinstance(ident, dict) and ident.get("system") in INS_SYSTEMS:
            return str(ident["system"]), str(ident.get("value", ""))
    return None


# --- FHIR -> Patient ---------------------------------------------------------------------
def elements(resource: Resource) -> dict[str, str]:
    """The modelled elements of a FHIR Patient, as text (the unit of the merge)."""
    if not isinstance(resource, dict) or resource.get("resourceType") != "Patient":
        raise UnusablePatient("not a Patient")
    names = [n for n in resource.get("name", []) if isinstance(n, dict)]
    official = next((n for n in names if n.get("use") == "official"), None)
    usual = next((n for n in names if n.get("use") == "usual"), None)
    if official is None and names:
        official = next((n for n in names if n is not usual), names[0])
    out = dict.fromkeys(ELEMENTS, "")
    ins = _ins(resource)
    out["ins"] = ins[1] if ins else ""
    if official:
        out["birth_name"] = str(official.get("family", "")).strip()
        out["given_names"] = " ".join(str(g).strip() for g in official.get("given", []))
    if usual and usual is not official:
        out["used_name"] = str(usual.get("family", "")).strip()
    out["sex"] = _FROM_GENDER.get(str(resource.get("gender", "")), "U")
    out["birth_date"] = str(resource.get("birthDate", ""))
    for ext in resource.get("extension", []):
        if isinstance(ext, dict) and ext.get("url") == IDENTITY_RELIABILITY_URL:
            for sub in ext.get("extension", []):
                if isinstance(sub, dict) and sub.get("url") == "validationMode":
                    out["identity_document"] = str(
                        (sub.get("valueCoding") or {}).get("code", ""))
        if isinstance(ext, dict) and ext.get("url") == BIRTH_PLACE_URL:
            place = ext.get("valueAddress") or {}
            out["birth_place"] = str(place.get("city", "") or place.get("text", ""))
            for sub in place.get("extension", []):
                if isinstance(sub, dict) and sub.get("url") == INSEE_CODE_URL:
                    out["birth_insee"] = str((sub.get("valueCoding") or {}).get("code", ""))
    addresses = [a for a in resource.get("address", []) if isinstance(a, dict)]
    home = next((a for a in addresses if a.get("use") == "home"), addresses[0] if addresses
                else None)
    if home:
        out["address"] = "\n".join(str(line) for line in home.get("line", []))
        out["postal_code"] = str(home.get("postalCode", ""))
        out["city"] = str(home.get("city", ""))
    for tel in resource.get("telecom", []):
        if isinstance(tel, dict) and tel.get("system") in ("phone", "email"):
            key = tel["system"]
            if not out[key]:
                out[key] = str(tel.get("value", ""))
    for gp in resource.get("generalPractitioner", []):
        if isinstance(gp, dict) and gp.get("display"):
            out["treating_gp"] = str(gp["display"])
            break
    for link in resource.get("link", []):
        if isinstance(link, dict) and link.get("type") == "replaced-by":
            reference = str((link.get("other") or {}).get("reference", ""))
            out["replaced_by"] = reference.split("/", 1)[1] if "/" in reference else ""
    # Patient.active false: archived, or merged away (then replaced_by says so).
    out["archived"] = "1" if resource.get("active") is False and not out["replaced_by"] \
        else ""
    out["deceased_date"] = str(resource.get("deceasedDateTime", ""))[:10]
    return out


def _typed(values: dict[str, str]) -> dict[str, Any]:
    """Elements (text) as Patient fields."""
    data: dict[str, Any] = dict(values)
    data["archived"] = data.get("archived") == "1"
    try:
        data["deceased_date"] = date.fromisoformat(data.get("deceased_date") or "")
    except ValueError:
        data["deceased_date"] = None
    return data


def from_fhir(resource: Resource) -> Patient:
    """The Patient a hub copy describes (record metadata left at defaults)."""
    values = elements(resource)
    if not values["birth_name"] and not values["given_names"]:
        raise UnusablePatient("no name")
    try:
        birth = date.fromisoformat(values.pop("birth_date"))
    except ValueError as exc:
        raise UnusablePatient("no full birth date") from exc
    record_id = resource.get("id")
    if not isinstance(record_id, str) or not record_id:
        raise UnusablePatient("no id")
    return Patient(id=record_id, birth_date=birth, **_typed(values))


# --- three-way merge -------------------------------------------------------------------
@dataclass(frozen=True)
class ElementMerge:
    merged: dict[str, str]
    lost: tuple[str, ...]  # elements where our change gave way to the hub's


def merge_elements(base: dict[str, str] | None, local: dict[str, str],
                   remote: dict[str, str]) -> ElementMerge:
    """Per element: a change on one side only is taken; both sides changed it
    differently -> the hub's value stands (its order decides), ours is recorded as
    lost. A qualified INS on the hub carries its strict identity traits with it."""
    base = base or {}
    merged: dict[str, str] = {}
    lost: list[str] = []
    # The strict traits follow the hub's INS: whether récupérée or qualifiée, they are the
    # traits the INSi teleservice returned with it (RNIV: INSi traits replace typed ones).
    hub_qualified = bool(remote.get("ins"))
    for key in ELEMENTS:
        b, mine, theirs = base.get(key), local.get(key, ""), remote.get(key, "")
        if hub_qualified and key in INS_TRAITS:
            merged[key] = theirs
            if mine != theirs and mine != b:
                lost.append(key)
        elif mine == theirs or mine == b:
            merged[key] = theirs
        elif theirs == b:
            merged[key] = mine
        else:
            merged[key] = theirs
            lost.append(key)
    return ElementMerge(merged, tuple(lost))


def merge(base: Resource | None, local: Resource | None,
          remote: Resource | None) -> MergeResult:
    """Three-way merge of two Patient copies. Deletions: an edit beats a delete it did
    not see (the edited copy is kept); a delete beats an unchanged copy."""
    if remote is None and local is None:
        return MergeResult(None, local_lost=False, reason="deleted")
    if remote is None:
        if base is not None and same(local, base):
            return MergeResult(None, local_lost=False, reason="deleted")
        return MergeResult(local, local_lost=False, reason="edit_beats_delete")
    if local is None:
        if base is not None and not same(remote, base):
            # The hub copy changed since we deleted: it comes back, visibly.
            return MergeResult(remote, local_lost=True, reason="edit_beats_delete")
        return MergeResult(local, local_lost=False, reason="deleted")
    base_elements = elements(base) if base else None
    result = merge_elements(base_elements, elements(local), elements(remote))
    merged_patient = replace(
        _patient_from_elements(str(remote.get("id", local.get("id", ""))), result.merged),
        meta=RecordMeta())
    ins = _ins(remote) or _ins(local)
    merged = to_fhir(merged_patient, ins_system=ins[0] if ins else INS_NIR_SYSTEM, over=remote,
                     replaces=_replaces(remote))
    # Unmodelled elements: ours win where only we changed them.
    for key, value in local.items():
        if key in ("meta",) or key in _MODELLED_KEYS:
            continue
        if base is None or base.get(key) != value:
            if remote.get(key) == (base or {}).get(key):
                merged[key] = value
    reason = "ins_identity" if any(k in INS_TRAITS for k in result.lost) and \
        remote and _ins(remote) else "element"
    return MergeResult(merged, local_lost=bool(result.lost), reason=reason)


_MODELLED_KEYS = frozenset({"resourceType", "id", "identifier", "name", "gender", "birthDate",
                            "extension", "address", "telecom", "generalPractitioner", "active",
                            "deceasedDateTime", "link"})


def _replaces(resource: Resource | None) -> tuple[str, ...]:
    out = []
    for link in (resource or {}).get("link", []):
        if isinstance(link, dict) and link.get("type") == "replaces":
            reference = str((link.get("other") or {}).get("reference", ""))
            if "/" in reference:
                out.append(reference.split("/", 1)[1])
    return tuple(out)


def _patient_from_elements(record_id: str, values: dict[str, str]) -> Patient:
    data = _typed(values)
    try:
        birth = date.fromisoformat(data.pop("birth_date"))
    except ValueError:
        birth = date(1900, 1, 1)
    return Patient(id=record_id, birth_date=birth, **data)


# --- the adapter ---------------------------------------------------------------------------
class PatientAdapter:
    """Registered by app.py: lets the sync engine read, write and merge patients."""

    resource_type = store.RESOURCE

    def __init__(self, ins_system: str = INS_NIR_SYSTEM) -> None:
        self.ins_system = ins_system

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        patient = store.get(db, record_id)
        if patient is None:
            return None
        return to_fhir(patient, ins_system=self.ins_system,
                       over=hub_resource(db, self.resource_type, record_id),
                       replaces=tuple(store.replaced_ids(db, record_id)))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            store.apply_hub_delete(uow, record_id, hub_version)
            return
        patient = from_fhir(resource)
        if patient.id != record_id:
            raise UnusablePatient("id mismatch")
        store.apply_from_hub(uow, patient, hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return merge(base, local, remote)


__all__ = [
    "ELEMENTS", "IDENTITY_RELIABILITY_URL", "IDENTITY_STATUS_SYSTEM", "INS_NIR_SYSTEM",
    "INS_NIR_TEST_SYSTEM", "PatientAdapter", "UnusablePatient", "elements", "from_fhir",
    "identity_status_of", "merge", "merge_elements", "to_fhir",
]
