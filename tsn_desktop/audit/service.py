"""What the audit screens may ask: pages of the trail with names, filters, CSV export."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from tsn_desktop.audit import store
from tsn_desktop.audit.model import PAGE_SIZE, AuditEntry, AuditFilter, in_paris
from tsn_desktop.core import audit as core_audit
from tsn_desktop.core.db import Database
from tsn_desktop.core.files import whole_or_nothing
from tsn_desktop.patients import care_team
from tsn_desktop.patients import service as patients

EXPORT_BATCH = 1000


def enable_hub_sync(db: Database) -> int:
    """From now on every practitioner audit row goes to the hub as an AuditEvent; the
    rows written before are queued too. Returns how many earlier rows were queued."""
    with db.unit_of_work() as uow:
        if not store.enable_hub_sync(uow):
            return 0
        return core_audit.queue_unsent(uow)


def lines(db: Database, flt: AuditFilter, after: AuditEntry | None = None,
          limit: int = PAGE_SIZE) -> list[AuditEntry]:
    """One page, newest first, with the practitioner's and the patient's names."""
    page = store.lines(db, flt, limit, after)
    patient_of: dict[str, str | None] = {}
    for entry in page:
        if entry.patient_id is None and entry.resource_type == care_team.RESOURCE \
                and entry.resource_id and entry.resource_id not in patient_of:
            team = care_team.get(db, entry.resource_id)
            patient_of[entry.resource_id] = team.patient_id if team else None
    page = [replace(e, patient_id=patient_of.get(e.resource_id or "")) if e.patient_id is None
            and e.resource_id in patient_of else e for e in page]
    people = store.practitioner_names(db)
    names = store.patient_names(db, [e.patient_id for e in page if e.patient_id])
    return [replace(e, actor_name=people.get(e.actor, ""),
                    patient_name=names.get(e.patient_id or "", "")) for e in page]


def count(db: Database, flt: AuditFilter) -> int:
    return store.count(db, flt)


def for_patient(db: Database, patient_id: str, base: AuditFilter | None = None) -> AuditFilter:
    """A patient's trail (the file itself and its care team: who was given access),
    with the other criteria of `base`."""
    teams = tuple(t.id for t in care_team.teams_of(db, patient_id))
    return replace(base or AuditFilter(), patient_ids=(patient_id,), record_ids=teams)


def patients_matching(db: Database, text: str) -> tuple[str, ...]:
    """The practice-wide patient filter uses the register's own forgiving search."""
    return tuple(p.id for p in patients.search(db, text))


def actors(db: Database) -> list[tuple[str, str]]:
    """(actor, name) of everyone in the trail, for the practitioner filter."""
    people = store.practitioner_names(db)
    return [(actor, people.get(actor, "")) for actor in store.actors(db)]


def export_csv(db: Database, flt: AuditFilter, path: Path, headers: list[str],
               row: Callable[[AuditEntry], list[str]]) -> int:
    """Writes the filtered trail (all pages) to `path` as CSV for a spreadsheet (UTF-8
    with BOM, semicolons, as French spreadsheets expect); the export itself is audited.
    Returns the number of lines. The file appears whole or not at all."""
    written = 0
    with whole_or_nothing(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(headers)
        after: AuditEntry | None = None
        while True:
            page = lines(db, flt, after, EXPORT_BATCH)
            writer.writerows(row(e) for e in page)
            written += len(page)
            if len(page) < EXPORT_BATCH:
                break
            after = page[-1]
    one_patient = flt.patient_ids[0] if flt.patient_ids and len(flt.patient_ids) == 1 else None
    with db.unit_of_work() as uow:
        if one_patient:
            uow.audit("export", "Patient", one_patient)
        else:
            uow.audit("export", store.RESOURCE, None)
    return written


def csv_time(entry: AuditEntry) -> tuple[str, str]:
    """(from, to) in Europe/Paris for a spreadsheet; `to` empty for a single instant."""
    start = in_paris(entry.at).strftime("%Y-%m-%d %H:%M:%S")
    end = in_paris(entry.until).strftime("%Y-%m-%d %H:%M:%S") \
        if entry.until and entry.until != entry.at else ""
    return start, end


def default_row(labels: Mapping[str, str]) -> Callable[[AuditEntry], list[str]]:
    def row(entry: AuditEntry) -> list[str]:
        start, end = csv_time(entry)
        return [start, end, str(entry.occurrences), entry.actor, entry.actor_name,
                labels.get(entry.action, entry.action), entry.patient_id or "",
                entry.patient_name, entry.resource_type, entry.resource_id or "",
                labels.get(entry.origin, entry.origin)]
    return row
