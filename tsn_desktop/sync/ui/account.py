"""The hub account dialog: hub address and the token the hub administrator gave.

Shown from the settings and when the hub asks to sign in again (401). Saving goes
through the DB runner; the token goes to the OS keyring when there is one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import DbRunner
from tsn_desktop.sync import settings
from tsn_desktop.sync.client import InsecureHubUrl, check_hub_url


class HubAccountDialog(QDialog):
    saved = Signal(bool)  # True when the token went to the OS keyring

    def __init__(self, runner: DbRunner, profile_id: str, rpps: str, hub_url: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._profile_id = profile_id
        self._rpps = rpps
        self.setWindowTitle(self.tr("Hub account"))
        self.url = QLineEdit(hub_url, self)
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(self.tr("Hub address"))
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Access token"))
        self.rpps_label = QLabel(rpps, self)
        self.rpps_label.setAccessibleName(self.tr("RPPS number"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Hub address"), self.url)
        form.addRow(self.tr("RPPS number"), self.rpps_label)
        form.addRow(self.tr("Access token"), self.token)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Your regional hub's administrator gives you its address and your access token."),
            self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        try:
            url = check_hub_url(self.url.text())
        except InsecureHubUrl:
            self._problem(self.tr("The hub address must start with https://"))
            return
        token = self.token.text().strip()
        if not token:
            self._problem(self.tr("Paste the access token the hub administrator gave you."))
            return
        self.buttons.setEnabled(False)
        profile_id, rpps = self._profile_id, self._rpps
        self._runner.run(lambda db: settings.save_account(db, profile_id, url, rpps, token),
                         on_success=self._done, on_failure=self._failed)

    def _done(self, in_keyring: bool) -> None:
        self.saved.emit(in_keyring)
        self.accept()

    def _failed(self, _exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._problem(self.tr("The account could not be saved. Try again."))

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
