"""BLE GATT notifications captured to a `.ble` text file: Weight Measurement (0x2A9D) and
Blood Pressure Measurement (0x2A35), decoded per the GATT Specification Supplement.

A line: an optional ISO-8601 receive time, the characteristic (`2A9D`, `2A35`), then the
payload in hex (spaces allowed); `#` starts a comment. Multi-byte fields are little-endian.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO

from tsn_desktop.readings.importers.common import (
    BAD_HEX,
    NO_TIME,
    TRUNCATED,
    UNKNOWN_CHARACTERISTIC,
    UNKNOWN_FORMAT,
    UNSUCCESSFUL,
    local,
)
from tsn_desktop.readings.model import (
    BAD_DATE,
    BLOOD_PRESSURE,
    FLAG_BODY_MOVEMENT,
    FLAG_CUFF_LOOSE,
    FLAG_IRREGULAR_PULSE,
    KPA_MMHG,
    LB_KG,
    WEIGHT,
    Reading,
    Rejection,
)

FORMAT = "ble"
WEIGHT_MEASUREMENT = 0x2A9D
BLOOD_PRESSURE_MEASUREMENT = 0x2A35

# IEEE 11073-20601 special values (NaN, NRes, +INF, reserved, -INF): no measurement.
_SFLOAT_SPECIAL = frozenset({0x07FF, 0x0800, 0x07FE, 0x0801, 0x0802})
_FLOAT_SPECIAL = frozenset({0x7FFFFF, 0x800000, 0x7FFFFE, 0x800001, 0x800002})


class Undecodable(ValueError):
    """A payload that does not hold a measurement; `reason` is the rejection code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def sfloat(raw: int) -> float | None:
    """16-bit SFLOAT: 4-bit signed exponent, 12-bit signed mantissa; None for the special
    values (never an infinity)."""
    if raw in _SFLOAT_SPECIAL:
        return None
    mantissa, exponent = raw & 0x0FFF, raw >> 12
    if mantissa >= 0x0800:
        mantissa -= 0x1000
    if exponent >= 0x8:
        exponent -= 0x10
    return round(mantissa * 10.0 ** exponent, max(0, -exponent))


def ieee_float(raw: int) -> float | None:
    """32-bit FLOAT: 8-bit signed exponent, 24-bit signed mantissa."""
    mantissa, exponent = raw & 0xFFFFFF, raw >> 24
    if mantissa in _FLOAT_SPECIAL:
        return None
    if mantissa >= 0x800000:
        mantissa -= 0x1000000
    if exponent >= 0x80:
        exponent -= 0x100
    return round(mantissa * 10.0 ** exponent, max(0, -exponent))


@dataclass(frozen=True)
class Measurement:
    """A decoded notification, in the device's own units converted to ours."""

    kind: str
    value: float                 # kg, or systolic mmHg
    value2: float | None = None  # diastolic mmHg
    pulse: float | None = None
    at: datetime | None = None   # the device clock (local wall time), when it sent one
    user: int | None = None
    flags: int = 0
    original: str = ""


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple[int, ...]:
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise Undecodable(TRUNCATED)
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return values

    def timestamp(self) -> datetime | None:
        year, month, day, hour, minute, second = self.take("<HBBBBB")
        if year == 0 or month == 0 or day == 0:  # 0 = not known (Date Time)
            return None
        try:
            return datetime(year, month, day, hour, minute, second)
        except ValueError:
            raise Undecodable(BAD_DATE) from None


def weight_measurement(data: bytes) -> Measurement:
    """0x2A9D. Flags: bit0 imperial (lb; else kg), bit1 time stamp, bit2 user id, bit3 BMI
    and height. Weight uint16 × 0.005 kg or × 0.01 lb; 0xFFFF: measurement unsuccessful."""
    b = _Bytes(data)
    (flags,) = b.take("<B")
    (raw,) = b.take("<H")
    at = b.timestamp() if flags & 0x02 else None
    user = b.take("<B")[0] if flags & 0x04 else None
    if raw == 0xFFFF:
        raise Undecodable(UNSUCCESSFUL)
    if flags & 0x08:
        b.take("<HH")  # BMI × 0.1, height: present, not kept
    if flags & 0x01:
        pounds = round(raw * 0.01, 2)
        return Measurement(WEIGHT, round(pounds * LB_KG, 3), at=at, user=user,
                           original=f"{pounds:g} [lb_av]")
    kg = round(raw * 0.005, 3)
    return Measurement(WEIGHT, kg, at=at, user=user, original=f"{kg:g} kg")


