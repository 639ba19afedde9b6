"""Network dialogs: a directory search that picks colleagues, the structured opening of a
case discussion, adding a participant, and closing with a decision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import identifiers
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.network import service
from tsn_desktop.network.attachments import RefusedAttachment
from tsn_desktop.network.model import MAX_TEXT, DirectoryEntry, InvalidPost, Opening
from tsn_desktop.network.ui import texts
from tsn_desktop.network.ui.models import DirectoryModel
from tsn_desktop.patients import service as patients
from tsn_desktop.ui.forms import add_cancel_button, add_main_button, error_label, row_table


def confirm_discard(parent: QWidget) -> bool:
    """True when the user agrees to lose what they typed (tests replace this function)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("NetworkDialogs", "Discard what you typed?"),
        QCoreApplication.translate(
            "NetworkDialogs", "What you typed in this window has not been sent. Discard it?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


def confirm_share(parent: QWidget, names: list[str]) -> bool:
    """True when the user agrees to share the patient's file with colleagues outside its
    care team (tests replace this function)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("NetworkDialogs", "Share the patient's file?"),
        QCoreApplication.translate(
            "NetworkDialogs", "Not yet in this patient's care team: %1. Asking them about "
            "the patient adds them to the care team, so they will receive the patient's "
            "file. Go on?").replace("%1", ", ".join(names)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class DirectorySearch(QWidget):
    """Search as you type in the directory kept here (name, profession, RPPS, town);
    Enter or a double click picks the highlighted colleague."""

    picked = Signal(object)  # DirectoryEntry
    searched = Signal()  # the results of the latest keystroke are shown

    def __init__(self, runner: DbRunner, parent: QWidget | None = None,
                 limit: int = 50) -> None:
        super().__init__(parent)
        self.runner = runner
        self.limit = limit
        self._asked = 0
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Name, profession, RPPS or town"))
        self.field.setAccessibleName(self.tr("Search the directory"))
        self.field.setClearButtonEnabled(True)
        self.model = DirectoryModel(self)
        self.table = row_table(self, self.model, self.tr("Directory results"),
                               selection=QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DirectoryModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Chosen colleague"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.setFocusProxy(self.field)
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _i: self._pick_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt override
        """Up and Down in the search field move in the results, Enter picks (and does not
        press the dialog's default button): no mouse needed."""
        if not (watched is self.field and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress):
            return super().eventFilter(watched, event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick_current()
            return True
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.table.currentIndex().row()
            row = row + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.model.rowCount():
                self.table.selectRow(row)
            return True
        return super().eventFilter(watched, event)

    def search(self, text: str | None = None) -> None:
        text = self.field.text() if text is None else text
        self._asked += 1
        asked = self._asked

        def found(entries: list[DirectoryEntry]) -> None:
            if asked != self._asked:
                return  # a later keystroke asked again: its answer is the one shown
            self.model.set_entries(entries)
            if entries:
                self.table.selectRow(0)
            self._show_detail()
            self.searched.emit()

        limit = self.limit
        self.runner.run(lambda db: service.search_directory(db, text, limit), found,
                        owner=self)

    def current(self) -> DirectoryEntry | None:
        return self.model.entry(self.table.currentIndex().row())

    def _pick_current(self) -> None:
        entry = self.current()
        if entry is not None:
            self.picked.emit(entry)

    def _show_detail(self) -> None:
        entry = self.current()
        if entry is None:
            self.detail.setText(self.tr("Nobody found: check the spelling, or type a town "
                                        "or an RPPS number.") if self.field.text() else "")
            return
        lines = [f"{entry.display_name} — {texts.profession_text(entry.profession)}",
                 self.tr("RPPS %1").replace("%1", identifiers.format_rpps(entry.rpps))]
        place = " ".join(x for x in (entry.address, entry.postal_code, entry.city) if x)
        if place:
            lines.append(place)
        if entry.phone:
            lines.append(self.tr("Phone: %1").replace("%1", entry.phone))
        if entry.secure_mail:
            lines.append(self.tr("Secure mail: %1").replace("%1", entry.secure_mail))
        self.detail.setText("\n".join(lines))


@dataclass(frozen=True)
class NewDiscussion:
    opening: Opening
    participants: tuple[str, ...]
    patient_id: str | None


class DiscussionDialog(QDialog):
    """The structured opening of a case discussion (ECIP): title, question, context, what
    is expected, by when, the colleagues asked, and the patient when there is one."""

    def __init__(self, runner: DbRunner, patient: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("New case discussion"))
        self.fixed_patient = patient
        self.result_value: NewDiscussion | None = None
        self.on_send: Callable[[NewDiscussion, bool], None] | None = None

        self.title_field = QLineEdit(self)
        self.title_field.setAccessibleName(self.tr("Title"))
        self.question = QPlainTextEdit(self)
        self.question.setAccessibleName(self.tr("Question asked"))
        self.context_field = QPlainTextEdit(self)
        self.context_field.setAccessibleName(self.tr("Context"))
        self.expected = QPlainTextEdit(self)
        self.expected.setAccessibleName(self.tr("What is expected"))
        for edit in (self.question, self.context_field, self.expected):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(80)
        self.has_due = QCheckBox(self.tr("Answer wanted by"), self)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName(self.tr("Answer wanted by"))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)

        self.patient_search = QLineEdit(self)
        self.patient_search.setAccessibleName(self.tr("Search a patient"))
        self.patient_search.setPlaceholderText(self.tr("Name or date of birth (optional)"))
        self.patient_choice = QComboBox(self)
        self.patient_choice.setAccessibleName(self.tr("Patient"))
        self.patient_choice.addItem(self.tr("No patient"), None)
        patient_row = QHBoxLayout()
        if patient is not None:
            self.patient_choice.clear()
            self.patient_choice.addItem(patient[1], patient[0])
            self.patient_search.hide()
        patient_row.addWidget(self.patient_search)
        patient_row.addWidget(self.patient_choice, 1)
        self.patient_search.textChanged.connect(self._find_patients)

        self.directory = DirectorySearch(runner, self, limit=30)
        self.chosen = QListWidget(self)
        self.chosen.setAccessibleName(self.tr("Colleagues asked"))
        self.chosen.setMaximumHeight(90)
        remove = QPushButton(self.tr("&Remove from the list"), self)
        remove.clicked.connect(lambda: self.chosen.takeItem(self.chosen.currentRow()))
        self.directory.picked.connect(self.add_participant)

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title_field)
        form.addRow(self.tr("&Question asked"), self.question)
        form.addRow(self.tr("&Context"), self.context_field)
        form.addRow(self.tr("What is &expected"), self.expected)
        form.addRow("", due_row)
        form.addRow(self.tr("&Patient"), patient_row)
        form.addRow(self.tr("Find a &colleague"), self.directory)
        form.addRow(self.tr("Colleagues asked"), self.chosen)
        form.addRow("", remove)
        self.error = error_label(self, "discussionError", self.tr("Problem"))
        buttons = QDialogButtonBox(self)
        add_main_button(buttons, self.tr("&Send"), self.tr("Send the discussion"),
                        QDialogButtonBox.ButtonRole.AcceptRole, self.send, default=False)
        add_cancel_button(buttons, self.tr("Cancel the discussion"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 760)
        self.directory.search("")

    def add_participant(self, entry: DirectoryEntry) -> None:
        for row in range(self.chosen.count()):
            if self.chosen.item(row).data(Qt.ItemDataRole.UserRole) == entry.rpps:
                return
        item = QListWidgetItem(f"{entry.display_name} — {texts.profession_text(entry.profession)}")
        item.setData(Qt.ItemDataRole.UserRole, entry.rpps)
        self.chosen.addItem(item)
        self.directory.field.clear()

    def participants(self) -> tuple[str, ...]:
        return tuple(str(self.chosen.item(r).data(Qt.ItemDataRole.UserRole))
                     for r in range(self.chosen.count()))

    def _find_patients(self, text: str) -> None:
        if len(text.strip()) < 2:
            return

        def found(people: list[Any]) -> None:
            self.patient_choice.clear()
            self.patient_choice.addItem(self.tr("No patient"), None)
            for p in people:
                self.patient_choice.addItem(
                    f"{p.display_name} — {p.birth_date.strftime('%d/%m/%Y')}", p.id)
            if people:
                self.patient_choice.setCurrentIndex(1)

        self.runner.run(lambda db: patients.search(db, text, 20), found, owner=self)

    def value(self) -> NewDiscussion:
        picked = self.due.date()
        due = date(picked.year(), picked.month(), picked.day()) if self.has_due.isChecked() \
            else None
        opening = Opening(self.title_field.text(), self.question.toPlainText(),
                          self.context_field.toPlainText(), self.expected.toPlainText(), due)
        return NewDiscussion(opening, self.participants(), self.patient_choice.currentData())

    def has_typed(self) -> bool:
        return bool(self.title_field.text().strip() or self.question.toPlainText().strip()
                    or self.context_field.toPlainText().strip() or self.chosen.count())

    def show_problem(self, code: str) -> None:
        self.error.setText(texts.problem_text(code))
        self.error.show()

    def send(self, share: bool = False) -> None:
        value = self.value()
        if self.on_send is not None:
            self.on_send(value, share)

    def reject(self) -> None:
        if self.has_typed() and not confirm_discard(self):
            return
        super().reject()

    def set_due_minimum(self, today: date) -> None:
        self.due.setMinimumDate(QDate(today.year, today.month, today.day))
        self.due.setDate(QDate(today.year, today.month, today.day).addDays(7))


class PickColleagueDialog(QDialog):
    """Adds one colleague from the directory to a discussion."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a participant"))
        self.directory = DirectorySearch(runner, self, limit=30)
        self.chosen: DirectoryEntry | None = None
        self.directory.picked.connect(self._picked)
        buttons = QDialogButtonBox(self)
        add_main_button(buttons, self.tr("&Add"), self.tr("Add the colleague"),
                        QDialogButtonBox.ButtonRole.AcceptRole,
                        lambda: self._picked(self.directory.current()), default=False)
        add_cancel_button(buttons, self.tr("Do not add anyone"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("They will read the whole discussion."), self))
        layout.addWidget(self.directory, 1)
        layout.addWidget(buttons)
        self.resize(620, 480)
        self.directory.search("")

    def _picked(self, entry: DirectoryEntry | None) -> None:
        if entry is not None:
            self.chosen = entry
            self.accept()


class TextDialog(QDialog):
    """One text to write: a decision summary, an edited message."""

    def __init__(self, title: str, label: str, text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(label)
        self.edit.setPlainText(text)
        self.edit.setTabChangesFocus(True)
        self.error = error_label(self, "textError", self.tr("Problem"))
        buttons = QDialogButtonBox(self)
        add_main_button(buttons, self.tr("&Save"), title,
                        QDialogButtonBox.ButtonRole.AcceptRole, self._save, default=False)
        add_cancel_button(buttons, self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def text(self) -> str:
        return self.edit.toPlainText()

    def _save(self) -> None:
        if not self.text().strip():
            self.error.setText(texts.problem_text("empty"))
            self.error.show()
            return
        if len(self.text()) > MAX_TEXT:
            self.error.setText(texts.problem_text("too_long"))
            self.error.show()
            return
        self.accept()


def problem_code(exc: BaseException) -> str | None:
    """The wording code of a refusal the user can act on, or None (a real error)."""
    if isinstance(exc, InvalidPost | service.NotAllowed):
        return exc.code
    if isinstance(exc, RefusedAttachment):
        return f"attachment_{exc.code}"
    return None


def share_names(db: Database, rpps: tuple[str, ...]) -> list[str]:
    names = service.directory_names(db, list(rpps))
    return [names.get(r) or identifiers.format_rpps(r) for r in rpps]


class OwnEntryDialog(QDialog):
    """The practitioner's own directory entry: how colleagues reach them (sent to the
    hub's directory on the next sync)."""

    def __init__(self, entry: DirectoryEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("My directory entry"))
        self.address = QLineEdit(entry.address, self)
        self.postal_code = QLineEdit(entry.postal_code, self)
        self.city = QLineEdit(entry.city, self)
        self.phone = QLineEdit(entry.phone, self)
        self.secure_mail = QLineEdit(entry.secure_mail, self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), QLabel(entry.display_name, self))
        form.addRow(self.tr("RPPS"), QLabel(identifiers.format_rpps(entry.rpps), self))
        for label, field in ((self.tr("&Practice address"), self.address),
                             (self.tr("Postal &code"), self.postal_code),
                             (self.tr("&Town"), self.city), (self.tr("P&hone"), self.phone),
                             (self.tr("&Secure mail (MSSanté)"), self.secure_mail)):
            field.setAccessibleName(label.replace("&", ""))
            form.addRow(label, field)
        buttons = QDialogButtonBox(self)
        add_main_button(buttons, self.tr("&Save"), self.tr("Save my directory entry"),
                        QDialogButtonBox.ButtonRole.AcceptRole, self.accept)
        add_cancel_button(buttons, self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Colleagues see this in the directory once you have "
                                        "synchronised."), self))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> DirectoryEntry:
        return replace(self.entry, address=self.address.text().strip(),
                       postal_code=self.postal_code.text().strip(),
                       city=self.city.text().strip(), phone=self.phone.text().strip(),
                       secure_mail=self.secure_mail.text().strip())
