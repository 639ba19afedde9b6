"""Dialogs that grow to their content: a message that appears is never cut off."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget


def reading_width(widget: QWidget, chars: int = 60) -> int:
    """A width in which a sentence of the widget's font reads as a line, not a column."""
    return widget.fontMetrics().averageCharWidth() * chars


def grow_to_content(window: QWidget) -> None:
    """Makes the window at least as tall as its layout needs at its current width (word-
    wrapped labels included), keeping it on the screen; it never shrinks what the user
    enlarged."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalSizeHint().height()
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(window.width()))
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(window.width(), needed)


class FittingDialog(QDialog):
    """A dialog at least as tall as its word-wrapped content when it is shown."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)
