"""A consultation day: create a patient, find it, lock (Ctrl+L or away), unlock, carry on."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from tsn_desktop.app import TsnApp
from tsn_desktop.core import settings as options
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.settings import Settings
from tsn_desktop.core.vault import Vault
from tsn_desktop.feature import Feature
from tsn_desktop.features import FEATURES
from tsn_desktop.patients.ui.page import PatientsPage

from .conftest import PASSPHRASE, SessionFactory, activate, first_run

pytestmark = pytest.mark.gui


def _patients_page(session: TsnApp) -> PatientsPage:
    assert session.window is not None
    page = session.window.page_widgets["patients"]
    assert isinstance(page, PatientsPage)
    return page


def _create_patient(qtbot, page: PatientsPage) -> None:
    page.new_patient()
    editor = page.editor
    assert editor is not None
    fields = editor.fields
    fields["birth_name"].setText("Durand")  # type: ignore[attr-defined]
    fields["given_names"].setText("Élodie Marie")  # type: ignore[attr-defined]
    fields["sex"].setCurrentIndex(fields["sex"].findData("F"))  # type: ignore[attr-defined]
    fields["birth_date"].set_value(date(1984, 3, 12))  # type: ignore[attr-defined]
    with qtbot.waitSignal(page.patient_saved, timeout=10_000):
        editor.save_button.click()


def _search(qtbot, page: PatientsPage, text: str) -> None:
    with qtbot.waitSignal(page.search_finished, timeout=10_000):
        page.search.setText(text)


def _lock_with_ctrl_l(qtbot, session: TsnApp) -> None:
    window = session.window
    assert window is not None
    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier)
    assert session.locked


def test_patient_found_then_hidden_by_the_lock_and_back_after_the_passphrase(
        qtbot, make_session: SessionFactory, french: object) -> None:
    session = first_run(make_session)
    window = session.window
    assert window is not None
    page = _patients_page(session)
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=10_000)
    _create_patient(qtbot, page)
    page.show_register()
    _search(qtbot, page, "elodie durand")
    assert page.model.rowCount() == 1

    _lock_with_ctrl_l(qtbot, session)
    assert not page.isVisible(), "patient data still on screen while locked"
    assert window.central.currentWidget() is window.locked_page
    assert session.executor is not None and session.executor.suspended  # DB closed, key gone
    dialog = session.unlock_dialog
    assert dialog is not None and dialog.isVisible()

    dialog.passphrase.setText("le chien dort dehors")
    dialog.unlock_button.click()
    assert dialog.message.text().startswith("Phrase de passe incorrecte")
    assert session.locked and not page.isVisible()
    assert session.unlock_dialog is dialog and dialog.isVisible()

    dialog.passphrase.setText(PASSPHRASE)
    dialog.unlock_button.click()
    assert not session.locked
    assert session.unlock_dialog is None
    assert window.current_page() == "patients" and page.isVisible()
    # The database answers again, through the same runner the page holds.
    _search(qtbot, page, "durand")
    assert page.model.rowCount() == 1


def test_the_same_page_comes_back_after_unlocking(
        qtbot, make_session: SessionFactory, french: object) -> None:
    session = first_run(make_session)
    assert session.window is not None
    activate(qtbot, session.window)
    qtbot.keyClick(session.window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert session.window.current_page() == "readings"
    _lock_with_ctrl_l(qtbot, session)
    assert session.unlock_dialog is not None
    session.unlock_dialog.passphrase.setText(PASSPHRASE)
    session.unlock_dialog.try_unlock()
    assert session.window.current_page() == "readings"


def test_escape_does_not_dismiss_the_lock(qtbot, make_session: SessionFactory,
                                          french: object) -> None:
    session = first_run(make_session)
    _lock_with_ctrl_l(qtbot, session)
    dialog = session.unlock_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and session.locked


def test_five_wrong_passphrases_in_a_row_make_the_next_try_wait(
        qtbot, make_session: SessionFactory, basedir: Path, clock: FrozenClock,
        french: object) -> None:
    session = first_run(make_session)
    _lock_with_ctrl_l(qtbot, session)
    dialog = session.unlock_dialog
    assert dialog is not None
    for _ in range(5):
        dialog.passphrase.setText("ce n'est pas la bonne")
        dialog.try_unlock()

    assert not dialog.unlock_button.isEnabled()
    assert "attendez 0:30" in dialog.message.text()
    clock.advance(timedelta(seconds=12))
    dialog.refresh_throttle()  # what the one-second countdown timer does
    assert "attendez 0:18" in dialog.message.text()
    # Even Enter in the field does nothing while the button waits.
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_unlock()
    assert session.locked

    clock.advance(timedelta(seconds=18))
    dialog.refresh_throttle()
    assert dialog.unlock_button.isEnabled()
    assert dialog.message.text() == ""
    dialog.try_unlock()
    assert not session.locked


def test_the_countdown_survives_a_restart(qtbot, make_session: SessionFactory,
                                          basedir: Path, clock: FrozenClock,
                                          french: object) -> None:
    first_run(make_session).close()
    vault = Vault.load(next((basedir / "profiles").iterdir()))
    for _ in range(5):
        try:
            vault.unlock("ce n'est pas la bonne", clock)
        except Exception:  # noqa: BLE001 - the wrong tries are the point
            pass
    session = make_session()
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    assert dialog.throttled and not dialog.unlock_button.isEnabled()


def test_idle_lock_fires_after_the_delay_from_settings(
        qtbot, make_session: SessionFactory, basedir: Path, french: object) -> None:
    Settings(basedir).set(options.LOCK_AFTER_MINUTES, 3)
    # A "minute" of 20 ms: the 3-minute delay from the settings takes 60 ms here.
    session = first_run(make_session, minute_ms=20)
    assert session.idle.interval_ms == 60  # the delay really comes from the settings
    qtbot.waitUntil(lambda: session.locked, timeout=5_000)
    assert session.unlock_dialog is not None and session.unlock_dialog.isVisible()


def test_an_open_form_is_hidden_by_the_lock_and_keeps_what_was_typed(
        qtbot, make_session: SessionFactory, french: object) -> None:
    session = first_run(make_session)
    page = _patients_page(session)
    page.new_patient()
    editor = page.editor
    assert editor is not None
    name_field = editor.fields["birth_name"]
    assert isinstance(name_field, QLineEdit)
    name_field.setText("Moreau")

    # Ctrl+L typed in the form itself, where the main window's menu shortcut cannot reach.
    activate(qtbot, editor)
    qtbot.keyClick(editor.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert session.locked
    assert not name_field.isVisible()
    assert editor.windowTitle() == "TSN Desktop — verrouillé"
    assert session.unlock_dialog is not None
    session.unlock_dialog.passphrase.setText(PASSPHRASE)
    session.unlock_dialog.try_unlock()

    assert editor.isVisible() and name_field.isVisible()
    assert name_field.text() == "Moreau"
    assert editor.windowTitle() == "Nouveau patient"
    editor.fields["birth_name"].setText("")  # type: ignore[attr-defined]
    editor.close()


def test_typing_postpones_the_idle_lock(qtbot, make_session: SessionFactory, basedir: Path,
                                        french: object) -> None:
    Settings(basedir).set(options.LOCK_AFTER_MINUTES, 1)
    session = first_run(make_session, minute_ms=400)
    window = session.window
    assert window is not None
    activate(qtbot, window)
    for _ in range(8):  # 8 x 100 ms of typing: twice the delay, and still unlocked
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
        qtbot.wait(100)
        assert not session.locked
    qtbot.waitUntil(lambda: session.locked, timeout=5_000)


class _PageHoldingRows(QWidget):
    """A feature page that keeps patient rows in memory, as a table model does."""

    def __init__(self) -> None:
        super().__init__()
        self.rows = ["DURAND Élodie"]

    def on_lock(self) -> None:
        self.rows = []

    def on_unlock(self) -> None:
        self.rows = ["DURAND Élodie"]


def test_pages_drop_their_rows_while_locked(qtbot, make_session: SessionFactory,
                                            monkeypatch, french: object) -> None:
    page = _PageHoldingRows()
    # The agenda's place in the navigation, taken by a page built through the Feature seam.
    features = tuple(Feature(name=f.name, title=f.title, page=lambda _context: page)
                     if f.name == "agenda" else f for f in FEATURES)
    session = first_run(make_session, features=features)
    _lock_with_ctrl_l(qtbot, session)
    assert page.rows == []
    assert session.unlock_dialog is not None
    session.unlock_dialog.passphrase.setText(PASSPHRASE)
    session.unlock_dialog.try_unlock()
    assert page.rows == ["DURAND Élodie"]
