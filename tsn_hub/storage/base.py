"""The storage interface of the hub and the SQL shared by its two backends.

`HubStore` is the one interface the sync service talks to. SQLite and PostgreSQL
both implement it through `SqlStore`, which holds the SQL (written in the common
subset of both dialects) and leaves connections and transaction starts to them.

Ordering rule, on which pull correctness rests: a write transaction takes the
single `seq_counter` row first and keeps it until commit, so sequence numbers are
handed out in commit order and a reader that has seen seq N has seen every seq < N.
"""

from __future__ import annotations

import secrets
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from tsn_hub import jsonio

SCOPE_DIRECTORY = "directory"  # every practitioner sees it (Practitioner resources)
SCOPE_PATIENT = "patient"  # the care team of `patient_id` sees it
SCOPE_PARTICIPANTS = "participants"  # only practitioners listed in resource_access see it


@dataclass(frozen=True)
class HubMeta:
    hub_id: str
    epoch: str
    tombstone_horizon: int  # cursors below this seq may have missed a purged tombstone


@dataclass(frozen=True)
class Account:
    rpps: str
    name: str
    profession: str | None


@dataclass(frozen=True)
class TokenCheck:
    """What a bearer token maps to: its account, and whether it has expired."""

    account: Account
    expires_at: float


@dataclass(frozen=True)
class StoredResource:
    resource_type: str
    id: str
    vid: int
    seq: int
    deleted: bool
    content: dict[str, Any] | None  # None for a tombstone
    patient_id: str | None
    scope: str
    updated_at: float


@dataclass(frozen=True)
class StoredOp:
    op_hash: str
    result: dict[str, Any]


@dataclass(frozen=True)
class PurgeReport:
    ops: int
    tombstones: int
    horizon: int


class ReadTx(Protocol):
    """A consistent snapshot of the hub."""

    def last_seq(self) -> int: ...
    def meta(self) -> HubMeta: ...
    def get(self, resource_type: str, resource_id: str) -> StoredResource | None: ...
    def get_version(
        self, resource_type: str, resource_id: str, vid: int
    ) -> StoredResource | None: ...
    def history(self, resource_type: str, resource_id: str) -> list[StoredResource]: ...
    def visible(self, rpps: str, resource_type: str, resource_id: str) -> bool: ...
    def changes(self, rpps: str, after_seq: int, limit: int) -> list[StoredResource]: ...
    def snapshot_page(
        self, rpps: str, at_seq: int, after: tuple[str, str], limit: int, patient: str | None
    ) -> list[StoredResource]: ...
    def has_patient_access(self, patient_id: str, rpps: str) -> bool: ...
    def patient_access_sources(self, patient_id: str, rpps: str) -> set[str]: ...
    def is_retired(self, patient_id: str) -> bool: ...
    def find_op(self, rpps: str, op_id: str) -> StoredOp | None: ...
    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any: ...


class WriteTx(ReadTx, Protocol):
    """A serialised write transaction; `next_seq` hands out commit-ordered numbers."""

    def next_seq(self) -> int: ...
    def savepoint(self) -> AbstractContextManager[None]: ...
    def put(self, row: StoredResource, author: str) -> None: ...
    def add_patient_grant(self, patient_id: str, rpps: str, source: str) -> None: ...
    def replace_patient_grants(self, source: str, patient_id: str, rpps: Iterable[str]) -> None: ...
    def replace_resource_grants(
        self, resource_type: str, resource_id: str, rpps: Iterable[str]
    ) -> None: ...
    def save_op(
        self, rpps: str, op_id: str, op_hash: str, result: dict[str, Any], now: float
    ) -> None: ...
    def get_many(self, resource_type: str, ids: Sequence[str]) -> dict[str, StoredResource]: ...
    def find_ops(self, rpps: str, op_ids: Sequence[str]) -> dict[str, StoredOp]: ...
    def put_new_many(self, rows: Sequence[StoredResource], author: str) -> None: ...
    def save_ops(
        self, rpps: str, ops: Sequence[tuple[str, str, dict[str, Any]]], now: float
    ) -> None: ...


class HubStore(Protocol):
    def init_schema(self) -> None: ...
    def meta(self) -> HubMeta: ...
    def add_account(
        self, account: Account, token_hash: str, now: float, expires_at: float
    ) -> None: ...
    def account_for_token(self, token_hash: str) -> TokenCheck | None: ...
    def read(self) -> AbstractContextManager[ReadTx]: ...
    def write(self) -> AbstractContextManager[WriteTx]: ...
    def purge(self, now: float, op_ttl: float, tombstone_ttl: float) -> PurgeReport: ...
    def new_epoch(self) -> str: ...
    def close(self) -> None: ...


