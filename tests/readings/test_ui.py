"""The Readings page and tab with real widgets (pytest-qt, offscreen) over a real SQLCipher
profile through the DB runner; the file dialog is replaced, never left open."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace  # the tab reads the patient's id only

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.patients.factories import make_patient
from tsn_desktop.core.settings import Settings
from tsn_desktop.feature import FeatureContext
from tsn_desktop.features import FEATURES
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service
from tsn_desktop.readings.model import WEIGHT, Reading
from tsn_desktop.readings.ui.chart import ParisDateAxis, ReadingsChart
from tsn_desktop.readings.ui.page import ReadingsPage, ReadingsTab

pytestmark = pytest.mark.gui
FIXTURES = Path(__file__).parent / "fixtures"


# Widgets a test opened, held until the DB worker has let go of their callbacks: a
# Python-owned widget whose last reference dies on the DB thread is deleted there (a
# crash in Qt). The DB runner's futures hold the widgets' callbacks until the next job.
OPENED: list[object] = []


@pytest.fixture
def context(runner, clock, tmp_path, profile) -> Iterator[FeatureContext]:
    yield FeatureContext(runner, clock, Settings(tmp_path / "settings.ini"),
                         profile.practitioner, FEATURES)
    settle(runner)


def settle(runner) -> None:
    """Lets every queued DB job finish and be released, delivers their results, then
    drops the widgets on the GUI thread."""
    for _ in range(2):
        runner.executor.call(lambda db: None)
        QApplication.processEvents()
    for widget in OPENED:
        widget.close()  # type: ignore[attr-defined]
    OPENED.clear()
    QApplication.processEvents()


@pytest.fixture
def patient_id(db) -> str:
    return patients.save(db, make_patient(birth_name="Lefèvre", ins="",
                                          birth_date=date(1948, 2, 3))).patient.id


def gaining_weight_csv(folder: Path) -> Path:
    """Withings weight.csv, newest first: 2.6 kg gained between the 17th and the 20th."""
    path = folder / "weight.csv"
    rows = [("2026-11-20 07:40:12", "79.00"), ("2026-11-19 07:35:02", "78.10"),
            ("2026-11-18 07:31:44", "76.90"), ("2026-11-17 07:30:00", "76.40")]
    path.write_text('Date,"Weight (kg)","Fat mass (kg)","Bone mass (kg)","Muscle mass (kg)",'
                    '"Hydration (kg)",Comments\n'
                    + "".join(f'"{d}",{w},,,,,\n' for d, w in rows), "utf-8")
    return path


def open_page(qtbot, context) -> ReadingsPage:
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_a_practitioner_finds_the_patient_imports_a_file_and_sees_the_weight_alert(
        qtbot, english, context, patient_id, tmp_path, monkeypatch):
    page = open_page(qtbot, context)
    with qtbot.waitSignal(page.patients_found, timeout=5000):
        page.search.setText("lefev")  # accents and case forgiven, as in the register
    assert page.matches.count() == 1
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.matches.setCurrentRow(0)
    assert page.import_button.isEnabled()

    csv_file = gaining_weight_csv(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv_file), ""))
    with qtbot.waitSignal(page.view.shown, timeout=5000), \
            qtbot.waitSignal(page.import_finished, timeout=5000):
        page.import_button.click()
    assert "4 readings added" in page.status.text()
    assert page.view.model.rowCount() == 4
    assert page.view.model.index(0, 2).data() == "79 kg"  # newest first
    assert "weight" in page.view.chart.plots
    alerts = [page.view.alerts.item(i).text() for i in range(page.view.alerts.count())]
    assert len(alerts) == 1 and "2.6 kg in 3 days" in alerts[0]

    # The same file again adds nothing and says so.
    with qtbot.waitSignal(page.import_finished, timeout=5000):
        page.import_file(csv_file)
    assert "0 readings added, 4 already there" in page.status.text()


def test_rejected_lines_are_listed_with_their_reason(qtbot, english, context, patient_id):
    page = open_page(qtbot, context)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(patient_id, "LEFÈVRE")
    with qtbot.waitSignal(page.import_finished, timeout=5000):
        page.import_file(FIXTURES / "omron_a.csv")
    text = page.status.text()
    assert "2 readings added" in text and "2 lines rejected" in text
    assert "Line 4 of omron_a.csv: the date cannot be read" in text
    assert "Line 5 of omron_a.csv: a value is missing" in text


def test_a_file_of_another_format_is_refused_with_what_to_do(qtbot, context, patient_id,
                                                             tmp_path):
    other = tmp_path / "agenda.csv"
    other.write_text("name,city\nA,B\n", "utf-8")
    page = open_page(qtbot, context)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(patient_id)
    with qtbot.waitSignal(page.import_finished, timeout=5000):
        page.import_file(other)
    assert "could not be imported" in page.status.text()
    assert "Withings, Omron" in page.status.text()
    assert page.import_button.isEnabled()


def test_a_cancelled_import_stores_nothing(qtbot, context, patient_id, db, tmp_path):
    big = tmp_path / "bp.csv"
    start = datetime(2020, 1, 1, 8)
    with big.open("w", encoding="utf-8") as out:
        out.write('Date,"Heart rate",Systolic,Diastolic,Comments\n')
        for i in range(50_000):
            out.write(f'"{start + timedelta(hours=i):%Y-%m-%d %H:%M:%S}",70,125,80,\n')
    page = open_page(qtbot, context)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(patient_id)
    with qtbot.waitSignal(page.import_finished, timeout=20000):
        page.import_file(big)
        page.cancel_button.click()
    assert page.status.text() == "Import cancelled: nothing was stored."
    assert service.readings_of(db, patient_id) == []


def test_the_patient_file_tab_shows_the_chart_and_forgets_it_on_clear(qtbot, context, db,
                                                                     patient_id):
    read_at = datetime(2026, 11, 20, 7, tzinfo=UTC)
    service.store_import(db, patient_id, [Reading(WEIGHT, read_at, 80.0)])
    tab = ReadingsTab(context)
    qtbot.addWidget(tab)
    OPENED.append(tab)
    assert tab.title() == "&Readings"
    with qtbot.waitSignal(tab.view.shown, timeout=5000):
        tab.show_patient(SimpleNamespace(id=patient_id), date(2026, 11, 23))
    assert list(tab.view.chart.plots) == ["weight"]
    with qtbot.waitSignal(tab.view.shown, timeout=5000):
        tab.clear()
    assert tab.view.chart.plots == {} and tab.view.model.rowCount() == 0


def test_date_ticks_are_paris_wall_time_across_the_summer_time_change() -> None:
    axis = ParisDateAxis(orientation="bottom")
    winter = datetime(2026, 3, 28, 23, tzinfo=UTC).timestamp()   # 29/03 00:00 CET
    summer = datetime(2026, 3, 29, 22, tzinfo=UTC).timestamp()   # 30/03 00:00 CEST
    assert axis.tickStrings([winter, summer], 1.0, 86400.0) == ["29/03", "30/03"]
    assert axis.tickStrings([summer + 9 * 3600], 1.0, 3600.0) == ["30/03 09:00"]


def test_the_chart_renders_offscreen_and_pans_over_a_million_points(qtbot) -> None:
    """pyqtgraph 0.14.0 with PySide6 6.11.3, offscreen: renders, pans, and does not drain
    None's refcount (the 6.12.0 defect, devices.md §5.4)."""
    chart = ReadingsChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 500)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    minutes = 1_000_000
    readings = [Reading("heart_rate", start + timedelta(minutes=i), 60.0 + (i % 40))
                for i in range(0, minutes, 50)]
    chart.show_readings(readings)
    plot = chart.plots["heart_rate"]
    x, y = np.arange(minutes, dtype=np.float64) * 60 + start.timestamp(), \
        60 + np.arange(minutes) % 40.0
    chart.curves["heart_rate"][0].setData(x, y)  # a million points behind the same curve
    chart.show()
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    before = sys.getrefcount(None)
    for _ in range(30):
        low, high = plot.viewRange()[0]
        plot.setXRange(low + (high - low) * 0.01, high + (high - low) * 0.01, padding=0)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        chart.render(image)
    # 6.12.0 lost one reference per void call: thousands over 30 frames.
    assert sys.getrefcount(None) >= before - 100
    shown_x, _ = chart.curves["heart_rate"][0].getData()
    assert 0 < len(shown_x) < 100_000  # downsampled and clipped, not a million drawn
    blank = QImage(chart.size(), QImage.Format.Format_ARGB32)
    blank.fill(0)
    assert image != blank


