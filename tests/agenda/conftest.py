"""Fixtures for the agenda: the patient tests' real SQLCipher profile and DB runner, the
sync tests' real hub process and practitioners (re-exported, not copied), a patient."""

from __future__ import annotations

import pytest

from tests.patients.conftest import db, profile, runner
from tests.patients.factories import make_patient
from tests.sync.conftest import hub, make_client
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient

__all__ = ["db", "hub", "make_client", "patient", "profile", "runner"]


@pytest.fixture
def patient(db: Database) -> Patient:
    return patients.save(db, make_patient(birth_name="DURAND", given_names="Jeanne")).patient
