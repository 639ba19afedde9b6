"""What the professional network adds to the application (the Feature seam): the Network
page, the patient file's "Discussions" and "Return home" tabs, the Communication,
Practitioner, Task and DocumentReference resources' sync, its migration, its setting and
its demo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tsn_desktop.feature import QT_TRANSLATE_NOOP, Feature, FeatureContext
from tsn_desktop.network.options import NO_ANSWER_DAYS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tsn_desktop.core.clock import Clock
    from tsn_desktop.core.db import Database
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.sync.adapters import SyncAdapter


def _page(context: FeatureContext) -> QWidget:
    from tsn_desktop.network.ui.page import NetworkPage

    return NetworkPage(context)


def _discussions_tab(context: FeatureContext) -> QWidget:
    from tsn_desktop.network.ui.discussions_tab import DiscussionsTab

    return DiscussionsTab(context)


def _pathway_tab(context: FeatureContext) -> QWidget:
    from tsn_desktop.network.ui.pathway_tab import PathwayTab

    return PathwayTab(context)


def _settings(settings: Settings) -> QWidget:
    from tsn_desktop.network.ui.settings_page import NetworkSettings

    return NetworkSettings(settings)


def _adapters() -> list[SyncAdapter]:
    from tsn_desktop.network.fhir import (
        CommunicationAdapter,
        DocumentReferenceAdapter,
        PractitionerAdapter,
        TaskAdapter,
    )

    return [CommunicationAdapter(), PractitionerAdapter(), TaskAdapter(),
            DocumentReferenceAdapter()]


def _demo(db: Database, clock: Clock, who: str, patients: int) -> None:
    from tsn_desktop.network.demo import seed_network_demo

    seed_network_demo(db, clock, who)


NETWORK = Feature(
    name="network",
    title=QT_TRANSLATE_NOOP("Navigation", "Network"),
    page=_page,
    patient_tabs=(_discussions_tab, _pathway_tab),
    sync_adapters=_adapters,
    options=(NO_ANSWER_DAYS,),
    settings_page=_settings,
    migrations="tsn_desktop.network",
    demo=_demo,
)
