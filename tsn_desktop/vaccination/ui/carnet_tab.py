"""The "Vaccinations" tab of the patient file: the lifetime history (by vaccine group or
chronological), the forecast per group, recording a dose and marking one in error.
The carnet is read and the forecast computed on the DB worker, never the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner, RecordsChanged
from tsn_desktop.vaccination import certificate, model, service
from tsn_desktop.vaccination.catalogue import shipped_catalogue
from tsn_desktop.vaccination.model import Dose, InvalidDose, Performer
from tsn_desktop.vaccination.ui import texts
from tsn_desktop.vaccination.ui.dose_dialog import DoseDialog
from tsn_desktop.vaccination.ui.models import ForecastModel, HistoryModel, history_rows

log = logging.getLogger(__name__)


def ask_why(parent: QWidget, dose_text: str) -> str | None:
    """The reason a dose is marked entered-in-error, or None (tests replace this)."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("CarnetTab", "Entered in error"),
        QCoreApplication.translate("CarnetTab", "Why is this dose entered in error (%1)? "
                                   "It stays in the carnet, struck through.").replace(
            "%1", dose_text))
    return text if ok else None


def ask_pdf_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Where to write the PDF, asked each time (tests replace this function): the file is
    written there only, never to a temporary place first."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested),
        QCoreApplication.translate("CarnetTab", "PDF documents (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


@dataclass(frozen=True)
class _Loaded:
    view: service.CarnetView
    learned: dict[str, str]


def _performer(practitioner: Any) -> Performer:
    if practitioner is None:
        return Performer()
    return Performer(practitioner.display_name, practitioner.profession, practitioner.rpps)


class CarnetTab(QWidget):
    """A PatientTab (tsn_desktop.feature)."""

    carnet_shown = Signal()  # history and forecast now show the carnet as stored
    pdf_written = Signal(object)  # the Path written, or None when it failed

    def __init__(self, runner: DbRunner | None = None, practitioner: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._practitioner = practitioner
        self._by = _performer(practitioner)
        self._catalogue = shipped_catalogue()
        self._patient: Any = None
        self._today: date | None = None
        self._generation = 0
        self._doses: list[Dose] = []
        self._loaded: _Loaded | None = None
        self.dose_dialog: DoseDialog | None = None
        self.setObjectName("CarnetTab")
        if runner is not None:
            runner.records_changed.connect(self._records_changed)

        self.record_button = QPushButton(self.tr("&Record a dose…"), self)
        self.record_button.setAccessibleName(self.tr("Record a dose"))
        self.record_button.clicked.connect(self.open_dose_dialog)
        self.error_button = QPushButton(self.tr("Mark as entered in &error…"), self)
        self.error_button.setAccessibleName(self.tr("Mark the selected dose as entered in "
                                                    "error"))
        self.error_button.clicked.connect(self.mark_selected_in_error)
        self.attestation_button = QPushButton(self.tr("A&ttestation (PDF)…"), self)
        self.attestation_button.setAccessibleName(self.tr(
            "Write the vaccination certificate as PDF"))
        self.attestation_button.clicked.connect(
            lambda: self.write_pdf(certificate.ATTESTATION))
        self.carnet_button = QPushButton(self.tr("Full &carnet (PDF)…"), self)
        self.carnet_button.setAccessibleName(self.tr("Write the full carnet as PDF"))
        self.carnet_button.clicked.connect(lambda: self.write_pdf(certificate.CARNET))
        self.by_group = QRadioButton(self.tr("By vaccine &group"), self)
        self.chronological = QRadioButton(self.tr("C&hronological"), self)
        self.by_group.setChecked(True)
        self.by_group.toggled.connect(lambda _on: self._show_history())
        buttons = QHBoxLayout()
        for widget in (self.record_button, self.error_button, self.attestation_button,
                       self.carnet_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.by_group)
        buttons.addWidget(self.chronological)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setVisible(False)

        self.history_model = HistoryModel(self._catalogue, self)
        self.history = self._table(self.history_model, self.tr("Vaccination history"))
        self.history.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.forecast_model = ForecastModel(self)
        self.forecast = self._table(self.forecast_model, self.tr("Forecast per vaccine group"))
        self.forecast.horizontalHeader().setSectionResizeMode(
            ForecastModel.WHY, QHeaderView.ResizeMode.Stretch)
        history_label = QLabel(self.tr("Hi&story"), self)
        history_label.setBuddy(self.history)
        forecast_label = QLabel(self.tr("&Forecast"), self)
        forecast_label.setBuddy(self.forecast)
        top, bottom = QWidget(self), QWidget(self)
        top_layout, bottom_layout = QVBoxLayout(top), QVBoxLayout(bottom)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(history_label)
        top_layout.addWidget(self.history)
        bottom_layout.addWidget(forecast_label)
        bottom_layout.addWidget(self.forecast)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)
        self._update()

    def _table(self, table_model: Any, name: str) -> QTableView:
        table = QTableView(self)
        table.setModel(table_model)
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setHighlightSections(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    # --- PatientTab --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("&Vaccinations")

    def has_unsaved(self) -> bool:
        dialog = self.dose_dialog
        return dialog is not None and dialog.isVisible() and dialog.is_dirty()

    def show_patient(self, patient: Any, today: date) -> None:
        if self._patient is None or patient.id != self._patient.id:
            self._say("")
        self._patient, self._today = patient, today
        self.refresh()

    def clear(self) -> None:
        self._generation += 1
        self._patient = None
        self._doses = []
        self._loaded = None
        if self.dose_dialog is not None:
            self.dose_dialog.close()
        self.history_model.set_rows([])
        self.forecast_model.set_assessment(None, date.today())
        self._say("")
        self._update()

    def _records_changed(self, changed: RecordsChanged) -> None:
        if self._patient is not None and model.RESOURCE in changed.types():
            self.refresh()

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation, patient, today = self._generation, self._patient, self._today
        if patient is None or today is None:
            return
        if self._runner is None:
            self._say(self.tr("The carnet cannot be shown in this window."))
            return

        def job(db: Database) -> _Loaded:
            view = service.open_carnet(db, patient.id, patient.birth_date, patient.sex, today)
            return _Loaded(view, service.learned_gtins(db))

        self._runner.run(job, lambda loaded: self._shown(generation, loaded),
                         lambda error: self._failed(generation, error), owner=self)

    def _shown(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation or self._today is None:
            return
        self._loaded = loaded
        self._doses = loaded.view.doses
        self.forecast_model.set_assessment(loaded.view.assessment, self._today)
        self._show_history()
        self._update()
        self.carnet_shown.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        log.error("reading the carnet failed: %s", type(error).__name__)
        self._say(self.tr("The carnet could not be read. Open the patient again; if it "
                          "keeps failing, restart TSN Desktop."))
        self.carnet_shown.emit()

    def _show_history(self) -> None:
        assessment = self._loaded.view.assessment if self._loaded else None
        grouped = self.by_group.isChecked()
        rows = history_rows(self._doses, assessment, service.schedule_data(), grouped)
        self.history_model.set_rows(rows, grouped)

    # --- recording ---------------------------------------------------------------------------
    def open_dose_dialog(self) -> None:
        if self._runner is None or self._patient is None or self._today is None:
            return
        if self.dose_dialog is not None and self.dose_dialog.isVisible():
            self.dose_dialog.raise_()
            return
        learned = self._loaded.learned if self._loaded else {}
        dialog = DoseDialog(self._runner, self._catalogue, self._patient.id,
                            self._patient.birth_date, self._today, self._by, learned, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._dose_saved)
        dialog.destroyed.connect(self._dialog_gone)
        self.dose_dialog = dialog
        dialog.open()

    def _dialog_gone(self) -> None:
        self.dose_dialog = None

    def _dose_saved(self, dose: Dose) -> None:
        self._say(self.tr("Dose of %1 recorded; the forecast below is up to date.").replace(
            "%1", self.history_model.vaccine_text(dose)))
        self.refresh()
        self.record_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_dose(self) -> Dose | None:
        rows = self.history.selectionModel().selectedRows()
        row = self.history_model.row(rows[0].row()) if rows else None
        return row.dose if row else None

    def mark_selected_in_error(self) -> None:
        dose = self.selected_dose()
        if dose is None or dose.in_error or self._runner is None:
            return
        why = ask_why(self, f"{self.history_model.vaccine_text(dose)}, "
                            f"{dose.occurrence.strftime('%d/%m/%Y')}")
        if why is None:
            return
        by = self._by

        def job(db: Database) -> Dose:
            return service.mark_entered_in_error(db, dose, by, why)

        self._runner.run(job, lambda _d: self.refresh(), self._mark_failed, owner=self)

    def _mark_failed(self, error: BaseException) -> None:
        if isinstance(error, InvalidDose):
            self._say("\n".join(texts.label(texts.PROBLEM, p) for p in error.problems))
        elif isinstance(error, service.StaleDose):
            self._say(self.tr("This dose changed meanwhile (synchronisation): look at it "
                              "again, then mark it if needed."))
            self.refresh()
        else:
            log.error("marking a dose in error failed: %s", type(error).__name__)
            self._say(self.tr("The dose could not be marked. Try again; if it keeps "
                              "failing, restart TSN Desktop."))

    # --- certificate ---------------------------------------------------------------------------
    def write_pdf(self, kind: str) -> None:
        """Asks where, then writes the attestation or the full carnet there (audited)."""
        if self._runner is None or self._patient is None or self._today is None \
                or self._practitioner is None:
            return
        title = self.tr("Save the vaccination certificate") if kind == certificate.ATTESTATION \
            else self.tr("Save the full vaccination carnet")
        stem = "attestation-vaccination" if kind == certificate.ATTESTATION \
            else "carnet-vaccination"
        path = ask_pdf_path(self, title, f"{stem}-{self._today.isoformat()}.pdf")
        if path is None:
            return
        patient, practitioner, today = self._patient, self._practitioner, self._today

        def job(db: Database) -> Path:
            return service.write_certificate(db, kind, patient, practitioner, today, path)

        self._runner.run(job, self._pdf_written, lambda e: self._pdf_failed(path, e),
                         owner=self)

    def _pdf_written(self, path: Path) -> None:
        self._say(self.tr("Saved as %1: print it or send it from there.").replace(
            "%1", str(path)))
        self.pdf_written.emit(path)

    def _pdf_failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, OSError):
            self._say(self.tr("The PDF could not be written to %1: choose another folder "
                              "(one you may write to) and try again.").replace("%1", str(path)))
        else:
            log.error("writing the certificate failed: %s", type(error).__name__)
            self._say(self.tr("The PDF could not be made. Try again; if it keeps failing, "
                              "restart TSN Desktop."))
        self.pdf_written.emit(None)

    # --- helpers ------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message_shown(self) -> str:
        return self.message_label.text() if self.message_label.isVisible() else ""

    def _update(self) -> None:
        ready = self._runner is not None and self._patient is not None
        self.record_button.setEnabled(ready)
        for button in (self.attestation_button, self.carnet_button):
            button.setEnabled(ready and self._practitioner is not None)
        dose = self.selected_dose()
        self.error_button.setEnabled(ready and dose is not None and not dose.in_error)
