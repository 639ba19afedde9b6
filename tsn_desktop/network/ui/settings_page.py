"""The network's group in the settings dialog: the no-answer reminder delay."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QSpinBox, QWidget

from tsn_desktop.core.settings import Settings
from tsn_desktop.network.options import NO_ANSWER_DAYS


class NetworkSettings(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.days = QSpinBox(self)
        self.days.setRange(1, 60)
        self.days.setValue(settings.get(NO_ANSWER_DAYS))
        self.days.setAccessibleName(self.tr("Days without an answer before a reminder"))
        self.days.setSuffix(self.tr(" day(s)"))
        form = QFormLayout(self)
        form.addRow(self.tr("Remind me of a discussion with no answer after"), self.days)

    def title(self) -> str:
        return self.tr("Professional network")

    def apply(self) -> None:
        self.settings.set(NO_ANSWER_DAYS, self.days.value())
