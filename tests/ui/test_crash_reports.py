"""An unexpected error, on the GUI thread or another one, ends in the error dialog and a
crash report in the profile's log folder that names code places only: no message, no
local variable, no source line, nothing a patient could be recognised by."""

from __future__ import annotations

import stat
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tsn_desktop.core import crash
from tsn_desktop.ui import errors
from tsn_desktop.ui.errors import ErrorDialog

pytestmark = pytest.mark.gui

PATIENT = "DUPONT Jeanne"


def _open_file(name: str) -> None:
    patient_name = name  # a local holding patient data: must never reach the report
    try:
        {}[patient_name]  # a KeyError's message is the key itself
    except KeyError as exc:
        raise RuntimeError(f"cannot show the file of {patient_name}") from exc


def _raised() -> BaseException:
    try:
        _open_file(PATIENT)
    except RuntimeError as exc:
        exc.add_note(f"while opening {PATIENT}")
        return exc
    raise AssertionError("nothing raised")


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The app's hooks installed for one test (then Python's back), dialogs recorded
    instead of shown modally, reports in a temporary logs/ folder."""
    shown: list[tuple[ErrorDialog, threading.Thread]] = []
    monkeypatch.setattr(ErrorDialog, "exec",
                        lambda self: shown.append((self, threading.current_thread())) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    previous = crash.folder()
    crash.set_folder(None)
    logs = tmp_path / "logs"
    errors.install_excepthook(logs)
    yield {"shown": shown, "logs": logs}
    crash.set_folder(previous)


def the_report(logs: Path) -> str:
    [report] = list(logs.glob("crash-*.txt"))
    if sys.platform != "win32":
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
        assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    return report.read_text(encoding="utf-8")


def test_an_error_on_the_gui_thread_shows_the_dialog_and_writes_a_report_without_data(
        hooks, french, caplog: pytest.LogCaptureFixture) -> None:
    exc = _raised()
    sys.excepthook(type(exc), exc, exc.__traceback__)
    [(dialog, thread)] = hooks["shown"]
    assert thread is threading.main_thread()
    assert str(hooks["logs"]) in dialog.todo_label.text()
    report = the_report(hooks["logs"])
    assert "builtins.RuntimeError" in report and "builtins.KeyError" in report
    assert "test_crash_reports.py" in report and "in _open_file" in report
    for secret in ("DUPONT", "Jeanne", "patient_name", "cannot show"):
        assert secret not in report and secret not in dialog.details
    assert "DUPONT" not in caplog.text
    dialog.close()


def test_an_error_in_another_thread_ends_in_the_dialog_on_the_gui_thread(
        qtbot, hooks, french, caplog: pytest.LogCaptureFixture) -> None:
    worker = threading.Thread(target=_open_file, args=(PATIENT,), name="tsn-test-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(hooks["shown"]), timeout=10_000)
    [(dialog, thread)] = hooks["shown"]
    assert thread is threading.main_thread()
    report = the_report(hooks["logs"])
    assert "thread: tsn-test-worker" in report and "DUPONT" not in report
    dialog.close()


def test_a_report_goes_to_the_folder_of_the_profile_open_at_the_time(tmp_path: Path) -> None:
    previous = crash.folder()
    try:
        crash.set_folder(tmp_path / "profile-a" / "logs")
        path = crash.write_report(_raised(), "1.0")
        assert path is not None and path.parent == tmp_path / "profile-a" / "logs"
    finally:
        crash.set_folder(previous)


def test_a_crash_loop_keeps_only_the_latest_reports(tmp_path: Path) -> None:
    exc = _raised()
    for second in range(crash.KEEP_REPORTS + 5):
        crash.write_report(exc, "1.0", now=datetime(2026, 11, 23, 9, 0, second, tzinfo=UTC),
                           where=tmp_path)
    kept = sorted(p.name for p in tmp_path.glob("crash-*.txt"))
    assert len(kept) == crash.KEEP_REPORTS
    assert kept[0].startswith("crash-20261123-090005-")


def test_nowhere_to_write_is_no_second_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "logs"
    blocker.write_text("a file where the folder should be")
    assert crash.write_report(_raised(), "1.0", where=blocker) is None


def test_a_failed_database_call_nobody_handled_is_reported_but_a_full_disk_is_not(
        qtbot, tmp_path: Path, french, caplog: pytest.LogCaptureFixture) -> None:
    import errno

    from tsn_desktop.ui.failures import report_failure

    previous = crash.folder()
    crash.set_folder(tmp_path / "logs")
    try:
        full = OSError(errno.ENOSPC, "No space left on device")
        report_failure(None, full).close()
        assert not (tmp_path / "logs").exists()
        report_failure(None, _raised()).close()
        report = the_report(tmp_path / "logs")
        assert "thread: database call" in report and "DUPONT" not in report
    finally:
        crash.set_folder(previous)
