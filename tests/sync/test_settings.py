"""The hub token goes to the OS keyring when there is one, else to the encrypted profile.
The keyring backend is faked (tests/conftest.py): the real one is outside the project."""

from __future__ import annotations

import pytest

from tsn_desktop.core.clock import SystemClock
from tsn_desktop.core.session import Practitioner, create_profile
from tsn_desktop.sync import settings
from tsn_desktop.sync.client import InsecureHubUrl

from .conftest import FAST_KDF, PASSPHRASE, random_rpps


@pytest.fixture
def profile(basedir):
    opened = create_profile(basedir, Practitioner("Durand", "Marie", "general_practitioner",
                                                  random_rpps()),
                            PASSPHRASE, remember=False, clock=SystemClock(), kdf=FAST_KDF)
    yield opened
    opened.db.close()


def test_token_in_the_keyring_when_there_is_one(profile, memory_keyring) -> None:
    pid = profile.vault.profile_id
    assert settings.save_account(profile.db, pid, "https://hub.example/", "10000000008", "tok")
    assert profile.db.query("SELECT token FROM sync_account") == [(None,)]
    assert settings.load_token(profile.db, pid) == "tok"
    assert settings.load_account(profile.db).hub_url == "https://hub.example"
    settings.forget_token(profile.db, pid)
    assert settings.load_token(profile.db, pid) is None
    assert memory_keyring.secrets == {}


def test_token_in_the_encrypted_profile_without_a_keyring(profile, no_keyring) -> None:
    pid = profile.vault.profile_id
    assert not settings.save_account(profile.db, pid, "https://hub.example", "1", "tok")
    assert settings.load_token(profile.db, pid) == "tok"
    assert settings.load_account(profile.db).token_in_db
    settings.forget_token(profile.db, pid)
    assert settings.load_token(profile.db, pid) is None


def test_plain_http_hub_is_refused(profile) -> None:
    with pytest.raises(InsecureHubUrl):
        settings.save_account(profile.db, "p", "http://hub.example", "1", "tok")
