"""PostgreSQL backend (psycopg 3).

Sequence allocation: a PostgreSQL SEQUENCE would hand out numbers in call order,
not commit order: a transaction holding seq 41 may commit after another one has
committed seq 42, and a client pulling in between would move its cursor to 42 and
skip 41 for ever. Instead every write transaction starts with
`SELECT ... FROM seq_counter FOR UPDATE` on a single-row counter and keeps that
row lock until it commits, so writers are serialised and seq order is commit
order. The price is one writer at a time, which suits a regional hub (a batch of
100 ops takes milliseconds); readers are never blocked. A transaction-level
advisory lock would give the same guarantee, but the counter row also records the
last seq, which pull needs anyway.
"""

from __future__ import annotations

from typing import Any

import psycopg

from tsn_hub.storage.base import SqlStore


class PostgresStore(SqlStore):
    placeholder = "%s"
    # Pull and snapshot read several statements that must agree with each other.
    begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    begin_write = "BEGIN ISOLATION LEVEL READ COMMITTED"
    lock_counter = "SELECT value FROM seq_counter WHERE id = 1 FOR UPDATE"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def connect(self) -> psycopg.Connection[Any]:
        # autocommit: transactions are opened explicitly with the statements above.
        return psycopg.connect(self.url, autocommit=True)

    def is_usable(self, conn: Any) -> bool:
        return not conn.closed and not conn.broken

    def columns(self, conn: Any, table: str) -> set[str]:
        rows = conn.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s",
            (table,),
        ).fetchall()
        return {str(row[0]) for row in rows}
