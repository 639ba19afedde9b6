"""Fixtures for the application shell: translations, a session factory that closes its
windows, and helpers that fill the first-run wizard like a practitioner would."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from tsn_desktop.app import TsnApp
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.settings import Settings
from tsn_desktop.core.vault import KdfParams
from tsn_desktop.feature import Feature
from tsn_desktop.features import FEATURES
from tsn_desktop.ui.wizard import FirstRunWizard

PASSPHRASE = "le chat dort sur le radiateur"
RPPS = "10012345673"  # passes the Luhn check: an invented number


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a filled wizard asks in a modal box; tests answer "discard" instead (a test
    that checks the question patches its own answer)."""
    monkeypatch.setattr(FirstRunWizard, "confirm_discard", lambda self: True)


SessionFactory = Callable[..., TsnApp]


@pytest.fixture
def make_session(qapp: QApplication, basedir: Path, clock: FrozenClock,
                 fast_kdf: KdfParams) -> Iterator[SessionFactory]:
    """Builds TsnApp sessions on the test basedir; every window is closed at the end."""
    sessions: list[TsnApp] = []

    def make(**kwargs: Any) -> TsnApp:
        kwargs.setdefault("kdf", fast_kdf)
        session = TsnApp(qapp, basedir, Settings(basedir), clock, **kwargs)
        # The real exit() would end every later test's event loop: recorded instead.
        session.exit_codes = []  # type: ignore[attr-defined]
        session.leave_event_loop = session.exit_codes.append  # type: ignore[attr-defined]
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()
    QCoreApplication.processEvents()


def activate(qtbot: Any, window: QWidget) -> None:
    """Shortcuts only reach an active window; offscreen, nothing activates it by itself."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)


def fill_wizard(wizard: FirstRunWizard, *, passphrase: str = PASSPHRASE,
                remember: bool = False, family_name: str = "Lefèvre",
                given_names: str = "Hélène") -> None:
    """Walks the wizard to its last page and clicks "Create my profile"."""
    wizard.next()
    wizard.identity.family_name.setText(family_name)
    wizard.identity.given_names.setText(given_names)
    wizard.identity.rpps.setText(RPPS)
    wizard.next()
    wizard.security.passphrase.setText(passphrase)
    wizard.security.confirmation.setText(passphrase)
    if remember:
        wizard.security.remember.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()


def first_run(make_session: SessionFactory, *, minute_ms: int = 60_000,
              features: Sequence[Feature] = FEATURES, **wizard_args: Any) -> TsnApp:
    """A first start on an empty basedir, through the wizard, up to the main window."""
    session = make_session(remember_possible=wizard_args.get("remember", False),
                           minute_ms=minute_ms, features=features)
    session.start()
    assert session.wizard is not None
    fill_wizard(session.wizard, **wizard_args)
    assert session.window is not None, "the wizard did not open the main window"
    return session
