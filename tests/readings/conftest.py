"""Fixtures for readings: the patient tests' real SQLCipher profile and DB runner, the sync
tests' real hub process and practitioners (re-exported, not copied), and the two patients
of the inbox and reassignment tests (a household scale shared by Mrs Lefèvre and Mr
Martin)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.patients.conftest import db, profile, runner
from tests.patients.factories import make_patient
from tests.sync.conftest import hub, make_client
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients

__all__ = ["db", "hub", "make_client", "profile", "runner"]


@pytest.fixture
def lefevre(db: Database) -> str:
    return patients.save(db, make_patient(birth_name="Lefèvre", given_names="Jeanne",
                                          ins="", birth_date=date(1948, 2, 3))).patient.id


@pytest.fixture
def martin(db: Database) -> str:
    return patients.save(db, make_patient(birth_name="Martin", given_names="Paul",
                                          ins="", birth_date=date(1950, 5, 5))).patient.id
