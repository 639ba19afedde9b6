"""The Vaccinations page in real Qt widgets: the issue's "done when" through the whole app
(a new user sees how many children are late for MMR, opens one, the dose is recorded,
back on the page the count went down by one, with no manual refresh); the coverage chart
shows the table's numbers; every table model passes the model tester."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.patients.factories import make_patient
from tests.ui.conftest import (  # noqa: F401 - shared fixtures
    _discard_without_asking,
    first_run,
    make_session,
)
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.demo_data import generate_patients
from tsn_desktop.feature import FeatureContext
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.patients.ui.page import PatientsPage
from tsn_desktop.vaccination import coverage, due_list, service
from tsn_desktop.vaccination import practice_service as practice
from tsn_desktop.vaccination.demo import seed_carnets
from tsn_desktop.vaccination.model import Dose, Performer
from tsn_desktop.vaccination.ui.campaign_view import CampaignModel
from tsn_desktop.vaccination.ui.coverage_view import CoverageModel, CoverageView
from tsn_desktop.vaccination.ui.due_model import DueModel
from tsn_desktop.vaccination.ui.page import DueListView, VaccinationsPage

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 23)


def _demo_practice(db: Database, clock: FrozenClock) -> None:
    """The demo practice's patients (fewer of them) and its carnets."""
    for fields in generate_patients(120, seed=2026, today=clock.today()):
        patients.save(db, Patient(**fields))  # type: ignore[arg-type]
    seed_carnets(db, clock, "gp")


def test_a_new_user_sees_children_late_for_mmr_opens_one_and_the_count_goes_down(
        qtbot, make_session, clock: FrozenClock, french: object) -> None:  # noqa: F811
    session = first_run(make_session)
    window = session.window
    assert window is not None and session.executor is not None
    window.show_page("vaccinations")
    page = window.page_widgets["vaccinations"]
    assert isinstance(page, VaccinationsPage)
    view = page.due
    # The practice fills up after the page opened: it refreshes by itself.
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        session.executor.call(lambda db: _demo_practice(db, clock))
    qtbot.waitUntil(lambda: not view._refreshing and "ROR" in view.group_counts(),
                    timeout=20_000)
    view.obligation_box.setCurrentIndex(view.obligation_box.findData(due_list.COMPULSORY))
    view.group_box.setCurrentIndex(view.group_box.findData("ROR"))
    late_before = view.group_counts()["ROR"][1]
    assert late_before > 0
    from PySide6.QtGui import QTextDocument

    words = QTextDocument()
    words.setHtml(view.counts.text())
    assert f"ROR {late_before} en retard" in words.toPlainText().replace("\xa0", " ")

    # Opens the first child of the list (most late first) from the keyboard.
    view.select_row(0)
    child = view.selected_rows()[0].patient
    register = window.page_widgets["patients"]
    assert isinstance(register, PatientsPage)
    with qtbot.waitSignal(register.patient_opened, timeout=5_000):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.current_page() == "patients"
    assert register.file_view.patient().id == child.id

    # The dose is recorded in the file, in the carnet tab's dose dialog, from the keyboard.
    from tsn_desktop.vaccination.ui.carnet_tab import CarnetTab

    tab = register.file_view.tab(CarnetTab)
    register.file_view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.record_button.isEnabled(), timeout=10_000)
    qtbot.keyClick(tab.record_button, Qt.Key.Key_Space)
    dialog = tab.dose_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.search_edit, "priorix")
    assert dialog.product().code == "FR-PRIORIX"
    qtbot.keyClicks(dialog.lot_edit, "R0R1")
    qtbot.keyClicks(dialog.expiry_edit, "30/06/2027")
    with qtbot.waitSignal(view.loaded, timeout=20_000):  # no refresh asked for: it comes
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    window.show_page("vaccinations")
    assert view.group_counts()["ROR"][1] == late_before - 1


@pytest.fixture
def context(runner: DbRunner, clock: FrozenClock, profile: OpenProfile,
            tmp_path: Path) -> FeatureContext:
    from tsn_desktop.core.settings import Settings

    return FeatureContext(runner, clock, Settings(tmp_path), profile.practitioner)


def _children(db: Database) -> None:
    me = Performer("Anne MARTIN", "general_practitioner", "")
    for n, birth in enumerate((date(2024, 5, 10), date(2024, 6, 1), date(2024, 4, 1))):
        child = patients.save(db, make_patient(given_names=f"Enfant{n}", birth_date=birth,
                                               ins="")).patient
        for months in range(n):
            service.record_dose(db, Dose(id="", patient_id=child.id,
                                         occurrence=date(2025, 6 + 4 * months, 2),
                                         product="FR-PRIORIX", outcome="historical"),
                                TODAY, birth, me)


