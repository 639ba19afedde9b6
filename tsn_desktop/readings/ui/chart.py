"""A patient's readings over time: one pyqtgraph plot per kind, time axes linked, dates in
Europe/Paris, threshold lines and alert marks; downsampled and clipped to view so years
of minute-level data stay fluid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tsn_desktop.core.clock import PARIS
from tsn_desktop.readings import alerts, service
from tsn_desktop.readings.model import BLOOD_PRESSURE, HEART_RATE, KINDS, STEPS, WEIGHT, Reading
from tsn_desktop.readings.pathways import StoredAlert
from tsn_desktop.readings.ui import texts
from tsn_desktop.ui.formatting import date_text

_ALERT_KIND = alerts.RULE_KIND
_OPEN, _SEEN, _NOT_RAISED = "open", "acknowledged", "not_raised"


def threshold_lines(t: alerts.Thresholds) -> dict[str, tuple[float, ...]]:
    """The patient's thresholds drawn on each plot (dry weight only once set)."""
    lines: dict[str, tuple[float, ...]] = {
        BLOOD_PRESSURE: (t.home_systolic, t.home_diastolic),
        HEART_RATE: (t.heart_rate_low, t.heart_rate_high),
        STEPS: (t.steps_target,)}
    if t.dry_weight_kg is not None:
        lines[WEIGHT] = (t.dry_weight_kg,)
    return lines
_DAY = 86400.0


class ParisDateAxis(pg.DateAxisItem):
    """Tick labels in Europe/Paris (summer time included), whatever the machine's zone:
    pyqtgraph's own labels follow the process's fixed UTC offset."""

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802
                    spacing: float) -> list[str]:
        out = []
        for value in values:
            try:
                moment = datetime.fromtimestamp(value, UTC).astimezone(PARIS)
            except (OverflowError, OSError, ValueError):
                out.append("")
                continue
            if spacing >= _DAY:
                out.append(date_text(moment.date())[:5] if spacing < 300 * _DAY
                           else date_text(moment.date())[3:])
            else:
                out.append(f"{date_text(moment.date())[:5]} {moment:%H:%M}")
        return out


def series(readings: Sequence[Reading], kind: str) -> tuple[np.ndarray, ...]:
    """(x seconds since the epoch as float64, values...) sorted by time: float64 x keeps
    pyqtgraph's clip-to-view search fast."""
    chosen = sorted((r for r in readings if r.kind == kind), key=lambda r: r.at)
    x = np.fromiter((r.at.timestamp() for r in chosen), dtype=np.float64, count=len(chosen))
    y = np.fromiter((r.value for r in chosen), dtype=np.float64, count=len(chosen))
    if kind == BLOOD_PRESSURE:
        y2 = np.fromiter((r.value2 or np.nan for r in chosen), dtype=np.float64,
                         count=len(chosen))
        return x, y, y2
    return x, y


