"""Backups (now and on a schedule), restore into a new profile, passphrase change that
re-keys the database, forgetting the remembered key: real SQLCipher files throughout."""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from tests.core.conftest import FAST_KDF
from tsn_desktop.core.backup import (
    BackupError,
    backup_due,
    backup_if_due,
    backups_in,
    make_backup,
    restore_backup,
)
from tsn_desktop.core.db import Database, WrongKey
from tsn_desktop.core.session import (
    ChangeInterrupted,
    Practitioner,
    change_passphrase,
    create_profile,
    open_with_key,
)
from tsn_desktop.core.vault import DB_FILE, VAULT_FILE, Vault, VaultError, list_profiles

OLD = "une phrase de passe assez longue"
NEW = "nouvelle phrase pour le cabinet bleu"
PRACTITIONER = Practitioner("Lefèvre", "Hélène", "nurse", "10012345673")


@pytest.fixture
def profile(basedir: Path, clock):
    opened = create_profile(basedir, PRACTITIONER, OLD, remember=False, clock=clock,
                            kdf=FAST_KDF)
    with opened.db.unit_of_work() as uow:
        uow.execute("CREATE TABLE note (body TEXT)")
        uow.execute("INSERT INTO note VALUES ('Mme Martin, pansement J3')")
    yield opened
    opened.db.close()


