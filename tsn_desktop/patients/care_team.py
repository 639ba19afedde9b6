"""The patient's care team ("équipe de soins"): who sees the patient's records on the hub.

The hub shows a patient's records only to the practitioners named, by RPPS number, in an
active CareTeam whose subject is the patient (plus whoever first pushed the Patient);
see docs/sync-protocol.md §8. Sharing a patient with a colleague is adding them here.

One small room in four parts: the model, its SQL (table `care_team`, migration 0004),
the use cases the UI may ask for, and the FHIR R4 CareTeam mapping with its SyncAdapter
(registered by app.py next to PatientAdapter).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from tsn_desktop.core import identifiers
from tsn_desktop.core.db import Database, UnitOfWork, new_id
from tsn_desktop.patients import store as patient_store
from tsn_desktop.patients.model import RecordMeta
from tsn_desktop.sync.adapters import MergeResult, Resource, hub_resource, hub_wins

RESOURCE = "CareTeam"
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
ACTIVE = "active"
# Statuses under which a team grants nothing (the hub reads them the same way).
_CLOSED = frozenset({"inactive", "entered-in-error"})
MAX_DISPLAY = 200

StaleRecord = patient_store.StaleRecord


# --- model --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    """One practitioner of the team: the RPPS number (normalized, 11 digits) and the
    name to show, as typed by whoever added them ("" when not given)."""

    rpps: str
    display: str = ""


@dataclass(frozen=True)
class CareTeam:
    id: str
    patient_id: str
    members: tuple[Member, ...] = ()
    status: str = ACTIVE
    meta: RecordMeta = field(default_factory=RecordMeta)

    @property
    def active(self) -> bool:
        return not self.meta.deleted and self.status not in _CLOSED

    def member(self, rpps: str) -> Member | None:
        return next((m for m in self.members if m.rpps == rpps), None)


@dataclass(frozen=True)
class AddResult:
    """The team as saved and the colleague's entry in it; `added` is False when they were
    already in the team (nothing written, unless a name was given for them)."""

    team: CareTeam
    member: Member
    added: bool


class InvalidRpps(ValueError):
    """The RPPS number was refused; `check.reason` says why (ui.wording words it)."""

    def __init__(self, check: identifiers.IdentifierCheck) -> None:
        super().__init__(check.reason.value)
        self.check = check


class UnusableCareTeam(ValueError):
    """A hub CareTeam this app cannot hold (no Patient subject): kept hub-side only."""


def clean_display(text: str) -> str:
    return " ".join(text.split())[:MAX_DISPLAY]


# --- SQL ----------------------------------------------------------------------------------
_SELECT = ("SELECT id, patient_id, status, members, local_version, hub_version, created_at,"
           " updated_at, deleted FROM care_team")


def _rows(src: Database | UnitOfWork, sql: str, params: tuple[Any, ...]) -> list[tuple]:
    if isinstance(src, Database):
        return src.query(sql, params)
    return src.execute(sql, params).fetchall()


def _members_json(members: Iterable[Member]) -> str:
    return json.dumps([{"rpps": m.rpps, "display": m.display} for m in members],
                      ensure_ascii=False)


def _row_to_team(row: tuple) -> CareTeam:
    members = tuple(Member(str(m["rpps"]), str(m.get("display", "")))
                    for m in json.loads(row[3]))
    meta = RecordMeta(row[4], row[5], row[6], row[7], bool(row[8]))
    return CareTeam(id=row[0], patient_id=row[1], members=members, status=row[2], meta=meta)


def get(src: Database | UnitOfWork, team_id: str) -> CareTeam | None:
    rows = _rows(src, _SELECT + " WHERE id = ?", (team_id,))
    return _row_to_team(rows[0]) if rows else None


def teams_of(src: Database | UnitOfWork, patient_id: str) -> list[CareTeam]:
    """The patient's teams that are not tombstones, oldest first."""
    rows = _rows(src, _SELECT + " WHERE patient_id = ? AND deleted = 0"
                 " ORDER BY created_at, id", (patient_id,))
    return [_row_to_team(r) for r in rows]


def _insert(uow: UnitOfWork, team: CareTeam) -> CareTeam:
    now = uow.now_iso()
    uow.execute(
        "INSERT INTO care_team (id, patient_id, status, members, local_version, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
        (team.id, team.patient_id, team.status, _members_json(team.members), now, now))
    uow.record_change(RESOURCE, team.id, "upsert", 1, None)
    return replace(team, meta=RecordMeta(1, None, now, now, False))


def _update_members(uow: UnitOfWork, team: CareTeam, members: tuple[Member, ...]) -> CareTeam:
    now = uow.now_iso()
    version = team.meta.local_version + 1
    cursor = uow.execute(
        "UPDATE care_team SET members = ?, local_version = ?, updated_at = ?"
        " WHERE id = ? AND local_version = ? AND deleted = 0",
        (_members_json(members), version, now, team.id, team.meta.local_version))
    if cursor.rowcount != 1:
        raise StaleRecord(team.id)
    uow.record_change(RESOURCE, team.id, "upsert", version, team.meta.hub_version)
    return replace(team, members=members,
                   meta=replace(team.meta, local_version=version, updated_at=now))


