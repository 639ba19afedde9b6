"""Online bookings waiting for an answer: made by patients on the hub's portal, pulled at
sync; the practitioner confirms or declines each (the answer reaches the hub at sync)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.agenda import service
from tsn_desktop.agenda.service import AgendaItem, SaveResult
from tsn_desktop.agenda.ui import texts
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.ui.fit import FittingDialog
from tsn_desktop.ui.formatting import time_text


class BookingsDialog(FittingDialog):
    def __init__(self, runner: DbRunner, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.zone = runner, zone
        self.setWindowTitle(self.tr("Online bookings"))
        self.intro = QLabel(self.tr("Made by patients on the regional portal, on your "
                                    "published free slots. Confirm or decline each: the "
                                    "patient is told at the next sync."), self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Bookings to answer"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.confirm_button = self._button(self.tr("&Confirm"), "Ctrl+Return", self.confirm)
        self.decline_button = self._button(self.tr("&Decline"), "Ctrl+Backspace",
                                           self.decline)
        row = QHBoxLayout()
        row.addWidget(self.confirm_button)
        row.addWidget(self.decline_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.list):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.load()

    def _button(self, text: str, keys: str, slot: Any) -> QPushButton:
        act = QAction(text, self)
        act.setShortcut(QKeySequence(keys))
        act.triggered.connect(slot)
        self.addAction(act)
        b = QPushButton(text, self)
        b.setToolTip(f"{text.replace('&', '')} ({keys})")
        b.clicked.connect(act.trigger)
        return b

    def load(self) -> None:
        self.runner.run(service.pending_bookings, self._loaded, self._failed, owner=self)

    def _loaded(self, items: list[AgendaItem]) -> None:
        self.list.clear()
        for item in items:
            a = item.appointment
            phone = a.booker.phone if a.booker else ""
            text = " — ".join(p for p in (
                f"{texts.day_heading(a.local_start().date())} {time_text(a.start, self.zone)}",
                item.patient_name, phone, texts.type_label(a.type), a.note) if p)
            row = QListWidgetItem(text, self.list)
            row.setData(Qt.ItemDataRole.UserRole, a.id)
        if items:
            self.list.setCurrentRow(0)
        else:
            self.message.setText(self.tr("No booking waiting for an answer."))
        for b in (self.confirm_button, self.decline_button):
            b.setEnabled(bool(items))

    def _chosen(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def confirm(self) -> None:
        rid = self._chosen()
        if rid is not None:
            self.runner.run(lambda db: service.confirm_booking(db, rid), self._confirmed,
                            self._failed, owner=self)

    def _confirmed(self, result: SaveResult) -> None:
        self.load()
        if result.double_bookings:
            self.message.setText(self.tr("Confirmed; it overlaps %n other appointment(s) "
                                         "in your agenda: check the day.", "",
                                         len(result.double_bookings)))
        else:
            self.message.setText(self.tr("Confirmed: it is in your agenda."))

    def decline(self) -> None:
        rid = self._chosen()
        if rid is not None:
            self.runner.run(lambda db: service.decline_booking(db, rid), self._declined,
                            self._failed, owner=self)

    def _declined(self, _a: Any) -> None:
        self.load()
        self.message.setText(self.tr("Declined: the slot is free again once synced."))

    def _failed(self, _exc: BaseException) -> None:
        self.message.setText(self.tr("This booking changed meanwhile (cancelled by the "
                                     "patient?): the list is read again."))
        self.load()
