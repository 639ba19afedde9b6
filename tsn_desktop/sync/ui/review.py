"""The sync review dialog: conflicts kept for the user and local changes the hub refused.

Conflicts: which record, what happened, when; the two copies side by side, element by
element, differing elements marked (a sign and bold type, not colour alone). The user
keeps the hub's version or takes their own copy again (queued as a new local change).
Refused changes: which record, when, the hub's reason as it gave it; try again.

Every database call goes through the DbRunner. Patient names are read from the local
register for this window only and never logged. `changed` is emitted after every action
so the app can refresh the status bar and start a pass.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.clock import Clock, parse_utc_iso
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.sync import engine
from tsn_desktop.sync.adapters import AdapterRegistry, Resource
from tsn_desktop.ui.forms import row_table

log = logging.getLogger(__name__)

MARKER = "≠"
_DIFF_BACKGROUND = QColor(255, 236, 179)   # pale amber; text forced dark on it
_DIFF_FOREGROUND = QColor(0, 0, 0)
_Index = QModelIndex | QPersistentModelIndex


class ReviewDescriber(Protocol):
    """What the features tell the review (sync/ imports no feature; app.py passes one)."""

    def patient_name(self, db: Database, patient_id: str) -> str | None:
        """The patient's name as the register shows it (DB thread), or None."""
        ...

    def compare(self, resource_type: str, mine: Resource | None,
                theirs: Resource | None) -> list[tuple[str, str, str]] | None:
        """(label, my value, hub value) per element in the feature's own words, or None
        for a type the feature does not describe (top-level elements are shown)."""
        ...


class CombinedReview:
    """The features' describers asked in feature order: the first that knows answers."""

    def __init__(self, describers: Sequence[ReviewDescriber]) -> None:
        self.describers = list(describers)

    def patient_name(self, db: Database, patient_id: str) -> str | None:
        for describer in self.describers:
            name = describer.patient_name(db, patient_id)
            if name is not None:
                return name
        return None

    def compare(self, resource_type: str, mine: Resource | None,
                theirs: Resource | None) -> list[tuple[str, str, str]] | None:
        for describer in self.describers:
            rows = describer.compare(resource_type, mine, theirs)
            if rows is not None:
                return rows
        return None


# --- what the DB thread hands back -------------------------------------------------------
@dataclass(frozen=True)
class ConflictItem:
    record: engine.ConflictRecord
    name: str                    # the patient the record is about, when known here
    has_local_copy: bool


@dataclass(frozen=True)
class ParkedItem:
    change: engine.ParkedChange
    name: str


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    mine: str
    theirs: str
    differs: bool


def _patient_id_in(resource_type: str, resource_id: str,
                   copies: Sequence[Resource | None]) -> str | None:
    if resource_type == "Patient":
        return resource_id
    for copy in copies:
        if not isinstance(copy, dict):
            continue
        for key in ("subject", "patient"):
            ref = copy.get(key)
            ref = ref.get("reference") if isinstance(ref, dict) else None
            if isinstance(ref, str) and ref.startswith("Patient/"):
                return ref.split("/", 1)[1]
    return None


def _name(db: Database, describer: ReviewDescriber | None, patient_id: str | None) -> str:
    if not patient_id or describer is None:
        return ""
    try:
        return describer.patient_name(db, patient_id) or ""
    except ValueError:   # a row this build cannot read: show no name rather than fail
        return ""


def load_conflicts(describer: ReviewDescriber | None = None,
                   ) -> Callable[[Database], list[ConflictItem]]:
    def load(db: Database) -> list[ConflictItem]:
        items = []
        for record in engine.open_conflicts(db):
            local, hub = engine.conflict_copies(db, record.id)
            pid = _patient_id_in(record.resource_type, record.resource_id, (local, hub))
            items.append(ConflictItem(record, _name(db, describer, pid), local is not None))
        return items

    return load


def load_parked(registry: AdapterRegistry | None, describer: ReviewDescriber | None = None,
                ) -> Callable[[Database], list[ParkedItem]]:
    def load(db: Database) -> list[ParkedItem]:
        items = []
        for change in engine.parked_changes(db):
            copies: list[Resource | None] = []
            adapter = registry.get(change.resource_type) if registry else None
            if adapter is not None and change.resource_type != "Patient":
                try:
                    copies.append(adapter.to_fhir(db, change.resource_id))
                except Exception:  # noqa: BLE001 - the name is a help, not a need
                    log.warning("parked %s: record not readable", change.resource_type)
            pid = _patient_id_in(change.resource_type, change.resource_id, copies)
            items.append(ParkedItem(change, _name(db, describer, pid)))
        return items

    return load


