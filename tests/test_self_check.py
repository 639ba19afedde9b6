"""`tsn-desktop --self-check`: the check an installer's smoke test and support run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsn_desktop.cli import main


def test_self_check_passes_on_a_sound_checkout_and_leaves_nothing_behind(
        basedir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-check", "--basedir", str(basedir)]) == 0
    out = capsys.readouterr().out
    for check in ("version", "database", "forecast", "translations", "collation",
                  "standard buttons", "charts and PDF"):
        assert f"ok {check}:" in out
    assert "on 2 workers" in out  # the forecast really went through worker processes
    assert list(basedir.iterdir()) == []


def test_a_byte_order_sort_fails_the_collation_check(
        basedir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """What a build without ICU's collation data would do: É after Z."""
    from PySide6.QtCore import QCollator, QLocale

    from tsn_desktop.patients.ui import table_model

    monkeypatch.setattr(table_model, "french_collator", lambda: QCollator(QLocale.c()))
    assert main(["--self-check", "--basedir", str(basedir)]) == 1
    assert "FAILED collation" in capsys.readouterr().err