def test_the_chart_pans_and_zooms_from_the_keyboard(qtbot) -> None:
    chart = ReadingsChart()
    qtbot.addWidget(chart)
    start = datetime(2026, 8, 1, 6, tzinfo=UTC)
    chart.show_readings([Reading(WEIGHT, start + timedelta(days=d), 80.0 + d % 3)
                         for d in range(60)] +
                        [Reading("steps", start + timedelta(days=d), 5000.0) for d in range(60)])
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()  # pyqtgraph sets the automatic range when it lays out
    weight, steps = chart.plots["weight"], chart.plots["steps"]
    low, high = weight.viewRange()[0]
    assert high - low > 59 * 86400  # the whole two months
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    moved = weight.viewRange()[0]
    assert moved[0] > low and moved[1] - moved[0] == pytest.approx(high - low)
    assert steps.viewRange()[0] == pytest.approx(moved)  # the time axes are linked
    qtbot.keyClick(chart, Qt.Key.Key_Plus)
    zoomed = weight.viewRange()[0]
    assert zoomed[1] - zoomed[0] == pytest.approx((high - low) * 0.8)
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert weight.viewRange()[0][1] - weight.viewRange()[0][0] > 59 * 86400


# --- the patient file's chart reads a window at a time ------------------------------------
HALF_HOUR = 1800.0


