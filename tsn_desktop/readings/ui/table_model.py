"""The table of a patient's readings, newest first (a Qt model: years of readings scroll)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tsn_desktop.readings.model import Reading
from tsn_desktop.readings.ui import texts
from tsn_desktop.ui.formatting import datetime_text

Index = QModelIndex | QPersistentModelIndex


class ReadingsTableModel(QAbstractTableModel):
    WHEN, KIND, VALUE, NOTES, SOURCE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Reading] = []

    def set_readings(self, readings: Sequence[Reading]) -> None:
        self.beginResetModel()
        self._rows = sorted(readings, key=lambda r: r.at, reverse=True)
        self.endResetModel()

    def reading(self, row: int) -> Reading:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < 5:
            return None
        return (self.tr("Measured at"), self.tr("Measurement"), self.tr("Value"),
                self.tr("Notes"), self.tr("Source"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == self.WHEN:
                return datetime_text(r.at)
            if column == self.KIND:
                return texts.kind_label(r.kind)
            if column == self.VALUE:
                return texts.value_text(r)
            if column == self.NOTES:
                return texts.notes_text(r)
            if column == self.SOURCE:
                return " · ".join(p for p in (r.source, r.device) if p)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.VALUE and r.original:
            return self.tr("As the device gave it: %1").replace("%1", r.original)
        return None
