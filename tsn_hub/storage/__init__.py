"""Hub storage: the `HubStore` interface and the backend chosen from a database URL."""

from __future__ import annotations

from tsn_hub.storage.base import (
    SCOPE_DIRECTORY,
    SCOPE_PARTICIPANTS,
    SCOPE_PATIENT,
    Account,
    HubMeta,
    HubStore,
    PurgeReport,
    ReadTx,
    StoredResource,
    TokenCheck,
    WriteTx,
)

__all__ = [
    "SCOPE_DIRECTORY",
    "SCOPE_PARTICIPANTS",
    "SCOPE_PATIENT",
    "Account",
    "HubMeta",
    "HubStore",
    "PurgeReport",
    "ReadTx",
    "StoredResource",
    "TokenCheck",
    "WriteTx",
    "is_transient",
    "open_store",
]


def is_transient(exc: BaseException) -> bool:
    """A database error worth retrying (lost connection, lock timeout), not a bug."""
    import sqlite3

    if isinstance(exc, sqlite3.OperationalError):
        return True
    try:
        import psycopg
    except ImportError:  # the hub can run on SQLite without psycopg installed
        return False
    return isinstance(exc, psycopg.OperationalError)


def open_store(url: str) -> HubStore:
    """`sqlite:///relative/or//absolute/path` or `postgresql://user:pw@host/db`."""
    if url.startswith("sqlite:///"):
        from tsn_hub.storage.sqlite import SqliteStore

        return SqliteStore(url[len("sqlite:///") :])
    if url.startswith(("postgresql://", "postgres://")):
        from tsn_hub.storage.postgres import PostgresStore

        return PostgresStore(url)
    raise ValueError("database URL must start with sqlite:/// or postgresql://")
