"""The one error dialog: plain words, what to do, details with no patient data in them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from tsn_desktop.core.db import WrongKey
from tsn_desktop.ui import errors
from tsn_desktop.ui.errors import ErrorDialog, safe_details

pytestmark = pytest.mark.gui


def _failing_save(name: str) -> None:
    patient_name = name  # a local holding patient data: must never reach the report
    try:
        raise ValueError(f"UNIQUE constraint failed for {patient_name}")
    except ValueError as exc:
        raise WrongKey(f"cannot open file of {patient_name}") from exc


def _raised() -> BaseException:
    try:
        _failing_save("DUPONT Marie")
    except WrongKey as exc:
        return exc
    raise AssertionError("nothing raised")


def test_details_name_types_and_code_places_but_no_message_or_local() -> None:
    details = safe_details(_raised())
    assert "tsn_desktop.core.db.WrongKey" in details
    assert "builtins.ValueError" in details
    assert "in _failing_save" in details
    assert "test_errors.py:" in details
    assert "DUPONT" not in details and "Marie" not in details
    assert "UNIQUE" not in details  # DB error messages can quote the row


def test_details_do_not_carry_the_users_home_folder() -> None:
    from pathlib import Path

    assert str(Path.home()) not in safe_details(_raised())


def test_dialog_says_what_and_what_to_do_and_copies_details(qtbot, french: object) -> None:
    dialog = ErrorDialog("La base ne s'ouvre pas.", "Restaurez votre sauvegarde.", _raised())
    qtbot.addWidget(dialog)
    assert dialog.what_label.text() == "La base ne s'ouvre pas."
    assert dialog.todo_label.text() == "Restaurez votre sauvegarde."
    assert dialog.copy_button.text() == "&Copier les détails"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details
    assert "DUPONT" not in QGuiApplication.clipboard().text()
    dialog.close()


def test_unexpected_errors_end_in_the_dialog(qtbot, monkeypatch, french: object,
                                             caplog: pytest.LogCaptureFixture) -> None:
    shown: list[ErrorDialog] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr("sys.excepthook", errors.sys.excepthook)
    errors.install_excepthook()
    exc = _raised()
    errors.sys.excepthook(type(exc), exc, exc.__traceback__)
    [dialog] = shown
    assert dialog.what_label.text() == "Une erreur inattendue s'est produite dans TSN Desktop."
    assert "DUPONT" not in dialog.details
    assert "DUPONT" not in caplog.text  # the log line names the type only
    dialog.close()
