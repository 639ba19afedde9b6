"""Clinical alert rules over a patient's readings, as pure functions returning codes.

The rules, their default thresholds, the pathways they apply to and their cited sources
are data: the versioned, checksummed pack `readings/pack/alert-rules.json` (rules.py
loads it). tests/readings/test_alerts.py checks each rule on its edge values.

Every alert names its evidence (the readings, or the day, that made it fire), so the
same readings never raise the same alert twice: the stored alert's id derives from it.
A rule that stays true over following days raises one alert per episode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tsn_desktop.readings import rules
from tsn_desktop.readings.model import BLOOD_PRESSURE, HEART_RATE, STEPS, WEIGHT, Reading, utc_text

PARIS = ZoneInfo("Europe/Paris")

URGENT, ALERT, CHECK = "urgent", "alert", "check"
_ORDER = {URGENT: 0, ALERT: 1, CHECK: 2}

WEIGHT_GAIN = "weight_gain"
DRY_WEIGHT_GAIN = "dry_weight_gain"
NO_WEIGHT = "no_weight"
BP_SEVERE = "bp_severe"
BP_HOME_MEAN_HIGH = "bp_home_mean_high"
SBP_LOW = "sbp_low"
HEART_RATE_OUT = "heart_rate_out_of_range"
IRREGULAR_PULSE = "irregular_pulse"
STEPS_LOW = "steps_below_target"

# Pathways (a patient is enrolled in one, or in none).
HEART_FAILURE, PREVENTION, NO_PATHWAY = "heart_failure", "prevention", "none"
PATHWAYS = (HEART_FAILURE, PREVENTION)

# Home blood pressure protocols (a setting): French "règle des 3", ESC 2024 "2-2-3".
RULE_OF_3, ESC_2_2_3 = "rule-of-3", "esc-2-2-3"
PROTOCOLS = (RULE_OF_3, ESC_2_2_3)

# Which readings each rule looks at (the chart draws the alert on that plot).
RULE_KIND = {WEIGHT_GAIN: WEIGHT, DRY_WEIGHT_GAIN: WEIGHT, NO_WEIGHT: WEIGHT,
             BP_SEVERE: BLOOD_PRESSURE, BP_HOME_MEAN_HIGH: BLOOD_PRESSURE,
             SBP_LOW: BLOOD_PRESSURE, IRREGULAR_PULSE: BLOOD_PRESSURE,
             HEART_RATE_OUT: HEART_RATE, STEPS_LOW: STEPS}


@dataclass(frozen=True)
class Thresholds:
    """What the rules compare with: the pack's defaults (`from_pack`), then the patient's
    own (`with_overrides`). The field names are the pack's threshold names."""

    weight_gain_kg: float = 2.0          # more than this...
    weight_gain_days: int = 3            # ...within this many days
    dry_weight_kg: float | None = None   # the patient's dry weight (none: rule off)
    dry_weight_gain_kg: float = 2.0      # more than this above the dry weight
    no_weight_days: int = 2              # whole days without a weight (heart failure)
    severe_systolic: float = 180.0       # at or above
    severe_diastolic: float = 110.0
    home_systolic: float = 135.0         # series mean at or above
    home_diastolic: float = 85.0
    low_systolic: float = 90.0           # below
    heart_rate_low: float = 50.0         # below
    heart_rate_high: float = 100.0       # above
    steps_target: float = 7000.0         # 7-day mean below
    steps_window_days: int = 7
    steps_min_days: int = 5              # days with steps needed in the window
    protocol: str = ESC_2_2_3            # home BP averaging protocol

    @classmethod
    def from_pack(cls, pack: rules.RulePack | None = None,
                  protocol: str = ESC_2_2_3) -> Thresholds:
        pack = pack or rules.load()
        known = {f.name for f in fields(cls)}
        values = {name: t.default for name, t in pack.thresholds.items() if name in known}
        return cls(protocol=protocol).with_overrides(values)

    def with_overrides(self, overrides: dict[str, float | None]) -> Thresholds:
        known = {f.name: f for f in fields(self)}
        clean: dict[str, Any] = {}
        for name, value in overrides.items():
            if name not in known or name == "protocol":
                continue
            clean[name] = int(value) if value is not None and \
                known[name].type in ("int", int) else value
        return replace(self, **clean)


