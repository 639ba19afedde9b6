"""What a read-only table model over a list of items shares: one item a row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

_ModelIndex = QModelIndex | QPersistentModelIndex


class RowsMixin:
    """Mixed into a QAbstractTableModel (before it) that shows `_rows` over
    `COLUMN_COUNT` columns; the model says what each cell shows. Column headings are
    `TITLES`, QT_TRANSLATE_NOOP sources of `TITLES_CONTEXT` worded when asked for (a
    model with other headings has its own headerData)."""

    COLUMN_COUNT = 0
    TITLES: tuple[str, ...] = ()
    TITLES_CONTEXT = ""
    _rows: list[Any]

    def item(self, row: int) -> Any:
        """The item on `row`, or None past the end."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def item_at(self, index: _ModelIndex) -> Any:
        """The item an index shows, or None for an invalid index."""
        return self.item(index.row()) if index.isValid() else None

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < len(self.TITLES)):
            return None
        return QCoreApplication.translate(self.TITLES_CONTEXT, self.TITLES[section])


__all__ = ["RowsMixin"]
