"""BLE payload decoding, on vectors built by hand from the Bluetooth GATT Specification
Supplement (3.31 Blood Pressure Measurement, Weight Measurement 0x2A9D) and IEEE
11073-20601 number formats, not from a third-party decoder's output.

Field layouts relied on (confirmed in devices.md §2.1-2.3 and in the flag constants of
Nordic's Android BLE common library and Stanford Spezi, which cite the Supplement):
0x2A35 flags bit0 kPa, bit1 time stamp, bit2 pulse, bit3 user id, bit4 status; status bit0
body movement, bit1 cuff too loose, bit2 irregular pulse, bits 3-4 pulse range, bit5
position. 0x2A9D flags bit0 imperial, bit1 time stamp, bit2 user id, bit3 BMI and height;
weight × 0.005 kg / × 0.01 lb, 0xFFFF unsuccessful.
"""

from __future__ import annotations

import struct
from datetime import datetime

import pytest

from tsn_desktop.readings.importers.ble import (
    Undecodable,
    blood_pressure_measurement,
    ieee_float,
    sfloat,
    weight_measurement,
)
from tsn_desktop.readings.model import FLAG_BODY_MOVEMENT, FLAG_CUFF_LOOSE, FLAG_IRREGULAR_PULSE


def _sfloat(mantissa: int, exponent: int) -> int:
    """The 16-bit SFLOAT of mantissa × 10^exponent (both two's complement)."""
    return ((exponent & 0xF) << 12) | (mantissa & 0x0FFF)


def _time(moment: datetime) -> bytes:
    return struct.pack("<HBBBBB", moment.year, moment.month, moment.day, moment.hour,
                       moment.minute, moment.second)


@pytest.mark.parametrize(("raw", "value"), [
    (0x0079, 121.0),          # exponent 0
    (0xF3CF, 97.5),           # 975 × 10^-1
    (0x1064, 1000.0),         # 100 × 10^1
    (0x0FF6, -10.0),          # mantissa -10
    (0xF0A1, 16.1),           # 161 × 10^-1 (kPa)
    (_sfloat(-5, -1), -0.5),
])
def test_sfloat_sign_extends_mantissa_and_exponent(raw: int, value: float) -> None:
    assert sfloat(raw) == value


@pytest.mark.parametrize("raw", [0x07FF, 0x0800, 0x07FE, 0x0802, 0x0801])
def test_sfloat_special_values_are_no_measurement(raw: int) -> None:
    assert sfloat(raw) is None  # NaN, NRes, +INF, -INF, reserved: never inf


def test_float32_decodes_and_knows_its_nan() -> None:
    assert ieee_float((0xFE << 24) | 3654) == 36.54   # 3654 × 10^-2
    assert ieee_float((0x00 << 24) | 0xFFFFFF) == -1.0
    assert ieee_float(0x007FFFFF) is None


def test_blood_pressure_with_time_pulse_and_irregular_pulse_status() -> None:
    payload = (bytes([0x16]) + struct.pack("<HHH", 121, 81, 94)
               + _time(datetime(2025, 3, 14, 8, 5, 30)) + struct.pack("<H", 72)
               + struct.pack("<H", 0x0004))
    assert payload.hex(" ").upper() == "16 79 00 51 00 5E 00 E9 07 03 0E 08 05 1E 48 00 04 00"
    m = blood_pressure_measurement(payload)
    assert (m.value, m.value2, m.pulse) == (121, 81, 72)
    assert m.at == datetime(2025, 3, 14, 8, 5, 30)
    assert m.flags == FLAG_IRREGULAR_PULSE and m.original == "121/81 mmHg"


def test_blood_pressure_in_kpa_is_converted_and_the_original_kept() -> None:
    payload = bytes([0x01]) + struct.pack("<HHH", _sfloat(161, -1), _sfloat(107, -1),
                                          _sfloat(125, -1))
    m = blood_pressure_measurement(payload)
    assert (m.value, m.value2) == (121, 80)  # 16.1 kPa = 120.76 mmHg; 10.7 kPa = 80.26
    assert m.original == "16.1/10.7 kPa"


def test_blood_pressure_user_and_status_bits_other_than_ours_are_dropped() -> None:
    # user id present (bit3) and status with movement + pulse range "above" (bits 3-4 = 01)
    payload = bytes([0x18]) + struct.pack("<HHH", 130, 85, 100) + bytes([2]) \
        + struct.pack("<H", 0x0001 | 0x0008)
    m = blood_pressure_measurement(payload)
    assert m.user == 2 and m.flags == FLAG_BODY_MOVEMENT


