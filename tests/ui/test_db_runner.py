"""The GUI's one way to the database: results for a widget that is gone are dropped, a
failure nobody words reaches the error dialog with words for what the user can do, and one
"records changed" signal covers every commit."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from tests.patients.factories import make_patient
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database, DatabaseError
from tsn_desktop.core.executor import DbExecutor, DbRunner, RecordsChanged
from tsn_desktop.core.session import Practitioner, create_profile
from tsn_desktop.patients import service
from tsn_desktop.ui import failures
from tsn_desktop.ui.failures import Failure, classify

pytestmark = pytest.mark.gui


@pytest.fixture
def database(tmp_path: Path, clock: FrozenClock, fast_kdf) -> Iterator[Database]:
    practitioner = Practitioner(family_name="Martin", given_names="Anne",
                                profession="general_practitioner", rpps="10012345673")
    opened = create_profile(tmp_path, practitioner, "une phrase de passe assez longue",
                            remember=False, clock=clock, kdf=fast_kdf)
    yield opened.db


@pytest.fixture
def executor(database: Database) -> Iterator[DbExecutor]:
    executor = DbExecutor(database)
    yield executor
    executor.shutdown()


def test_a_result_for_a_closed_window_is_dropped(qtbot, executor: DbExecutor) -> None:
    runner = DbRunner(executor)
    owner = QWidget()
    delivered: list[object] = []
    future = runner.run(lambda db: db.query("SELECT 1"), delivered.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(future.done, timeout=5_000)
    qtbot.wait(50)  # the queued delivery has run, into nothing
    assert delivered == []
    kept = QWidget()
    runner.run(lambda db: db.query("SELECT 2"), delivered.append, owner=kept)
    qtbot.waitUntil(lambda: delivered == [[(2,)]], timeout=5_000)
    kept.deleteLater()


def test_a_failure_nobody_handles_goes_to_the_error_handler_not_to_a_silent_log(
        qtbot, executor: DbExecutor) -> None:
    handled: list[tuple[BaseException, object]] = []
    runner = DbRunner(executor, on_unhandled=lambda exc, owner: handled.append((exc, owner)))
    owner = QWidget()
    runner.run(lambda db: db.query("SELECT * FROM no_such_table"), owner=owner)
    qtbot.waitUntil(lambda: bool(handled), timeout=5_000)
    [(error, told_owner)] = handled
    assert isinstance(error, DatabaseError) and told_owner is owner
    owner.deleteLater()


def test_the_app_handler_shows_the_error_dialog_over_the_asking_window(
        qtbot, executor: DbExecutor, caplog: pytest.LogCaptureFixture) -> None:
    shown: list[failures.ErrorDialog] = []
    window = QWidget()
    qtbot.addWidget(window)
    runner = DbRunner(executor, on_unhandled=lambda exc, owner: shown.append(
        failures.report_failure(owner.window() if isinstance(owner, QWidget) else None, exc)))
    with caplog.at_level("ERROR"):
        runner.run(lambda db: db.query("SELECT * FROM no_such_table"), owner=window)
        qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    dialog = shown[0]
    assert dialog.parent() is window
    assert "no_such_table" not in dialog.details  # a message could quote patient data
    assert [r.getMessage() for r in caplog.records] == ["operation failed (bug): OperationalError"]
    dialog.close()


def test_local_saves_tell_which_records_changed(qtbot, executor: DbExecutor,
                                                database: Database) -> None:
    runner = DbRunner(executor)
    database.commit_listener = runner.committed
    with qtbot.waitSignal(runner.records_changed, timeout=5_000) as blocker:
        executor.call(lambda db: service.save(db, make_patient()))
    changed = blocker.args[0]
    assert isinstance(changed, RecordsChanged)
    assert changed.types() == {"Patient"} and changed.pulled == ()
    assert len(changed.ids("Patient")) == 1


@pytest.mark.parametrize(("error", "kind"), [
    (OSError(errno.ENOSPC, "No space left on device"), Failure.DISK_FULL),
    (DatabaseError("database or disk is full"), Failure.DISK_FULL),
    (OSError(errno.EROFS, "Read-only file system"), Failure.READ_ONLY),
    (DatabaseError("attempt to write a readonly database"), Failure.READ_ONLY),
    (DatabaseError("database disk image is malformed"), Failure.DAMAGED),
    (DatabaseError("file is not a database"), Failure.DAMAGED),
    (KeyError("DURAND"), Failure.BUG),
])
def test_environment_failures_get_their_own_words(error: BaseException, kind: Failure,
                                                  french: object) -> None:
    assert classify(error) is kind
    what, todo = failures.words(kind)
    if kind is Failure.BUG:
        assert "Réessayez" in todo
    else:
        assert "Réessayez" not in todo and "redémarrez" not in todo


def test_a_wrapped_disk_full_error_is_still_recognised() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("save failed") from inner
    except RuntimeError as outer:
        assert classify(outer) is Failure.DISK_FULL


class _Witness:
    """Records on which thread its last reference went (a PySide widget freed off the GUI
    thread crashes the process: this is the plain-Python stand-in that can be observed)."""

    freed_on: list[str] = []

    def __del__(self) -> None:
        import threading
        _Witness.freed_on.append(threading.current_thread().name)


def test_what_a_job_holds_is_let_go_on_the_gui_thread_not_the_database_thread(
        qtbot, executor: DbExecutor) -> None:
    """A tab closed while its read runs: its job's closure held the last reference, and the
    database thread dropped it at its next job (the intermittent segfault of the suite)."""
    import threading

    runner = DbRunner(executor)
    _Witness.freed_on.clear()
    witness = _Witness()
    release = threading.Event()
    delivered: list[object] = []

    def job(db: Database, held: _Witness = witness) -> int:
        release.wait(5)
        return 1

    future = runner.run(job, delivered.append)
    del job, witness  # the tab is closed: only the running job still holds it
    release.set()
    qtbot.waitUntil(lambda: delivered == [1], timeout=5_000)
    executor.call(lambda db: None)  # the database thread moves on to its next job
    qtbot.waitUntil(lambda: bool(_Witness.freed_on), timeout=5_000)
    assert _Witness.freed_on == [threading.main_thread().name]
    assert future.result() == 1
