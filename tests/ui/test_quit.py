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


def test_a_shutdown_signal_while_the_demo_is_built_quits_once_it_runs_and_removes_it(
        tmp_path: Path) -> None:
    """SIGTERM as soon as the demo's folder exists, while it is being filled: the process
    used to die on the spot (exit -15) and leave the demo behind."""
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([sys.executable, "-m", "tsn_desktop", "--basedir",
                                str(tmp_path), "--demo"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not list(tmp_path.glob("tsn-demo-*")) and process.poll() is None:
            time.sleep(0.01)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert list(tmp_path.iterdir()) == [], "the demo practice was left behind"
