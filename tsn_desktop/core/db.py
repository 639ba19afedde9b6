"""SQLCipher connection, migrations runner, and the unit of work every write passes through."""

from __future__ import annotations

import importlib.resources
import logging
import os
import re
import sqlite3
import struct
import urllib.parse
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from tsn_desktop.core import audit, outbox
from tsn_desktop.core.clock import Clock, utc_iso
from tsn_desktop.core.paths import make_private_file

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# WAL frames (pages) before SQLite copies them back, during a sync pass: 64 MiB.
DEFERRED_CHECKPOINT_PAGES = 16384

# sqlcipher3 raises its own exception classes, mirroring sqlite3's.
DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


# (local, pulled, kept): saved here and queued for the hub, pulled from the hub, and kept
# here only (never sent, e.g. a recall noted on the Vaccinations page).
CommitListener = Callable[[Sequence[tuple[str, str]], Sequence[tuple[str, str]],
                           Sequence[tuple[str, str]]], None]


class MigrationClash(RuntimeError):
    """Two migration files share a number (a feature picked one already taken)."""


class WrongKey(Exception):
    """The database cannot be read with this key (or the file is not a profile DB)."""


class DatabaseDamaged(WrongKey):
    """The profile's database is missing or damaged; `code` says which part:
    missing, empty, wal_damaged, not_a_database, integrity, profile_row_missing.

    A WrongKey too, so that callers that only know WrongKey still refuse to go on."""

    def __init__(self, code: str) -> None:
        super().__init__(f"the practice database is damaged: {code}")
        self.code = code


