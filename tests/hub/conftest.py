"""Fixtures for the hub tests: a real hub process per test, on SQLite and PostgreSQL.

Every test runs against SQLite (a temp file) and, when TSN_HUB_TEST_PG_URL is
set, against PostgreSQL too (each test in a fresh schema).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hub_harness import Hub

PG_URL = os.environ.get("TSN_HUB_TEST_PG_URL")


def _pg_schema_url(schema: str) -> str:
    assert PG_URL is not None
    sep = "&" if "?" in PG_URL else "?"
    # application_name lets a test find the hub's own server connections.
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}&application_name={schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hub.db'}"
        return
    if not PG_URL:
        pytest.skip('PostgreSQL variant: set TSN_HUB_TEST_PG_URL (eval "$(bash .ci/postgres.sh)")')
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _pg_schema_url(schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def hub(db_url: str, tmp_path: Path) -> Iterator[Hub]:
    server = Hub(db_url, tmp_path / "hub.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()
        log_text = server.log_path.read_text(errors="replace")
        # Patient data must never reach the server log, and no request may have crashed.
        assert "Martin" not in log_text and "Jeanne" not in log_text, log_text
        assert "ERROR" not in log_text and "Traceback" not in log_text, log_text
