"""Clinical alert rules over a patient's readings, as pure functions returning codes.

Defaults and their sources (tests/readings/test_alerts.py cites each one):
- weight gain of more than 2 kg in 3 days (ESC Heart Failure Association, patient advice);
- one blood pressure at or above 180 systolic or 110 diastolic: urgent (ESC 2024 / ESH);
- a home series mean at or above 135 systolic or 85 diastolic, on a complete series;
- systolic below 90 mmHg; heart rate outside 50-100 /min (telemonitoring trials);
- an irregular pulse flagged by the device: to be checked, not a diagnosis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tsn_desktop.readings.model import BLOOD_PRESSURE, HEART_RATE, WEIGHT, Reading

PARIS = ZoneInfo("Europe/Paris")

URGENT, ALERT, CHECK = "urgent", "alert", "check"
_ORDER = {URGENT: 0, ALERT: 1, CHECK: 2}

WEIGHT_GAIN = "weight_gain"
BP_SEVERE = "bp_severe"
BP_HOME_MEAN_HIGH = "bp_home_mean_high"
SBP_LOW = "sbp_low"
HEART_RATE_OUT = "heart_rate_out_of_range"
IRREGULAR_PULSE = "irregular_pulse"


@dataclass(frozen=True)
class Thresholds:
    """Defaults; a patient's own thresholds will override them (not built yet)."""

    weight_gain_kg: float = 2.0          # more than this...
    weight_gain_days: int = 3            # ...within this many days
    severe_systolic: float = 180.0       # at or above
    severe_diastolic: float = 110.0
    home_systolic: float = 135.0         # series mean at or above
    home_diastolic: float = 85.0
    home_min_readings: int = 12          # ESC 2024 "2-2-3": at least 12 readings...
    home_min_days: int = 3               # ...over at least 3 days
    home_window_days: int = 7
    low_systolic: float = 90.0           # below
    heart_rate_low: float = 50.0         # below
    heart_rate_high: float = 100.0       # above


DEFAULTS = Thresholds()


@dataclass(frozen=True)
class Alert:
    """A rule that fired: its code, severity, when (the reading that made it fire) and the
    figures the wording needs (kg gained, mean systolic/diastolic, the value...)."""

    code: str
    severity: str
    at: datetime
    figures: tuple[float, ...] = ()


def evaluate(readings: Sequence[Reading], now: datetime,
             thresholds: Thresholds = DEFAULTS) -> list[Alert]:
    """Every alert over the readings (entered-in-error ones are not looked at), urgent
    first, then newest first."""
    final = [r for r in readings if r.status == "final"]
    found = [*weight_gain(final, thresholds), *blood_pressure(final, thresholds),
             *home_mean(final, thresholds), *heart_rate(final, thresholds)]
    return sorted(found, key=lambda a: (_ORDER[a.severity], -a.at.timestamp(), a.code))


def _local_day(reading: Reading) -> date:
    return reading.at.astimezone(PARIS).date()


def daily_weights(readings: Sequence[Reading]) -> dict[date, Reading]:
    """The first weight of each local day (the morning weight the patient is taught to take)."""
    days: dict[date, Reading] = {}
    for r in sorted((r for r in readings if r.kind == WEIGHT), key=lambda r: r.at):
        days.setdefault(_local_day(r), r)
    return days


def weight_gain(readings: Sequence[Reading], t: Thresholds = DEFAULTS) -> list[Alert]:
    """A day's weight more than `weight_gain_kg` above the lowest daily weight of the
    `weight_gain_days` days before it. One alert per episode: the following days that
    stay above do not raise it again."""
    days = daily_weights(readings)
    alerts: list[Alert] = []
    alerting_yesterday = False
    for day in sorted(days):
        earlier = [days[d].value for d in days
                   if day - timedelta(days=t.weight_gain_days) <= d < day]
        # Hundredths of a kg: 2.0 kg must not become 2.0000000001 by float subtraction.
        gain = round(days[day].value - min(earlier), 2) if earlier else 0.0
        alerting = gain > t.weight_gain_kg
        if alerting and not alerting_yesterday:
            alerts.append(Alert(WEIGHT_GAIN, ALERT, days[day].at, (gain,)))
        alerting_yesterday = alerting
    return alerts


def blood_pressure(readings: Sequence[Reading], t: Thresholds = DEFAULTS) -> list[Alert]:
    """Single readings: severe (urgent), low systolic, irregular pulse flag."""
    alerts: list[Alert] = []
    for r in readings:
        if r.kind != BLOOD_PRESSURE or r.value2 is None:
            continue
        if r.value >= t.severe_systolic or r.value2 >= t.severe_diastolic:
            alerts.append(Alert(BP_SEVERE, URGENT, r.at, (r.value, r.value2)))
        elif r.value < t.low_systolic:
            alerts.append(Alert(SBP_LOW, ALERT, r.at, (r.value, r.value2)))
        if r.irregular_pulse:
            alerts.append(Alert(IRREGULAR_PULSE, CHECK, r.at, (r.value, r.value2)))
    return alerts


def home_mean(readings: Sequence[Reading], t: Thresholds = DEFAULTS) -> list[Alert]:
    """The mean of the home series (the last `home_window_days` days of readings before
    the newest) at or above 135/85, only when the series is complete: no conclusion on
    too few readings."""
    series = sorted((r for r in readings if r.kind == BLOOD_PRESSURE and r.value2 is not None),
                    key=lambda r: r.at)
    if not series:
        return []
    last = series[-1]
    window = [r for r in series if r.at > last.at - timedelta(days=t.home_window_days)]
    if len(window) < t.home_min_readings or \
            len({_local_day(r) for r in window}) < t.home_min_days:
        return []
    systolic = round(sum(r.value for r in window) / len(window), 1)
    diastolic = round(sum(r.value2 or 0.0 for r in window) / len(window), 1)
    if systolic >= t.home_systolic or diastolic >= t.home_diastolic:
        return [Alert(BP_HOME_MEAN_HIGH, ALERT, last.at, (systolic, diastolic,
                                                           float(len(window))))]
    return []


def heart_rate(readings: Sequence[Reading], t: Thresholds = DEFAULTS) -> list[Alert]:
    """A heart rate (or the pulse taken with a blood pressure) below 50 or above 100."""
    alerts: list[Alert] = []
    for r in readings:
        rate = r.value if r.kind == HEART_RATE else r.pulse if r.kind == BLOOD_PRESSURE \
            else None
        if rate is not None and not t.heart_rate_low <= rate <= t.heart_rate_high:
            alerts.append(Alert(HEART_RATE_OUT, ALERT, r.at, (rate,)))
    return alerts
