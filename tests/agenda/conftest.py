"""Fixtures for the agenda: the patient tests' real SQLCipher profile and DB runner, the
sync tests' real hub process and practitioners (re-exported, not copied), a patient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.patients.conftest import db, profile, runner
from tests.patients.factories import make_patient
from tests.sync.conftest import hub, make_client
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient

__all__ = ["db", "hub", "make_client", "page", "patient", "profile", "runner"]


@pytest.fixture
def patient(db: Database) -> Patient:
    return patients.save(db, make_patient(birth_name="DURAND", given_names="Jeanne")).patient


@pytest.fixture
def page(qtbot: Any, runner: Any, profile: Any, clock: Any,
         tmp_path: Path) -> Iterator[Any]:
    """The Agenda page on the profile, shown, its first read done."""
    from tsn_desktop.agenda.ui.page import AgendaPage
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.feature import FeatureContext

    profile.db.commit_listener = runner.committed
    context = FeatureContext(runner=runner, clock=clock, settings=Settings(tmp_path / "s"),
                             practitioner=profile.practitioner)
    widget = AgendaPage(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitUntil(lambda: bool(widget.kinds))
    yield widget
    widget.close()