class ProfileTooNew(DatabaseDamaged):
    """The database has migrations this app does not know: a newer TSN Desktop wrote it.

    Not damage, but refused the same way (nothing written, the unlock dialog words the
    code "newer_app"): an older app that went on would write into a schema it does not
    know."""

    def __init__(self) -> None:
        WrongKey.__init__(self, "this profile was written by a newer TSN Desktop; "
                                "update the application")
        self.code = "newer_app"


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations_in(packages: Sequence[str]) -> list[Migration]:
    """The numbered .sql files of core and of each package's `migrations/` folder, on one
    number line: two files with one number, wherever they live, are refused."""
    found: list[Migration] = []
    for package in ("tsn_desktop.core", *packages):
        folder = importlib.resources.files(package) / "migrations"
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            match = _MIGRATION_NAME.match(entry.name)
            if match:
                found.append(Migration(int(match.group(1)), entry.name,
                                       entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    clashes = sorted({m.name for m in found if versions.count(m.version) > 1})
    if clashes:
        raise MigrationClash(f"two migrations share a number: {', '.join(clashes)}")
    return found


def bundled_migrations() -> list[Migration]:
    """Core's and every shipped feature's (`tsn_desktop/<feature>/migrations/`), found by
    that convention so core imports no feature; the app passes its features' list."""
    root = importlib.resources.files("tsn_desktop")
    packages = sorted(f"tsn_desktop.{entry.name}" for entry in root.iterdir()
                      if entry.name != "core" and (entry / "migrations").is_dir())
    return migrations_in(packages)


class Database:
    """One SQLCipher connection. Used from one thread at a time (see core.executor)."""

    def __init__(self, connection: Any, path: Path, clock: Clock) -> None:
        self._conn = connection
        self.path = path
        self.clock = clock
        self.actor = "system"
        # Told (on the DB thread, after COMMIT) which records a unit of work changed, saved
        # here (queued for the hub) and pulled from the hub: the app pushes local saves
        # soon and every open page refreshes what it shows, whatever feature made them.
        self.commit_listener: CommitListener | None = None

    @classmethod
    def open(cls, path: Path, key: bytes, clock: Clock,
             migrations: Sequence[Migration] | None = None, *, create: bool = False,
             profile_check: bool = True) -> Database:
        """Opens the profile database, checked before anything is written.

        `create`: a new profile, the file must not exist yet. Otherwise the file must be
        there and not empty, its WAL sound, and a read-only look first (key, quick_check,
        the practitioner's row when `profile_check`) must pass: a profile that fails
        raises DatabaseDamaged / WrongKey with none of its files created or deleted."""
        if len(key) != 32:
            raise ValueError("the database key is 32 bytes")
        if create:
            _create_private_file(path)
        else:
            check_files(path)
            _check_read_only(path, key, profile_check)
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            _apply_key(conn, key)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError as exc:
                raise WrongKey("cannot decrypt the practice database") from exc
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            # 64 MiB of decrypted pages at most (the default 2 MiB made a sync of 100 000
            # readings read and decrypt index pages again and again; issue 12).
            conn.execute("PRAGMA cache_size = -65536")
            # SQLite gives -wal and -shm the mode of the database file; set it anyway.
            for extra in (path, _sidecar(path, "-wal"), _sidecar(path, "-shm")):
                if extra.exists():
                    make_private_file(extra)
        except BaseException:
            conn.close()
            raise
        db = cls(conn, path, clock)
        try:
            db.migrate(bundled_migrations() if migrations is None else migrations)
        except BaseException:
            conn.close()  # a refused (newer) profile is left as it was, file not held
            raise
        return db

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypts the whole database under `new_key` (SQLCipher's PRAGMA rekey, one
        transaction: the file has either the old key or the new one)."""
        if len(new_key) != 32:
            raise ValueError("the database key is 32 bytes")
        self._conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def export_encrypted(self, destination: Path, key: bytes | None = None) -> None:
        """A consistent copy of the live database into a new 0600 file, encrypted with
        `key`, or with this database's own key when None (SQLCipher's ATTACH without KEY):
        sqlcipher_export on this connection, never a clear copy on disk."""
        if key is not None and len(key) != 32:
            raise ValueError("the database key is 32 bytes")
        _create_private_file(destination)
        if key is None:
            self._conn.execute("ATTACH DATABASE ? AS backup", (str(destination),))
        else:
            self._conn.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{key.hex()}'\"",
                               (str(destination),))
        try:
            self._conn.execute("SELECT sqlcipher_export('backup')")
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            self._conn.execute(f"PRAGMA backup.user_version = {int(version)}")
        finally:
            self._conn.execute("DETACH DATABASE backup")

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                self._conn.close()
                self._conn = None

    # --- schema -----------------------------------------------------------------
    def schema_version(self) -> int:
        row = self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        if row is None:
            return 0
        return int(self._conn.execute(
            "SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])

    def applied_versions(self) -> set[int]:
        return {int(row[0]) for row in self._conn.execute(
            "SELECT version FROM schema_version").fetchall()}

    def migrate(self, migrations: Sequence[Migration]) -> list[int]:
        """Applies every migration not applied yet, in number order, each in its own
        transaction. Applied ones are known by number, not by file place, so moving a
        landed file into its feature's folder never runs it twice."""
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = self.applied_versions()
        if done - {m.version for m in migrations}:
            raise ProfileTooNew()
        applied: list[int] = []
        for migration in migrations:
            if migration.version in done:
                continue
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(migration.sql):
                    self._conn.execute(statement)
                self._conn.execute(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, utc_iso(self.clock.now())),
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            applied.append(migration.version)
        return applied

    # --- reads --------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> tuple | None:
        return self._conn.execute(sql, params).fetchone()

    # --- writes -------------------------------------------------------------------
    def defer_checkpoints(self) -> None:
        """For a run of large transactions (a sync pass): the WAL is copied back into the
        database file once it holds 64 MiB rather than SQLite's 4 MiB. A batch of 1 000
        readings writes some 1 000 leaves of the hub_base key index (record ids are
        random), over 4 MiB: with the default, every commit was followed by a copy of
        the same leaves; a third of the commit's time (issue 12)."""
        self._conn.execute(f"PRAGMA wal_autocheckpoint = {DEFERRED_CHECKPOINT_PAGES}")

    def resume_checkpoints(self) -> None:
        """Back to SQLite's default, the WAL copied back now and emptied."""
        if self._conn is None:
            return  # closed meanwhile (the profile was locked): closing checkpointed it
        self._conn.execute("PRAGMA wal_autocheckpoint = 1000")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def unit_of_work(self, *, durable: bool = True) -> Iterator[UnitOfWork]:
        """One transaction: the change, its outbox rows and its audit rows commit together.

        `durable=False` is for the sync engine's own bookkeeping, which may be lost and
        done again (a batch sent again is answered "duplicate"; a page is pulled again
        from the cursor that commits with it): its commit does not wait for the disk
        (synchronous = NORMAL). A power cut may then lose the last such commits, never
        part of one, and the next durable commit makes them durable too. What a user
        enters is always committed durably."""
        if not durable:
            self._conn.execute("PRAGMA synchronous = NORMAL")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            uow = UnitOfWork(self._conn, self.clock, self.actor)
            try:
                yield uow
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        finally:
            if not durable:
                self._conn.execute("PRAGMA synchronous = FULL")
        if (uow.changes or uow.pulled or uow.kept) and self.commit_listener is not None:
            try:
                self.commit_listener(tuple(uow.changes), tuple(uow.pulled), tuple(uow.kept))
            except Exception:  # noqa: BLE001 - the data is committed; a listener cannot undo it
                log.exception("commit listener failed")


@dataclass
class UnitOfWork:
    _conn: Any
    clock: Clock
    actor: str
    changes: list[tuple[str, str]] = field(default_factory=list)
    pulled: list[tuple[str, str]] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        return self._conn.executemany(sql, rows)

    def now_iso(self) -> str:
        return utc_iso(self.clock.now())

    def record_change(self, resource_type: str, resource_id: str, action: str,
                      local_version: int, base_version: str | None, *,
                      in_file_of: str | None = None) -> str:
        """Queues the change for the hub and audits it, in this same transaction
        (`in_file_of`: see audit.record, for records created many at a time)."""
        op_id = outbox.append(self._conn, resource_type, resource_id, action, local_version,
                              base_version, self.now_iso())
        audit.record(self._conn, self.now_iso(), self.actor,
                     "delete" if action == "delete" else
                     ("create" if local_version == 1 else "update"),
                     resource_type, resource_id, in_file_of=in_file_of)
        self.changes.append((resource_type, resource_id))
        return op_id

    def note_pulled(self, resource_type: str, resource_id: str) -> None:
        """A record written from the hub's copy (no outbox row): told to the listener."""
        self.pulled.append((resource_type, resource_id))

    def note_kept(self, resource_type: str, resource_id: str) -> None:
        """A record saved here that never goes to the hub: told to the listener, so open
        pages (and the inbox) show it, without asking for a sync."""
        self.kept.append((resource_type, resource_id))

    def audit(self, action: str, resource_type: str, resource_id: str | None) -> None:
        audit.record(self._conn, self.now_iso(), self.actor, action, resource_type, resource_id)

    def apply_hub_copy(self, resource_type: str, resource_id: str,
                       update: tuple[str, Sequence[Any]], insert: tuple[str, Sequence[Any]]
                       ) -> None:
        """Stores the hub's copy of a record: `update` (sql, params) on the row we have,
        else `insert` for a record new here; audited as an update or a create."""
        if self._conn.execute(*update).rowcount == 0:
            self._conn.execute(*insert)
            self.audit("create", resource_type, resource_id)
        else:
            self.audit("update", resource_type, resource_id)

    def apply_hub_tombstone(self, table: str, resource_type: str, resource_id: str,
                            hub_version: str) -> None:
        """A tombstone from the hub on a record table with the synced columns (deleted,
        local_version, hub_version, updated_at), audited as a delete; an unknown or
        already deleted record needs nothing. `table` is the feature's own constant."""
        cursor = self._conn.execute(
            f"UPDATE {table} SET deleted = 1, local_version = local_version + 1,"
            " hub_version = ?, updated_at = ? WHERE id = ? AND deleted = 0",
            (hub_version, self.now_iso(), resource_id))
        if cursor.rowcount:
            self.audit("delete", resource_type, resource_id)


def _apply_key(conn: Any, key: bytes) -> None:
    # A raw key: SQLCipher's own PBKDF2 is skipped, scrypt was paid in the vault.
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _create_private_file(path: Path) -> None:
    """An empty 0600 file that SQLite then fills (its -wal and -shm take the same mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    make_private_file(path)


def check_files(path: Path) -> None:
    """Without the key: the database is there, not empty, and its WAL has no damaged frame
    in front of later ones (SQLite would silently stop at it and drop those commits)."""
    if not path.is_file():
        raise DatabaseDamaged("missing")
    if path.stat().st_size == 0:
        raise DatabaseDamaged("empty")
    if wal_damaged(_sidecar(path, "-wal")):
        raise DatabaseDamaged("wal_damaged")


_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24


def wal_damaged(wal: Path) -> bool:
    """True when a frame of the current WAL fails its checksum while frames of the same
    generation (same salts) follow it: the commits after it would be lost unseen."""
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return False
    if len(data) < _WAL_HEADER:
        return len(data) > 0 and any(data)
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(
        ">8I", data[:_WAL_HEADER])
    if magic not in _WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return True
    order = "<" if magic == 0x377F0682 else ">"
    s1, s2 = _wal_checksum(data[:24], 0, 0, order)
    if (s1, s2) != (c1, c2):
        return True
    frame = _FRAME_HEADER + page_size
    offset = _WAL_HEADER
    broken = False
    while offset + frame <= len(data):
        header = data[offset:offset + _FRAME_HEADER]
        _page, _commit, f_salt1, f_salt2, f_c1, f_c2 = struct.unpack(">6I", header)
        if (f_salt1, f_salt2) != (salt1, salt2):
            if not broken:
                break  # frames of an earlier generation: SQLite ignores them, rightly
            offset += frame
            continue
        if broken:
            return True  # a sound frame of this generation after a damaged one
        n1, n2 = _wal_checksum(header[:8], s1, s2, order)
        n1, n2 = _wal_checksum(data[offset + _FRAME_HEADER:offset + frame], n1, n2, order)
        if (n1, n2) != (f_c1, f_c2):
            broken = True
        else:
            s1, s2 = n1, n2
        offset += frame
    return False


def _wal_checksum(chunk: bytes, s1: int, s2: int, order: str) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(chunk) // 4}I", chunk)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def _check_read_only(path: Path, key: bytes, profile_check: bool) -> None:
    """Key, structure and the practitioner's row, on a read-only connection."""
    sidecars = [_sidecar(path, "-wal"), _sidecar(path, "-shm")]
    existed = {p for p in sidecars if p.exists()}
    # No WAL to read: immutable, so SQLite creates no -wal or -shm beside a file that may
    # turn out damaged. With a WAL, it must be read (a read-only connection keeps it).
    query = "mode=ro" if sidecars[0] in existed else "mode=ro&immutable=1"
    uri = f"file:{urllib.parse.quote(str(path))}?{query}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None,
                                  check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise DatabaseDamaged("not_a_database") from exc
    try:
        _look(conn, key, profile_check)
    except BaseException:
        conn.close()
        # Only an index SQLite may have added for this look: never a file that held data.
        for extra in sidecars:
            if extra not in existed and extra.exists() and (
                    extra.name.endswith("-shm") or extra.stat().st_size == 0):
                extra.unlink()
        raise
    conn.close()


def _look(conn: Any, key: bytes, profile_check: bool) -> None:
    _apply_key(conn, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise WrongKey("cannot decrypt the practice database") from exc
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchall()
        if verdict != [("ok",)]:
            raise DatabaseDamaged("integrity")
        if profile_check and conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                " AND name = 'practitioner_profile'").fetchone()[0] == 0:
            raise DatabaseDamaged("profile_row_missing")
        if profile_check and conn.execute(
                "SELECT 1 FROM practitioner_profile WHERE id = 1").fetchone() is None:
            raise DatabaseDamaged("profile_row_missing")
    except sqlcipher3.DatabaseError as exc:
        raise DatabaseDamaged("integrity") from exc


def new_id() -> str:
    """A client-made UUID: the record's id here and its FHIR id on the hub."""
    return str(uuid.uuid4())


def _split_sql(script: str) -> list[str]:
    """Statements of a migration file; triggers (BEGIN ... END;) stay whole."""
    statements: list[str] = []
    start = 0
    for index, char in enumerate(script):
        if char == ";" and sqlite3.complete_statement(script[start:index + 1]):
            statement = script[start:index + 1].strip()
            if statement.strip(";").strip():
                statements.append(statement)
            start = index + 1
    rest = "\n".join(line for line in script[start:].splitlines()
                     if not line.strip().startswith("--"))
    if rest.strip():
        raise ValueError("a migration ends in the middle of a statement")
    return statements