# One DDL for both dialects: BIGINT and TEXT mean the same to SQLite and PostgreSQL.
SCHEMA = """
CREATE TABLE IF NOT EXISTS hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seq_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS accounts (
    rpps TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    profession TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS resources (
    resource_type TEXT NOT NULL,
    id TEXT NOT NULL,
    vid BIGINT NOT NULL,
    seq BIGINT NOT NULL UNIQUE,
    deleted INTEGER NOT NULL,
    content TEXT,
    patient_id TEXT,
    scope TEXT NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (resource_type, id)
);
CREATE INDEX IF NOT EXISTS resources_patient ON resources (patient_id);
CREATE INDEX IF NOT EXISTS resources_tombstones ON resources (deleted, updated_at);
CREATE TABLE IF NOT EXISTS resource_versions (
    resource_type TEXT NOT NULL,
    id TEXT NOT NULL,
    vid BIGINT NOT NULL,
    seq BIGINT NOT NULL UNIQUE,
    deleted INTEGER NOT NULL,
    content TEXT,
    author TEXT NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (resource_type, id, vid)
);
CREATE TABLE IF NOT EXISTS patient_access (
    patient_id TEXT NOT NULL,
    rpps TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (patient_id, rpps, source)
);
CREATE INDEX IF NOT EXISTS patient_access_source ON patient_access (source);
CREATE TABLE IF NOT EXISTS resource_access (
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    rpps TEXT NOT NULL,
    PRIMARY KEY (resource_type, resource_id, rpps)
);
CREATE TABLE IF NOT EXISTS ops (
    rpps TEXT NOT NULL,
    op_id TEXT NOT NULL,
    op_hash TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (rpps, op_id)
);
CREATE INDEX IF NOT EXISTS ops_created ON ops (created_at);
CREATE TABLE IF NOT EXISTS retired_patients (
    patient_id TEXT PRIMARY KEY,
    retired_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS thread_members (
    thread_id TEXT NOT NULL, rpps TEXT NOT NULL, PRIMARY KEY (thread_id, rpps)
);
CREATE TABLE IF NOT EXISTS thread_posts (
    thread_id TEXT NOT NULL, post_id TEXT NOT NULL, PRIMARY KEY (thread_id, post_id)
);
"""

# Columns added after version 1 of the schema: (table, column, type), added when missing.
ADDED_COLUMNS = (("accounts", "token_expires_at", "DOUBLE PRECISION"),)
# Tokens of accounts made before tokens expired count from their creation.
LEGACY_TOKEN_DAYS = 365

# Takes two rpps parameters; `r` is the current row in `resources`.
_VISIBLE = """(
    r.scope = 'directory'
    OR (r.scope = 'patient' AND EXISTS (
        SELECT 1 FROM patient_access pa WHERE pa.patient_id = r.patient_id AND pa.rpps = ?))
    OR (r.scope = 'participants' AND EXISTS (
        SELECT 1 FROM resource_access ra
        WHERE ra.resource_type = r.resource_type AND ra.resource_id = r.id AND ra.rpps = ?
        AND (r.patient_id IS NULL OR EXISTS (SELECT 1 FROM patient_access pp
            WHERE pp.patient_id = r.patient_id AND pp.rpps = ra.rpps))))
)"""

_ROW = (
    "r.resource_type, r.id, r.vid, r.seq, r.deleted, r.content, r.patient_id, r.scope, r.updated_at"
)


def _row(values: tuple[Any, ...]) -> StoredResource:
    rtype, rid, vid, seq, deleted, content, patient_id, scope, updated_at = values
    return StoredResource(
        rtype,
        rid,
        int(vid),
        int(seq),
        bool(deleted),
        jsonio.loads_stored(content) if content is not None else None,
        patient_id,
        scope,
        float(updated_at),
    )


