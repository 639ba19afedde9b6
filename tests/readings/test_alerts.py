"""Clinical alert rules on their edge values, each with the source it relies on.

Sources (what was read, and what is still to verify against the primary text):
- Weight gain: "tell your doctor or nurse if you notice your weight increase by more than
  2 kilos (3 pounds) in 3 days" — heartfailurematters.org, the patient site of the ESC
  Heart Failure Association, page "Weight gain" (read). The same advice is attributed to
  the HFA self-care recommendations (Jaarsma et al., Eur J Heart Fail 2021;23:157-174,
  doi 10.1002/ejhf.2008) and to the ESC 2021 heart failure guideline's self-care section
  (McDonagh et al., Eur Heart J 2021;42:3599): TO VERIFY, their full texts were not read.
- Home blood pressure: an average home BP of at least 135/85 mmHg is the threshold for
  hypertension — Australian expert consensus on HBPM (Sharman et al., J Hypertens
  2015;33:1721, abstract read) and Hypertension Canada 2017 ("Home SBP values >=135 mmHg
  or DBP values >=85 mmHg should be considered elevated", read). ESH 2021 HBPM position
  paper (Parati et al., J Hypertens 2021;39:1742) and HAS fiche mémo HTA 2016: TO VERIFY
  (only the abstract / secondary summaries were read). Completeness: at least 12 readings
  over at least 3 days, the ESC 2024 "2-2-3" minimum as relayed by the Fondation HTA
  (secondary source, TO VERIFY against ESC 2024 guideline, Eur Heart J 2024;45:3912).
- A single reading >= 180/110 mmHg: urgent evaluation (ESC 2024 summary, secondary
  source, TO VERIFY).
- Systolic < 90 mmHg and heart rate outside 50-100 /min: telemonitoring triggers of the
  BEAT-HF (Trials 2014;15:124, Table 1) and TELBIL (BMC Health Serv Res 2011;11:56,
  Table 1) trials, as reported in devices.md §3.4 (TO VERIFY in the tables).
- Irregular pulse: the device's own flag (BLE 0x2A35 status bit 2), shown as a thing to
  check, never as a diagnosis.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tsn_desktop.readings.alerts import (
    ALERT,
    BP_HOME_MEAN_HIGH,
    BP_SEVERE,
    CHECK,
    HEART_RATE_OUT,
    IRREGULAR_PULSE,
    SBP_LOW,
    URGENT,
    WEIGHT_GAIN,
    Thresholds,
    evaluate,
    weight_gain,
)
from tsn_desktop.readings.model import (
    BLOOD_PRESSURE,
    ENTERED_IN_ERROR,
    FLAG_IRREGULAR_PULSE,
    HEART_RATE,
    WEIGHT,
    Reading,
)

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
DAY0 = datetime(2026, 11, 10, 6, 30, tzinfo=UTC)  # 07:30 in Paris


def weights(*kg: float) -> list[Reading]:
    """One morning weight a day from DAY0."""
    return [Reading(WEIGHT, DAY0 + timedelta(days=i), w) for i, w in enumerate(kg)]


def bp(systolic: float, diastolic: float, at: datetime = DAY0, flags: int = 0,
       pulse: float | None = None) -> Reading:
    return Reading(BLOOD_PRESSURE, at, systolic, diastolic, pulse, flags=flags)


def codes(readings: list[Reading]) -> list[str]:
    return [a.code for a in evaluate(readings, NOW)]


# --- heart failure: weight gain (ESC HFA: more than 2 kg in 3 days) --------------------
def test_exactly_2_kg_in_3_days_is_not_an_alert() -> None:
    assert weight_gain(weights(80.0, 80.5, 81.2, 82.0)) == []


def test_2_1_kg_in_3_days_is_an_alert() -> None:
    found = weight_gain(weights(80.0, 80.5, 81.2, 82.1))
    assert [(a.code, a.severity, a.figures) for a in found] == [(WEIGHT_GAIN, ALERT, (2.1,))]
    assert found[0].at == DAY0 + timedelta(days=3)


def test_a_gain_over_4_days_is_not_a_gain_in_3_days() -> None:
    assert weight_gain(weights(80.0, 81.0, 81.5, 81.8, 82.5)) == []


def test_a_gain_against_the_lowest_of_the_3_days_before_counts() -> None:
    assert [a.figures for a in weight_gain(weights(81.0, 80.0, 80.6, 82.2))] == [(2.2,)]


def test_one_episode_raises_one_alert_while_the_weight_stays_up() -> None:
    assert len(weight_gain(weights(80.0, 80.0, 82.5, 82.6, 82.7))) == 1


def test_only_the_first_weight_of_the_day_counts() -> None:
    evening = Reading(WEIGHT, DAY0 + timedelta(days=2, hours=12), 83.0)  # after dinner
    assert weight_gain([*weights(80.0, 80.3, 80.6), evening]) == []


def test_the_threshold_is_a_setting() -> None:
    assert weight_gain(weights(80.0, 81.1), Thresholds(weight_gain_kg=1.0))  # TELBIL: 1 kg


def test_an_entered_in_error_weight_raises_nothing() -> None:
    wrong = Reading(WEIGHT, DAY0 + timedelta(days=1), 95.0, status=ENTERED_IN_ERROR)
    assert codes([*weights(80.0), wrong]) == []


# --- blood pressure ----------------------------------------------------------------
def test_180_systolic_or_110_diastolic_is_urgent_179_109_is_not() -> None:
    assert [(a.code, a.severity) for a in evaluate([bp(180, 95)], NOW)] == [(BP_SEVERE, URGENT)]
    assert codes([bp(150, 110)]) == [BP_SEVERE]
    assert codes([bp(179, 109)]) == []


def test_systolic_below_90_is_an_alert_90_is_not() -> None:
    assert codes([bp(89, 60)]) == [SBP_LOW]
    assert codes([bp(90, 60)]) == []


def _series(systolic: float, diastolic: float, count: int = 12) -> list[Reading]:
    """2 morning + 2 evening readings a day (ESC 2024 "2-2-3")."""
    out = []
    for i in range(count):
        day, slot = divmod(i, 4)
        at = DAY0 + timedelta(days=day, hours=(0 if slot < 2 else 12), minutes=2 * slot)
        out.append(bp(systolic, diastolic, at))
    return out


def test_home_series_mean_of_135_systolic_is_an_alert() -> None:
    found = [a for a in evaluate(_series(135, 80), NOW) if a.code == BP_HOME_MEAN_HIGH]
    assert [a.figures for a in found] == [(135.0, 80.0, 12.0)]


def test_home_series_mean_of_85_diastolic_is_an_alert_134_84_is_not() -> None:
    assert codes(_series(130, 85)) == [BP_HOME_MEAN_HIGH]
    assert codes(_series(134, 84)) == []


def test_an_incomplete_home_series_concludes_nothing() -> None:
    assert codes(_series(150, 95, count=11)) == []  # fewer than 12 readings
    two_days = [bp(150, 95, DAY0 + timedelta(days=d, minutes=m)) for d in (0, 1)
                for m in range(6)]
    assert codes(two_days) == []  # 12 readings but over 2 days


def test_an_irregular_pulse_flag_is_to_check() -> None:
    found = evaluate([bp(125, 80, flags=FLAG_IRREGULAR_PULSE)], NOW)
    assert [(a.code, a.severity) for a in found] == [(IRREGULAR_PULSE, CHECK)]


# --- heart rate --------------------------------------------------------------------
def test_heart_rate_outside_50_to_100_is_an_alert() -> None:
    rates = [Reading(HEART_RATE, DAY0 + timedelta(hours=h), v)
             for h, v in enumerate((49, 50, 100, 101))]
    assert [a.figures for a in evaluate(rates, NOW)] == [(101,), (49,)]
    assert codes([bp(125, 80, pulse=104)]) == [HEART_RATE_OUT]


def test_urgent_alerts_come_first() -> None:
    found = evaluate([bp(185, 100, DAY0), bp(85, 55, DAY0 + timedelta(days=2))], NOW)
    assert [a.code for a in found] == [BP_SEVERE, SBP_LOW]
