"""The practice's alert list, acknowledging with a comment, the pathway panel and the
alerts and thresholds drawn on the chart, with real widgets over a real SQLCipher
profile (the acknowledge and thresholds dialogs are replaced, never left open)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.patients.factories import make_patient
from tests.readings.test_ui import OPENED, context  # noqa: F401 - the fixture
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service
from tsn_desktop.readings.alerts import HEART_FAILURE, RULE_OF_3
from tsn_desktop.readings.model import BLOOD_PRESSURE, WEIGHT, Reading
from tsn_desktop.readings.ui.alerts_view import PracticeAlertsModel
from tsn_desktop.readings.ui.page import ReadingsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def hf_patient(db, clock) -> str:
    """A heart-failure patient whose weight went up 2.6 kg in 3 days (this morning last)."""
    pid = patients.save(db, make_patient(birth_name="Lefèvre", ins="",
                                         birth_date=date(1948, 2, 3))).patient.id
    service.enrol(db, pid, HEART_FAILURE, "Anne MARTIN")
    start = clock.now().replace(hour=6, minute=0) - timedelta(days=3)
    service.store_import(db, pid, [Reading(WEIGHT, start + timedelta(days=i), kg)
                                   for i, kg in enumerate((80.0, 80.8, 81.7, 82.6))])
    return pid


def test_the_weight_gain_alert_is_in_the_practice_list_and_acknowledged_with_a_comment(
        qtbot, english, context, hf_patient, db, monkeypatch, qtmodeltester):  # noqa: F811
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    page.show()
    panel = page.practice
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert isinstance(panel.model, PracticeAlertsModel)
    qtmodeltester.check(panel.model)
    assert panel.model.index(0, 2).data().startswith("LEFÈVRE")
    assert "2.6 kg in 3 days" in panel.model.index(0, 3).data()
    assert "1 alert to see" in panel.count.text()

    # Enter on the alert opens the patient: the chart shows the open alert on the weights.
    panel.table.selectRow(0)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        panel.open_selected()
    assert [(k, s) for k, _at, s in page.view.chart.marks] == [(WEIGHT, "open")]

    asked = []
    monkeypatch.setattr(panel, "ask_comment",
                        lambda chosen: asked.append(chosen) or "Appel, furosémide augmenté")
    with qtbot.waitSignal(panel.shown, timeout=5000), \
            qtbot.waitSignal(page.view.shown, timeout=5000):
        panel.ack_button.click()
    assert len(asked) == 1 and panel.model.rowCount() == 0
    assert "0 alerts to see" in panel.count.text()
    assert [s for _k, _at, s in page.view.chart.marks] == ["acknowledged"]
    seen = page.view.alerts.item(0).text()
    assert "Seen by Anne MARTIN" in seen and "furosémide augmenté" in seen

    with qtbot.waitSignal(panel.shown, timeout=5000):
        panel.show_seen.setChecked(True)
    assert panel.model.rowCount() == 1
    assert "Appel, furosémide augmenté" in panel.model.index(0, 4).data()


def test_a_cancelled_acknowledgement_changes_nothing(qtbot, context, hf_patient, db,  # noqa: F811
                                                      monkeypatch):
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    qtbot.waitUntil(lambda: page.practice.model.rowCount() == 1, timeout=5000)
    page.practice.table.selectRow(0)
    monkeypatch.setattr(page.practice, "ask_comment", lambda chosen: None)
    page.practice.acknowledge_selected()
    context.runner.executor.call(lambda db: None)
    assert [p.alert.acknowledged for p in service.practice_alerts(db, True)] == [False]


def test_urgent_alerts_come_first_in_the_practice_list(qtbot, english, context,  # noqa: F811
                                                       hf_patient, db, clock):
    other = patients.save(db, make_patient(birth_name="Durand", ins="",
                                           birth_date=date(1950, 1, 1))).patient.id
    service.store_import(db, other, [Reading(BLOOD_PRESSURE, clock.now() - timedelta(days=1),
                                             186, 104)])
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    qtbot.waitUntil(lambda: page.practice.model.rowCount() == 2, timeout=5000)
    assert page.practice.model.index(0, 0).data() == "Urgent"
    assert page.practice.model.index(0, 2).data().startswith("DURAND")
    assert "1 urgent" in page.practice.count.text()


def test_the_pathway_panel_enrols_and_sets_the_dry_weight_drawn_on_the_chart(
        qtbot, english, context, db, clock):  # noqa: F811
    pid = patients.save(db, make_patient(birth_name="Morel", ins="",
                                         birth_date=date(1944, 4, 4))).patient.id
    service.store_import(db, pid, [Reading(WEIGHT, clock.now() - timedelta(days=1), 80.0)])
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(pid, "MOREL")
    panel = page.view.pathway
    assert not panel.dry_weight.isEnabled()
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        panel.pathway.setCurrentIndex(panel.pathway.findData(HEART_FAILURE))
        panel.pathway.activated.emit(panel.pathway.currentIndex())
    assert panel.dry_weight.isEnabled() and "set by Anne MARTIN" in panel.who.text()
    panel.dry_weight.setValue(77.5)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        panel.save_dry.click()
    assert (WEIGHT, 77.5) in page.view.chart.thresholds
    assert "dry weight set by Anne MARTIN" in panel.who.text()
    assert service.pathway_of(db, pid).overrides["dry_weight_kg"].changed_by == db.actor


def test_thresholds_changed_in_the_dialog_are_saved_and_redrawn(
        qtbot, context, db, clock, monkeypatch):  # noqa: F811
    pid = patients.save(db, make_patient(birth_name="Morel", ins="",
                                         birth_date=date(1944, 4, 4))).patient.id
    service.store_import(db, pid, [Reading(BLOOD_PRESSURE, clock.now() - timedelta(days=1),
                                           128, 78)])
    service.enrol(db, pid, HEART_FAILURE)
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(pid, "MOREL")
    monkeypatch.setattr(page.view.pathway, "ask_thresholds",
                        lambda view: {"home_systolic": 130.0, "home_diastolic": 80.0})
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.view.pathway.thresholds_button.click()
    assert {(BLOOD_PRESSURE, 130.0), (BLOOD_PRESSURE, 80.0)} <= set(page.view.chart.thresholds)


def test_the_home_protocol_is_chosen_on_the_page(qtbot, context, db):  # noqa: F811
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    combo = page.practice.protocol
    qtbot.waitUntil(lambda: combo.currentData() == "esc-2-2-3", timeout=5000)
    with qtbot.waitSignal(page.practice.shown, timeout=5000):
        combo.setCurrentIndex(combo.findData(RULE_OF_3))
        combo.activated.emit(combo.currentIndex())
    assert service.home_protocol(db) == RULE_OF_3


def test_a_dry_weight_typed_and_not_saved_holds_the_patient_file(
        qtbot, context, db, clock):  # noqa: F811
    from types import SimpleNamespace

    from tsn_desktop.readings.ui.page import ReadingsTab

    pid = patients.save(db, make_patient(birth_name="Morel", ins="",
                                         birth_date=date(1944, 4, 4))).patient.id
    service.enrol(db, pid, HEART_FAILURE)
    tab = ReadingsTab(context)
    qtbot.addWidget(tab)
    OPENED.append(tab)
    with qtbot.waitSignal(tab.view.shown, timeout=5000):
        tab.show_patient(SimpleNamespace(id=pid), clock.today())
    assert not tab.has_unsaved()
    tab.view.pathway.dry_weight.setValue(76.5)
    assert tab.has_unsaved()
    with qtbot.waitSignal(tab.view.shown, timeout=5000):
        tab.view.pathway.save_dry.click()
    assert not tab.has_unsaved()


def rows_in_view(page: ReadingsPage) -> int:
    """Rows of the practice's alert list wholly in view."""
    table = page.practice.table
    return min(page.practice.model.rowCount(),
               table.viewport().height() // table.verticalHeader().defaultSectionSize())


@pytest.mark.parametrize(("size", "at_least"), [
    ((1070, 735), 6),   # the page in a 1280 × 800 window
    ((610, 530), 4),    # the page in the window at its smallest (817 × 600)
])
def test_the_practice_alerts_list_shows_several_rows(qtbot, context, db, clock,  # noqa: F811
                                                     size, at_least):
    for i in range(12):
        pid = patients.save(db, make_patient(birth_name=f"Durand{chr(65 + i)}", ins="",
                                             birth_date=date(1950, 1, 1 + i))).patient.id
        service.store_import(db, pid, [Reading(BLOOD_PRESSURE,
                                               clock.now() - timedelta(days=1), 186, 104)])
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.practice.model.rowCount() == 12, timeout=5000)
    assert rows_in_view(page) >= at_least


def test_the_patients_home_protocol_is_chosen_in_the_thresholds_dialog(
        qtbot, context, db, clock, monkeypatch):  # noqa: F811
    from tsn_desktop.readings.ui.alerts_view import PROTOCOL_KEY, ThresholdsDialog

    pid = patients.save(db, make_patient(birth_name="Morel", ins="",
                                         birth_date=date(1944, 4, 4))).patient.id
    service.enrol(db, pid, HEART_FAILURE)
    dialog = ThresholdsDialog(service.pathway_of(db, pid))
    qtbot.addWidget(dialog)
    assert dialog.protocol.currentData() == "esc-2-2-3" and dialog.changes() == {}
    dialog.protocol.setCurrentIndex(dialog.protocol.findData(RULE_OF_3))
    assert dialog.changes() == {PROTOCOL_KEY: RULE_OF_3}

    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(pid, "MOREL")
    monkeypatch.setattr(page.view.pathway, "ask_thresholds", lambda view: dialog.changes())
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.view.pathway.thresholds_button.click()
    assert service.pathway_of(db, pid).thresholds.protocol == RULE_OF_3
    assert service.pathways_store.enrolment(db, pid).changed_by == db.actor
