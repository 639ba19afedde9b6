"""A 1366×768 laptop at 125 % and 150 % scaling: the main window fits, the status bar
and "Sync now" stay on screen, in French and English (the window used to open at a fixed
1280×800). The offscreen platform is given the laptop's screen by a config file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]
DRIVER = Path(__file__).with_name("small_screen_driver.py")


@pytest.mark.parametrize("scale", [1.25, 1.5])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_window_fits_a_laptop_screen_at_its_scaling(tmp_path: Path, scale: float,
                                                        lang: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96 * scale, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    picture = tmp_path / f"window-{lang}-{scale}.png"
    result = subprocess.run([sys.executable, str(DRIVER), str(tmp_path / "base"),
                             str(picture), lang], env=env, capture_output=True, text=True,
                            timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["available"][0] <= round(1366 / scale) + 1  # the scaling took effect
    assert seen["fits"], seen
    assert seen["sync_button_visible"], seen
    assert picture.stat().st_size > 10_000
