"""Fixtures for readings: the patient tests' real SQLCipher profile and DB runner, the sync
tests' real hub process and practitioners (re-exported, not copied)."""

from __future__ import annotations

from tests.patients.conftest import db, profile, runner
from tests.sync.conftest import hub, make_client

__all__ = ["db", "hub", "make_client", "profile", "runner"]
