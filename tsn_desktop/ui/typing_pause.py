"""A search that waits until the typing stops."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance, Slot


class TypingPause(QTimer):
    """Restarted by each edit; its own slot (not a lambda) so that Qt drops the connection
    when the timer goes with its widget, and a late edit never reaches a deleted timer."""

    @Slot(str)
    def restart(self, _text: str = "") -> None:
        self.start()


def after_typing(parent: QObject, text_signal: SignalInstance, delay_ms: int,
                 slot: Callable[[], object]) -> QTimer:
    """A single-shot timer that runs `slot` once `text_signal` (a line edit's textChanged
    or textEdited) has been quiet for `delay_ms`; stop() it to cancel a pending run."""
    timer = TypingPause(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(slot)
    text_signal.connect(timer.restart)
    return timer
