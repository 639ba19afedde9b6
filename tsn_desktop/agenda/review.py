"""How the sync review shows an appointment in conflict: when, type, status, address,
care and note side by side in the agenda's words (sync/ imports no feature)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from tsn_desktop.agenda import fhir, store
from tsn_desktop.agenda.model import Appointment
from tsn_desktop.agenda.ui import texts
from tsn_desktop.core.db import Database
from tsn_desktop.sync.adapters import Resource


def _read(resource: Resource | None) -> Appointment | None:
    if resource is None:
        return None
    try:
        return fhir.from_resource(resource)
    except fhir.UnusableAppointment:
        return None


def _rows(a: Appointment | None) -> list[str]:
    if a is None:
        return ["", "", "", "", "", ""]
    zone = ZoneInfo(a.zone)
    start, end = a.start.astimezone(zone), a.end.astimezone(zone)
    return [f"{texts.day_heading(start.date())} {start:%H:%M}–{end:%H:%M}",
            texts.type_label(a.type), texts.status_label(a.status), a.address, a.todo, a.note]


class AppointmentReview:
    def patient_name(self, db: Database, patient_id: str) -> str | None:
        return None  # the register's describer names patients

    def compare(self, resource_type: str, mine: Resource | None,
                theirs: Resource | None) -> list[tuple[str, str, str]] | None:
        if resource_type != store.RESOURCE:
            return None
        ours, hubs = _read(mine), _read(theirs)
        if ours is None and hubs is None:
            return None  # shown by top-level elements instead
        return [(label, a, b) for label, a, b in zip(texts.review_labels(), _rows(ours),
                                                     _rows(hubs), strict=True)]
