"""The home-visit round of a day: the visits in riding order with proposed times and
addresses, an order proposed from the communes, reordered by hand (Ctrl+Up/Down), saved
into the agenda, printed as a round sheet, and each visit marked done on the road
(offline: statuses sync later)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.agenda import round_sheet, service
from tsn_desktop.agenda.model import DONE, NO_SHOW, StatusNotAllowed
from tsn_desktop.agenda.service import Round, RoundVisit
from tsn_desktop.agenda.ui import texts
from tsn_desktop.core.clock import PARIS
from tsn_desktop.feature import QT_TRANSLATE_NOOP, FeatureContext
from tsn_desktop.ui.fit import FittingDialog
from tsn_desktop.ui.formatting import date_text, time_text
from tsn_desktop.ui.rows_model import RowsMixin

_ModelIndex = QModelIndex | QPersistentModelIndex


class RoundModel(RowsMixin, QAbstractTableModel):
    """The round's visits, one a row, in riding order."""

    COLUMN_COUNT = 7
    TITLES = (QT_TRANSLATE_NOOP("RoundModel", "#"), QT_TRANSLATE_NOOP("RoundModel", "Time"),
              QT_TRANSLATE_NOOP("RoundModel", "Patient"),
              QT_TRANSLATE_NOOP("RoundModel", "Address"),
              QT_TRANSLATE_NOOP("RoundModel", "Phone"),
              QT_TRANSLATE_NOOP("RoundModel", "What to do"),
              QT_TRANSLATE_NOOP("RoundModel", "Status"))
    TITLES_CONTEXT = "RoundModel"

    def __init__(self, visits: list[RoundVisit] | None = None, zone: Any = PARIS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[RoundVisit] = list(visits or [])

    def set_visits(self, visits: list[RoundVisit]) -> None:
        self.beginResetModel()
        self._rows = list(visits)
        self.endResetModel()

    def visits(self) -> list[RoundVisit]:
        return list(self._rows)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        v: RoundVisit | None = self.item_at(index)
        if v is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and v.planned.late:
            return QColor("#fde8e8")
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and v.appointment.fixed_time:
            return self.tr("Fixed time: %1 (±15 min)").replace(
                "%1", time_text(v.appointment.start, self.zone))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        a = v.appointment
        if column == 0:
            return str(index.row() + 1)
        if column == 1:
            shown = time_text(v.planned.arrive, self.zone)
            if a.fixed_time:
                shown += " " + self.tr("(fixed)")
            return shown + (" !" if v.planned.late else "")
        if column == 2:
            return v.patient_name
        if column == 3:
            return v.address + (f" ({v.commune})" if v.commune and v.commune.lower()
                                not in v.address.lower() else "")
        if column == 4:
            return v.phone
        if column == 5:
            return a.todo
        return texts.status_label(a.status)


class RoundDialog(FittingDialog):
    """`visits()` in the order shown; every DB call through the runner."""

    def __init__(self, context: FeatureContext, day: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.runner = context, context.runner
        self.zone = getattr(context.clock, "zone", PARIS)
        self.plan: Round | None = None
        self.setWindowTitle(self.tr("Home-visit round"))
        self.resize(1000, 520)
        self.day = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("Day of the round"))
        self.model = RoundModel(zone=self.zone, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Visits of the round, in order"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        def button(text: str, keys: str, slot: Any) -> QPushButton:
            act = QAction(text, self)
            if keys:
                act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            self.addAction(act)
            b = QPushButton(text, self)
            b.clicked.connect(act.trigger)
            if keys:
                b.setToolTip(f"{text.replace('&', '')} ({keys})")
            return b

        self.propose_button = button(self.tr("&Propose an order"), "Ctrl+P", self.propose)
        self.up_button = button(self.tr("Move &up"), "Ctrl+Up", lambda: self.shift(-1))
        self.down_button = button(self.tr("Move do&wn"), "Ctrl+Down", lambda: self.shift(1))
        self.save_button = button(self.tr("&Save order and times"), "Ctrl+S", self.save)
        self.print_button = button(self.tr("Print the round &sheet…"), "Ctrl+Shift+P",
                                   self.print_sheet)
        self.done_button = button(self.tr("Mark &done"), "F8", lambda: self.mark(DONE))
        self.absent_button = button(self.tr("&Not at home"), "F9", lambda: self.mark(NO_SHOW))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:"), self))
        top.addWidget(self.day)
        top.addWidget(self.propose_button)
        top.addStretch(1)
        moves = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.done_button, self.absent_button):
            moves.addWidget(b)
        moves.addStretch(1)
        moves.addWidget(self.save_button)
        moves.addWidget(self.print_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(moves)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.day.dateChanged.connect(lambda _d: self.load())
        self.load()

    # --- reading ---------------------------------------------------------------------
    def chosen_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def load(self, order: list[str] | None = None, *, propose: bool = False) -> None:
        day = self.chosen_day()
        self.runner.run(lambda db: service.home_round(db, day, order, propose=propose),
                        self._loaded, self._failed, owner=self)

    def propose(self) -> None:
        self.load(propose=True)
        self.message.setText(self.tr("Order proposed: fixed-time visits first, then the "
                                     "nearest commune. Save it to keep it."))

    def _loaded(self, plan: Round) -> None:
        selected = self._chosen_id
        self.plan = plan
        self.model.set_visits(list(plan.visits))
        self.table.resizeColumnsToContents()
        late = sum(1 for v in plan.visits if v.planned.late)
        parts = [self.tr("%n visit(s)", "", len(plan.visits))]
        if plan.visits:
            parts.append(self.tr("from %1 to %2").replace(
                "%1", time_text(plan.visits[0].planned.arrive, self.zone)).replace(
                "%2", time_text(plan.visits[-1].planned.arrive, self.zone)))
        if late:
            parts.append(self.tr("%n fixed-time visit(s) reached late: move them up",
                                 "", late))
        if plan.unplaced:
            parts.append(self.tr("%n address(es) not found among the communes: 15 min of "
                                 "travel counted", "", plan.unplaced))
        self.summary.setText(" · ".join(parts))
        if selected is not None:
            self.select(selected)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StatusNotAllowed):
            self.message.setText(texts.status_not_allowed(exc.old, exc.new))
        else:
            self.message.setText(self.tr("The round could not be read or saved: try "
                                         "again."))

    # --- order -------------------------------------------------------------------------
    def visits(self) -> list[RoundVisit]:
        return self.model.visits()

    def selected(self) -> RoundVisit | None:
        current = self.table.currentIndex()
        return self.model.item(current.row()) if current.isValid() else None

    @property
    def _chosen_id(self) -> str | None:
        chosen = self.selected()
        return chosen.appointment.id if chosen else None

    def select(self, appointment_id: str) -> None:
        for n, v in enumerate(self.model.visits()):
            if v.appointment.id == appointment_id:
                self.table.setCurrentIndex(self.model.index(n, 0))

    def shift(self, step: int) -> None:
        """Ctrl+Up/Down: the chosen visit earlier or later in the round; times follow."""
        chosen = self.selected()
        if chosen is None:
            return
        order = [v.appointment.id for v in self.model.visits()]
        at = order.index(chosen.appointment.id)
        to = max(0, min(len(order) - 1, at + step))
        order.insert(to, order.pop(at))
        self.load(order)

    def save(self) -> None:
        plan = self.plan
        if plan is None:
            return
        plan = Round(plan.day, plan.origin, tuple(self.model.visits()))
        self.runner.run(lambda db: service.save_round(db, plan), self._saved, self._failed,
                        owner=self)

    def _saved(self, plan: Round) -> None:
        self._loaded(plan)
        self.message.setText(self.tr("Order and times saved in the agenda."))

    def mark(self, status: str) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        rid, order = chosen.appointment.id, [v.appointment.id for v in self.model.visits()]
        day = self.chosen_day()

        def store(db: Any) -> Round:
            service.set_status(db, rid, status)
            return service.home_round(db, day, order)

        self.runner.run(store, self._marked, self._failed, owner=self)

    def _marked(self, plan: Round) -> None:
        self._loaded(plan)
        self.message.setText(self.tr("Saved on this computer; it reaches the hub at the "
                                     "next sync."))

    # --- the sheet ---------------------------------------------------------------------
    def sheet_words(self) -> round_sheet.SheetWords:
        return round_sheet.SheetWords(
            title=self.tr("Home-visit round of %1"),
            start_from=self.tr("Leaving from: %1"),
            headers=(self.tr("#"), self.tr("Time"), self.tr("Patient"), self.tr("Address"),
                     self.tr("Phone"), self.tr("What to do"), self.tr("Notes"),
                     self.tr("Done")),
            fixed=self.tr("fixed time %1 (±15 min)"),
            late=self.tr("LATER than the fixed time"),
            travel=self.tr("%1 min drive"),
            footer=self.tr("Printed at %1 · %2 visits · confidential: patient data"),
            day_text=f"{texts.weekday_short(self.chosen_day())} "
                     f"{date_text(self.chosen_day())}")

    def sheet_bytes(self, printed_at: datetime) -> bytes:
        assert self.plan is not None
        plan = Round(self.plan.day, self.plan.origin, tuple(self.model.visits()))
        who = self.context.practitioner
        name = f"{who.given_names} {who.family_name.upper()}"
        return round_sheet.render(plan, self.sheet_words(), name, self.zone,
                                  time_text(printed_at, self.zone))

    def print_sheet(self) -> None:
        if not self.model.visits():
            self.message.setText(self.tr("No visit this day: nothing to print."))
            return
        name = f"tournee-{self.chosen_day().isoformat()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Round sheet"), name,
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.write_sheet(Path(path))

    def write_sheet(self, path: Path) -> None:
        """Writes the sheet where the user chose (built in memory first: a failed write
        leaves no half file of patient data)."""
        data = self.sheet_bytes(self.context.clock.now())
        try:
            path.write_bytes(data)
        except OSError:
            self.message.setText(self.tr("The sheet could not be written there: choose "
                                         "another folder."))
            return
        self.message.setText(self.tr("Round sheet written: %1").replace("%1", path.name))