DEFAULTS = Thresholds()


@dataclass(frozen=True)
class Alert:
    """A rule that fired: its code, severity, when (the reading that made it fire), the
    figures the wording needs (kg gained, mean systolic/diastolic, the value...) and its
    evidence: what identifies this alert among all the ones the rule could raise."""

    code: str
    severity: str
    at: datetime
    figures: tuple[float, ...] = ()
    evidence: str = ""
    # The last moment the condition still held (an episode lasting days); None: `at`.
    last: datetime | None = field(default=None, compare=False)

    @property
    def until(self) -> datetime:
        return self.last or self.at


def _extend(alerts: list[Alert], at: datetime) -> None:
    """The episode of the last alert goes on at `at`."""
    alerts[-1] = replace(alerts[-1], last=at)


def _evidence(*readings: Reading) -> str:
    return ",".join(f"{r.kind}@{utc_text(r.at)}" for r in readings)


def evaluate(readings: Sequence[Reading], now: datetime,
             thresholds: Thresholds = DEFAULTS, pathway: str | None = None,
             pack: rules.RulePack | None = None) -> list[Alert]:
    """Every alert the pathway's rules raise over the readings (entered-in-error ones are
    not looked at), urgent first, then newest first. No pathway: the rules of the pack's
    "none" group (a patient followed without a pathway)."""
    pack = pack or rules.load()
    enabled = pack.rules_for(pathway or NO_PATHWAY)
    final = [r for r in readings if r.status == "final"]
    found: list[Alert] = []
    for code, rule in _RULES.items():
        if code in enabled:
            found.extend(rule(final, thresholds, now))
    severity = {r.code: r.severity for r in pack.rules}
    found = [replace(a, severity=severity.get(a.code, a.severity)) for a in found]
    return sorted(found, key=lambda a: (_ORDER[a.severity], -a.at.timestamp(), a.code))


def _local_day(reading: Reading) -> date:
    return reading.at.astimezone(PARIS).date()


def daily_weights(readings: Sequence[Reading]) -> dict[date, Reading]:
    """The first weight of each local day (the morning weight the patient is taught to take)."""
    days: dict[date, Reading] = {}
    for r in sorted((r for r in readings if r.kind == WEIGHT), key=lambda r: r.at):
        days.setdefault(_local_day(r), r)
    return days


def weight_gain(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
                now: datetime | None = None) -> list[Alert]:
    """A day's weight more than `weight_gain_kg` above the lowest daily weight of the
    `weight_gain_days` days before it. One alert per episode: the following days that
    stay above do not raise it again."""
    days = daily_weights(readings)
    alerts: list[Alert] = []
    alerting_yesterday = False
    back = [timedelta(days=k) for k in range(1, int(t.weight_gain_days) + 1)]
    for day in sorted(days):
        earlier = [days[day - k].value for k in back if day - k in days]
        # Hundredths of a kg: 2.0 kg must not become 2.0000000001 by float subtraction.
        gain = round(days[day].value - min(earlier), 2) if earlier else 0.0
        alerting = gain > t.weight_gain_kg
        if alerting and not alerting_yesterday:
            alerts.append(Alert(WEIGHT_GAIN, ALERT, days[day].at, (gain,),
                                _evidence(days[day])))
        elif alerting:
            _extend(alerts, days[day].at)
        alerting_yesterday = alerting
    return alerts


