"""Issue 12's "Done when", end to end with real widgets, a real SQLCipher profile for each
practitioner and a REAL hub process: a new user imports a Withings zip and an Omron CSV
for a heart-failure patient, sees the weight gain alert on the chart and in the practice
list, acknowledges it, prints the report, and the nurse following the same patient sees
the acknowledgement after sync."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.sync.conftest import Client, gp_and_nurse_sharing
from tsn_desktop.core.clock import PARIS, SystemClock
from tsn_desktop.core.executor import DbExecutor, DbRunner
from tsn_desktop.core.settings import Settings
from tsn_desktop.feature import FeatureContext
from tsn_desktop.features import FEATURES
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.readings import service
from tsn_desktop.readings.alerts import HEART_FAILURE, WEIGHT_GAIN
from tsn_desktop.readings.fhir import ObservationAdapter
from tsn_desktop.readings.fhir_pathways import DetectedIssueAdapter, EpisodeOfCareAdapter
from tsn_desktop.readings.model import BLOOD_PRESSURE, WEIGHT
from tsn_desktop.readings.ui.page import ReadingsPage
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.client import HubClient
from tsn_desktop.sync.engine import SyncEngine

pytestmark = pytest.mark.gui


def registry() -> AdapterRegistry:
    return AdapterRegistry([PatientAdapter(), ObservationAdapter(), EpisodeOfCareAdapter(),
                            DetectedIssueAdapter()])


def withings_zip(folder: Path, today: date) -> Path:
    """A Withings "download my data" export: weight.csv newest first, +2.6 kg in 3 days
    (the last one yesterday morning), and bp.csv."""
    days = [today - timedelta(days=n) for n in (1, 2, 3, 4)]
    weights = ("79.00", "78.10", "76.90", "76.40")
    weight_csv = ('Date,"Weight (kg)","Fat mass (kg)","Bone mass (kg)","Muscle mass (kg)",'
                  '"Hydration (kg)",Comments\n'
                  + "".join(f'"{d} 07:3{i}:00",{w},,,,,\n'
                            for i, (d, w) in enumerate(zip(days, weights, strict=True))))
    bp_csv = ('Date,"Heart rate",Systolic,Diastolic,Comments\n'
              + "".join(f'"{d} 07:45:00",{64 + i},{118 + i},{72 + i},\n'
                        for i, d in enumerate(days)))
    path = folder / "withings-export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("weight.csv", weight_csv)
        archive.writestr("bp.csv", bp_csv)
    return path


def omron_csv(folder: Path, today: date) -> Path:
    path = folder / "omron.csv"
    rows = [(today - timedelta(days=n)).strftime("%Y/%m/%d") + f" 20:1{n},12{n},7{n},6{n}\n"
            for n in (1, 2, 3)]
    path.write_text("Measurement Date,SYS(mmHg),DIA(mmHg),Pulse(bpm)\n" + "".join(rows),
                    "utf-8")
    return path


def test_import_see_the_alert_acknowledge_print_and_the_nurse_sees_the_ack(
        qtbot, english, make_client, tmp_path, monkeypatch):
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    service.enrol(gp.db, shared.id, HEART_FAILURE, "Marie DURAND")  # the demo HF patient
    today = datetime.now(PARIS).date()

    # The GP's desktop: every DB call through its one DB thread, as in the app.
    executor = DbExecutor(gp.db)
    runner = DbRunner(executor)
    context = FeatureContext(runner, SystemClock(), Settings(tmp_path / "settings.ini"),
                             gp.profile.practitioner, FEATURES)
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    try:
        with qtbot.waitSignal(page.view.shown, timeout=5000):
            page.select_patient(shared.id, "MARTIN Lucie Anne")
        for path in (withings_zip(tmp_path, today), omron_csv(tmp_path, today)):
            monkeypatch.setattr(QFileDialog, "getOpenFileName",
                                lambda *a, p=path, **k: (str(p), ""))
            with qtbot.waitSignal(page.import_finished, timeout=10000), \
                    qtbot.waitSignal(page.view.shown, timeout=10000):
                page.import_button.click()
            assert "added" in page.status.text()
        kinds = {r.kind for r in page.view.overview.readings}
        assert {WEIGHT, BLOOD_PRESSURE} <= kinds

        # The weight gain alert: on the chart and in the practice list.
        assert (WEIGHT, "open") in {(k, s) for k, _at, s in page.view.chart.marks}
        panel = page.practice
        qtbot.waitUntil(lambda: any(panel.model.alert(r).alert.code == WEIGHT_GAIN
                                    for r in range(panel.model.rowCount())), timeout=5000)
        row = next(r for r in range(panel.model.rowCount())
                   if panel.model.alert(r).alert.code == WEIGHT_GAIN)
        assert "2.6 kg in 3 days" in panel.model.index(row, 3).data()

        # Acknowledged with a comment.
        panel.table.selectRow(row)
        monkeypatch.setattr(panel, "ask_comment",
                            lambda chosen: "Called her: furosemide up, weight again in 2 days")
        with qtbot.waitSignal(panel.shown, timeout=5000), \
                qtbot.waitSignal(page.view.shown, timeout=5000):
            panel.ack_button.click()
        assert (WEIGHT, "acknowledged") in {(k, s) for k, _at, s in page.view.chart.marks}

        # The report.
        pdf = tmp_path / "releve.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
        with qtbot.waitSignal(page.view.report.written, timeout=20000):
            page.view.report.button.click()
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000

        # The GP's sync runs through the same DB thread.
        engine = SyncEngine(HubClient(gp.hub_url, gp.token), registry(), executor.call,
                            SystemClock())
        executor.call(lambda db: None)
        engine.run_pass()
    finally:
        for _ in range(2):
            executor.call(lambda db: None)
            QApplication.processEvents()
        page.close()
        del page
        QApplication.processEvents()
        executor.shutdown()
        runner.deleteLater()

    sync_nurse(nurse)
    [seen] = [p.alert for p in service.practice_alerts(nurse.db, include_acknowledged=True)
              if p.alert.code == WEIGHT_GAIN]
    assert [(k.by_id, k.comment) for k in seen.acks] == \
        [(gp.rpps, "Called her: furosemide up, weight again in 2 days")]
    assert seen.id not in {p.alert.id for p in service.practice_alerts(nurse.db)}
    assert service.pathway_of(nurse.db, shared.id).enrolment.pathway == HEART_FAILURE


def sync_nurse(nurse: Client) -> None:
    engine = nurse.engine()
    engine.registry = registry()
    engine.run_pass()