# --- a read-only table model ------------------------------------------------------------------
class TextTableModel(QAbstractTableModel):
    """Rows of text; a marked row (a difference) is bold on a pale background and its
    first cell starts with the marker, so the mark does not rest on colour alone."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[str]] = []
        self._marked: list[bool] = []
        self._accessible: list[list[str]] = []

    def set_rows(self, rows: Sequence[Sequence[str]], marked: Sequence[bool] | None = None,
                 accessible: Sequence[Sequence[str]] | None = None) -> None:
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._marked = list(marked) if marked is not None else [False] * len(self._rows)
        self._accessible = [list(a) for a in accessible] if accessible is not None else \
            [list(r) for r in self._rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def is_marked(self, row: int) -> bool:
        return self._marked[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or \
                not (0 <= index.column() < len(self._headers)):
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[row][col]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible[row][col]
        if self._marked[row]:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(_DIFF_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_DIFF_FOREGROUND)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _table(parent: QWidget, model: TextTableModel, name: str, *,
           multi: bool = False) -> QTableView:
    view = row_table(parent, model, name,
                     selection=QAbstractItemView.SelectionMode.ExtendedSelection if multi
                     else QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _empty_label(parent: QWidget, text: str) -> QLabel:
    """What a tab says in place of an empty list; hidden until the list is read (not
    empty yet, only unknown)."""
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.hide()
    label.setAccessibleName(text)
    return label


# Record types and conflict kinds as catalogue sources (in the dialog's context);
# worded in the current language at each call.
_TYPE_WORDS = {
    "Patient": QT_TRANSLATE_NOOP("SyncReviewDialog", "Patient"),
    "CareTeam": QT_TRANSLATE_NOOP("SyncReviewDialog", "Care team"),
    "Immunization": QT_TRANSLATE_NOOP("SyncReviewDialog", "Vaccination"),
    "ImmunizationRecommendation": QT_TRANSLATE_NOOP(
        "SyncReviewDialog", "Vaccination recommendation"),
    "Observation": QT_TRANSLATE_NOOP("SyncReviewDialog", "Reading"),
    "Appointment": QT_TRANSLATE_NOOP("SyncReviewDialog", "Appointment"),
    "Communication": QT_TRANSLATE_NOOP("SyncReviewDialog", "Message"),
    "Practitioner": QT_TRANSLATE_NOOP("SyncReviewDialog", "Directory entry"),
    "AuditEvent": QT_TRANSLATE_NOOP("SyncReviewDialog", "Audit entry"),
    "Task": QT_TRANSLATE_NOOP("SyncReviewDialog", "Return-home task"),
    "DocumentReference": QT_TRANSLATE_NOOP("SyncReviewDialog", "Shared document"),
}
_KIND_WORDS = {
    "element": QT_TRANSLATE_NOOP("SyncReviewDialog", "Changed here and on the hub"),
    "ins_identity": QT_TRANSLATE_NOOP("SyncReviewDialog", "Identity set by the INS on the hub"),
    "edit_beats_delete": QT_TRANSLATE_NOOP(
        "SyncReviewDialog", "Changed on one side, deleted on the other"),
    "deleted": QT_TRANSLATE_NOOP("SyncReviewDialog", "Deleted on the hub"),
    "hub_order": QT_TRANSLATE_NOOP("SyncReviewDialog", "Changed here and on the hub"),
    "append_only": QT_TRANSLATE_NOOP("SyncReviewDialog", "Recorded differently on the hub"),
    "cancel_wins": QT_TRANSLATE_NOOP("SyncReviewDialog", "Cancelled on one side"),
    "appointment_status": QT_TRANSLATE_NOOP(
        "SyncReviewDialog", "Status changed here and on the hub"),
    "refused_by_hub": QT_TRANSLATE_NOOP("SyncReviewDialog", "Your change was refused by the hub"),
    "hub_restored": QT_TRANSLATE_NOOP("SyncReviewDialog", "Hub restored from a backup"),
    "unreadable_hub_copy": QT_TRANSLATE_NOOP(
        "SyncReviewDialog", "Hub copy not readable by this version"),
}


def _worded(table: dict[str, str], code: str) -> str:
    """The words for `code` in `table`, or "" for a code it does not know."""
    source = table.get(code)
    translate = QCoreApplication.translate
    return translate("SyncReviewDialog", source) if source else ""  # QT_TRANSLATE_NOOP


def _action_row(*buttons: QPushButton) -> QHBoxLayout:
    """A tab's action buttons, from the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _button(parent: QWidget, text: str, description: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    button.setToolTip(description)
    button.setEnabled(False)
    return button