def move_to_patient(uow: UnitOfWork, from_patient: str, to_patient: str) -> int:
    """A merge of duplicates: the colleagues of the teams of the one merged away join the
    kept patient's team (created when it has none). The old teams stay as they are, on the
    merged file: the hub never lets a record change patient (docs/sync-protocol.md), and
    nothing is deleted. Returns how many colleagues joined. Synced and audited."""
    joining: list[Member] = []
    for team in teams_of(uow, from_patient):
        if team.active:
            joining += [m for m in team.members if m.rpps not in {j.rpps for j in joining}]
    if not joining:
        return 0
    kept = _writable_team(uow, to_patient)
    if kept is None:
        me = own_member(uow)
        members = tuple(([me] if me is not None else [])
                        + [m for m in joining if me is None or m.rpps != me.rpps])
        _insert(uow, CareTeam(new_id(), to_patient, members))
        return len(members) - (1 if me is not None else 0)
    new = [m for m in joining if kept.member(m.rpps) is None]
    if new:
        _update_members(uow, kept, (*kept.members, *new))
    return len(new)


# Written by hub sync (CareTeamAdapter): hub copies, no outbox row.
def apply_from_hub(uow: UnitOfWork, team: CareTeam, hub_version: str) -> None:
    now = uow.now_iso()
    members = _members_json(team.members)
    uow.apply_hub_copy(
        RESOURCE, team.id,
        update=("UPDATE care_team SET patient_id = ?, status = ?, members = ?, hub_version = ?,"
                " local_version = local_version + 1, updated_at = ?, deleted = 0 WHERE id = ?",
                (team.patient_id, team.status, members, hub_version, now, team.id)),
        insert=("INSERT INTO care_team (id, patient_id, status, members, local_version,"
                " hub_version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                (team.id, team.patient_id, team.status, members, hub_version, now, now)))


def apply_hub_delete(uow: UnitOfWork, team_id: str, hub_version: str) -> None:
    """A tombstone from the hub; unknown teams need nothing."""
    uow.apply_hub_tombstone("care_team", RESOURCE, team_id, hub_version)


def set_hub_version(uow: UnitOfWork, team_id: str, hub_version: str) -> None:
    uow.execute("UPDATE care_team SET hub_version = ? WHERE id = ?", (hub_version, team_id))


def own_member(src: Database | UnitOfWork) -> Member | None:
    """This profile's practitioner, as a team member (None in a profile without one)."""
    rows = _rows(src, "SELECT rpps, given_names, family_name FROM practitioner_profile"
                 " WHERE id = 1", ())
    if not rows:
        return None
    rpps, given, family = rows[0]
    return Member(str(rpps), clean_display(f"{given} {str(family).upper()}"))


# --- use cases ----------------------------------------------------------------------------
def members(db: Database, patient_id: str) -> list[Member]:
    """Everyone in the patient's active teams (usually one), each once, in team order."""
    found: dict[str, Member] = {}
    for team in teams_of(db, patient_id):
        if not team.active:
            continue
        for member in team.members:
            known = found.get(member.rpps)
            if known is None or (not known.display and member.display):
                found[member.rpps] = member
    return list(found.values())


def check_rpps(rpps: str) -> str:
    """The normalized RPPS number, or InvalidRpps saying why it cannot be one."""
    check = identifiers.validate_rpps(rpps)
    if not check.ok:
        raise InvalidRpps(check)
    return check.value


def add_member(db: Database, patient_id: str, rpps: str, display: str = "") -> AddResult:
    """Puts a colleague in the patient's care team, so the hub shares the file with them.
    A new team starts with this practitioner, then the colleague. An RPPS number that is
    not one (11 digits, Luhn) is refused before anything is written."""
    number = check_rpps(rpps)
    name = clean_display(display)
    _require_patient(db, patient_id)
    with db.unit_of_work() as uow:
        team = _writable_team(uow, patient_id)
        if team is None:
            me = own_member(uow)
            if me is not None and me.rpps == number:
                team_members: tuple[Member, ...] = (Member(number, name or me.display),)
            else:
                team_members = (*((me,) if me else ()), Member(number, name))
            created = _insert(uow, CareTeam(new_id(), patient_id, team_members))
            return AddResult(created, team_members[-1], True)
        known = team.member(number)
        if known is not None:
            if not name or name == known.display:
                return AddResult(team, known, False)
            renamed = Member(number, name)
            return AddResult(_update_members(uow, team, tuple(
                renamed if m.rpps == number else m for m in team.members)), renamed, False)
        added = Member(number, name)
        return AddResult(_update_members(uow, team, (*team.members, added)), added, True)


def remove_member(db: Database, patient_id: str, rpps: str) -> bool:
    """Takes a practitioner out of every active team of the patient: the hub stops
    sending them the patient's later changes. False when they were in none."""
    number = identifiers.normalize_nir(rpps)
    removed = False
    with db.unit_of_work() as uow:
        for team in teams_of(uow, patient_id):
            if team.active and team.member(number) is not None:
                _update_members(uow, team, tuple(m for m in team.members if m.rpps != number))
                removed = True
    return removed


def _writable_team(uow: UnitOfWork, patient_id: str) -> CareTeam | None:
    """The team this app adds to: the patient's oldest active one."""
    return next((t for t in teams_of(uow, patient_id) if t.active), None)


def _require_patient(db: Database, patient_id: str) -> None:
    patient = patient_store.get(db, patient_id)
    if patient is None or patient.meta.deleted:
        raise LookupError("no such patient")


# --- FHIR R4 CareTeam -------------------------------------------------------------------
def _participant_rpps(part: object) -> str | None:
    member = part.get("member") if isinstance(part, dict) else None
    ident = member.get("identifier") if isinstance(member, dict) else None
    if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM and ident.get("value"):
        return str(ident["value"])
    return None


def _participant(part: Resource, member: Member) -> Resource:
    out = copy.deepcopy(part)
    ref = dict(out.get("member") or {})
    ref["identifier"] = {**(ref.get("identifier") or {}), "system": RPPS_SYSTEM,
                         "value": member.rpps}
    if member.display:
        ref["display"] = member.display
    else:
        ref.pop("display", None)
    out["member"] = ref
    return out


def to_fhir(team: CareTeam, over: Resource | None = None) -> Resource:
    """The FHIR CareTeam; `over` is the last hub copy, whose other elements (name, roles,
    periods, participants not named by RPPS) are kept, in their places."""
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.pop("meta", None)
    resource["resourceType"] = RESOURCE
    resource["id"] = team.id
    if team.status:
        resource["status"] = team.status
    else:
        resource.pop("status", None)
    reference = f"Patient/{team.patient_id}"
    subject = resource.get("subject")
    if not (isinstance(subject, dict) and subject.get("reference") == reference):
        resource["subject"] = {"reference": reference}
    wanted = {m.rpps: m for m in team.members}
    participants: list[Resource] = []
    placed: set[str] = set()
    for part in resource.get("participant") or []:
        rpps = _participant_rpps(part)
        if rpps is None:
            participants.append(part)  # not ours to model
        elif rpps in wanted and rpps not in placed:
            participants.append(_participant(part, wanted[rpps]))
            placed.add(rpps)
    participants += [_participant({}, m) for m in team.members if m.rpps not in placed]
    if participants:
        resource["participant"] = participants
    else:
        resource.pop("participant", None)
    return resource


def from_fhir(resource: Resource) -> CareTeam:
    """The team a hub copy describes (record metadata left at defaults)."""
    if not isinstance(resource, dict) or resource.get("resourceType") != RESOURCE:
        raise UnusableCareTeam("not a CareTeam")
    record_id = resource.get("id")
    if not isinstance(record_id, str) or not record_id:
        raise UnusableCareTeam("no id")
    subject = resource.get("subject")
    reference = subject.get("reference") if isinstance(subject, dict) else None
    if not (isinstance(reference, str) and reference.startswith("Patient/")
            and len(reference) > len("Patient/")):
        raise UnusableCareTeam("no Patient subject")
    found: dict[str, Member] = {}
    for part in resource.get("participant") or []:
        rpps = _participant_rpps(part)
        if rpps is not None and rpps not in found:
            display = part["member"].get("display", "")
            found[rpps] = Member(rpps, clean_display(display if isinstance(display, str)
                                                     else ""))
    status = resource.get("status")
    return CareTeam(id=record_id, patient_id=reference.split("/", 1)[1],
                    members=tuple(found.values()),
                    status=status if isinstance(status, str) else "")


class CareTeamAdapter:
    """Registered by app.py: `AdapterRegistry([PatientAdapter(), CareTeamAdapter()])`.
    Conflicts follow hub order (docs/sync-protocol.md §7); the local copy is kept."""

    resource_type = RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        team = get(db, record_id)
        if team is None:
            return None
        return to_fhir(team, over=hub_resource(db, self.resource_type, record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            apply_hub_delete(uow, record_id, hub_version)
            return
        team = from_fhir(resource)
        if team.id != record_id:
            raise UnusableCareTeam("id mismatch")
        apply_from_hub(uow, team, hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        set_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return hub_wins(base, local, remote)


__all__ = [
    "AddResult", "CareTeam", "CareTeamAdapter", "InvalidRpps", "Member", "UnusableCareTeam",
    "add_member", "check_rpps", "from_fhir", "members", "own_member", "remove_member",
    "to_fhir",
]