def notes(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT body FROM note ORDER BY rowid")]


# --- passphrase change ---------------------------------------------------------------------
def test_after_a_passphrase_change_the_old_key_file_and_old_passphrase_open_nothing_new(
        profile, clock, tmp_path):
    directory = profile.vault.directory
    old_key_file = (directory / VAULT_FILE).read_bytes()
    change_passphrase(profile.db, profile.vault, OLD, NEW, clock)
    with profile.db.unit_of_work() as uow:
        uow.execute("INSERT INTO note VALUES ('saved after the change')")
    profile.db.close()

    # An attacker kept a copy of the key file and learnt the old passphrase.
    attacker = tmp_path / "attacker"
    attacker.mkdir()
    (attacker / VAULT_FILE).write_bytes(old_key_file)
    old_key = Vault.load(attacker).unlock(OLD, clock)
    shutil.copy(directory / DB_FILE, attacker / DB_FILE)
    with pytest.raises(WrongKey):
        Database.open(attacker / DB_FILE, old_key, clock)

    vault = Vault.load(directory)
    reopened = open_with_key(vault, vault.unlock(NEW, clock), clock, remembered=False)
    assert notes(reopened.db) == ["Mme Martin, pansement J3", "saved after the change"]
    reopened.db.close()


def test_a_weak_new_passphrase_is_refused_and_nothing_changes(profile, clock):
    before = (profile.vault.directory / VAULT_FILE).read_bytes()
    with pytest.raises(VaultError, match="guessable"):
        change_passphrase(profile.db, profile.vault, OLD, "motdepasse12", clock)
    assert (profile.vault.directory / VAULT_FILE).read_bytes() == before
    assert notes(profile.db) == ["Mme Martin, pansement J3"]


def test_a_change_interrupted_before_the_rekey_opens_with_the_old_passphrase(profile, clock):
    vault = profile.vault
    vault.begin_change(OLD, NEW, os.urandom(32), clock)  # then the power goes
    profile.db.close()
    again = Vault.load(vault.directory)
    with pytest.raises(ChangeInterrupted):
        open_with_key(again, again.unlock(NEW, clock), clock, remembered=False)
    opened = open_with_key(again, again.unlock(OLD, clock), clock, remembered=False)
    assert not Vault.load(vault.directory).has_pending_change
    opened.db.close()


def test_a_change_interrupted_after_the_rekey_opens_with_the_new_passphrase(profile, clock):
    new_key = os.urandom(32)
    profile.vault.begin_change(OLD, NEW, new_key, clock)
    profile.db.rekey(new_key)  # then the power goes, before the key file is rewritten
    profile.db.close()
    vault = Vault.load(profile.vault.directory)
    with pytest.raises(ChangeInterrupted):
        open_with_key(vault, vault.unlock(OLD, clock), clock, remembered=False)
    opened = open_with_key(vault, vault.unlock(NEW, clock), clock, remembered=False)
    assert notes(opened.db) == ["Mme Martin, pansement J3"]
    opened.db.close()
    settled = Vault.load(profile.vault.directory)
    assert not settled.has_pending_change
    assert settled.unlock(NEW, clock) == new_key


def test_changing_the_passphrase_of_a_remembered_profile_keeps_the_keyring_in_step(
        profile, clock, memory_keyring):
    """The OS keyring is faked in memory (it is outside the project)."""
    profile.vault.remember_key(os.urandom(32))
    assert change_passphrase(profile.db, profile.vault, OLD, NEW, clock, remembered=True)
    profile.db.close()
    vault = Vault.load(profile.vault.directory)
    key = vault.recall_key()
    assert key is not None
    open_with_key(vault, key, clock, remembered=True).db.close()


def test_forget_on_this_computer_removes_the_key_from_the_keyring(profile, memory_keyring):
    """The OS keyring is faked in memory (it is outside the project)."""
    profile.vault.remember_key(os.urandom(32))
    assert profile.vault.is_remembered()
    assert profile.vault.forget_key()
    assert memory_keyring.secrets == {}
    assert not profile.vault.is_remembered()
    assert not profile.vault.forget_key()  # twice: nothing left to forget, no error


# --- backup and restore ----------------------------------------------------------------------
def test_a_backup_is_one_private_encrypted_file_named_without_any_name(profile, clock,
                                                                      tmp_path):
    folder = tmp_path / "clé USB"
    path = make_backup(profile.db, profile.vault, folder, clock)
    assert path.parent == folder and path.name.endswith(".tsnbackup")
    assert "Lef" not in path.name and "Martin" not in path.name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert b"Mme Martin" not in raw and "Lefèvre".encode() not in raw
    with zipfile.ZipFile(path) as archive:
        db_bytes = archive.read(DB_FILE)
    assert not db_bytes.startswith(b"SQLite format 3")
    assert [p.name for p in folder.iterdir()] == [path.name]  # no staging left behind


def test_a_backup_restores_as_a_new_profile_that_opens_with_its_passphrase(
        profile, basedir, clock, tmp_path):
    path = make_backup(profile.db, profile.vault, tmp_path / "backups", clock)
    with profile.db.unit_of_work() as uow:
        uow.execute("INSERT INTO note VALUES ('after the backup')")
    info = restore_backup(path, basedir, OLD, clock)

    assert info.profile_id != profile.vault.profile_id
    assert info.directory != profile.vault.directory
    assert {p.profile_id for p in list_profiles(basedir)} == {
        info.profile_id, profile.vault.profile_id}
    vault = Vault.load(info.directory)
    restored = open_with_key(vault, vault.unlock(OLD, clock), clock, remembered=False)
    assert notes(restored.db) == ["Mme Martin, pansement J3"]
    assert restored.practitioner.family_name == "Lefèvre"
    restored.db.close()
    assert notes(profile.db) == ["Mme Martin, pansement J3", "after the backup"]


def test_a_restore_with_the_wrong_passphrase_lists_nothing_and_leaves_nothing(
        profile, basedir, clock, tmp_path):
    path = make_backup(profile.db, profile.vault, tmp_path / "backups", clock)
    before = sorted(p.name for p in (basedir / "profiles").iterdir())
    with pytest.raises(BackupError) as raised:
        restore_backup(path, basedir, NEW, clock)
    assert raised.value.code == "wrong_passphrase"
    assert sorted(p.name for p in (basedir / "profiles").iterdir()) == before


def test_a_damaged_backup_is_refused_before_anything_is_unpacked(profile, basedir, clock,
                                                                 tmp_path):
    path = make_backup(profile.db, profile.vault, tmp_path / "backups", clock)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    before = sorted(p.name for p in (basedir / "profiles").iterdir())
    with pytest.raises(BackupError) as raised:
        restore_backup(path, basedir, OLD, clock)
    assert raised.value.code in ("damaged", "not_a_backup")
    assert sorted(p.name for p in (basedir / "profiles").iterdir()) == before


def test_a_backup_made_before_a_passphrase_change_opens_with_the_old_passphrase(
        profile, basedir, clock, tmp_path):
    path = make_backup(profile.db, profile.vault, tmp_path / "backups", clock)
    change_passphrase(profile.db, profile.vault, OLD, NEW, clock)
    info = restore_backup(path, basedir, OLD, clock)
    vault = Vault.load(info.directory)
    open_with_key(vault, vault.unlock(OLD, clock), clock, remembered=False).db.close()


# --- on a schedule -------------------------------------------------------------------------
def test_backup_due_follows_the_interval(clock):
    now = clock.now()
    assert backup_due(None, 7, now)
    assert not backup_due(now - timedelta(days=6, hours=23), 7, now)
    assert backup_due(now - timedelta(days=7), 7, now)
    assert not backup_due(None, 0, now)  # 0: no scheduled backup


def test_the_scheduled_backup_runs_once_per_interval(profile, clock, tmp_path):
    folder = tmp_path / "backups"
    assert backup_if_due(profile.db, profile.vault, folder, 7, clock) is not None
    clock.advance(timedelta(days=3))
    assert backup_if_due(profile.db, profile.vault, folder, 7, clock) is None
    clock.advance(timedelta(days=4))
    assert backup_if_due(profile.db, profile.vault, folder, 7, clock) is not None
    assert len(backups_in(folder, profile.vault.profile_id)) == 2
