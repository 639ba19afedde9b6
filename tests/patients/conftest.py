"""Fixtures for the patient register: a real SQLCipher profile, a frozen clock, the DB runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile

from .factories import FAST_KDF, PASSPHRASE, valid_rpps


@pytest.fixture
def profile(tmp_path: Path, clock: FrozenClock) -> Iterator[OpenProfile]:
    practitioner = Practitioner(family_name="Martin", given_names="Anne",
                                profession="general_practitioner", rpps=valid_rpps())
    opened = create_profile(tmp_path / "profiles", practitioner, PASSPHRASE, remember=False,
                            clock=clock, kdf=FAST_KDF)
    yield opened
    opened.db.close()


@pytest.fixture
def db(profile: OpenProfile) -> Database:
    return profile.db


@pytest.fixture
def runner(profile: OpenProfile, qapp: object) -> Iterator[object]:
    """The GUI's way to the database: one worker thread, results on the GUI thread."""
    from tsn_desktop.core.executor import DbExecutor, DbRunner

    executor = DbExecutor(profile.db)
    db_runner = DbRunner(executor)
    yield db_runner
    executor.shutdown()  # finishes queued work and closes the connection
    db_runner.deleteLater()
