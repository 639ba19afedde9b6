"""The "Vaccinations" tab of the patient file: the lifetime history (by vaccine group or
chronological), the forecast per group, the patient's profile for recommendations,
recording a dose and marking one in error, and the certificate as PDF.
The carnet is read and the forecast computed on the DB worker, never the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner, RecordsChanged
from tsn_desktop.core.settings import Settings
from tsn_desktop.ui.formatting import date_text
from tsn_desktop.vaccination import certificate, model, service
from tsn_desktop.vaccination.adverse_events import RESOURCE as ADVERSE_RESOURCE
from tsn_desktop.vaccination.catalogue import shipped_catalogue
from tsn_desktop.vaccination.model import Dose, InvalidDose, Performer
from tsn_desktop.vaccination.ui import fact_texts, texts
from tsn_desktop.vaccination.ui.carnet_settings import alert_days
from tsn_desktop.vaccination.ui.dose_dialog import DoseDialog, parse_day
from tsn_desktop.vaccination.ui.fact_dialog import FactDialog
from tsn_desktop.vaccination.ui.models import (
    FactsModel,
    ForecastModel,
    HistoryModel,
    history_rows,
)

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


def ask_end_day(parent: QWidget, situation: str, today: date) -> date | None:
    """The day a situation stopped, or None when the user cancels (tests replace this)."""
    while True:
        text, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("CarnetTab", "End a situation"),
            QCoreApplication.translate("CarnetTab", "On which day did it stop (%1)? "
                                       "dd/mm/yyyy").replace("%1", situation),
            text=date_text(today))
        if not ok:
            return None
        day = parse_day(text)
        if day is not None:
            return day


def ask_fact_why(parent: QWidget, situation: str) -> str | None:
    """Why a situation is withdrawn as entered in error, or None (tests replace this)."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("CarnetTab", "Entered in error"),
        QCoreApplication.translate("CarnetTab", "Why was this situation entered in error "
                                   "(%1)? It stays in the profile, struck through.").replace(
            "%1", situation))
    return text if ok else None


