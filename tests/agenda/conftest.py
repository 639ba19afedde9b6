"""Fixtures for the agenda: a real SQLCipher profile (all migrations, 0011 included),
the frozen clock of tests/conftest.py, the DB runner, a patient of the register."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import FAST_KDF
from tests.patients.factories import PASSPHRASE, make_patient, valid_rpps
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient


@pytest.fixture
def profile(tmp_path: Path, clock: FrozenClock) -> Iterator[OpenProfile]:
    practitioner = Practitioner(family_name="Lefèvre", given_names="Claire",
                                profession="nurse", rpps=valid_rpps())
    opened = create_profile(tmp_path / "profiles", practitioner, PASSPHRASE, remember=False,
                            clock=clock, kdf=FAST_KDF)
    yield opened
    opened.db.close()


@pytest.fixture
def db(profile: OpenProfile) -> Database:
    return profile.db


@pytest.fixture
def patient(db: Database) -> Patient:
    return patients.save(db, make_patient(birth_name="DURAND", given_names="Jeanne")).patient


@pytest.fixture
def runner(profile: OpenProfile, qapp: object) -> Iterator[object]:
    from tsn_desktop.core.executor import DbExecutor, DbRunner

    executor = DbExecutor(profile.db)
    db_runner = DbRunner(executor)
    yield db_runner
    executor.shutdown()
    db_runner.deleteLater()
