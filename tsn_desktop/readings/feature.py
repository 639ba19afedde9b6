"""What readings add to the application (the Feature seam): the Readings page, a chart tab
in the patient file, Observation sync and the readings table (migration 0010)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tsn_desktop.feature import QT_TRANSLATE_NOOP, Feature, FeatureContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tsn_desktop.sync.adapters import SyncAdapter


def _page(context: FeatureContext) -> QWidget:
    from tsn_desktop.readings.ui.page import ReadingsPage

    return ReadingsPage(context)


def _tab(context: FeatureContext) -> QWidget:
    from tsn_desktop.readings.ui.page import ReadingsTab

    return ReadingsTab(context)


def _adapters() -> list[SyncAdapter]:
    from tsn_desktop.readings.fhir import ObservationAdapter

    return [ObservationAdapter()]


READINGS = Feature(
    name="readings",
    title=QT_TRANSLATE_NOOP("Navigation", "Readings"),
    page=_page,
    patient_tabs=(_tab,),
    sync_adapters=_adapters,
    migrations="tsn_desktop.readings",
)
