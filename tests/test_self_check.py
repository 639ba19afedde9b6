"""`tsn-desktop --self-check`: the check an installer's smoke test and support run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsn_desktop.cli import main


def test_self_check_passes_on_a_sound_checkout_and_leaves_nothing_behind(
        basedir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-check", "--basedir", str(basedir)]) == 0
    out = capsys.readouterr().out
    for check in ("version", "database", "forecast", "translations"):
        assert f"ok {check}:" in out
    assert "on 2 workers" in out  # the forecast really went through worker processes
    assert list(basedir.iterdir()) == []
