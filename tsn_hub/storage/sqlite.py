"""SQLite backend: one file, WAL, writers serialised by `BEGIN IMMEDIATE`.

`BEGIN IMMEDIATE` takes the database write lock before anything is read, so the
sequence counter read and bumped inside the transaction follows commit order.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tsn_hub.storage.base import SqlStore


class SqliteStore(SqlStore):
    begin_write = "BEGIN IMMEDIATE"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)

    def connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves (BEGIN IMMEDIATE above).
        # check_same_thread=False only so close() may run from the shutdown thread;
        # otherwise each connection stays with the thread that opened it.
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL: an op answered `applied` leaves the client's outbox, so it must
        # survive a power cut (NORMAL in WAL mode could lose the last commits).
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=30000")
        # 64 MiB of pages per connection: the default 2 MiB rereads the indexes of a
        # large hub on every batch (docs/sync-protocol.md §22).
        conn.execute("PRAGMA cache_size=-65536")
        # The WAL copied back into the file every 64 MiB rather than 4 MiB: a push of
        # 1 000 records writes the random leaves of three key indexes (resources,
        # versions, ops), over 4 MiB, so the default copied them after every push.
        conn.execute("PRAGMA wal_autocheckpoint=16384")
        return conn

    def columns(self, conn: Any, table: str) -> set[str]:
        return {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}
