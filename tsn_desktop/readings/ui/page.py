"""The Readings page (choose a patient, import a file, see charts, table and alerts) and
the patient-file tab with the same chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.core.tasks import BackgroundTasks, TaskControl, TaskHandle
from tsn_desktop.feature import FeatureContext
from tsn_desktop.readings import service
from tsn_desktop.readings.importers import FileRead, read_file
from tsn_desktop.readings.ui import texts
from tsn_desktop.readings.ui.alerts_view import PathwayPanel, PracticeAlertsPanel, ack_summary
from tsn_desktop.readings.ui.chart import ReadingsChart
from tsn_desktop.readings.ui.inbox_view import InboxPanel
from tsn_desktop.readings.ui.report_view import ReportBar
from tsn_desktop.readings.ui.table_model import ReadingsTableModel
from tsn_desktop.ui.formatting import date_text, datetime_text
from tsn_desktop.ui.typing_pause import after_typing

RESOURCE = "Observation"
RESOURCES = {"Observation", "EpisodeOfCare", "DetectedIssue"}
FILE_FILTER = "*.csv *.zip *.json *.ble *.xml"


class ReadingsView(QWidget):
    """A patient's chart, alerts and (optionally) table; refreshes on records_changed."""

    shown = Signal()  # the patient's readings are on screen

    def __init__(self, context: FeatureContext, with_table: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.patient_id: str | None = None
        self.overview: service.Overview | None = None
        self.chart = ReadingsChart(self)
        self.chart.window_wanted.connect(self._want_window)
        # One window read at a time: wishes while one is on its way are dropped, the
        # chart looks again once it is drawn (ReadingsChart.show_window).
        self._window_asked = 0  # numbers each read: a result for another patient is dropped
        self._window_busy = False
        self.has_readings = False
        self.pathway = PathwayPanel(context, self)
        self.pathway.saved.connect(self.refresh)
        self.pathway.refused.connect(self._refused)
        self.report = ReportBar(context, self)
        self.message = QLabel(self)
        self.message.setObjectName("readings_pathway_message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)  # a line only when there is something to say
        self.alerts = QListWidget(self)
        self.alerts.setObjectName("readings_alerts")
        self.alerts.setAccessibleName(self.tr("Alerts for this patient"))
        # Four lines: the chart below needs the height more (the list scrolls).
        self.alerts.setMaximumHeight(4 * self.fontMetrics().lineSpacing() + 12)
        self.empty = QLabel(self.tr("No readings for this patient yet: import a file."), self)
        self.empty.setObjectName("readings_empty")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)  # until a patient without readings is shown
        self.model = ReadingsTableModel(self)
        self.model.more_wanted.connect(self._more_rows)
        self.table: QTableView | None = None
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        if with_table:
            self.table = QTableView(self)
            self.table.setObjectName("readings_table")
            self.table.setAccessibleName(self.tr("Readings"))
            self.table.setModel(self.model)
            self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.table.setAlternatingRowColors(True)
            self.table.verticalHeader().setVisible(False)
            header = self.table.horizontalHeader()
            header.setStretchLastSection(True)
            for column, width in ((0, 130), (1, 120), (2, 200), (3, 150)):
                header.resizeSection(column, width)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            splitter.addWidget(self.table)
            splitter.setSizes([420, 200])
        alerts_label = QLabel(self.tr("A&lerts:"), self)
        alerts_label.setBuddy(self.alerts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if with_table:
            # On the Readings page, beside the patient list: one above the other, so the
            # list keeps its width.
            layout.addWidget(self.pathway)
            layout.addWidget(self.report)
        else:
            # In the patient file: on one row, the chart keeps the height.
            top = QHBoxLayout()
            top.addWidget(self.pathway, 1)
            top.addWidget(self.report)
            layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(alerts_label)
        layout.addWidget(self.alerts)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        context.runner.records_changed.connect(self._records_changed)

    def show_patient(self, patient_id: str | None) -> None:
        self.patient_id = patient_id
        self.pathway.patient_id = patient_id
        self.report.set_patient(patient_id)
        self._refused("")
        self.refresh()

    def refresh(self) -> None:
        pid = self.patient_id
        if pid is None:
            self._window_asked += 1
            self.has_readings = False
            self.chart.clear()
            self._show(service.Overview([], []))
            return
        # The chart's window first (an index read, bucketed in SQL), then the rest.
        shown = self.chart.visible() if self.chart.fetched is not None and \
            self._window_patient == pid else None
        if shown is None:
            self.chart.clear()
            self._read_window(pid, None, None, self.chart.pixels())
        else:
            span = shown[1] - shown[0]
            self._read_window(pid, shown[0] - span, shown[1] + span, 3 * self.chart.pixels())
        table = self.table is not None
        self.context.runner.run(lambda db: service.overview(db, pid, table=table),
                                self._show, owner=self)

    # --- the chart's window ------------------------------------------------------------
    _window_patient: str | None = None

    def _want_window(self, start: float, end: float, buckets: int) -> None:
        if self.patient_id is None:
            return
        if self._window_busy:
            return
        self._read_window(self.patient_id, start, end, buckets)

    def _read_window(self, pid: str, start: float | None, end: float | None,
                     buckets: int) -> None:
        self._window_asked += 1
        asked = self._window_asked
        self._window_patient = pid
        self._window_busy = True
        self.context.runner.run(
            lambda db: service.chart_window(db, pid, start, end, buckets),
            lambda window: self._window_read(asked, window),
            lambda exc: self._window_failed(asked, exc), owner=self)

    def _window_read(self, asked: int, window: service.ChartWindow) -> None:
        if asked != self._window_asked:
            return  # another patient (or a newer first window) was asked for since
        self._window_busy = False
        self.has_readings = bool(window.extent)
        self.chart.show_window(window)
        self.empty.setVisible(self.patient_id is not None and not self.has_readings)

    def _window_failed(self, asked: int, exc: BaseException) -> None:
        if asked == self._window_asked:
            self._window_busy = False
        self._refused(self.tr("The chart could not be read. Close the patient's file "
                              "and open it again."))

    # --- the table, a page at a time ---------------------------------------------------
    def _more_rows(self, after: tuple[str, int] | None) -> None:
        pid, total = self.patient_id, self.model.total
        if pid is None:
            self.model.page_failed()
            return
        self.context.runner.run(
            lambda db: service.table_page(db, pid, after, total),
            lambda page: self._rows_read(pid, after, page),
            lambda _exc: self._rows_failed(pid), owner=self)

    def _rows_read(self, pid: str, after: tuple[str, int] | None,
                   page: service.TablePage) -> None:
        if pid == self.patient_id:
            self.model.add_page(after, page)

    def _rows_failed(self, pid: str) -> None:
        if pid == self.patient_id:
            self.model.page_failed()
            self._refused(self.tr("Older readings could not be read. Close the patient's "
                                  "file and open it again."))

    def _records_changed(self, changed: RecordsChanged) -> None:
        if self.patient_id is not None and RESOURCES & set(changed.types()):
            self.refresh()

    def _refused(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show(self, view: service.Overview) -> None:
        self.overview = view
        # The data come window by window (_window_read); the thresholds and alerts here.
        self.chart.set_thresholds(view.pathway.thresholds if view.pathway else None)
        self.chart.set_alerts(view.stored, view.alerts)
        self.model.set_page(view.table)
        self.pathway.show_pathway(view.pathway)
        self.empty.setVisible(self.patient_id is not None and not view.readings
                              and not (view.table and view.table.total)
                              and not self.has_readings)
        self.alerts.clear()
        # Raised alerts (with who saw them) first, then what the rules see in older
        # readings that was never raised (history imported later).
        stored = {(a.code, a.evidence) for a in view.stored}
        for a in view.stored:
            text = f"{texts.severity_label(a.severity)} — {datetime_text(a.at)} — " \
                f"{texts.alert_text(a.as_alert())}"
            if a.acks:
                text += f" — {ack_summary(a)}"
            if a.withdrawal is not None:
                w = a.withdrawal
                text += " — " + texts.withdrawn_text(w.by_name, datetime_text(w.at), w.reason)
            item = QListWidgetItem(text, self.alerts)
            item.setData(Qt.ItemDataRole.UserRole, a.code)
        for alert in view.alerts:
            if (alert.code, alert.evidence) in stored:
                continue
            text = f"{texts.severity_label(alert.severity)} — {datetime_text(alert.at)} — " \
                f"{texts.alert_text(alert)}"
            item = QListWidgetItem(text, self.alerts)
            item.setData(Qt.ItemDataRole.UserRole, alert.code)
        if not view.alerts and not view.stored:
            QListWidgetItem(self.tr("No alert."), self.alerts)
        self.shown.emit()


class ReadingsPage(QWidget):
    """Navigation page: find a patient, import a file for them, look at the readings."""

    patients_found = Signal()
    import_finished = Signal()  # stored, refused, failed or cancelled: the status says which

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Readings"))
        self.tasks = BackgroundTasks(self)
        self._task: TaskHandle[FileRead] | None = None
        self._patient_name = ""
        title = QLabel(self.tr("Connected-device readings"), self)
        title.setObjectName("page_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.search = QLineEdit(self)
        self.search.setObjectName("readings_search")
        self.search.setPlaceholderText(self.tr("Name, date of birth (dd/mm/yyyy) or INS"))
        self.search.setAccessibleName(self.tr("Search patients"))
        search_label = QLabel(self.tr("&Patient:"), self)
        search_label.setBuddy(self.search)
        self.matches = QListWidget(self)
        self.matches.setObjectName("readings_patients")
        self.matches.setAccessibleName(self.tr("Patients found"))
        self.matches.setMaximumWidth(300)
        # A surname and a given name stay readable whatever the patient's side needs.
        self.matches.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 14))
        self.search.setMinimumWidth(self.matches.minimumWidth())
        self.import_button = QPushButton(self.tr("&Import a file…"), self)
        self.import_button.setObjectName("readings_import")
        self.import_button.setAccessibleName(self.tr("Import a file of readings for this patient"))
        self.import_button.setToolTip(self.tr(
            "Withings export (zip or CSV), Omron CSV, Apple Health export (zip or XML), "
            "FHIR Bundle (JSON) or BLE capture (.ble) (Ctrl+I)"))
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("&Cancel the import"), self)
        self.cancel_button.setObjectName("readings_cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("readings_progress")
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("readings_status")
        self.status.setAccessibleName(self.tr("Import summary"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading = QLabel(self.tr("Choose a patient to see their readings."), self)
        self.heading.setObjectName("readings_patient")
        self.heading.setWordWrap(True)
        self.view = ReadingsView(context, with_table=True, parent=self)
        self.practice = PracticeAlertsPanel(context, self)
        self.practice.patient_chosen.connect(self._alert_patient)
        # (records_changed also refreshes both once the app wires commits to it.)
        self.practice.acknowledged.connect(self.view.refresh)
        self.view.pathway.saved.connect(self.practice.refresh)
        self.top = QTabWidget(self)
        self.top.setObjectName("readings_top_tabs")
        self.top.tabBar().setAccessibleName(self.tr("Alerts of the practice, readings to assign"))
        self.top.addTab(self.practice, self.tr("Alerts of the practice"))
        self.inbox = InboxPanel(context, lambda: self.view.patient_id, self)
        self.inbox.assigned.connect(self._given)
        self.top.addTab(self.inbox, self.tr("To assign"))

        left = QVBoxLayout()
        left.addWidget(search_label)
        left.addWidget(self.search)
        left.addWidget(self.matches, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.heading, 1)
        actions.addWidget(self.progress)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.import_button)
        right = QVBoxLayout()
        right.addLayout(actions)
        right.addWidget(self.status)
        right.addWidget(self.view, 1)
        body_widget = QWidget(self)
        body = QHBoxLayout(body_widget)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left)
        body.addLayout(right, 1)
        # Scrolls rather than forcing its size on the window: the page must fit a small
        # screen (800 x 600) with the status bar in view.
        body_scroll = QScrollArea(self)
        body_scroll.setWidgetResizable(True)
        body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        body_scroll.setWidget(body_widget)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.top)
        split.addWidget(body_scroll)
        # About two fifths for the practice's alerts (a dozen rows at 1280 × 800, never
        # fewer than four), the rest for the patient; kept as the window grows.
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([2000, 3000])
        self.split = split
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(split, 1)

        self._debounce = after_typing(self, self.search.textChanged, 200, self._find)
        self.matches.currentItemChanged.connect(self._chosen)
        self.import_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.cancel_import)
        QShortcut(QKeySequence("Ctrl+I"), self, self.choose_file,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setFocusProxy(self.search)
        self._find()

    # --- choosing the patient ------------------------------------------------------
    def _find(self) -> None:
        text = self.search.text().strip()
        self.context.runner.run(lambda db: service.find_patients(db, text), self._found,
                                owner=self)

    def _found(self, found: list[Any]) -> None:
        current = self.view.patient_id
        self.matches.blockSignals(True)
        self.matches.clear()
        for patient in found:
            family = (patient.used_name or patient.birth_name).upper()
            item = QListWidgetItem(f"{family} {patient.given_names} — "
                                   f"{date_text(patient.birth_date)}", self.matches)
            item.setData(Qt.ItemDataRole.UserRole, patient.id)
            if patient.id == current:
                self.matches.setCurrentItem(item)
        self.matches.blockSignals(False)
        self.patients_found.emit()

    def _chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        self.select_patient(str(item.data(Qt.ItemDataRole.UserRole)), item.text())

    def _given(self, patient_id: str) -> None:
        if patient_id == self.view.patient_id:
            self.view.refresh()
        self.practice.refresh()

    def _alert_patient(self, patient_id: str, name: str) -> None:
        self.select_patient(patient_id, name)
        self.view.setFocus()

    def select_patient(self, patient_id: str, label: str = "") -> None:
        self._patient_name = label
        self.heading.setText(label)
        self.status.clear()
        self.import_button.setEnabled(self._task is None)
        self.view.show_patient(patient_id)
        self.inbox.update_buttons()

    # --- importing -----------------------------------------------------------------
    def choose_file(self) -> None:
        if self.view.patient_id is None or self._task is not None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import readings"), "",
            self.tr("Device exports (%1)").replace("%1", FILE_FILTER))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Reads the file off the GUI thread (progress, cancel), then stores all of it
        for the chosen patient in one transaction."""
        patient_id = self.view.patient_id
        if patient_id is None:
            return

        def read(control: TaskControl) -> FileRead:
            def progress(done: int, total: int) -> None:
                control.check()
                control.progress(done, total)
            return read_file(path, progress)

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Reading %1…").replace("%1", path.name))
        self._task = self.tasks.start(
            read, lambda result: self._read(patient_id, result), self._failed,
            on_progress=self._progress, on_cancelled=self._cancelled, owner=self)

    def cancel_import(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done * 1000 / total))

    def _read(self, patient_id: str, result: FileRead) -> None:
        if self._task is not None and self._task.cancelled:
            self._cancelled()  # cancelled while the result was on its way: store nothing
            return
        if result.format is None:
            self._done()
            self._report(None, result)
            return
        self.cancel_button.setVisible(False)  # storing is one short transaction
        self.context.runner.run(
            lambda db: service.store_import(db, patient_id, result.readings,
                                            result.rejected, result.format,
                                            file=result.file),
            lambda summary: self._stored(summary, result), self._failed, owner=self)

    def _stored(self, summary: service.ImportSummary, result: FileRead) -> None:
        self._done()
        self._report(summary, result)
        if summary.added:
            self.view.refresh()
        if summary.alerts:
            self.practice.refresh()
        if summary.to_assign:
            self.inbox.refresh()

    def _report(self, summary: service.ImportSummary | None, result: FileRead) -> None:
        rejected = list(summary.rejected) if summary else list(result.rejected)
        if summary is None:
            text = self.tr("%1 could not be imported: %2").replace("%1", result.file).replace(
                "%2", texts.reason_text(rejected[0].reason) if rejected else "")
        else:
            text = self.tr("%1 imported: %2").replace("%1", result.file).replace(
                "%2", texts.summary_text(summary.added, summary.already, len(rejected),
                                         summary.to_assign, summary.alerts))
            details = [texts.rejection_text(r) for r in rejected[:8]]
            if len(rejected) > 8:
                details.append("…")
            if details:
                text += "\n" + "\n".join(details)
        self.status.setText(text)
        self.import_finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self._done()
        self.status.setText(self.tr("The import failed and nothing was stored. Check that "
                                    "the file is readable, then try again."))
        self.import_finished.emit()

    def _cancelled(self) -> None:
        self._done()
        self.status.setText(self.tr("Import cancelled: nothing was stored."))
        self.import_finished.emit()

    def _done(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.import_button.setEnabled(self.view.patient_id is not None)


class ReadingsTab(QWidget):
    """Patient-file tab: the chart and alerts of the open patient."""

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Readings"))
        self.view = ReadingsView(context, with_table=False, parent=self)
        QVBoxLayout(self).addWidget(self.view)

    def title(self) -> str:
        return self.tr("&Readings")

    def show_patient(self, patient: Any, today: date) -> None:
        self.view.show_patient(patient.id)

    def clear(self) -> None:
        self.view.show_patient(None)

    def has_unsaved(self) -> bool:
        return self.view.pathway.has_unsaved()
