"""Damaged and tampered profile files, made for real on disk: each says what is damaged,
never passes for a wrong passphrase or a first run, and no file of it is created or deleted."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.core.conftest import FAST_KDF
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database, DatabaseDamaged, WrongKey, wal_damaged
from tsn_desktop.core.session import Practitioner, create_profile, open_with_key
from tsn_desktop.core.vault import (
    DAMAGE_DATABASE_MISSING,
    DAMAGE_KEY_FILE,
    DAMAGE_KEY_FILE_MISSING,
    DB_FILE,
    FREE_ATTEMPTS,
    MAX_WAIT,
    VAULT_FILE,
    KeyFileDamaged,
    UnlockThrottled,
    Vault,
    WrongPassphrase,
    list_profiles,
)

PASSPHRASE = "une phrase de passe assez longue"
PRACTITIONER = Practitioner("Lefèvre", "Hélène", "nurse", "10012345673")


@pytest.fixture
def profile(basedir: Path, clock: FrozenClock):
    opened = create_profile(basedir, PRACTITIONER, PASSPHRASE, remember=False, clock=clock,
                            kdf=FAST_KDF)
    yield opened
    opened.db.close()


def closed_profile(profile) -> Path:
    profile.db.close()
    return profile.vault.directory


def files_of(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


# --- item 6: private files -----------------------------------------------------------------
def test_profile_folder_and_files_are_private_whatever_the_umask(basedir, clock):
    old = os.umask(0o022)
    try:
        opened = create_profile(basedir, PRACTITIONER, PASSPHRASE, remember=False,
                                clock=clock, kdf=FAST_KDF)
        with opened.db.unit_of_work() as uow:  # a write: the WAL and SHM files exist now
            uow.audit("read", "Patient", "p-1")
        directory = opened.vault.directory
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in directory.iterdir()}
        assert {"practice.db", "practice.db-wal", "practice.db-shm", "vault.json"} <= set(modes)
        assert set(modes.values()) == {0o600}
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
        assert stat.S_IMODE((basedir / "profiles").stat().st_mode) == 0o700
        opened.db.close()
    finally:
        os.umask(old)


# --- item 8: the key file ------------------------------------------------------------------
def flip_bit(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_flipped_bit_in_the_wrapped_key_is_a_damaged_key_file_not_a_wrong_passphrase(
        profile, clock):
    directory = closed_profile(profile)
    path = directory / VAULT_FILE
    doc = json.loads(path.read_text())
    wrapped = doc["wrapped_key"]
    # A bit flipped inside the base64 text, as a failing disk sector would.
    flip_bit(path, path.read_bytes().index(wrapped.encode()) + 10)
    with pytest.raises(KeyFileDamaged):
        Vault.load(directory).unlock(PASSPHRASE, clock)
    [info] = list_profiles(directory.parent.parent)
    assert info.damage == DAMAGE_KEY_FILE


def test_a_damaged_key_file_adds_nothing_to_the_lock_out(profile, clock):
    directory = closed_profile(profile)
    path = directory / VAULT_FILE
    good = path.read_bytes()
    flip_bit(path, good.index(b'"nonce"') + 12)
    for _ in range(FREE_ATTEMPTS + 1):
        with pytest.raises(KeyFileDamaged):
            Vault.load(directory)
    path.write_bytes(good)  # restored from the backup: no wait at all
    vault = Vault.load(directory)
    assert vault.failures() == 0
    assert vault.unlock(PASSPHRASE, clock)


@pytest.mark.parametrize("damage", ["deleted", "empty", "truncated"])
def test_a_missing_or_corrupt_key_file_is_listed_as_damaged_not_taken_for_a_first_run(
        profile, basedir, damage):
    directory = closed_profile(profile)
    path = directory / VAULT_FILE
    if damage == "deleted":
        path.unlink()
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(path.read_bytes()[:100])
    [info] = list_profiles(basedir)
    assert info.directory == directory
    assert info.damage == (DAMAGE_KEY_FILE_MISSING if damage == "deleted" else DAMAGE_KEY_FILE)


def test_a_deleted_database_is_listed_as_damaged(profile, basedir):
    directory = closed_profile(profile)
    (directory / DB_FILE).unlink()
    [info] = list_profiles(basedir)
    assert info.damage == DAMAGE_DATABASE_MISSING
    assert info.label == "Hélène LEFÈVRE"


# --- item 7: the failure counter -------------------------------------------------------------
def fail(vault: Vault, clock, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassphrase):
            vault.unlock("ce n'est pas la bonne phrase", clock)


def edit(directory: Path, **fields) -> None:
    path = directory / VAULT_FILE
    doc = json.loads(path.read_text())
    doc.update(fields)
    path.write_text(json.dumps(doc))


def test_setting_the_counter_back_to_zero_in_the_file_does_not_let_the_next_guess_through(
        profile, clock):
    directory = closed_profile(profile)
    fail(Vault.load(directory), clock, FREE_ATTEMPTS)
    edit(directory, failed_attempts=0, last_failure_at=None)
    vault = Vault.load(directory)
    assert vault.counter_damaged
    with pytest.raises(UnlockThrottled) as raised:
        vault.unlock(PASSPHRASE, clock)
    assert raised.value.wait == MAX_WAIT  # an edited counter counts as the most failures


def test_a_forged_counter_chain_makes_the_right_passphrase_fail_too(profile, clock):
    """Replacing the chain's anchor (and the check value) to start a fresh count breaks
    the wrapped key's associated data: the guesses it allows can never succeed."""
    import hashlib

    directory = closed_profile(profile)
    fail(Vault.load(directory), clock, FREE_ATTEMPTS)
    seed = os.urandom(32)
    anchor = seed
    for _ in range(64):
        anchor = hashlib.sha256(anchor).digest()
    edit(directory, failed_attempts=0, failure_proof=seed.hex(), throttle_anchor=anchor.hex(),
         last_failure_at=None)
    forged = Vault(directory, json.loads((directory / VAULT_FILE).read_text()))
    doc = forged._doc
    doc["check"] = forged._check_value()
    (directory / VAULT_FILE).write_text(json.dumps(doc))
    vault = Vault.load(directory)
    assert vault.throttle_wait(clock).total_seconds() == 0
    with pytest.raises(WrongPassphrase):
        vault.unlock(PASSPHRASE, clock)