class ReadingsChart(QWidget):
    """Plots of the kinds present, stacked, sharing the time axis. Two ways in: all of a
    patient's readings at once (`show_readings`, the report's short periods), or a time
    window at a time (`show_window`, the patient file): then every pan or zoom that
    leaves what was fetched, or needs a finer resolution, asks for the new window
    (`window_wanted`), read off the GUI thread and bucketed by pixel in SQL."""

    window_wanted = Signal(float, float, int)  # start, end (epoch seconds), buckets
    window_drawn = Signal()  # a window's data is on the plots

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Readings chart"))
        self.setAccessibleDescription(self.tr(
            "Left and right arrows move in time, + and - zoom, Home shows everything"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground("w")
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, list[Any]] = {}
        # What is drawn besides the data: (kind, value) threshold lines and
        # (kind, epoch seconds, state) alert marks, for the report and the tests.
        self.thresholds: list[tuple[str, float]] = []
        self.marks: list[tuple[str, float, str]] = []
        self._limits: alerts.Thresholds | None = None
        self._raised: tuple[StoredAlert, ...] = ()
        self._found: tuple[alerts.Alert, ...] = ()
        self._decor: list[tuple[pg.PlotItem, Any]] = []
        # The window mode: what was fetched (start, end, buckets), each kind's whole span.
        self.fetched: tuple[float, float, int] | None = None
        self.extent: dict[str, tuple[float, float]] = {}
        self._asked: tuple[float, float, int] | None = None  # on its way
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def clear(self) -> None:
        self.view.clear()
        self.plots.clear()
        self.curves.clear()
        self.thresholds.clear()
        self.marks.clear()
        self._decor.clear()
        self._limits, self._raised, self._found = None, (), ()
        self.fetched = None
        self.extent = {}
        self._asked = None

    # --- all the readings at once --------------------------------------------------------
    def show_readings(self, readings: Sequence[Reading],
                      found: Sequence[alerts.Alert] = (),
                      stored: Sequence[StoredAlert] = (),
                      thresholds: alerts.Thresholds | None = None) -> None:
        """The readings, the patient's threshold lines, the raised alerts (red; grey and
        dashed once acknowledged) and what the rules see but never raised (dotted)."""
        self.show_series({kind: series(readings, kind) for kind in KINDS}, thresholds)
        self.set_alerts(stored, found)

    def show_series(self, data: dict[str, tuple[np.ndarray, ...]],
                    thresholds: alerts.Thresholds | None = None) -> None:
        """Plots arrays straight away (x: epoch seconds as float64, then the values)."""
        self.clear()
        self._limits = thresholds
        self._build([k for k in KINDS if k in data and len(data[k][0])])
        for kind, curves in self.curves.items():
            self._fill(kind, curves, data[kind])

    # --- a window at a time ----------------------------------------------------------------
    def show_window(self, window: service.ChartWindow) -> None:
        """The fetched window's arrays on the plots (built again only when the kinds
        change); the first window of a patient also sets the view (window.shown)."""
        kinds = [k for k in KINDS if k in window.extent]
        rebuilt = kinds != list(self.plots) or self.fetched is None
        if rebuilt:
            self.view.clear()
            self.plots.clear()
            self.curves.clear()
            self._decor.clear()
            self._build(kinds)
        self.fetched = (window.start, window.end, window.buckets)
        self._asked = None
        self.extent = dict(window.extent)
        first = next(iter(self.plots.values()), None)
        self._filling = True  # the view is set here: no wish while the data go in
        try:
            if first is not None and window.shown is not None:
                first.setXRange(*window.shown, padding=0)
            elif first is not None and rebuilt:
                low, high = window.start, window.end
                first.setXRange(low + (high - low) / 3, high - (high - low) / 3, padding=0)
            for kind, curves in self.curves.items():
                self._fill(kind, curves, window.data[kind])
        finally:
            self._filling = False
        if rebuilt:  # lines and marks do not move with the data: drawn once per plot
            self._decorate()
        self.window_drawn.emit()
        self._x_changed()  # the view may have moved on while this window was read

    def set_thresholds(self, thresholds: alerts.Thresholds | None) -> None:
        self._limits = thresholds
        self._decorate()

    def set_alerts(self, stored: Sequence[StoredAlert] = (),
                   found: Sequence[alerts.Alert] = ()) -> None:
        self._raised, self._found = tuple(stored), tuple(found)
        self._decorate()

    def pixels(self) -> int:
        """The plots' width on screen (a default before the first layout)."""
        first = next(iter(self.plots.values()), None)
        width = first.vb.width() if first is not None else 0.0
        return int(width) if width >= 100 else max(self.width() - 80, 1000)

    def visible(self) -> tuple[float, float] | None:
        first = next(iter(self.plots.values()), None)
        return tuple(first.viewRange()[0]) if first is not None else None  # type: ignore[return-value]

    def _x_changed(self, *_args: Any) -> None:
        """Asks for a new window when the view leaves the fetched one or is zoomed in
        past its resolution (or out past a quarter of it): one window's margin each
        side, so the next short pans are drawn from memory."""
        shown = self.visible()
        if self.fetched is None or shown is None or self._filling:
            return
        low, high = shown
        span, pixels = high - low, self.pixels()
        if self._fits(self.fetched, low, high, pixels) or \
                (self._asked is not None and self._fits(self._asked, low, high, pixels)):
            return
        # Asked at once: the page reads one window at a time and drops wishes while one
        # is on its way, and the chart looks again once that one is drawn.
        self._asked = (low - span, high + span, 3 * pixels)
        self.window_wanted.emit(*self._asked)

    @staticmethod
    def _fits(window: tuple[float, float, int], low: float, high: float,
              pixels: int) -> bool:
        """Does the window hold [low, high] at about one bucket per pixel?"""
        start, end, buckets = window
        bucket = (end - start) / max(buckets, 1)
        pixel = (high - low) / pixels
        return low >= start and high <= end and pixel / 4 <= bucket <= pixel * 2

    # --- drawing ---------------------------------------------------------------------------
    def _build(self, kinds: Sequence[str]) -> None:
        first: pg.PlotItem | None = None
        for kind in kinds:
            plot = self.view.addPlot(row=len(self.plots), col=0,
                                     axisItems={"bottom": ParisDateAxis(orientation="bottom")})
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.showGrid(x=True, y=True, alpha=0.2)
            # The name above the plot, not along its axis: turned on its side it was
            # longer than a plot is high in the patient file, and ran over the next one.
            plot.setTitle(texts.axis_label(kind), justify="left", size="9pt", color="#57606a")
            plot.setMenuEnabled(False)
            plot.getAxis("left").setWidth(44)  # the same for every plot: times line up
            # The values axis follows what is in view, not the whole fetched window.
            plot.getViewBox().setAutoVisible(y=True)
            if first is None:
                first = plot
                plot.sigXRangeChanged.connect(self._x_changed)
            else:
                plot.setXLink(first)
            self.plots[kind] = plot
            self.curves[kind] = self._curves(plot, kind)
        self._decorate()

    def _decorate(self) -> None:
        """Threshold lines and alert marks, drawn again over the current plots."""
        for plot, item in self._decor:
            plot.removeItem(item)
        self._decor.clear()
        self.thresholds.clear()
        self.marks.clear()
        for kind, values in threshold_lines(self._limits or alerts.Thresholds()).items():
            plot = self.plots.get(kind)
            for line in values if plot is not None else ():
                self._add(plot, pg.InfiniteLine(line, angle=0, pen=pg.mkPen(
                    "#9a6700", width=1, style=Qt.PenStyle.DashLine)))
                self.thresholds.append((kind, line))
        raised = {(a.code, a.evidence) for a in self._raised}
        for a in self._raised:
            if a.withdrawn:
                continue  # another patient's readings made it: not this patient's chart
            colour = "#8c959f" if a.acks else \
                "#cf222e" if a.severity != alerts.CHECK else "#8250df"
            style = Qt.PenStyle.DashLine if a.acks else Qt.PenStyle.SolidLine
            self._mark(a.code, a.at.timestamp(), pg.mkPen(colour, width=2, style=style),
                       _SEEN if a.acks else _OPEN)
        for alert in self._found:
            if (alert.code, alert.evidence) not in raised:
                self._mark(alert.code, alert.at.timestamp(), pg.mkPen(
                    "#d4a72c", width=1, style=Qt.PenStyle.DotLine), _NOT_RAISED)

    def _add(self, plot: pg.PlotItem, item: Any) -> None:
        plot.addItem(item)
        self._decor.append((plot, item))

    def _mark(self, code: str, at: float, pen: Any, state: str) -> None:
        kind = _ALERT_KIND.get(code, "")
        plot = self.plots.get(kind)
        if plot is not None:
            self._add(plot, pg.InfiniteLine(at, angle=90, pen=pen))
            self.marks.append((kind, at, state))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """The mouse pans and zooms (pyqtgraph); the keyboard does too: arrows move a
        tenth of the window in time, +/- zoom around its middle, Home shows everything."""
        first = next(iter(self.plots.values()), None)
        key = event.key()
        if first is None:
            super().keyPressEvent(event)
            return
        low, high = first.viewRange()[0]
        span = high - low
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            shift = span * 0.1 * (1 if key == Qt.Key.Key_Right else -1)
            first.setXRange(low + shift, high + shift, padding=0)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            factor = 0.8 if key != Qt.Key.Key_Minus else 1.25
            middle = (low + high) / 2
            first.setXRange(middle - span * factor / 2, middle + span * factor / 2, padding=0)
        elif key == Qt.Key.Key_Home:
            self.show_everything()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def show_everything(self) -> None:
        """The whole span of the readings (the window mode fetches what that needs)."""
        if self.extent:
            first = next(iter(self.plots.values()))
            low = min(t for t, _ in self.extent.values())
            high = max(t for _, t in self.extent.values())
            first.setXRange(low - 3600.0, high + 3600.0)
            for plot in self.plots.values():
                plot.enableAutoRange(axis=pg.ViewBox.YAxis)
            return
        for plot in self.plots.values():
            plot.enableAutoRange()
            plot.autoRange()

    @staticmethod
    def _curves(plot: pg.PlotItem, kind: str) -> list[Any]:
        if kind == STEPS:
            bars = pg.BarGraphItem(x=[], height=[], width=_DAY * 0.8, brush="#54aeff",
                                   pen=pg.mkPen(None))
            plot.addItem(bars)
            return [bars]
        colours = ["#0969da", "#1a7f37"] if kind == BLOOD_PRESSURE else ["#0969da"]
        curves = []
        for colour in colours:
            # Empty first, data once in the plot: an item given data (with clip-to-view)
            # before it has its view box fails in pyqtgraph 0.14. The plot's own
            # downsampling and clip-to-view settings are applied on addItem.
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbolSize=5,
                                    symbolBrush=colour, symbolPen=None)
            plot.addItem(curve)
            curves.append(curve)
        return curves

    @staticmethod
    def _fill(kind: str, curves: list[Any], data: tuple[np.ndarray, ...]) -> None:
        x = data[0]
        if kind == STEPS:
            curves[0].setOpts(x=x + _DAY / 2, height=data[1])
            return
        dense = len(x) >= 2000
        for curve, values in zip(curves, data[1:], strict=True):
            colour = curve.opts["symbolBrush"]
            # A 1-pixel pen and no symbols for dense series: wide lines cost Qt several
            # times more to draw (the benchmark's first render over a million points).
            curve.setPen(pg.mkPen(colour, width=1 if dense else 2))
            curve.setSymbol(None if dense else "o")
            curve.setData(x, values)