def test_the_coverage_chart_shows_the_numbers_of_the_table(
        qtbot, db: Database, context: FeatureContext) -> None:
    _children(db)
    view = CoverageView(context)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.computed, timeout=10_000):
        view.show()
    assert view.chart_values() == {k: v or 0.0 for k, v in view.model.totals().items()}
    ror = next(r for r in view.results if r.indicator.id == "ror_2_24m")
    assert (ror.numerator, ror.denominator) == (1, 3)
    assert view.chart_values()["ror_2_24m"] == pytest.approx(100 / 3)
    # The patients behind the number: the two children not up to date.
    row = next(i for i in range(view.model.rowCount())
               if view.model.item(i)[0] is ror and view.model.item(i)[1] is None)
    view.table.selectRow(row)
    assert view.behind.count() == 2
    view.show_up_to_date.setChecked(True)
    assert view.behind.count() == 1
    assert len(view.target_lines) == sum(r.indicator.target is not None for r in view.results)
    view.close()


def test_the_due_list_fills_from_kept_summaries_and_updates_after_a_dose(
        qtbot, db: Database, context: FeatureContext, runner: DbRunner) -> None:
    _children(db)
    db.commit_listener = runner.committed  # as the app wires it: records_changed
    view = DueListView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view._refreshing and view.model.rowCount() > 0, timeout=10_000)
    view.band_box.setCurrentIndex(view.band_box.findData("2-5"))
    view.group_box.setCurrentIndex(view.group_box.findData("ROR"))
    before = view.group_counts()["ROR"]
    first = view.model.rows()[0]
    me = Performer("Anne MARTIN", "general_practitioner", "")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        runner.run(lambda d: service.record_dose(d, Dose(
            id="", patient_id=first.patient.id, occurrence=TODAY, product="FR-PRIORIX",
            outcome="historical"), TODAY, first.patient.birth_date, me))
    assert view.group_counts()["ROR"] != before
    view.close()


def _due_table() -> due_list.DueTable:
    person = due_list.DuePatient("p", "DUPONT Léa", date(2024, 5, 10), "F", "Dr X")
    items = [due_list.DueItem("p", "ROR", 1, date(2025, 5, 10), date(2025, 5, 10),
                              date(2025, 6, 10), None),
             due_list.DueItem("p", "DTP", 1, date(2024, 7, 10), date(2026, 11, 20),
                              date(2027, 1, 1), None)]
    recall = due_list.Recall("r", "p", "", "phone", date(2026, 11, 1), date(2026, 11, 15))
    return due_list.DueTable.build({"p": person}, items, {"p": [recall]}, TODAY)


def test_the_page_models_pass_the_model_tester(qtmodeltester, db: Database) -> None:
    due = DueModel(TODAY)
    qtmodeltester.check(due, force_py=True)
    due.set_rows(_due_table())
    qtmodeltester.check(due, force_py=True)
    assert due.data(due.index(0, DueModel.RECALL))

    _children(db)
    inputs = practice.coverage_inputs(db, date(2026, 10, 1), TODAY)
    cov = CoverageModel()
    qtmodeltester.check(cov, force_py=True)
    cov.set_results(practice.practice_coverage(inputs, TODAY, coverage.load_coverage()))
    qtmodeltester.check(cov, force_py=True)

    camp = CampaignModel(TODAY)
    qtmodeltester.check(camp, force_py=True)
    person = due_list.DuePatient("p", "DUPONT Léa", date(1950, 5, 10), "F")
    camp.set_rows([coverage.CampaignRow(person, "Grippe", coverage.VACCINATED,
                                        date(2026, 11, 2))], TODAY)
    qtmodeltester.check(camp, force_py=True)


def test_an_adverse_event_is_reported_from_the_tab_and_listed_with_its_lot(
        qtbot, db: Database, context: FeatureContext, runner: DbRunner) -> None:
    from tsn_desktop.vaccination.ui.adverse_view import AdverseEventModel, AdverseEventsView

    db.commit_listener = runner.committed
    me = Performer("Anne MARTIN", "general_practitioner", "")
    child = patients.save(db, make_patient(given_names="Léa", birth_date=date(2025, 11, 2),
                                           ins="")).patient
    service.record_dose(db, Dose(id="", patient_id=child.id, occurrence=date(2026, 11, 20),
                                 product="FR-PRIORIX", lot="RX12", expiry=date(2027, 5, 1),
                                 site="thigh-left", route="IM", performer=me),
                        TODAY, child.birth_date, me)
    view = AdverseEventsView(context)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.shown, timeout=10_000):
        view.show()
    assert view.model.rowCount() == 0
    qtbot.keyClick(view.report_button, Qt.Key.Key_Space)
    dialog = view.dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.dose.model().rowsInserted, timeout=10_000):
        dialog.choose_patient(child.id)
    dialog.save()  # no sign ticked, nothing described: refused, what to do is said
    qtbot.waitUntil(lambda: "sign" in dialog.message.text(), timeout=10_000)
    dialog.symptoms["fever"].setChecked(True)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("recovered"))
    with qtbot.waitSignal(view.shown, timeout=10_000):
        dialog.save()
    assert view.model.rowCount() == 1
    assert view.model.index(0, AdverseEventModel.LOT).data() == "RX12"
    view.close()