class DueBanner(QFrame):
    """The alert above the patient file: what is late or due within the set number of
    days, and a button to the forecast. The file view places it (PatientTab's optional
    `file_banner`); hidden when nothing is due, and while another patient loads."""

    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vaccination_banner")
        self.setProperty("role", "banner")
        self.setStyleSheet('QFrame#vaccination_banner { background: #fff4e5;'
                           ' border: 1px solid #e0a040; border-radius: 4px; }')
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleName(self.tr("Vaccinations to do"))
        self.button = QPushButton(self.tr("Show the forecast"), self)
        self.button.setAccessibleName(self.tr("Show the vaccination forecast"))
        self.button.clicked.connect(self.show_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_alerts(self, alerts: list[service.DueAlert], within_days: int) -> None:
        late = [a for a in alerts if a.kind == service.OVERDUE_ALERT]
        soon = [a for a in alerts if a.kind == service.DUE_SOON_ALERT]
        parts = []
        if late:
            parts.append(self.tr("Vaccinations overdue: %1.").replace("%1", ", ".join(
                self.tr("%1 (late since %2)").replace("%1", a.group).replace(
                    "%2", date_text(a.on)) for a in late)))
        if soon:
            parts.append(self.tr("To do now or within %1 days: %2.").replace(
                "%1", str(within_days)).replace("%2", ", ".join(
                    self.tr("%1 (from %2)").replace("%1", a.group).replace(
                        "%2", date_text(a.on)) for a in soon)))
        self.text.setText(" ".join(parts))
        self.setVisible(bool(parts))

    def shown_text(self) -> str:
        return self.text.text() if not self.isHidden() else ""

    def clear(self) -> None:
        self.text.clear()
        self.setVisible(False)


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
                 parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._practitioner = practitioner
        self._by = _performer(practitioner)
        self._catalogue = shipped_catalogue()
        self._patient: Any = None
        self._today: date | None = None
        self._generation = 0
        self._doses: list[Dose] = []
        self._loaded: _Loaded | None = None
        self.dose_dialog: DoseDialog | None = None
        self.fact_dialog: FactDialog | None = None
        # The file view lays it out above the tabs (patients/ui/patient_file.py).
        self.file_banner = DueBanner(self)
        self.file_banner.show_requested.connect(self.reveal_forecast)
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
        self.adverse_button = QPushButton(self.tr("A&dverse event…"), self)
        self.adverse_button.setAccessibleName(self.tr(
            "Report an adverse event following the selected dose"))
        self.adverse_button.setToolTip(self.adverse_button.accessibleName())
        self.adverse_button.clicked.connect(self.report_adverse_event)
        self.adverse_dialog: Any = None  # AdverseEventDialog, imported when first opened
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
        for widget in (self.record_button, self.error_button, self.adverse_button,
                       self.attestation_button, self.carnet_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)

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
        self.forecast.horizontalHeader().setStretchLastSection(True)  # Why
        self.facts_model = FactsModel(self)
        self.facts = self._table(self.facts_model, self.tr("Profile for recommendations"))

        self.facts.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.add_fact_button = QPushButton(self.tr("&Add a situation…"), self)
        self.add_fact_button.setAccessibleName(self.tr(
            "Add a situation to the profile (pregnancy, immunodepression…)"))
        self.add_fact_button.clicked.connect(self.open_fact_dialog)
        self.end_fact_button = QPushButton(self.tr("E&nd…"), self)
        self.end_fact_button.setAccessibleName(self.tr("End the selected situation"))
        self.end_fact_button.clicked.connect(self.end_selected_fact)
        self.retract_fact_button = QPushButton(self.tr("&Withdraw (entered in error)…"), self)
        self.retract_fact_button.setAccessibleName(self.tr(
            "Withdraw the selected situation as entered in error"))
        self.retract_fact_button.clicked.connect(self.retract_selected_fact)
        history_label = QLabel(self.tr("Hi&story"), self)
        history_label.setBuddy(self.history)
        forecast_label = QLabel(self.tr("&Forecast"), self)
        forecast_label.setBuddy(self.forecast)
        facts_label = QLabel(self.tr("&Profile for recommendations"), self)
        facts_label.setBuddy(self.facts)
        top, bottom, profile = QWidget(self), QWidget(self), QWidget(self)
        top_layout, bottom_layout = QVBoxLayout(top), QVBoxLayout(bottom)
        profile_layout = QVBoxLayout(profile)
        for part in (top_layout, bottom_layout, profile_layout):
            part.setContentsMargins(0, 0, 0, 0)
        # The view choice sits by the history's title: one row of buttons fits 800 px.
        history_head = QHBoxLayout()
        history_head.addWidget(history_label)
        history_head.addStretch(1)
        history_head.addWidget(self.by_group)
        history_head.addWidget(self.chronological)
        top_layout.addLayout(history_head)
        top_layout.addWidget(self.history)
        bottom_layout.addWidget(forecast_label)
        bottom_layout.addWidget(self.forecast)
        profile_head = QHBoxLayout()
        profile_head.addWidget(facts_label)
        profile_head.addStretch(1)
        for widget in (self.add_fact_button, self.end_fact_button, self.retract_fact_button):
            profile_head.addWidget(widget)
        profile_layout.addLayout(profile_head)
        profile_layout.addWidget(self.facts)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.addWidget(profile)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)

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
        # Sized once per load from the models' texts (fit_columns), not by Qt asking every
        # cell at every layout (ResizeToContents): a lifetime carnet opens as fast as an
        # empty one (benchmarks/carnet.py). The user may still drag a column wider.
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    @staticmethod
    def fit_columns(table: QTableView, texts_of: Any, stretched: int | None = None) -> None:
        """Each column as wide as its widest text (header included), but `stretched`,
        which takes what is left; measured with the table's font, bold for emphasis."""
        header = table.horizontalHeader()
        plain = table.fontMetrics()
        bold_font = table.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        pad = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        model = table.model()
        for column in range(model.columnCount()):
            if column == stretched:
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max([bold.horizontalAdvance(title),
                         *(plain.horizontalAdvance(t) for t in texts_of(column))])
            header.resizeSection(column, min(width + pad, 480))

    # --- PatientTab --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("&Vaccinations")

    def has_unsaved(self) -> bool:
        return any(d is not None and d.isVisible() and d.is_dirty()
                   for d in (self.dose_dialog, self.fact_dialog, self.adverse_dialog))

    def show_patient(self, patient: Any, today: date) -> None:
        if self._patient is None or patient.id != self._patient.id:
            self._say("")
            self.file_banner.clear()  # never the previous patient's alerts
        self._patient, self._today = patient, today
        self.refresh()

    def clear(self) -> None:
        self._generation += 1
        self._patient = None
        self._doses = []
        self._loaded = None
        for dialog in (self.dose_dialog, self.fact_dialog, self.adverse_dialog):
            if dialog is not None:
                dialog.close()
        self.history_model.set_rows([])
        self.facts_model.set_facts([], {}, date.today())
        self.file_banner.clear()
        self.forecast_model.set_assessment(None, date.today())
        self._say("")
        self._update()

    def _records_changed(self, changed: RecordsChanged) -> None:
        if self._patient is not None and {model.RESOURCE, model.FACT_RESOURCE,
                                          ADVERSE_RESOURCE} & set(changed.types()):
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
        self.facts_model.set_facts(loaded.view.facts, self._titles(), self._today)
        self.fit_columns(self.forecast, self.forecast_model.column_texts, ForecastModel.WHY)
        self.fit_columns(self.facts, self.facts_model.column_texts)
        days = alert_days(self._settings)
        self.file_banner.show_alerts(
            service.due_alerts(loaded.view.assessment, self._today, days), days)
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
        self.history_model.set_rows(rows, grouped,
                                    self._loaded.view.reported if self._loaded else None)
        self.fit_columns(self.history, self.history_model.column_texts)

    # --- recording ---------------------------------------------------------------------------
    def open_dose_dialog(self) -> None:
        if self._runner is None or self._patient is None or self._today is None:
            return
        if self.dose_dialog is not None and self.dose_dialog.isVisible():
            self.dose_dialog.raise_()
            return
        learned = self._loaded.learned if self._loaded else {}
        facts = self._loaded.view.facts if self._loaded else []
        dialog = DoseDialog(self._runner, self._catalogue, self._patient.id,
                            self._patient.birth_date, self._today, self._by, learned, self,
                            sex=self._patient.sex, facts=facts)
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

    def report_adverse_event(self) -> None:
        """The pharmacovigilance form on the selected dose (the Vaccinations page lists the
        practice's reports and writes the declaration summary)."""
        dose = self.selected_dose()
        if (dose is None or not dose.counts or self._runner is None or self._patient is None
                or self._today is None):
            return
        if self.adverse_dialog is not None and self.adverse_dialog.isVisible():
            self.adverse_dialog.raise_()
            return
        from tsn_desktop.vaccination.ui.adverse_view import AdverseEventDialog

        dialog = AdverseEventDialog(self._runner, self._today, self._practitioner, self,
                                    patient_id=self._patient.id, dose_id=dose.id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._adverse_saved)
        dialog.destroyed.connect(self._adverse_dialog_gone)
        self.adverse_dialog = dialog
        dialog.open()

    def _adverse_dialog_gone(self) -> None:
        self.adverse_dialog = None

    def _adverse_saved(self, _event: Any) -> None:
        self._say(self.tr("Adverse event recorded. Serious or unexpected ones are to be "
                          "declared to the regional pharmacovigilance centre: the summary "
                          "is in Vaccinations › Adverse events."))
        self.refresh()

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

    def reveal_forecast(self) -> None:
        """Brings this tab forward in the patient file and puts the focus on the forecast
        (the banner's button)."""
        widget: QWidget | None = self.parentWidget()
        while widget is not None and not isinstance(widget, QTabWidget):
            widget = widget.parentWidget()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                page = widget.widget(index)
                if page is self or page.isAncestorOf(self):
                    widget.setCurrentIndex(index)
        self.forecast.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.forecast_model.rowCount() and not self.forecast.selectionModel().hasSelection():
            self.forecast.selectRow(0)

    # --- profile facts --------------------------------------------------------------------------
    @staticmethod
    def _titles() -> dict[str, str]:
        return {code: obs.title for code, obs in service.schedule_data().observations.items()}

    def open_fact_dialog(self) -> None:
        if self._runner is None or self._patient is None or self._today is None:
            return
        if self.fact_dialog is not None and self.fact_dialog.isVisible():
            self.fact_dialog.raise_()
            return
        dialog = FactDialog(self._runner, service.fact_choices(), self._patient.id,
                            self._patient.birth_date, self._today, self._by, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._fact_saved)
        dialog.destroyed.connect(self._fact_dialog_gone)
        self.fact_dialog = dialog
        dialog.open()

    def _fact_dialog_gone(self) -> None:
        self.fact_dialog = None

    def _fact_saved(self, fact: model.Fact) -> None:
        self._say(self.tr("%1 added to the profile; the forecast above takes it into "
                          "account.").replace("%1", self.facts_model.situation_text(fact)))
        self.refresh()
        self.add_fact_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_fact(self) -> model.Fact | None:
        rows = self.facts.selectionModel().selectedRows()
        return self.facts_model.fact(rows[0].row()) if rows else None

    def end_selected_fact(self) -> None:
        fact, today = self.selected_fact(), self._today
        if fact is None or fact.status != model.FACT_ACTIVE or self._runner is None \
                or today is None:
            return
        day = ask_end_day(self, self.facts_model.situation_text(fact), today)
        if day is None:
            return
        by = self._by
        self._runner.run(lambda db: service.end_fact(db, fact, day, today, by),
                         lambda _f: self.refresh(), self._fact_failed, owner=self)

    def retract_selected_fact(self) -> None:
        fact = self.selected_fact()
        if fact is None or fact.status != model.FACT_ACTIVE or self._runner is None:
            return
        why = ask_fact_why(self, self.facts_model.situation_text(fact))
        if why is None:
            return
        by = self._by
        self._runner.run(lambda db: service.retract_fact(db, fact, by, why),
                         lambda _f: self.refresh(), self._fact_failed, owner=self)

    def _fact_failed(self, error: BaseException) -> None:
        if isinstance(error, InvalidDose):
            self._say(fact_texts.problem_text(error.problems))
        elif isinstance(error, service.StaleDose):
            self._say(self.tr("This situation changed meanwhile (synchronisation): look "
                              "at it again."))
            self.refresh()
        else:
            log.error("changing a profile fact failed: %s", type(error).__name__)
            self._say(self.tr("The situation could not be changed. Try again; if it keeps "
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
        self.adverse_button.setEnabled(ready and dose is not None and dose.counts
                                       and self._practitioner is not None)
        self.add_fact_button.setEnabled(ready)
        fact = self.selected_fact()
        active = ready and fact is not None and fact.status == model.FACT_ACTIVE
        self.end_fact_button.setEnabled(active)
        self.retract_fact_button.setEnabled(active)
