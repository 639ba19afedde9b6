"""Quitting from the lock screen quits (issue: the process used to stay, shut down, and
the right passphrase then raised): every way out ends the process, shutdown runs once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]
DRIVER = Path(__file__).with_name("quit_driver.py")


@pytest.mark.parametrize("how", ["button", "ctrl-q", "alt-f4", "sigterm"])
def test_quitting_from_the_lock_screen_ends_the_process_after_one_shutdown(
        tmp_path: Path, how: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([sys.executable, str(DRIVER), str(tmp_path), how], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first == "LOCKED", (first, process.stderr.read() if process.poll() else "")
        if how == "sigterm":
            process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "EXITED 0 shutdowns=1 executor=None" in out, (out, err)
    assert "Traceback" not in err, err
