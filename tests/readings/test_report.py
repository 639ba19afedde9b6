"""The PDF report: the period's statistics (means, home BP protocol result), the charts
rendered to images, the alerts with who saw them; made from the patient's view with real
widgets, read back with pdftotext (poppler), its pages rendered with pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.patients.factories import make_patient
from tests.readings.test_ui import OPENED, context  # noqa: F401 - the fixture
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service
from tsn_desktop.readings.alerts import HEART_FAILURE, PREVENTION
from tsn_desktop.readings.model import BLOOD_PRESSURE, WEIGHT, Reading
from tsn_desktop.readings.report import period_stats
from tsn_desktop.readings.ui.page import ReadingsPage

START = datetime(2026, 11, 1, tzinfo=UTC)


def test_period_statistics_count_only_the_period_and_final_readings() -> None:
    readings = [Reading(WEIGHT, START - timedelta(days=1), 90.0),
                Reading(WEIGHT, START + timedelta(days=1), 80.0),
                Reading(WEIGHT, START + timedelta(days=2), 81.0),
                Reading(WEIGHT, START + timedelta(days=3), 99.0, status="entered-in-error"),
                Reading(BLOOD_PRESSURE, START + timedelta(days=1), 130, 80),
                Reading(BLOOD_PRESSURE, START + timedelta(days=2), 140, 85)]
    stats = period_stats(readings, START, START + timedelta(days=10))
    assert (stats[WEIGHT].count, stats[WEIGHT].mean, stats[WEIGHT].high) == (2, 80.5, 81.0)
    assert (stats[BLOOD_PRESSURE].mean, stats[BLOOD_PRESSURE].mean2) == (135.0, 82.5)


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(out.split())  # lines wrapped by the layout read as one text


@pytest.mark.gui
def test_the_report_holds_statistics_home_series_charts_alerts_and_acknowledgements(
        qtbot, english, context, db, clock, tmp_path, monkeypatch):  # noqa: F811
    pid = patients.save(db, make_patient(birth_name="Lefèvre", given_names="Jeanne", ins="",
                                         birth_date=date(1948, 2, 3))).patient.id
    service.enrol(db, pid, HEART_FAILURE, "Anne MARTIN")
    service.set_threshold(db, pid, "dry_weight_kg", 79.0, "Anne MARTIN")
    morning = clock.now().replace(hour=6, minute=0)
    weights = [Reading(WEIGHT, morning - timedelta(days=3 - i), kg)
               for i, kg in enumerate((80.0, 80.8, 81.7, 82.6))]
    # A complete ESC 2-2-3 series: 2 morning and 2 evening readings over 3 days.
    series = [Reading(BLOOD_PRESSURE, morning - timedelta(days=d, hours=-h, minutes=-2 * i),
                      138, 86) for d in (3, 2, 1) for h in (0, 12) for i in (0, 1)]
    service.store_import(db, pid, weights + series)
    [gain] = [a for a in service.pathways_store.alerts_of(db, pid) if a.code == "weight_gain"]
    service.acknowledge(db, gain.id, "Furosemide increased, call on day 3", "Anne MARTIN")

    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(pid, "LEFÈVRE Jeanne")
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.view.report.written, timeout=20000):
        page.view.report.button.click()
    assert "Report saved" in page.view.report.status.text()

    text = pdf_text(target)
    assert "LEFÈVRE Jeanne" in text and "Heart failure" in text
    assert "Dry weight (kg): 79 (set by Anne MARTIN" in text
    assert "Complete series: 12 readings" in text and "mean 138/86 mmHg" in text
    assert "At or above the threshold of 135/85 mmHg" in text
    assert "Weight up 2.6 kg in 3 days" in text
    assert "Furosemide increased, call on day 3" in text and "not seen yet" in text
    pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                           check=True).stdout
    assert "Pages:" in pages
    # The charts are images in the PDF (one per kind measured).
    listed = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True,
                            text=True, check=True).stdout.strip().splitlines()[2:]
    assert len(listed) >= 2


def test_a_prevention_report_without_home_series_says_so(db, clock) -> None:
    from tsn_desktop.readings.report import write_pdf
    from tsn_desktop.readings.ui.report_view import words

    pid = patients.save(db, make_patient(birth_name="Morel", ins="",
                                         birth_date=date(1960, 1, 1))).patient.id
    service.enrol(db, pid, PREVENTION)
    service.store_import(db, pid, [Reading(BLOOD_PRESSURE, clock.now() - timedelta(days=1),
                                           128, 79)])
    end = clock.now()
    data = service.report_data(db, pid, end - timedelta(days=30), end)
    assert data.home is None  # one reading: no day with both slots of the protocol
    assert data.stats[BLOOD_PRESSURE].count == 1 and data.alerts == []
    from io import BytesIO
    out = BytesIO()
    write_pdf(out, data, {}, words())
    assert out.getvalue().startswith(b"%PDF")
