"""SQLCipher connection, migrations runner, and the unit of work every write passes through."""

from __future__ import annotations

import importlib.resources
import logging
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from tsn_desktop.core import audit, outbox
from tsn_desktop.core.clock import Clock, utc_iso

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")

# sqlcipher3 raises its own exception classes, mirroring sqlite3's.
DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


CommitListener = Callable[[Sequence[tuple[str, str]], Sequence[tuple[str, str]]], None]


class MigrationClash(RuntimeError):
    """Two migration files share a number (a feature picked one already taken)."""


class WrongKey(Exception):
    """The database cannot be read with this key (or the file is not a profile DB)."""


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
             migrations: Sequence[Migration] | None = None) -> Database:
        if len(key) != 32:
            raise ValueError("the database key is 32 bytes")
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            # A raw key: SQLCipher's own PBKDF2 is skipped, scrypt was paid in the vault.
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError as exc:
                raise WrongKey("cannot decrypt the practice database") from exc
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        except BaseException:
            conn.close()
            raise
        db = cls(conn, path, clock)
        db.migrate(bundled_migrations() if migrations is None else migrations)
        return db

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
            raise RuntimeError(
                "this profile was written by a newer TSN Desktop; update the application")
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
    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One transaction: the change, its outbox rows and its audit rows commit together."""
        self._conn.execute("BEGIN IMMEDIATE")
        uow = UnitOfWork(self._conn, self.clock, self.actor)
        try:
            yield uow
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        if (uow.changes or uow.pulled) and self.commit_listener is not None:
            try:
                self.commit_listener(tuple(uow.changes), tuple(uow.pulled))
            except Exception:  # noqa: BLE001 - the data is committed; a listener cannot undo it
                log.exception("commit listener failed")


@dataclass
class UnitOfWork:
    _conn: Any
    clock: Clock
    actor: str
    changes: list[tuple[str, str]] = field(default_factory=list)
    pulled: list[tuple[str, str]] = field(default_factory=list)

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        return self._conn.executemany(sql, rows)

    def now_iso(self) -> str:
        return utc_iso(self.clock.now())

    def record_change(self, resource_type: str, resource_id: str, action: str,
                      local_version: int, base_version: str | None) -> str:
        """Queues the change for the hub and audits it, in this same transaction."""
        op_id = outbox.append(self._conn, resource_type, resource_id, action, local_version,
                              base_version, self.now_iso())
        audit.record(self._conn, self.now_iso(), self.actor,
                     "delete" if action == "delete" else
                     ("create" if local_version == 1 else "update"),
                     resource_type, resource_id)
        self.changes.append((resource_type, resource_id))
        return op_id

    def note_pulled(self, resource_type: str, resource_id: str) -> None:
        """A record written from the hub's copy (no outbox row): told to the listener."""
        self.pulled.append((resource_type, resource_id))

    def audit(self, action: str, resource_type: str, resource_id: str | None) -> None:
        audit.record(self._conn, self.now_iso(), self.actor, action, resource_type, resource_id)


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
