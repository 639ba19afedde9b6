"""Qt model of the due list: one row per patient and vaccine group still to give, most
late first; overdue in red and due in blue, as clinicians expect."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.ui.formatting import age_text, date_text
from tsn_desktop.ui.rows_model import RowsMixin
from tsn_desktop.vaccination.due_list import DUE_NOW, OVERDUE, DueRow, DueTable
from tsn_desktop.vaccination.ui import page_texts

_ModelIndex = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.UserRole})


class _Lazy:
    """RowsMixin counts `_rows`: the length of the selection, rows built when shown."""

    def __init__(self, model: DueModel) -> None:
        self._model = model

    def __len__(self) -> int:
        return len(self._model._indices)

    def __getitem__(self, row: int) -> DueRow | None:
        return self._model.row_at(row)
RED = QColor("#b71c1c")
BLUE = QColor("#0d47a1")


class DueModel(RowsMixin, QAbstractTableModel):
    """The rows the filters keep (due_list.select), in their order."""

    PATIENT, AGE, VACCINE, DOSE, STATE, RECOMMENDED, LATE, COMPULSORY, GP, RECALL = range(10)
    COLUMN_COUNT = 10
    TITLES_CONTEXT = "DueModel"
    TITLES = (
        QT_TRANSLATE_NOOP("DueModel", "Patient"),
        QT_TRANSLATE_NOOP("DueModel", "Age"),
        QT_TRANSLATE_NOOP("DueModel", "Vaccine"),
        QT_TRANSLATE_NOOP("DueModel", "Dose"),
        QT_TRANSLATE_NOOP("DueModel", "State"),
        QT_TRANSLATE_NOOP("DueModel", "Recommended on"),
        QT_TRANSLATE_NOOP("DueModel", "Days late"),
        QT_TRANSLATE_NOOP("DueModel", "Compulsory"),
        QT_TRANSLATE_NOOP("DueModel", "Treating GP"),
        QT_TRANSLATE_NOOP("DueModel", "Last recall"),
    )

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: DueTable | None = None
        self._indices: np.ndarray = np.zeros(0, dtype=np.int64)
        self._rows = _Lazy(self)
        self._today = today

    def set_rows(self, table: DueTable | None, indices: np.ndarray | None = None) -> None:
        """The table's rows at `indices` (DueTable.select), in that order."""
        self.beginResetModel()
        self._table = table
        self._indices = (indices if indices is not None or table is None
                         else np.arange(len(table)))
        if table is None:
            self._indices = np.zeros(0, dtype=np.int64)
        self._today = table.today if table is not None else self._today
        self.endResetModel()

    def rows(self) -> list[DueRow]:
        """Every row shown, as records (exports: built on demand)."""
        return self._table.rows(self._indices) if self._table is not None else []

    def row_at(self, row: int) -> DueRow | None:
        if self._table is None or not 0 <= row < len(self._indices):
            return None
        return self._table.row(int(self._indices[row]))

    def patient_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.patient.id if found is not None else None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            if row.state == OVERDUE:
                return QBrush(RED)
            if row.state == DUE_NOW:
                return QBrush(BLUE)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DOSE, self.LATE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.patient.id
        return None

    def _text(self, row: DueRow, column: int) -> str:
        item = row.item
        if column == self.PATIENT:
            return row.patient.name
        if column == self.AGE:
            return age_text(row.patient.birth_date, self._today)
        if column == self.VACCINE:
            return item.group
        if column == self.DOSE:
            return str(item.dose_number) if item.dose_number else ""
        if column == self.STATE:
            return page_texts.label("state", row.state)
        if column == self.RECOMMENDED:
            return date_text(item.recommended) if item.recommended else ""
        if column == self.LATE:
            return str(row.days_late) if row.days_late > 0 else ""
        if column == self.COMPULSORY:
            return self.tr("yes") if row.compulsory else ""
        if column == self.GP:
            return row.patient.treating_gp
        if column == self.RECALL and row.recall is not None:
            text = (f"{page_texts.label('method', row.recall.method)} "
                    f"{date_text(row.recall.recalled_on)}")
            if row.recall.retry_on:
                text += " — " + self.tr("try again %1").replace(
                    "%1", date_text(row.recall.retry_on))
            return text
        return ""
