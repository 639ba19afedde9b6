"""The importers on real-shaped files: Withings (header from a real export, devices.md
§1.1), Omron (both layouts, §1.2), a FHIR Bundle of vital signs, BLE captures, and bad
input that must be rejected line by line with nothing half-read."""

from __future__ import annotations

import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from tsn_desktop.readings.importers import read_file
from tsn_desktop.readings.model import (
    BAD_DATE,
    BAD_NUMBER,
    BLOOD_PRESSURE,
    FLAG_IRREGULAR_PULSE,
    HEART_RATE,
    NO_VALUE,
    STEPS,
    WEIGHT,
)

FIXTURES = Path(__file__).parent / "fixtures"


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[arg-type, misc]


def test_withings_weight_csv_newest_first_with_empty_cells() -> None:
    read = read_file(FIXTURES / "weight.csv")
    assert read.format == "withings" and not read.rejected
    assert [r.value for r in read.readings] == [78.6, 77.1, 76.5, 76.4]
    # "2026-11-20 07:40:12" is Paris wall time (CET, UTC+1).
    assert read.readings[0].at == _utc(2026, 11, 20, 6, 40, 12)
    assert {r.kind for r in read.readings} == {WEIGHT}
    assert read.readings[0].source == "withings:weight.csv"


def test_withings_bp_csv_splits_blood_pressure_from_heart_rate_only_rows() -> None:
    read = read_file(FIXTURES / "bp.csv")
    kinds = [(r.kind, r.value, r.value2, r.pulse) for r in read.readings]
    assert kinds == [(BLOOD_PRESSURE, 142, 91, 88), (HEART_RATE, 61, None, None),
                     (BLOOD_PRESSURE, 128, 82, 72)]
    assert not read.rejected  # the all-empty row is no reading, not an error


def test_french_headers_semicolons_and_decimal_commas_are_read(tmp_path: Path) -> None:
    read = read_file(FIXTURES / "poids_fr.csv")
    assert read.format == "withings"
    assert [r.value for r in read.readings] == [78.6]
    assert [(r.line, r.reason) for r in read.rejected] == [(3, BAD_NUMBER), (4, BAD_DATE)]


def test_withings_zip_reads_both_files_wherever_they_sit(tmp_path: Path) -> None:
    archive = tmp_path / "data_USER_1764000000.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURES / "weight.csv", "data_USER/weight.csv")
        z.write(FIXTURES / "bp.csv", "data_USER/bp.csv")
        z.writestr("data_USER/README.txt", "unit legend")
    seen: list[tuple[int, int]] = []
    read = read_file(archive, lambda done, total: seen.append((done, total)))
    assert read.format == "withings"
    assert len(read.readings) == 7
    assert seen and seen[-1][0] == seen[-1][1]  # the bar ends full


def test_a_truncated_zip_is_rejected_whole(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURES / "weight.csv", "weight.csv")
    cut = tmp_path / "cut.zip"
    cut.write_bytes(archive.read_bytes()[:-30])
    read = read_file(cut)
    assert read.format is None and read.readings == []
    assert len(read.rejected) == 1


def test_omron_month_name_layout() -> None:
    read = read_file(FIXTURES / "omron_a.csv")
    assert read.format == "omron"
    assert [(r.value, r.value2, r.pulse) for r in read.readings] == [(134, 84, 66),
                                                                     (131, 80, None)]
    assert read.readings[0].at == _utc(2026, 11, 18, 7, 12)
    assert [(r.line, r.reason) for r in read.rejected] == [(4, BAD_DATE), (5, NO_VALUE)]


def test_omron_slashed_date_layout() -> None:
    read = read_file(FIXTURES / "omron_b.csv")
    assert read.format == "omron"
    assert [(r.value, r.value2, r.pulse) for r in read.readings] == [(134, 84, 66),
                                                                     (150, 95, 71)]
    assert read.readings[1].at == _utc(2026, 11, 19, 7, 3)


