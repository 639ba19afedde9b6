"""The one error dialog of the app: what happened, what to do, and details free of patient data."""

from __future__ import annotations

import importlib.metadata
import logging
import platform
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import crash
from tsn_desktop.ui.fit import grow_to_content

log = logging.getLogger(__name__)


def app_version() -> str:
    try:
        return importlib.metadata.version("tsn-desktop")
    except importlib.metadata.PackageNotFoundError:
        return "dev"


def safe_details(exc: BaseException) -> str:
    """A report for support: exception types and code locations only.

    No exception messages (a DB or validation message can quote a patient's name),
    no local variables, no SQL: just type names and file:line in function, for the
    exception and each exception it was raised from.
    """
    lines = [
        f"TSN Desktop {app_version()} — Python {platform.python_version()} — "
        f"PySide6 {pyside_version} — {platform.system()} {platform.release()}",
    ]
    # The same lines as a crash report's (core.crash): paths cut at the package folder.
    return "\n".join(lines + crash.code_places(exc))


class ErrorDialog(QDialog):
    """What happened in plain words, what to do, and a "Copy details" button."""

    def __init__(self, what: str, todo: str, exc: BaseException | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("TSN Desktop — a problem occurred"))
        self.setAccessibleName(self.tr("Error"))
        self.details = safe_details(exc) if exc is not None else ""

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.what_label = QLabel(what)
        self.what_label.setWordWrap(True)
        self.what_label.setObjectName("errorWhat")
        font = self.what_label.font()
        font.setBold(True)
        self.what_label.setFont(font)
        self.todo_label = QLabel(todo)
        self.todo_label.setWordWrap(True)

        texts = QVBoxLayout()
        texts.addWidget(self.what_label)
        texts.addWidget(self.todo_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(texts, 1)

        self.details_view = QPlainTextEdit(self.details)
        self.details_view.setReadOnly(True)
        self.details_view.setAccessibleName(self.tr("Technical details"))
        self.details_view.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.setToolTip(self.tr(
            "Copies a technical report for support. It contains no patient data."))
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button = QPushButton(self.tr("Show &details"))
        self.show_button.setAccessibleName(self.tr("Show details"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_details)
        for button in (self.copy_button, self.show_button):
            button.setEnabled(bool(self.details))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _toggle_details(self, shown: bool) -> None:
        """The details come below the explanation, which keeps its full height (the dialog
        grows), and the button says what it does next."""
        self.details_view.setVisible(shown)
        self.show_button.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        self.show_button.setAccessibleName(self.tr("Hide details") if shown
                                           else self.tr("Show details"))
        grow_to_content(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Details copied"))


def show_error(parent: QWidget | None, what: str, todo: str,
               exc: BaseException | None = None) -> None:
    """Shows the error dialog and waits for the user to close it."""
    if exc is not None:
        # The type only, never the message: it may quote patient data.
        log.error("%s: %s", what, type(exc).__name__)
    ErrorDialog(what, todo, exc, parent).exec()


class _CrashRelay(QObject):
    """Brings an exception of another thread to the GUI thread, where dialogs live."""

    crashed = Signal(object, object)  # the exception, the report's path or None


_relay: _CrashRelay | None = None


def _show_crash(exc: BaseException, report: Path | None) -> None:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    todo = translate("ErrorDialog",
                     "What you had saved is safe. Finish or cancel the current task, then "
                     "carry on. If it happens again, click “Copy details” and send them to "
                     "your support contact: they contain no patient data.")
    if report is not None:
        todo += " " + translate(
            "ErrorDialog", "A report without patient data was also saved in %1.").replace(
            "%1", str(report.parent))
    show_error(None, translate("ErrorDialog", "Something went wrong in TSN Desktop."), todo, exc)


def install_excepthook(log_folder: Path | None = None) -> None:
    """Unexpected errors, on the GUI thread or any other (threading.excepthook), end in
    the error dialog and a crash report (core.crash) in `log_folder` (the base folder's
    logs/ until a profile is open: app.py then points core.crash at the profile's)."""
    global _relay
    if log_folder is not None and crash.folder() is None:
        crash.set_folder(log_folder)
    relay = _relay = _CrashRelay()
    relay.crashed.connect(_show_crash, Qt.ConnectionType.QueuedConnection)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        thread = threading.current_thread()
        report = crash.write_report(exc, app_version(), thread.name)
        if thread is threading.main_thread():
            _show_crash(exc, report)
        else:
            relay.crashed.emit(exc, report)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        report = crash.write_report(args.exc_value, app_version(), name)
        relay.crashed.emit(args.exc_value, report)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def profile_damage_text(code: str) -> tuple[str, str]:
    """What is damaged in a profile and what to do, for a damage code of core.vault
    (ProfileInfo.damage), core.db (DatabaseDamaged.code) or "change_interrupted"."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    if code == "newer_app":  # not damage: nothing to restore, the profile is left intact
        return (translate(
            "ProfileDamage", "This profile was saved by a newer version of TSN Desktop "
            "than this one ({version}).").format(version=app_version()),
                translate(
            "ProfileDamage", "Install the latest version of TSN Desktop, then open the "
            "profile again. This version did not change anything in it."))
    restore = translate(
        "ProfileDamage", "Restore your latest backup as a new profile (Profile › Restore a "
        "backup…), then check the last days' records. Keep this profile's folder as it is: "
        "nothing in it was deleted or replaced.")
    if code == "key_file_missing":
        return translate(
            "ProfileDamage", "The key file of this profile (vault.json) is missing."), restore
    if code == "key_file_damaged":
        return translate(
            "ProfileDamage", "The key file of this profile (vault.json) is damaged. Your "
            "passphrase is not in question."), restore
    if code in ("database_missing", "missing", "empty"):
        return translate(
            "ProfileDamage", "The practice database of this profile is missing or empty."), \
            restore
    if code == "wal_damaged":
        return translate(
            "ProfileDamage", "The journal of the last changes of this profile is damaged. TSN "
            "Desktop did not open it, so that nothing saved after the damage is lost."), restore
    if code == "change_interrupted":
        return (translate(
            "ProfileDamage", "A passphrase change on this profile was interrupted."),
                translate(
            "ProfileDamage", "Type the other passphrase: the previous one if you typed the "
            "new one, or the new one if you typed the previous one."))
    return translate(
        "ProfileDamage", "The practice database of this profile is damaged."), restore
