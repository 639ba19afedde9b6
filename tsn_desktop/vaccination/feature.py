"""What vaccination adds to the application (the Feature seam): the Vaccinations page (due
list, recalls, coverage, season, adverse events), the "Vaccinations" tab of the patient
file (the carnet and the patient's profile facts), Immunization, Condition and
AdverseEvent sync, its migrations and demo doses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tsn_desktop.feature import (
    INBOX_RECALL,
    QT_TRANSLATE_NOOP,
    Feature,
    FeatureContext,
    InboxEntry,
)

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QWidget

    from tsn_desktop.core.clock import Clock
    from tsn_desktop.core.db import Database
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.sync.adapters import SyncAdapter
    from tsn_desktop.sync.client import HubClient


def _page(context: FeatureContext) -> QWidget:
    from tsn_desktop.vaccination.ui.page import VaccinationsPage

    return VaccinationsPage(context)


def _carnet_tab(context: FeatureContext) -> QWidget:
    from tsn_desktop.vaccination.ui.carnet_tab import CarnetTab

    return CarnetTab(context.runner, context.practitioner, settings=context.settings)


def _settings_page(settings: Settings) -> QWidget:
    from tsn_desktop.vaccination.ui.carnet_settings import CarnetSettingsPage

    return CarnetSettingsPage(settings)


def _adapters() -> list[SyncAdapter]:
    from tsn_desktop.vaccination.adverse_fhir import AdverseEventAdapter
    from tsn_desktop.vaccination.facts_fhir import ConditionAdapter
    from tsn_desktop.vaccination.fhir import ImmunizationAdapter

    return [ImmunizationAdapter(), ConditionAdapter(), AdverseEventAdapter()]


def _demo(db: Database, clock: Clock, who: str, patients: int) -> None:
    from tsn_desktop.vaccination.demo import seed_carnets

    seed_carnets(db, clock, who)


def _inbox(db: Database, today: date, me: str) -> list[InboxEntry]:
    from tsn_desktop.vaccination.inbox_feed import inbox_entries

    return inbox_entries(db, today, me)


def _after_sync(_run_db: Callable[[Callable[[Database], Any]], Any], client: HubClient
                ) -> None:
    """A newer schedule or catalogue pack the hub publishes (new campaign dates, a new
    pack's GTIN) is installed once verified; the next forecast reads it."""
    from tsn_desktop.vaccination import pack_updates

    pack_updates.after_sync_pass(client)


VACCINATION = Feature(
    name="vaccinations",
    title=QT_TRANSLATE_NOOP("Navigation", "Vaccinations"),
    page=_page,
    patient_tabs=(_carnet_tab,),
    sync_adapters=_adapters,
    settings_page=_settings_page,
    migrations="tsn_desktop.vaccination",
    demo=_demo,
    inbox_items=_inbox,
    inbox_kinds=(INBOX_RECALL,),
    inbox_records=("VaccinationRecall",),  # practice_store.RECALL_RESOURCE: a recall noted
    after_sync=_after_sync,
)
