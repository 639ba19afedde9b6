"""The audit screens with real widgets (pytest-qt, offscreen) over a real SQLCipher
profile through the DB runner; the file dialog is replaced, never left open."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace  # the tab reads the patient's id only

import pytest
from PySide6.QtCore import QDate

from tests.patients.factories import make_patient
from tsn_desktop.audit import AuditLogDialog, PatientAuditTab
from tsn_desktop.audit.model import AuditFilter
from tsn_desktop.audit.ui import viewer
from tsn_desktop.audit.ui.table_model import AuditTableModel
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients

pytestmark = pytest.mark.gui


def seed(db: Database, clock, opens: int = 3) -> tuple[str, str]:
    first = patients.save(db, make_patient()).patient
    second = patients.save(db, make_patient(birth_name="Bernard", ins="")).patient
    for _ in range(opens):
        clock.advance(timedelta(minutes=5))
        patients.open_file(db, first.id)
    patients.open_file(db, second.id)
    return first.id, second.id


def loaded(qtbot, model: AuditTableModel, action) -> None:
    with qtbot.waitSignal(model.loaded, timeout=5000):
        action()


def test_the_table_model_passes_qt_model_tester_while_paging(qtbot, qtmodeltester, db, clock,
                                                            runner):
    seed(db, clock, opens=30)
    model = AuditTableModel(runner, page_size=10)
    loaded(qtbot, model, lambda: model.set_query(lambda _db: AuditFilter()))
    assert model.rowCount() == 10 and model.canFetchMore()
    loaded(qtbot, model, model.fetchMore)
    assert model.rowCount() == 20
    qtmodeltester.check(model)


def test_the_whole_trail_comes_by_pages_as_the_view_scrolls(qtbot, db, clock, runner):
    seed(db, clock, opens=45)
    model = AuditTableModel(runner, page_size=20)
    loaded(qtbot, model, lambda: model.set_query(lambda _db: AuditFilter()))
    while model.canFetchMore():
        loaded(qtbot, model, model.fetchMore)
    assert model.rowCount() == 48 == model.total()
    keys = [model.entry(r).key for r in range(model.rowCount())]
    assert len(set(keys)) == 48


def test_the_patient_tab_shows_who_opened_the_file_and_when_in_paris_time(qtbot, db, clock,
                                                                          runner):
    first, _second = seed(db, clock)
    tab = PatientAuditTab(runner)
    qtbot.addWidget(tab)
    assert tab.has_unsaved() is False and "history" in tab.title().lower()
    loaded(qtbot, tab.view.model,
           lambda: tab.show_patient(SimpleNamespace(id=first), clock.today()))
    model = tab.view.model
    rows = [[model.index(r, c).data() for c in range(6)] for r in range(model.rowCount())]
    assert [r[AuditTableModel.WHAT] for r in rows] == ["Opened"] * 3 + ["Created"]
    assert rows[-1][AuditTableModel.WHEN] == "23/11/2026 10:30"  # 09:30 UTC
    assert "Anne MARTIN" in rows[0][AuditTableModel.WHO]
    assert tab.view.table.isColumnHidden(AuditTableModel.PATIENT)
    tab.clear()
    assert model.rowCount() == 0


def test_the_practice_log_filters_by_patient_name_action_and_day(qtbot, db, clock, runner):
    seed(db, clock)
    dialog = AuditLogDialog(runner)
    qtbot.addWidget(dialog)
    model = dialog.view.model
    qtbot.waitUntil(lambda: model.rowCount() == 6, timeout=5000)
    bar = dialog.view.filters
    loaded(qtbot, model, lambda: bar.action_combo.setCurrentIndex(
        bar.action_combo.findData("read")))
    assert model.rowCount() == 4
    assert bar.patient_edit is not None
    bar.patient_edit.setText("bernard")
    loaded(qtbot, model, bar.patient_edit.returnPressed.emit)
    assert model.rowCount() == 1
    assert model.index(0, AuditTableModel.PATIENT).data().startswith("BERNARD ")
    loaded(qtbot, model, lambda: bar.since_edit.setDate(QDate(2026, 11, 24)))
    assert model.rowCount() == 0
    assert "No line" in dialog.view.status.text()
    dialog.close()


def test_export_happens_only_when_asked_goes_where_the_user_chose_and_is_audited(
        qtbot, db, clock, runner, monkeypatch, tmp_path: Path):
    first, _second = seed(db, clock)
    tab = PatientAuditTab(runner)
    qtbot.addWidget(tab)
    loaded(qtbot, tab.view.model,
           lambda: tab.show_patient(SimpleNamespace(id=first), clock.today()))
    assert not list(tmp_path.glob("*.csv"))
    monkeypatch.setattr(viewer, "ask_export_path", lambda _parent, _name: None)
    tab.view.export()  # cancelled: nothing written, nothing audited
    assert db.query("SELECT count(*) FROM audit_log WHERE action = 'export'") == [(0,)]
    target = tmp_path / "acces.csv"
    monkeypatch.setattr(viewer, "ask_export_path", lambda _parent, _name: target)
    loaded(qtbot, tab.view.model, tab.view.export_button.click)
    rows = list(csv.reader(target.open(encoding="utf-8-sig"), delimiter=";"))
    assert len(rows) == 1 + 4
    assert db.query("SELECT resource_id FROM audit_log WHERE action = 'export'") == [(first,)]
    # The export is shown at once, on top of the patient's history.
    assert tab.view.model.index(0, AuditTableModel.WHAT).data() == "Exported"


def test_an_export_to_a_folder_that_is_gone_says_what_to_do(qtbot, db, clock, runner,
                                                           monkeypatch, tmp_path: Path,
                                                           caplog):
    first, _second = seed(db, clock)
    tab = PatientAuditTab(runner)
    qtbot.addWidget(tab)
    loaded(qtbot, tab.view.model,
           lambda: tab.show_patient(SimpleNamespace(id=first), clock.today()))
    monkeypatch.setattr(viewer, "ask_export_path",
                        lambda _parent, _name: tmp_path / "gone" / "x.csv")
    tab.view.export()
    qtbot.waitUntil(lambda: "another folder" in tab.view.status.text(), timeout=5000)
    assert tab.view.export_button.isEnabled()


def test_every_synced_record_type_is_named_in_words_in_the_audit_viewer(french):
    """A practitioner reading "who opened what" sees "Rendez-vous", never "Appointment":
    every type a feature syncs has its label (the viewer would show the raw code)."""
    from tsn_desktop.audit.ui import texts
    from tsn_desktop.features import sync_adapters

    for adapter in sync_adapters():
        label = texts.record_label(adapter.resource_type)
        assert label and label != adapter.resource_type, adapter.resource_type
