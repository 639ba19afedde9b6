"""The "to assign" tab: readings of an import whose patient was not certain, grouped by
file and user, given to the patient chosen on the page (or given again to another)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.feature import QT_TRANSLATE_NOOP, FeatureContext
from tsn_desktop.readings import service
from tsn_desktop.readings.inbox import InboxGroup
from tsn_desktop.readings.ui import texts
from tsn_desktop.ui.formatting import datetime_text
from tsn_desktop.ui.rows_model import RowsMixin

Index = QModelIndex | QPersistentModelIndex


class InboxModel(RowsMixin, QAbstractTableModel):
    FILE, USER, WHY, COUNT, SPAN, GIVEN = range(6)
    COLUMN_COUNT = 6
    TITLES_CONTEXT = "InboxModel"
    TITLES = (
        QT_TRANSLATE_NOOP("InboxModel", "File"),
        QT_TRANSLATE_NOOP("InboxModel", "User in the file"),
        QT_TRANSLATE_NOOP("InboxModel", "Why"),
        QT_TRANSLATE_NOOP("InboxModel", "Readings"),
        QT_TRANSLATE_NOOP("InboxModel", "Measured"),
        QT_TRANSLATE_NOOP("InboxModel", "Given to"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxGroup] = []

    def set_groups(self, rows: Sequence[InboxGroup]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def group(self, row: int) -> InboxGroup:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        g: InboxGroup | None = self.item_at(index)
        if g is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (g.file, g.user_label or "—", texts.inbox_reason(g.reason), str(g.count),
                    f"{datetime_text(g.first)} – {datetime_text(g.last)}",
                    g.assigned_name)[index.column()]
        return None


class InboxPanel(QWidget):
    """The inbox; "Assign" gives the selected group to the patient chosen on the page."""

    shown = Signal()
    assigned = Signal(str)  # the patient id that got readings

    def __init__(self, context: FeatureContext, chosen_patient: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen_patient = chosen_patient
        self.model = InboxModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("readings_inbox")
        self.table.setAccessibleName(self.tr("Readings to assign"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.show_given = QCheckBox(self.tr("Show readings already &given (to reassign)"), self)
        self.assign_button = QPushButton(self.tr("&Give to the chosen patient"), self)
        self.assign_button.setObjectName("readings_assign")
        self.assign_button.setToolTip(self.tr(
            "Choose the patient in the list below, then give them the selected readings"))
        self.assign_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("readings_inbox_status")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()  # the choice of what is shown below: one row did not fit 800 px
        bar.addWidget(self.status, 1)
        bar.addWidget(self.assign_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.show_given)
        layout.addWidget(self.table, 1)
        self.show_given.toggled.connect(lambda _on: self.refresh())
        self.assign_button.clicked.connect(self.assign_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_buttons())
        self.refresh()

    def refresh(self) -> None:
        given = self.show_given.isChecked()
        self.context.runner.run(lambda db: service.inbox_groups(db, given), self._show,
                                owner=self)

    def _show(self, groups: list[InboxGroup]) -> None:
        self.model.set_groups(groups)
        waiting = sum(g.count for g in groups if g.assigned_to is None)
        self.status.setText(self.tr("%n reading(s) to assign", "", waiting) if waiting else
                            self.tr("Nothing to assign."))
        self.update_buttons()
        self.shown.emit()

    def update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.assign_button.setEnabled(bool(rows) and self.chosen_patient() is not None)

    def assign_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        patient_id = self.chosen_patient()
        if not rows or patient_id is None:
            return
        g = self.model.group(rows[0].row())
        self.context.runner.run(
            lambda db: service.assign(db, g.import_id, g.user_label, patient_id),
            lambda _n: self._assigned(patient_id), owner=self)

    def _assigned(self, patient_id: str) -> None:
        self.assigned.emit(patient_id)
        self.refresh()