# --- the dialog ---------------------------------------------------------------------------
class SyncReviewDialog(QDialog):
    changed = Signal()      # something was settled: counts changed, a pass may be due
    refreshed = Signal()    # both lists were (re)loaded

    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *,
                 registry: AdapterRegistry | None = None, clock: Clock | None = None,
                 describer: ReviewDescriber | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._registry = registry
        self._describer = describer
        self._zone = getattr(clock, "zone", None)
        self._conflicts: list[ConflictItem] = []
        self._parked: list[ParkedItem] = []
        self._loading = 0
        self._busy = False
        self._shown_conflict: str | None = None
        self.setWindowTitle(self.tr("Review synchronisation"))
        self.setAccessibleName(self.tr("Review synchronisation"))

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Review synchronisation"))
        self.tabs.addTab(self._build_conflicts_tab(), self.tr("Conflicts"))
        self.tabs.addTab(self._build_parked_tab(), self.tr("Refused by the hub"))

        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(900, 600)
        self.refresh()

    # --- building --------------------------------------------------------------------------
    def _build_conflicts_tab(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Conflicts"))
        self.conflicts_empty = _empty_label(page, self.tr("No conflict to review."))
        self.conflicts_model = TextTableModel(
            [self.tr("Record"), self.tr("Name"), self.tr("What happened"), self.tr("Date")],
            self)
        self.conflicts_view = _table(page, self.conflicts_model, self.tr("Conflicts to review"))
        self.conflicts_view.selectionModel().selectionChanged.connect(self._conflict_selected)
        self.comparison_title = QLabel(
            self.tr("Select a conflict to compare your copy with the hub's."), page)
        self.comparison_title.setWordWrap(True)
        self.comparison_title.setAccessibleName(self.tr("Comparison"))
        self.comparison_model = TextTableModel(
            [self.tr("Element"), self.tr("Your copy"), self.tr("Hub copy")], self)
        self.comparison_view = _table(page, self.comparison_model,
                                      self.tr("Your copy and the hub copy, element by element"))
        self.legend = QLabel(self.tr("%1 marks the elements that differ.").replace("%1", MARKER),
                             page)
        self.legend.setAccessibleName(self.tr("Legend"))
        self.keep_hub = _button(page, self.tr("Keep the hub's version"),
                                self.tr("Closes this conflict; the record stays as the hub "
                                        "has it"))
        self.keep_hub.clicked.connect(self.keep_hub_version)
        self.use_mine = _button(page, self.tr("Use my copy again"),
                                self.tr("Your copy becomes the record again and is sent to the "
                                        "hub at the next synchronisation"))
        self.use_mine.clicked.connect(self.use_my_copy)
        if self._registry is None:
            self.use_mine.hide()
        actions = _action_row(self.keep_hub, self.use_mine)
        layout = QVBoxLayout(page)
        layout.addWidget(self.conflicts_empty)
        layout.addWidget(self.conflicts_view, 2)
        layout.addWidget(self.comparison_title)
        layout.addWidget(self.comparison_view, 3)
        layout.addWidget(self.legend)
        layout.addLayout(actions)
        return page

    def _build_parked_tab(self) -> QWidget:
        page = QWidget(self)
        page.setAccessibleName(self.tr("Refused by the hub"))
        self.parked_empty = _empty_label(page, self.tr("No change was refused by the hub."))
        self.parked_help = QLabel(self.tr(
            "The hub refused these changes: they stay on this computer. Correct the record "
            "if the reason asks for it, then try again."), page)
        self.parked_help.setWordWrap(True)
        self.parked_help.setAccessibleName(self.tr("About refused changes"))
        self.parked_model = TextTableModel(
            [self.tr("Record"), self.tr("Name"), self.tr("Date"), self.tr("Hub's reason")], self)
        self.parked_view = _table(page, self.parked_model, self.tr("Changes refused by the hub"),
                                  multi=True)
        self.parked_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retry = _button(page, self.tr("Try again"),
                             self.tr("Sends the selected changes to the hub again"))
        self.retry.clicked.connect(self.try_again)
        self.retry_all = _button(page, self.tr("Try all again"),
                                 self.tr("Sends every refused change to the hub again"))
        self.retry_all.clicked.connect(self.try_all_again)
        actions = _action_row(self.retry, self.retry_all)
        layout = QVBoxLayout(page)
        layout.addWidget(self.parked_empty)
        layout.addWidget(self.parked_help)
        layout.addWidget(self.parked_view, 1)
        layout.addLayout(actions)
        return page

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading += 2
        self._runner.run(load_conflicts(self._describer), on_success=self._conflicts_loaded,
                         on_failure=self._load_failed, owner=self)
        self._runner.run(load_parked(self._registry, self._describer),
                         on_success=self._parked_loaded, on_failure=self._load_failed,
                         owner=self)

    def _conflicts_loaded(self, items: list[ConflictItem]) -> None:
        selected = self.selected_conflict()
        self._conflicts = items
        rows = [[self._type_words(i.record.resource_type), i.name,
                 self._kind_words(i.record.kind), self._local_time(i.record.created_at)]
                for i in items]
        self.conflicts_model.set_rows(rows)
        empty = not items
        self.conflicts_empty.setVisible(empty)
        self.conflicts_view.setVisible(not empty)
        self.comparison_title.setVisible(not empty)
        self.comparison_view.setVisible(not empty)
        self.legend.setVisible(not empty)
        self.conflicts_view.resizeColumnsToContents()
        keep = next((n for n, i in enumerate(items)
                     if selected and i.record.id == selected.record.id), 0 if items else None)
        self._show_comparison([])
        if keep is not None:
            self.conflicts_view.selectRow(keep)
        self._loaded_one()

    def _parked_loaded(self, items: list[ParkedItem]) -> None:
        self._parked = items
        self.parked_model.set_rows([
            [self._type_words(i.change.resource_type), i.name,
             self._local_time(i.change.created_at), i.change.reason] for i in items])
        empty = not items
        self.parked_empty.setVisible(empty)
        self.parked_help.setVisible(not empty)
        self.parked_view.setVisible(not empty)
        self.parked_view.resizeColumnsToContents()
        self._loaded_one()

    def _loaded_one(self) -> None:
        self._loading = max(0, self._loading - 1)
        self._update_buttons()
        if self._loading == 0:
            self.refreshed.emit()

    def _load_failed(self, exc: BaseException) -> None:
        log.error("sync review: lists not loaded: %s", type(exc).__name__)
        self._problem(self.tr("The lists could not be read. Close this window and try again."))
        self._loaded_one()

    # --- the comparison -----------------------------------------------------------------------
    def selected_conflict(self) -> ConflictItem | None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._conflicts):
            return None
        return self._conflicts[rows[0].row()]

    def _conflict_selected(self, *_args: object) -> None:
        item = self.selected_conflict()
        self._update_buttons()
        if item is None:
            self._shown_conflict = None
            self._show_comparison([])
            return
        conflict_id, rtype = item.record.id, item.record.resource_type
        self._shown_conflict = conflict_id

        def shown(copies: tuple[Resource | None, Resource | None]) -> None:
            if self._shown_conflict == conflict_id:
                self._show_comparison(self.compare(rtype, *copies))

        self._runner.run(lambda db: engine.conflict_copies(db, conflict_id),
                         on_success=shown, on_failure=self._load_failed_quietly, owner=self)

    def _load_failed_quietly(self, exc: BaseException) -> None:
        log.error("sync review: conflict copies not read: %s", type(exc).__name__)
        self._problem(self.tr("This conflict could not be read."))

    def _show_comparison(self, rows: list[ComparisonRow]) -> None:
        # What differs first (each group keeps the record's own order of elements).
        rows = [r for r in rows if r.differs] + [r for r in rows if not r.differs]
        differing = self.tr("differs")
        self.comparison_model.set_rows(
            [[f"{MARKER} {r.label}" if r.differs else r.label, r.mine or "—", r.theirs or "—"]
             for r in rows],
            marked=[r.differs for r in rows],
            accessible=[[f"{r.label}, {differing}" if r.differs else r.label,
                         r.mine or self.tr("empty"), r.theirs or self.tr("empty")]
                        for r in rows])
        self.comparison_view.resizeColumnsToContents()
        count = sum(r.differs for r in rows)
        if rows:
            self.comparison_title.setText(
                self.tr("Your copy and the hub's copy: %n element(s) differ.", "", count))
        else:
            self.comparison_title.setText(
                self.tr("Select a conflict to compare your copy with the hub's."))

    def compare(self, resource_type: str, mine: Resource | None,
                theirs: Resource | None) -> list[ComparisonRow]:
        """Element by element: Patient by the register's elements (with their labels),
        any other type by its top-level FHIR elements."""
        rows: list[ComparisonRow] = []
        if mine is None or theirs is None or mine.get("active") is False or \
                theirs.get("active") is False:
            state_mine, state_theirs = self._state(mine), self._state(theirs)
            rows.append(ComparisonRow(self.tr("Record"), state_mine, state_theirs,
                                      state_mine != state_theirs))
        described = (self._describer.compare(resource_type, mine, theirs)
                     if self._describer is not None else None)
        if described is not None:
            rows += [ComparisonRow(label, a, b, a != b) for label, a, b in described]
            return rows
        keys = sorted((set(mine or {}) | set(theirs or {})) - {"meta", "resourceType", "id"})
        for key in keys:
            a = _flat((mine or {}).get(key))
            b = _flat((theirs or {}).get(key))
            rows.append(ComparisonRow(key, a, b, a != b))
        return rows

    def _state(self, copy: Resource | None) -> str:
        if copy is None or copy.get("active") is False:
            return self.tr("Deleted")
        return self.tr("Present")

    # --- actions ----------------------------------------------------------------------------
    def keep_hub_version(self) -> None:
        item = self.selected_conflict()
        if item is None or self._busy:
            return
        conflict_id = item.record.id
        self._act(lambda db: engine.resolve_conflict(db, conflict_id, "hub"))

    def use_my_copy(self) -> None:
        item = self.selected_conflict()
        registry = self._registry
        if item is None or self._busy or registry is None or not item.has_local_copy:
            return
        conflict_id = item.record.id
        self._act(lambda db: engine.restore_local_copy(db, registry, conflict_id))

    def selected_parked(self) -> list[ParkedItem]:
        rows = sorted(i.row() for i in self.parked_view.selectionModel().selectedRows())
        return [self._parked[r] for r in rows if r < len(self._parked)]

    def try_again(self) -> None:
        op_ids = [i.change.op_id for i in self.selected_parked()]
        if op_ids and not self._busy:
            self._act(lambda db: engine.requeue_parked(db, op_ids))

    def try_all_again(self) -> None:
        op_ids = [i.change.op_id for i in self._parked]
        if op_ids and not self._busy:
            self._act(lambda db: engine.requeue_parked(db, op_ids))

    def _act(self, fn: Callable[[Database], object]) -> None:
        self._busy = True
        self.problem.hide()
        self._update_buttons()
        self._runner.run(fn, on_success=self._acted, on_failure=self._act_failed, owner=self)

    def _acted(self, _result: object) -> None:
        self._busy = False
        self.changed.emit()
        self.refresh()

    def _act_failed(self, exc: BaseException) -> None:
        log.error("sync review: action failed: %s", type(exc).__name__)
        self._busy = False
        self._problem(self.tr("This could not be done. The lists were read again."))
        self.refresh()

    def _update_buttons(self, *_args: object) -> None:
        item = self.selected_conflict()
        idle = not self._busy and self._loading == 0
        self.keep_hub.setEnabled(idle and item is not None)
        self.use_mine.setEnabled(idle and item is not None and item.has_local_copy
                                 and self._registry is not None
                                 and self._registry.get(item.record.resource_type) is not None)
        self.retry.setEnabled(idle and bool(self.selected_parked()))
        self.retry_all.setEnabled(idle and bool(self._parked))

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    # --- words ------------------------------------------------------------------------------
    def _local_time(self, iso: str) -> str:
        try:
            moment = parse_utc_iso(iso)
        except ValueError:
            return iso
        return moment.astimezone(self._zone).strftime("%d/%m/%Y %H:%M")

    def _type_words(self, resource_type: str) -> str:
        return _worded(_TYPE_WORDS, resource_type) or resource_type

    def _kind_words(self, kind: str) -> str:
        return _worded(_KIND_WORDS, kind) or self.tr("Changed here and on the hub")


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


__all__ = ["ComparisonRow", "ConflictItem", "ParkedItem", "SyncReviewDialog", "TextTableModel",
           "ReviewDescriber", "load_conflicts", "load_parked"]
