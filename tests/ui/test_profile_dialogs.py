"""The profile safety dialogs, standalone: real widgets, a real SQLCipher profile, the DB
worker thread, and real backup files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from tsn_desktop.core.backup import backups_in
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database, WrongKey
from tsn_desktop.core.executor import DbExecutor, DbRunner
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile
from tsn_desktop.core.vault import VAULT_FILE, KdfParams, Vault, list_profiles
from tsn_desktop.ui.profile_dialogs import (
    BackupDialog,
    ChangePassphraseDialog,
    ForgetKeyDialog,
    RestoreDialog,
)

from .conftest import PASSPHRASE, RPPS

pytestmark = pytest.mark.gui

NEW = "nouvelle phrase pour le cabinet bleu"


@pytest.fixture
def profile(basedir: Path, clock: FrozenClock, fast_kdf: KdfParams) -> OpenProfile:
    return create_profile(basedir, Practitioner("Lefèvre", "Hélène", "nurse", RPPS),
                          PASSPHRASE, remember=False, clock=clock, kdf=fast_kdf)


@pytest.fixture
def runner(profile: OpenProfile, qapp: object) -> Iterator[DbRunner]:
    executor = DbExecutor(profile.db)
    db_runner = DbRunner(executor)
    yield db_runner
    executor.shutdown()
    db_runner.deleteLater()


def test_back_up_now_writes_a_backup_in_the_chosen_folder(
        qtbot, profile, runner, clock, tmp_path, french) -> None:
    folder = tmp_path / "clé USB"
    dialog = BackupDialog(runner.run, profile.vault, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_button.click()
    assert "Choisissez le dossier" in dialog.message.text()

    dialog.folder.edit.setText(str(folder))
    with qtbot.waitSignal(dialog.backed_up, timeout=10_000) as blocker:
        dialog.start_button.click()
    [(_, written)] = backups_in(folder, profile.vault.profile_id)
    assert blocker.args == [written]
    assert "Sauvegarde enregistrée" in dialog.message.text()
    dialog.close()


def test_a_folder_that_cannot_be_written_says_what_to_do(
        qtbot, profile, runner, clock, tmp_path, french) -> None:
    blocker_file = tmp_path / "not a folder"
    blocker_file.write_text("x")
    dialog = BackupDialog(runner.run, profile.vault, clock, folder=str(blocker_file / "sub"))
    qtbot.addWidget(dialog)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: "n'a pas pu être écrite" in dialog.message.text(), timeout=10_000)
    assert dialog.start_button.isEnabled()
    dialog.close()


def test_restore_makes_a_new_profile_that_opens_only_after_the_right_passphrase(
        qtbot, profile, runner, basedir, clock, tmp_path, french) -> None:
    path = runner.executor.call(
        lambda db: __import__("tsn_desktop.core.backup", fromlist=["x"]).make_backup(
            db, profile.vault, tmp_path / "backups", clock))
    dialog = RestoreDialog(basedir, clock)
    qtbot.addWidget(dialog)
    dialog.file.edit.setText(str(path))
    dialog.passphrase.setText("ce n'est pas la bonne phrase")
    dialog.start_button.click()
    assert "ne déverrouille pas cette sauvegarde" in dialog.message.text()
    assert len(list_profiles(basedir)) == 1

    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.restored) as blocker:
        dialog.start_button.click()
    info = blocker.args[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert {p.profile_id for p in list_profiles(basedir)} == {
        profile.vault.profile_id, info.profile_id}


def test_change_passphrase_refuses_a_weak_one_then_rekeys(
        qtbot, profile, runner, clock, tmp_path, french) -> None:
    old_key_file = (profile.vault.directory / VAULT_FILE).read_bytes()
    dialog = ChangePassphraseDialog(runner.run, profile.vault, clock,
                                    personal=("Lefèvre", "Hélène", RPPS))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.old.setText(PASSPHRASE)
    dialog.new.setText("motdepasse12")
    dialog.confirmation.setText("motdepasse12")
    assert "Trop facile à deviner" in dialog.strength.text()
    assert not dialog.ok_button.isEnabled()

    dialog.new.setText(NEW)
    dialog.confirmation.setText(NEW)
    assert dialog.strength.text() == "Phrase de passe acceptée."
    with qtbot.waitSignal(dialog.changed, timeout=10_000) as blocker:
        dialog.ok_button.click()
    assert blocker.args == [False]
    runner.executor.call(lambda db: db.close())

    attacker = tmp_path / "old"
    attacker.mkdir()
    (attacker / VAULT_FILE).write_bytes(old_key_file)
    old_key = Vault.load(attacker).unlock(PASSPHRASE, clock)
    with pytest.raises(WrongKey):
        Database.open(profile.vault.db_path, old_key, clock)
    assert Vault.load(profile.vault.directory).unlock(NEW, clock)


def test_change_passphrase_with_a_wrong_current_one_says_so_and_changes_nothing(
        qtbot, profile, runner, clock, french) -> None:
    before = (profile.vault.directory / VAULT_FILE).read_bytes()
    dialog = ChangePassphraseDialog(runner.run, profile.vault, clock)
    qtbot.addWidget(dialog)
    dialog.old.setText("ce n'est pas la bonne phrase")
    dialog.new.setText(NEW)
    dialog.confirmation.setText(NEW)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "phrase de passe actuelle est fausse" in dialog.message.text(),
                    timeout=10_000)
    assert Vault.load(profile.vault.directory).unlock(PASSPHRASE, clock)
    assert before != b""
    dialog.close()


def test_forget_on_this_computer_removes_the_remembered_key(
        qtbot, profile, memory_keyring, french) -> None:
    """The OS keyring is faked in memory (it is outside the project)."""
    profile.vault.remember_key(b"k" * 32)
    dialog = ForgetKeyDialog(profile.vault)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.forgotten):
        dialog.forget_button.click()
    assert memory_keyring.secrets == {}
    assert not profile.vault.is_remembered()
