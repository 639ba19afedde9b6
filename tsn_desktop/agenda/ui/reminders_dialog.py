"""Tomorrow's reminders: the appointments with the patients' phone numbers, for the
practice to call or text with its own tools; exported only on an explicit action."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.agenda import service
from tsn_desktop.agenda.service import Reminder
from tsn_desktop.agenda.ui import texts
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.ui.fit import FittingDialog
from tsn_desktop.ui.formatting import date_text, time_text


class RemindersDialog(FittingDialog):
    def __init__(self, runner: DbRunner, day: date, zone: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.day, self.zone = runner, day, zone
        self.items: list[Reminder] = []
        self.setWindowTitle(self.tr("Reminders of %1").replace(
            "%1", f"{texts.weekday_short(day)} {date_text(day)}"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Patient"),
                                              self.tr("Phone"), self.tr("Type")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Appointments to remind"))
        self.note = QLabel(self.tr("Export writes a file with names and phone numbers: "
                                   "keep it for the reminders only and delete it after."),
                           self)
        self.note.setWordWrap(True)
        self.message = QLabel(self)
        self.export_button = QPushButton(self.tr("&Export for reminders (CSV)…"), self)
        self.export_button.clicked.connect(self.export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.table, self.note, self.export_button, self.message, close):
            layout.addWidget(widget)
        self.runner.run(lambda db: service.reminders(db, day, zone.key), self._loaded,
                        lambda _e: self.message.setText(self.tr("The agenda could not be "
                                                                "read: try again.")),
                        owner=self)

    def _loaded(self, items: list[Reminder]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for row, r in enumerate(items):
            a = r.appointment
            no_phone = self.tr("no phone number")
            for column, text in enumerate((time_text(a.start, self.zone), r.patient_name,
                                           r.phone or no_phone, texts.type_label(a.type))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.export_button.setEnabled(bool(items))
        self.message.setText(self.tr("%n appointment(s) to remind.", "", len(items)))

    def csv_text(self) -> str:
        return service.reminders_csv(self.items, self.zone.key, (
            self.tr("Date"), self.tr("Time"), self.tr("Patient"), self.tr("Phone")))

    def export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export for reminders"), f"rappels-{self.day.isoformat()}.csv",
            self.tr("CSV (*.csv)"))
        if path:
            self.write(Path(path))

    def write(self, path: Path) -> None:
        try:
            path.write_text(self.csv_text(), encoding="utf-8-sig")
        except OSError:
            self.message.setText(self.tr("The file could not be written there: choose "
                                         "another folder."))
            return
        self.message.setText(self.tr("%n reminder(s) exported.", "", len(self.items)))