def _chunks(values: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class SqlTx:
    """Both ReadTx and WriteTx over a DB-API connection (writes only via `write()`)."""

    def __init__(self, store: SqlStore, conn: Any, last_seq: int | None = None) -> None:
        self._store = store
        self._conn = conn
        self._last_seq = last_seq
        self._savepoints = 0

    def _exec(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self._conn.execute(self._store.sql(sql), params)

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self._exec(sql, params).fetchone()

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        """For hub modules that keep tables of their own (tsn_hub.threads)."""
        return self._exec(sql, params)

    # -- reads ---------------------------------------------------------------
    def last_seq(self) -> int:
        if self._last_seq is not None:
            return self._last_seq
        return int(self._one("SELECT value FROM seq_counter WHERE id = 1")[0])

    def meta(self) -> HubMeta:
        values = dict(self._exec("SELECT key, value FROM hub_meta").fetchall())
        return HubMeta(values["hub_id"], values["epoch"], int(values["tombstone_horizon"]))

    def get(self, resource_type: str, resource_id: str) -> StoredResource | None:
        found = self._one(
            f"SELECT {_ROW} FROM resources r WHERE r.resource_type = ? AND r.id = ?",
            (resource_type, resource_id),
        )
        return _row(found) if found else None

    def get_version(self, resource_type: str, resource_id: str, vid: int) -> StoredResource | None:
        found = self._one(
            "SELECT v.resource_type, v.id, v.vid, v.seq, v.deleted, v.content, r.patient_id,"
            " r.scope, v.updated_at FROM resource_versions v JOIN resources r"
            " ON r.resource_type = v.resource_type AND r.id = v.id"
            " WHERE v.resource_type = ? AND v.id = ? AND v.vid = ?",
            (resource_type, resource_id, vid),
        )
        return _row(found) if found else None

    def history(self, resource_type: str, resource_id: str) -> list[StoredResource]:
        rows = self._exec(
            "SELECT v.resource_type, v.id, v.vid, v.seq, v.deleted, v.content, r.patient_id,"
            " r.scope, v.updated_at FROM resource_versions v JOIN resources r"
            " ON r.resource_type = v.resource_type AND r.id = v.id"
            " WHERE v.resource_type = ? AND v.id = ? ORDER BY v.vid DESC",
            (resource_type, resource_id),
        ).fetchall()
        return [_row(r) for r in rows]

    def visible(self, rpps: str, resource_type: str, resource_id: str) -> bool:
        found = self._one(
            f"SELECT 1 FROM resources r WHERE r.resource_type = ? AND r.id = ? AND {_VISIBLE}",
            (resource_type, resource_id, rpps, rpps),
        )
        return found is not None

    def changes(self, rpps: str, after_seq: int, limit: int) -> list[StoredResource]:
        rows = self._exec(
            f"SELECT {_ROW} FROM resources r WHERE r.seq > ? AND {_VISIBLE} ORDER BY r.seq LIMIT ?",
            (after_seq, rpps, rpps, limit),
        ).fetchall()
        return [_row(r) for r in rows]

    def snapshot_page(
        self, rpps: str, at_seq: int, after: tuple[str, str], limit: int, patient: str | None
    ) -> list[StoredResource]:
        # The state at `at_seq` comes from the version table, so resources changed
        # while the client pages through still appear as they were at `at_seq`.
        patient_filter = " AND r.patient_id = ?" if patient else ""
        params: tuple[Any, ...] = (at_seq, at_seq, after[0], after[0], after[1], rpps, rpps)
        rows = self._exec(
            "SELECT v.resource_type, v.id, v.vid, v.seq, v.deleted, v.content, r.patient_id,"
            " r.scope, v.updated_at FROM resource_versions v JOIN resources r"
            " ON r.resource_type = v.resource_type AND r.id = v.id"
            " WHERE v.seq <= ? AND v.vid = (SELECT MAX(v2.vid) FROM resource_versions v2"
            "   WHERE v2.resource_type = v.resource_type AND v2.id = v.id AND v2.seq <= ?)"
            " AND (v.resource_type > ? OR (v.resource_type = ? AND v.id > ?))"
            f" AND v.deleted = 0 AND {_VISIBLE}{patient_filter}"
            " ORDER BY v.resource_type, v.id LIMIT ?",
            params + ((patient,) if patient else ()) + (limit,),
        ).fetchall()
        return [_row(r) for r in rows]

    def has_patient_access(self, patient_id: str, rpps: str) -> bool:
        found = self._one(
            "SELECT 1 FROM patient_access WHERE patient_id = ? AND rpps = ? LIMIT 1",
            (patient_id, rpps),
        )
        return found is not None

    def patient_access_sources(self, patient_id: str, rpps: str) -> set[str]:
        rows = self._exec(
            "SELECT source FROM patient_access WHERE patient_id = ? AND rpps = ?",
            (patient_id, rpps),
        ).fetchall()
        return {str(r[0]) for r in rows}

    def is_retired(self, patient_id: str) -> bool:
        found = self._one("SELECT 1 FROM retired_patients WHERE patient_id = ?", (patient_id,))
        return found is not None

    def find_op(self, rpps: str, op_id: str) -> StoredOp | None:
        found = self._one(
            "SELECT op_hash, result FROM ops WHERE rpps = ? AND op_id = ?", (rpps, op_id)
        )
        return StoredOp(found[0], jsonio.loads_stored(found[1])) if found else None

    # -- writes --------------------------------------------------------------
    def next_seq(self) -> int:
        if self._last_seq is None:
            raise RuntimeError("next_seq outside a write transaction")
        self._last_seq += 1
        return self._last_seq

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Undo one op's writes on error without losing the rest of the batch."""
        self._savepoints += 1
        name = f"op{self._savepoints}"
        seq_before = self._last_seq
        self._exec(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self._exec(f"ROLLBACK TO SAVEPOINT {name}")
            self._exec(f"RELEASE SAVEPOINT {name}")
            self._last_seq = seq_before
            raise
        self._exec(f"RELEASE SAVEPOINT {name}")

    def put(self, row: StoredResource, author: str) -> None:
        content = (
            jsonio.compact(row.content) if row.content is not None else None
        )
        self._exec(
            "INSERT INTO resource_versions"
            " (resource_type, id, vid, seq, deleted, content, author, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.resource_type,
                row.id,
                row.vid,
                row.seq,
                int(row.deleted),
                content,
                author,
                row.updated_at,
            ),
        )
        self._exec(
            "INSERT INTO resources"
            " (resource_type, id, vid, seq, deleted, content, patient_id, scope, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (resource_type, id) DO UPDATE SET vid = excluded.vid,"
            " seq = excluded.seq, deleted = excluded.deleted, content = excluded.content,"
            " patient_id = excluded.patient_id, scope = excluded.scope,"
            " updated_at = excluded.updated_at",
            (
                row.resource_type,
                row.id,
                row.vid,
                row.seq,
                int(row.deleted),
                content,
                row.patient_id,
                row.scope,
                row.updated_at,
            ),
        )

    def add_patient_grant(self, patient_id: str, rpps: str, source: str) -> None:
        self._exec(
            "INSERT INTO patient_access (patient_id, rpps, source) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (patient_id, rpps, source),
        )

    def replace_patient_grants(self, source: str, patient_id: str, rpps: Iterable[str]) -> None:
        self._exec("DELETE FROM patient_access WHERE source = ?", (source,))
        for member in set(rpps):
            self.add_patient_grant(patient_id, member, source)

    def replace_resource_grants(
        self, resource_type: str, resource_id: str, rpps: Iterable[str]
    ) -> None:
        self._exec(
            "DELETE FROM resource_access WHERE resource_type = ? AND resource_id = ?",
            (resource_type, resource_id),
        )
        for member in set(rpps):
            self._exec(
                "INSERT INTO resource_access (resource_type, resource_id, rpps) VALUES (?, ?, ?)",
                (resource_type, resource_id, member),
            )

    def save_op(
        self, rpps: str, op_id: str, op_hash: str, result: dict[str, Any], now: float
    ) -> None:
        self._exec(
            "INSERT INTO ops (rpps, op_id, op_hash, result, created_at) VALUES (?, ?, ?, ?, ?)",
            (rpps, op_id, op_hash, jsonio.compact(result), now),
        )

    # -- batches (tsn_hub.batch_push): one statement for many rows ------------
    def get_many(self, resource_type: str, ids: Sequence[str]) -> dict[str, StoredResource]:
        found: dict[str, StoredResource] = {}
        for chunk in _chunks(ids):
            rows = self._exec(
                f"SELECT {_ROW} FROM resources r WHERE r.resource_type = ?"
                f" AND r.id IN ({', '.join('?' * len(chunk))})",
                (resource_type, *chunk),
            ).fetchall()
            found.update((str(r[1]), _row(r)) for r in rows)
        return found

    def find_ops(self, rpps: str, op_ids: Sequence[str]) -> dict[str, StoredOp]:
        found: dict[str, StoredOp] = {}
        for chunk in _chunks(op_ids):
            rows = self._exec(
                f"SELECT op_id, op_hash, result FROM ops WHERE rpps = ?"
                f" AND op_id IN ({', '.join('?' * len(chunk))})",
                (rpps, *chunk),
            ).fetchall()
            found.update((str(r[0]), StoredOp(r[1], jsonio.loads_stored(r[2]))) for r in rows)
        return found

    def put_new_many(self, rows: Sequence[StoredResource], author: str) -> None:
        """`put` for records the hub does not hold yet (a plain INSERT: a row already
        there fails the statement rather than being overwritten)."""
        values = [
            (
                row.resource_type,
                row.id,
                row.vid,
                row.seq,
                int(row.deleted),
                jsonio.compact(row.content)
                if row.content is not None
                else None,
                author,
                row.patient_id,
                row.scope,
                row.updated_at,
            )
            for row in rows
        ]
        cur = self._conn.cursor()
        cur.executemany(
            self._store.sql(
                "INSERT INTO resource_versions"
                " (resource_type, id, vid, seq, deleted, content, author, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            ),
            [v[:7] + v[9:] for v in values],
        )
        cur.executemany(
            self._store.sql(
                "INSERT INTO resources"
                " (resource_type, id, vid, seq, deleted, content, patient_id, scope, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            ),
            [v[:6] + v[7:] for v in values],
        )

    def save_ops(
        self, rpps: str, ops: Sequence[tuple[str, str, dict[str, Any]]], now: float
    ) -> None:
        """`save_op` for many (op_id, op_hash, result)."""
        self._conn.cursor().executemany(
            self._store.sql(
                "INSERT INTO ops (rpps, op_id, op_hash, result, created_at) VALUES (?, ?, ?, ?, ?)"
            ),
            [
                (rpps, op_id, op_hash, jsonio.compact(result), now)
                for op_id, op_hash, result in ops
            ],
        )

    # -- maintenance ---------------------------------------------------------
    def _retire_patient(self, patient_id: str, now: float) -> None:
        """A purged patient takes its whole file with it (records, teams, grants), and its
        id is retired, so nobody can push a Patient at that id and inherit its records."""
        dependents = self._exec(
            "SELECT resource_type, id FROM resources WHERE patient_id = ?", (patient_id,)
        ).fetchall()
        for rtype, rid in dependents:
            key = (rtype, rid)
            self._exec("DELETE FROM resource_versions WHERE resource_type = ? AND id = ?", key)
            self._exec(
                "DELETE FROM resource_access WHERE resource_type = ? AND resource_id = ?", key
            )
        self._exec("DELETE FROM resources WHERE patient_id = ?", (patient_id,))
        self._exec("DELETE FROM patient_access WHERE patient_id = ?", (patient_id,))
        self._exec(
            "INSERT INTO retired_patients (patient_id, retired_at) VALUES (?, ?)"
            " ON CONFLICT DO NOTHING",
            (patient_id, now),
        )

    def purge(self, now: float, op_ttl: float, tombstone_ttl: float) -> PurgeReport:
        ops = self._exec("DELETE FROM ops WHERE created_at < ?", (now - op_ttl,)).rowcount
        dead = self._exec(
            "SELECT resource_type, id, seq FROM resources WHERE deleted = 1 AND updated_at < ?",
            (now - tombstone_ttl,),
        ).fetchall()
        horizon = self.meta().tombstone_horizon
        for rtype, rid, seq in dead:
            key = (rtype, rid)
            self._exec("DELETE FROM resource_versions WHERE resource_type = ? AND id = ?", key)
            self._exec("DELETE FROM resources WHERE resource_type = ? AND id = ?", key)
            self._exec(
                "DELETE FROM resource_access WHERE resource_type = ? AND resource_id = ?", key
            )
            self._exec("DELETE FROM patient_access WHERE source = ?", (f"{rtype}/{rid}",))
            if rtype == "Patient":
                self._retire_patient(rid, now)
            horizon = max(horizon, int(seq))
        self._exec("UPDATE hub_meta SET value = ? WHERE key = 'tombstone_horizon'", (str(horizon),))
        return PurgeReport(max(ops, 0), len(dead), horizon)


class SqlStore:
    """HubStore over SQL; subclasses provide connections and transaction starts."""

    placeholder = "?"
    begin_read = "BEGIN"
    begin_write = "BEGIN"
    lock_counter = "SELECT value FROM seq_counter WHERE id = 1"

    def __init__(self) -> None:
        self._local = threading.local()
        self._conns: list[Any] = []
        self._conns_lock = threading.Lock()
        self._meta: HubMeta | None = None

    # -- dialect hooks -------------------------------------------------------
    def connect(self) -> Any:
        raise NotImplementedError

    def is_usable(self, conn: Any) -> bool:
        return True

    def execute_script(self, conn: Any, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)

    def sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    def columns(self, conn: Any, table: str) -> set[str]:
        raise NotImplementedError

    # -- connections: one per thread, since neither driver shares one safely --
    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or not self.is_usable(conn):
            conn = self.connect()
            self._local.conn = conn
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    def close(self) -> None:
        with self._conns_lock:
            for conn in self._conns:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001 - closing is best effort
                    pass
            self._conns.clear()
        self._local = threading.local()

    # -- HubStore ------------------------------------------------------------
    def init_schema(self) -> None:
        conn = self._begin(self.begin_write)
        try:
            self.execute_script(conn, SCHEMA)
            for table, column, kind in ADDED_COLUMNS:
                if column not in self.columns(conn, table):
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            defaults = {
                "hub_id": f"hub-{uuid.uuid4()}",
                "epoch": secrets.token_hex(8),
                "tombstone_horizon": "0",
            }
            for key, value in defaults.items():
                conn.execute(
                    self.sql(
                        "INSERT INTO hub_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING"
                    ),
                    (key, value),
                )
            conn.execute("INSERT INTO seq_counter (id, value) VALUES (1, 0) ON CONFLICT DO NOTHING")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def meta(self) -> HubMeta:
        with self.read() as tx:
            return tx.meta()

    def add_account(
        self, account: Account, token_hash: str, now: float, expires_at: float
    ) -> None:
        """Create a practitioner account, or give an existing one a new token."""
        with self.write() as tx:
            tx._exec(
                "INSERT INTO accounts"
                " (rpps, name, profession, token_hash, created_at, token_expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (rpps) DO UPDATE SET"
                " name = excluded.name, profession = excluded.profession,"
                " token_hash = excluded.token_hash, created_at = excluded.created_at,"
                " token_expires_at = excluded.token_expires_at",
                (account.rpps, account.name, account.profession, token_hash, int(now), expires_at),
            )

    def account_for_token(self, token_hash: str) -> TokenCheck | None:
        with self.read() as tx:
            found = tx._one(
                "SELECT rpps, name, profession, created_at, token_expires_at FROM accounts"
                " WHERE token_hash = ?",
                (token_hash,),
            )
        if not found:
            return None
        rpps, name, profession, created_at, expires_at = found
        if expires_at is None:
            expires_at = float(created_at) + LEGACY_TOKEN_DAYS * 86400.0
        return TokenCheck(Account(rpps, name, profession), float(expires_at))

    @contextmanager
    def read(self) -> Iterator[SqlTx]:
        conn = self._begin(self.begin_read)
        try:
            yield SqlTx(self, conn)
        except BaseException:
            self._end(conn, "ROLLBACK")
            raise
        self._end(conn, "COMMIT")

    @contextmanager
    def write(self) -> Iterator[SqlTx]:
        conn = self._begin(self.begin_write)
        try:
            last = int(conn.execute(self.lock_counter).fetchone()[0])
            tx = SqlTx(self, conn, last)
            yield tx
            conn.execute(
                self.sql("UPDATE seq_counter SET value = ? WHERE id = 1"), (tx.last_seq(),)
            )
        except BaseException:
            self._end(conn, "ROLLBACK")
            raise
        self._end(conn, "COMMIT")

    def _begin(self, statement: str) -> Any:
        """Open a transaction, reconnecting once if the server dropped our connection
        (database restart, idle timeout): nothing has been done yet, so it is safe."""
        conn = self._conn()
        try:
            conn.execute(statement)
        except Exception:
            if self.is_usable(conn):
                raise
            self._local.conn = None
            conn = self._conn()
            conn.execute(statement)
        return conn

    def _end(self, conn: Any, statement: str) -> None:
        try:
            conn.execute(statement)
        except Exception:
            if statement == "COMMIT":
                raise
            # A dead connection cannot roll back; drop it so the thread reconnects.
            self._local.conn = None

    def purge(self, now: float, op_ttl: float, tombstone_ttl: float) -> PurgeReport:
        with self.write() as tx:
            return tx.purge(now, op_ttl, tombstone_ttl)

    def new_epoch(self) -> str:
        """Invalidate every client cursor (after restoring a backup): clients resync."""
        epoch = secrets.token_hex(8)
        with self.write() as tx:
            tx._exec("UPDATE hub_meta SET value = ? WHERE key = 'epoch'", (epoch,))
        return epoch
