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
from tsn_desktop.network.model import (
    DECISION,
    JOINED,
    NO_ANSWER,
    OPENING,
    REFUSED,
    REPLY,
    DirectoryEntry,
    InboxItem,
    Opening,
    Post,
    build_thread,
)
from tsn_desktop.network.service import InboxRow, ThreadView
from tsn_desktop.network.ui.library import DocumentsModel
from tsn_desktop.network.ui.models import (
    DirectoryModel,
    InboxModel,
    PostsModel,
    ThreadListModel,
)
from tsn_desktop.network.ui.pathway_tab import TasksModel
from tsn_desktop.patients.care_team import Member
from tsn_desktop.patients.ui.care_team_tab import MembersModel
from tsn_desktop.patients.ui.table_model import PatientTableModel
from tsn_desktop.readings.model import Reading
from tsn_desktop.readings.service import TablePage
from tsn_desktop.readings.ui.table_model import ReadingsTableModel
from tsn_desktop.sync.ui.review import TextTableModel
from tsn_desktop.vaccination import service as vaccination
from tsn_desktop.vaccination.catalogue import shipped_catalogue
from tsn_desktop.vaccination.model import (
    ENTERED_IN_ERROR,
    FACT_RESOLVED,
    NOT_GIVEN,
    PREGNANCY,
    Dose,
    Fact,
    Performer,
)
from tsn_desktop.vaccination.ui.models import (
    FactsModel,
    ForecastModel,
    HistoryModel,
    history_rows,
)

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


def _facts() -> FactsModel:
    midwife = Performer("Julie MOREAU", "midwife", valid_rpps())
    model = FactsModel()
    model.set_facts([
        Fact(id="f1", patient_id="p", code=PREGNANCY, onset=TODAY.replace(month=6),
             recorded_by=midwife, note="grossesse gémellaire"),
        Fact(id="f2", patient_id="p", code="FR-IMMUNODEPRIME", onset=TODAY.replace(year=2020),
             status=FACT_RESOLVED, abatement=TODAY.replace(year=2024), ended_by=midwife),
        Fact(id="f3", patient_id="p", code="FR-PRO-SANTE", onset=TODAY,
             status=ENTERED_IN_ERROR, ended_by=midwife, end_why="doublon")],
        {c: o.title for c, o in vaccination.schedule_data().observations.items()}, TODAY)
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
    # The first page of five readings: the view may ask for the rest (fetchMore).
    model.set_page(TablePage(
        [Reading("weight", at, 78.6, original="173.3 [lb_av]", source="fhir"),
         Reading("blood_pressure", at, 142, 91, 88, flags=4, device="BLE"),
         Reading("steps", at, 6421, status="entered-in-error")],
        ("2026-11-20T06:40:00Z", 3), 5))
    return model


def _network_view() -> ThreadView:
    from datetime import UTC, datetime, timedelta

    at = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    gp, nurse, pharmacist = valid_rpps(), valid_rpps("1000062541"), valid_rpps("1000073352")
    posts = [Post("t", "t", OPENING, gp, (nurse,), at, patient_id="p",
                  opening=Opening("Plaie", "Quel pansement ?", due=TODAY)),
             Post("r1", "t", REPLY, nurse, (gp,), at + timedelta(hours=1), body="Alginate"),
             Post("r2", "t", REPLY, nurse, (gp,), at + timedelta(hours=2), body="Erreur",
                  withdrawn=True),
             Post("j", "t", JOINED, gp, (nurse, pharmacist), at + timedelta(hours=3)),
             Post("r3", "t", REPLY, gp, (nurse, pharmacist), at + timedelta(hours=4),
                  body="Refusé", state=REFUSED, refusal="forbidden: care team"),
             Post("d", "t", DECISION, gp, (nurse, pharmacist), at + timedelta(hours=5),
                  body="Alginate, IDE J+2")]
    thread = build_thread(posts, gp)
    assert thread is not None
    return ThreadView(thread, {gp: "Anne MARTIN", nurse: "Claire PETIT"}, "DURAND Jeanne")


def _directory() -> DirectoryModel:
    model = DirectoryModel()
    model.set_entries([DirectoryEntry(valid_rpps(), "Petit", "Claire", "nurse", city="Lyon"),
                       DirectoryEntry("10012345699", "Démo", "", "surgeon")])
    return model


def _threads() -> ThreadListModel:
    model = ThreadListModel()
    model.set_threads([_network_view()])
    return model


def _posts() -> PostsModel:
    model = PostsModel()
    model.set_view(_network_view(), valid_rpps())
    return model


def _inbox() -> InboxModel:
    from datetime import UTC, datetime

    from tsn_desktop.feature import INBOX_RECALL, InboxEntry
    from tsn_desktop.network.model import foreign_item

    model = InboxModel(words=lambda entry: f"words of {entry.subject}")
    at = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    recall = InboxEntry("vaccination_recall:r", INBOX_RECALL, "ROR", "p2", "MOREAU Lina", at,
                        TODAY, page="vaccinations")
    model.set_rows([InboxRow(InboxItem("a", NO_ANSWER, "t", "Plaie", "p", at, TODAY,
                                       important=True), "DURAND Jeanne"),
                    InboxRow(InboxItem("b", "unread", "t", "Plaie", None, at, count=2),
                             done=True),
                    InboxRow(foreign_item(recall), "MOREAU Lina")])
    return model


