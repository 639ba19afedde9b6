"""What the agenda adds to the application (the Feature seam): the Agenda page, the
Appointment resource's sync and how its conflicts read in the sync review, its
migrations, the demo agendas, the series horizon moved on at open, and and after each
sync pass the agenda delegations exchanged and the free slots republished."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tsn_desktop.feature import QT_TRANSLATE_NOOP, Feature, FeatureContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tsn_desktop.core.clock import Clock
    from tsn_desktop.core.db import Database
    from tsn_desktop.sync.adapters import SyncAdapter
    from tsn_desktop.sync.client import HubClient
    from tsn_desktop.sync.ui.review import ReviewDescriber


def _page(context: FeatureContext) -> QWidget:
    from tsn_desktop.agenda.ui.page import AgendaPage

    return AgendaPage(context)


def _adapters() -> list[SyncAdapter]:
    from tsn_desktop.agenda.fhir import AppointmentAdapter

    return [AppointmentAdapter()]


def _review() -> ReviewDescriber:
    from tsn_desktop.agenda.review import AppointmentReview

    return AppointmentReview()


def _demo(db: Database, clock: Clock, who: str, count: int) -> None:
    from tsn_desktop.agenda.demo import seed

    seed(db, clock, who, count)


def _extend_series(db: Database) -> None:
    from tsn_desktop.agenda.service import extend_horizons

    extend_horizons(db)  # recurring visits with no end exist up to the moving horizon


def _after_sync(run_db: Callable[[Callable[[Database], Any]], Any], client: HubClient) -> None:
    from tsn_desktop.agenda import delegation_client
    from tsn_desktop.agenda.booking_client import republish_after_sync

    try:  # delegations both ways, then the portal offers what is free after this pass
        delegation_client.exchange(run_db, client)
    finally:
        republish_after_sync(run_db, client)


AGENDA = Feature(
    name="agenda",
    title=QT_TRANSLATE_NOOP("Navigation", "Agenda"),
    page=_page,
    sync_adapters=_adapters,
    review=_review,
    migrations="tsn_desktop.agenda",
    on_open=_extend_series,
    demo=_demo,
    after_sync=_after_sync,
)
