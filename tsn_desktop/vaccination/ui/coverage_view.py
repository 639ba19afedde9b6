"""The coverage tab: a bar per indicator with its national target (pyqtgraph), the table
per age band with numerator and denominator, and the patients behind a number."""

from __future__ import annotations

import logging
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.core.tasks import BackgroundTasks, TaskControl
from tsn_desktop.feature import QT_TRANSLATE_NOOP, FeatureContext
from tsn_desktop.ui.formatting import amount_text
from tsn_desktop.ui.rows_model import RowsMixin
from tsn_desktop.vaccination import practice_service as service
from tsn_desktop.vaccination.coverage import BandResult, IndicatorResult, season_of
from tsn_desktop.vaccination.model import RESOURCE
from tsn_desktop.vaccination.ui import page_texts

log = logging.getLogger(__name__)
_ModelIndex = QModelIndex | QPersistentModelIndex


def age_code_text(code: str) -> str:
    """'24m' -> '24 mois', '6y' -> '6 ans' (the data's age codes, worded)."""
    unit = {"d": "day", "m": "month", "y": "year"}[code[-1]]
    return amount_text(int(code[:-1]), unit)


def band_text(result: BandResult | None) -> str:
    if result is None:
        return QCoreApplication.translate("CoverageModel", "All ages")  # its total row
    band = result.band
    if band.end is None:
        return f"≥ {age_code_text(band.start)}"
    return f"{age_code_text(band.start)} – {age_code_text(band.end)}"


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %".replace(".", ",")


class CoverageModel(RowsMixin, QAbstractTableModel):
    """Per indicator: its total row, then one row per age band."""

    INDICATOR, BAND, NUMERATOR, DENOMINATOR, PERCENT, TARGET, SOURCE = range(7)
    COLUMN_COUNT = 7
    TITLES_CONTEXT = "CoverageModel"
    TITLES = (
        QT_TRANSLATE_NOOP("CoverageModel", "Indicator"),
        QT_TRANSLATE_NOOP("CoverageModel", "Age band"),
        QT_TRANSLATE_NOOP("CoverageModel", "Up to date"),
        QT_TRANSLATE_NOOP("CoverageModel", "Patients"),
        QT_TRANSLATE_NOOP("CoverageModel", "Coverage"),
        QT_TRANSLATE_NOOP("CoverageModel", "National target"),
        QT_TRANSLATE_NOOP("CoverageModel", "Source"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[IndicatorResult, BandResult | None]] = []
        self._numbers: dict[str, int] = {}  # the bar's number on the chart

    def set_results(self, results: list[IndicatorResult]) -> None:
        self.beginResetModel()
        self._numbers = {r.indicator.id: n for n, r in enumerate(results, 1)}
        self._rows = [row for r in results for row in [(r, None), *((r, b) for b in r.bands)]]
        self.endResetModel()

    def totals(self) -> dict[str, float | None]:
        """indicator id -> the percentage its total row shows."""
        return {r.indicator.id: r.percent for r, band in self._rows if band is None}

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index)
        if item is None:
            return None
        result, band = item
        column = index.column()
        counted: IndicatorResult | BandResult = band if band is not None else result
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.INDICATOR:
                if band is not None:
                    return ""
                number = self._numbers.get(result.indicator.id, 0)
                return f"{number}. " + page_texts.label("indicator", result.indicator.id,
                                                        result.indicator.label)
            if column == self.BAND:
                return band_text(band)
            if column == self.NUMERATOR:
                return str(counted.numerator)
            if column == self.DENOMINATOR:
                return str(counted.denominator)
            if column == self.PERCENT:
                return percent_text(counted.percent)
            if column == self.TARGET:
                target = result.indicator.target
                return "" if target is None or band is not None else f"{target:g} %"
            if column == self.SOURCE:
                return result.indicator.source if band is None else ""
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.INDICATOR, self.SOURCE,
                                                               self.TARGET):
            ind = result.indicator
            return "\n".join(x for x in (ind.note, ind.source, ind.target_source) if x)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.NUMERATOR, self.DENOMINATOR, self.PERCENT, self.TARGET):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def counted(self, row: int) -> IndicatorResult | BandResult | None:
        item = self.item(row)
        if item is None:
            return None
        return item[1] if item[1] is not None else item[0]


