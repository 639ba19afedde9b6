"""The hub account dialog: hub address, "Sign in with Pro Santé Connect" first, and
the token the hub administrator gave as the fallback.

Shown from the settings and when the hub asks to sign in again (401). Saving goes
through the DB runner; the token goes to the OS keyring when there is one. The PSC
sign-in opens the system browser (injectable `open_url`) and waits for it off the GUI
thread (tsn_desktop.sync.psc).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.tasks import BackgroundTasks
from tsn_desktop.sync import psc, settings
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

log = logging.getLogger(__name__)


def open_in_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


class HubAccountDialog(QDialog):
    saved = Signal(bool)  # True when the token (or the PSC sign-in) went to the OS keyring

    def __init__(self, runner: DbRunner, profile_id: str, rpps: str, hub_url: str = "",
                 parent: QWidget | None = None,
                 open_url: Callable[[str], bool] = open_in_browser,
                 sign_in_timeout: float = psc.SIGN_IN_TIMEOUT) -> None:
        super().__init__(parent)
        self._runner = runner
        self._profile_id = profile_id
        self._rpps = rpps
        self._open_url = open_url
        self._sign_in_timeout = sign_in_timeout
        self._attempt: psc.SignIn | None = None
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
                            (self.tr("RPPS number:"), self.rpps_label)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        self.psc_button = QPushButton(self.tr("Sign in with &Pro Santé Connect"), self)
        self.psc_button.setAccessibleName(self.tr("Sign in with Pro Santé Connect"))
        self.psc_button.setToolTip(self.tr(
            "Opens your browser: sign in there with your e-CPS or your CPS card."))
        self.psc_button.setDefault(True)
        self.psc_button.clicked.connect(self.sign_in)
        self.sign_out_button = QPushButton(self.tr("Sign &out of Pro Santé Connect"), self)
        self.sign_out_button.setAccessibleName(self.tr("Sign out of Pro Santé Connect"))
        self.sign_out_button.setToolTip(self.tr(
            "Ends this computer's sign-in on the hub (a stolen or lent laptop): the next "
            "synchronisation asks you to sign in again."))
        self.sign_out_button.clicked.connect(self.sign_out)
        # Shown for a sign-in this run holds (a memory check: the keyring is not read here).
        self.sign_out_button.setVisible(
            bool(hub_url) and _signed_in_now(profile_id, hub_url))
        self.psc_status = QLabel(self)
        self.psc_status.setWordWrap(True)
        self.psc_status.setAccessibleName(self.tr("Sign-in"))
        self.psc_status.hide()
        fallback = QGroupBox(self.tr("Or, if the hub administrator gave you an access token"),
                             self)
        token_form = QFormLayout(fallback)
        token_label = QLabel(self.tr("Access &token:"), fallback)
        token_label.setBuddy(self.token)
        token_form.addRow(token_label, self.token)
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
            "Your regional hub's administrator gives you its address. Then sign in with "
            "Pro Santé Connect (e-CPS or CPS card)."), self))
        layout.addLayout(form)
        psc_row = QHBoxLayout()
        psc_row.addWidget(self.psc_button, 1)
        psc_row.addWidget(self.sign_out_button)
        layout.addLayout(psc_row)
        layout.addWidget(self.psc_status)
        layout.addWidget(fallback)
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

        def save(db: Database) -> bool:
            psc.forget(profile_id, url)  # the administrator's token replaces a PSC sign-in
            return settings.save_account(db, profile_id, url, rpps, token)

        self._runner.run(save, on_success=self._done, on_failure=self._failed)

    # -- Pro Santé Connect -----------------------------------------------------
    def sign_in(self) -> None:
        """Opens the browser on the hub's sign-in page; the answer is awaited off the
        GUI thread, then the account is saved (and the sign-in audited)."""
        try:
            url = check_hub_url(self.url.text())
        except InsecureHubUrl:
            self._problem(self.tr("The hub address must start with https://"), self.url)
            return
        self.error.hide()
        if self._attempt is not None:
            self._attempt.cancel()
        profile_id, rpps = self._profile_id, self._rpps
        attempt = psc.SignIn(url, psc.device_id(profile_id, url))
        self._attempt = attempt
        if not self._open_url(attempt.url):
            attempt.cancel()
            self._sign_in_said(self.tr(
                "The browser could not be opened. Check that this computer has a default "
                "web browser, then try again."), "problem")
            return
        self.psc_button.setEnabled(False)
        self._sign_in_said(self.tr(
            "Finish signing in in your browser, with your e-CPS or your CPS card. This "
            "window waits for it."), "hint")
        timeout = self._sign_in_timeout

        def finish(_control: object) -> bool:
            tokens = attempt.finish(rpps, timeout)
            in_keyring = psc.start_session(profile_id, url, attempt.device, tokens)
            psc.drop_pasted_token(profile_id, url)
            return in_keyring

        self._tasks.start(finish, on_success=lambda in_keyring: self._signed_in(url, in_keyring),
                          on_failure=self._sign_in_failed, owner=self)

    def _signed_in(self, url: str, in_keyring: bool) -> None:
        self._attempt = None
        rpps = self._rpps
        self._runner.run(lambda db: psc.save_signed_in(db, url, rpps),
                         on_success=lambda _none: self._done(in_keyring),
                         on_failure=self._sign_in_failed)

    def _sign_in_failed(self, exc: BaseException) -> None:
        self._attempt = None
        self.psc_button.setEnabled(True)
        reason = exc.reason if isinstance(exc, psc.SignInError) else (
            "unreachable" if isinstance(exc, TransientError) else "refused")
        if isinstance(exc, psc.RppsMismatch):
            text = self.tr(
                "Pro Santé Connect signed in another practitioner (RPPS %1) than the one of "
                "this profile (RPPS %2). Sign in with your own e-CPS or CPS card.").replace(
                "%1", exc.signed_in).replace("%2", self._rpps)
        else:
            words = {
                "no_account": self.tr(
                    "The hub has no account for your RPPS number yet: ask the hub "
                    "administrator to create it, then sign in again."),
                "state": self.tr(
                    "The answer that came back was not for this sign-in, so it was ignored. "
                    "Sign in again."),
                "timeout": self.tr(
                    "No sign-in came back from the browser in time. Sign in again."),
                "unreachable": self.tr(
                    "The hub or Pro Santé Connect cannot be reached: check this computer's "
                    "connection, then sign in again."),
            }
            text = words.get(reason, self.tr(
                "The hub refused the sign-in. Sign in again; if it happens again, tell the "
                "hub administrator."))
        self._sign_in_said(text, "problem")
        self.psc_button.setFocus()
        if reason in ("mismatch", "no_account", "state", "refused"):
            self._runner.run(psc.audit_refused)

    def sign_out(self) -> None:
        """Revokes the sign-in on the hub (off the GUI thread) and forgets it here."""
        profile_id, url = self._profile_id, self.url.text()
        self.sign_out_button.setEnabled(False)
        self._tasks.start(lambda _control: psc.sign_out(profile_id, url),
                          on_success=lambda _none: self._signed_out(),
                          on_failure=self._sign_out_failed, owner=self)

    def _signed_out(self) -> None:
        self.sign_out_button.setEnabled(True)
        self.sign_out_button.hide()
        self._sign_in_said(self.tr(
            "Signed out: this computer no longer synchronises until you sign in again."),
            "hint")
        self.psc_button.setFocus()

    def _sign_out_failed(self, exc: BaseException) -> None:
        # Forgotten here whatever the hub answered; only the hub's copy may still live.
        self.sign_out_button.setEnabled(True)
        self.sign_out_button.hide()
        log.warning("PSC sign-out: the hub was not told (%s)", type(exc).__name__)
        self._sign_in_said(self.tr(
            "Signed out on this computer, but the hub could not be told (no connection): "
            "the sign-in ends there by itself within 30 days, or ask the hub "
            "administrator to end it now."), "problem")

    def _sign_in_said(self, text: str, role: str) -> None:
        set_style_role(self.psc_status, role)
        self.psc_status.setText(text)
        self.psc_status.show()
        grow_to_content(self)

    def done(self, result: int) -> None:
        if self._attempt is not None:  # closed while the browser was still open
            self._attempt.cancel()
            self._attempt = None
        super().done(result)

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


def _signed_in_now(profile_id: str, hub_url: str) -> bool:
    try:
        return psc.has_session(profile_id, hub_url)
    except InsecureHubUrl:
        return False
