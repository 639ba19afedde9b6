"""The profile vault: the passphrase wraps the database key, nothing else on disk opens it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.core.conftest import FAST_KDF
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.vault import (
    FORMAT,
    VAULT_FILE,
    KdfParams,
    KeyFileDamaged,
    KeyFileTooNew,
    UnlockThrottled,
    Vault,
    VaultError,
    WrongPassphrase,
    list_profiles,
    passphrase_problem,
)

PASSPHRASE = "correct horse battery staple"


def make_vault(tmp_path: Path, clock: FrozenClock) -> tuple[Vault, bytes]:
    return Vault.create(tmp_path / "p1", PASSPHRASE, label="Dr Test", profession="nurse",
                        clock=clock, kdf=FAST_KDF)


def test_right_passphrase_gives_back_the_same_random_key(tmp_path, clock):
    vault, key = make_vault(tmp_path, clock)
    assert len(key) == 32
    assert Vault.load(vault.directory).unlock(PASSPHRASE, clock) == key


def test_key_file_holds_neither_key_nor_passphrase(tmp_path, clock):
    vault, key = make_vault(tmp_path, clock)
    raw = (vault.directory / "vault.json").read_bytes()
    assert key not in raw and key.hex().encode() not in raw
    assert PASSPHRASE.encode() not in raw
    doc = json.loads(raw)
    assert doc["kdf"]["name"] == "scrypt" and len(doc["kdf"]["salt"]) > 0


def test_wrong_passphrase_is_refused_and_changes_nothing_but_the_counter(tmp_path, clock):
    vault, key = make_vault(tmp_path, clock)
    before = json.loads((vault.directory / "vault.json").read_text())
    with pytest.raises(WrongPassphrase):
        vault.unlock("not the passphrase at all", clock)
    after = json.loads((vault.directory / "vault.json").read_text())
    assert after["wrapped_key"] == before["wrapped_key"]
    assert after["failed_attempts"] == 1
    assert vault.unlock(PASSPHRASE, clock) == key
    assert json.loads((vault.directory / "vault.json").read_text())["failed_attempts"] == 0


def test_five_wrong_tries_in_a_row_make_the_next_try_wait(tmp_path, clock):
    vault, _ = make_vault(tmp_path, clock)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            vault.unlock("wrong passphrase xx", clock)
    # Even the right passphrase waits; a restart (reloading the file) does not reset it.
    with pytest.raises(UnlockThrottled) as raised:
        Vault.load(vault.directory).unlock(PASSPHRASE, clock)
    assert raised.value.wait == timedelta(seconds=30)
    clock.advance(timedelta(seconds=31))
    assert vault.unlock(PASSPHRASE, clock)


def test_after_a_restart_the_wait_runs_again_from_the_start(tmp_path, clock):
    """The time of the last failure sits in the file: a restart waits the whole delay
    again rather than trust it (editing it must not shorten the wait)."""
    vault, _ = make_vault(tmp_path, clock)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            vault.unlock("wrong passphrase xx", clock)
    clock.advance(timedelta(seconds=31))
    restarted = Vault.load(vault.directory)
    assert restarted.throttle_wait(clock) == timedelta(seconds=30)
    clock.advance(timedelta(seconds=30))
    assert restarted.unlock(PASSPHRASE, clock)


def test_the_wait_doubles_with_each_further_wrong_try(tmp_path, clock):
    vault, _ = make_vault(tmp_path, clock)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            vault.unlock("wrong passphrase xx", clock)
    clock.advance(timedelta(seconds=31))
    with pytest.raises(WrongPassphrase):
        vault.unlock("wrong passphrase xx", clock)
    assert vault.throttle_wait(clock) == timedelta(seconds=60)


@pytest.mark.parametrize(
    ("candidate", "problem"),
    [("short pass", "too_short"), ("aaaaaaaaaaaaaaaa", "too_repetitive"),
     (" leading space passphrase", "surrounding_spaces"), ("mon chat s'appelle Félix", None),
     ("motdepasse12", "guessable:common_word")],
)
def test_passphrase_rules(candidate, problem):
    assert passphrase_problem(candidate) == problem


def test_a_refused_passphrase_creates_no_profile(tmp_path, clock):
    with pytest.raises(VaultError):
        Vault.create(tmp_path / "p", "short", label="x", profession="nurse", clock=clock,
                     kdf=FAST_KDF)
    assert not (tmp_path / "p" / "vault.json").exists()


def test_damaged_key_file_says_so(tmp_path, clock):
    vault, _ = make_vault(tmp_path, clock)
    (vault.directory / "vault.json").write_text("{not json")
    with pytest.raises(KeyFileDamaged, match="damaged"):
        Vault.load(vault.directory)


def test_remembered_key_comes_back_from_the_keyring(tmp_path, clock, memory_keyring):
    vault, key = make_vault(tmp_path, clock)
    vault.remember_key(key)
    assert Vault.load(vault.directory).recall_key() == key
    vault.forget_key()
    assert vault.recall_key() is None


def test_without_a_keyring_backend_remember_fails_cleanly_and_recall_asks(
        tmp_path, clock, no_keyring):
    from tsn_desktop.core.vault import KeyringUnavailable

    vault, key = make_vault(tmp_path, clock)
    with pytest.raises(KeyringUnavailable):
        vault.remember_key(key)
    assert vault.recall_key() is None


def test_profiles_are_listed_by_label_for_a_shared_consulting_room(tmp_path, clock):
    for label in ("Dr Zoé Martin", "Dr Amélie Bernard"):
        Vault.create(tmp_path / "profiles" / label.replace(" ", "_"), PASSPHRASE, label=label,
                     profession="general_practitioner", clock=clock, kdf=FAST_KDF)
    assert [p.label for p in list_profiles(tmp_path)] == ["Dr Amélie Bernard", "Dr Zoé Martin"]


def test_product_kdf_is_strong():
    # The issue asks for ~0.3-1 s on a laptop: scrypt n=2**17, r=8 needs 128 MiB and is
    # measured at ~0.4 s on the 2-core CI machine (see benchmarks/startup_search.py).
    params = KdfParams()
    assert params.n * params.r * 128 >= 128 * 1024 * 1024


def test_a_key_file_from_a_newer_app_is_refused_as_too_new_not_as_damaged(tmp_path, clock):
    vault, _ = make_vault(tmp_path, clock)
    path = tmp_path / "p1" / VAULT_FILE
    doc = json.loads(path.read_text("utf-8"))
    doc["format"] = FORMAT + 1
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(KeyFileTooNew) as refused:
        Vault.load(path.parent)
    assert not isinstance(refused.value, KeyFileDamaged)
    assert refused.value.label == vault.info.label
