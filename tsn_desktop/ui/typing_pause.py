"""A search that waits until the typing stops."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance


def after_typing(parent: QObject, text_signal: SignalInstance, delay_ms: int,
                 slot: Callable[[], object]) -> QTimer:
    """A single-shot timer that runs `slot` once `text_signal` (a line edit's textChanged
    or textEdited) has been quiet for `delay_ms`; stop() it to cancel a pending run."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(slot)
    text_signal.connect(lambda _text: timer.start())
    return timer
