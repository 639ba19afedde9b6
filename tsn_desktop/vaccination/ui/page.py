"""The Vaccinations page of the main window: the practice's due list (with recalls,
letters and the CSV export), the coverage indicators, the flu / COVID season and the
adverse events following immunisation."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.core.tasks import BackgroundTasks, TaskControl
from tsn_desktop.feature import FeatureContext
from tsn_desktop.vaccination import due_list, letters
from tsn_desktop.vaccination import practice_service as service
from tsn_desktop.vaccination.due_list import DueRow, Filters
from tsn_desktop.vaccination.model import RESOURCE
from tsn_desktop.vaccination.ui import page_texts
from tsn_desktop.vaccination.ui.due_model import BLUE, RED, DueModel

log = logging.getLogger(__name__)
_REFRESH_TYPES = frozenset({RESOURCE, "Patient"})


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def name_buttons(root: QWidget) -> None:
    """Buttons and check boxes are named for screen readers after their label (without
    the & of the shortcut); the other controls get their own name where they are made."""
    for button in root.findChildren(QAbstractButton):
        if not button.accessibleName():
            button.setAccessibleName(button.text().replace("&", ""))


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day), parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class RecallDialog(QDialog):
    """How and when the selected patients were recalled, and when to try again."""

    def __init__(self, count: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as recalled"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%n patient(s) selected.", "", count), self))
        self.method = QComboBox(self)
        for code, text in page_texts.labels("method").items():
            self.method.addItem(text, code)
        self.on = _date_edit(self, today)
        self.on.setMaximumDate(_qdate(today))
        self.retry = _date_edit(self, today + timedelta(days=14))
        self.retry_box = QCheckBox(self.tr("&Try again on:"), self)
        self.retry_box.setChecked(True)
        self.retry_box.toggled.connect(self.retry.setEnabled)
        form.addRow(self.tr("&Contacted by:"), self.method)
        form.addRow(self.tr("&On:"), self.on)
        form.addRow(self.retry_box, self.retry)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.method.setAccessibleName(self.tr("Contacted by"))
        self.on.setAccessibleName(self.tr("Recalled on"))
        self.retry.setAccessibleName(self.tr("Try again on"))
        name_buttons(self)

    def values(self) -> tuple[str, date, date | None]:
        retry = _pydate(self.retry.date()) if self.retry_box.isChecked() else None
        return str(self.method.currentData()), _pydate(self.on.date()), retry


class DueListView(QWidget):
    """Who is due in the practice, from the kept summaries; refreshes by itself."""

    loaded = Signal()  # the rows on screen are the kept summaries' latest
    recalled = Signal(int)
    exported = Signal(str)  # the path written

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = context.runner
        self._clock = context.clock
        self._tasks = BackgroundTasks(self)
        self._page: service.DuePage | None = None
        self._refreshing = False
        self._again = False
        self._again_full = False
        self._changed = False  # summaries stored since the rows shown were read
        self._locked = False  # session locked: nothing is read back onto the screen
        self._today = self._clock.today()
        self.recall_dialog: RecallDialog | None = None

        self.counts = QLabel(self)
        self.counts.setObjectName("due_counts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.linkActivated.connect(self._pick_group)
        self.counts.setAccessibleName(self.tr("Patients due and overdue per vaccine"))

        self.window_box = QComboBox(self)
        for code, text in page_texts.labels("window").items():
            self.window_box.addItem(text, code)
        self.until = _date_edit(self, self._today + timedelta(days=30))
        self.until.setEnabled(False)
        self.group_box = QComboBox(self)
        self.band_box = QComboBox(self)
        self.band_box.addItem(self.tr("All ages"), "")
        for code, text in page_texts.labels("band").items():
            self.band_box.addItem(text, code)
        self.gp_box = QComboBox(self)
        self.obligation_box = QComboBox(self)
        self.obligation_box.addItem(self.tr("Compulsory and recommended"), "")
        for code, text in page_texts.labels("obligation").items():
            self.obligation_box.addItem(text, code)
        self.mine_box = QCheckBox(self.tr("&My patients only"), self)
        self.window_box.setAccessibleName(self.tr("Due within"))
        self.until.setAccessibleName(self.tr("Due by this date"))
        self.group_box.setAccessibleName(self.tr("Vaccine"))
        self.band_box.setAccessibleName(self.tr("Age band"))
        self.gp_box.setAccessibleName(self.tr("Treating GP"))
        self.obligation_box.setAccessibleName(self.tr("Compulsory or recommended"))
        self._fill_groups([])
        self._fill_gps([])

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Updating the forecasts"))
        self.status = QLabel(self)

        self.model = DueModel(self._today, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Patients due for a vaccine"))
        for column, width in ((DueModel.PATIENT, 230), (DueModel.AGE, 70),
                              (DueModel.VACCINE, 100), (DueModel.DOSE, 45),
                              (DueModel.STATE, 80), (DueModel.RECOMMENDED, 105),
                              (DueModel.LATE, 75), (DueModel.COMPULSORY, 85),
                              (DueModel.GP, 140)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _index: self.open_selected_file())

        self.open_button = QPushButton(self.tr("&Open the file"), self)
        self.recall_button = QPushButton(self.tr("Mark as &recalled…"), self)
        self.letter_button = QPushButton(self.tr("Recall &letters (PDF)…"), self)
        self.list_button = QPushButton(self.tr("&Print the list (PDF)…"), self)
        self.csv_button = QPushButton(self.tr("E&xport as CSV…"), self)
        self.open_button.clicked.connect(self.open_selected_file)
        self.recall_button.clicked.connect(self.ask_recall)
        self.letter_button.clicked.connect(self.save_letters)
        self.list_button.clicked.connect(self.save_list_pdf)
        self.csv_button.clicked.connect(self.export_csv)

        # Combos size to a few characters, not to their longest entry: the page must fit
        # the window's smallest width (every page shares the window).
        for box in (self.window_box, self.group_box, self.band_box, self.gp_box,
                    self.obligation_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        filters = QGridLayout()  # two rows: the whole choice stays readable at 1280 px
        filters.addWidget(self.window_box, 0, 0)
        filters.addWidget(self.until, 0, 1)
        filters.addWidget(self.group_box, 0, 2)
        filters.addWidget(self.band_box, 0, 3)
        filters.addWidget(self.gp_box, 1, 0)
        filters.addWidget(self.obligation_box, 1, 2)
        filters.addWidget(self.mine_box, 1, 3)
        for column, stretch in enumerate((2, 0, 1, 1)):
            filters.setColumnStretch(column, stretch)
        progress = QHBoxLayout()
        progress.addWidget(self.status, 1)
        progress.addWidget(self.progress)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.recall_button, self.letter_button,
                       self.list_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(filters)
        layout.addLayout(progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        for box in (self.window_box, self.group_box, self.band_box, self.gp_box,
                    self.obligation_box):
            box.currentIndexChanged.connect(self.apply_filters)
        self.window_box.setCurrentIndex(self.window_box.findData(due_list.NOW))
        self.window_box.currentIndexChanged.connect(
            lambda _i: self.until.setEnabled(self.window_box.currentData() == due_list.CUSTOM))
        self.until.dateChanged.connect(self.apply_filters)
        self.mine_box.toggled.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_selected_file,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self.open_selected_file,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.setFocusProxy(self.table)
        self._runner.records_changed.connect(self._records_changed)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)  # a new day makes some summaries stale
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._update_buttons()
        name_buttons(self)
        self.reload()

    # --- loading -------------------------------------------------------------------
    def reload(self, then_refresh: bool = True) -> None:
        """The kept summaries at once; then bring the stale ones up to date."""
        today = self._clock.today()
        self._runner.run(lambda db: service.load_due_page(db, today),
                         lambda page: self._show_page(page, then_refresh),
                         self._load_failed, owner=self)

    def _show_page(self, page: service.DuePage, then_refresh: bool) -> None:
        if self._locked:
            return  # read before the lock: its names must not come back on screen
        self._page = page
        self._today = page.today
        self._fill_groups(sorted(page.table.groups))
        self._fill_gps(page.treating_gps)
        self.apply_filters()
        self.loaded.emit()
        if then_refresh:
            self.refresh()
        elif not self._refreshing:
            self.status.setText("")

    def _load_failed(self, error: BaseException) -> None:
        log.error("loading the due list failed: %s", type(error).__name__)
        self.status.setText(self.tr("The due list could not be read. Try again; if it "
                                    "keeps failing, restart TSN Desktop."))

    def refresh(self, doses_only: bool = False) -> None:
        """Recomputes the stale summaries only: in one DB call when few (after a dose),
        as a background task with a progress bar when many (the first forecast).
        `doses_only`: only doses changed (no pass over the register needed)."""
        if self._refreshing:
            self._again = True
            self._again_full = self._again_full or not doses_only
            return
        self._refreshing = True
        today = self._clock.today()
        # A large refresh (the first forecast) starts its worker processes as it reads.
        self._runner.run(lambda db: service.refresh_inline(db, today, doses_only=doses_only,
                                                           start_workers=True),
                         self._refreshed, self._refresh_failed, owner=self)

    def _refreshed(self, result: int | service.RefreshJob) -> None:
        if isinstance(result, service.RefreshJob):
            self._forecast_in_background(result)
            return
        self._refresh_done(changed=result > 0)

    def _forecast_in_background(self, job: service.RefreshJob) -> None:
        total = len(job.inputs)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Forecasting %n patient file(s)…", "", total))

        def work(control: TaskControl) -> dict[str, Any]:
            def progress(done: int, all_: int) -> None:
                control.check()
                control.progress(done, all_)
            return service.run_forecast(job, progress=progress)

        def store(results: dict[str, Any]) -> None:
            self._runner.run(lambda db: service.store_refresh(db, job, results),
                             lambda _n: self._refresh_done(changed=True),
                             self._refresh_failed, owner=self)

        self._tasks.start(work, store, self._refresh_failed,
                          on_progress=lambda done, _t, _text: self.progress.setValue(done),
                          on_cancelled=lambda: self._refresh_done(changed=False),
                          owner=self)

    def _refresh_done(self, changed: bool) -> None:
        self._refreshing = False
        self._changed = self._changed or changed
        self.progress.setVisible(False)
        self.status.setText("")
        if self._again:  # more changes came meanwhile: once more, then show
            self._again = False
            full, self._again_full = self._again_full, False
            self.refresh(doses_only=not full)
        elif self._changed:
            self._changed = False
            self.reload(then_refresh=False)

    def _refresh_failed(self, error: BaseException) -> None:
        log.error("updating the forecasts failed: %s", type(error).__name__)
        self._refreshing = False
        self.progress.setVisible(False)
        self.status.setText(self.tr("The forecasts could not be brought up to date: the "
                                    "list shows the last ones kept. It will try again at "
                                    "the next change."))

    def _records_changed(self, changed: RecordsChanged) -> None:
        types = changed.types()
        if types & _REFRESH_TYPES:
            self.refresh(doses_only="Patient" not in types)

    def _check_day(self) -> None:
        if self._clock.today() != self._today and not self._locked:
            self.reload()

    # --- filters -------------------------------------------------------------------
    def _fill_groups(self, groups: list[str]) -> None:
        current = self.group_box.currentData() or ""
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("All vaccines"), "")
        for group in groups:
            self.group_box.addItem(group, group)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(current)))
        self.group_box.blockSignals(False)

    def _fill_gps(self, gps: list[str]) -> None:
        current = self.gp_box.currentData() or ""
        self.gp_box.blockSignals(True)
        self.gp_box.clear()
        self.gp_box.addItem(self.tr("All treating GPs"), "")
        for gp in gps:
            self.gp_box.addItem(gp, gp)
        self.gp_box.setCurrentIndex(max(0, self.gp_box.findData(current)))
        self.gp_box.blockSignals(False)

    def filters(self) -> Filters:
        me = self._context.practitioner.family_name if self.mine_box.isChecked() else ""
        return Filters(window=str(self.window_box.currentData()),
                       until=_pydate(self.until.date()),
                       group=str(self.group_box.currentData() or ""),
                       age_band=str(self.band_box.currentData() or ""),
                       treating_gp=str(self.gp_box.currentData() or ""),
                       obligation=str(self.obligation_box.currentData() or ""), mine=me)

    def apply_filters(self, *_args: object) -> None:
        if self._page is None:
            return
        table = self._page.table
        chosen = self.filters()
        rows = table.select(chosen)
        self.model.set_rows(table, rows)
        # Counts per group over every vaccine (the group filter aside), the others kept.
        everyone = rows if not chosen.group else table.select(
            Filters(**{**chosen.__dict__, "group": ""}))
        self._show_counts(table.counts(everyone))
        self._update_buttons()

    def group_counts(self) -> dict[str, tuple[int, int]]:
        """(due, overdue) per vaccine group, as shown at the top."""
        assert self._page is not None
        table = self._page.table
        return table.counts(table.select(Filters(**{**self.filters().__dict__, "group": ""})))

    def _show_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        if not counts:
            self.counts.setText(self.tr("Nobody is due for a vaccine in this window."))
            return
        parts = []
        for group, (due, late) in counts.items():
            words = []
            if late:
                words.append(f"<span style='color:{RED.name()}'>"
                             + self.tr("%n overdue", "", late) + "</span>")
            if due:
                words.append(f"<span style='color:{BLUE.name()}'>"
                             + self.tr("%n due", "", due) + "</span>")
            item = f"<b>{group}</b> {' · '.join(words)}".replace(" ", "&nbsp;")
            # No break inside one group's counts: lines wrap between groups only.
            parts.append(item.replace("<span&nbsp;", "<span ").replace("<b>", (
                f"<a href='{group}' style='text-decoration:none;color:black'><b>"))
                .replace("</b>", "</b></a>"))
        self.counts.setText(" &nbsp; ".join(parts))

    def _pick_group(self, group: str) -> None:
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(group)))

    # --- actions -------------------------------------------------------------------
    def selected_rows(self) -> list[DueRow]:
        picked = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in picked) if r is not None]

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _update_buttons(self, *_args: object) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for button in (self.open_button, self.recall_button, self.letter_button):
            button.setEnabled(has)
        shown = self.model.rowCount() > 0
        self.list_button.setEnabled(shown)
        self.csv_button.setEnabled(shown)

    def open_selected_file(self) -> None:
        rows = self.selected_rows()
        if rows:
            self._context.open_patient(rows[0].patient.id)

    def ask_recall(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        patients = due_list.patients_of(rows)
        group = self.filters().group
        dialog = RecallDialog(len(patients), self._clock.today(), self)
        self.recall_dialog = dialog

        def done(result: int) -> None:
            self.recall_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.record_recall(patients, group, *dialog.values())
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def record_recall(self, patient_ids: list[str], group: str, method: str, on: date,
                      retry_on: date | None) -> None:
        today = self._clock.today()
        rpps = self._context.practitioner.rpps

        def saved(count: int) -> None:
            self.status.setText(self.tr("%n patient(s) marked as recalled.", "", count))
            self.recalled.emit(count)
            self.reload(then_refresh=False)

        def refused(error: BaseException) -> None:
            if isinstance(error, service.InvalidRecall):
                self.status.setText(" ".join(page_texts.label("recall_problem", p)
                                             for p in error.problems))
            else:
                log.error("saving a recall failed: %s", type(error).__name__)
                self.status.setText(self.tr("The recall could not be saved. Try again."))

        self._runner.run(lambda db: service.record_recalls(
            db, patient_ids, group, method, on, retry_on, today, rpps), saved, refused,
            owner=self)

    def _ask_path(self, title: str, name: str, kind: str) -> Path | None:
        # The suggested name holds the date only: never a patient's name.
        path, _chosen = QFileDialog.getSaveFileName(self, title, name, kind)
        return Path(path) if path else None

    def export_csv(self) -> None:
        if self.model.rowCount() == 0:
            return
        path = self._ask_path(self.tr("Export the due list"),
                              f"vaccinations-a-faire-{self._today.isoformat()}.csv",
                              self.tr("CSV files (*.csv)"))
        if path is None:
            return
        words = page_texts.labels("state")
        rows = self.model.rows()
        self._runner.run(lambda db: service.export_csv(db, rows, words),
                         lambda data: self._write(path, data), self._write_failed, owner=self)

    def save_letters(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        path = self._ask_path(self.tr("Save the recall letters"),
                              f"lettres-rappel-vaccination-{self._today.isoformat()}.pdf",
                              self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        ids = due_list.patients_of(rows)
        me = self._context.practitioner
        today = self._today

        def read(db: Any) -> dict[str, tuple]:
            addresses = service.postal_addresses(db, ids)
            service.audit_export(db, ids)
            return addresses

        # Addresses on the DB worker, the PDF off it (a long list takes a while).
        self._runner.run(read, lambda addresses: self._build(
            lambda: letters.recall_letters(rows, addresses, me, today), path),
            self._write_failed, owner=self)

    def save_list_pdf(self) -> None:
        if self.model.rowCount() == 0:
            return
        path = self._ask_path(self.tr("Save the due list"),
                              f"liste-vaccinations-{self._today.isoformat()}.pdf",
                              self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        me = self._context.practitioner
        today = self._today
        title = self.window_box.currentText()
        rows = self.model.rows()

        words = page_texts.labels("state")
        self._runner.run(lambda db: service.audit_export(db, [r.patient.id for r in rows]),
                         lambda _none: self._build(lambda: letters.due_list_pdf(
                             rows, me, today, title, words), path),
                         self._write_failed, owner=self)

    def _build(self, make: Any, path: Path) -> None:
        """Builds a PDF as a background task, then writes it where the user chose."""
        self._tasks.start(lambda _control: make(), lambda data: self._write(path, data),
                          self._write_failed, owner=self)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError:
            self._write_failed(OSError())
            return
        self.status.setText(self.tr("Saved: %1").replace("%1", path.name))
        self.exported.emit(str(path))

    def _write_failed(self, error: BaseException) -> None:
        log.error("saving a file of the due list failed: %s", type(error).__name__)
        self.status.setText(self.tr("The file could not be saved. Check the folder can be "
                                    "written to, then try again."))

    def on_lock(self) -> None:
        self._locked = True
        self._page = None
        self.model.set_rows(None)
        self.counts.setText("")
        if self.recall_dialog is not None:
            self.recall_dialog.reject()  # it names how many, not who: nothing is lost

    def on_unlock(self) -> None:
        self._locked = False
        self.reload()


def _scrolled(view: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(view)
    area.setFocusProxy(view)
    return area


class VaccinationsPage(QWidget):
    """Navigation page: due list, coverage, flu and COVID season, adverse events."""

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from tsn_desktop.vaccination.ui.adverse_view import AdverseEventsView
        from tsn_desktop.vaccination.ui.campaign_view import CampaignView
        from tsn_desktop.vaccination.ui.coverage_view import CoverageView

        self.tabs = QTabWidget(self)
        self.due = DueListView(context, self.tabs)
        self.coverage = CoverageView(context, self.tabs)
        self.campaign = CampaignView(context, self.tabs)
        self.adverse = AdverseEventsView(context, self.tabs)
        # Each part scrolls when the window is smaller than it (a laptop at 150 %): the
        # window's own minimum stays the shell's, whatever this page holds.
        for view, title in ((self.due, self.tr("&Due list")),
                            (self.coverage, self.tr("C&overage")),
                            (self.campaign, self.tr("&Flu and COVID season")),
                            (self.adverse, self.tr("&Adverse events"))):
            self.tabs.addTab(_scrolled(view, self.tabs), title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.tabBar().setAccessibleName(self.tr("Parts of the Vaccinations page"))
        self.setFocusProxy(self.tabs)

    def on_lock(self) -> None:
        for view in (self.due, self.coverage, self.campaign, self.adverse):
            view.on_lock()

    def on_unlock(self) -> None:
        for view in (self.due, self.coverage, self.campaign, self.adverse):
            view.on_unlock()
