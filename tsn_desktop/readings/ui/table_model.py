"""The table of a patient's readings, newest first, read a page at a time as it scrolls (a
patient with years of minute-level readings opens as fast as one with a few)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from tsn_desktop.readings.model import Reading
from tsn_desktop.readings.service import TablePage
from tsn_desktop.readings.ui import texts
from tsn_desktop.ui.formatting import datetime_text

Index = QModelIndex | QPersistentModelIndex


class ReadingsTableModel(QAbstractTableModel):
    """Newest first, a page at a time: the view asks for more as the user scrolls
    (canFetchMore / fetchMore), and `more_wanted` tells the page which page to read."""

    WHEN, KIND, VALUE, NOTES, SOURCE = range(5)
    more_wanted = Signal(object)  # the key the next page starts after (TablePage.after)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Reading] = []
        self._after: tuple[str, int] | None = None
        self._total = 0
        self._asked = False  # a page is on its way

    def set_page(self, page: TablePage | None) -> None:
        """The first page of a patient (None: no patient)."""
        self.beginResetModel()
        self._rows = list(page.readings) if page else []
        self._after = page.after if page else None
        self._total = page.total if page else 0
        self._asked = False
        self.endResetModel()

    def add_page(self, after: tuple[str, int] | None, page: TablePage) -> None:
        """A page read for `after`; dropped when the table was reset since."""
        if after != self._after or not self._asked:
            return
        self._asked = False
        if page.readings:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.readings) - 1)
            self._rows.extend(page.readings)
            self.endInsertRows()
        self._after = page.after if page.readings else None
        self._total = page.total

    def page_failed(self) -> None:
        self._asked = False

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._asked and self._after is not None \
            and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._asked = True
            self.more_wanted.emit(self._after)

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
