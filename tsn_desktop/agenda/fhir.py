"""Appointments as FHIR R4 Appointment (patient and practitioners by RPPS as participants),
and their SyncAdapter (merge: cancel wins, status moves forward, histories joined)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from tsn_desktop.agenda import store
from tsn_desktop.agenda.model import (
    ARRIVED,
    BOOKED,
    CANCELLED,
    DONE,
    IN_CONSULTATION,
    NO_SHOW,
    PARIS,
    PROPOSED,
    STATUSES,
    Appointment,
    Booker,
    StatusChange,
)
from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.sync.adapters import (
    MergeResult,
    Resource,
    appointment,
    hub_copy,
    local_changes_lost,
)

RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
BASE = "https://tsn-desktop.terr-esante.fr/fhir"
TYPE_SYSTEM = f"{BASE}/CodeSystem/appointment-type"
EXT_ZONE = f"{BASE}/StructureDefinition/appointment-time-zone"
EXT_ADDRESS = f"{BASE}/StructureDefinition/appointment-visit-address"
EXT_HISTORY = f"{BASE}/StructureDefinition/appointment-status-history"
EXT_SERIES = f"{BASE}/StructureDefinition/appointment-series"
EXT_FIXED = f"{BASE}/StructureDefinition/appointment-fixed-time"
EXT_BOOKER = f"{BASE}/StructureDefinition/appointment-booked-by"
_OURS = (EXT_ZONE, EXT_ADDRESS, EXT_HISTORY, EXT_SERIES, EXT_FIXED, EXT_BOOKER)

TO_FHIR = {PROPOSED: "proposed", BOOKED: "booked", ARRIVED: "arrived",
           IN_CONSULTATION: "checked-in", DONE: "fulfilled", NO_SHOW: "noshow",
           CANCELLED: "cancelled"}
FROM_FHIR = {v: k for k, v in TO_FHIR.items()}
# Other requests not yet confirmed read as an online booking waiting for an answer.
FROM_FHIR.update({"pending": PROPOSED, "waitlist": PROPOSED})


class UnusableAppointment(ValueError):
    """A hub Appointment this client cannot read (says what, never the content)."""


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: object) -> datetime:
    if not isinstance(text, str):
        raise UnusableAppointment("no readable time")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UnusableAppointment("no readable time") from exc
    if moment.tzinfo is None:
        raise UnusableAppointment("a time without its offset")
    return moment.astimezone(UTC)


def _history_extension(history: tuple[StatusChange, ...]) -> Resource:
    return {"url": EXT_HISTORY, "extension": [
        {"url": "change", "extension": [{"url": "status", "valueCode": TO_FHIR[c.status]},
                                        {"url": "at", "valueInstant": _instant(c.at)}]}
        for c in history]}


def _history(resource: Resource) -> tuple[StatusChange, ...]:
    found: list[StatusChange] = []
    for ext in _extensions(resource, EXT_HISTORY):
        for change in ext.get("extension") or []:
            parts = {e.get("url"): e for e in change.get("extension") or [] if isinstance(e, dict)}
            code = (parts.get("status") or {}).get("valueCode")
            at = (parts.get("at") or {}).get("valueInstant")
            if code in FROM_FHIR and isinstance(at, str):
                found.append(StatusChange(FROM_FHIR[code], _parse(at)))
    return tuple(sorted(set(found), key=_in_order))


def _in_order(change: StatusChange) -> tuple[datetime, int]:
    """By time, then (same second) in the order a visit goes through its statuses."""
    return change.at, STATUSES.index(change.status) if change.status in STATUSES else 99


def _extensions(resource: Resource, url: str) -> list[dict[str, Any]]:
    return [e for e in resource.get("extension") or [] if isinstance(e, dict)
            and e.get("url") == url]


def _value(resource: Resource, url: str, key: str) -> Any:
    found = _extensions(resource, url)
    return found[0].get(key) if found else None


def own_rpps(db: Database | UnitOfWork) -> str | None:
    sql = "SELECT rpps FROM practitioner_profile WHERE id = 1"
    row = db.query_one(sql) if isinstance(db, Database) else db.execute(sql).fetchone()
    return str(row[0]) if row and row[0] else None


def _practitioners(resource: Resource | None) -> list[Resource]:
    """The practitioner participants of a resource, as they were written."""
    if not resource:
        return []
    return [p for p in resource.get("participant") or [] if isinstance(p, dict)
            and isinstance(p.get("actor"), dict)
            and not str(p["actor"].get("reference", "")).startswith("Patient/")]


def to_resource(a: Appointment, rpps: str | None, over: Resource | None = None) -> Resource:
    """Our appointment as an R4 Appointment. Practitioners named on the hub copy stay
    (a colleague's appointment keeps its author); a new one names us by RPPS."""
    participants: list[Resource] = []
    if a.patient_id:
        participants.append({"actor": {"reference": f"Patient/{a.patient_id}"},
                             "required": "required", "status": "accepted"})
    named = _practitioners(over)
    owner = a.practitioner or rpps  # a delegate books in the owner's agenda, by their RPPS
    if not named and owner:
        named = [{"actor": {"identifier": {"system": RPPS_SYSTEM, "value": owner}},
                  "required": "required", "status": "accepted"}]
    participants.extend(named)
    extensions: list[Resource] = [{"url": EXT_ZONE, "valueCode": a.zone}]
    if a.address:
        extensions.append({"url": EXT_ADDRESS, "valueAddress": {"text": a.address}})
    if a.history:
        extensions.append(_history_extension(a.history))
    if a.fixed_time:
        extensions.append({"url": EXT_FIXED, "valueBoolean": True})
    if a.booker:
        extensions.append({"url": EXT_BOOKER, "extension": [
            {"url": "name", "valueString": a.booker.name},
            *([{"url": "phone", "valueString": a.booker.phone}] if a.booker.phone else [])]})
    if a.series_id and a.occurrence:
        extensions.append({"url": EXT_SERIES, "extension": [
            {"url": "series", "valueString": a.series_id},
            {"url": "occurrence", "valueDate": a.occurrence.isoformat()}]})
    resource: Resource = {
        "resourceType": "Appointment",
        "id": a.id,
        "extension": extensions,
        "status": TO_FHIR[a.status],
        "appointmentType": {"coding": [{"system": TYPE_SYSTEM, "code": a.type}]},
        "start": _instant(a.start),
        "end": _instant(a.end),
        "minutesDuration": a.minutes,
        "participant": participants,
    }
    if a.note:
        resource["comment"] = a.note
    if a.todo:
        resource["description"] = a.todo
    if a.status == CANCELLED:
        cancelled = [c.at for c in a.history if c.status == CANCELLED]
        if cancelled:
            resource["cancellationDate"] = _instant(cancelled[-1])
    return resource


def from_resource(resource: Resource) -> Appointment:
    if resource.get("resourceType") != "Appointment" or not isinstance(resource.get("id"), str):
        raise UnusableAppointment("not an Appointment")
    status = FROM_FHIR.get(str(resource.get("status", "")))
    if status is None:
        raise UnusableAppointment("a status this client does not know")
    start, end = _parse(resource.get("start")), _parse(resource.get("end"))
    if end <= start:
        raise UnusableAppointment("ends before it starts")
    kind = "consultation"
    codings = (resource.get("appointmentType") or {}).get("coding") or []
    for coding in codings:
        if isinstance(coding, dict) and coding.get("system") == TYPE_SYSTEM and coding.get("code"):
            kind = str(coding["code"])
    patient_id = None
    for part in resource.get("participant") or []:
        ref = (part.get("actor") or {}).get("reference") if isinstance(part, dict) else None
        if isinstance(ref, str) and ref.startswith("Patient/"):
            patient_id = ref.removeprefix("Patient/")
    series_id = occurrence = None
    for ext in _extensions(resource, EXT_SERIES):
        values = {e.get("url"): e for e in ext.get("extension") or [] if isinstance(e, dict)}
        series_id = (values.get("series") or {}).get("valueString")
        day = (values.get("occurrence") or {}).get("valueDate")
        occurrence = date.fromisoformat(day) if isinstance(day, str) else None
    address = (_value(resource, EXT_ADDRESS, "valueAddress") or {}).get("text", "")
    practitioner = None  # whose agenda: the first practitioner named by RPPS
    for part in _practitioners(resource):
        ident = part["actor"].get("identifier")
        if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM \
                and isinstance(ident.get("value"), str):
            practitioner = ident["value"]
            break
    booker = None
    for ext in _extensions(resource, EXT_BOOKER):
        said: dict[str, str] = {str(e.get("url")): str(e.get("valueString") or "")
                                for e in ext.get("extension") or [] if isinstance(e, dict)}
        if said.get("name", "").strip():
            booker = Booker(said["name"].strip()[:200], said.get("phone", "")[:40])
    history = _history(resource)
    if status not in {c.status for c in history}:
        # Changed by a writer that keeps no status history (the hub's portal cancelling a
        # booking): the change is still timed, from what the resource says.
        when = resource.get("cancellationDate") if status == CANCELLED else None
        when = when or (resource.get("meta") or {}).get("lastUpdated") or \
            (resource.get("created") if status == PROPOSED else None)
        if isinstance(when, str):
            try:
                history = (*history, StatusChange(status, _parse(when)))
            except UnusableAppointment:
                pass
    return Appointment(
        id=resource["id"], type=kind, start=start, end=end,
        zone=str(_value(resource, EXT_ZONE, "valueCode") or PARIS), patient_id=patient_id,
        address=str(address), note=str(resource.get("comment") or ""), status=status,
        history=history, series_id=series_id, occurrence=occurrence,
        fixed_time=_value(resource, EXT_FIXED, "valueBoolean") is True,
        todo=str(resource.get("description") or ""), booker=booker,
        practitioner=practitioner,
        # A copy from the hub is edited on its own here: our series never rewrites it.
        detached=False)


def merge(base: Resource | None, local: Resource | None,
          remote: Resource | None) -> MergeResult:
    """The written policy (sync/adapters.appointment: cancel wins, otherwise the status
    furthest along wins, other fields follow the hub), with both sides' status times
    kept: a visit marked arrived here and done there shows both changes."""
    result = appointment(base, local, remote)
    if result.resource is None or local is None or remote is None:
        return result
    merged = dict(result.resource)
    joined = tuple(sorted(set(_history(local)) | set(_history(remote)), key=_in_order))
    others = [e for e in merged.get("extension") or [] if e.get("url") != EXT_HISTORY]
    merged["extension"] = [*others, _history_extension(joined)] if joined else others
    return MergeResult(merged, local_lost=local_changes_lost(base, local, merged),
                       reason=result.reason)


class AppointmentAdapter:
    """Registered by the agenda Feature: appointments go to the hub and come back."""

    resource_type = store.RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        a = store.get(db, record_id)
        if a is None:
            return None
        hub = hub_copy(db, self.resource_type, record_id)
        return to_resource(a, own_rpps(db), over=hub[1] if hub else None)

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None or resource.get("status") == "entered-in-error":
            store.apply_hub_delete(uow, record_id, hub_version)
            return
        a = from_resource(resource)
        if a.id != record_id:
            raise UnusableAppointment("id mismatch")
        store.apply_from_hub(uow, a, hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return merge(base, local, remote)
