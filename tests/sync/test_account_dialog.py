"""The hub account dialog as a practitioner uses it: labels with their keys, the field in
error focused, and "Test the connection" against a real hub process (a hub down, a wrong
token, the right one); and a status bar that never says two things at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from tsn_desktop.core.executor import DbExecutor, DbRunner
from tsn_desktop.sync import worker
from tsn_desktop.sync.ui.account import HubAccountDialog
from tsn_desktop.sync.ui.status import SyncStatusWidget
from tsn_desktop.sync.worker import SyncStatus

from .conftest import HubProcess, free_port, random_rpps

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(make_client, qtbot, french):
    gp = make_client()
    executor = DbExecutor(gp.db)
    runner = DbRunner(executor)
    dialog = HubAccountDialog(runner, gp.profile.vault.profile_id, gp.rpps)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    dialog.close()
    executor.shutdown()


def test_every_field_has_a_label_with_its_key(dialog: HubAccountDialog) -> None:
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)
               if label.buddy() is not None}
    assert "&" in buddies[dialog.url] and "&" in buddies[dialog.token]
    assert "&" in dialog.test_button.text()


def test_the_field_in_error_gets_the_focus(qtbot, dialog: HubAccountDialog) -> None:
    dialog.activateWindow()
    dialog.url.setText("https://hub.sante.example")
    dialog.save()  # no token
    assert dialog.error.isVisible() and "jeton" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.token
    dialog.url.setText("http://hub.sante.example")
    dialog.token.setText("x")
    dialog.save()
    assert QApplication.focusWidget() is dialog.url


def test_the_connection_test_says_what_answered(qtbot, dialog: HubAccountDialog,
                                               hub: HubProcess) -> None:
    def tested() -> str:
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=20_000)
        return dialog.test_result.text()

    dialog.url.setText(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    dialog.token.setText("whatever")
    dialog.test_connection()
    assert "ne répond pas" in tested()

    dialog.url.setText(hub.url)
    dialog.test_connection()
    assert "refuse ce jeton" in tested()

    dialog.token.setText(hub.create_practitioner(random_rpps(), "Anne Test", "nurse"))
    dialog.test_connection()
    assert "accepte votre jeton" in tested()


def test_while_a_pass_runs_the_status_does_not_also_say_the_hub_is_down(
        qtbot, french) -> None:
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.set_status(SyncStatus(error_kind=worker.OFFLINE))
    assert "injoignable" in widget.text() and widget.button.isEnabled()
    widget.set_status(SyncStatus(running=True, error_kind=worker.OFFLINE))
    assert "injoignable" not in widget.text() and not widget.button.isEnabled()
