"""A profile saved by a newer TSN Desktop: this older app refuses it in plain words, and
leaves it as it was (its key file and database untouched)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database, Migration, bundled_migrations
from tsn_desktop.core.vault import FORMAT, NEWER_APP, VAULT_FILE, Vault, list_profiles

from .conftest import PASSPHRASE, SessionFactory, first_run

pytestmark = pytest.mark.gui

NEWER = "enregistré par une version plus récente de TSN Desktop"


def test_a_database_upgraded_by_a_newer_app_is_refused_in_plain_words_and_kept(
        make_session: SessionFactory, basedir: Path, clock: FrozenClock,
        french: object) -> None:
    first_run(make_session).close()
    [info] = list_profiles(basedir)
    vault = Vault.load(info.directory)
    key = vault.unlock(PASSPHRASE, clock)
    # What a newer release does to the file: one more migration than this app knows.
    later = [*bundled_migrations(), Migration(9999, "9999_from_the_future.sql",
                                              "CREATE TABLE future_records (x TEXT);")]
    Database.open(vault.db_path, key, clock, later).close()

    session = make_session()
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_unlock()

    assert session.window is None
    assert NEWER in dialog.message.text()
    assert "Installez la dernière version" in dialog.message.text()
    assert "Restaurer" not in dialog.message.text()  # nothing is damaged
    db = Database.open(vault.db_path, key, clock, later)
    assert db.schema_version() == 9999
    assert db.query("SELECT name FROM sqlite_master WHERE name = 'future_records'")
    db.close()


def test_a_key_file_of_a_newer_format_is_refused_in_plain_words_and_left_as_it_is(
        make_session: SessionFactory, basedir: Path, clock: FrozenClock,
        french: object) -> None:
    first_run(make_session).close()
    [info] = list_profiles(basedir)
    path = info.directory / VAULT_FILE
    doc = json.loads(path.read_text("utf-8"))
    doc["format"] = FORMAT + 1
    doc["something_new"] = {"written": "by a later release"}
    path.write_text(json.dumps(doc), "utf-8")
    before = path.read_bytes()

    [listed] = list_profiles(basedir)
    assert listed.damage == NEWER_APP
    assert listed.label == info.label  # the practitioner still sees whose profile it is
    session = make_session()
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    assert NEWER in dialog.message.text()
    assert "endommagé" not in dialog.message.text()
    assert not dialog.unlock_button.isEnabled()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_unlock()
    assert session.window is None
    assert path.read_bytes() == before