def test_blood_pressure_nan_systolic_is_unsuccessful() -> None:
    with pytest.raises(Undecodable, match="measurement_unsuccessful"):
        blood_pressure_measurement(bytes([0]) + struct.pack("<HHH", 0x07FF, 81, 94))


def test_weight_si_with_time_user_and_bmi_height() -> None:
    payload = bytes([0x0E]) + struct.pack("<H", 14500) + _time(datetime(2025, 3, 14, 8, 5, 30)) \
        + bytes([1]) + struct.pack("<HH", 237, 1750)
    assert payload.hex(" ").upper() == "0E A4 38 E9 07 03 0E 08 05 1E 01 ED 00 D6 06"
    m = weight_measurement(payload)
    assert m.value == 72.5 and m.user == 1 and m.at == datetime(2025, 3, 14, 8, 5, 30)


def test_weight_imperial_is_converted_from_hundredths_of_a_pound() -> None:
    m = weight_measurement(bytes([0x01]) + struct.pack("<H", 16000))
    assert m.value == 72.575  # 160.00 lb × 0.45359237
    assert m.original == "160 [lb_av]"


def test_weight_unknown_timestamp_fields_mean_no_device_time() -> None:
    m = weight_measurement(bytes([0x02]) + struct.pack("<H", 14500) + bytes(7))
    assert m.at is None


@pytest.mark.parametrize("payload", ["00 FF FF", "02 FF FF E9 07 03 0E 08 05 1E"])
def test_weight_ffff_is_measurement_unsuccessful(payload: str) -> None:
    with pytest.raises(Undecodable, match="measurement_unsuccessful"):
        weight_measurement(bytes.fromhex(payload))


@pytest.mark.parametrize("payload", ["", "0E A4", "0E A4 38 E9 07", "16 79 00 51 00 5E 00"])
def test_truncated_payloads_are_refused(payload: str) -> None:
    decoder = blood_pressure_measurement if payload.startswith("16") else weight_measurement
    with pytest.raises(Undecodable, match="truncated"):
        decoder(bytes.fromhex(payload))


@pytest.mark.parametrize("raw", [0x07FF, 0x0800, 0x07FE, 0x0802, 0x0801])
def test_a_pulse_rate_special_value_keeps_the_pressure_without_a_pulse(raw: int) -> None:
    payload = bytes([0x04]) + struct.pack("<HHHH", 121, 81, 94, raw)
    m = blood_pressure_measurement(payload)
    assert (m.value, m.value2, m.pulse) == (121, 81, None)


def test_a_kpa_reading_keeps_its_pulse_in_beats_per_minute() -> None:
    payload = bytes([0x05]) + struct.pack("<HHHH", _sfloat(161, -1), _sfloat(107, -1),
                                          _sfloat(125, -1), 72)
    m = blood_pressure_measurement(payload)
    assert (m.value, m.value2, m.pulse) == (121, 80, 72)


def test_reserved_flag_bits_are_ignored() -> None:
    # Bits 5-7 of 0x2A35 and 4-7 of 0x2A9D are RFU: a later device may set them.
    bp = blood_pressure_measurement(bytes([0xE0]) + struct.pack("<HHH", 121, 81, 94))
    weight = weight_measurement(bytes([0xF0]) + struct.pack("<H", 14500))
    assert (bp.value, bp.value2, weight.value) == (121, 81, 72.5)


def test_status_cuff_loose_pulse_range_and_position_bits() -> None:
    # 0x0002 cuff too loose is kept; bits 3-4 (range "below" = 10) and bit 5 (position)
    # have no flag of ours and are not mistaken for one.
    payload = bytes([0x10]) + struct.pack("<HHH", 121, 81, 94) + struct.pack("<H", 0x0032)
    assert blood_pressure_measurement(payload).flags == FLAG_CUFF_LOOSE


def test_weight_imperial_with_bmi_and_height_in_inches() -> None:
    payload = bytes([0x09]) + struct.pack("<H", 16000) + struct.pack("<HH", 237, 689)
    m = weight_measurement(payload)
    assert m.value == 72.575 and m.user is None


def test_unknown_user_0xff_is_no_user() -> None:
    m = weight_measurement(bytes([0x04]) + struct.pack("<H", 14500) + bytes([0xFF]))
    assert m.user == 0xFF  # the reader files it under no user (see test_real_formats)


def test_sfloat_negative_exponent_values_are_not_float_noise() -> None:
    assert sfloat(_sfloat(725, -1)) == 72.5
    assert sfloat(_sfloat(1213, -1)) == 121.3
    assert sfloat(_sfloat(-2045, 0)) == -2045  # 0x0803: 0x0801 reserved, 0x0802 -INF
