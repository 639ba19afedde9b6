"""The flu and COVID season tab: patients eligible this season (65 years and over, or in a
risk group by their profile), per seasonal vaccine, vaccinated / not yet / declined, with
the counts at the top."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.core.tasks import BackgroundTasks, TaskControl
from tsn_desktop.feature import QT_TRANSLATE_NOOP, FeatureContext
from tsn_desktop.ui.formatting import age_text, date_text
from tsn_desktop.ui.rows_model import RowsMixin
from tsn_desktop.vaccination import practice_service as service
from tsn_desktop.vaccination.coverage import (
    DECLINED,
    NOT_YET,
    VACCINATED,
    CampaignRow,
    load_coverage,
    season_of,
)
from tsn_desktop.vaccination.model import RESOURCE
from tsn_desktop.vaccination.ui import page_texts

log = logging.getLogger(__name__)
_ModelIndex = QModelIndex | QPersistentModelIndex


class CampaignModel(RowsMixin, QAbstractTableModel):
    PATIENT, AGE, VACCINE, STATE, ON = range(5)
    COLUMN_COUNT = 5
    TITLES_CONTEXT = "CampaignModel"
    TITLES = (
        QT_TRANSLATE_NOOP("CampaignModel", "Patient"),
        QT_TRANSLATE_NOOP("CampaignModel", "Age"),
        QT_TRANSLATE_NOOP("CampaignModel", "Vaccine"),
        QT_TRANSLATE_NOOP("CampaignModel", "This season"),
        QT_TRANSLATE_NOOP("CampaignModel", "On"),
    )

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CampaignRow] = []
        self._today = today

    def set_rows(self, rows: list[CampaignRow], today: date) -> None:
        self.beginResetModel()
        self._rows = rows
        self._today = today
        self.endResetModel()

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: CampaignRow | None = self.item_at(index)
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.PATIENT:
            return row.patient.name
        if column == self.AGE:
            return age_text(row.patient.birth_date, self._today)
        if column == self.VACCINE:
            return row.group
        if column == self.STATE:
            return page_texts.label("campaign", row.state)
        if column == self.ON:
            return date_text(row.on) if row.on else ""
        return None


class CampaignView(QWidget):
    shown = Signal()

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = BackgroundTasks(self)
        self._stale = True
        self._locked = False
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = CampaignModel(context.clock.today(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            CampaignModel.PATIENT, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Patients eligible this season"))
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        context.runner.records_changed.connect(self._records_changed)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def _records_changed(self, changed: RecordsChanged) -> None:
        if changed.types() & {RESOURCE, "Patient"}:
            self._stale = True
            if self.isVisible():
                self.recompute()

    def recompute(self) -> None:
        self._stale = False
        today = self._context.clock.today()
        since = season_of(today, load_coverage())[0]

        def count(inputs: service.CoverageInputs) -> None:
            def work(_control: TaskControl) -> Any:
                return service.practice_campaign(inputs, today)

            self._tasks.start(work, lambda result: self._show(result, today), self._failed,
                              owner=self)

        self._context.runner.run(lambda db: service.coverage_inputs(db, since, today), count,
                                 self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        log.error("reading the season failed: %s", type(error).__name__)
        self.summary.setText(self.tr("The season could not be read. Try again."))

    def _show(self, result: tuple[tuple[date, date], list[CampaignRow]], today: date) -> None:
        if self._locked:
            self._stale = True
            return  # read before the lock: not shown
        (start, end), rows = result
        self.model.set_rows(rows, today)
        parts = []
        for group in ("Grippe", "Covid-19"):
            mine = [r for r in rows if r.group == group]
            parts.append(self.tr("%1: %2 vaccinated, %3 not yet, %4 declined").replace(
                "%1", group).replace("%2", str(sum(r.state == VACCINATED for r in mine)))
                .replace("%3", str(sum(r.state == NOT_YET for r in mine)))
                .replace("%4", str(sum(r.state == DECLINED for r in mine))))
        self.summary.setText(self.tr("Season from %1 to %2: patients 65 years and "
                                     "over, and those whose profile puts them in a risk "
                                     "group (pregnancy, chronic condition, "
                                     "immunodepression…).")
                             .replace("%1", date_text(start)).replace("%2", date_text(end))
                             + "\n" + " · ".join(parts))
        self.shown.emit()

    def _open(self, index: QModelIndex) -> None:
        row: CampaignRow | None = self.model.item_at(index)
        if row is not None:
            self._context.open_patient(row.patient.id)

    def on_lock(self) -> None:
        self._locked = True
        self.model.set_rows([], self._context.clock.today())
        self._stale = True

    def on_unlock(self) -> None:
        self._locked = False
        if self.isVisible():
            self.recompute()