def dry_weight_gain(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
                    now: datetime | None = None) -> list[Alert]:
    """A morning weight more than `dry_weight_gain_kg` above the patient's dry weight,
    once per episode; nothing while no dry weight is set."""
    if t.dry_weight_kg is None:
        return []
    alerts: list[Alert] = []
    above_before = False
    days = daily_weights(readings)
    for day in sorted(days):
        gain = round(days[day].value - t.dry_weight_kg, 2)
        above = gain > t.dry_weight_gain_kg
        if above and not above_before:
            alerts.append(Alert(DRY_WEIGHT_GAIN, ALERT, days[day].at,
                                (gain, t.dry_weight_kg), _evidence(days[day])))
        elif above:
            _extend(alerts, days[day].at)
        above_before = above
    return alerts


def no_weight(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
              now: datetime | None = None) -> list[Alert]:
    """No weight sent for `no_weight_days` whole local days before today (heart failure):
    the last weight on Monday and today Thursday (Tuesday and Wednesday missing) raises
    it; today Wednesday does not. Its evidence is the last weight: one alert per gap."""
    days = daily_weights(readings)
    if not days or now is None:
        return []
    last_day = max(days)
    today = now.astimezone(PARIS).date()
    missing = (today - last_day).days - 1
    if missing < t.no_weight_days:
        return []
    last = days[last_day]
    return [Alert(NO_WEIGHT, CHECK, last.at, (float(missing),), _evidence(last))]


def _bp(readings: Sequence[Reading]) -> list[Reading]:
    return [r for r in readings if r.kind == BLOOD_PRESSURE and r.value2 is not None]


def blood_pressure(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
                   now: datetime | None = None) -> list[Alert]:
    """Single readings: severe (urgent), low systolic."""
    alerts: list[Alert] = []
    for r in _bp(readings):
        assert r.value2 is not None
        if r.value >= t.severe_systolic or r.value2 >= t.severe_diastolic:
            alerts.append(Alert(BP_SEVERE, URGENT, r.at, (r.value, r.value2), _evidence(r)))
        elif r.value < t.low_systolic:
            alerts.append(Alert(SBP_LOW, ALERT, r.at, (r.value, r.value2), _evidence(r)))
    return alerts


def irregular_pulse(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
                    now: datetime | None = None) -> list[Alert]:
    """The device's irregular-pulse flag: a thing to check, never a diagnosis."""
    return [Alert(IRREGULAR_PULSE, CHECK, r.at, (r.value, r.value2 or 0.0), _evidence(r))
            for r in _bp(readings) if r.irregular_pulse]


@dataclass(frozen=True)
class HomeSeries:
    """A home blood pressure series by the protocol: the days it covers, the readings
    counted, their means, and whether the series is complete enough to conclude."""

    protocol: str
    first_day: date
    last_day: date
    count: int
    systolic: float
    diastolic: float
    complete: bool


def _slots(readings: Sequence[Reading]) -> dict[date, tuple[list[Reading], list[Reading]]]:
    """Morning (before noon, local time) and evening readings of each day, oldest first."""
    out: dict[date, tuple[list[Reading], list[Reading]]] = {}
    for r in sorted(readings, key=lambda r: r.at):
        local = r.at.astimezone(PARIS)
        morning, evening = out.setdefault(local.date(), ([], []))
        (morning if local.hour < 12 else evening).append(r)
    return out


def home_series(readings: Sequence[Reading], last_day: date,
                protocol: str = ESC_2_2_3,
                pack: rules.RulePack | None = None,
                slots: dict[date, tuple[list[Reading], list[Reading]]] | None = None,
                ) -> HomeSeries | None:
    """The series ending on `last_day` by the protocol: the days of its window with at
    least `per_slot` morning AND `per_slot` evening readings count, each with its first
    `per_slot` of each; it is complete with `days` such days (règle des 3: 3 days
    running, 18 readings; ESC 2-2-3: 3 days within 7, 12 readings at least)."""
    p = (pack or rules.load()).protocols[protocol]
    slots = slots if slots is not None else _slots(_bp(readings))
    counted: list[Reading] = []
    days = 0
    first = last_day
    for back in range(p.window_days):
        day = last_day - timedelta(days=back)
        morning, evening = slots.get(day, ([], []))
        if len(morning) >= p.per_slot and len(evening) >= p.per_slot:
            counted += morning[:p.per_slot] + evening[:p.per_slot]
            days += 1
            first = day
    if not counted:
        return None
    n = len(counted)
    return HomeSeries(protocol, first, last_day, n,
                      round(sum(r.value for r in counted) / n, 1),
                      round(sum(r.value2 or 0.0 for r in counted) / n, 1), days >= p.days)


