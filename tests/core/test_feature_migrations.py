"""Migrations owned by features: one number line across core and every feature folder, and
moving the landed files there never runs them again on an existing profile."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tsn_desktop.core.db import Database, MigrationClash, bundled_migrations, migrations_in
from tsn_desktop.core.vault import Vault
from tsn_desktop.features import FEATURES, migration_packages

# Made with main at 15ca28c, when 0001-0006 all sat in core/migrations: a nurse's profile
# with one patient (passphrase below, scrypt n=2**12 so the test stays quick).
OLD_PROFILE = Path(__file__).parent / "data" / "profile-0006"
OLD_PASSPHRASE = "profil-avant-les-features-2026"


def test_a_profile_made_before_the_move_keeps_its_migrations_and_its_patient(
        tmp_path: Path, clock) -> None:
    folder = tmp_path / "profile"
    shutil.copytree(OLD_PROFILE, folder)
    vault = Vault.load(folder)
    db = Database.open(vault.db_path, vault.unlock(OLD_PASSPHRASE, clock), clock)
    try:
        rows = db.query("SELECT version, name, applied_at FROM schema_version ORDER BY version")
        # 0002 and 0004 now live in patients/migrations: still the ones applied in 2026-11-23,
        # not re-run (a re-run would have failed on "table patient already exists").
        assert [r[:2] for r in rows[:6]] == [
            (1, "0001_core.sql"), (2, "0002_patients.sql"), (3, "0003_sync.sql"),
            (4, "0004_care_team.sql"), (5, "0005_outbox_record_index.sql"),
            (6, "0006_conflict_base.sql")]
        assert {r[2] for r in rows[:6]} == {"2026-11-23T09:30:00.000000Z"}
        assert db.query("SELECT birth_name FROM patient") == [("TESTFIXTURE",)]
        # Whatever came after 0006 was applied, once.
        assert {r[0] for r in rows} == {m.version for m in bundled_migrations()}
    finally:
        db.close()


def test_the_features_migrations_are_the_shipped_ones() -> None:
    """The app passes its features' folders; tools that open a profile without the app
    find the same files by the `tsn_desktop/<feature>/migrations/` convention."""
    assert migrations_in(migration_packages(FEATURES)) == bundled_migrations()
    names = [m.name for m in bundled_migrations()]
    assert "0002_patients.sql" in names and "0001_core.sql" in names


def test_two_migration_files_with_one_number_are_refused(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "clashing_feature"
    (package / "migrations").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    taken = migrations_in([])[-1]  # one of core's own numbers
    (package / "migrations" / f"{taken.version:04d}_mine.sql").write_text("CREATE TABLE t (x);")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(MigrationClash, match=f"{taken.name}.*{taken.version:04d}_mine.sql"
                       f"|{taken.version:04d}_mine.sql.*{taken.name}"):
        migrations_in(["clashing_feature"])


def test_a_feature_migration_with_a_lower_number_than_applied_ones_still_runs(
        tmp_path: Path, clock) -> None:
    """Numbers are a line, not a high-water mark: a feature branch that took 0050 while
    the profile already has 0060 still gets its table."""
    from tsn_desktop.core.db import Migration

    key = bytes(range(32))
    base = bundled_migrations()
    late = Migration(9060, "9060_other.sql", "CREATE TABLE other (x);")
    Database.open(tmp_path / "p.db", key, clock, [*base, late], create=True,
                  profile_check=False).close()
    lower = Migration(9050, "9050_mine.sql", "CREATE TABLE mine (x);")
    db = Database.open(tmp_path / "p.db", key, clock, [*base, lower, late],
                       profile_check=False)
    assert db.query("SELECT name FROM sqlite_master WHERE name = 'mine'") == [("mine",)]
    db.close()
