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
from tsn_desktop.core.tasks import BackgroundTasks
from tsn_desktop.sync import settings
from tsn_desktop.sync.client import (
    AuthRequired,
    HubClient,
    InsecureHubUrl,
    RequestRefused,
    TransientError,
    check_hub_url,
)
from tsn_desktop.sync.protocol import API, ProtocolError
from tsn_desktop.ui.fit import grow_to_content
from tsn_desktop.ui.theme import set_style_role


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
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.test_result.setAccessibleName(self.tr("Connection test"))
        self.test_result.hide()
        form = QFormLayout()
        for text, field in ((self.tr("Hub &address:"), self.url),
                            (self.tr("RPPS number:"), self.rpps_label),
                            (self.tr("Access &token:"), self.token)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.test_button = self.buttons.addButton(self.tr("T&est the connection"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.setAccessibleName(self.tr("Test the connection"))
        self.test_button.setToolTip(self.tr(
            "Asks the hub whether it answers at this address and accepts this token; "
            "nothing is sent or saved."))
        self.test_button.clicked.connect(self.test_connection)
        self._tasks = BackgroundTasks(self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Your regional hub's administrator gives you its address and your access token."),
            self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.test_result)
        layout.addWidget(self.buttons)

    def _checked(self) -> tuple[str, str] | None:
        """The address and token as typed, or None with the problem said and the field
        in error focused."""
        try:
            url = check_hub_url(self.url.text())
        except InsecureHubUrl:
            self._problem(self.tr("The hub address must start with https://"), self.url)
            return None
        token = self.token.text().strip()
        if not token:
            self._problem(self.tr("Paste the access token the hub administrator gave you."),
                          self.token)
            return None
        self.error.hide()
        return url, token

    def test_connection(self) -> None:
        """Reaches the hub with what is typed, off the GUI thread; says what answered."""
        checked = self._checked()
        if checked is None:
            return
        url, token = checked
        self.test_button.setEnabled(False)
        self._say(self.tr("Testing the connection…"), "hint")
        self._tasks.start(lambda _control: try_hub(url, token),
                          on_success=self._tested, on_failure=self._tested_badly, owner=self)

    def _tested(self, outcome: str) -> None:
        self.test_button.setEnabled(True)
        words = {
            "ok": self.tr("The hub answers and accepts your token: you can save."),
            "sign_in": self.tr("The hub answers but refuses this token: ask the hub "
                               "administrator for a new one."),
            "unreachable": self.tr("The hub does not answer at this address: check the "
                                   "address and this computer's connection, then test "
                                   "again."),
            "not_a_hub": self.tr("Something answers at this address, but not a TSN hub: "
                                 "check the address with the hub administrator."),
        }
        self._say(words.get(outcome, words["not_a_hub"]),
                  "ok" if outcome == "ok" else "problem")
        if outcome == "sign_in":
            self.token.setFocus()
            self.token.selectAll()
        elif outcome != "ok":
            self.url.setFocus()

    def _tested_badly(self, _exc: BaseException) -> None:
        self._tested("not_a_hub")

    def _say(self, text: str, role: str) -> None:
        set_style_role(self.test_result, role)
        self.test_result.setText(text)
        self.test_result.show()
        grow_to_content(self)

    def save(self) -> None:
        checked = self._checked()
        if checked is None:
            return
        url, token = checked
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

    def _problem(self, text: str, field: QLineEdit | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        grow_to_content(self)
        if field is not None:
            field.setFocus()
            field.selectAll()


def try_hub(url: str, token: str) -> str:
    """One connection test (on a worker thread): "ok", "sign_in", "unreachable" or
    "not_a_hub". Reads the hub's description and one change at most; applies nothing."""
    client = HubClient(url, token, max_attempts=1, timeout=(5.0, 10.0))
    try:
        meta = client.get(API + "/meta")
        if not isinstance(meta, dict) or "hub_id" not in meta and "epoch" not in meta:
            return "not_a_hub"
        client.get(API + "/pull", params={"limit": 1})
        return "ok"
    except AuthRequired:
        return "sign_in"
    except TransientError:
        return "unreachable"
    except (RequestRefused, ProtocolError, ValueError):
        return "not_a_hub"
    finally:
        client.close()
