"""Only OS stores may keep a profile key; weak passphrases are refused with a reason.

The keyring backends here are fakes (the OS keyring is outside the project): one that
writes to a file as keyrings.alt's PlaintextKeyring does, and chainers around it."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer

from tests.core.conftest import FAST_KDF
from tsn_desktop.core.keyring_probe import keyring_usable, secure_keyring
from tsn_desktop.core.passphrase import estimate, passphrase_problem
from tsn_desktop.core.vault import KeyringRefused, Vault


class PlaintextKeyring(KeyringBackend):
    """Like keyrings.alt.file.PlaintextKeyring: secrets in a file of the home folder."""

    priority = 0.5  # type: ignore[assignment]
    path: Path

    def get_password(self, service: str, username: str) -> str | None:
        if not self.path.exists():
            return None
        return json.loads(self.path.read_text()).get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = json.loads(self.path.read_text()) if self.path.exists() else {}
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        self.path.unlink(missing_ok=True)


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def plaintext(tmp_path: Path):
    backend = PlaintextKeyring()
    backend.path = tmp_path / "keyring_pass.cfg"
    return backend


def test_a_plain_file_keyring_is_refused_and_the_key_never_reaches_the_file(
        plaintext, tmp_path, clock):
    keyring.set_keyring(plaintext)
    assert not keyring_usable()
    vault, key = Vault.create(tmp_path / "p", "une phrase de passe assez longue",
                              label="x", profession="nurse", clock=clock, kdf=FAST_KDF)
    with pytest.raises(KeyringRefused):
        vault.remember_key(key)
    assert not plaintext.path.exists()
    plaintext.set_password("tsn-desktop", vault.profile_id, "AAAA")  # left by an old version
    assert vault.recall_key() is None


def test_a_chainer_of_only_plain_file_backends_is_refused(plaintext, monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext])
    keyring.set_keyring(chainer.ChainerBackend())
    assert secure_keyring() is None


def test_a_chainer_uses_its_os_store_and_skips_the_plain_file(plaintext, monkeypatch,
                                                              memory_keyring):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext, memory_keyring])
    keyring.set_keyring(chainer.ChainerBackend())
    assert secure_keyring() is memory_keyring


def test_a_subclass_of_an_os_store_is_not_one(monkeypatch):
    from keyring.backends import SecretService

    class Lookalike(SecretService.Keyring):
        pass

    keyring.set_keyring(Lookalike())
    assert secure_keyring() is None


@pytest.mark.parametrize("weak", ["motdepasse12", "azertyuiop12", "Marseille2026!",
                                  "jetaime123456789", "soleil2024soleil"])
def test_common_french_passwords_are_refused_as_guessable(weak):
    problem = passphrase_problem(weak)
    assert problem is not None and problem.startswith("guessable:")


@pytest.mark.parametrize("strong", ["le chat dort sur le radiateur",
                                    "nouvelle phrase pour le cabinet bleu",
                                    "démo-pascaline-2026"])
def test_a_sentence_of_several_words_is_accepted(strong):
    assert passphrase_problem(strong) is None


def test_the_french_list_makes_french_words_cheap_to_guess():
    assert "common_word" in estimate("chocolatmarseille").weaknesses


def test_the_practitioners_own_name_counts_against_the_passphrase():
    assert passphrase_problem("lefevre10012345673") is None  # to a stranger: digits
    assert passphrase_problem("lefevre10012345673",
                              ("Lefèvre", "10012345673")) == "guessable:personal"
