"""Profile safety dialogs: back up now, restore a backup, change the passphrase, forget the key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tsn_desktop.core.backup import BackupError, make_backup, restore_backup
from tsn_desktop.core.clock import Clock
from tsn_desktop.core.passphrase import passphrase_problem
from tsn_desktop.core.session import change_passphrase
from tsn_desktop.core.vault import ProfileInfo, UnlockThrottled, Vault, VaultError, WrongPassphrase
from tsn_desktop.ui.fit import grow_to_content
from tsn_desktop.ui.forms import (
    add_main_button,
    closing_buttons,
    growing_form,
    intro_label,
    name_window,
    stack,
)
from tsn_desktop.ui.theme import set_style_role
from tsn_desktop.ui.wording import passphrase_problem_text

# What the dialogs need from the DB worker: core.executor.DbRunner.run's shape.
RunOnDb = Callable[..., Any]


def passphrase_refusal_text(code: str) -> str:
    """Why a passphrase is refused, for every code of core.passphrase.passphrase_problem."""
    if not code.startswith("guessable:"):
        return passphrase_problem_text(code)
    translate = QCoreApplication.translate
    reasons = {
        "personal": translate(
            "PassphraseStrength", "It contains your name, your RPPS number or your city: the "
            "first things someone who knows you would try."),
        "common_word": translate(
            "PassphraseStrength", "It is built on a word that is common in passwords (such "
            "as “motdepasse” or “soleil”)."),
        "keyboard": translate(
            "PassphraseStrength", "It follows the keys of the keyboard (such as “azerty”)."),
        "sequence": translate(
            "PassphraseStrength", "It ends or starts with a sequence (such as “123” or "
            "“abc”)."),
        "repeat": translate("PassphraseStrength", "It repeats the same characters."),
        "date": translate(
            "PassphraseStrength", "It relies on a date or a year, which are quickly tried."),
    }
    return translate(
        "PassphraseStrength", "Too easy to guess. {reason} Add a few unusual words: a short "
        "sentence only you would write.").format(reason=reasons.get(code.split(":", 1)[1], ""))


def _message(name: str = "hint", *, hidden: bool = False) -> QLabel:
    """A wrapped status line; `hidden` until the dialog has something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName(name)
    if hidden:
        label.setVisible(False)
    return label


