"""Which occurrences an edit of a recurring appointment applies to: this one, this one and
the following ones (the series is split), or all of them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

THIS, FOLLOWING, ALL = "this", "following", "all"


class ScopeDialog(QDialog):
    """`chosen()` once accepted. `day_changed`: a new date only fits this one (the
    series' days come from its rule), so the two other choices are off and say why."""

    def __init__(self, day_changed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recurring appointment"))
        self.setModal(True)
        question = QLabel(self.tr("This appointment repeats. Apply the change to:"), self)
        self.this = QRadioButton(self.tr("&This appointment only"), self)
        self.following = QRadioButton(self.tr("This one and the &following ones"), self)
        self.all = QRadioButton(self.tr("&All the appointments of the series"), self)
        self.group = QButtonGroup(self)
        for button in (self.this, self.following, self.all):
            self.group.addButton(button)
        self.this.setChecked(True)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        if day_changed:
            for button in (self.following, self.all):
                button.setEnabled(False)
            self.why.setText(self.tr("You changed the day: that only applies to this "
                                     "appointment (the series' days follow its rule)."))
        else:
            self.why.setText(self.tr("Visits already done, missed, or edited on their own "
                                     "keep what they were."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (question, self.this, self.following, self.all, self.why, buttons):
            layout.addWidget(widget)
        self.this.setFocus()

    def chosen(self) -> str:
        if self.following.isChecked():
            return FOLLOWING
        if self.all.isChecked():
            return ALL
        return THIS
