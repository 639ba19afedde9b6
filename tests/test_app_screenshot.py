"""`--demo --screenshot`: the whole start-up, run as a user would, renders a PNG and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the option itself must choose offscreen
    return subprocess.run(
        [sys.executable, "-m", "tsn_desktop", "--basedir", str(tmp_path / "base"), *args],
        env=env, capture_output=True, text=True, timeout=180, check=False)


def _size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_demo_screenshot_of_the_patient_list(tmp_path: Path) -> None:
    out = tmp_path / "patients.png"
    result = _run(tmp_path, "--demo", "--screenshot", str(out), "--page", "patients")
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 20_000  # a filled list, not an empty grey window
    assert _size(out) == (1280, 800)
    # The throw-away practice is gone; nothing was written outside the basedir.
    assert list((tmp_path / "base").iterdir()) == []


def test_screenshot_of_the_unlock_dialog(tmp_path: Path) -> None:
    out = tmp_path / "unlock.png"
    result = _run(tmp_path, "--screenshot", str(out), "--screenshot-dialog", "unlock")
    assert result.returncode == 0, result.stderr
    width, height = _size(out)
    assert width >= 400 and height >= 200


@pytest.mark.parametrize("screen", ["wizard-passphrase", "locked"])
def test_screenshots_of_the_screens_the_lead_reviews(tmp_path: Path, screen: str) -> None:
    out = tmp_path / f"{screen}.png"
    result = _run(tmp_path, "--screenshot", str(out), "--screenshot-dialog", screen)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 5_000
