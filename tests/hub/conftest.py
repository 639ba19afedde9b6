"""Fixtures for the hub tests: a real hub process per test, on SQLite and PostgreSQL.

Every test runs against SQLite (a temp file) and, when TSN_HUB_TEST_PG_URL is
set, against PostgreSQL too (each test in a fresh schema). `module_hub` shares one
hub process per test module and backend, for tests that each make their own
practitioners and so cannot see each other's records.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hub_harness import FUZZ_COUNTS, Hub

PG_URL = os.environ.get("TSN_HUB_TEST_PG_URL")


def _pg_schema_url(schema: str) -> str:
    assert PG_URL is not None
    sep = "&" if "?" in PG_URL else "?"
    # application_name lets a test find the hub's own server connections.
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}&application_name={schema}"


@contextmanager
def _database(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'hub.db'}"
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


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with _database(request.param, tmp_path) as url:
        yield url


@contextmanager
def running_hub(
    db_url: str, folder: Path, extra_args: tuple[str, ...] | None = None
) -> Iterator[Hub]:
    """A started hub; on the way out, its log must hold no patient data and no crash."""
    server = Hub(db_url, folder / "hub.log")
    if extra_args is not None:
        server.extra_args = extra_args
    server.start()
    try:
        yield server
    finally:
        server.stop()
        log_text = server.log_path.read_text(errors="replace")
        # Patient data must never reach the server log, and no request may have crashed.
        assert "Martin" not in log_text and "Jeanne" not in log_text, log_text
        assert "ERROR" not in log_text and "Traceback" not in log_text, log_text


@pytest.fixture
def hub(db_url: str, tmp_path: Path) -> Iterator[Hub]:
    with running_hub(db_url, tmp_path) as server:
        yield server


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_hub(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Hub]:
    """One hub per module and backend, logging at debug level (op ids included)."""
    folder = tmp_path_factory.mktemp("module-hub")
    args = ("--push-per-minute", "0", "--pull-per-minute", "0", "--log-level", "debug")
    with _database(request.param, folder) as url, running_hub(url, folder, args) as server:
        yield server


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many inputs the hub fuzz suite tried, and what they found (see test_fuzz.py)."""
    for backend, counts in sorted(FUZZ_COUNTS.items()):
        terminalreporter.write_line(
            f"hub fuzz ({backend}): {counts['push']} push inputs ({counts['ops']} ops,"
            f" {counts['applied']} applied), {counts['query']} query inputs;"
            f" server errors: {counts['5xx']}, unpullable records: {counts['unpullable']}"
        )
