"""Pathway enrolment as FHIR R4 EpisodeOfCare (thresholds and their history as
extensions) and stored alerts as DetectedIssue (acknowledgements as mitigations), with
their sync adapters. Both merge by union, so two practitioners converge whatever order
their changes reach the hub in (docs/sync-protocol.md, "Readings: pathways and alerts")."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.readings import pathways_store as ps
from tsn_desktop.readings.alerts import PATHWAYS, PROTOCOLS
from tsn_desktop.readings.fhir import UnusableObservation
from tsn_desktop.readings.model import parse_utc, utc_text
from tsn_desktop.readings.pathways import (
    ACTIVE,
    FINISHED,
    Acknowledgement,
    Enrolment,
    StoredAlert,
    ThresholdChange,
    Withdrawal,
)
from tsn_desktop.sync.adapters import MergeResult, Resource, same

_BASE = "https://tsn-desktop.fr/fhir/"
PATHWAY_SYSTEM = _BASE + "CodeSystem/readings-pathway"
RULE_SYSTEM = _BASE + "CodeSystem/readings-alert-rule"
ACK_SYSTEM = _BASE + "CodeSystem/readings-alert-action"
CHANGED_URL = _BASE + "StructureDefinition/readings-changed"
THRESHOLD_URL = _BASE + "StructureDefinition/readings-threshold"
FIGURES_URL = _BASE + "StructureDefinition/readings-alert-figures"
EVIDENCE_URL = _BASE + "StructureDefinition/readings-alert-evidence"
RULES_VERSION_URL = _BASE + "StructureDefinition/readings-rules-version"
PROTOCOL_URL = _BASE + "StructureDefinition/readings-home-bp-protocol"
WITHDRAWN_URL = _BASE + "StructureDefinition/readings-alert-withdrawn"
RPPS = "https://rpps.esante.gouv.fr"
_SEVERITY = {"urgent": "high", "alert": "moderate", "check": "low"}
_SEVERITY_BACK = {v: k for k, v in _SEVERITY.items()}


def _who(by_id: str, name: str) -> dict[str, Any]:
    ref: dict[str, Any] = {"identifier": {"system": RPPS, "value": by_id}}
    if name:
        ref["display"] = name
    return ref


def _who_back(ref: Any) -> tuple[str, str]:
    ref = ref if isinstance(ref, dict) else {}
    return str((ref.get("identifier") or {}).get("value", "")), str(ref.get("display", ""))


def _sub(ext: dict[str, Any]) -> dict[Any, Any]:
    return {e.get("url"): e for e in ext.get("extension") or [] if isinstance(e, dict)}


# --- EpisodeOfCare -------------------------------------------------------------------------
def episode_to_fhir(e: Enrolment, history: list[ThresholdChange]) -> Resource:
    extensions: list[dict[str, Any]] = [{"url": CHANGED_URL, "extension": [
        {"url": "by", "valueReference": _who(e.changed_by, e.changed_by_name)},
        {"url": "at", "valueDateTime": utc_text(e.changed_at)}]}]
    for c in history:
        parts: list[dict[str, Any]] = [{"url": "id", "valueId": c.id},
                                       {"url": "name", "valueCode": c.name}]
        if c.value is not None:
            parts.append({"url": "value", "valueDecimal": c.value})
        parts += [{"url": "by", "valueReference": _who(c.changed_by, c.changed_by_name)},
                  {"url": "at", "valueDateTime": utc_text(c.changed_at)}]
        extensions.append({"url": THRESHOLD_URL, "extension": parts})
    if e.protocol is not None:
        extensions.append({"url": PROTOCOL_URL, "valueCode": e.protocol})
    return {
        "resourceType": "EpisodeOfCare",
        "id": ps.enrolment_id(e.patient_id),
        "status": e.status,
        "type": [{"coding": [{"system": PATHWAY_SYSTEM, "code": e.pathway}]}],
        "patient": {"reference": f"Patient/{e.patient_id}"},
        "period": {"start": utc_text(e.since)},
        "extension": extensions,
    }


def _at(value: Any) -> datetime:
    try:
        return parse_utc(str(value))
    except ValueError:
        raise UnusableObservation("date") from None


def episode_from_fhir(res: Resource) -> tuple[Enrolment, list[ThresholdChange]]:
    """The enrolment and threshold history; UnusableObservation for anything malformed
    (a colleague's app of another version, a hand-made resource): never another error."""
    try:
        return _episode_from_fhir(res)
    except (AttributeError, TypeError, KeyError, ValueError) as exc:
        if isinstance(exc, UnusableObservation):
            raise
        raise UnusableObservation("structure") from None


def _episode_from_fhir(res: Resource) -> tuple[Enrolment, list[ThresholdChange]]:
    patient = str((res.get("patient") or {}).get("reference", ""))
    codes = [c.get("code") for t in res.get("type") or [] for c in t.get("coding") or []
             if c.get("system") == PATHWAY_SYSTEM]
    if not patient.startswith("Patient/") or not codes or codes[0] not in PATHWAYS:
        raise UnusableObservation("pathway")
    status = res.get("status")
    changed_by = changed_name = ""
    changed_at = _at((res.get("period") or {}).get("start"))
    history: list[ThresholdChange] = []
    protocol = None
    for ext in res.get("extension") or []:
        sub = _sub(ext)
        if ext.get("url") == PROTOCOL_URL:
            protocol = str(ext.get("valueCode"))
            if protocol not in PROTOCOLS:
                raise UnusableObservation("protocol")
        elif ext.get("url") == CHANGED_URL:
            changed_by, changed_name = _who_back(sub.get("by", {}).get("valueReference"))
            changed_at = _at(sub.get("at", {}).get("valueDateTime"))
        elif ext.get("url") == THRESHOLD_URL:
            value = sub.get("value", {}).get("valueDecimal")
            by, name = _who_back(sub.get("by", {}).get("valueReference"))
            history.append(ThresholdChange(
                str(sub.get("name", {}).get("valueCode", "")),
                None if value is None else float(value), by, name,
                _at(sub.get("at", {}).get("valueDateTime")),
                str(sub.get("id", {}).get("valueId", ""))))
    enrolment = Enrolment(patient.removeprefix("Patient/"), str(codes[0]),
                          ACTIVE if status == ACTIVE else FINISHED,
                          _at((res.get("period") or {}).get("start")), changed_by,
                          changed_name, changed_at, protocol)
    return enrolment, history


def merge_episodes(local: Resource, remote: Resource) -> Resource:
    """Threshold changes: the union (every change is kept, the latest is in force). The
    pathway and status: the copy changed last wins."""
    mine, my_history = episode_from_fhir(local)
    theirs, their_history = episode_from_fhir(remote)
    winner = mine if (mine.changed_at, mine.changed_by) > \
        (theirs.changed_at, theirs.changed_by) else theirs
    union = {c.id: c for c in [*their_history, *my_history]}
    history = sorted(union.values(), key=lambda c: (c.changed_at, c.changed_by))
    return episode_to_fhir(winner, history)


class EpisodeOfCareAdapter:
    """A patient's pathway and thresholds: the nurse and the GP apply the same rules."""

    resource_type = ps.EPISODE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        found = ps.enrolment_versions(db, record_id)
        if found is None:
            return None
        return episode_to_fhir(found[0], ps.threshold_changes(db, found[0].patient_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # the hub does not delete an enrolment; an ended one is "finished"
        enrolment, history = episode_from_fhir(resource)
        ps.write_enrolment(uow, enrolment, queue=False, hub_version=hub_version)
        ps.add_threshold_changes(uow, enrolment.patient_id, history)
        ps.mark_due(uow, enrolment.patient_id)  # new thresholds: the rules look again

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        ps.set_enrolment_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        if local is None or remote is None:
            return MergeResult(remote or local, local_lost=False, reason="union")
        return MergeResult(merge_episodes(local, remote), local_lost=False, reason="union")


# --- DetectedIssue -------------------------------------------------------------------------
def issue_to_fhir(a: StoredAlert) -> Resource:
    res: Resource = {
        "resourceType": "DetectedIssue",
        "id": a.id,
        # Raised by a rule: preliminary until a practitioner has looked at it; cancelled
        # once withdrawn (its readings were another patient's), kept with who and why.
        "status": "cancelled" if a.withdrawal else "final" if a.acks else "preliminary",
        "code": {"coding": [{"system": RULE_SYSTEM, "code": a.code}]},
        "severity": _SEVERITY[a.severity],
        "patient": {"reference": f"Patient/{a.patient_id}"},
        "identifiedDateTime": utc_text(a.at),
        "extension": [
            {"url": FIGURES_URL, "valueString": ",".join(repr(f) for f in a.figures)},
            {"url": EVIDENCE_URL, "valueString": a.evidence},
            {"url": RULES_VERSION_URL, "valueString": a.rules_version},
            {"url": CHANGED_URL, "extension": [
                {"url": "at", "valueDateTime": utc_text(a.raised_at)}]},
        ],
    }
    if a.withdrawal is not None:
        w = a.withdrawal
        res["extension"].append({"url": WITHDRAWN_URL, "extension": [
            {"url": "by", "valueReference": _who(w.by_id, w.by_name)},
            {"url": "at", "valueDateTime": utc_text(w.at)},
            {"url": "reason", "valueCode": w.reason}]})
    if a.acks:
        res["mitigation"] = [{
            "action": {"coding": [{"system": ACK_SYSTEM, "code": "acknowledged"}],
                       "text": k.comment},
            "date": utc_text(k.at),
            "author": _who(k.by_id, k.by_name)} for k in a.acks]
    return res


def issue_from_fhir(res: Resource) -> StoredAlert:
    """The alert and its acknowledgements; UnusableObservation for anything malformed."""
    try:
        return _issue_from_fhir(res)
    except (AttributeError, TypeError, KeyError, ValueError) as exc:
        if isinstance(exc, UnusableObservation):
            raise
        raise UnusableObservation("structure") from None


def _issue_from_fhir(res: Resource) -> StoredAlert:
    patient = str((res.get("patient") or {}).get("reference", ""))
    codes = [c.get("code") for c in (res.get("code") or {}).get("coding") or []
             if c.get("system") == RULE_SYSTEM]
    severity = _SEVERITY_BACK.get(str(res.get("severity")))
    if not patient.startswith("Patient/") or not codes or severity is None:
        raise UnusableObservation("issue")
    ext = {e.get("url"): e for e in res.get("extension") or []}
    figures = str(ext.get(FIGURES_URL, {}).get("valueString", ""))
    raised = _sub(ext.get(CHANGED_URL, {})).get("at", {}).get("valueDateTime")
    acks = []
    for m in res.get("mitigation") or []:
        by, name = _who_back(m.get("author"))
        acks.append(Acknowledgement(by, name, _at(m.get("date")),
                                    str((m.get("action") or {}).get("text", ""))))
    withdrawal = None
    if WITHDRAWN_URL in ext:
        sub = _sub(ext[WITHDRAWN_URL])
        by, name = _who_back(sub.get("by", {}).get("valueReference"))
        withdrawal = Withdrawal(by, name, _at(sub.get("at", {}).get("valueDateTime")),
                                str(sub.get("reason", {}).get("valueCode", "")))
    return StoredAlert(
        str(res.get("id")), patient.removeprefix("Patient/"), str(codes[0]), severity,
        _at(res.get("identifiedDateTime")),
        tuple(float(x) for x in figures.split(",") if x),
        str(ext.get(EVIDENCE_URL, {}).get("valueString", "")),
        str(ext.get(RULES_VERSION_URL, {}).get("valueString", "")),
        _at(raised or res.get("identifiedDateTime")),
        tuple(sorted(acks, key=lambda k: (k.at, k.by_id))), withdrawal)


class DetectedIssueAdapter:
    """Alerts and their acknowledgements: raised once, acknowledged by anyone following
    the patient, every acknowledgement kept (union)."""

    resource_type = ps.ISSUE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        found = ps.alert(db, record_id)
        return issue_to_fhir(found[0]) if found else None

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return
        alert = issue_from_fhir(resource)
        if not ps.insert_alert(uow, alert, queue=False, hub_version=hub_version):
            ps.set_alert_hub_version(uow, record_id, hub_version)
        ps.add_acks(uow, record_id, alert.acks, queue=False)
        if alert.withdrawal is not None:
            ps.withdraw(uow, record_id, alert.withdrawal, queue=False)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        ps.set_alert_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        if local is None or remote is None:
            return MergeResult(remote or local, local_lost=False, reason="union")
        mine, theirs = issue_from_fhir(local), issue_from_fhir(remote)
        acks = {(k.by_id, k.at): k for k in [*theirs.acks, *mine.acks]}
        # Withdrawn on either side stays withdrawn; the first withdrawal is kept.
        withdrawals = [w for w in (mine.withdrawal, theirs.withdrawal) if w is not None]
        merged = issue_to_fhir(StoredAlert(
            theirs.id, theirs.patient_id, theirs.code, theirs.severity, theirs.at,
            theirs.figures, theirs.evidence, theirs.rules_version, theirs.raised_at,
            tuple(sorted(acks.values(), key=lambda k: (k.at, k.by_id))),
            min(withdrawals, key=lambda w: (w.at, w.by_id)) if withdrawals else None))
        return MergeResult(remote if same(merged, remote) else merged, local_lost=False,
                           reason="union")