def home_mean(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
              now: datetime | None = None, pack: rules.RulePack | None = None) -> list[Alert]:
    """The home series mean at or above 135/85, only on a complete series (no conclusion
    on too few readings). Looked at for every day with readings; one alert per episode
    (the days after it, still high, continue it)."""
    series_readings = _bp(readings)
    slots = _slots(series_readings)
    last_of_day = {day: (m + e)[-1] for day, (m, e) in slots.items()}
    alerts: list[Alert] = []
    high_before = False
    for day in sorted(slots):
        series = home_series(series_readings, day, t.protocol, pack, slots)
        if series is None or not series.complete:
            continue  # an incomplete series neither raises nor ends an episode
        high = series.systolic >= t.home_systolic or series.diastolic >= t.home_diastolic
        last = last_of_day[day]
        if high and not high_before:
            alerts.append(Alert(BP_HOME_MEAN_HIGH, ALERT, last.at,
                                (series.systolic, series.diastolic, float(series.count)),
                                f"{t.protocol}@{series.first_day.isoformat()}"))
        elif high:
            _extend(alerts, last.at)
        high_before = high
    return alerts


def heart_rate(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
               now: datetime | None = None) -> list[Alert]:
    """A heart rate (or the pulse taken with a blood pressure) below 50 or above 100."""
    alerts: list[Alert] = []
    for r in readings:
        rate = r.value if r.kind == HEART_RATE else r.pulse if r.kind == BLOOD_PRESSURE \
            else None
        if rate is not None and not t.heart_rate_low <= rate <= t.heart_rate_high:
            alerts.append(Alert(HEART_RATE_OUT, ALERT, r.at, (rate,), _evidence(r)))
    return alerts


def daily_steps(readings: Sequence[Reading]) -> dict[date, Reading]:
    days: dict[date, Reading] = {}
    for r in sorted((r for r in readings if r.kind == STEPS), key=lambda r: r.at):
        days[_local_day(r)] = r  # a day's total: the last one sent is the fullest
    return days


def steps_below_target(readings: Sequence[Reading], t: Thresholds = DEFAULTS,
                       now: datetime | None = None) -> list[Alert]:
    """The mean of the daily steps over the `steps_window_days` days ending on a day
    below the target, with at least `steps_min_days` days of data; once per episode."""
    days = daily_steps(readings)
    alerts: list[Alert] = []
    low_before = False
    back = [timedelta(days=k) for k in range(int(t.steps_window_days))]
    for day in sorted(days):
        window = [days[day - k].value for k in back if day - k in days]
        if len(window) < t.steps_min_days:
            continue
        mean = round(sum(window) / len(window), 0)
        low = mean < t.steps_target
        if low and not low_before:
            alerts.append(Alert(STEPS_LOW, CHECK, days[day].at, (mean, t.steps_target),
                                f"steps@{day.isoformat()}"))
        elif low:
            _extend(alerts, days[day].at)
        low_before = low
    return alerts


_RULES = {
    BP_SEVERE: lambda r, t, now: [a for a in blood_pressure(r, t) if a.code == BP_SEVERE],
    SBP_LOW: lambda r, t, now: [a for a in blood_pressure(r, t) if a.code == SBP_LOW],
    WEIGHT_GAIN: weight_gain,
    DRY_WEIGHT_GAIN: dry_weight_gain,
    NO_WEIGHT: no_weight,
    BP_HOME_MEAN_HIGH: home_mean,
    HEART_RATE_OUT: heart_rate,
    IRREGULAR_PULSE: irregular_pulse,
    STEPS_LOW: steps_below_target,
}
