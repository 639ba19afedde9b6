"""The support command: `python -m tsn_desktop.readings.importers`, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
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