def test_fhir_bundle_maps_loinc_codes_and_converts_pounds() -> None:
    read = read_file(FIXTURES / "bundle.json")
    assert read.format == "fhir"
    by_kind = {r.kind: r for r in read.readings}
    assert by_kind[WEIGHT].value == 78.471  # 173 [lb_av] × 0.45359237
    assert by_kind[WEIGHT].original == "173 [lb_av]"
    assert (by_kind[BLOOD_PRESSURE].value, by_kind[BLOOD_PRESSURE].value2) == (128, 79)
    assert by_kind[BLOOD_PRESSURE].device == "Tensiomètre bras"
    assert by_kind[HEART_RATE].value == 64
    assert by_kind[STEPS].value == 6421
    assert by_kind[STEPS].at == _utc(2026, 11, 18, 23)  # local midnight of the 19th
    # entry 5 is a glucose (not a vital sign we take), entry 7 is entered-in-error.
    assert [(r.line, r.reason) for r in read.rejected] == [(5, "unknown_code"),
                                                           (7, "not_final")]


def test_ble_capture_decodes_and_rejects_what_it_cannot_use() -> None:
    read = read_file(FIXTURES / "capture.ble")
    assert read.format == "ble"
    bp, weight = read.readings
    assert (bp.value, bp.value2, bp.pulse) == (121, 81, 72)
    assert bp.at == _utc(2026, 11, 20, 6, 45, 30)  # the device clock, Paris time
    assert bp.flags == FLAG_IRREGULAR_PULSE
    assert weight.value == 72.5
    assert weight.at == _utc(2026, 11, 20, 6, 50)  # no device time: the receive time
    assert [(r.line, r.reason) for r in read.rejected] == [
        (4, "measurement_unsuccessful"), (5, "unknown_characteristic"), (6, "truncated")]


def test_a_file_of_another_format_gives_format_null_and_one_rejection(tmp_path: Path) -> None:
    other = tmp_path / "notes.csv"
    other.write_text("name,city\nA,B\n", "utf-8")
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 4)
    for path in (other, garbage):
        read = read_file(path)
        assert read.format is None and read.readings == [] and len(read.rejected) == 1


def test_reading_the_same_file_twice_gives_the_same_readings(tmp_path: Path) -> None:
    copy = tmp_path / "bp.csv"
    shutil.copy(FIXTURES / "bp.csv", copy)
    assert read_file(copy).readings == read_file(FIXTURES / "bp.csv").readings


def test_a_line_the_csv_reader_cannot_split_is_rejected_and_the_rest_read() -> None:
    read = read_file(FIXTURES / "weight_quote.csv")  # a stray quote on line 3
    assert [r.value for r in read.readings] == [78.6, 77.9]
    assert [(r.line, r.reason) for r in read.rejected] == [(3, "bad_line")]


def test_apple_health_export_with_the_ios16_broken_dtd_and_control_characters() -> None:
    read = read_file(FIXTURES / "export.xml")
    assert read.format == "apple-health"
    got = {(r.kind, r.at.isoformat()): r for r in read.readings}
    assert got[(WEIGHT, "2026-11-20T06:40:00+00:00")].value == 78.6
    assert got[(WEIGHT, "2026-11-19T06:40:00+00:00")].value == 78.471  # 173 lb
    # One blood pressure: the Correlation repeats the top-level pair.
    (bp,) = [r for r in read.readings if r.kind == BLOOD_PRESSURE]
    assert (bp.value, bp.value2, bp.device) == (142, 91, "Tensiomètre")
    # Resting heart rate only: a Watch's every-few-minutes rate is not a resting rate.
    (hr,) = [r for r in read.readings if r.kind == HEART_RATE]
    assert hr.value == 58 and hr.device == "Apple Watch"
    # iPhone 4,500 and Watch 4,900 counted the same walks: the day has 4,900, not 9,400.
    (steps,) = [r for r in read.readings if r.kind == STEPS]
    assert (steps.value, steps.device) == (4900, "Apple Watch")
    assert steps.at == _utc(2026, 11, 19, 23)
    assert [(r.line, r.reason) for r in read.rejected] == [(3, "bad_unit"), (12, BAD_DATE)]


def test_apple_health_export_zip_is_streamed_with_progress(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(FIXTURES / "export.xml", "apple_health_export/export.xml")
    seen: list[int] = []
    read = read_file(archive, lambda done, total: seen.append(done))
    assert read.format == "apple-health" and len(read.readings) == 5
    assert seen[-1] == (FIXTURES / "export.xml").stat().st_size


def test_an_xml_file_that_is_not_a_health_export_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "export.xml"
    other.write_text("<?xml version='1.0'?><html><body/></html>", "utf-8")
    read = read_file(other)
    assert read.format is None and len(read.rejected) == 1
