"""The support command: `python -m tsn_desktop.readings.importers`, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.sync.conftest import env_for_subprocess

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "tsn_desktop.readings.importers", *args],
                          capture_output=True, text=True, env=env_for_subprocess(),
                          check=True, timeout=60)
    assert done.stderr == ""
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_one_json_object_per_file_with_counts_span_values_and_rejections(tmp_path) -> None:
    missing = tmp_path / "gone.csv"
    weight, bp, gone = run("--today", "2026-11-19", str(FIXTURES / "weight.csv"),
                           str(FIXTURES / "bp.csv"), str(missing))
    assert weight["format"] == "withings"
    # 20/11 is after --today: rejected as in the future, line 2 of the file.
    assert weight["readings"] == {"weight": 3, "blood_pressure": 0, "heart_rate": 0,
                                  "steps": 0}
    assert weight["rejected"] == [{"line": 2, "reason": "in_the_future"}]
    assert weight["first"] == "2026-11-17T06:30:00+00:00"
    assert weight["last"] == "2026-11-19T06:35:02+00:00"
    assert weight["values"][0] == {"kind": "weight", "at": "2026-11-17T06:30:00+00:00",
                                   "value": 76.4, "source": "withings:weight.csv"}
    assert bp["values"][0]["value"] == [128.0, 82.0]
    assert gone == {"file": "gone.csv", "format": None,
                    "readings": {"weight": 0, "blood_pressure": 0, "heart_rate": 0,
                                 "steps": 0},
                    "first": None, "last": None, "values": [],
                    "rejected": [{"line": 0, "reason": "unreadable"}]}


def test_a_file_of_garbage_is_format_null_never_a_traceback(tmp_path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    (result,) = run(str(junk))
    assert result["format"] is None and len(result["rejected"]) == 1


def test_what_cannot_be_read_is_one_rejection_each_never_a_traceback(tmp_path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    folder = tmp_path / "a_folder.csv"
    folder.mkdir()
    png = tmp_path / "photo.ble"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    damaged = tmp_path / "export.zip"
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("apple_health_export/export.xml", "<HealthData>" + "<Record/>" * 500)
    data = bytearray(damaged.read_bytes())
    data[data.find(b"PK\x01\x02") + 10] = 9  # Deflate64: Python cannot unpack it
    data[8] = 9
    damaged.write_bytes(bytes(data))
    results = run(str(empty), str(folder), str(png), str(damaged))
    assert [(r["file"], r["format"], len(r["rejected"]), r["values"]) for r in results] == [
        ("empty.csv", None, 1, []), ("a_folder.csv", None, 1, []),
        ("photo.ble", None, 1, []), ("export.zip", None, 1, [])]
    assert all(r["rejected"][0]["reason"] for r in results)


def test_steps_are_counted_as_days(tmp_path) -> None:
    bundle = tmp_path / "bundle.json"
    steps = [{"resource": {"resourceType": "Observation", "status": "final",
                           "code": {"coding": [{"system": "http://loinc.org", "code": code}]},
                           "effectiveDateTime": at,
                           "valueQuantity": {"value": value, "code": unit}}}
             for code, at, value, unit in (
                 ("55423-8", "2026-11-19T09:00:00+01:00", 3000, "{steps}"),
                 ("55423-8", "2026-11-19T17:00:00+01:00", 2500, "{steps}"),
                 ("41950-7", "2026-11-18", 6000, "/d"))]
    bundle.write_text(json.dumps({"resourceType": "Bundle", "entry": steps}), "utf-8")
    (result,) = run("--today", "2026-11-20", str(bundle))
    assert result["readings"]["steps"] == 2
    assert [v["value"] for v in result["values"]] == [6000, 5500]


def test_impossible_values_are_rejected_with_their_reason_per_line(tmp_path) -> None:
    weight = tmp_path / "weight.csv"
    weight.write_text('Date,"Weight (kg)","Fat mass (kg)",Comments\n'
                      '"2026-11-20 07:40:12",0,,\n"2026-11-19 07:40:12",900,,\n'
                      '"2026-11-18 07:40:12",78.6,,\n', "utf-8")
    omron = tmp_path / "omron.csv"
    omron.write_text("Date;Heure;Systolique (mmHg);Diastolique (mmHg);Pouls (bpm)\n"
                     "12 janv. 2025;08:12;80;95;70\n12 janv. 2025;20:12;128;82;-\n",
                     "utf-8-sig")
    w, o = run("--today", "2026-11-20", str(weight), str(omron))
    assert w["rejected"] == [{"line": 2, "reason": "out_of_range"},
                             {"line": 3, "reason": "out_of_range"}]
    assert [v["value"] for v in w["values"]] == [78.6]
    assert o["format"] == "omron"
    assert o["rejected"] == [{"line": 2, "reason": "diastolic_above_systolic"}]
    assert o["values"] == [{"kind": "blood_pressure", "at": "2025-01-12T19:12:00+00:00",
                            "value": [128.0, 82.0], "source": "omron:omron.csv"}]


def test_a_file_name_in_another_encoding_and_a_latin1_terminal_do_not_crash(tmp_path) -> None:
    # A Latin-1 name from a USB stick on a UTF-8 system, printed to a Latin-1 pipe.
    name = os.fsencode(tmp_path) + b"/poids_\xe9t\xe9.csv"
    with open(name, "wb") as out:
        out.write(b'Date,"Weight (kg)"\n"2026-11-18 07:40:12",78.6\n')
    env = {**env_for_subprocess(), "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([sys.executable, "-m", "tsn_desktop.readings.importers",
                           "--today", "2026-11-20", name], capture_output=True, env=env,
                          check=True, timeout=60)
    assert done.stderr == b""
    result = json.loads(done.stdout.decode("utf-8"))
    assert result["file"] == "poids_\ufffdt\ufffd.csv" and result["readings"]["weight"] == 1


def test_output_cut_short_by_the_reader_is_no_traceback(tmp_path) -> None:
    files = [str(FIXTURES / "weight.csv")] * 200
    with subprocess.Popen([sys.executable, "-m", "tsn_desktop.readings.importers", *files],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env_for_subprocess()) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        assert process.stderr.read() == b""
