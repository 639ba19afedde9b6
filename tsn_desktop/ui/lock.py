"""Inactivity lock: watching input in every window, and hiding other windows' contents."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

_LOCK_KEYS = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)
# Input that proves someone is at the keyboard; paints and timers do not count.
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    """Emits `idle` after `minutes` without input in any window of the application.

    It watches top-level windows (QWindow), not the QApplication: an application-wide
    Python event filter is handed every object, even half-built ones, and PySide6 can
    crash creating their wrappers (re-entrant lazy type creation); it would also run
    Python for every paint of every widget. Input reaches a window before its widgets,
    so watching windows sees all of it; new windows are picked up when they get focus.

    `minute_ms` is the length of a minute in milliseconds: tests shorten it so the lock
    delay still comes from the settings without waiting ten real minutes.
    """

    idle = Signal()
    # Ctrl+L typed in any window, a modal form included: there the main window's menu
    # shortcut cannot fire (Qt blocks shortcuts of windows under a modal dialog).
    lock_keys = Signal()

    def __init__(self, app: QGuiApplication, minutes: int, *, minute_ms: int = 60_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._minute_ms = minute_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app.focusWindowChanged.connect(self.watch)
        self._watching = True
        for window in app.topLevelWindows():
            self.watch(window)

    def watch(self, window: QWindow | None) -> None:
        # Installing twice is harmless: Qt keeps one entry per filter object.
        if window is not None:
            window.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self._timer.setInterval(max(1, minutes * self._minute_ms))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def remove(self) -> None:
        """Stops watching for good (the session is closing); safe to call twice."""
        self._timer.stop()
        if self._watching:
            self._watching = False
            self._app.focusWindowChanged.disconnect(self.watch)
        for window in self._app.topLevelWindows():
            window.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _ACTIVITY and self._timer.isActive():
            self._timer.start()
            if (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                    and event.keyCombination() == _LOCK_KEYS):
                self.lock_keys.emit()
                return True
        return False


class WindowCover:
    """Hides the contents of other open windows (an editor left open, say) without closing
    them: closing a dialog would end its exec() and lose what was typed."""

    def __init__(self) -> None:
        self._hidden: list[tuple[QWidget, list[QWidget], str]] = []

    def cover(self, keep: tuple[QWidget, ...]) -> None:
        for window in QApplication.topLevelWidgets():
            if window in keep or not window.isVisible() or window.windowType() in (
                    Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                continue
            children = [c for c in window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if c.isVisible()]
            for child in children:
                child.hide()
            # A title may name the patient ("DUPONT Marie — file"): replace it too.
            self._hidden.append((window, children, window.windowTitle()))
            window.setWindowTitle(QApplication.translate("WindowCover", "TSN Desktop — locked"))

    def uncover(self) -> None:
        for window, children, title in self._hidden:
            if not isValid(window):
                continue
            for child in children:
                if isValid(child):
                    child.show()
            window.setWindowTitle(title)
        self._hidden.clear()
