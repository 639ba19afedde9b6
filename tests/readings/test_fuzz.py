"""Fuzzing the importers (hypothesis): whatever the bytes, a file read gives readings and
rejections, never a traceback; a file it cannot read at all gives format None and exactly
one rejection; every reading it gives is in the canonical units and aware UTC."""

from __future__ import annotations

import csv
import io
import json
import math
import tempfile
import zipfile
from datetime import UTC
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tsn_desktop.readings.importers import FORMATS, fhir_bundle, read_file
from tsn_desktop.readings.importers.ble import (
    Undecodable,
    blood_pressure_measurement,
    weight_measurement,
)
from tsn_desktop.readings.model import KINDS

FIXTURES = Path(__file__).parent / "fixtures"
SUFFIXES = (".csv", ".ble", ".json", ".zip", ".xml", ".txt")
TRIED: dict[str, int] = {}


def _check(path: Path) -> None:
    read = read_file(path)
    assert read.format is None or read.format in FORMATS
    if read.format is None:
        assert read.readings == [] and len(read.rejected) == 1
    for reading in read.readings:
        assert reading.kind in KINDS and reading.at.tzinfo is UTC


def _write(data: bytes, suffix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="readings-fuzz-"))
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.sampled_from(SUFFIXES))
def test_random_bytes_never_break_an_importer(data: bytes, suffix: str) -> None:
    TRIED["bytes"] = TRIED.get("bytes", 0) + 1
    _check(_write(data, suffix))


def _mutations() -> st.SearchStrategy[bytes]:
    """A real fixture with bytes flipped, cut or inserted: close to valid, so the parsers
    get past the header and meet bad cells, dates and payloads."""
    names = ("weight.csv", "bp.csv", "poids_fr.csv", "omron_a.csv", "omron_b.csv",
             "omron_fr.csv", "tension_utf16.csv", "bundle.json", "capture.ble", "export.xml")
    return st.tuples(st.sampled_from(names), st.integers(0, 10_000), st.binary(max_size=8),
                     st.integers(0, 16)).map(_mutate)


def _mutate(args: tuple[str, int, bytes, int]) -> bytes:
    name, at, insert, cut = args
    data = (FIXTURES / name).read_bytes()
    at %= len(data)
    return data[:at] + insert + data[at + cut:]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations(), st.sampled_from((".csv", ".json", ".ble", ".xml")))
def test_mutated_real_files_never_break_an_importer(data: bytes, suffix: str) -> None:
    TRIED["mutated"] = TRIED.get("mutated", 0) + 1
    _check(_write(data, suffix))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=64), st.lists(st.tuples(
    st.sampled_from(("weight.csv", "bp.csv", "raw_tracker_steps.csv", "aggregates_steps.csv",
                     "apple_health_export/export.xml")),
    st.binary(max_size=256)), max_size=3))
def test_zips_with_random_members_or_cut_short_never_break_the_reader(tail: bytes,
                                                                       members: list) -> None:
    TRIED["zip"] = TRIED.get("zip", 0) + 1
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in dict(members).items():
            archive.writestr(name, body)
    data = buffer.getvalue()
    _check(_write(data[:max(0, len(data) - len(tail))] + tail, ".zip"))


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=40))
def test_random_ble_payloads_decode_or_are_refused(payload: bytes) -> None:
    TRIED["ble"] = TRIED.get("ble", 0) + 1
    for decode in (weight_measurement, blood_pressure_measurement):
        try:
            m = decode(payload)
        except Undecodable:
            continue
        assert m.value == m.value  # never NaN
        assert abs(m.value) != float("inf")


# Real headers (devices.md §1.1-1.2, and the French and German ones) under random cells,
# written the ways real files are (encoding, separator, line ends).
HEADERS = (
    ["Date", "Weight (kg)", "Fat mass (kg)", "Bone mass (kg)", "Muscle mass (kg)",
     "Hydration (kg)", "Comments"],
    ["Date", "Heart rate", "Systolic", "Diastolic", "Comments"],
    ["Datum", "Gewicht (kg)", "Fettmasse (kg)", "Kommentare"],
    ["Date", "Fréquence cardiaque", "Systolique", "Diastolique", "Commentaires"],
    ["Date", "Time", "Systolic (mmHg)", "Diastolic (mmHg)", "Pulse (bpm)", "Symptoms",
     "Consumed", "TruRead", "Notes"],
    ["Date", "Heure", "Systolique (mmHg)", "Diastolique (mmHg)", "Pouls (bpm)"],
    ["Measurement Date", "SYS(mmHg)", "DIA(mmHg)", "Pulse(bpm)", "Irregular heartbeat"],
)
CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "-", "72", "78,6", "78.60", "1e400", "nan", "[60,60]", "8 PM",
                     "Jan 12 2025", "12 janv. 2025", "2025/01/12 08:12", "08:12",
                     "2025-10-27 09:50:20", "13:75", "Feb 30 2025", "Yes", "Non"]))
REASONS = {"bad_date", "bad_number", "no_value", "bad_line", "out_of_range",
           "diastolic_above_systolic", "in_the_future"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(HEADERS), st.lists(st.lists(CELLS, max_size=10), max_size=8),
       st.sampled_from((",", ";", "\t")), st.sampled_from(("utf-8-sig", "utf-16", "cp1252")),
       st.sampled_from(("\n", "\r\n")))
def test_real_headers_over_random_cells_are_read_line_by_line(
        header: list[str], rows: list[list[str]], delimiter: str, encoding: str,
        newline: str) -> None:
    TRIED["cells"] = TRIED.get("cells", 0) + 1
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    path = _write(buffer.getvalue().encode(encoding, errors="replace"), ".csv")
    read = read_file(path)
    assert read.format in ("withings", "omron"), read.rejected
    assert {r.reason for r in read.rejected} <= REASONS
    for reading in read.readings:
        assert reading.kind in KINDS and reading.at.tzinfo is UTC
        assert math.isfinite(reading.value)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(JSON, max_size=5), st.integers(1, 64), st.sampled_from(("", " ", "\n  ")))
def test_the_bundle_scanner_gives_the_entries_json_reads_at_any_window_size(
        entries: list, chunk: int, space: str) -> None:
    # A tiny window puts every token astride a window edge at least once.
    TRIED["bundle"] = TRIED.get("bundle", 0) + 1
    text = json.dumps({"resourceType": "Bundle", "entry": entries, "total": 12345},
                      separators=("," + space, ":" + space))
    original = fhir_bundle.CHUNK
    fhir_bundle.CHUNK = chunk
    try:
        got = list(fhir_bundle._entries(io.StringIO(text)))
    finally:
        fhir_bundle.CHUNK = original
    assert got == json.loads(text)["entry"]


def test_the_fuzzing_ran_what_it_says() -> None:
    # Runs after the fuzz tests in file order: the number of inputs tried, per kind.
    assert sum(TRIED.values()) >= 1700, TRIED