def test_an_unparsable_failure_counter_does_not_stop_start_up(profile, basedir, clock):
    directory = closed_profile(profile)
    edit(directory, failed_attempts="beaucoup", last_failure_at="hier soir")
    [info] = list_profiles(basedir)
    assert info.damage is None
    vault = Vault.load(directory)
    assert vault.throttle_wait(clock) == MAX_WAIT
    clock.advance(MAX_WAIT)
    assert vault.unlock(PASSPHRASE, clock)
    assert not Vault.load(directory).counter_damaged  # a right passphrase mends it


# --- item 8: the database --------------------------------------------------------------------
@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_a_deleted_or_empty_database_is_never_replaced_by_a_new_one(profile, clock, damage):
    directory = closed_profile(profile)
    vault = Vault.load(directory)
    key = vault.unlock(PASSPHRASE, clock)
    if damage == "deleted":
        (directory / DB_FILE).unlink()
    else:
        (directory / DB_FILE).write_bytes(b"")
    before = files_of(directory)
    with pytest.raises(DatabaseDamaged) as raised:
        open_with_key(vault, key, clock, remembered=False)
    assert raised.value.code == ("missing" if damage == "deleted" else "empty")
    assert files_of(directory) == before


def test_a_corrupt_page_is_reported_before_any_migration_and_nothing_is_written(
        profile, clock):
    directory = closed_profile(profile)
    vault = Vault.load(directory)
    key = vault.unlock(PASSPHRASE, clock)
    path = directory / DB_FILE
    data = bytearray(path.read_bytes())
    data[4096 + 200] ^= 0xFF  # inside page 2: SQLCipher's page HMAC fails
    path.write_bytes(bytes(data))
    before = files_of(directory)
    with pytest.raises(DatabaseDamaged) as raised:
        open_with_key(vault, key, clock, remembered=False)
    assert raised.value.code in ("integrity", "not_a_database")
    assert files_of(directory) == before


def test_a_database_without_the_practitioners_row_is_damaged(profile, clock):
    profile.db._conn.execute("DELETE FROM practitioner_profile")
    directory = closed_profile(profile)
    vault = Vault.load(directory)
    with pytest.raises(DatabaseDamaged) as raised:
        open_with_key(vault, vault.unlock(PASSPHRASE, clock), clock, remembered=False)
    assert raised.value.code == "profile_row_missing"


def crashed_copy_with_wal(profile, tmp_path: Path, notes: int) -> Path:
    """The profile as a power cut leaves it: commits in the WAL, not yet in the file."""
    db = profile.db
    db._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db._conn.execute("PRAGMA wal_autocheckpoint = 0")
    with db.unit_of_work() as uow:
        uow.execute("CREATE TABLE note (body TEXT)")
    for i in range(notes):
        with db.unit_of_work() as uow:
            uow.execute("INSERT INTO note VALUES (?)", (f"note {i}",))
    copy = tmp_path / "crashed"
    shutil.copytree(profile.vault.directory, copy)
    db.close()
    return copy


def test_a_damaged_wal_frame_refuses_to_open_instead_of_dropping_later_commits(
        profile, tmp_path, clock):
    copy = crashed_copy_with_wal(profile, tmp_path, notes=5)
    wal = copy / (DB_FILE + "-wal")
    assert not wal_damaged(wal)
    page_size = 4096
    second_frame = 32 + (24 + page_size)
    flip_bit(wal, second_frame + 24 + 500)  # inside the data of the second frame
    assert wal_damaged(wal)
    vault = Vault.load(copy)
    key = vault.unlock(PASSPHRASE, clock)
    before = files_of(copy)
    with pytest.raises(DatabaseDamaged) as raised:
        open_with_key(vault, key, clock, remembered=False)
    assert raised.value.code == "wal_damaged"
    assert files_of(copy) == before  # the WAL is kept, for support or a later repair


def test_a_sound_wal_left_by_a_crash_keeps_every_commit(profile, tmp_path, clock):
    copy = crashed_copy_with_wal(profile, tmp_path, notes=5)
    vault = Vault.load(copy)
    reopened = open_with_key(vault, vault.unlock(PASSPHRASE, clock), clock, remembered=False)
    assert reopened.db.query("SELECT count(*) FROM note") == [(5,)]
    reopened.db.close()


def test_the_wrong_key_on_a_sound_database_changes_no_file(profile, clock):
    directory = closed_profile(profile)
    before = files_of(directory)
    with pytest.raises(WrongKey) as raised:
        Database.open(directory / DB_FILE, os.urandom(32), clock)
    assert type(raised.value) is WrongKey
    assert files_of(directory) == before
