"""Fixtures for the network: the patient tests' real SQLCipher profile and DB runner
(re-exported, not copied), a patient, and colleagues in the directory."""

from __future__ import annotations

import pytest

from tests.patients.conftest import db, profile, runner
from tests.patients.factories import make_patient, valid_rpps
from tsn_desktop.core.db import Database
from tsn_desktop.network import service
from tsn_desktop.network.model import DirectoryEntry
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient

__all__ = ["colleagues", "db", "patient", "profile", "runner"]

NURSE = DirectoryEntry(valid_rpps("1000062541"), "Petit", "Claire", "nurse",
                       "3 place Bellecour", "69002", "Lyon", "04 78 00 00 01")
PHARMACIST = DirectoryEntry(valid_rpps("1000073352"), "Bernard", "Louis", "pharmacist",
                            "40 cours Gambetta", "69007", "Lyon",
                            secure_mail="louis.bernard@pharmacie.mssante.fr")
SURGEON = DirectoryEntry(valid_rpps("1000084163"), "Lefèvre", "Hélène", "surgeon",
                         "", "69500", "Bron")


@pytest.fixture
def patient(db: Database) -> Patient:
    return patients.save(db, make_patient(birth_name="DURAND", given_names="Jeanne")).patient


@pytest.fixture
def colleagues(db: Database) -> tuple[DirectoryEntry, ...]:
    service.add_to_directory(db, [NURSE, PHARMACIST, SURGEON])
    return NURSE, PHARMACIST, SURGEON
