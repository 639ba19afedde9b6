"""The patient file's header: name, summary, RNIV identity status, the record's state
(archived, deceased, merged) and the actions on it (archive, death, merge a duplicate)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import identifiers
from tsn_desktop.patients.model import QUALIFIED, Patient, pick_kept
from tsn_desktop.patients.ui import texts
from tsn_desktop.patients.ui.date_field import DateField
from tsn_desktop.ui.fit import FittingDialog, grow_to_content, reading_width

_STYLE = """
QLabel[status="QUAL"] { color: #1b5e20; font-weight: bold; }
QLabel[status="PROV"], QLabel[status="RECUP"], QLabel[status="VALI"] {
    color: #8a4b00; font-weight: bold;
}
QFrame[role="state"] { background: #eceff1; border-radius: 4px; padding: 4px; }
QLabel[role="error"] { color: #b71c1c; }
"""


class FileHeader(QWidget):
    """Read-only facts about the open patient, and the buttons that change its state."""

    archive_requested = Signal(bool)  # True: archive, False: back to the list
    deceased_requested = Signal(bool)  # True: mark deceased (asks the date), False: undo
    merge_requested = Signal(str)  # id of the likely duplicate to merge with
    open_requested = Signal(str)  # id of the patient kept by a merge

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._patient: Patient | None = None
        self._duplicate: Patient | None = None
        self.setStyleSheet(_STYLE)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName(self.tr("Patient"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        if font.pointSizeF() > 0:  # a pixel-sized font has no point size to scale
            font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.status = QLabel(self)
        self.status.setObjectName("identity_status")
        self.status.setAccessibleName(self.tr("Identity status"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status_help = QLabel(self)
        self.status_help.setWordWrap(True)
        self.status_help.setTextFormat(Qt.TextFormat.PlainText)
        self.status_help.setAccessibleName(self.tr("What the identity status allows"))

        self.state = QLabel(self)
        self.state.setObjectName("record_state")
        self.state.setProperty("role", "state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setAccessibleName(self.tr("Record state"))
        self.open_kept_button = QPushButton(self.tr("Open the file &kept"), self)
        self.open_kept_button.setAccessibleName(self.tr("Open the patient file kept"))
        self.open_kept_button.clicked.connect(self._open_kept)

        self.duplicate_label = QLabel(self)
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicate_label.setAccessibleName(self.tr("Possible duplicate"))
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setAccessibleName(self.tr("Merge the two files"))
        self.merge_button.setToolTip(self.tr(
            "One file is kept; the other one's records move to it and it stays, merged, "
            "pointing at the file kept. Nothing is deleted."))
        self.merge_button.clicked.connect(self._merge)

        self.archive_button = QPushButton(self.tr("&Archive"), self)
        self.archive_button.setAccessibleName(self.tr("Archive the patient"))
        self.archive_button.clicked.connect(self._archive)
        self.deceased_button = QPushButton(self.tr("Mark as &deceased…"), self)
        self.deceased_button.setAccessibleName(self.tr("Mark the patient as deceased"))
        self.deceased_button.clicked.connect(self._deceased)

        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setVisible(False)

        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addWidget(self.status_help, 1)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state, 1)
        state_row.addWidget(self.open_kept_button)
        duplicate_row = QHBoxLayout()
        duplicate_row.addWidget(self.duplicate_label, 1)
        duplicate_row.addWidget(self.merge_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.deceased_button)
        actions.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(status_row)
        layout.addLayout(state_row)
        layout.addLayout(duplicate_row)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.clear()

    # --- content --------------------------------------------------------------------------
    def show_patient(self, patient: Patient, today: date) -> None:
        self._patient = patient
        self.title.setText(texts.full_name(patient))
        parts = [texts.sex_label(patient.sex), texts.date_with_age(patient.birth_date, today)]
        if patient.ins:
            parts.append(self.tr("INS %1").replace("%1", identifiers.format_ins(patient.ins)))
        self.summary.setText(" · ".join(parts))
        status = patient.identity_status
        self.status.setText(texts.identity_status_label(status))
        self.status.setProperty("status", status)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        help_text = texts.identity_status_help(status)
        if patient.ins and status != QUALIFIED:
            help_text += " " + self.tr("Until then, do not use this INS to share data.")
        self.status_help.setText(help_text)

        state = ""
        if patient.replaced_by:
            state = self.tr("Merged: this file was a duplicate. Its records are now in the "
                            "file kept; it stays here only as a trace.")
        elif patient.deceased_date is not None:
            state = self.tr("Deceased on %1. Out of the list of active patients.").replace(
                "%1", texts.format_date(patient.deceased_date))
        elif patient.archived:
            state = self.tr("Archived: out of the list of active patients, every record "
                            "kept. Put it back in the list if it was archived by mistake.")
        self.state.setText(state)
        self.state.setVisible(bool(state))
        self.open_kept_button.setVisible(bool(patient.replaced_by))
        merged = bool(patient.replaced_by)
        self.archive_button.setVisible(not merged)
        self.deceased_button.setVisible(not merged)
        self.archive_button.setText(self.tr("Put &back in the list") if patient.archived
                                    else self.tr("&Archive"))
        self.archive_button.setAccessibleName(
            self.tr("Put the patient back in the list") if patient.archived
            else self.tr("Archive the patient"))
        self.archive_button.setToolTip(self.tr(
            "Archive a patient created by mistake or no longer followed: out of the list, "
            "found with the “Archived, deceased or merged” filter."))
        self.deceased_button.setText(self.tr("Undo the &death") if patient.deceased_date
                                     else self.tr("Mark as &deceased…"))
        self.deceased_button.setAccessibleName(
            self.tr("Undo the death marked on this file") if patient.deceased_date
            else self.tr("Mark the patient as deceased"))
        self.show_duplicates([])
        self.show_message("")

    def show_duplicates(self, duplicates: list[Patient]) -> None:
        """The likely duplicates of the open patient (found after it was opened)."""
        patient = self._patient
        others = [d for d in duplicates if not d.replaced_by]
        self._duplicate = others[0] if others and patient and not patient.replaced_by \
            else None
        if self._duplicate is not None:
            other = self._duplicate
            self.duplicate_label.setText(self.tr(
                "Possible duplicate: %1, born %2 (%3). If it is the same person, merge the "
                "two files.").replace("%1", texts.full_name(other)).replace(
                "%2", texts.format_date(other.birth_date)).replace(
                "%3", texts.identity_status_label(other.identity_status)))
        self.duplicate_label.setVisible(self._duplicate is not None)
        self.merge_button.setVisible(self._duplicate is not None)

    def duplicate(self) -> Patient | None:
        return self._duplicate

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear(self) -> None:
        """No name left in a hidden label (session lock)."""
        self._patient = None
        self._duplicate = None
        for label in (self.title, self.summary, self.status, self.status_help, self.state,
                      self.duplicate_label, self.message):
            label.clear()
        for widget in (self.state, self.open_kept_button, self.duplicate_label,
                       self.merge_button, self.message, self.archive_button,
                       self.deceased_button):
            widget.setVisible(False)

    # --- actions ----------------------------------------------------------------------------
    def _archive(self) -> None:
        if self._patient is not None:
            self.archive_requested.emit(not self._patient.archived)

    def _deceased(self) -> None:
        if self._patient is not None:
            self.deceased_requested.emit(self._patient.deceased_date is None)

    def _merge(self) -> None:
        if self._duplicate is not None:
            self.merge_requested.emit(self._duplicate.id)

    def _open_kept(self) -> None:
        if self._patient is not None and self._patient.replaced_by:
            self.open_requested.emit(self._patient.replaced_by)


class DeathDialog(FittingDialog):
    """Asks the date of death (today by default, never in the future)."""

    def __init__(self, patient: Patient, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as deceased"))
        intro = QLabel(self.tr(
            "%1 will leave the list of active patients; the file and every record stay, "
            "and can be found with the “Archived, deceased or merged” filter.").replace(
            "%1", texts.full_name(patient)), self)
        intro.setWordWrap(True)
        self.date_field = DateField(self)
        self.date_field.set_maximum(today)
        self.date_field.set_value(today)
        self.date_field.setAccessibleName(self.tr("Date of death"))
        label = QLabel(self.tr("Date of &death:"), self)
        label.setBuddy(self.date_field.edit)
        form = QFormLayout()
        form.addRow(label, self.date_field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(reading_width(self, 60))
        self.date_field.edit.setFocus()

    def _accept(self) -> None:
        if self.date_field.value() is None:
            self.error.setText(self.tr("Enter the date of death as dd/mm/yyyy."))
            self.error.setVisible(True)
            grow_to_content(self)
            return
        self.accept()


def ask_death_date(parent: QWidget, patient: Patient, today: date) -> date | None:
    """The date of death, or None when cancelled (tests replace this function)."""
    dialog = DeathDialog(patient, today, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.date_field.value()


class MergeDialog(FittingDialog):
    """Which file to keep; says what a merge does before anything is written."""

    def __init__(self, a: Patient, b: Patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge two files"))
        kept, other = pick_kept(a, b)
        intro = QLabel(self.tr(
            "Merge only if both files are the same person: check the identity document. "
            "The file kept receives the other one's records (care team...); the other one "
            "stays, merged, pointing at the file kept. Nothing is deleted; the merge is "
            "recorded and sent to the hub."), self)
        intro.setWordWrap(True)
        self.choices: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for patient in (kept, other):
            # Two lines: a radio button does not wrap its text.
            text = self.tr("Keep %1\nborn %2 — %3 — %4").replace(
                "%1", texts.full_name(patient)).replace(
                "%2", texts.format_date(patient.birth_date)).replace(
                "%3", identifiers.format_ins(patient.ins) if patient.ins
                else self.tr("no INS")).replace(
                "%4", texts.identity_status_label(patient.identity_status))
            button = QRadioButton(text, self)
            self.choices[patient.id] = button
            layout.addWidget(button)
        self.choices[kept.id].setChecked(True)
        self._patients = {a.id: a, b.id: b}
        buttons = QDialogButtonBox(self)
        merge = buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setAccessibleName(self.tr("Merge the two files"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(reading_width(self, 72))

    def kept_and_merged(self) -> tuple[Patient, Patient]:
        kept_id = next(pid for pid, button in self.choices.items() if button.isChecked())
        other_id = next(pid for pid in self._patients if pid != kept_id)
        return self._patients[kept_id], self._patients[other_id]


def ask_merge(parent: QWidget, a: Patient, b: Patient) -> tuple[Patient, Patient] | None:
    """(kept, merged away), or None when cancelled (tests replace this function)."""
    dialog = MergeDialog(a, b, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.kept_and_merged()