def _say(label: QLabel, text: str, state: str) -> None:
    label.setText(text)
    set_style_role(label, state)
    label.setVisible(bool(text))
    grow_to_content(label.window())  # a message that appears is never cut


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class _FolderField(QWidget):
    """A path field with a "Choose…" button (the file dialog is not modal-blocking here)."""

    def __init__(self, button_text: str, pick: Callable[[], str], name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.button = QPushButton(button_text)
        self.button.clicked.connect(lambda: self._picked(pick()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)

    def add_to(self, form: QFormLayout, label_text: str) -> None:
        """A form row whose label's mnemonic reaches the path field."""
        label = QLabel(label_text)
        label.setBuddy(self.edit)
        form.addRow(label, self)

    def _picked(self, path: str) -> None:
        if path:
            self.edit.setText(path)


class BackupDialog(QDialog):
    """Profile › Back up now: an encrypted copy into a folder the user picks.

    `run` is DbRunner.run (the copy reads the live database on the DB thread). Emits
    `backed_up(Path)` with the file written."""

    backed_up = Signal(object)

    def __init__(self, run: RunOnDb, vault: Vault, clock: Clock, folder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run, self.vault, self.clock = run, vault, clock
        name_window(self, self.tr("Back up the profile"))
        intro = intro_label(self.tr(
            "The backup is one encrypted file: your current passphrase opens it. Keep it "
            "on a USB key or a disk that does not stay beside this computer."))
        self.folder = _FolderField(self.tr("&Choose…"), self._pick, self.tr("Backup folder"))
        self.folder.edit.setText(folder)
        self.message = _message(hidden=True)
        form = growing_form()
        self.folder.add_to(form, self.tr("Backup &folder:"))
        self.buttons = closing_buttons(self, QDialogButtonBox.StandardButton.Close)
        self.start_button = add_main_button(
            self.buttons, self.tr("&Back up now"), self.tr("Back up now"),
            QDialogButtonBox.ButtonRole.ActionRole, self.start)
        stack(self, intro, form, self.message, self.buttons)
        self.folder.edit.setFocus()
        self.setMinimumWidth(520)

    def _pick(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                self.folder.edit.text())

    def start(self) -> None:
        text = self.folder.edit.text().strip()
        if not text:
            _say(self.message, self.tr("Choose the folder where the backup goes."), "problem")
            self.folder.edit.setFocus()
            return
        folder = Path(text)
        self.start_button.setEnabled(False)
        _say(self.message, self.tr("Backing up…"), "hint")
        vault, clock = self.vault, self.clock
        self.run(lambda db: make_backup(db, vault, folder, clock),
                 on_success=self._done, on_failure=self._failed)

    def _done(self, path: Path) -> None:
        self.start_button.setEnabled(True)
        _say(self.message, self.tr("Backup written: {file}").format(file=str(path)), "ok")
        self.backed_up.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        _say(self.message, self.tr(
            "The backup could not be written in this folder. Check that the disk is "
            "plugged in, not full, and that you may write there, then try again."), "problem")
        self.folder.edit.setFocus()


class RestoreDialog(QDialog):
    """Restore a backup as a new profile (from the unlock dialog or the Profile menu).

    Nothing existing is replaced. Emits `restored(ProfileInfo)` once the new profile has
    opened with its passphrase; only then is it listed."""

    restored = Signal(object)

    def __init__(self, basedir: Path, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.basedir, self.clock = basedir, clock
        name_window(self, self.tr("Restore a backup"))
        intro = intro_label(self.tr(
            "The backup becomes a new profile beside the others: nothing on this computer is "
            "replaced. Type the passphrase that was in force when the backup was made."))
        self.file = _FolderField(self.tr("&Choose…"), self._pick, self.tr("Backup file"))
        self.passphrase = _password_field(self.tr("Passphrase of the backup"))
        self.passphrase.returnPressed.connect(self.start)
        self.message = _message("problem", hidden=True)
        form = growing_form()
        self.file.add_to(form, self.tr("Backup &file:"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.buttons = closing_buttons(self, QDialogButtonBox.StandardButton.Cancel)
        self.start_button = add_main_button(
            self.buttons, self.tr("&Restore"), self.tr("Restore"),
            QDialogButtonBox.ButtonRole.AcceptRole, self.start)
        stack(self, intro, form, self.message, self.buttons)
        self.setMinimumWidth(520)

    def _pick(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Backup file"), "", self.tr("TSN Desktop backups (*.tsnbackup)"))
        return path

    def start(self) -> None:
        path = Path(self.file.edit.text().strip())
        if not self.file.edit.text().strip() or not path.is_file():
            _say(self.message, self.tr("Choose the backup file (it ends in .tsnbackup)."),
                 "problem")
            self.file.edit.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = restore_backup(path, self.basedir, self.passphrase.text(), self.clock)
        except BackupError as exc:
            self._refused(exc.code)
            return
        except OSError:
            self._refused("folder")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.restored.emit(info)
        self.accept()

    def _refused(self, code: str) -> None:
        texts = {
            "wrong_passphrase": self.tr(
                "This passphrase does not open the backup. Type the one that was in force "
                "when the backup was made."),
            "folder": self.tr("The profile could not be written on this computer. Check that "
                              "the disk is not full, then try again."),
            "not_a_backup": self.tr("This file is not a TSN Desktop backup."),
        }
        _say(self.message, texts.get(code, self.tr(
            "This backup is damaged and cannot be restored. Try an earlier backup.")),
            "problem")
        field = self.passphrase if code == "wrong_passphrase" else self.file.edit
        field.selectAll()
        field.setFocus()


class ChangePassphraseDialog(QDialog):
    """Profile › Change the passphrase: re-keys the database (on the DB thread).

    `run` is DbRunner.run; `personal` the practitioner's names, RPPS and city (refused
    inside a passphrase). Emits `changed(bool)`: whether the keyring holds the new key."""

    changed = Signal(bool)

    def __init__(self, run: RunOnDb, vault: Vault, clock: Clock, *,
                 personal: tuple[str, ...] = (), remembered: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run, self.vault, self.clock = run, vault, clock
        self.personal, self.remembered = personal, remembered
        name_window(self, self.tr("Change the passphrase"))
        intro = intro_label(self.tr(
            "The data are encrypted again under a new key: a copy of the old key file with "
            "the old passphrase will not open what you save from now on. Your backups keep "
            "the passphrase they were made with."))
        self.old = _password_field(self.tr("Current passphrase"))
        self.new = _password_field(self.tr("New passphrase"))
        self.confirmation = _password_field(self.tr("New passphrase confirmation"))
        self.strength = _message()
        self.message = _message("problem", hidden=True)
        form = growing_form()
        form.addRow(self.tr("C&urrent passphrase:"), self.old)
        form.addRow(self.tr("&New passphrase:"), self.new)
        form.addRow(self.tr("&Confirmation:"), self.confirmation)
        form.addRow("", self.strength)
        self.buttons = closing_buttons(self, QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = add_main_button(
            self.buttons, self.tr("C&hange"), self.tr("Change the passphrase"),
            QDialogButtonBox.ButtonRole.AcceptRole, self.start)
        stack(self, intro, form, self.message, self.buttons)
        for field in (self.new, self.confirmation):
            field.textChanged.connect(self._check)
        self._check()
        self.old.setFocus()
        self.setMinimumWidth(520)

    def problem(self) -> str | None:
        code = passphrase_problem(self.new.text(), self.personal)
        if code:
            return passphrase_refusal_text(code)
        if self.new.text() == self.old.text():
            return self.tr("The new passphrase is the current one.")
        if self.confirmation.text() != self.new.text():
            return (self.tr("Type it again in Confirmation.") if not self.confirmation.text()
                    else self.tr("The two passphrases differ."))
        return None

    def _check(self) -> None:
        problem = self.problem()
        if problem is None:
            _say(self.strength, self.tr("Passphrase accepted."), "ok")
        else:
            _say(self.strength, problem, "hint" if not self.confirmation.text() else "problem")
        self.ok_button.setEnabled(problem is None)

    def start(self) -> None:
        if self.problem() is not None or not self.ok_button.isEnabled():
            return
        old, new = self.old.text(), self.new.text()
        vault, clock, personal, remembered = self.vault, self.clock, self.personal, \
            self.remembered
        self.ok_button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.run(lambda db: change_passphrase(db, vault, old, new, clock, personal=personal,
                                              remembered=remembered),
                 on_success=self._done, on_failure=self._failed)

    def _done(self, in_keyring: bool) -> None:
        QGuiApplication.restoreOverrideCursor()
        for field in (self.old, self.new, self.confirmation):
            field.clear()
        self.changed.emit(bool(in_keyring))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.ok_button.setEnabled(True)
        if isinstance(exc, WrongPassphrase):
            text = self.tr("The current passphrase is wrong. Check Caps Lock and the keyboard "
                           "language, then try again.")
            self.old.selectAll()
            self.old.setFocus()
        elif isinstance(exc, UnlockThrottled):
            text = self.tr("Too many wrong passphrases in a row: wait a few minutes before "
                           "the next try.")
        elif isinstance(exc, VaultError):
            text = self.tr("The passphrase was not changed: choose another new passphrase.")
        else:
            text = self.tr("The passphrase was not changed (the disk may be full). Your data "
                           "and your current passphrase are as before.")
        _say(self.message, text, "problem")


class ForgetKeyDialog(QDialog):
    """Profile › Forget on this computer: removes the key from the OS keyring, so the
    passphrase is asked at each start. Emits `forgotten()`."""

    forgotten = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        name_window(self, self.tr("Forget on this computer"))
        text = intro_label(self.tr(
            "TSN Desktop will no longer open by itself on this computer: your passphrase "
            "will be asked at each start. Your data stay as they are."))
        self.message = _message("problem", hidden=True)
        self.buttons = closing_buttons(self, QDialogButtonBox.StandardButton.Cancel)
        self.forget_button = add_main_button(
            self.buttons, self.tr("&Forget"), self.tr("Forget on this computer"),
            QDialogButtonBox.ButtonRole.AcceptRole, self.forget, default=False)
        stack(self, text, self.message, self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()
        self.setMinimumWidth(460)

    def forget(self) -> None:
        self.vault.forget_key()
        if self.vault.is_remembered():
            _say(self.message, self.tr(
                "The system keyring did not let the key go. Remove the “tsn-desktop” entry "
                "in the keyring application of your system."), "problem")
            return
        self.forgotten.emit()
        self.accept()


__all__ = ["BackupDialog", "ChangePassphraseDialog", "ForgetKeyDialog", "ProfileInfo",
           "RestoreDialog", "passphrase_refusal_text"]
