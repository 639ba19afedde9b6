"""Withings activity: the export zip's aggregates_steps.csv (one total a day) read as daily
steps at the patient's local midnight, bad rows rejected with their reason."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from tsn_desktop.core.clock import PARIS
from tsn_desktop.readings.importers import read_file
from tsn_desktop.readings.model import BAD_DATE, NO_VALUE, STEPS

FIXTURES = Path(__file__).parent / "fixtures"
STEPS_CSV = ("date,value\n"
             "2026-11-20,8450\n"
             "2026-11-19,\n"
             "19/11/2026,7000\n"
             "2026-11-18,6120\n")


def export(tmp_path: Path) -> Path:
    archive = tmp_path / "data_USER_1764000000.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURES / "weight.csv", "data_USER/weight.csv")
        z.writestr("data_USER/aggregates_steps.csv", STEPS_CSV)
        z.writestr("data_USER/aggregates_distance.csv", "date,value\n2026-11-20,5.2\n")
    return archive


def test_the_export_zips_daily_steps_are_read_at_local_midnight(tmp_path: Path) -> None:
    read = read_file(export(tmp_path))
    steps = [(r.at, r.value) for r in read.readings if r.kind == STEPS]
    assert steps == [(datetime(2026, 11, 20, tzinfo=PARIS), 8450.0),
                     (datetime(2026, 11, 18, tzinfo=PARIS), 6120.0)]
    assert [(r.line, r.reason, r.member) for r in read.rejected] == \
        [(3, NO_VALUE, "aggregates_steps.csv"), (4, BAD_DATE, "aggregates_steps.csv")]
    # The distance file (same header) is not read as steps.
    assert all(r.value != 5.2 for r in read.readings)


def test_the_command_counts_withings_steps_as_days(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "tsn_desktop.readings.importers",
                          "--today", "2026-11-23", str(export(tmp_path))],
                         capture_output=True, text=True, check=True)
    summary = json.loads(out.stdout)
    assert summary["format"] == "withings" and summary["readings"]["steps"] == 2
