"""The importers on the real-file details of devices.md §1.1-1.3, 1.9 and 2.1-2.5: the
verbatim headers and rows quoted there, and what real files add to them (localised
headers, BOM, UTF-16, Windows-1252, CRLF, `;` and tab separators, trailing blank lines,
decimal commas, AM/PM times, month names, localised folders in an Apple Health zip).
Every file is built here by hand from the note's text."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tsn_desktop.readings.importers import read_file
from tsn_desktop.readings.model import (
    BAD_DATE,
    BLOOD_PRESSURE,
    FLAG_BODY_MOVEMENT,
    FLAG_IRREGULAR_PULSE,
    HEART_RATE,
    NO_VALUE,
    STEPS,
    WEIGHT,
)

WEIGHT_HEADER = ('Date,"Weight (kg)","Fat mass (kg)","Bone mass (kg)","Muscle mass (kg)",'
                 '"Hydration (kg)",Comments')
BP_HEADER = 'Date,"Heart rate",Systolic,Diastolic,Comments'
OMRON_A = "Date,Time,Systolic (mmHg),Diastolic (mmHg),Pulse (bpm),Symptoms,Consumed,TruRead,Notes"


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[arg-type, misc]


def _file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8",
          newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def _values(path: Path) -> list[tuple[str, float, float | None]]:
    return [(r.kind, r.value, r.value2) for r in read_file(path).readings]


# --- Withings (§1.1) ---------------------------------------------------------------

def test_withings_verbatim_weight_row_without_body_composition(tmp_path: Path) -> None:
    read = read_file(_file(tmp_path, "weight.csv",
                           f'{WEIGHT_HEADER}\n"2025-10-27 09:50:20",73.33,,,,,\n'))
    assert read.format == "withings" and not read.rejected
    (r,) = read.readings
    assert (r.kind, r.value, r.at) == (WEIGHT, 73.33, _utc(2025, 10, 27, 8, 50, 20))


def test_withings_verbatim_heart_rate_only_bp_rows_and_duplicates_seconds_apart(
        tmp_path: Path) -> None:
    read = read_file(_file(tmp_path, "bp.csv", f'{BP_HEADER}\n'
                           '"2025-10-02 11:27:27",70,131,84,\n'
                           '"2025-10-02 11:26:52",71,133,85,\n'
                           '"2025-10-02 11:26:15",72,135,86,\n'
                           '"2025-10-02 07:34:49",61,,,\n'))
    assert [(r.kind, r.value, r.value2) for r in read.readings] == [
        (BLOOD_PRESSURE, 131, 84), (BLOOD_PRESSURE, 133, 85), (BLOOD_PRESSURE, 135, 86),
        (HEART_RATE, 61, None)]
    assert not read.rejected


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_withings_french_bp_headers_in_every_encoding_spreadsheets_write(
        tmp_path: Path, encoding: str) -> None:
    text = ('Date;"Fréquence cardiaque";Systolique;Diastolique;Commentaires\n'
            '"2026-11-20 07:42:10";88;142;91;"après café"\n')
    read = read_file(_file(tmp_path, "tension.csv", text, encoding, "\r\n"))
    assert read.format == "withings", read.rejected
    assert [(r.value, r.value2, r.pulse) for r in read.readings] == [(142, 91, 88)]


def test_withings_german_headers(tmp_path: Path) -> None:
    weight = _file(tmp_path, "weight.csv",
                   'Datum,"Gewicht (kg)","Fettmasse (kg)","Knochenmasse (kg)",'
                   '"Muskelmasse (kg)","Wasseranteil (kg)",Kommentare\n'
                   '"2026-11-20 07:40:12",78.6,20.1,,55.2,,\n')
    bp = _file(tmp_path, "bp.csv", "Datum,Herzfrequenz,Systolisch,Diastolisch,Kommentare\n"
               '"2026-11-20 07:42:10",88,142,91,\n')
    assert _values(weight) == [(WEIGHT, 78.6, None)]
    assert _values(bp) == [(BLOOD_PRESSURE, 142, 91)]


def test_withings_weight_column_found_by_its_unit_when_the_word_is_unknown(
        tmp_path: Path) -> None:
    # A language the synonym table lacks (Italian): the first column in (kg) after the date.
    path = _file(tmp_path, "weight.csv", 'Data,"Peso (kg)","Massa grassa (kg)",Commenti\n'
                 '"2026-11-20 07:40:12",78.6,20.1,\n')
    assert _values(path) == [(WEIGHT, 78.6, None)]


def test_withings_weight_in_pounds_is_converted_and_the_original_kept(tmp_path: Path) -> None:
    path = _file(tmp_path, "weight.csv", 'Date,"Weight (lb)","Fat mass (lb)",Comments\n'
                 '"2026-11-20 07:40:12",173.00,,\n')
    (r,) = read_file(path).readings
    assert r.value == 78.471 and r.original == "173.00 lb"


def test_quoted_decimal_commas_in_a_comma_separated_file(tmp_path: Path) -> None:
    path = _file(tmp_path, "weight.csv", f'{WEIGHT_HEADER}\n"2026-11-20 07:40:12","78,60",,,,,\n')
    assert _values(path) == [(WEIGHT, 78.6, None)]


def test_tab_separated_utf16_as_excel_saves_unicode_text(tmp_path: Path) -> None:
    text = 'Date\t"Weight (kg)"\tComments\n"2026-11-20 07:40:12"\t78,6\t\n'
    path = _file(tmp_path, "weight.txt", text, "utf-16", "\r\n")
    assert _values(path) == [(WEIGHT, 78.6, None)]


def test_crlf_bom_and_trailing_blank_lines_add_no_rejection(tmp_path: Path) -> None:
    path = _file(tmp_path, "weight.csv", f'{WEIGHT_HEADER}\n"2026-11-20 07:40:12",78.6,,,,,\n'
                 '\n,,,,,,\n   \n\n', "utf-8-sig", "\r\n")
    read = read_file(path)
    assert [r.value for r in read.readings] == [78.6] and not read.rejected


def test_windows_1252_bytes_undefined_in_cp1252_still_read(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252: Latin-1 is the last resort, not "unreadable".
    path = tmp_path / "weight.csv"
    path.write_bytes(f'{WEIGHT_HEADER}\n"2026-11-20 07:40:12",78.6,,,,,"pes\x81e"\n'
                     .encode("latin-1"))
    assert _values(path) == [(WEIGHT, 78.6, None)]


def test_withings_zip_with_localised_member_names_is_read_by_header(tmp_path: Path) -> None:
    archive = tmp_path / "data_USER.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("data_USER/poids.csv", 'Date;"Poids (kg)";Commentaires\n'
                   '"2026-11-20 07:40:12";78,6;\n')
        z.writestr("data_USER/tension.csv", "Date,Fréquence cardiaque,Systolique,"
                   'Diastolique,Commentaires\n"2026-11-20 07:42:10",88,142,91,\n')
        z.writestr("data_USER/other.csv", "type,date,value,unit,position\n"
                   "FAT_PERCENT,2026-11-20 07:40:12,25.6,%,\n")
        z.writestr("data_USER/height.csv", 'Date,"Height (m)"\n"2026-11-20 07:40:12",1.75\n')
    read = read_file(archive)
    assert read.format == "withings" and not read.rejected
    assert sorted((r.kind, r.value) for r in read.readings) == [(BLOOD_PRESSURE, 142),
                                                                 (WEIGHT, 78.6)]


def test_withings_raw_tracker_steps_with_json_array_cells_make_daily_totals(
        tmp_path: Path) -> None:
    archive = tmp_path / "data_USER.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("raw_tracker_steps.csv", "start,duration,value\n"
                   '2022-01-06T12:50:26+01:00,60,45\n'
                   '2022-01-06T13:10:00+01:00,"[60,60]","[30,12]"\n'
                   # 00:30 on the 7th in Paris, but the patient was in London: the 6th
                   '2022-01-06T23:30:00+00:00,60,10\n'
                   '2022-01-07T08:00:00+01:00,60,20\n'
                   '2022-01-07T09:00:00+01:00,60,"[1,x]"\n')
    read = read_file(archive)
    assert read.format == "withings"
    assert [(r.kind, r.at, r.value) for r in read.readings] == [
        (STEPS, _utc(2022, 1, 5, 23), 97), (STEPS, _utc(2022, 1, 6, 23), 20)]
    assert [(r.line, r.reason, r.member) for r in read.rejected] == [
        (6, "bad_number", "raw_tracker_steps.csv")]


def test_withings_daily_aggregates_are_preferred_to_the_raw_tracker(tmp_path: Path) -> None:
    archive = tmp_path / "data_USER.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("raw_tracker_steps.csv", "start,duration,value\n"
                   "2022-01-06T12:50:26+01:00,60,45\n")
        z.writestr("aggregates_steps.csv", "date,value\n2022-01-06,8450\n")
    assert _values(archive) == [(STEPS, 8450, None)]  # not 8450 + 45


# --- Omron (§1.2) ------------------------------------------------------------------

def test_omron_verbatim_layout_a_row(tmp_path: Path) -> None:
    read = read_file(_file(tmp_path, "Your Requested OMRON Report from Jan 01 2025 to "
                           "Jan 22 2025.csv", f"{OMRON_A}\nJan 12 2025,08:12,114,74,47,-,-,-,-\n"))
    assert read.format == "omron" and not read.rejected
    (r,) = read.readings
    assert (r.value, r.value2, r.pulse, r.at) == (114, 74, 47, _utc(2025, 1, 12, 7, 12))


@pytest.mark.parametrize(("day", "clock", "expected"), [
    ("Jan 12 2025", "8:12 PM", _utc(2025, 1, 12, 19, 12)),
    ("Jan 12 2025", "12:05 AM", _utc(2025, 1, 11, 23, 5)),
    ("January 12, 2025", "08:12:30", _utc(2025, 1, 12, 7, 12, 30)),
    ("12 janv. 2025", "08:12", _utc(2025, 1, 12, 7, 12)),
    ("12 février 2025", "08:12", _utc(2025, 2, 12, 7, 12)),
    ("déc. 3 2025", "20:05", _utc(2025, 12, 3, 19, 5)),
    ("3 juil. 2025", "20:05", _utc(2025, 7, 3, 18, 5)),
    ("12 Okt 2025", "08:00", _utc(2025, 10, 12, 6, 0)),
    ("12 ene. 2025", "08:12", _utc(2025, 1, 12, 7, 12)),
    ("3 ago 2025", "20:05", _utc(2025, 8, 3, 18, 5)),
])
def test_omron_month_names_and_clock_forms(tmp_path: Path, day: str, clock: str,
                                           expected: datetime) -> None:
    path = _file(tmp_path, "omron.csv", f'{OMRON_A}\n"{day}",{clock},114,74,47,-,-,-,-\n')
    read = read_file(path)
    assert not read.rejected and read.readings[0].at == expected


def test_omron_french_export_headers(tmp_path: Path) -> None:
    path = _file(tmp_path, "omron.csv",
                 "Date;Heure;Systolique (mmHg);Diastolique (mmHg);Pouls (bpm);Symptômes;"
                 "Pris;TruRead;Notes\n12 janv. 2025;08:12;114;74;47;-;-;-;-\n", "utf-8-sig")
    read = read_file(path)
    assert read.format == "omron" and not read.rejected
    assert [(r.value, r.value2, r.pulse) for r in read.readings] == [(114, 74, 47)]


def test_omron_layout_b_verbatim_and_with_seconds_or_am_pm(tmp_path: Path) -> None:
    path = _file(tmp_path, "omron.csv", "Measurement Date,SYS(mmHg),DIA(mmHg),Pulse(bpm)\n"
                 "2025/01/12 08:12,114,74,47\n2025/01/12 20:12:40,120,80,60\n"
                 "2025/1/13 8:05 PM,121,81,61\n")
    read = read_file(path)
    assert read.format == "omron" and not read.rejected
    assert [r.at for r in read.readings] == [_utc(2025, 1, 12, 7, 12),
                                             _utc(2025, 1, 12, 19, 12, 40),
                                             _utc(2025, 1, 13, 19, 5)]


def test_omron_irregular_heartbeat_and_movement_columns_read_yes_no(tmp_path: Path) -> None:
    path = _file(tmp_path, "omron.csv",
                 "Measurement Date,SYS(mmHg),DIA(mmHg),Pulse(bpm),Irregular heartbeat,"
                 "Body movement\n2025/01/12 08:12,114,74,47,Yes,No\n"
                 "2025/01/12 20:12,120,80,60,No,Yes\n2025/01/13 08:00,121,81,61,-,-\n")
    assert [r.flags for r in read_file(path).readings] == [FLAG_IRREGULAR_PULSE,
                                                           FLAG_BODY_MOVEMENT, 0]


# --- Apple Health (§1.3) -----------------------------------------------------------

EXPORT = ('<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="fr_FR">\n'
          '<Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Balance" unit="kg" '
          'startDate="2024-01-05 08:30:00 +0100" endDate="2024-01-05 08:30:00 +0100" '
          'value="78.6"/>\n</HealthData>\n')


@pytest.mark.parametrize("member", ["apple_health_export/export.xml", "export/export.xml",
                                    "apple_health_export/Export.xml",
                                    "apple_health_export/exportation.xml", "export.xml"])
def test_apple_health_zip_whatever_the_localised_folder_or_file_name(
        tmp_path: Path, member: str) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member.rsplit("/", 1)[0] + "/export_cda.xml" if "/" in member
                   else "export_cda.xml", "<ClinicalDocument/>")
        z.writestr(member, EXPORT)
        z.writestr("apple_health_export/workout-routes/route_1.gpx", "<gpx/>")
    read = read_file(archive)
    assert read.format == "apple-health", read.rejected
    assert [(r.value, r.at) for r in read.readings] == [(78.6, _utc(2024, 1, 5, 7, 30))]


def test_apple_health_export_with_a_bom_and_crlf(tmp_path: Path) -> None:
    path = _file(tmp_path, "Export.xml", EXPORT, "utf-8-sig", "\r\n")
    assert _values(path) == [(WEIGHT, 78.6, None)]


def test_apple_heart_rate_at_rest_is_taken_active_and_unknown_context_are_not(
        tmp_path: Path) -> None:
    def hr(value: int, minute: int, context: str | None) -> str:
        meta = "" if context is None else \
            f'<MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="{context}"/>'
        return (f'<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Apple Watch" '
                f'unit="count/min" startDate="2024-10-25 07:{minute:02d}:44 -0500" '
                f'endDate="2024-10-25 07:{minute:02d}:44 -0500" value="{value}">{meta}'
                '</Record>\n')
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<HealthData>\n' + hr(71, 4, "1")
            + hr(131, 5, "2") + hr(90, 6, "0") + hr(88, 7, None) + "</HealthData>\n")
    read = read_file(_file(tmp_path, "export.xml", text))
    assert [(r.kind, r.value, r.at) for r in read.readings] == [
        (HEART_RATE, 71, _utc(2024, 10, 25, 12, 4, 44))]


def test_apple_steps_day_is_the_records_own_local_date(tmp_path: Path) -> None:
    # 23:30 in New York on the 5th is the 6th in Paris: the patient walked on the 5th.
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<HealthData>\n'
            '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count"'
            ' startDate="2024-01-05 23:30:00 -0500" endDate="2024-01-05 23:40:00 -0500"'
            ' value="500"/>\n</HealthData>\n')
    (r,) = read_file(_file(tmp_path, "export.xml", text)).readings
    assert (r.kind, r.value, r.at) == (STEPS, 500, _utc(2024, 1, 4, 23))


def test_apple_heart_rate_in_another_unit_is_rejected(tmp_path: Path) -> None:
    text = ('<?xml version="1.0"?>\n<HealthData>\n<Record type="HKQuantityTypeIdentifier'
            'RestingHeartRate" sourceName="W" unit="count/s" startDate="2024-01-05 08:30:00'
            ' +0100" endDate="2024-01-05 08:30:00 +0100" value="1.1"/>\n</HealthData>\n')
    read = read_file(_file(tmp_path, "export.xml", text))
    assert read.readings == [] and [r.reason for r in read.rejected] == ["bad_unit"]


# --- FHIR (§1.9) -------------------------------------------------------------------

def _bundle(tmp_path: Path, *observations: str) -> Path:
    entries = ",".join(f'{{"resource": {{"resourceType": "Observation", "status": "final", '
                       f'{o}}}}}' for o in observations)
    return _file(tmp_path, "bundle.json", '{"resourceType": "Bundle", "type": "transaction", '
                 f'"entry": [{entries}]}}', "utf-8-sig")


def _code(code: str) -> str:
    return f'"code": {{"coding": [{{"system": "http://loinc.org", "code": "{code}"}}]}}'


def _component(code: str, value: float, unit: str) -> str:
    return f'{{{_code(code)}, "valueQuantity": {{"value": {value}, "code": "{unit}"}}}}'


def test_fhir_bp_panel_55284_4_in_kpa_with_heart_rate_component(tmp_path: Path) -> None:
    path = _bundle(tmp_path, f'{_code("55284-4")}, "effectiveInstant": '
                   '"2026-11-20T07:45:00+01:00", "component": ['
                   f'{_component("8480-6", 16.1, "kPa")}, {_component("8462-4", 10.7, "kPa")},'
                   f'{_component("8867-4", 72, "/min")}]')
    read = read_file(path)
    assert read.format == "fhir" and not read.rejected
    (r,) = read.readings
    assert (r.kind, r.value, r.value2, r.pulse) == (BLOOD_PRESSURE, 121, 80, 72)
    assert r.at == _utc(2026, 11, 20, 6, 45) and r.original == "16.1/10.7 kPa"


def test_fhir_meta_source_names_the_device_when_no_device_is_referenced(tmp_path: Path) -> None:
    path = _bundle(tmp_path, f'"meta": {{"source": "urn:oid:1.2.250.1.999"}}, {_code("29463-7")},'
                   ' "effectiveDateTime": "2026-11-20T07:40:12+01:00", '
                   '"valueQuantity": {"value": 78.6, "unit": "kg", "code": "kg"}')
    (r,) = read_file(path).readings
    assert r.device == "urn:oid:1.2.250.1.999"


def test_fhir_steps_by_day_with_ans_unit_and_an_effective_period(tmp_path: Path) -> None:
    path = _bundle(tmp_path, f'{_code("41950-7")}, "effectivePeriod": {{"start": '
                   '"2026-11-19T00:00:00+01:00", "end": "2026-11-19T23:59:59+01:00"}, '
                   '"valueQuantity": {"value": 6421, "code": "1/(24.h)"}')
    (r,) = read_file(path).readings
    assert (r.kind, r.value, r.at) == (STEPS, 6421, _utc(2026, 11, 18, 23))


# --- BLE capture files (§2) ----------------------------------------------------------

def test_ble_receive_time_written_with_a_space_and_full_uuid_characteristics(
        tmp_path: Path) -> None:
    path = _file(tmp_path, "capture.ble",
                 "2026-11-20 07:50:00 2A9D 00 A4 38\n"
                 "2026-11-20T07:51:00+01:00 00002a9d-0000-1000-8000-00805f9b34fb 00:A4:38\n")
    read = read_file(path)
    assert not read.rejected
    assert [(r.value, r.at) for r in read.readings] == [(72.5, _utc(2026, 11, 20, 6, 50)),
                                                        (72.5, _utc(2026, 11, 20, 6, 51))]


def test_ble_spec_vectors_from_the_note(tmp_path: Path) -> None:
    path = _file(tmp_path, "capture.ble",
                 "# §2.5 vectors\n"
                 "2A35 16 79 00 51 00 5E 00 E9 07 03 0E 08 05 1E 48 00 04 00\n"
                 "2A9D 0E A4 38 E9 07 03 0E 08 05 1E 01 ED 00 D6 06\n"
                 "2026-11-20T08:00:00+01:00 2A9D 00 FF FF\n"
                 "2026-11-20T08:00:00+01:00 2A35 01 A1 F0 6B F0 7D F0\n", newline="\r\n")
    read = read_file(path)
    bp, weight, kpa = read.readings
    assert (bp.value, bp.value2, bp.pulse, bp.flags) == (121, 81, 72, FLAG_IRREGULAR_PULSE)
    assert bp.at == _utc(2025, 3, 14, 7, 5, 30) and bp.user == ""
    assert (weight.value, weight.user) == (72.5, "user 1")
    assert (kpa.value, kpa.value2) == (121, 80)
    assert [(r.line, r.reason) for r in read.rejected] == [(4, "measurement_unsuccessful")]


def test_a_ble_file_that_is_not_utf8_text_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "capture.ble"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    read = read_file(path)
    assert read.format is None and read.readings == [] and len(read.rejected) == 1


def test_a_text_file_named_ble_with_no_notification_line_is_another_format(
        tmp_path: Path) -> None:
    read = read_file(_file(tmp_path, "capture.ble", f'{WEIGHT_HEADER}\n"2025-10-27 09:50:20",'
                           '73.33,,,,,\n'))
    assert read.format is None and len(read.rejected) == 1


# --- misnamed files ----------------------------------------------------------------

def test_a_bundle_or_export_without_its_usual_suffix_is_recognised(tmp_path: Path) -> None:
    bundle = _file(tmp_path, "mesures", '{"resourceType": "Bundle", "entry": []}')
    export = _file(tmp_path, "export.txt", EXPORT)
    assert read_file(bundle).format == "fhir"
    assert _values(export) == [(WEIGHT, 78.6, None)]


def test_omron_rows_without_pressures_are_rejected_with_a_reason(tmp_path: Path) -> None:
    path = _file(tmp_path, "omron.csv", f"{OMRON_A}\nJan 12 2025,08:12,-,-,47,-,-,-,-\n"
                 "Jan 33 2025,08:12,114,74,47,-,-,-,-\n")
    assert [(r.line, r.reason) for r in read_file(path).rejected] == [(2, NO_VALUE),
                                                                      (3, BAD_DATE)]


def test_fhir_pedometer_counts_over_spans_become_one_total_a_day(tmp_path: Path) -> None:
    def steps(start: str, value: int, device: str) -> str:
        return (f'{_code("55423-8")}, "device": {{"display": "{device}"}}, "effectivePeriod":'
                f' {{"start": "{start}"}}, "valueQuantity": {{"value": {value}, '
                '"code": "{steps}"}')
    path = _bundle(tmp_path, steps("2026-11-19T09:00:00+01:00", 3000, "Montre"),
                   steps("2026-11-19T17:00:00+01:00", 2500, "Montre"),
                   steps("2026-11-19T09:00:00+01:00", 4000, "Téléphone"),
                   steps("2026-11-20T09:00:00+01:00", 1200, "Montre"))
    read = read_file(path)
    assert [(r.kind, r.at, r.value, r.device) for r in read.readings] == [
        (STEPS, _utc(2026, 11, 18, 23), 5500, "Montre"),
        (STEPS, _utc(2026, 11, 19, 23), 1200, "Montre")]


# --- archives that cannot be read -----------------------------------------------------

def _zip_bytes(tmp_path: Path) -> bytearray:
    archive = tmp_path / "made.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("weight.csv", f'{WEIGHT_HEADER}\n' + "".join(
            f'"2026-11-{d:02d} 07:40:12",7{d % 10}.5,,,,,\n' for d in range(1, 29)))
    return bytearray(archive.read_bytes())


def _garbled(data: bytearray) -> None:
    data[40:60] = b"\xff" * 20  # the deflate stream: zlib.error


def _encrypted(data: bytearray) -> None:
    data[6] |= 1  # general purpose flag bit 0, local header and central directory
    data[data.find(b"PK\x01\x02") + 8] |= 1


def _deflate64(data: bytearray) -> None:
    data[8] = 9  # compression method 9 (Deflate64, as Windows packs big files)
    data[data.find(b"PK\x01\x02") + 10] = 9


@pytest.mark.parametrize("damage", [_garbled, _encrypted, _deflate64])
def test_a_zip_python_cannot_unpack_is_refused_whole_not_a_traceback(tmp_path: Path,
                                                                     damage) -> None:
    data = _zip_bytes(tmp_path)
    damage(data)
    path = tmp_path / "data_USER.zip"
    path.write_bytes(bytes(data))
    read = read_file(path)
    assert read.format is None and read.readings == []
    assert [r.reason for r in read.rejected] == ["damaged_zip"]


# --- numbers -------------------------------------------------------------------------

def test_nan_and_infinite_numbers_are_bad_numbers_not_readings(tmp_path: Path) -> None:
    csv_file = _file(tmp_path, "weight.csv", f'{WEIGHT_HEADER}\n"2026-11-20 07:40:12",nan,,,,,\n'
                     '"2026-11-19 07:40:12",1e400,,,,,\n"2026-11-18 07:40:12",inf,,,,,\n')
    bundle = _bundle(tmp_path, f'{_code("29463-7")}, "effectiveDateTime": '
                     '"2026-11-20T07:40:12+01:00", "valueQuantity": {"value": NaN, "code": "kg"}')
    export = _file(tmp_path, "export.xml", EXPORT.replace('value="78.6"', 'value="NaN"'))
    for path in (csv_file, bundle, export):
        read = read_file(path)
        assert read.readings == [] and read.rejected
        assert {r.reason for r in read.rejected} == {"bad_number"}


def test_steps_with_thousands_separators(tmp_path: Path) -> None:
    archive = tmp_path / "data_USER.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("aggregates_steps.csv", 'date,value\n2026-11-20,"8,450"\n'
                   "2026-11-19,8 450\n2026-11-18,8.450\n2026-11-17,845\n")
    assert [r.value for r in read_file(archive).readings] == [8450, 8450, 8450, 845]


# --- FHIR Bundles of any size ------------------------------------------------------------

def _weight_entry(day: int, value: float) -> str:
    return ('{"resource": {"resourceType": "Observation", "status": "final", '
            f'{_code("29463-7")}, "subject": {{"reference": "Patient/p1"}}, '
            f'"effectiveDateTime": "2026-10-{day:02d}T07:40:00+02:00", '
            f'"valueQuantity": {{"value": {value}, "code": "kg"}}}}}}')


def test_a_bundle_is_read_entry_by_entry_in_little_memory(tmp_path: Path) -> None:
    import tracemalloc
    path = tmp_path / "bundle.json"
    device = ('{"resource": {"resourceType": "Device", "id": "d", "note": [{"text": "'
              + "x" * 1000 + '"}]}}')
    with path.open("w", encoding="utf-8") as out:
        out.write('{"resourceType": "Bundle", "type": "collection", "entry": [\n')
        out.write(_weight_entry(1, 78.6) + ",\n")
        for _ in range(30_000):  # 30 MB of entries the importer passes over
            out.write(device + ",\n")
        out.write(_weight_entry(2, 78.9) + ",\n")
        out.write('{"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", '
                  '"id": "p1", "name": [{"family": "Martin", "given": ["Anne"]}]}}]}\n')
    tracemalloc.start()
    try:
        read = read_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read.format == "fhir" and not read.rejected
    assert [(r.value, r.user) for r in read.readings] == [(78.6, "MARTIN Anne"),
                                                           (78.9, "MARTIN Anne")]
    assert peak < 12 * 1024 * 1024, peak  # the file is 30 MB


def test_a_bundle_cut_short_keeps_its_whole_entries_and_says_where_it_stops(
        tmp_path: Path) -> None:
    text = ('{"resourceType": "Bundle", "entry": [' + _weight_entry(1, 78.6) + ", "
            + _weight_entry(2, 78.9) + ", " + _weight_entry(3, 79.1))
    path = _file(tmp_path, "bundle.json", text[:-40])
    read = read_file(path)
    assert read.format == "fhir"
    assert [r.value for r in read.readings] == [78.6, 78.9]
    assert [(r.line, r.reason) for r in read.rejected] == [(3, "truncated")]


def test_json_that_is_not_a_bundle_is_refused_whole(tmp_path: Path) -> None:
    for text in ('{"resourceType": "Patient", "id": "x"}', '[1, 2, 3]', '{"entry": []}',
                 '{"resourceType": "Bundle", "entry": []} trailing'):
        read = read_file(_file(tmp_path, "other.json", text))
        assert read.format is None and len(read.rejected) == 1, text


def test_excel_sep_hint_line_before_the_header(tmp_path: Path) -> None:
    path = _file(tmp_path, "poids.csv", 'sep=;\nDate;"Poids (kg)";Commentaires\n'
                 '"2026-11-20 07:40:12";78,6;\n"2026-11-19 07:40:12";abc;\n', "utf-8-sig", "\r\n")
    read = read_file(path)
    assert [r.value for r in read.readings] == [78.6]
    assert [(r.line, r.reason) for r in read.rejected] == [(4, "bad_number")]


def test_the_fuzzing_fixtures_read_as_they_should() -> None:
    fixtures = Path(__file__).parent / "fixtures"
    omron = read_file(fixtures / "omron_fr.csv")
    assert (omron.format, [(r.value, r.pulse) for r in omron.readings]) == \
        ("omron", [(114, 47), (121, None)])
    tension = read_file(fixtures / "tension_utf16.csv")
    assert [(r.kind, r.value) for r in tension.readings] == [(BLOOD_PRESSURE, 142),
                                                             (HEART_RATE, 61)]
    assert not omron.rejected and not tension.rejected


def test_fhir_quantities_sent_with_a_display_unit_and_no_code(tmp_path: Path) -> None:
    path = _bundle(tmp_path, f'{_code("29463-7")}, "effectiveDateTime": '
                   '"2026-11-20T07:40:12+01:00", "valueQuantity": {"value": 173, "unit": "lbs"}',
                   f'{_code("8867-4")}, "effectiveDateTime": "2026-11-20T07:40:12+01:00", '
                   '"valueQuantity": {"value": 64, "unit": "beats/minute"}')
    assert _values(path) == [(WEIGHT, 78.471, None), (HEART_RATE, 64, None)]


def test_ble_characteristic_written_with_a_colon(tmp_path: Path) -> None:
    path = _file(tmp_path, "capture.ble", "2026-11-20T07:50:00+01:00 2A9D: 00 A4 38\n")
    assert _values(path) == [(WEIGHT, 72.5, None)]


def test_an_omron_csv_in_a_zip_is_read_as_omron(tmp_path: Path) -> None:
    archive = tmp_path / "omron.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("OMRON report.csv", f"{OMRON_A}\nJan 12 2025,08:12,114,74,47,-,-,-,-\n")
    read = read_file(archive)
    assert read.format == "omron" and [r.value for r in read.readings] == [114]


def test_fhir_device_resource_of_the_bundle_names_the_device(tmp_path: Path) -> None:
    text = ('{"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": '
            '{"resourceType": "Observation", "status": "final", '
            f'{_code("85354-9")}, "device": {{"reference": "urn:uuid:dev-1"}}, '
            '"effectiveDateTime": "2026-11-20T07:45:00+01:00", "component": ['
            f'{_component("8480-6", 128, "mm[Hg]")}, {_component("8462-4", 79, "mm[Hg]")}]}}}}, '
            '{"fullUrl": "urn:uuid:dev-1", "resource": {"resourceType": "Device", "id": "d1", '
            '"manufacturer": "Omron", "deviceName": [{"name": "M7 Intelli IT", '
            '"type": "model-name"}]}}]}')
    (r,) = read_file(_file(tmp_path, "bundle.json", text)).readings
    assert r.device == "M7 Intelli IT"


def test_withings_daily_steps_with_a_steps_header(tmp_path: Path) -> None:
    archive = tmp_path / "data_USER.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("aggregates_steps.csv", "Date,Steps\n2026-11-20,8450\n")
    assert _values(archive) == [(STEPS, 8450, None)]


def test_a_bundle_with_junk_after_a_number_is_refused_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "bundle.json"
    path.write_bytes(b'{"resourceType": "Bundle", "total": 12' + b"x" * (40 << 20))
    read = read_file(path)  # reads at most one entry's worth (16 MB) past the number
    assert read.format is None and [r.reason for r in read.rejected] == ["no_header"]


def test_withings_file_re_saved_by_a_french_spreadsheet(tmp_path: Path) -> None:
    path = _file(tmp_path, "poids.csv", 'Date;Poids (kg);Commentaires\n20/11/2026 07:40;78,6;\n'
                 "19/11/2026 07:35:02;77,9;\n", "cp1252", "\r\n")
    assert [(r.value, r.at) for r in read_file(path).readings] == [
        (78.6, _utc(2026, 11, 20, 6, 40)), (77.9, _utc(2026, 11, 19, 6, 35, 2))]


def test_utf16_without_a_bom(tmp_path: Path) -> None:
    path = _file(tmp_path, "bp.csv", f'{BP_HEADER}\n"2025-10-02 07:34:49",61,,,\n', "utf-16-le")
    assert _values(path) == [(HEART_RATE, 61, None)]


def test_json_nested_past_the_decoders_depth_is_refused_not_a_crash(tmp_path: Path) -> None:
    path = _file(tmp_path, "bundle.json", '{"resourceType": "Bundle", "entry": ['
                 + "[" * 100_000 + "]" * 100_000 + "]}")
    read = read_file(path)
    assert read.format is None and [r.reason for r in read.rejected] == ["no_header"]


def test_an_apple_export_cut_short_keeps_what_was_read_whole(tmp_path: Path) -> None:
    def record(kind: str, day: int, hour: int, value: str, unit: str) -> str:
        at = f"2024-01-{day:02d} {hour:02d}:00:00 +0100"
        return (f'<Record type="HKQuantityTypeIdentifier{kind}" sourceName="iPhone" '
                f'unit="{unit}" startDate="{at}" endDate="{at}" value="{value}"/>\n')
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<HealthData>\n'
            + record("BodyMass", 5, 8, "78.6", "kg")
            + record("BloodPressureSystolic", 5, 9, "142", "mmHg")
            + record("BloodPressureDiastolic", 5, 9, "91", "mmHg")
            + record("StepCount", 5, 10, "4000", "count")
            + record("StepCount", 6, 10, "1000", "count")
            + record("StepCount", 6, 11, "2000", "count"))
    path = _file(tmp_path, "export.xml", text[:-30])  # cut inside the last record
    read = read_file(path)
    assert read.format == "apple-health"
    assert [(r.kind, r.value) for r in read.readings] == [
        (WEIGHT, 78.6), (BLOOD_PRESSURE, 142), (STEPS, 4000)]  # the 6th may be partial
    assert [(r.line, r.reason) for r in read.rejected] == [(6, "unreadable")]


def test_binary_garbage_named_xml_is_format_null(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(b"<\x00\x01\x02" + bytes(range(256)) * 8)
    read = read_file(path)
    assert read.format is None and read.readings == [] and len(read.rejected) == 1


def test_a_utf8_file_with_windows_1252_further_on_loses_no_line(tmp_path: Path) -> None:
    # Years of rows (past the 64 KB the encoding is told from), then a line a French
    # spreadsheet appended in Windows-1252.
    rows = "".join(f'"20{20 + i // 365:02d}-01-01 07:40:12",78.6,,,,,"ras"\n'
                   for i in range(1500))
    path = tmp_path / "weight.csv"
    path.write_bytes(f"{WEIGHT_HEADER}\n{rows}".encode()
                     + '"2026-11-20 07:40:12",79.1,,,,,"après café"\n'.encode("cp1252"))
    read = read_file(path)
    assert not read.rejected and len(read.readings) == 1501
    assert read.readings[-1].value == 79.1


def test_a_windows_1252_file_with_an_undefined_byte_further_on_loses_no_line(
        tmp_path: Path) -> None:
    rows = "".join(f'"20{20 + i // 365:02d}-01-01 07:40:12",78.6,,,,,"café"\n'
                   for i in range(1500))
    path = tmp_path / "weight.csv"
    path.write_bytes(f"{WEIGHT_HEADER}\n{rows}".encode("cp1252")
                     + b'"2026-11-20 07:40:12",79.1,,,,,"\x81"\n')  # 0x81: no cp1252 character
    read = read_file(path)
    assert not read.rejected and len(read.readings) == 1501


def test_a_zip_cut_short_is_said_damaged_whatever_its_name(tmp_path: Path) -> None:
    whole = bytes(_zip_bytes(tmp_path))
    for name in ("export.zip", "data_USER_1764000000", "export.xml"):
        path = tmp_path / name
        path.write_bytes(whole[: len(whole) // 2])
        read = read_file(path)
        assert read.format is None and [r.reason for r in read.rejected] == ["damaged_zip"]


def test_spanish_headers_for_both_vendors(tmp_path: Path) -> None:
    withings = _file(tmp_path, "bp.csv", 'Fecha,"Frecuencia cardíaca",Sistólica,Diastólica,'
                     'Comentarios\n"2026-11-20 07:42:10",88,142,91,\n')
    omron = _file(tmp_path, "omron.csv", "Fecha,Hora,Sistólica (mmHg),Diastólica (mmHg),"
                  "Pulso (lpm)\nJan 12 2025,08:12,114,74,47\n")
    assert [(r.value, r.value2, r.pulse) for r in read_file(withings).readings] == [
        (142, 91, 88)]
    read = read_file(omron)
    assert read.format == "omron"
    assert [(r.value, r.value2, r.pulse) for r in read.readings] == [(114, 74, 47)]
