"""The audit trail as a Qt table model, read a page at a time through the DB runner."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from tsn_desktop.audit import service
from tsn_desktop.audit.model import PAGE_SIZE, AuditEntry, AuditFilter
from tsn_desktop.audit.ui import texts
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.ui.rows_model import RowsMixin

log = logging.getLogger(__name__)
_ModelIndex = QModelIndex | QPersistentModelIndex
FilterMaker = Callable[[Database], AuditFilter]


class AuditTableModel(RowsMixin, QAbstractTableModel):
    """Newest first. `set_query` takes a function run on the DB thread that makes the
    filter (a patient's care teams or a name search need the database); later pages
    come with fetchMore as the view scrolls, so a year of trail never loads at once."""

    WHEN, WHO, WHAT, PATIENT, RECORD, SOURCE = range(6)
    COLUMN_COUNT = 6
    EntryRole = Qt.ItemDataRole.UserRole + 1

    loaded = Signal(int, int)    # lines shown, lines matching
    failed = Signal(object)      # the exception (never shown as text: it may carry data)

    def __init__(self, runner: DbRunner | None = None, parent: QObject | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._runner = runner
        self._page_size = page_size
        self._rows: list[AuditEntry] = []
        self._maker: FilterMaker | None = None
        self._filter: AuditFilter | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self._total = 0
        self.own_rpps: str | None = None

    # --- what to show ----------------------------------------------------------------------
    def current_filter(self) -> AuditFilter | None:
        return self._filter

    def total(self) -> int:
        return self._total

    def set_query(self, maker: FilterMaker | None) -> None:
        """Shows what `maker` selects (None: nothing), from the first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._maker = maker
        self._filter = None
        self._more = False
        self._total = 0
        self.endResetModel()
        if maker is None or self._runner is None:
            self._loading = False
            return
        self._loading = True
        generation = self._generation
        size = self._page_size

        def first_page(db: Database) -> tuple[AuditFilter, list[AuditEntry], int, str | None]:
            flt = maker(db)
            row = db.query_one("SELECT rpps FROM practitioner_profile WHERE id = 1")
            return (flt, service.lines(db, flt, None, size), service.count(db, flt),
                    str(row[0]) if row else None)

        self._runner.run(first_page,
                         lambda result: self._first_arrived(generation, *result),
                         lambda exc: self._failed(generation, exc))

    def reload(self) -> None:
        self.set_query(self._maker)

    def clear(self) -> None:
        self.set_query(None)

    def entry(self, row: int) -> AuditEntry | None:
        entry: AuditEntry | None = self.item(row)
        return entry

    # --- loading ---------------------------------------------------------------------------
    def _first_arrived(self, generation: int, flt: AuditFilter, page: list[AuditEntry],
                       total: int, own: str | None) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the model is gone, or the filter changed meanwhile
        self._filter = flt
        self._total = total
        self.own_rpps = own
        self._loading = False
        self._append(page)

    def _next_arrived(self, generation: int, page: list[AuditEntry]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._loading = False
        self._append(page)

    def _append(self, page: list[AuditEntry]) -> None:
        self._more = len(page) >= self._page_size
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.loaded.emit(len(self._rows), max(self._total, len(self._rows)))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._loading = False
        self._more = False
        log.error("reading the audit trail failed: %s", type(exc).__name__)
        self.failed.emit(exc)

    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent) or self._runner is None or self._filter is None:
            return
        self._loading = True
        generation, flt, after, size = (self._generation, self._filter, self._rows[-1],
                                        self._page_size)
        self._runner.run(lambda db: service.lines(db, flt, after, size),
                         lambda page: self._next_arrived(generation, page),
                         lambda exc: self._failed(generation, exc))

    # --- the table ---------------------------------------------------------------------------
    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry: AuditEntry | None = self.item_at(index)
        if entry is None:
            return None
        if role == self.EntryRole:
            return entry
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.WHEN:
            return texts.when_label(entry)
        if column == self.WHO:
            return texts.actor_label(entry, self.own_rpps)
        if column == self.WHAT:
            return texts.action_label(entry.action)
        if column == self.PATIENT:
            return entry.patient_name or ("—" if entry.patient_id is None else entry.patient_id)
        if column == self.RECORD:
            return texts.record_label(entry.resource_type)
        if column == self.SOURCE:
            return texts.origin_label(entry)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 6:
            return texts.column_titles()[section]
        return None