def test_the_adverse_event_model_passes_the_model_tester(
        qtmodeltester, db: Database) -> None:
    from tsn_desktop.vaccination.adverse_events import AdverseEvent, EventLine
    from tsn_desktop.vaccination.ui.adverse_view import AdverseEventModel

    model = AdverseEventModel()
    qtmodeltester.check(model, force_py=True)
    event = AdverseEvent("e", "d", "p", date(2026, 11, 21), 30, ("fever",), "39 °C",
                         ("hospitalisation",), "recovering", "")
    model.set_lines([EventLine(event, "Priorix", "RX12", date(2026, 11, 20), "DUPONT Léa")])
    qtmodeltester.check(model, force_py=True)


def test_a_large_refresh_runs_in_the_background_with_a_progress_bar(
        qtbot, db: Database, context: FeatureContext, monkeypatch) -> None:
    _children(db)
    monkeypatch.setattr(practice, "INLINE_REFRESH_LIMIT", 1)  # three files count as many
    view = DueListView(context)
    qtbot.addWidget(view)
    seen: list[int] = []
    view.progress.valueChanged.connect(seen.append)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view._refreshing,
                    timeout=10_000)
    assert seen and seen[-1] == 3  # three patient files forecast, step by step
    assert not view.progress.isVisible()
    view.close()


def test_recall_from_the_list_and_export_it_audited_with_no_name_in_the_file_name(
        qtbot, db: Database, context: FeatureContext, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    _children(db)
    view = DueListView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view._refreshing,
                    timeout=10_000)
    view.select_row(0)
    child = view.selected_rows()[0].patient
    qtbot.keyClick(view.recall_button, Qt.Key.Key_Space)
    dialog = view.recall_dialog
    assert dialog is not None
    dialog.method.setCurrentIndex(dialog.method.findData("letter"))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.accept()
    shown = [r for r in view.model.rows() if r.patient.id == child.id]
    assert shown and all(r.recall is not None and r.recall.method == "letter" for r in shown)

    asked: list[str] = []

    def save_as(_parent: object, _title: str, name: str, _kind: str) -> tuple[str, str]:
        asked.append(name)
        return str(tmp_path / name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    with qtbot.waitSignal(view.exported, timeout=10_000) as written:
        view.export_csv()
    assert asked == ["vaccinations-a-faire-2026-11-23.csv"]  # the date only, no name
    text = Path(written.args[0]).read_text("utf-8-sig")
    assert child.name in text
    exported = {r[0] for r in db.query(
        "SELECT resource_id FROM audit_log WHERE action = 'export'")}
    assert exported == {r.patient.id for r in view.model.rows()}
    view.close()


def test_the_locked_page_holds_no_patient_and_a_late_result_stays_off_screen(
        qtbot, db: Database, context: FeatureContext, runner: DbRunner) -> None:
    _children(db)
    page = VaccinationsPage(context)
    qtbot.addWidget(page)
    page.show()
    view = page.due
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view._refreshing,
                    timeout=10_000)
    view.reload()  # its result arrives after the lock
    page.on_lock()
    assert view.model.rowCount() == 0 and view.counts.text() == ""
    done: list[bool] = []
    runner.run(lambda _db: None, lambda _none: done.append(True))  # after the reload
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        page.on_unlock()
    assert view.model.rowCount() > 0
    page.close()


def test_recall_letters_are_saved_as_a_pdf_named_by_date_and_audited(
        qtbot, db: Database, context: FeatureContext, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    _children(db)
    view = DueListView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view._refreshing,
                    timeout=10_000)
    view.select_row(0)
    child = view.selected_rows()[0].patient
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _p, _t, name, _k: (str(tmp_path / name), "")))
    with qtbot.waitSignal(view.exported, timeout=10_000) as written:
        view.save_letters()
    path = Path(written.args[0])
    assert path.name == "lettres-rappel-vaccination-2026-11-23.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert db.query("SELECT resource_id FROM audit_log WHERE action = 'export'") == [
        (child.id,)]
    with qtbot.waitSignal(view.exported, timeout=10_000) as written:
        view.save_list_pdf()
    assert Path(written.args[0]).name == "liste-vaccinations-2026-11-23.pdf"
    view.close()
