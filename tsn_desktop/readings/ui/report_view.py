"""Making the PDF report from the patient's view: the period, the charts rendered to
images (on the GUI thread, as pyqtgraph needs), the wording, then the PDF written off the
GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from tsn_desktop.core.tasks import BackgroundTasks, TaskControl
from tsn_desktop.feature import FeatureContext
from tsn_desktop.readings import alerts, report, service
from tsn_desktop.readings.model import KINDS, Reading
from tsn_desktop.readings.pathways import StoredAlert
from tsn_desktop.readings.ui import texts
from tsn_desktop.readings.ui.chart import ReadingsChart
from tsn_desktop.ui.formatting import date_text, datetime_text

PERIODS = (30, 90, 180, 365)
CHART_SIZE = (1400, 420)


class ReportWording(QObject):
    """The report's words (lupdate collects them from these self.tr calls)."""

    def labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Connected-device readings report"),
            "patient": self.tr("Patient"), "born": self.tr("born on"),
            "period": self.tr("Period"), "pathway": self.tr("Pathway"),
            "thresholds": self.tr("Thresholds of this patient"),
            "set_by": self.tr("set by"), "statistics": self.tr("Statistics of the period"),
            "measurement": self.tr("Measurement"), "readings": self.tr("Readings"),
            "mean": self.tr("Mean"), "lowest": self.tr("Lowest"),
            "highest": self.tr("Highest"), "first_last": self.tr("First → last"),
            "home_title": self.tr("Home blood pressure"),
            "home_complete": self.tr("Complete series: %1 readings from %2, mean %3."),
            "home_incomplete": self.tr(
                "Incomplete series (%1 readings from %2, mean %3): no conclusion; the "
                "protocol's readings are to be completed."),
            "home_above": self.tr("At or above the threshold of %1 mmHg."),
            "home_below": self.tr("Below the threshold of %1 mmHg."),
            "home_none": self.tr("No home blood pressure series in the period."),
            "charts": self.tr("Charts"), "alerts": self.tr("Alerts and acknowledgements"),
            "no_alerts": self.tr("No alert was raised in the period."),
            "when": self.tr("When"), "severity": self.tr("Severity"),
            "alert": self.tr("Alert"), "seen": self.tr("Seen by"),
            "not_seen": self.tr("not seen yet"), "generated": self.tr("Made by"),
            "page": self.tr("page"), "rules": self.tr("alert rules version"),
        }


def words() -> report.Words:
    def number(value: float, decimals: int) -> str:
        return texts.number_text(value, decimals)

    return report.Words(
        labels=ReportWording().labels(), kind=texts.kind_label, value=texts.value_text,
        number=number, date=date_text, datetime=datetime_text,
        alert=lambda a: texts.alert_text(a.as_alert()), severity=texts.severity_label,
        pathway=texts.pathway_label, protocol=texts.protocol_label,
        threshold=texts.threshold_label)


def _png(image: Any) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def render_charts(readings: Sequence[Reading], found: Sequence[alerts.Alert],
                  stored: Sequence[StoredAlert], thresholds: alerts.Thresholds,
                  start: datetime, end: datetime) -> dict[str, bytes]:
    """One PNG per kind measured: the same chart as on screen (thresholds, alert marks),
    over the report's period."""
    out: dict[str, bytes] = {}
    for kind in KINDS:
        mine = [r for r in readings if r.kind == kind]
        if not mine:
            continue
        chart = ReadingsChart()
        try:
            chart.resize(*CHART_SIZE)
            chart.show_readings(mine, [a for a in found if alerts.RULE_KIND.get(a.code) == kind],
                                [a for a in stored if alerts.RULE_KIND.get(a.code) == kind],
                                thresholds)
            plot = chart.plots[kind]
            plot.setXRange(start.timestamp(), end.timestamp(), padding=0.01)
            chart.view.resize(*CHART_SIZE)
            out[kind] = _png(chart.view.grab().toImage())
        finally:
            chart.deleteLater()
    return out


class ReportBar(QWidget):
    """"Report (PDF)…" and its period, for the patient shown."""

    written = Signal(str)   # the PDF's path
    failed = Signal()

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.patient_id: str | None = None
        self.tasks = BackgroundTasks(self)
        self.period = QComboBox(self)
        self.period.setObjectName("readings_report_period")
        self.period.setAccessibleName(self.tr("Period of the report"))
        for days in PERIODS:
            self.period.addItem(self.tr("last %n day(s)", "", days), days)
        self.period.setCurrentIndex(1)
        self.button = QPushButton(self.tr("Re&port (PDF)…"), self)
        self.button.setObjectName("readings_report")
        self.button.setAccessibleName(self.tr("Report of the period (PDF)"))
        self.button.setToolTip(self.tr("Charts, statistics, alerts and acknowledgements of "
                                       "the period, for the record or a cardiologist"))
        self.status = QLabel(self)
        self.status.setObjectName("readings_report_status")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.period)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.choose_file)
        self.set_patient(None)

    def set_patient(self, patient_id: str | None) -> None:
        self.patient_id = patient_id
        self.button.setEnabled(patient_id is not None)
        self.status.clear()

    def choose_file(self) -> None:
        if self.patient_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"),
                                              "releve-mesures.pdf", self.tr("PDF (*.pdf)"))
        if path:
            self.make(Path(path))

    def make(self, path: Path) -> None:
        pid = self.patient_id
        if pid is None:
            return
        end = self.context.clock.now()
        start = end - timedelta(days=int(self.period.currentData()))
        name = self.context.practitioner.display_name

        def gather(db: Any) -> tuple[report.ReportData, list[Reading], list[alerts.Alert]]:
            data = service.report_data(db, pid, start, end, name)
            readings = service.readings_in(db, pid, start, end)
            return data, readings, alerts.evaluate(readings, end, data.thresholds,
                                                   data.pathway)
        self.button.setEnabled(False)
        self.status.setText(self.tr("Making the report…"))
        self.context.runner.run(gather, lambda got: self._gathered(path, *got),
                                self._failed, owner=self)

    def _gathered(self, path: Path, data: report.ReportData, readings: list[Reading],
                  found: list[alerts.Alert]) -> None:
        images = render_charts(readings, found, data.alerts, data.thresholds, data.start,
                               data.end)
        wording = words()

        def write(control: TaskControl) -> Path:
            report.write_pdf(path, data, images, wording)
            return path
        self.tasks.start(write, self._written, self._failed, owner=self)

    def _written(self, path: Path) -> None:
        self.button.setEnabled(self.patient_id is not None)
        self.status.setText(self.tr("Report saved: %1").replace("%1", str(path)))
        self.written.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(self.patient_id is not None)
        self.status.setText(self.tr("The report could not be made. Check that the folder "
                                    "can be written to, then try again."))
        self.failed.emit()
