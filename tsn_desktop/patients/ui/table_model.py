"""The register's table model: one row per Patient, sorted the French way (QCollator)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from tsn_desktop.core import identifiers
from tsn_desktop.patients.model import Patient
from tsn_desktop.patients.ui import texts

ModelIndex = QModelIndex | QPersistentModelIndex
PatientRole = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    NAME = 0
    GIVEN_NAMES = 1
    SEX = 2
    BIRTH_DATE = 3
    INS = 4
    STATUS = 5
    CITY = 6
    TREATING_GP = 7


def french_collator() -> QCollator:
    """Accent- and case-blind comparison in French order (É beside E, Œ beside O)."""
    collator = QCollator(QLocale(QLocale.Language.French, QLocale.Country.France))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator


class PatientTableModel(QAbstractTableModel):
    """Read-only rows of patients; `patient(row)` gives the record behind a row.

    The rows may be the first pages of a longer result (`total`): when the view scrolls
    to the end, Qt calls fetchMore and `more_wanted` asks the page for the next one."""

    more_wanted = Signal(int)  # how many rows are loaded: the offset of the next page

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._patients: list[Patient] = []
        self._total = 0
        self._asked_at = -1  # one request per page, however often Qt asks
        self._today = today
        self._collator = french_collator()
        self._sort_column = Column.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- content ----------------------------------------------------------------------
    def set_patients(self, patients: Sequence[Patient], today: date | None = None,
                     total: int | None = None) -> None:
        self.beginResetModel()
        if today is not None:
            self._today = today
        self._patients = list(patients)
        self._total = len(self._patients) if total is None else total
        self._asked_at = -1
        self._patients.sort(key=self._sort_key(self._sort_column),
                            reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def append_patients(self, patients: Sequence[Patient], total: int) -> None:
        """The next page; rows already loaded keep their place (sorted among themselves
        by the database order, which is the name order)."""
        known = {p.id for p in self._patients}
        fresh = [p for p in patients if p.id not in known]
        self._total = total
        if fresh:
            first = len(self._patients)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._patients.extend(fresh)
            self.endInsertRows()
        else:
            self._total = len(self._patients)  # nothing new came: stop asking

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._patients) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent) and self._asked_at != len(self._patients):
            self._asked_at = len(self._patients)
            self.more_wanted.emit(len(self._patients))

    def patient(self, row: int) -> Patient | None:
        return self._patients[row] if 0 <= row < len(self._patients) else None

    def row_of(self, patient_id: str) -> int:
        for row, patient in enumerate(self._patients):
            if patient.id == patient_id:
                return row
        return -1

    # --- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._patients)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return {
            Column.NAME: self.tr("Name"),
            Column.GIVEN_NAMES: self.tr("Given names"),
            Column.SEX: self.tr("Sex"),
            Column.BIRTH_DATE: self.tr("Date of birth"),
            Column.INS: self.tr("INS"),
            Column.STATUS: self.tr("Identity"),
            Column.CITY: self.tr("City"),
            Column.TREATING_GP: self.tr("Treating GP"),
        }[Column(section)]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        patient = self.patient(index.row())
        if patient is None or not 0 <= index.column() < len(Column):
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(patient, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long composed names are cut in narrow columns: the tooltip shows them whole.
            if column == Column.SEX:
                return texts.sex_label(patient.sex)
            if column == Column.STATUS:
                return texts.identity_status_label(patient.identity_status) + "\n" + \
                    texts.identity_status_help(patient.identity_status)
            return self._display(patient, column) or None
        if role == PatientRole:
            return patient
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort_column = Column(column)
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        before = list(self._patients)
        self._patients.sort(key=self._sort_key(self._sort_column),
                            reverse=order == Qt.SortOrder.DescendingOrder)
        # Keep the selection and current row on the same patients.
        new_row = {id(p): row for row, p in enumerate(self._patients)}
        old_indexes = self.persistentIndexList()
        new_indexes = []
        for index in old_indexes:
            if index.isValid() and 0 <= index.row() < len(before):
                new_indexes.append(self.index(new_row[id(before[index.row()])], index.column()))
            else:
                new_indexes.append(QModelIndex())
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()

    # --- helpers ----------------------------------------------------------------------
    def _display(self, patient: Patient, column: Column) -> str:
        if column == Column.NAME:
            return texts.family_name(patient)
        if column == Column.GIVEN_NAMES:
            return patient.given_names
        if column == Column.SEX:
            return texts.sex_short(patient.sex)
        if column == Column.BIRTH_DATE:
            return texts.date_with_age(patient.birth_date, self._today)
        if column == Column.INS:
            return identifiers.format_ins(patient.ins) if patient.ins else ""
        if column == Column.STATUS:
            return texts.register_state(patient)
        if column == Column.CITY:
            return patient.city
        return patient.treating_gp

    def _sort_key(self, column: Column) -> Callable[[Patient], Any]:
        compare = self._collator.compare

        def text_key(value: Callable[[Patient], str]) -> Callable[[Patient], Any]:
            # Ties broken by name, given names and birth date: a stable, readable order.
            def cmp(a: Patient, b: Patient) -> int:
                return (compare(value(a), value(b))
                        or compare(self._usual_name(a), self._usual_name(b))
                        or compare(a.given_names, b.given_names)
                        or (a.birth_date > b.birth_date) - (a.birth_date < b.birth_date))
            return functools.cmp_to_key(cmp)

        if column == Column.BIRTH_DATE:
            name_key = text_key(lambda p: "")
            return lambda p: (p.birth_date, name_key(p))
        getters: dict[Column, Callable[[Patient], str]] = {
            Column.NAME: self._usual_name,
            Column.GIVEN_NAMES: lambda p: p.given_names,
            Column.SEX: lambda p: p.sex,
            Column.INS: lambda p: p.ins,
            Column.STATUS: texts.register_state,
            Column.CITY: lambda p: p.city,
            Column.TREATING_GP: lambda p: p.treating_gp,
        }
        return text_key(getters[column])

    @staticmethod
    def _usual_name(patient: Patient) -> str:
        return patient.used_name or patient.birth_name