def _tasks() -> TasksModel:
    from datetime import UTC, datetime, timedelta

    from tsn_desktop.network.pathway import COMPLETED, PathwayTask
    from tsn_desktop.network.service import PathwayView

    nurse = valid_rpps("1000062541")
    day = TODAY - timedelta(days=4)
    model = TasksModel()
    model.set_view(PathwayView([
        PathwayTask("a", "p", "pat", "Hanche", day, "First dressing", nurse,
                    day + timedelta(days=2)),
        PathwayTask("b", "p", "pat", "Hanche", day, "Pain assessment", nurse, day,
                    status=COMPLETED, done_by=nurse,
                    done_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
        PathwayTask("c", "p", "pat", "Hanche", day, "Stitches", "10012345699",
                    day + timedelta(days=10), waiting=True)], {nurse: "Claire PETIT"}), TODAY)
    return model


def _documents() -> DocumentsModel:
    from datetime import UTC, datetime

    from tsn_desktop.network.library import SharedDocument
    from tsn_desktop.network.service import LibraryView

    nurse = valid_rpps("1000062541")
    at = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    model = DocumentsModel()
    model.set_view(LibraryView([
        SharedDocument("a", "Protocole", "2026-1", at, valid_rpps(), (), "p.pdf",
                       "application/pdf", 1200),
        SharedDocument("b", "Astreinte", "1", at, nurse, (valid_rpps(),), "a.png",
                       "image/png", 300, waiting=True)], {nurse: "Claire PETIT"}))
    return model


FILLED: dict[type[QAbstractItemModel], Callable[[], QAbstractItemModel]] = {
    DocumentsModel: _documents,
    TasksModel: _tasks,
    DirectoryModel: _directory,
    ThreadListModel: _threads,
    PostsModel: _posts,
    InboxModel: _inbox,
    PatientTableModel: _patients,
    MembersModel: _members,
    TextTableModel: _review_text,
    HistoryModel: _history,
    ForecastModel: _forecast,
    FactsModel: _facts,
    ReadingsTableModel: _readings,
}
EMPTY: dict[type[QAbstractItemModel], Callable[[], QAbstractItemModel]] = {
    DocumentsModel: DocumentsModel,
    TasksModel: TasksModel,
    DirectoryModel: DirectoryModel,
    ThreadListModel: ThreadListModel,
    PostsModel: PostsModel,
    InboxModel: InboxModel,
    PatientTableModel: lambda: PatientTableModel(TODAY),
    MembersModel: MembersModel,
    TextTableModel: lambda: TextTableModel(["A", "B"]),
    HistoryModel: lambda: HistoryModel(shipped_catalogue()),
    ForecastModel: ForecastModel,
    FactsModel: FactsModel,
    ReadingsTableModel: ReadingsTableModel,
}


# Models that page through the database are checked where their data is made, while
# they page (the test file must run qtmodeltester on them). Keyed by module and class:
# two features may each have an "InboxModel".
CHECKED_ELSEWHERE: dict[str, str] = {
    "tsn_desktop.audit.ui.table_model.AuditTableModel": "tests/audit/test_viewer_ui.py",
    "tsn_desktop.agenda.ui.round_dialog.RoundModel": "tests/agenda/test_round.py",
    "tsn_desktop.readings.ui.alerts_view.PracticeAlertsModel":
        "tests/readings/test_alerts_ui.py",
    "tsn_desktop.readings.ui.inbox_view.InboxModel": "tests/readings/test_inbox_ui.py",
    "tsn_desktop.vaccination.ui.due_model.DueModel":
        "tests/vaccination/test_practice_page_ui.py",
    "tsn_desktop.vaccination.ui.coverage_view.CoverageModel":
        "tests/vaccination/test_practice_page_ui.py",
    "tsn_desktop.vaccination.ui.campaign_view.CampaignModel":
        "tests/vaccination/test_practice_page_ui.py",
    "tsn_desktop.vaccination.ui.adverse_view.AdverseEventModel":
        "tests/vaccination/test_practice_page_ui.py",
}


def _qualified(model: type) -> str:
    return f"{model.__module__}.{model.__qualname__}"
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
    elsewhere = {m for m in found if _qualified(m) in CHECKED_ELSEWHERE}
    assert found - elsewhere == set(FILLED), "add the new model to FILLED and EMPTY"
    assert len(elsewhere) == len(CHECKED_ELSEWHERE), "a model listed there moved or went"
    for model in elsewhere:
        text = (ROOT / CHECKED_ELSEWHERE[_qualified(model)]).read_text("utf-8")
        assert "qtmodeltester.check" in text and model.__name__ in text, model.__name__


@pytest.mark.parametrize("kind", list(FILLED), ids=lambda k: k.__name__)
def test_the_model_passes_the_model_tester(qtmodeltester, kind: type) -> None:
    qtmodeltester.check(EMPTY[kind](), force_py=True)
    qtmodeltester.check(FILLED[kind](), force_py=True)
