"""The encrypted database: raw key, migrations, and the unit of work (change+outbox+audit)."""

from __future__ import annotations

import os

import pytest

from tsn_desktop.core import outbox
from tsn_desktop.core.db import (
    Database,
    Migration,
    ProfileTooNew,
    WrongKey,
    bundled_migrations,
)


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


def reopen(path, key, clock, **kwargs) -> Database:
    # These databases hold no practitioner's row: only the structure is checked.
    return Database.open(path, key, clock, profile_check=False, **kwargs)


def test_a_new_database_gets_every_bundled_migration(tmp_path, key, clock):
    db = Database.open(tmp_path / "p.db", key, clock, create=True)
    assert db.schema_version() == max(m.version for m in bundled_migrations())
    tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"outbox", "audit_log", "patient", "schema_version"} <= tables
    db.close()


def test_an_existing_database_gets_only_the_new_migrations_and_keeps_its_data(
        tmp_path, key, clock):
    first = bundled_migrations()
    db = Database.open(tmp_path / "p.db", key, clock, migrations=first, create=True)
    with db.unit_of_work() as uow:
        uow.execute("CREATE TABLE note (body TEXT)")
        uow.execute("INSERT INTO note VALUES ('kept')")
    db.close()
    later = [*first, Migration(9999, "9999_add_column.sql",
                               "ALTER TABLE note ADD COLUMN extra TEXT DEFAULT 'x';")]
    db = reopen(tmp_path / "p.db", key, clock, migrations=later)
    assert db.schema_version() == 9999
    assert db.query("SELECT body, extra FROM note") == [("kept", "x")]
    db.close()


def test_a_failing_migration_leaves_the_previous_schema(tmp_path, key, clock):
    broken = [*bundled_migrations(), Migration(9999, "9999_broken.sql",
                                               "CREATE TABLE a (x); CREATE TABLE a (x);")]
    with pytest.raises(Exception, match="already exists"):
        Database.open(tmp_path / "p.db", key, clock, migrations=broken, create=True)
    db = reopen(tmp_path / "p.db", key, clock)
    assert db.schema_version() < 9999
    assert not db.query("SELECT name FROM sqlite_master WHERE name = 'a'")
    db.close()


def test_a_database_from_a_newer_app_is_refused(tmp_path, key, clock):
    newer = [*bundled_migrations(), Migration(9999, "9999_new.sql", "CREATE TABLE z (x);")]
    Database.open(tmp_path / "p.db", key, clock, migrations=newer, create=True).close()
    with pytest.raises(ProfileTooNew) as refused:
        reopen(tmp_path / "p.db", key, clock)
    assert refused.value.code == "newer_app"
    db = reopen(tmp_path / "p.db", key, clock, migrations=newer)  # the newer app still can
    assert db.schema_version() == 9999
    db.close()


def test_the_wrong_key_opens_nothing(tmp_path, key, clock):
    Database.open(tmp_path / "p.db", key, clock, create=True).close()
    with pytest.raises(WrongKey):
        reopen(tmp_path / "p.db", os.urandom(32), clock)


def test_the_file_is_not_readable_as_plain_sqlite(tmp_path, key, clock):
    Database.open(tmp_path / "p.db", key, clock, create=True).close()
    assert not (tmp_path / "p.db").read_bytes().startswith(b"SQLite format 3")


def test_unit_of_work_writes_change_outbox_and_audit_together(tmp_path, key, clock):
    db = Database.open(tmp_path / "p.db", key, clock, create=True)
    db.actor = "10003456786"
    with db.unit_of_work() as uow:
        uow.record_change("Thing", "id-1", "upsert", 1, None)
    ops = outbox.pending(db._conn)
    assert [(o.resource_type, o.resource_id, o.action) for o in ops] == [
        ("Thing", "id-1", "upsert")]
    assert db.query("SELECT actor, action, resource_id FROM audit_log") == [
        ("10003456786", "create", "id-1")]
    db.close()


def test_a_failure_inside_the_unit_of_work_leaves_no_outbox_or_audit_row(tmp_path, key, clock):
    db = Database.open(tmp_path / "p.db", key, clock, create=True)
    with pytest.raises(ZeroDivisionError), db.unit_of_work() as uow:
        uow.record_change("Thing", "id-1", "upsert", 1, None)
        _ = 1 / 0
    assert db.query("SELECT count(*) FROM outbox") == [(0,)]
    assert db.query("SELECT count(*) FROM audit_log") == [(0,)]
    db.close()


def test_the_commit_listener_hears_committed_changes_only(tmp_path, key, clock):
    """Local saves reach the sync worker through this hook; a rolled-back one must not."""
    db = Database.open(tmp_path / "p.db", key, clock, create=True)
    heard: list[tuple[tuple[str, str], ...]] = []
    db.commit_listener = lambda local, _pulled, _kept: heard.append(local)
    with db.unit_of_work() as uow:
        uow.record_change("Thing", "id-1", "upsert", 1, None)
    with pytest.raises(ZeroDivisionError), db.unit_of_work() as uow:
        uow.record_change("Thing", "id-2", "upsert", 1, None)
        _ = 1 / 0
    with db.unit_of_work() as uow:
        uow.audit("read", "Thing", "id-1")  # a read audit is not a change to push
    assert heard == [(("Thing", "id-1"),)]
    db.close()


def test_a_failing_commit_listener_does_not_undo_the_write(tmp_path, key, clock, caplog):
    db = Database.open(tmp_path / "p.db", key, clock, create=True)

    def broken(_local, _pulled, _kept):
        raise RuntimeError("listener bug")

    db.commit_listener = broken
    with db.unit_of_work() as uow:
        uow.record_change("Thing", "id-1", "upsert", 1, None)
    assert db.query("SELECT count(*) FROM outbox") == [(1,)]
    assert "commit listener failed" in caplog.text  # said, not swallowed
    db.close()
