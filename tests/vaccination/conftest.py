"""The carnet tests use the patient register's real SQLCipher profile and DB runner."""

from tests.patients.conftest import db, profile, runner  # noqa: F401 - shared fixtures
