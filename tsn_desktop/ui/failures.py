"""Words for a failure nobody else worded: environment problems (disk full, read-only
folder, damaged database) say what to do about them; only bugs get "try again"."""

from __future__ import annotations

import errno
import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tsn_desktop.core import crash
from tsn_desktop.core.db import DatabaseError
from tsn_desktop.ui.errors import ErrorDialog, app_version

log = logging.getLogger(__name__)


class Failure(Enum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    DAMAGED = "damaged"
    BUG = "bug"


# SQLite's own messages (not data: fixed texts of the library) for the environment cases.
_SQLITE_FULL = ("database or disk is full",)
_SQLITE_READ_ONLY = ("attempt to write a readonly database", "readonly database")
_SQLITE_DAMAGED = ("database disk image is malformed", "file is not a database",
                   "disk i/o error")


def classify(exc: BaseException) -> Failure:
    """What kind of failure this is, from its type and errno (never from data)."""
    current: BaseException | None = exc
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError):
            if current.errno in (errno.ENOSPC, errno.EDQUOT):
                return Failure.DISK_FULL
            if current.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return Failure.READ_ONLY
        if isinstance(current, DatabaseError):
            text = str(current).lower()
            if any(m in text for m in _SQLITE_FULL):
                return Failure.DISK_FULL
            if any(m in text for m in _SQLITE_READ_ONLY):
                return Failure.READ_ONLY
            if any(m in text for m in _SQLITE_DAMAGED):
                return Failure.DAMAGED
        current = current.__cause__ or current.__context__
    return Failure.BUG


def words(kind: Failure) -> tuple[str, str]:
    """(what happened, what to do), in the interface language."""
    translate = QCoreApplication.translate
    if kind is Failure.DISK_FULL:
        return (translate("Failures", "The disk of this computer is full."),
                translate("Failures", "TSN Desktop could not save. Free some space (empty the "
                   "recycle bin, remove large downloads), then do it again: nothing you "
                   "saved before is lost."))
    if kind is Failure.READ_ONLY:
        return (translate("Failures", "TSN Desktop may not write in its profile folder."),
                translate("Failures", "The folder or the disk is read-only (a write-protected USB "
                   "key, a network folder, or changed permissions). Ask whoever manages "
                   "this computer to give you write access, then start TSN Desktop again."))
    if kind is Failure.DAMAGED:
        return (translate("Failures", "The practice database is damaged."),
                translate("Failures", "Stop working in this profile and restore it from your "
                   "latest backup (Profile › Restore a backup…). If you have none, contact "
                   "your support: do not delete the profile folder."))
    return (translate("Failures", "Something went wrong in TSN Desktop."),
            translate("Failures", "What you had saved is safe. Try again; if it keeps happening, "
               "restart TSN Desktop and click “Copy details” to send them to your support "
               "contact: they contain no patient data."))


def report_failure(parent: QWidget | None, exc: BaseException) -> ErrorDialog:
    """Shows the error dialog for `exc` (window-modal, no nested event loop)."""
    kind = classify(exc)
    # The kind and the type only, never the message: it may quote patient data.
    log.error("operation failed (%s): %s", kind.value, type(exc).__name__)
    if kind is Failure.BUG:  # unexpected: a crash report for support (core.crash)
        crash.write_report(exc, app_version(), "database call")
    what, todo = words(kind)
    dialog = ErrorDialog(what, todo, exc, parent)
    dialog.open()
    return dialog
