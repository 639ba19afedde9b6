"""The patient register page: search as you type, the result list, and the open patient file.

Every query goes through the DB runner; a result that arrives after a newer query was
sent is dropped (generation counter), so the list always matches the search field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner, RecordsChanged
from tsn_desktop.patients import service
from tsn_desktop.patients.model import Patient, parse_birth_date
from tsn_desktop.patients.ui import file_header, texts
from tsn_desktop.patients.ui.editor import PatientEditorDialog
from tsn_desktop.patients.ui.patient_file import PatientFileView
from tsn_desktop.patients.ui.table_model import Column, PatientTableModel
from tsn_desktop.ui.forms import open_window_modal, raise_if_open

log = logging.getLogger(__name__)

SEARCH_LIMIT = 200  # rows per page; the next page comes as the list is scrolled
SEARCH_DELAY_MS = 150


class PatientsPage(QWidget):
    """The "Patients" page of the main window."""

    search_finished = Signal()  # the list now shows the results of the latest query
    patient_opened = Signal(object)  # Patient, after the audited read
    patient_saved = Signal(object)  # Patient, as stored by the editor

    def __init__(self, runner: DbRunner, clock: Clock, parent: QWidget | None = None, *,
                 patient_tabs: Callable[[], Sequence[QWidget]] = tuple) -> None:
        """`patient_tabs` builds the features' tabs of the patient file (Feature seam)."""
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._generation = 0
        self.editor: PatientEditorDialog | None = None
        self._reopen_after_unlock: str | None = None
        self._last_query = ""
        self.setObjectName("PatientsPage")

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)

        self._build_register()
        self.file_view = PatientFileView(self, tabs=patient_tabs())
        self.file_view.back_requested.connect(self.leave_file)
        self.file_view.edit_requested.connect(self._edit_patient)
        header = self.file_view.header
        header.archive_requested.connect(self._set_archived)
        header.deceased_requested.connect(self._set_deceased)
        header.merge_requested.connect(self._merge_with)
        header.open_requested.connect(self.open_patient)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.register)
        self.stack.addWidget(self.file_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._build_actions()
        self.setFocusProxy(self.search)
        # A patient saved elsewhere (a colleague's, pulled from the hub) refreshes the list.
        runner.records_changed.connect(self._records_changed)
        self.refresh()

    # --- construction -------------------------------------------------------------------
    def _build_register(self) -> None:
        self.register = QWidget(self)
        title = QLabel(self.tr("Patients"), self.register)
        title.setObjectName("pageTitle")

        self.search = QLineEdit(self.register)
        self.search.setPlaceholderText(self.tr("Name, date of birth (dd/mm/yyyy) or INS"))
        self.search.setAccessibleName(self.tr("Search patients"))
        self.search.setAccessibleDescription(self.tr(
            "Type a name, a date of birth (19/11/1978, 19/11/78, 19111978), a year or an "
            "INS number. Down arrow goes to the list, Enter opens the selected patient."))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Search (Ctrl+F)"))
        self.search.textChanged.connect(self._search_edited)
        self.search.installEventFilter(self)
        search_label = QLabel(self.tr("&Search:"), self.register)
        search_label.setBuddy(self.search)
        # Archived, deceased and merged patients leave the default list, not the register.
        self.scope_combo = QComboBox(self.register)
        self.scope_combo.addItem(self.tr("Active patients"), service.ACTIVE)
        self.scope_combo.addItem(self.tr("Archived, deceased or merged"), service.INACTIVE)
        self.scope_combo.addItem(self.tr("All patients"), service.ALL)
        self.scope_combo.setAccessibleName(self.tr("Which patients to list"))
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        scope_label = QLabel(self.tr("Sho&w:"), self.register)
        scope_label.setBuddy(self.scope_combo)

        self.new_button = QPushButton(self.tr("&New patient"), self.register)
        self.new_button.setAccessibleName(self.tr("New patient"))
        self.new_button.setToolTip(self.tr("Create a patient (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_patient)
        self.open_button = QPushButton(self.tr("&Open"), self.register)
        self.open_button.setAccessibleName(self.tr("Open the selected patient"))
        self.open_button.setToolTip(self.tr("Open the selected patient (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button = QPushButton(self.tr("&Edit"), self.register)
        self.edit_button.setAccessibleName(self.tr("Edit the selected patient"))
        self.edit_button.setToolTip(self.tr("Edit the selected patient (F2)"))
        self.edit_button.clicked.connect(self.edit_selected)

        self.model = PatientTableModel(self._clock.today(), self)
        self.model.more_wanted.connect(self._fetch_more)
        self.table = QTableView(self.register)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Patients found"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self._size_columns()
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.count_label = QLabel(self.register)
        self.count_label.setAccessibleName(self.tr("Number of patients"))
        # A problem that concerns the page (a file that could not be opened...).
        self.message_label = QLabel(self.register)
        self.message_label.setObjectName("problem")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setVisible(False)
        self.capped_label = QLabel(self.register)
        self.capped_label.setObjectName("hint")
        self.capped_label.setVisible(False)

        # Shown instead of the list when there is nothing to list.
        self.empty = QWidget(self.register)
        self.empty_label = QLabel(self.empty)
        self.empty_label.setObjectName("placeholderText")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.first_patient_button = QPushButton(self.tr("Create the &first patient"), self.empty)
        self.first_patient_button.setAccessibleName(self.tr("Create the first patient"))
        self.first_patient_button.clicked.connect(self.new_patient)
        # After a search that found no one: the form, filled with what was typed.
        self.create_typed_button = QPushButton(self.tr("&Create this patient"), self.empty)
        self.create_typed_button.setAccessibleName(self.tr("Create this patient"))
        self.create_typed_button.clicked.connect(self.create_from_search)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.first_patient_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addWidget(self.create_typed_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.results = QStackedWidget(self.register)
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty)

        # The list's scope sits on the title's line: the search row stays narrow enough for
        # a laptop at 150 % (the window must fit 910 points).
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(scope_label)
        heading.addWidget(self.scope_combo)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addWidget(self.edit_button)
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addStretch(1)
        status.addWidget(self.capped_label)
        layout = QVBoxLayout(self.register)
        layout.addLayout(heading)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(self.results, 1)
        layout.addLayout(status)

        for first, second in ((self.search, self.scope_combo),
                              (self.scope_combo, self.new_button),
                              (self.new_button, self.open_button),
                              (self.open_button, self.edit_button),
                              (self.edit_button, self.table)):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    def _size_columns(self) -> None:
        """Fixed-shape columns get the width of their content; the names share what is
        left but never shrink below a readable name (a narrow laptop screen scrolls the
        list sideways rather than showing "B…" for BARRÉ)."""
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        self._name_floors = {Column.NAME: metrics.horizontalAdvance("FERNANDEZ (née DUPONT)"),
                             Column.GIVEN_NAMES: metrics.horizontalAdvance("Marie-Hélène")}
        self.table.viewport().installEventFilter(self)
        samples = {
            Column.SEX: self.model.headerData(Column.SEX, Qt.Orientation.Horizontal),
            Column.BIRTH_DATE: texts.date_with_age(date(2000, 1, 1), date(2001, 12, 31)),
            Column.INS: "0 00 00 00 000 000 00",
            Column.STATUS: texts.identity_status_short("RECUP"),
            # Typical, not longest: the tooltip shows a longer one whole.
            Column.CITY: "Vaulx-en-Velin",
            Column.TREATING_GP: "Dr Thierry Esposito",
        }
        for column, sample in samples.items():
            width = max(metrics.horizontalAdvance(str(sample)),
                        metrics.horizontalAdvance(str(self.model.headerData(
                            column, Qt.Orientation.Horizontal))))
            self.table.setColumnWidth(column, width + 20)  # cell padding and sort arrow
        self._share_name_width()

    def _share_name_width(self) -> None:
        fixed = sum(self.table.columnWidth(c) for c in range(self.model.columnCount())
                    if c not in self._name_floors)
        free = self.table.viewport().width() - fixed
        for column, floor in self._name_floors.items():
            self.table.setColumnWidth(column, max(floor + 20, free // 2))

    def _build_actions(self) -> None:
        """The page's commands, with their keys: the main window puts them in the
        "Patients" menu, window-wide, enabled while this page is shown (a page on its own,
        in tests, keeps them on itself)."""
        def action(text: str, shortcuts: list[QKeySequence], slot: Any,
                   owner: QWidget) -> QAction:
            act = QAction(text, owner)
            act.setShortcuts(shortcuts)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            owner.addAction(act)
            return act

        self.find_action = action(self.tr("&Find a patient"),
                                  [QKeySequence(QKeySequence.StandardKey.Find)],
                                  self.focus_search, self)
        self.new_action = action(self.tr("&New patient…"),
                                 [QKeySequence(QKeySequence.StandardKey.New)],
                                 self.new_patient, self)
        self.edit_action = action(self.tr("&Edit the patient…"), [QKeySequence(Qt.Key.Key_F2)],
                                  self._edit_current, self)
        self.back_action = action(self.tr("&Back to the list"),
                                  [QKeySequence(Qt.Key.Key_Escape)], self.leave_file, self)
        # Enter on the list opens the patient (an item view alone would not, on macOS).
        self.open_action = action("", [QKeySequence(Qt.Key.Key_Return),
                                       QKeySequence(Qt.Key.Key_Enter)],
                                  self.open_selected, self.table)

    def menu_actions(self) -> list[QAction]:
        """For the main window's menu (see MainWindow: page menus)."""
        return [self.find_action, self.new_action, self.edit_action, self.back_action]

    # --- searching ----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.show_register()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_edited(self) -> None:
        self.message_label.setVisible(False)
        self._search_timer.start()

    def scope(self) -> str:
        data = self.scope_combo.currentData()
        return data if isinstance(data, str) else service.ACTIVE

    def refresh(self) -> None:
        """Runs the current query now (the field's edits call it after a short pause)."""
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        query = self.search.text().strip()
        scope = self.scope()

        def job(db: Database) -> tuple[service.SearchPage, int]:
            # The register's own count too: it tells "no match" from "nobody yet".
            return service.search_page(db, query, SEARCH_LIMIT, 0, scope), service.count(
                db, service.ALL)

        self._runner.run(
            job,
            lambda result: self._show_results(generation, query, *result),
            lambda error: self._search_failed(generation, error), owner=self)

    def _fetch_more(self, offset: int) -> None:
        """The list was scrolled to its end: the next page of the same query."""
        generation = self._generation
        query = self.search.text().strip()
        scope = self.scope()
        self._runner.run(
            lambda db: service.search_page(db, query, SEARCH_LIMIT, offset, scope),
            lambda page: self._append_results(generation, page),
            lambda error: self._search_failed(generation, error), owner=self)

    def _append_results(self, generation: int, page: service.SearchPage) -> None:
        if generation != self._generation:
            return
        self.model.append_patients(page.patients, page.total)
        self._show_count(page.total)

    def _show_count(self, total: int) -> None:
        loaded = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln patient(s)", "in the list", total))
        # The list loads page by page as it scrolls; say so while not all are loaded.
        self.capped_label.setText(self.tr("%Ln shown — scroll down for the next ones", "",
                                          loaded))
        self.capped_label.setVisible(loaded < total)

    def _show_results(self, generation: int, query: str, page: service.SearchPage,
                      register_total: int) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        selected = self.selected_patient()
        patients = page.patients
        self.model.set_patients(patients, self._clock.today(), total=page.total)
        self._show_count(page.total)
        self._last_query = query
        if not patients:
            creatable = bool(query) and self.scope() == service.ACTIVE
            if register_total == 0:
                self.empty_label.setText(self.tr(
                    "No patient in the register yet. Create the first one with "
                    "“New patient” (Ctrl+N)."))
            elif not query:
                self.empty_label.setText(self.tr("No patient in this list."))
            else:
                self.empty_label.setText(self.tr(
                    "No patient matches “%1”. Check the spelling, or search by date of "
                    "birth (dd/mm/yyyy) or INS number.").replace("%1", query))
            self.first_patient_button.setVisible(register_total == 0 and not query)
            self.create_typed_button.setVisible(creatable)
            self.results.setCurrentWidget(self.empty)
        else:
            self.results.setCurrentWidget(self.table)
            row = self.model.row_of(selected.id) if selected is not None else -1
            self._select_row(max(row, 0))
        self._update_buttons()
        self.search_finished.emit()

    def create_from_search(self) -> None:
        """Opens the new-patient form with what the search had: names, a birth date."""
        self._open_editor(None, prefill_from_search(self._last_query, self._clock.today()))

    def _search_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        log.error("patient search failed: %s", type(error).__name__)
        self.model.set_patients([])
        self.empty_label.setText(self.tr(
            "The search could not be run. Type again to retry; if it keeps failing, "
            "restart TSN Desktop."))
        self.first_patient_button.setVisible(False)
        self.create_typed_button.setVisible(False)
        self.results.setCurrentWidget(self.empty)
        self._update_buttons()
        self.search_finished.emit()

    def _records_changed(self, changed: RecordsChanged) -> None:
        if service.RESOURCE in changed.types() and not self._search_timer.isActive():
            self._search_timer.start()  # the same short pause as typing: bursts coalesce

    # --- selection and opening ----------------------------------------------------------
    def selected_patient(self) -> Patient | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.patient(rows[0].row()) if rows else None

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        has_selection = self.selected_patient() is not None
        self.open_button.setEnabled(has_selection)
        self.edit_button.setEnabled(has_selection)

    def open_selected(self) -> None:
        patient = self.selected_patient()
        if patient is not None:
            self.open_patient(patient.id)

    def open_patient(self, patient_id: str) -> None:
        """Reads the file (an audited read) and shows it."""
        self._runner.run(lambda db: service.open_file(db, patient_id),
                         self._show_file, self._open_failed, owner=self)

    def _show_file(self, patient: Patient) -> None:
        self.file_view.show_patient(patient, self._clock.today())
        self.stack.setCurrentWidget(self.file_view)
        self.file_view.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        self.patient_opened.emit(patient)
        if not patient.replaced_by:
            patient_id = patient.id
            self._runner.run(lambda db: service.likely_duplicates(db, patient),
                             lambda found: self._show_duplicates(patient_id,
                                                                             found),
                             lambda _error: None, owner=self)

    def _show_duplicates(self, patient_id: str, found: list[Patient]) -> None:
        current = self.file_view.patient()
        if current is not None and current.id == patient_id:
            self.file_view.header.show_duplicates(found)

    # --- the life of a record: archive, death, merge ----------------------------------------
    def _set_archived(self, archive: bool) -> None:
        patient = self.file_view.patient()
        if patient is None:
            return
        action = service.archive if archive else service.unarchive
        self._change_record(lambda db: action(db, patient))

    def _set_deceased(self, deceased: bool) -> None:
        patient = self.file_view.patient()
        if patient is None:
            return
        if not deceased:
            self._change_record(lambda db: service.unmark_deceased(db, patient))
            return
        day = file_header.ask_death_date(self, patient, self._clock.today())
        if day is not None:
            self._change_record(lambda db: service.mark_deceased(db, patient, day))

    def _merge_with(self, other_id: str) -> None:
        patient = self.file_view.patient()
        other = self.file_view.header.duplicate()
        if patient is None or other is None or other.id != other_id:
            return
        choice = file_header.ask_merge(self, patient, other)
        if choice is None:
            return
        kept, merged = choice
        self._change_record(lambda db: service.merge(db, kept, merged).kept)

    def _change_record(self, job: Any) -> None:
        """Runs a state change of the open file, then shows the file and list anew."""
        def done(patient: Patient) -> None:
            self.patient_saved.emit(patient)
            self.refresh()
            self.open_patient(patient.id)

        self._runner.run(job, done, self._change_failed, owner=self)

    def _change_failed(self, error: BaseException) -> None:
        if isinstance(error, service.StaleRecord):
            text = self.tr("This file was changed elsewhere meanwhile: it has been reloaded. "
                           "Check it, then try again.")
            patient = self.file_view.patient()
            if patient is not None:
                self.open_patient(patient.id)
        elif isinstance(error, service.CannotMerge) and error.code == "different_ins":
            text = self.tr("These two files have different INS numbers: they are two "
                           "different people and cannot be merged. Check both identities "
                           "on the INSi teleservice.")
        elif isinstance(error, service.CannotMerge):
            text = self.tr("These files cannot be merged: one of them was already merged.")
        elif isinstance(error, service.InvalidPatient):
            text = " ".join(texts.problem_text(p.field, p.code) for p in error.problems)
        else:
            log.error("changing a patient file failed: %s", type(error).__name__)
            text = self.tr("The change could not be saved. Try again; if it keeps failing, "
                           "restart TSN Desktop.")
        self.file_view.header.show_message(text)

    def _open_failed(self, error: BaseException) -> None:
        if isinstance(error, LookupError):
            message = self.tr("This patient is no longer in the register (deleted "
                              "elsewhere). The list has been refreshed.")
        else:
            log.error("opening a patient failed: %s", type(error).__name__)
            message = self.tr("The patient file could not be opened. Try again; if it keeps "
                              "failing, restart TSN Desktop.")
        self.show_register()
        self.message_label.setText(message)
        self.message_label.setVisible(True)
        self.refresh()

    def leave_file(self) -> None:
        """Back to the list, the way the user asks (button, Esc): a feature tab holding
        unsaved typing asks first (the session lock never asks: it keeps the form)."""
        if self.stack.currentWidget() is self.file_view and not self.file_view.may_leave():
            return
        self.show_register()

    def show_register(self) -> None:
        self.stack.setCurrentWidget(self.register)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- creating and editing -----------------------------------------------------------
    def new_patient(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        patient = self.selected_patient()
        if patient is not None:
            # Edit the current version, read (and audited) now, not the list's copy.
            patient_id = patient.id
            self._runner.run(lambda db: service.open_file(db, patient_id),
                             self._edit_patient, self._open_failed, owner=self)

    def _edit_current(self) -> None:
        if self.stack.currentWidget() is self.file_view:
            self.file_view.request_edit()
        else:
            self.edit_selected()

    def _edit_patient(self, patient: Patient) -> None:
        self._open_editor(patient)

    def _open_editor(self, patient: Patient | None,
                     prefill: dict[str, str] | None = None) -> None:
        if raise_if_open(self.editor):
            return
        editor = PatientEditorDialog(self._runner, self._clock, patient, self, prefill=prefill)
        editor.saved.connect(self._saved)
        editor.open_existing_requested.connect(self.open_patient)
        self.editor = editor
        open_window_modal(editor, self._editor_gone)

    def _editor_gone(self) -> None:
        self.editor = None

    def _saved(self, patient: Patient) -> None:
        self.patient_saved.emit(patient)
        self.refresh()
        self.open_patient(patient.id)

    # --- session lock (hooks called by app.py) -------------------------------------------
    def on_lock(self) -> None:
        """Drops the patient data this page holds; the search text and any open form stay."""
        self._search_timer.stop()
        self._generation += 1  # a result on its way is for a locked screen: drop it
        self._reopen_after_unlock = (self.file_view.patient().id
                                     if self.stack.currentWidget() is self.file_view
                                     and self.file_view.patient() is not None else None)
        self.model.set_patients([])
        self.file_view.clear()
        self.show_register()

    def on_unlock(self) -> None:
        self.refresh()
        if self._reopen_after_unlock:
            self.open_patient(self._reopen_after_unlock)
        self._reopen_after_unlock = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The search field has the focus whenever the page comes up."""
        super().showEvent(event)
        if self.stack.currentWidget() is self.register:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- helpers ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._share_name_width()
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount() > 0:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.selected_patient() is None:
                    self._select_row(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    # Enter typed right after the name: search first, then open the match.
                    self.refresh()
                    self.search_finished.connect(self._open_after_search,
                                                 Qt.ConnectionType.SingleShotConnection)
                else:
                    self.open_selected()
                return True
        return super().eventFilter(watched, event)

    def _open_after_search(self) -> None:
        self.open_selected()


def prefill_from_search(query: str, today: date) -> dict[str, str]:
    """What a failed search typed, as form fields: a birth date (any typed form), then
    the first word as the birth name and the others as given names."""
    values: dict[str, str] = {}
    words: list[str] = []
    for term in query.split():
        day = parse_birth_date(term, today)
        if day is not None and "birth_date" not in values:
            values["birth_date"] = texts.format_date(day)
        elif not any(c.isdigit() for c in term):
            words.append(term)
    if words:
        values["birth_name"] = words[0]
    if len(words) > 1:
        values["given_names"] = " ".join(words[1:])
    return values