def heart_rate_history(db, patient_id: str, days: int) -> list[float]:
    """A rate every half hour for `days` days up to the clock's day (stored as an import
    would, without alerts): returns the epoch seconds of each."""
    end = datetime(2026, 11, 23, 0, tzinfo=UTC)
    times = [end - timedelta(seconds=HALF_HOUR * i) for i in range(days * 48, 0, -1)]
    with db.unit_of_work() as uow:
        for i, at in enumerate(times):
            from tsn_desktop.readings import store
            store.insert(uow, Reading("heart_rate", at, 60.0 + i % 30, patient_id=patient_id,
                                      source="withings:activity"))
    return [t.timestamp() for t in times]


def open_tab(qtbot, context, patient_id: str) -> ReadingsTab:
    tab = ReadingsTab(context)
    qtbot.addWidget(tab)
    OPENED.append(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitSignal(tab.view.shown, timeout=10000):
        tab.show_patient(SimpleNamespace(id=patient_id), date(2026, 11, 23))
    return tab


def curve_data(tab: ReadingsTab, kind: str) -> tuple[np.ndarray, np.ndarray]:
    curve = tab.view.chart.curves[kind][0]
    return np.asarray(curve.xData), np.asarray(curve.yData)


def test_the_patient_chart_reads_only_the_window_in_view_bucketed_by_pixel(
        qtbot, context, db, patient_id):
    times = heart_rate_history(db, patient_id, 400)
    spike = datetime(2026, 11, 10, 12, 10, tzinfo=UTC)  # one rate high, between two others
    service.store_import(db, patient_id, [
        Reading("heart_rate", spike, 141.0),
        Reading("blood_pressure", datetime(2026, 11, 20, 7, tzinfo=UTC), 186.0, 112.0)])
    tab = open_tab(qtbot, context, patient_id)
    chart = tab.view.chart
    low, high = chart.visible()  # type: ignore[misc]
    # Opened on the last three months, not the 400 days.
    assert high - low == pytest.approx(90 * 86400, rel=0.02)
    x, y = curve_data(tab, "heart_rate")
    assert len(x) < len(times) / 2  # far fewer points than readings stored
    assert x[0] >= low - (high - low) * 1.01 and x[-1] <= high + (high - low) * 1.01
    assert y.max() == 141.0  # a peak inside a pixel is kept (min/max per bucket)
    # The patient's thresholds and the urgent alert are drawn on the blood pressure plot.
    assert ("blood_pressure", 135.0) in chart.thresholds
    assert ("blood_pressure", 85.0) in chart.thresholds
    assert any(kind == "blood_pressure" and state == "open" for kind, _, state in chart.marks)


def test_panning_far_back_reads_that_window_off_the_gui_thread(qtbot, context, db, patient_id):
    times = heart_rate_history(db, patient_id, 400)
    tab = open_tab(qtbot, context, patient_id)
    chart = tab.view.chart
    plot = chart.plots["heart_rate"]
    year_ago = times[0] + 5 * 86400
    asked: list[tuple[float, float, int]] = []
    chart.window_wanted.connect(lambda *a: asked.append(a))
    plot.setXRange(year_ago, year_ago + 30 * 86400, padding=0)  # as a mouse drag would
    qtbot.waitUntil(lambda: chart.fetched is not None and chart.fetched[0] <= year_ago,
                    timeout=10000)
    assert len(asked) == 1  # one read for one move
    x, _ = curve_data(tab, "heart_rate")
    assert x[0] <= year_ago + 3600 and x[-1] >= year_ago + 30 * 86400 - 3600
    assert chart.fetched is not None and chart.fetched[0] <= year_ago
    # Alerts and thresholds are still drawn after the new window.
    assert ("heart_rate", 50.0) in chart.thresholds and ("heart_rate", 100.0) in chart.thresholds


def test_zooming_in_on_a_day_shows_each_reading_at_its_time(qtbot, context, db, patient_id):
    times = heart_rate_history(db, patient_id, 400)
    tab = open_tab(qtbot, context, patient_id)
    plot = tab.view.chart.plots["heart_rate"]
    day = datetime(2026, 11, 1, tzinfo=UTC).timestamp()
    with qtbot.waitSignal(tab.view.chart.window_drawn, timeout=10000):
        plot.setXRange(day, day + 86400, padding=0)
    x, _ = curve_data(tab, "heart_rate")
    in_day = x[(x >= day) & (x < day + 86400)]
    assert list(in_day) == [t for t in times if day <= t < day + 86400]  # 48, exact


def test_the_home_key_shows_every_reading_of_the_patient(qtbot, context, db, patient_id):
    times = heart_rate_history(db, patient_id, 400)
    tab = open_tab(qtbot, context, patient_id)
    chart = tab.view.chart
    with qtbot.waitSignal(chart.window_drawn, timeout=10000):
        qtbot.keyClick(chart, Qt.Key.Key_Home)
    low, high = chart.visible()  # type: ignore[misc]
    assert low <= times[0] and high >= times[-1]
    x, _ = curve_data(tab, "heart_rate")
    assert x[0] == times[0] and x[-1] == times[-1]
    assert len(x) < len(times) / 2


def test_the_table_of_a_patient_with_many_readings_reads_a_page_at_a_time_as_it_scrolls(
        qtbot, english, context, db, clock, patient_id):
    # A watch's heart rate every minute, a blood pressure and a weight at the very same
    # minutes now and then (ties on the time across kinds), more than two pages in all.
    end = clock.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    readings = [Reading("heart_rate", end - timedelta(minutes=i), 60.0 + i % 30,
                        source="apple-health:export.xml") for i in range(1100)]
    readings += [Reading("blood_pressure", end - timedelta(minutes=i), 120.0, 80.0)
                 for i in range(0, 1100, 50)]
    readings += [Reading(WEIGHT, end - timedelta(minutes=i), 75.0) for i in range(0, 1100, 100)]
    assert service.store_import(db, patient_id, readings).added == len(readings)

    page = open_page(qtbot, context)
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.view.show_patient(patient_id)
    model = page.view.model
    assert model.rowCount() == service.TABLE_PAGE  # not every reading at once
    assert model.total == len(readings) and model.canFetchMore()

    # Scrolling to the bottom asks for the next page, until the last.
    table = page.view.table
    assert table is not None
    while model.rowCount() < len(readings):
        before = model.rowCount()
        with qtbot.waitSignal(model.rowsInserted, timeout=5000):
            table.scrollToBottom()
            model.fetchMore()
        assert model.rowCount() > before
    assert not model.canFetchMore()

    # Every reading once, newest first, the same rows a full read gives.
    shown = [model.reading(r) for r in range(model.rowCount())]
    assert sorted((r.kind, r.at) for r in shown) == sorted((r.kind, r.at) for r in readings)
    assert all(a.at >= b.at for a, b in zip(shown, shown[1:], strict=False))
