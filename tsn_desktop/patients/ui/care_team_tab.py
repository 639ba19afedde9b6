"""The "Care team" tab of the patient file: who shares the file on the hub, and sharing it
with a colleague by RPPS number. Every database call goes through the DB runner."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import identifiers
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner, RecordsChanged
from tsn_desktop.patients import care_team
from tsn_desktop.patients.care_team import AddResult, Member
from tsn_desktop.patients.model import Patient
from tsn_desktop.ui.fit import FittingDialog, grow_to_content, reading_width
from tsn_desktop.ui.forms import (
    add_cancel_button,
    add_main_button,
    error_label,
    intro_label,
    open_window_modal,
    raise_if_open,
    row_table,
    stack,
)
from tsn_desktop.ui.rows_model import RowsMixin

log = logging.getLogger(__name__)

_STYLE = """
QLineEdit[invalid="true"] { border: 2px solid #c62828; border-radius: 3px; padding: 1px; }
QLabel[role="error"] { color: #b71c1c; }
"""
_ModelIndex = QModelIndex | QPersistentModelIndex


def member_name(member: Member) -> str:
    """The name to show, or a plain "not given" (a colleague may be added by number only)."""
    return member.display or QCoreApplication.translate("CareTeamTab", "(name not given)")


def confirm_remove(parent: QWidget, member: Member) -> bool:
    """True when the user confirms taking the colleague out (tests replace this function)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CareTeamTab", "Remove from the care team"))
    box.setText(QCoreApplication.translate(
        "CareTeamTab",
        "Remove %1 (RPPS %2) from the care team? They will no longer receive the changes "
        "made to this patient's file; what they already have stays on their computer.")
        .replace("%1", member_name(member))
        .replace("%2", identifiers.format_rpps(member.rpps)))
    remove = box.addButton(QCoreApplication.translate("CareTeamTab", "Remove"),
                           QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("CareTeamTab", "Keep"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is remove


class MembersModel(RowsMixin, QAbstractTableModel):
    """The members of the patient's care team: name, RPPS number."""

    NAME, RPPS = 0, 1
    COLUMN_COUNT = 2
    MemberRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Member] = []
        self._own_rpps: str | None = None

    def set_members(self, members: list[Member], own_rpps: str | None = None) -> None:
        self.beginResetModel()
        self._rows = list(members)
        self._own_rpps = own_rpps
        self.endResetModel()

    def member(self, row: int) -> Member | None:
        member: Member | None = self.item(row)
        return member

    def is_own(self, row: int) -> bool:
        member = self.member(row)
        return member is not None and member.rpps == self._own_rpps

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        member: Member | None = self.item_at(index)
        if member is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == self.NAME:
                name = member_name(member)
                if member.rpps == self._own_rpps:
                    return QCoreApplication.translate("CareTeamTab", "%1 (you)").replace(
                        "%1", name)
                return name
            if index.column() == self.RPPS:
                return identifiers.format_rpps(member.rpps)
        if role == self.MemberRole:
            return member
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.NAME:
                return QCoreApplication.translate("CareTeamTab", "Name")
            if section == self.RPPS:
                return QCoreApplication.translate("CareTeamTab", "RPPS number")
        return None


class ShareDialog(FittingDialog):
    """Asks for the colleague's RPPS number (checked at once) and, optionally, a name;
    saves through the DB runner. The typed text stays whatever goes wrong."""

    saved = Signal(object)  # AddResult

    def __init__(self, runner: DbRunner, patient_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient_id = patient_id
        self._busy = False
        self.setObjectName("ShareDialog")
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("Share with a colleague"))

        intro = intro_label(self.tr(
            "The colleague will see this patient's file on the hub after the next "
            "synchronisation, and the changes made to it from then on."), self)
        self.rpps_edit = QLineEdit(self)
        self.rpps_edit.setObjectName("rpps")
        self.rpps_edit.setAccessibleName(self.tr("Colleague's RPPS number"))
        self.rpps_edit.setPlaceholderText(self.tr("11 digits"))
        self.rpps_edit.setToolTip(self.tr(
            "On the colleague's CPS card, or in the Annuaire Santé (annuaire.sante.fr)"))
        self.rpps_edit.setMaxLength(32)  # room for spaces; the check says what is wrong
        self.rpps_error = error_label(self, "rpps_error", self.tr("RPPS number problem"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("display")
        self.name_edit.setAccessibleName(self.tr("Colleague's name (optional)"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Claire Petit, home-visit nurse"))
        self.name_edit.setMaxLength(care_team.MAX_DISPLAY)

        rpps_label = QLabel(self.tr("&RPPS number:"), self)
        rpps_label.setBuddy(self.rpps_edit)
        name_label = QLabel(self.tr("&Name (optional):"), self)
        name_label.setBuddy(self.name_edit)
        rpps_cell = QVBoxLayout()
        rpps_cell.addWidget(self.rpps_edit)
        rpps_cell.addWidget(self.rpps_error)
        form = QFormLayout()
        form.addRow(rpps_label, rpps_cell)
        form.addRow(name_label, self.name_edit)

        self.banner = error_label(self, "problem", self.tr("Message"))

        self.buttons = QDialogButtonBox(self)
        self.share_button = add_main_button(self.buttons, self.tr("&Share"),
                                            self.tr("Share the patient's file"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = add_cancel_button(self.buttons, self.tr("Cancel"))
        self.buttons.accepted.connect(self.share)
        self.buttons.rejected.connect(self.reject)

        stack(self, intro, form, self.banner, self.buttons)
        for first, second in ((self.rpps_edit, self.name_edit),
                              (self.name_edit, self.share_button),
                              (self.share_button, self.cancel_button)):
            QWidget.setTabOrder(first, second)
        self.rpps_edit.textEdited.connect(lambda _text: self._mark(""))
        self.rpps_edit.setFocus()
        # Wide enough for the reason an RPPS is refused to read in two or three lines;
        # taller whenever a message appears (fit.grow_to_content).
        self.setMinimumWidth(reading_width(self, 72))
        self.setSizeGripEnabled(True)

    # --- problems ---------------------------------------------------------------------------
    def rpps_problem(self, check: identifiers.IdentifierCheck) -> str:
        """What is wrong with the typed number and what to do, in one sentence or two."""
        reason = check.reason
        if reason is identifiers.Reason.EMPTY:
            return self.tr("Enter the colleague's RPPS number: 11 digits, on their CPS card "
                           "or in the Annuaire Santé (annuaire.sante.fr).")
        if reason is identifiers.Reason.CHARACTERS:
            return self.tr("An RPPS number has digits only. Copy it again from the "
                           "colleague's CPS card or from the Annuaire Santé "
                           "(annuaire.sante.fr).")
        if reason is identifiers.Reason.LENGTH:
            return self.tr("An RPPS number has 11 digits; this one has %n. Check it against "
                           "the colleague's CPS card or the Annuaire Santé "
                           "(annuaire.sante.fr).", "", len(check.value))
        return self.tr("This is not a valid RPPS number: a digit was probably mistyped. "
                       "Check the 11 digits against the colleague's CPS card or the "
                       "Annuaire Santé (annuaire.sante.fr).")

    def problem_shown(self) -> str:
        return self.rpps_error.text() if self.rpps_error.isVisible() else ""

    def _mark(self, message: str) -> None:
        self.rpps_edit.setProperty("invalid", bool(message))
        self.rpps_edit.style().unpolish(self.rpps_edit)
        self.rpps_edit.style().polish(self.rpps_edit)
        self.rpps_edit.setAccessibleDescription(message)
        self.rpps_error.setText(message)
        self.rpps_error.setVisible(bool(message))
        if message:
            grow_to_content(self)
            self.rpps_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_banner(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.setVisible(bool(message))
        if message:
            grow_to_content(self)

    # --- saving -----------------------------------------------------------------------------
    def share(self) -> None:
        if self._busy:
            return
        self._show_banner("")
        check = identifiers.validate_rpps(self.rpps_edit.text())
        if not check.ok:
            self._mark(self.rpps_problem(check))
            return
        self._mark("")
        patient_id, rpps, name = self._patient_id, check.value, self.name_edit.text()

        def job(db: Database) -> AddResult:
            return care_team.add_member(db, patient_id, rpps, name)

        self._set_busy(True)
        self._runner.run(job, self._saved, self._failed, owner=self)

    def _saved(self, result: AddResult) -> None:
        self._set_busy(False)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, care_team.InvalidRpps):
            self._mark(self.rpps_problem(error.check))
        elif isinstance(error, LookupError):
            self._show_banner(self.tr(
                "This patient is no longer in the register (deleted elsewhere): the file "
                "cannot be shared. Cancel, then search for the patient again."))
        else:
            log.error("sharing a patient failed: %s", type(error).__name__)
            self._show_banner(self.tr(
                "The care team could not be saved. What you typed is still here: try "
                "again; if it keeps failing, restart TSN Desktop."))

    def _set_busy(self, busy: bool) -> None:
        """A double press must not write twice."""
        self._busy = busy
        self.share_button.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()



class CareTeamTab(QWidget):
    """Lists the patient's care team and lets the practitioner share the file."""

    members_shown = Signal()  # the list now shows the team as stored
    changed = Signal(str)  # the patient id, after a member was added or removed

    def __init__(self, runner: DbRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient_id: str | None = None
        self._generation = 0
        self.share_dialog: ShareDialog | None = None
        self.setObjectName("CareTeamTab")
        if runner is not None:  # a colleague's change to this team, pulled: shown at once
            runner.records_changed.connect(self._records_changed)

        intro = intro_label(self.tr(
            "The practitioners of the care team see this patient's file on the hub. Share "
            "it with a colleague who takes care of the patient too (home-visit nurse, "
            "pharmacist…)."), self)

        self.model = MembersModel(self)
        self.table = row_table(self, self.model, self.tr("Members of the care team"),
                               selection=QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(MembersModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MembersModel.RPPS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("placeholderText")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("Care team"))
        self.results = QStackedWidget(self)
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty_label)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setVisible(False)

        self.share_button = QPushButton(self.tr("&Share with a colleague…"), self)
        self.share_button.setAccessibleName(self.tr("Share with a colleague"))
        self.share_button.setToolTip(self.tr(
            "Add a colleague to the care team by RPPS number"))
        self.share_button.clicked.connect(self.open_share_dialog)
        self.remove_button = QPushButton(self.tr("&Remove from the care team"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected colleague from the "
                                                     "care team"))
        self.remove_button.clicked.connect(self.remove_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.share_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.results, 1)
        QWidget.setTabOrder(self.share_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.table)
        self._update_buttons()

    # --- the runner and the patient ---------------------------------------------------------
    def title(self) -> str:
        return self.tr("Care &team")

    def has_unsaved(self) -> bool:
        return False  # sharing is saved by its own dialog

    def show_patient(self, patient: Patient, _today: date) -> None:
        if patient.id != self._patient_id:
            self._show_message("")
        self._patient_id = patient.id
        self.refresh()

    def _records_changed(self, changed: RecordsChanged) -> None:
        if self._patient_id is not None and care_team.RESOURCE in changed.types():
            self.refresh()

    def clear(self) -> None:
        """Forgets the patient and the names (session lock)."""
        self._generation += 1  # a result on its way is for a locked screen: drop it
        self._patient_id = None
        self.model.set_members([])
        self._show_message("")
        self._update_buttons()

    def refresh(self) -> None:
        self._generation += 1
        generation, patient_id = self._generation, self._patient_id
        if patient_id is None:
            return
        if self._runner is None:
            self.model.set_members([])
            self.empty_label.setText(self.tr(
                "The care team cannot be shown in this window."))
            self.results.setCurrentWidget(self.empty_label)
            self._update_buttons()
            return

        def job(db: Database) -> tuple[list[Member], str | None]:
            me = care_team.own_member(db)
            return care_team.members(db, patient_id), me.rpps if me else None

        self._runner.run(job, lambda r: self._show_members(generation, *r),
                         lambda e: self._load_failed(generation, e), owner=self)

    def _show_members(self, generation: int, members: list[Member],
                      own_rpps: str | None) -> None:
        if generation != self._generation:
            return
        selected = self.selected_member()
        self.model.set_members(members, own_rpps)
        if members:
            self.results.setCurrentWidget(self.table)
            rpps = [m.rpps for m in members]
            if selected is not None and selected.rpps in rpps:
                self.table.selectRow(rpps.index(selected.rpps))
            self._update_buttons()
            self.members_shown.emit()
        else:
            self._show_empty(self.tr(
                "No care team yet: on the hub, only the practitioner who created this "
                "patient sees the file. Use “Share with a colleague…” to add someone."))

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        log.error("reading the care team failed: %s", type(error).__name__)
        self.model.set_members([])
        self._show_empty(self.tr(
            "The care team could not be read. Open the patient again; if it keeps failing, "
            "restart TSN Desktop."))

    def _show_empty(self, text: str) -> None:
        """No table: `text` says why (no team yet, or it could not be read)."""
        self.empty_label.setText(text)
        self.results.setCurrentWidget(self.empty_label)
        self._update_buttons()
        self.members_shown.emit()

    # --- sharing and removing ---------------------------------------------------------------
    def open_share_dialog(self) -> None:
        if self._runner is None or self._patient_id is None:
            return
        if raise_if_open(self.share_dialog):
            return
        dialog = ShareDialog(self._runner, self._patient_id, self)
        dialog.saved.connect(self._shared)
        self.share_dialog = dialog
        open_window_modal(dialog, self._dialog_gone)

    def _dialog_gone(self) -> None:
        self.share_dialog = None

    def _shared(self, result: AddResult) -> None:
        who = result.member.display or identifiers.format_rpps(result.member.rpps)
        if result.added:
            self._show_message(self.tr(
                "%1 is now in the care team and will see this file after the next "
                "synchronisation.").replace("%1", who))
        else:
            self._show_message(self.tr("%1 is already in the care team.").replace("%1", who))
        self.changed.emit(result.team.patient_id)
        self.refresh()
        self.share_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_member(self) -> Member | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member(rows[0].row()) if rows else None

    def remove_selected(self) -> None:
        member = self.selected_member()
        patient_id = self._patient_id
        if member is None or patient_id is None or self._runner is None:
            return
        if not confirm_remove(self, member):
            return

        def job(db: Database) -> bool:
            return care_team.remove_member(db, patient_id, member.rpps)

        def done(_removed: bool) -> None:
            who = member.display or identifiers.format_rpps(member.rpps)
            self._show_message(self.tr(
                "%1 is no longer in the care team: the changes made from now on will not "
                "reach them.").replace("%1", who))
            self.changed.emit(patient_id)
            self.refresh()

        def failed(error: BaseException) -> None:
            log.error("removing a care team member failed: %s", type(error).__name__)
            self._show_message(self.tr(
                "The care team could not be changed. Try again; if it keeps failing, "
                "restart TSN Desktop."))

        self._runner.run(job, done, failed, owner=self)

    def _update_buttons(self) -> None:
        ready = self._runner is not None and self._patient_id is not None
        self.share_button.setEnabled(ready)
        rows = self.table.selectionModel().selectedRows()
        removable = ready and bool(rows) and not self.model.is_own(rows[0].row())
        self.remove_button.setEnabled(removable)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

