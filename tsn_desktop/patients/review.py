"""How the sync review dialog shows patients: the name from the register and the
register's elements with their labels (sync/ imports no feature: app.py passes this)."""

from __future__ import annotations

from tsn_desktop.core.db import Database
from tsn_desktop.patients import fhir, store
from tsn_desktop.patients.ui import texts
from tsn_desktop.sync.adapters import Resource


class PatientReview:
    def patient_name(self, db: Database, patient_id: str) -> str | None:
        patient = store.get(db, patient_id)
        return texts.full_name(patient) if patient is not None else None

    def compare(self, resource_type: str, mine: Resource | None,
                theirs: Resource | None) -> list[tuple[str, str, str]] | None:
        if resource_type != store.RESOURCE:
            return None
        try:
            ours = fhir.elements(mine) if mine is not None else {}
            hubs = fhir.elements(theirs) if theirs is not None else {}
        except fhir.UnusablePatient:
            return None  # shown by top-level elements instead
        return [(texts.field_label(key), _value(key, ours.get(key, "")),
                 _value(key, hubs.get(key, ""))) for key in fhir.ELEMENTS]


def _value(key: str, value: str) -> str:
    if key == "sex":
        return texts.sex_label(value) if value else ""
    if key == "identity_document":
        return texts.identity_document_label(value)
    if key == "archived":
        return texts.field_label("archived") if value else ""
    if key in ("birth_date", "deceased_date") and len(value) == 10:
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    return value.replace("\n", ", ")
