"""A date field that starts empty: typed as dd/mm/yyyy, or picked in a calendar.

QDateEdit always holds some date, so a hurried user could save a default birth date by
mistake; this field has no value until one is typed, and says when what is typed is not
a date.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

_TYPED = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


class DateField(QWidget):
    """`value()` is a date or None; `problem()` says "required" or "invalid" or None."""

    changed = Signal()
    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        # A mask shows the expected shape (__/__/____) and keeps out anything but digits.
        self.edit.setInputMask("00/00/0000;_")
        self.edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self.editing_finished)

        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("…")
        self.calendar_button.setToolTip(self.tr("Choose in a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(self.tr("Choose the date in a calendar"))
        self.calendar_button.clicked.connect(self.show_calendar)

        self._popup: QWidget | None = None
        self._calendar: QCalendarWidget | None = None
        self._maximum: date | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)

    # --- value --------------------------------------------------------------------------
    def value(self) -> date | None:
        match = _TYPED.match(self.edit.text())
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def problem(self) -> str | None:
        if self.is_empty():
            return "required"
        return None if self.value() is not None else "invalid"

    def is_empty(self) -> bool:
        return not re.sub(r"[^0-9]", "", self.edit.text())

    def set_value(self, day: date | None) -> None:
        self.edit.setText("" if day is None else f"{day.day:02d}{day.month:02d}{day.year:04d}")

    def text(self) -> str:
        """What is typed, for change detection ("" when nothing is)."""
        return "" if self.is_empty() else self.edit.text()

    def set_maximum(self, day: date) -> None:
        self._maximum = day

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt override
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setAccessibleDescription(text)
        self.edit.setAccessibleDescription(text)

    # --- calendar -----------------------------------------------------------------------
    def show_calendar(self) -> None:
        if self._popup is None:
            self._popup = QWidget(self, Qt.WindowType.Popup)
            self._calendar = QCalendarWidget(self._popup)
            self._calendar.setAccessibleName(self.tr("Calendar"))
            self._calendar.setGridVisible(True)
            self._calendar.activated.connect(self._picked)
            self._calendar.clicked.connect(self._picked)
            box = QVBoxLayout(self._popup)
            box.setContentsMargins(1, 1, 1, 1)
            box.addWidget(self._calendar)
        assert self._calendar is not None
        if self._maximum is not None:
            self._calendar.setMaximumDate(QDate(self._maximum))
        current = self.value()
        if current is not None:
            self._calendar.setSelectedDate(QDate(current))
        self._popup.adjustSize()
        self._popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self._popup.show()
        self._calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        if self._popup is not None:
            self._popup.hide()
        self.edit.setFocus()
        self.editing_finished.emit()

    def _cursor_to_start(self) -> None:
        if self.is_empty():
            self.edit.setCursorPosition(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.edit:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if (event.key() == Qt.Key.Key_Down
                        and event.modifiers() & Qt.KeyboardModifier.AltModifier):
                    self.show_calendar()
                    return True
            elif event.type() == QEvent.Type.FocusIn and self.is_empty():
                # A click in the middle of an empty mask would start typing there; the
                # click moves the cursor after focus-in, hence the zero-delay timer.
                QTimer.singleShot(0, self.edit, self._cursor_to_start)
        return super().eventFilter(watched, event)