class CoverageView(QWidget):
    """The chart and the table show the same results (one computation feeds both)."""

    computed = Signal()  # the chart and the table show new results

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = BackgroundTasks(self)
        self._stale = True
        self._locked = False
        self._busy = False
        self.results: list[IndicatorResult] = []
        self._names: dict[str, str] = {}

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.plot = pg.PlotWidget(self)
        self.plot.setBackground("w")
        self.plot.setYRange(0, 105, padding=0)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMinimumHeight(150)
        self.plot.getAxis("left").setLabel(self.tr("Up to date (%)"))
        self.plot.setAccessibleName(self.tr("Coverage per indicator, with national targets"))
        self.bars: pg.BarGraphItem | None = None
        self.target_lines: list[pg.PlotDataItem] = []
        self.model = CoverageModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            CoverageModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(CoverageModel.INDICATOR, 340)
        self.table.setColumnWidth(CoverageModel.BAND, 150)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Coverage per indicator and age band"))
        self.behind = QListWidget(self)
        self.behind.setAccessibleName(self.tr("Patients behind the number"))
        self.behind.itemActivated.connect(self._open_item)
        self.show_up_to_date = QCheckBox(self.tr("Show those &up to date"), self)
        self.behind_label = QLabel(self.tr("Select a row to see its patients."), self)
        self.behind_label.setWordWrap(True)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.behind_label)
        side_layout.addWidget(self.show_up_to_date)
        side_layout.addWidget(self.behind, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.table)
        lower.addWidget(side)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        upper = QSplitter(Qt.Orientation.Vertical, self)
        upper.addWidget(self.plot)
        upper.addWidget(lower)
        upper.setSizes([260, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(upper, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_behind(current.row()))
        self.show_up_to_date.toggled.connect(
            lambda _on: self._show_behind(self.table.currentIndex().row()))
        self.show_up_to_date.setAccessibleName(self.show_up_to_date.text().replace("&", ""))
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
        """Reads the doses (DB worker), counts off the GUI thread, then shows."""
        if self._busy:
            return
        self._busy = True
        self._stale = False
        today = self._context.clock.today()
        self.heading.setText(self.tr("Counting…"))

        def count(inputs: service.CoverageInputs) -> None:
            names = {pid: p.name for pid, p in inputs.practice.patients.items()}

            def work(_control: TaskControl) -> list[IndicatorResult]:
                return service.practice_coverage(inputs, today)

            self._tasks.start(work, lambda results: self._show(results, names, today),
                              self._failed, owner=self)

        from tsn_desktop.vaccination.coverage import load_coverage

        since = season_of(today, load_coverage())[0]
        self._context.runner.run(lambda db: service.coverage_inputs(db, since, today), count,
                                 self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        log.error("counting coverage failed: %s", type(error).__name__)
        self.heading.setText(self.tr("Coverage could not be counted. Try again; if it keeps "
                                     "failing, restart TSN Desktop."))

    def _show(self, results: list[IndicatorResult], names: dict[str, str], today: Any
              ) -> None:
        self._busy = False
        if self._locked:
            self._stale = True
            return  # read before the lock: not shown
        self.results = results
        self._names = names
        self.model.set_results(results)
        self._draw(results)
        self.heading.setText(self.tr(
            "Share of the practice's patients up to date, per indicator public health "
            "reports use (doses recorded in the carnets). Dashed lines: national targets."))
        self.computed.emit()
        if self._stale:
            self.recompute()

    def _draw(self, results: list[IndicatorResult]) -> None:
        self.plot.clear()
        xs = list(range(len(results)))
        heights = [r.percent or 0.0 for r in results]
        self.bars = pg.BarGraphItem(x=xs, height=heights, width=0.6,
                                    brush=QColor("#1565c0"))
        self.plot.addItem(self.bars)
        self.target_lines = []
        for x, r in zip(xs, results, strict=True):
            if r.indicator.target is not None:
                line = pg.PlotDataItem([x - 0.4, x + 0.4], [r.indicator.target] * 2,
                                       pen=pg.mkPen("#b71c1c", width=2,
                                                    style=Qt.PenStyle.DashLine))
                self.plot.addItem(line)
                self.target_lines.append(line)
        axis = self.plot.getAxis("bottom")
        # Bars are numbered as the table's indicators: names would overlap.
        axis.setTicks([[(x, str(x + 1)) for x in xs]])
        self.plot.setXRange(-0.6, max(len(results) - 0.4, 0.6))
        self.plot.setYRange(0, 105, padding=0)

    def chart_values(self) -> dict[str, float]:
        """indicator id -> the bar's height (what the chart shows)."""
        if self.bars is None:
            return {}
        heights = self.bars.opts["height"]
        return {r.indicator.id: float(h) for r, h in zip(self.results, heights, strict=True)}

    def _show_behind(self, row: int) -> None:
        self.behind.clear()
        counted = self.model.counted(row)
        if counted is None:
            return
        up = set(counted.up_to_date)
        wanted = up if self.show_up_to_date.isChecked() else [
            p for p in counted.population if p not in up]
        self.behind_label.setText(
            self.tr("%n patient(s) up to date", "", len(up)) if self.show_up_to_date.isChecked()
            else self.tr("%n patient(s) not up to date", "", len(wanted)))
        for pid in sorted(wanted, key=lambda p: self._names.get(p, "")):
            item = QListWidgetItem(self._names.get(pid, ""), self.behind)
            item.setData(Qt.ItemDataRole.UserRole, pid)

    def _open_item(self, item: QListWidgetItem) -> None:
        self._context.open_patient(str(item.data(Qt.ItemDataRole.UserRole)))

    def on_lock(self) -> None:
        self._locked = True
        self.behind.clear()
        self._names = {}
        self._stale = True

    def on_unlock(self) -> None:
        self._locked = False
        if self.isVisible():
            self.recompute()
