"""The adverse events tab: reports across the practice by product and lot, a form to
report an event on a dose, and the declaration summary (PDF) for the regional centre."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
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
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import DbRunner, RecordsChanged
from tsn_desktop.feature import QT_TRANSLATE_NOOP, FeatureContext
from tsn_desktop.patients import service as patients
from tsn_desktop.ui.formatting import date_text
from tsn_desktop.ui.rows_model import RowsMixin
from tsn_desktop.vaccination import adverse_events, letters
from tsn_desktop.vaccination import practice_service as service
from tsn_desktop.vaccination.adverse_events import AdverseEvent, EventLine
from tsn_desktop.vaccination.catalogue import shipped_catalogue
from tsn_desktop.vaccination.model import Dose
from tsn_desktop.vaccination.ui import page_texts
from tsn_desktop.vaccination.ui.page import _date_edit, _pydate, name_buttons

log = logging.getLogger(__name__)
_ModelIndex = QModelIndex | QPersistentModelIndex


class AdverseEventModel(RowsMixin, QAbstractTableModel):
    PRODUCT, LOT, DOSE_DATE, PATIENT, ONSET, SIGNS, SERIOUS, OUTCOME = range(8)
    COLUMN_COUNT = 8
    TITLES_CONTEXT = "AdverseEventModel"
    TITLES = (
        QT_TRANSLATE_NOOP("AdverseEventModel", "Vaccine"),
        QT_TRANSLATE_NOOP("AdverseEventModel", "Lot"),
        QT_TRANSLATE_NOOP("AdverseEventModel", "Given on"),
        QT_TRANSLATE_NOOP("AdverseEventModel", "Patient"),
        QT_TRANSLATE_NOOP("AdverseEventModel", "First sign"),
        QT_TRANSLATE_NOOP("AdverseEventModel", "Signs"),
        QT_TRANSLATE_NOOP("AdverseEventModel", "Serious"),
        QT_TRANSLATE_NOOP("AdverseEventModel", "Outcome"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EventLine] = []

    def set_lines(self, lines: list[EventLine]) -> None:
        self.beginResetModel()
        self._rows = lines
        self.endResetModel()

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: EventLine | None = self.item_at(index)
        if line is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        event = line.event
        column = index.column()
        if column == self.PRODUCT:
            return line.product
        if column == self.LOT:
            return line.lot
        if column == self.DOSE_DATE:
            return date_text(line.dose_date)
        if column == self.PATIENT:
            return line.patient_name
        if column == self.ONSET:
            return date_text(event.onset)
        if column == self.SIGNS:
            signs = [page_texts.label("symptom", s) for s in event.symptoms]
            return ", ".join(signs + ([event.description] if event.description else []))
        if column == self.SERIOUS:
            return ", ".join(page_texts.label("seriousness", c) for c in event.seriousness)
        if column == self.OUTCOME:
            return page_texts.label("outcome", event.outcome)
        return None


class AdverseEventDialog(QDialog):
    """Report an adverse event on one dose: find the patient, pick the dose, describe."""

    saved = Signal(object)  # the AdverseEvent stored

    def __init__(self, runner: DbRunner, today: date, practitioner: Any,
                 parent: QWidget | None = None, *, patient_id: str | None = None,
                 dose_id: str | None = None) -> None:
        """`patient_id` (and `dose_id`): opened from the patient's carnet, on that patient
        (and that dose); else the user finds the patient first."""
        super().__init__(parent)
        self._runner = runner
        self._today = today
        self._practitioner = practitioner
        self._doses: list[Dose] = []
        self._wanted_dose = dose_id
        self.setWindowTitle(self.tr("Report an adverse event following immunisation"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name or date of birth"))
        self.found = QListWidget(self)
        self.found.setMaximumHeight(110)
        self.dose = QComboBox(self)
        self.onset = _date_edit(self, today)
        self.onset.setMaximumDate(self.onset.date())
        self.delay = QSpinBox(self)
        self.delay.setRange(-1, 24 * 365)
        self.delay.setSpecialValueText(self.tr("unknown"))
        self.delay.setValue(-1)
        self.delay.setSuffix(self.tr(" h"))
        self.symptoms = {code: QCheckBox(text, self)
                         for code, text in page_texts.labels("symptom").items()}
        self.description = QPlainTextEdit(self)
        self.description.setPlaceholderText(self.tr("What happened, in your words"))
        self.description.setMaximumHeight(70)
        self.seriousness = {code: QCheckBox(text, self)
                            for code, text in page_texts.labels("seriousness").items()}
        self.outcome = QComboBox(self)
        for code, text in page_texts.labels("outcome").items():
            self.outcome.addItem(text, code)
        self.outcome.setCurrentIndex(self.outcome.findData("unknown"))
        self.care = QPlainTextEdit(self)
        self.care.setPlaceholderText(self.tr("Treatment given, hospital, follow-up"))
        self.care.setMaximumHeight(60)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        signs = QGroupBox(self.tr("Signs"), self)
        grid = QGridLayout(signs)
        for i, box in enumerate(self.symptoms.values()):
            grid.addWidget(box, i // 3, i % 3)
        serious = QGroupBox(self.tr("Seriousness criteria (none: not serious)"), self)
        serious_grid = QGridLayout(serious)
        for i, box in enumerate(self.seriousness.values()):
            serious_grid.addWidget(box, i // 2, i % 2)
        form = QFormLayout()
        form.addRow(self.tr("&Patient:"), self.search)
        form.addRow("", self.found)
        form.addRow(self.tr("&Dose:"), self.dose)
        form.addRow(self.tr("First &sign on:"), self.onset)
        form.addRow(self.tr("Delay after the &injection:"), self.delay)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(signs)
        layout.addWidget(self.description)
        layout.addWidget(serious)
        outcome_form = QFormLayout()
        outcome_form.addRow(self.tr("&Outcome:"), self.outcome)
        outcome_form.addRow(self.tr("&Care given:"), self.care)
        layout.addLayout(outcome_form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.search.setAccessibleName(self.tr("Find the patient"))
        self.found.setAccessibleName(self.tr("Patients found"))
        self.dose.setAccessibleName(self.tr("Dose"))
        self.onset.setAccessibleName(self.tr("First sign on"))
        self.delay.setAccessibleName(self.tr("Delay after the injection, in hours"))
        self.description.setAccessibleName(self.tr("What happened"))
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.care.setAccessibleName(self.tr("Care given"))
        name_buttons(self)
        self.search.textChanged.connect(self._find)
        self.found.currentItemChanged.connect(self._patient_chosen)
        if patient_id is not None:
            # From the carnet the patient is known: no search, the dose list is theirs.
            form.setRowVisible(self.search, False)
            form.setRowVisible(self.found, False)
            self.choose_patient(patient_id)
            self.dose.setFocus(Qt.FocusReason.OtherFocusReason)

    def _find(self, text: str) -> None:
        if len(text.strip()) < 2:
            self.found.clear()
            return
        self._runner.run(lambda db: patients.search(db, text, limit=20),
                                 self._show_found, self._failed, owner=self)

    def _show_found(self, found: list[Any]) -> None:
        self.found.clear()
        for patient in found:
            item = QListWidgetItem(f"{patient.display_name} — {date_text(patient.birth_date)}",
                                   self.found)
            item.setData(Qt.ItemDataRole.UserRole, patient.id)

    def _patient_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.dose.clear()
        self._doses = []
        if item is None:
            return
        patient_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._runner.run(lambda db: service.patient_doses(db, patient_id),
                                 self._show_doses, self._failed, owner=self)

    def choose_patient(self, patient_id: str) -> None:
        """Picks a patient directly (from a list row, or a test)."""
        item = QListWidgetItem(patient_id, self.found)
        item.setData(Qt.ItemDataRole.UserRole, patient_id)
        self.found.setCurrentItem(item)

    def _show_doses(self, doses: list[Dose]) -> None:
        self._doses = sorted(doses, key=lambda d: d.occurrence, reverse=True)
        lot = self.tr("lot")
        catalogue = shipped_catalogue()
        for dose in self._doses:
            vaccine = catalogue.get(dose.product)
            name = f"{vaccine.brand} ({vaccine.covers})" if vaccine else dose.product
            self.dose.addItem(f"{date_text(dose.occurrence)} — {name}"
                              + (f" — {lot} {dose.lot}" if dose.lot else ""), dose.id)
        if self._wanted_dose is not None:
            at = self.dose.findData(self._wanted_dose)
            if at >= 0:
                self.dose.setCurrentIndex(at)

    def is_dirty(self) -> bool:
        """Something was typed or ticked that closing would lose."""
        return (any(box.isChecked() for box in (*self.symptoms.values(),
                                                 *self.seriousness.values()))
                or bool(self.description.toPlainText().strip())
                or bool(self.care.toPlainText().strip()))

    def draft(self) -> AdverseEvent:
        delay = self.delay.value()
        return AdverseEvent(
            id="", dose_id=str(self.dose.currentData() or ""), patient_id="",
            onset=_pydate(self.onset.date()), onset_delay_hours=None if delay < 0 else delay,
            symptoms=tuple(c for c, box in self.symptoms.items() if box.isChecked()),
            description=self.description.toPlainText(),
            seriousness=tuple(c for c, box in self.seriousness.items() if box.isChecked()),
            outcome=str(self.outcome.currentData()), care=self.care.toPlainText())

    def save(self) -> None:
        draft = self.draft()
        today = self._today
        me = self._practitioner
        if not draft.dose_id:
            self.message.setText(page_texts.label("event_problem", "unknown_dose"))
            return
        self._runner.run(lambda db: service.record_adverse_event(
            db, draft, today, me.display_name, me.rpps), self._saved, self._refused,
            owner=self)

    def _saved(self, event: AdverseEvent) -> None:
        self.saved.emit(event)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, adverse_events.InvalidAdverseEvent):
            self.message.setText(" ".join(page_texts.label("event_problem", p)
                                          for p in error.problems))
        else:
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        log.error("adverse event form: %s", type(error).__name__)
        self.message.setText(self.tr("This could not be done. Nothing typed is lost: try "
                                     "again."))


class AdverseEventsView(QWidget):
    shown = Signal()

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._stale = True
        self._locked = False
        self.dialog: AdverseEventDialog | None = None
        self.model = AdverseEventModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            AdverseEventModel.SIGNS, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Adverse events by vaccine and lot"))
        self.report_button = QPushButton(self.tr("&Report an adverse event…"), self)
        self.pdf_button = QPushButton(self.tr("&Declaration summary (PDF)…"), self)
        self.status = QLabel(self.tr(
            "Adverse events following immunisation recorded in the practice, by vaccine and "
            "lot. Serious or unexpected ones are to be declared to the regional "
            "pharmacovigilance centre (or on signalement.social-sante.gouv.fr)."), self)
        self.status.setWordWrap(True)
        self.report_button.clicked.connect(self.open_report)
        self.pdf_button.clicked.connect(self.save_declaration)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        name_buttons(self)
        context.runner.records_changed.connect(self._records_changed)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _records_changed(self, changed: RecordsChanged) -> None:
        if changed.types() & {adverse_events.RESOURCE, "Immunization", "Patient"}:
            self._stale = True
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        self._stale = False
        self._context.runner.run(service.adverse_event_lines, self._show, self._failed,
                                 owner=self)

    def _show(self, lines: list[EventLine]) -> None:
        if self._locked:
            self._stale = True
            return  # read before the lock: not shown
        self.model.set_lines(lines)
        self.shown.emit()

    def _failed(self, error: BaseException) -> None:
        log.error("adverse events: %s", type(error).__name__)
        self.status.setText(self.tr("The adverse events could not be read. Try again."))

    def open_report(self) -> None:
        context = self._context
        dialog = AdverseEventDialog(context.runner, context.clock.today(),
                                    context.practitioner, self)
        self.dialog = dialog
        dialog.saved.connect(lambda _event: self.reload())
        dialog.finished.connect(lambda _result: self._dialog_gone(dialog))
        dialog.open()

    def _dialog_gone(self, dialog: AdverseEventDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def selected_line(self) -> EventLine | None:
        return self.model.item_at(self.table.currentIndex())

    def save_declaration(self) -> None:
        line = self.selected_line()
        if line is None:
            self.status.setText(self.tr("Select a report in the list first."))
            return
        path_text, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save the declaration summary"),
            f"declaration-pharmacovigilance-{line.event.onset.isoformat()}.pdf",
            self.tr("PDF files (*.pdf)"))
        if not path_text:
            return
        path = Path(path_text)
        me = self._context.practitioner
        today = self._context.clock.today()

        def build(db: Any) -> bytes:
            patient, dose = service.declaration_data(db, line)
            return letters.declaration_pdf(line, patient, dose, me, today)

        self._context.runner.run(build, lambda data: self._write(path, data), self._failed,
                                 owner=self)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError:
            self.status.setText(self.tr("The file could not be saved. Check the folder can "
                                        "be written to, then try again."))
            return
        self.status.setText(self.tr("Saved: %1").replace("%1", path.name))

    def on_lock(self) -> None:
        self._locked = True
        self.model.set_lines([])
        self._stale = True  # an open report form stays, as the register's forms do

    def on_unlock(self) -> None:
        self._locked = False
        if self.isVisible():
            self.reload()
