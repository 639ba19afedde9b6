"""Settings dialog: interface language (applies at next start), the inactivity lock delay,
and one group per feature that has a settings page (the Feature seam)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import settings as options
from tsn_desktop.core.settings import Settings
from tsn_desktop.feature import SettingsPage
from tsn_desktop.ui.forms import hint_label, name_window

# Language names are written in their own language, so anyone can find theirs.
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


class SettingsDialog(QDialog):
    """Writes the settings on OK and emits `applied` so the app can use the new lock delay."""

    applied = Signal()
    hub_account_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 pages: Sequence[QWidget] = ()) -> None:
        """`pages`: the features' SettingsPage widgets, each shown in its own group."""
        super().__init__(parent)
        self.settings = settings
        self.feature_pages = list(pages)
        name_window(self, self.tr("Settings"))

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        for code in options.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(options.LANGUAGES.index(settings.get(options.LANGUAGE)))
        language_note = hint_label(self.tr("The new language applies the next time you start "
                                           "TSN Desktop."))

        self.lock_minutes = QSpinBox()
        self.lock_minutes.setAccessibleName(self.tr("Lock after inactivity, in minutes"))
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(settings.get(options.LOCK_AFTER_MINUTES))
        lock_note = hint_label(self.tr(
            "Without keyboard or mouse activity for this long, TSN Desktop hides patient data "
            "and asks for the passphrase."))

        self.backup_days = QSpinBox()
        self.backup_days.setAccessibleName(self.tr("Automatic backup every, in days"))
        self.backup_days.setRange(0, 90)
        self.backup_days.setSpecialValueText(self.tr("never (only when asked)"))
        self.backup_days.setSuffix(self.tr(" days"))
        self.backup_days.setValue(settings.get(options.BACKUP_INTERVAL_DAYS))
        folder = settings.get(options.BACKUP_FOLDER)
        backup_note = hint_label(self.tr("Into {folder}. Profile › Back up now chooses the "
                                         "folder.").format(folder=folder) if folder else
                                 self.tr("No backup folder yet: Profile › Back up now chooses "
                                         "it, and the automatic backups go there."))

        # The hub account lives in the encrypted profile (its token in the OS keyring):
        # its own dialog saves it, this one only leads there.
        self.hub_account = QPushButton(self.tr("&Hub account…"))
        self.hub_account.setAccessibleName(self.tr("Hub account"))
        self.hub_account.setAccessibleDescription(
            self.tr("Address of your regional hub and your access token"))
        self.hub_account.clicked.connect(self.hub_account_requested)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("Lock &after:"), self.lock_minutes)
        form.addRow("", lock_note)
        form.addRow(self.tr("&Back up every:"), self.backup_days)
        form.addRow("", backup_note)
        form.addRow(self.tr("Synchronisation:"), self.hub_account)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for page in self.feature_pages:
            group = QGroupBox(cast(SettingsPage, page).title(), self)
            QVBoxLayout(group).addWidget(page)
            layout.addWidget(group)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        self.settings.set(options.LANGUAGE, self.language.currentData())
        self.settings.set(options.LOCK_AFTER_MINUTES, self.lock_minutes.value())
        self.settings.set(options.BACKUP_INTERVAL_DAYS, self.backup_days.value())
        for page in self.feature_pages:
            cast(SettingsPage, page).apply()
        self.settings.sync()
        self.applied.emit()
        super().accept()