def blood_pressure_measurement(data: bytes) -> Measurement:
    """0x2A35. Flags: bit0 kPa (else mmHg), bit1 time stamp, bit2 pulse rate, bit3 user id,
    bit4 measurement status. Systolic, diastolic, mean arterial pressure as SFLOAT; status
    bit0 body movement, bit1 cuff too loose, bit2 irregular pulse."""
    b = _Bytes(data)
    (flags,) = b.take("<B")
    systolic, diastolic, mean = (sfloat(v) for v in b.take("<HHH"))
    at = b.timestamp() if flags & 0x02 else None
    pulse = sfloat(b.take("<H")[0]) if flags & 0x04 else None
    user = b.take("<B")[0] if flags & 0x08 else None
    status = b.take("<H")[0] if flags & 0x10 else 0
    if systolic is None or diastolic is None:
        raise Undecodable(UNSUCCESSFUL)
    del mean  # derived by the device; not kept
    bits = status & (FLAG_BODY_MOVEMENT | FLAG_CUFF_LOOSE | FLAG_IRREGULAR_PULSE)
    if flags & 0x01:
        original = f"{systolic:g}/{diastolic:g} kPa"
        systolic, diastolic = round(systolic * KPA_MMHG), round(diastolic * KPA_MMHG)
    else:
        original = f"{systolic:g}/{diastolic:g} mmHg"
    return Measurement(BLOOD_PRESSURE, float(systolic), float(diastolic), pulse, at, user,
                       bits, original)


_DECODERS = {WEIGHT_MEASUREMENT: weight_measurement,
             BLOOD_PRESSURE_MEASUREMENT: blood_pressure_measurement}


_UUID = re.compile(r"0000([0-9a-f]{4})-0000-1000-8000-00805f9b34fb")
# Lines of no known characteristic before the file is taken for another format.
_UNRECOGNISED = 50


def _received(tokens: list[str]) -> tuple[datetime | None, int]:
    """The receive time at the head of a line and how many tokens it took: ISO-8601
    with a `T` or with a space ('2026-11-20 07:50:00'), with or without an offset."""
    candidates = []
    if len(tokens) > 2 and ":" in tokens[1]:
        candidates.append((f"{tokens[0]}T{tokens[1]}", 2))
    if len(tokens) > 1 and ":" in tokens[0]:
        candidates.append((tokens[0], 1))
    for text, used in candidates:
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            continue
        return (moment.astimezone(UTC) if moment.tzinfo else local(moment)), used
    return None, 0


def _characteristic(token: str) -> int | None:
    """`2A9D`, `0x2A9D`, `2A9D:` or the full 128-bit UUID of a SIG characteristic."""
    token = token.lower().rstrip(":,")
    match = _UUID.fullmatch(token)
    if match:
        return int(match[1], 16)
    token = token.removeprefix("0x")
    if len(token) != 4:
        return None
    try:
        return int(token, 16)
    except ValueError:
        return None


def _payload(tokens: list[str]) -> bytes:
    """Hex bytes, spaced or not, also as `16:79:00` or `0x16 0x79`."""
    text = "".join(t.lower().removeprefix("0x") for t in tokens)
    return bytes.fromhex(text.replace(":", "").replace("-", ""))


def read(text: IO[str], source: str) -> Iterator[Reading | Rejection]:
    """The capture line by line. A file in which no line names a characteristic (another
    format named .ble) is one UNKNOWN_FORMAT rejection, not a rejection per line."""
    pending: list[Rejection] = []
    recognised = False
    for line, raw_line in enumerate(text, start=1):
        content = raw_line.split("#", 1)[0].split()
        if not content:
            continue
        received, used = _received(content)
        content = content[used:]
        characteristic = _characteristic(content[0])
        if characteristic is None:
            if recognised:
                yield Rejection(line, UNKNOWN_CHARACTERISTIC, source)
                continue
            pending.append(Rejection(line, UNKNOWN_CHARACTERISTIC, source))
            if len(pending) >= _UNRECOGNISED:
                break
            continue
        if not recognised:
            recognised = True
            yield from pending
        decoder = _DECODERS.get(characteristic)
        if decoder is None:
            yield Rejection(line, UNKNOWN_CHARACTERISTIC, source)
            continue
        try:
            payload = _payload(content[1:])
        except ValueError:
            yield Rejection(line, BAD_HEX, source)
            continue
        try:
            m = decoder(payload)
        except Undecodable as exc:
            yield Rejection(line, exc.reason, source)
            continue
        # The device's clock is local wall time; else when the notification arrived.
        at = local(m.at) if m.at is not None else received
        if at is None:
            yield Rejection(line, NO_TIME, source)
            continue
        known_user = m.user is not None and m.user != 0xFF
        device = f"BLE {characteristic:04X}" + (f" user {m.user}" if known_user else "")
        yield Reading(m.kind, at, m.value, m.value2, m.pulse, original=m.original,
                      source=f"{FORMAT}:{source}", device=device, flags=m.flags,
                      line=line, member=source, user=f"user {m.user}" if known_user else "")
    if pending and not recognised:
        yield Rejection(0, UNKNOWN_FORMAT, source)
