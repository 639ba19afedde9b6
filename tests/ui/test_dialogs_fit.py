"""Every message a dialog can show fits, in French and in English: no word-wrapped text
cut or overlapping its neighbour (the unlock dialog's wait message used to overlap its
intro, the error dialog's details squeezed the explanation)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import WrongKey
from tsn_desktop.core.session import Practitioner, create_profile
from tsn_desktop.core.vault import list_profiles
from tsn_desktop.ui.errors import ErrorDialog, profile_damage_text
from tsn_desktop.ui.failures import Failure, words
from tsn_desktop.ui.unlock import UnlockDialog

pytestmark = pytest.mark.gui
PASSPHRASE = "une phrase de passe assez longue"


def cut_or_overlapping(dialog: QWidget) -> list[str]:
    """Visible word-wrapped labels shorter than their text needs, or on top of another."""
    QApplication.processEvents()
    labels = [w for w in dialog.findChildren(QLabel)
              if w.isVisibleTo(dialog) and w.wordWrap() and w.text()]
    problems = []
    for label in labels:
        needed = label.heightForWidth(label.width())
        if label.height() + 1 < needed:
            problems.append(f"cut: {label.text()[:40]!r} {label.height()} < {needed}")
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            ra = a.geometry().translated(a.parentWidget().mapTo(dialog, a.pos()) - a.pos())
            rb = b.geometry().translated(b.parentWidget().mapTo(dialog, b.pos()) - b.pos())
            if ra.intersects(rb):
                problems.append(f"overlap: {a.text()[:30]!r} / {b.text()[:30]!r}")
    return problems


@pytest.fixture(params=["french", "english"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    request.getfixturevalue(request.param)
    yield request.param


@pytest.fixture
def profile_dir(basedir: Path, clock: FrozenClock, fast_kdf) -> Path:
    opened = create_profile(basedir, Practitioner("Martin", "Anne", "general_practitioner",
                                                  "10012345673"),
                            PASSPHRASE, remember=False, clock=clock, kdf=fast_kdf)
    opened.db.close()
    return opened.vault.directory


def _show(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_unlock_dialog_fits_its_wait_and_damage_messages(
        qtbot, language: str, basedir: Path, clock: FrozenClock, profile_dir: Path) -> None:
    dialog = _show(qtbot, UnlockDialog(list_profiles(basedir), clock, remember_possible=False))
    for _ in range(6):  # wrong passphrases until the wait message shows
        dialog.passphrase.setText("pas la bonne phrase du tout")
        dialog.try_unlock()
    assert dialog.message.isVisible()
    assert cut_or_overlapping(dialog) == []
    for code in ("key_file_damaged", "database_missing", "wal_damaged", "change_interrupted",
                 "newer_app"):
        dialog.show_failure(" ".join(profile_damage_text(code)))
        assert cut_or_overlapping(dialog) == [], code


def test_the_error_dialog_keeps_its_explanation_whole_with_the_details_shown(
        qtbot, language: str) -> None:
    for kind in Failure:
        what, todo = words(kind)
        try:
            raise WrongKey("example")
        except WrongKey as exc:
            dialog = _show(qtbot, ErrorDialog(what, todo, exc))
        dialog.show_button.setChecked(True)
        assert dialog.details_view.isVisible()
        assert cut_or_overlapping(dialog) == [], kind  # the explanation keeps its lines
        assert "Masquer" in dialog.show_button.text() or "Hide" in dialog.show_button.text()
        dialog.show_button.setChecked(False)
        assert "Masquer" not in dialog.show_button.text()
        assert "Hide" not in dialog.show_button.text()
        dialog.close()


def test_the_hub_account_dialog_fits_every_outcome_of_the_connection_test(
        qtbot, language: str, basedir: Path, clock: FrozenClock, fast_kdf) -> None:
    from tsn_desktop.core.executor import DbExecutor, DbRunner
    from tsn_desktop.sync.ui.account import HubAccountDialog

    opened = create_profile(basedir, Practitioner("Martin", "Anne", "nurse", "10012345681"),
                            PASSPHRASE, remember=False, clock=clock, kdf=fast_kdf)
    executor = DbExecutor(opened.db)
    try:
        dialog = _show(qtbot, HubAccountDialog(DbRunner(executor), opened.vault.profile_id,
                                               "10012345681"))
        dialog.url.setText("http://hub.example.org")
        dialog.token.setText("x")
        dialog.save()  # refused: plain http off this computer
        assert cut_or_overlapping(dialog) == []
        for outcome in ("ok", "sign_in", "unreachable", "not_a_hub"):
            dialog._tested(outcome)  # noqa: SLF001 - the words each answer gets
            assert cut_or_overlapping(dialog) == [], outcome
        dialog.close()
    finally:
        executor.shutdown()


def test_the_backup_dialog_fits_its_messages(qtbot, language: str, basedir: Path,
                                              clock: FrozenClock, fast_kdf) -> None:
    from tsn_desktop.core.executor import DbExecutor, DbRunner
    from tsn_desktop.ui.profile_dialogs import BackupDialog

    opened = create_profile(basedir, Practitioner("Martin", "Anne", "nurse", "10012345681"),
                            PASSPHRASE, remember=False, clock=clock, kdf=fast_kdf)
    executor = DbExecutor(opened.db)
    try:
        dialog = _show(qtbot, BackupDialog(DbRunner(executor).run, opened.vault, clock))
        dialog.start()  # no folder chosen yet
        assert dialog.message.isVisible()
        assert cut_or_overlapping(dialog) == []
        dialog.close()
    finally:
        executor.shutdown()
