"""The carnet's settings: how many days ahead the banner above the patient file names the
vaccinations due, and its group in the settings dialog (a SettingsPage)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from tsn_desktop.core.settings import Option, Settings

# Declared by the vaccination feature's tab and settings page (the Option needs Qt, and
# feature descriptions load none); Settings.declare takes the same option twice.
ALERT_DAYS: Option[int] = Option("vaccination/alert_days", int, 30, lambda v: 0 <= v <= 365)


def alert_days(settings: Settings | None) -> int:
    if settings is None:
        return ALERT_DAYS.default
    settings.declare([ALERT_DAYS])
    return settings.get(ALERT_DAYS)


class CarnetSettingsPage(QWidget):
    """A SettingsPage (tsn_desktop.feature)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        settings.declare([ALERT_DAYS])
        self.days = QSpinBox(self)
        self.days.setRange(0, 365)
        self.days.setSuffix(self.tr(" days"))
        self.days.setValue(settings.get(ALERT_DAYS))
        self.days.setAccessibleName(self.tr("Vaccinations due within how many days are "
                                            "shown on opening a patient file"))
        label = QLabel(self.tr("Alert on opening a file for vaccinations due &within:"), self)
        label.setBuddy(self.days)
        form = QFormLayout(self)
        form.addRow(label, self.days)

    def title(self) -> str:
        return self.tr("Vaccinations")

    def apply(self) -> None:
        self._settings.set(ALERT_DAYS, self.days.value())
