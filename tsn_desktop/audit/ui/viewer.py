"""The audit screens: the practice-wide log (a dialog) and a patient's access history (a
tab of the patient file). Filters, a paged table, and CSV export on request."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.audit import service
from tsn_desktop.audit.model import AuditFilter
from tsn_desktop.audit.ui import texts
from tsn_desktop.audit.ui.table_model import AuditTableModel
from tsn_desktop.core.audit import ACTIONS
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.ui.forms import row_table
from tsn_desktop.ui.typing_pause import after_typing

log = logging.getLogger(__name__)
_NO_DATE = QDate(2000, 1, 1)
_ACTION_ORDER = ("read", "create", "update", "delete", "export", "unlock", "lock", "sign-in",
                 "sign-in-refused")


def ask_export_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to write the CSV, asked each time (tests replace this function)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("AuditView", "Export the audit log"), suggested,
        QCoreApplication.translate("AuditView", "CSV files (*.csv)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")


class AuditFilterBar(QWidget):
    """Practitioner, action, first and last day (Paris), and optionally a patient search."""

    changed = Signal()

    def __init__(self, with_patient: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        column = 0
        self.patient_edit: QLineEdit | None = None
        if with_patient:
            self.patient_edit = QLineEdit(self)
            self.patient_edit.setObjectName("patient_filter")
            self.patient_edit.setAccessibleName(self.tr("Patient"))
            self.patient_edit.setPlaceholderText(self.tr("Name or date of birth"))
            self.patient_edit.setClearButtonEnabled(True)
            column = self._add(grid, column, self.tr("&Patient:"), self.patient_edit)
            self._typing = after_typing(self, self.patient_edit.textChanged, 300, self.changed)
            self.patient_edit.returnPressed.connect(self._apply_now)
        self.actor_combo = QComboBox(self)
        self.actor_combo.setObjectName("actor_filter")
        self.actor_combo.setAccessibleName(self.tr("Practitioner"))
        self.actor_combo.addItem(self.tr("Everyone"), None)
        column = self._add(grid, column, self.tr("P&ractitioner:"), self.actor_combo)
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("action_filter")
        self.action_combo.setAccessibleName(self.tr("Action"))
        self.action_combo.addItem(self.tr("All actions"), None)
        for code in _ACTION_ORDER:
            if code in ACTIONS:
                self.action_combo.addItem(texts.action_label(code), code)
        column = self._add(grid, column, self.tr("&Action:"), self.action_combo)
        self.since_edit = self._date_edit("since_filter", self.tr("From"))
        column = self._add(grid, column, self.tr("&From:"), self.since_edit)
        self.until_edit = self._date_edit("until_filter", self.tr("Until"))
        column = self._add(grid, column, self.tr("&Until:"), self.until_edit)
        grid.setColumnStretch(column, 1)
        self.actor_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.action_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.since_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.until_edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _add(self, grid: QGridLayout, column: int, caption: str, field: QWidget) -> int:
        label = QLabel(caption, self)
        label.setBuddy(field)
        grid.addWidget(label, 0, column)
        grid.addWidget(field, 1, column)
        return column + 1

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(_NO_DATE)
        # The lowest date reads "any": no bound on that side.
        edit.setSpecialValueText(self.tr("Any date"))
        edit.setDate(_NO_DATE)
        return edit

    def _apply_now(self) -> None:
        if self.patient_edit is not None:
            self._typing.stop()
        self.changed.emit()

    def set_actors(self, actors: list[tuple[str, str]], own_rpps: str | None) -> None:
        """Keeps the current choice when it is still in the list."""
        current = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItem(self.tr("Everyone"), None)
        for actor, name in actors:
            if actor.isdigit():
                label = f"{name} ({actor})" if name else actor
                if actor == own_rpps:
                    label = self.tr("%1, you").replace("%1", label)
                self.actor_combo.addItem(label, actor)
        index = self.actor_combo.findData(current)
        self.actor_combo.setCurrentIndex(max(index, 0))
        self.actor_combo.blockSignals(False)

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == _NO_DATE else date(value.year(), value.month(), value.day())

    def criteria(self) -> AuditFilter:
        """Raises ValueError when the first day is after the last."""
        return AuditFilter(actor=self.actor_combo.currentData(),
                           action=self.action_combo.currentData(),
                           since=self._day(self.since_edit), until=self._day(self.until_edit))

    def patient_text(self) -> str:
        return self.patient_edit.text().strip() if self.patient_edit is not None else ""


class AuditView(QWidget):
    """Filters over a paged table, a line saying how many, and "Export to CSV"."""

    def __init__(self, runner: DbRunner | None, with_patient: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient_id: str | None = None
        self._practice_wide = with_patient
        self._exporting = False
        self.filters = AuditFilterBar(with_patient, self)
        self.model = AuditTableModel(runner, self)
        self.table = row_table(self, self.model, self.tr("Audit log"))
        self.table.setObjectName("audit_table")
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((AuditTableModel.WHEN, 170), (AuditTableModel.WHO, 330),
                              (AuditTableModel.WHAT, 130), (AuditTableModel.PATIENT, 200),
                              (AuditTableModel.RECORD, 160)):
            header.resizeSection(column, width)
        self.table.setColumnHidden(AuditTableModel.PATIENT, not with_patient)
        self.status = QLabel(self)
        self.status.setObjectName("audit_status")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Audit log status"))
        self.export_button = QPushButton(self.tr("&Export to CSV…"), self)
        self.export_button.setObjectName("export")
        self.export_button.setAccessibleName(self.tr("Export the lines shown to a CSV file"))
        self.export_button.setToolTip(self.tr(
            "Writes the lines matching the filters to a file you choose (Ctrl+E). "
            "The export is itself written in the audit log."))
        self.export_button.clicked.connect(self.export)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.filters.changed.connect(self.refresh)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)

    def set_patient(self, patient_id: str | None) -> None:
        self._patient_id = patient_id

    def refresh(self) -> None:
        if self._runner is None:
            self.status.setText(self.tr("The audit log cannot be read right now."))
            return
        if not self._practice_wide and self._patient_id is None:
            self.model.clear()
            self.status.clear()
            return
        try:
            criteria = self.filters.criteria()
        except ValueError:
            self.status.setText(self.tr("The first day is after the last day: change one "
                                        "of the two dates."))
            return
        patient_id, text = self._patient_id, self.filters.patient_text()

        def make(db: Database) -> AuditFilter:
            if patient_id is not None:
                return service.for_patient(db, patient_id, criteria)
            if text:
                return AuditFilter(patient_ids=service.patients_matching(db, text),
                                   actor=criteria.actor, action=criteria.action,
                                   since=criteria.since, until=criteria.until)
            return criteria

        self.status.setText(self.tr("Reading the audit log…"))
        self.model.set_query(make)
        self._runner.run(service.actors, self._actors_arrived,
                         lambda _exc: None, owner=self)

    def clear(self) -> None:
        self._patient_id = None
        self.model.clear()
        self.status.clear()
        self.filters.set_actors([], None)

    def _actors_arrived(self, actors: list[tuple[str, str]]) -> None:
        self.filters.set_actors(actors, self.model.own_rpps)

    def _loaded(self, shown: int, total: int) -> None:
        if total == 0:
            self.status.setText(self.tr("No line matches these filters."))
        elif shown < total:
            self.status.setText(self.tr("%1 of %n line(s) shown; scroll down for more.", "",
                                        total).replace("%1", str(shown)))
        else:
            self.status.setText(self.tr("%n line(s).", "", total))

    def _failed(self, _exc: BaseException) -> None:
        self.status.setText(self.tr("The audit log could not be read. Try again; if it "
                                    "keeps failing, restart TSN Desktop."))

    # --- export ------------------------------------------------------------------------------
    def export(self) -> None:
        flt = self.model.current_filter()
        if self._runner is None or flt is None or self._exporting:
            return
        suggested = "journal-acces.csv" if self._patient_id else "journal-audit.csv"
        path = ask_export_path(self, suggested)
        if path is None:
            return  # nothing written, nothing audited
        self._exporting = True
        self.export_button.setEnabled(False)
        headers, row = texts.csv_headers(), service.default_row(texts.csv_labels())
        self._runner.run(lambda db: service.export_csv(db, flt, path, headers, row),
                         lambda n: self._exported(path, n),
                         self._export_failed, owner=self)


    def _exported(self, path: Path, lines: int) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("%n line(s) exported to %1.", "", lines).replace(
            "%1", path.name))
        self.model.reload()  # the export is in the log now

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.export_button.setEnabled(True)
        log.error("audit export failed: %s", type(exc).__name__)
        self.status.setText(self.tr("The file could not be written (folder missing, "
                                    "read-only or full). Choose another folder and export "
                                    "again."))


class AuditLogDialog(QDialog):
    """The whole practice's audit log: who opened or changed which file, when."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AuditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        intro = QLabel(self.tr(
            "Who opened or changed a patient's file, and when (Paris time): on this "
            "computer, and by colleagues who share the file through the hub."), self)
        intro.setWordWrap(True)
        self.view = AuditView(runner, with_patient=True, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1100, 600)
        self.view.refresh()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)


class PatientAuditTab(QWidget):
    """A tab of the patient file: this patient's access history (PatientTab shape)."""

    def __init__(self, runner: DbRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PatientAuditTab")
        self.view = AuditView(runner, with_patient=False, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def title(self) -> str:
        return self.tr("Access &history")

    def show_patient(self, patient: Any, _today: date) -> None:
        """`patient`: the patients.model.Patient the file shows (its id is enough here)."""
        self.view.set_patient(patient.id)
        self.view.refresh()

    def clear(self) -> None:
        """Session lock: no patient's trail left in the table."""
        self.view.clear()

    def has_unsaved(self) -> bool:
        return False
