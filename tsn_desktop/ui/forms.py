"""Building blocks the dialogs share: intro text, forms, button boxes, read-only tables."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def name_window(window: QWidget, title: str) -> None:
    """The title bar and what a screen reader says on entering the window: the same words."""
    window.setWindowTitle(title)
    window.setAccessibleName(title)


def intro_label(text: str, parent: QWidget | None = None) -> QLabel:
    """The paragraph at the top of a dialog, wrapped to the dialog's width."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def hint_label(text: str) -> QLabel:
    """A wrapped note in the hint style, under the field it explains."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def growing_form() -> QFormLayout:
    """A form whose fields take the width of the dialog (long paths, long names)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def error_label(parent: QWidget, object_name: str, accessible_name: str) -> QLabel:
    """A wrapped label in the error style, hidden until there is something to say."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    label.setVisible(False)
    return label


def closing_buttons(dialog: QDialog, standard: QDialogButtonBox.StandardButton
                    ) -> QDialogButtonBox:
    """The dialog's button box with its Cancel or Close button, which rejects the dialog."""
    buttons = QDialogButtonBox(standard)
    buttons.rejected.connect(dialog.reject)
    return buttons


def add_main_button(buttons: QDialogButtonBox, text: str, accessible_name: str,
                    role: QDialogButtonBox.ButtonRole,
                    on_click: Callable[[], None] | None = None, *,
                    default: bool = True) -> QPushButton:
    """Adds the button that does the dialog's work (Enter presses it when `default`)."""
    button = buttons.addButton(text, role)
    button.setAccessibleName(accessible_name)
    if default:
        button.setDefault(True)
    if on_click is not None:
        button.clicked.connect(on_click)
    return button


def add_cancel_button(buttons: QDialogButtonBox, accessible_name: str) -> QPushButton:
    """Adds Cancel (named for screen readers); the box's rejected() closes the dialog."""
    button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    button.setAccessibleName(accessible_name)
    return button


def stack(dialog: QDialog, *parts: QWidget | QLayout) -> QVBoxLayout:
    """The dialog's layout: its parts from top to bottom."""
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout


def raise_if_open(dialog: QDialog | None) -> bool:
    """Brings a dialog that is already open to the front (a second press opens no second
    copy); True when there was one."""
    if dialog is None or not dialog.isVisible():
        return False
    dialog.raise_()
    dialog.activateWindow()
    return True


def open_window_modal(dialog: QDialog, gone: Callable[[], None]) -> None:
    """Opens `dialog` window-modal without a nested event loop; it is deleted on close,
    then `gone()` runs (the opener forgets it)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.destroyed.connect(gone)
    dialog.open()


def row_table(parent: QWidget, model: QAbstractItemModel, name: str, *,
              selection: QAbstractItemView.SelectionMode | None = None) -> QTableView:
    """A read-only table that selects whole rows, one line per row, without row numbers.

    With `selection`, that selection mode, and Tab leaves the table for the next control
    instead of walking its cells."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if selection is not None:
        view.setSelectionMode(selection)
        view.setTabKeyNavigation(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    return view


__all__ = ["add_cancel_button", "add_main_button", "closing_buttons", "error_label",
           "growing_form", "hint_label", "intro_label", "name_window", "open_window_modal",
           "raise_if_open", "row_table", "stack"]
