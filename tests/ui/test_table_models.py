"""Every table model of the app passes pytest-qt's model tester, empty and filled: the
models are found by walking the package, so a new one without a case here fails."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel

import tsn_desktop
from tests.patients.factories import TODAY, make_patient, valid_rpps
from tsn_desktop.patients.care_team import Member
from tsn_desktop.patients.ui.care_team_tab import MembersModel
from tsn_desktop.patients.ui.table_model import PatientTableModel
from tsn_desktop.readings.model import Reading
from tsn_desktop.readings.ui.table_model import ReadingsTableModel
from tsn_desktop.sync.ui.review import TextTableModel
from tsn_desktop.vaccination import service as vaccination
from tsn_desktop.vaccination.catalogue import shipped_catalogue
from tsn_desktop.vaccination.model import ENTERED_IN_ERROR, NOT_GIVEN, Dose, Performer
from tsn_desktop.vaccination.ui.models import ForecastModel, HistoryModel, history_rows

pytestmark = pytest.mark.gui


def _patients() -> PatientTableModel:
    model = PatientTableModel(TODAY)
    model.set_patients([make_patient(id="a"), make_patient(id="b", birth_name="Émery"),
                        make_patient(id="c", birth_name="Zola", used_name="Abel", ins="")])
    return model


def _members() -> MembersModel:
    model = MembersModel()
    model.set_members([Member(valid_rpps(), "Anne MARTIN"), Member("10012345681", "")],
                      valid_rpps())
    return model


def _review_text() -> TextTableModel:
    model = TextTableModel(["Élément", "Ma copie", "Copie du hub"])
    model.set_rows([["▶ Téléphone", "06 11 11 11 11", "06 22 22 22 22"],
                    ["Nom", "MARTIN", "MARTIN"]], marked=[True, False])
    return model


def _carnet_doses() -> list[Dose]:
    nurse = Performer("Claire PETIT", "nurse", valid_rpps())
    base = Dose(id="d1", patient_id="p", occurrence=TODAY.replace(year=TODAY.year - 1),
                product="FR-HEXYON", lot="A1", performer=nurse, recorded_by=nurse)
    return [base, Dose(id="d2", patient_id="p", occurrence=TODAY, product="FR-PRIORIX",
                       status=ENTERED_IN_ERROR, error_by=nurse,
                       error_at="2026-11-23T09:30:00Z", error_why="doublon"),
            Dose(id="d3", patient_id="p", occurrence=TODAY, product="FR-NEISVAC",
                 outcome=NOT_GIVEN, reason="refused")]


def _history() -> HistoryModel:
    doses = _carnet_doses()
    birth = TODAY.replace(year=TODAY.year - 2)
    model = HistoryModel(shipped_catalogue())
    model.set_rows(history_rows(doses, vaccination.forecast_of(birth, "F", doses, TODAY),
                                vaccination.schedule_data(), by_group=True),
                   grouped=True)
    return model


def _forecast() -> ForecastModel:
    model = ForecastModel()
    birth = TODAY.replace(year=TODAY.year - 2)
    model.set_assessment(vaccination.forecast_of(birth, "F", _carnet_doses(), TODAY), TODAY)
    return model


def _readings() -> ReadingsTableModel:
    from datetime import UTC, datetime

    at = datetime(2026, 11, 20, 6, 40, tzinfo=UTC)
    model = ReadingsTableModel()
    model.set_readings([Reading("weight", at, 78.6, original="173.3 [lb_av]", source="fhir"),
                        Reading("blood_pressure", at, 142, 91, 88, flags=4, device="BLE"),
                        Reading("steps", at, 6421, status="entered-in-error")])
    return model


FILLED: dict[type[QAbstractItemModel], Callable[[], QAbstractItemModel]] = {
    PatientTableModel: _patients,
    MembersModel: _members,
    TextTableModel: _review_text,
    HistoryModel: _history,
    ForecastModel: _forecast,
    ReadingsTableModel: _readings,
}
EMPTY: dict[type[QAbstractItemModel], Callable[[], QAbstractItemModel]] = {
    PatientTableModel: lambda: PatientTableModel(TODAY),
    MembersModel: MembersModel,
    TextTableModel: lambda: TextTableModel(["A", "B"]),
    HistoryModel: lambda: HistoryModel(shipped_catalogue()),
    ForecastModel: ForecastModel,
    ReadingsTableModel: ReadingsTableModel,
}


# Models that page through the database are checked where their data is made, while
# they page (the test file must run qtmodeltester on them).
CHECKED_ELSEWHERE: dict[str, str] = {
    "AuditTableModel": "tests/audit/test_viewer_ui.py",
    "DueModel": "tests/vaccination/test_practice_page_ui.py",
    "CoverageModel": "tests/vaccination/test_practice_page_ui.py",
    "CampaignModel": "tests/vaccination/test_practice_page_ui.py",
    "AdverseEventModel": "tests/vaccination/test_practice_page_ui.py",
}
ROOT = Path(__file__).resolve().parents[2]


def _models_in_the_package() -> set[type]:
    found: set[type] = set()
    for info in pkgutil.walk_packages(tsn_desktop.__path__, "tsn_desktop."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (issubclass(value, QAbstractItemModel)
                    and value.__module__.startswith("tsn_desktop.")):
                found.add(value)
    return found


def test_every_model_of_the_package_has_a_case_here() -> None:
    found = _models_in_the_package()
    elsewhere = {m for m in found if m.__name__ in CHECKED_ELSEWHERE}
    assert found - elsewhere == set(FILLED), "add the new model to FILLED and EMPTY"
    for model in elsewhere:
        text = (ROOT / CHECKED_ELSEWHERE[model.__name__]).read_text("utf-8")
        assert "qtmodeltester.check" in text and model.__name__ in text, model.__name__


@pytest.mark.parametrize("kind", list(FILLED), ids=lambda k: k.__name__)
def test_the_model_passes_the_model_tester(qtmodeltester, kind: type) -> None:
    qtmodeltester.check(EMPTY[kind](), force_py=True)
    qtmodeltester.check(FILLED[kind](), force_py=True)
