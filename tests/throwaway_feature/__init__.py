"""A feature made only for tests: a page, a patient-file tab, a sync adapter, a review
describer, a migration, an option with its settings page and demo data, declared in one
`Feature` and added to the app by the test alone (tests/test_feature_seam.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout, QWidget

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.core.settings import Option, Settings
from tsn_desktop.feature import Feature, FeatureContext
from tsn_desktop.sync.adapters import MergeResult, Resource, append_only

LEVEL: Option[int] = Option("throwaway/level", int, 3, lambda v: 1 <= v <= 5)
RESOURCE = "ThrowawayNote"


class ThrowawayPage(QWidget):
    def __init__(self, context: FeatureContext) -> None:
        super().__init__()
        self.context = context
        self.setAccessibleName("Throwaway page")
        QVBoxLayout(self).addWidget(QLabel("Throwaway page", self))


class ThrowawayTab(QWidget):
    def __init__(self, context: FeatureContext) -> None:
        super().__init__()
        self.context = context
        self.shown: str | None = None
        self.setAccessibleName("Throwaway tab")

    def title(self) -> str:
        return "Throwaway tab"

    def show_patient(self, patient: Any, today: date) -> None:
        self.shown = patient.id

    def clear(self) -> None:
        self.shown = None

    def has_unsaved(self) -> bool:
        return False


class ThrowawaySettings(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.level = QSpinBox(self)
        self.level.setAccessibleName("Throwaway level")
        self.level.setRange(1, 5)
        self.level.setValue(settings.get(LEVEL))
        QVBoxLayout(self).addWidget(self.level)

    def title(self) -> str:
        return "Throwaway settings"

    def apply(self) -> None:
        self.settings.set(LEVEL, self.level.value())


class ThrowawayAdapter:
    resource_type = RESOURCE

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        row = db.query_one("SELECT body FROM throwaway_note WHERE id = ?", (record_id,))
        return None if row is None else {"resourceType": RESOURCE, "id": record_id,
                                         "text": row[0]}

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        uow.execute("INSERT OR REPLACE INTO throwaway_note (id, body) VALUES (?, ?)",
                    (record_id, (resource or {}).get("text", "")))

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        pass

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return append_only(base, local, remote)


class ThrowawayReview:
    def patient_name(self, db: Database, patient_id: str) -> str | None:
        return None

    def compare(self, resource_type: str, mine: Resource | None,
                theirs: Resource | None) -> list[tuple[str, str, str]] | None:
        if resource_type != RESOURCE:
            return None
        return [("Note", (mine or {}).get("text", ""), (theirs or {}).get("text", ""))]


def _demo(db: Database, clock: Any, who: str, patients: int) -> None:
    with db.unit_of_work() as uow:
        uow.execute("INSERT INTO throwaway_note (id, body) VALUES ('demo', ?)", (who,))


THROWAWAY = Feature(
    name="throwaway",
    title="Throwaway",
    page=ThrowawayPage,
    patient_tabs=(ThrowawayTab,),
    sync_adapters=lambda: [ThrowawayAdapter()],
    review=ThrowawayReview,
    options=(LEVEL,),
    settings_page=ThrowawaySettings,
    migrations="tests.throwaway_feature",
    demo=_demo,
)
