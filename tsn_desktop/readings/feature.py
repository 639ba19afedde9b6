"""What readings add to the application (the Feature seam): the Readings page, a chart tab
in the patient file, Observation / EpisodeOfCare / DetectedIssue sync, the home BP
protocol setting and the readings tables (migrations 0010, 0015)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tsn_desktop.feature import (
    INBOX_READING_ALERT,
    QT_TRANSLATE_NOOP,
    Feature,
    FeatureContext,
    InboxEntry,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from typing import Any

    from PySide6.QtWidgets import QWidget

    from tsn_desktop.core.clock import Clock
    from tsn_desktop.core.db import Database
    from tsn_desktop.sync.adapters import SyncAdapter
    from tsn_desktop.sync.client import HubClient


def _page(context: FeatureContext) -> QWidget:
    from tsn_desktop.readings.ui.page import ReadingsPage

    return ReadingsPage(context)


def _tab(context: FeatureContext) -> QWidget:
    from tsn_desktop.readings.ui.page import ReadingsTab

    return ReadingsTab(context)


def _demo(db: Database, clock: Clock, who: str, count: int) -> None:
    from tsn_desktop.readings.demo import seed

    seed(db, clock, who, count)


def _on_open(db: Database) -> None:
    # A patient merge moves the duplicate's readings too (the register calls its movers).
    from tsn_desktop.patients.service import register_record_mover
    from tsn_desktop.readings.store import move_patient

    register_record_mover(move_patient)


def _adapters() -> list[SyncAdapter]:
    from tsn_desktop.readings.fhir import ObservationAdapter
    from tsn_desktop.readings.fhir_pathways import DetectedIssueAdapter, EpisodeOfCareAdapter

    return [ObservationAdapter(), EpisodeOfCareAdapter(), DetectedIssueAdapter()]


def _after_sync(run_db: Callable[[Callable[[Database], Any]], Any], _client: HubClient
                ) -> None:
    # The chart summary of the days the pass pulled, before a chart is opened on them.
    from tsn_desktop.readings.store import refresh_all_rollups

    run_db(refresh_all_rollups)


def _inbox(db: Database, today: date, me: str) -> list[InboxEntry]:
    from tsn_desktop.readings.inbox_feed import inbox_entries

    return inbox_entries(db, today, me)


def _inbox_words(entry: InboxEntry) -> str:
    from tsn_desktop.readings.inbox_feed import alert_of
    from tsn_desktop.readings.ui.texts import alert_text

    return alert_text(alert_of(entry))


READINGS = Feature(
    name="readings",
    title=QT_TRANSLATE_NOOP("Navigation", "Readings"),
    page=_page,
    patient_tabs=(_tab,),
    sync_adapters=_adapters,
    migrations="tsn_desktop.readings",
    demo=_demo,
    on_open=_on_open,
    inbox_items=_inbox,
    inbox_kinds=(INBOX_READING_ALERT,),
    inbox_records=("DetectedIssue",),  # the alerts, raised and acknowledged
    inbox_words=_inbox_words,
    after_sync=_after_sync,
)
