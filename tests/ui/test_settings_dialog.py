"""Settings dialog: the lock delay applies at once, the language at the next start."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsn_desktop.core import settings as options
from tsn_desktop.core.settings import Settings

from .conftest import SessionFactory, first_run

pytestmark = pytest.mark.gui


def test_new_lock_delay_applies_now_and_language_at_next_start(
        make_session: SessionFactory, basedir: Path, french: object) -> None:
    session = first_run(make_session, minute_ms=1_000)
    session.show_settings()
    dialog = session.settings_dialog
    assert dialog is not None
    assert dialog.language.currentText() == "Français"
    assert dialog.lock_minutes.value() == 10
    dialog.lock_minutes.setValue(4)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()

    assert session.idle.interval_ms == 4_000  # 4 "minutes" of 1 s
    stored = Settings(basedir)
    assert stored.get(options.LOCK_AFTER_MINUTES) == 4
    assert stored.get(options.LANGUAGE) == "en"


def test_the_dialog_says_the_language_applies_after_restart(
        make_session: SessionFactory, french: object) -> None:
    from PySide6.QtWidgets import QLabel

    session = first_run(make_session)
    session.show_settings()
    dialog = session.settings_dialog
    assert dialog is not None
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "La nouvelle langue s'applique au prochain démarrage de TSN Desktop." in texts
    dialog.reject()
