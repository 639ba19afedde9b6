"""A patient's readings over time: one pyqtgraph plot per kind, time axes linked, dates in
Europe/Paris, threshold lines and alert marks; downsampled and clipped to view so years
of minute-level data stay fluid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tsn_desktop.core.clock import PARIS
from tsn_desktop.readings import alerts
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
    """Plots of the kinds present, stacked, sharing the time axis."""

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def clear(self) -> None:
        self.view.clear()
        self.plots.clear()
        self.curves.clear()
        self.thresholds.clear()
        self.marks.clear()

    def show_readings(self, readings: Sequence[Reading],
                      found: Sequence[alerts.Alert] = (),
                      stored: Sequence[StoredAlert] = (),
                      thresholds: alerts.Thresholds | None = None) -> None:
        """The readings, the patient's threshold lines, the raised alerts (red; grey and
        dashed once acknowledged) and what the rules see but never raised (dotted)."""
        self.show_series({kind: series(readings, kind) for kind in KINDS}, thresholds)
        raised = {(a.code, a.evidence) for a in stored}
        for a in stored:
            colour = "#8c959f" if a.acks else \
                "#cf222e" if a.severity != alerts.CHECK else "#8250df"
            style = Qt.PenStyle.DashLine if a.acks else Qt.PenStyle.SolidLine
            self._mark(a.code, a.at.timestamp(), pg.mkPen(colour, width=2, style=style),
                       _SEEN if a.acks else _OPEN)
        for alert in found:
            if (alert.code, alert.evidence) not in raised:
                self._mark(alert.code, alert.at.timestamp(), pg.mkPen(
                    "#d4a72c", width=1, style=Qt.PenStyle.DotLine), _NOT_RAISED)

    def show_series(self, data: dict[str, tuple[np.ndarray, ...]],
                    thresholds: alerts.Thresholds | None = None) -> None:
        """Plots arrays straight away (x: epoch seconds as float64, then the values):
        the path for long series, read from the store without Reading objects."""
        self.clear()
        lines = threshold_lines(thresholds or alerts.Thresholds())
        first: pg.PlotItem | None = None
        for kind in KINDS:
            arrays = data.get(kind)
            if arrays is None or not len(arrays[0]):
                continue
            plot = self.view.addPlot(row=len(self.plots), col=0,
                                     axisItems={"bottom": ParisDateAxis(orientation="bottom")})
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.setLabel("left", texts.axis_label(kind))
            plot.setMenuEnabled(False)
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            self.plots[kind] = plot
            self.curves[kind] = self._draw(plot, kind, arrays)
            for line in lines.get(kind, ()):
                plot.addItem(pg.InfiniteLine(line, angle=0, pen=pg.mkPen(
                    "#9a6700", width=1, style=Qt.PenStyle.DashLine)))
                self.thresholds.append((kind, line))

    def _mark(self, code: str, at: float, pen: Any, state: str) -> None:
        kind = _ALERT_KIND.get(code, "")
        plot = self.plots.get(kind)
        if plot is not None:
            plot.addItem(pg.InfiniteLine(at, angle=90, pen=pen))
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
            for plot in self.plots.values():
                plot.enableAutoRange()
                plot.autoRange()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @staticmethod
    def _draw(plot: pg.PlotItem, kind: str, data: tuple[np.ndarray, ...]) -> list[Any]:
        x = data[0]
        if kind == STEPS:
            bars = pg.BarGraphItem(x=x + _DAY / 2, height=data[1], width=_DAY * 0.8,
                                   brush="#54aeff", pen=pg.mkPen(None))
            plot.addItem(bars)
            return [bars]
        dense = len(x) >= 2000
        symbol = None if dense else "o"
        # A 1-pixel pen for dense series: wide lines cost Qt several times more to draw
        # (the benchmark's first render over a million points).
        width = 1 if dense else 2
        colours = ["#0969da", "#1a7f37"] if kind == BLOOD_PRESSURE else ["#0969da"]
        curves = []
        for values, colour in zip(data[1:], colours, strict=True):
            # Empty first, data once in the plot: an item given data (with clip-to-view)
            # before it has its view box fails in pyqtgraph 0.14. The plot's own
            # downsampling and clip-to-view settings are applied on addItem.
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=width), symbol=symbol,
                                    symbolSize=5, symbolBrush=colour, symbolPen=None)
            plot.addItem(curve)
            curve.setData(x, values)
            curves.append(curve)
        return curves
